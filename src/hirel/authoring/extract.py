"""The article text of a web page, verbatim, and its metadata.

trafilatura finds the article's paragraphs and drops the site chrome (navigation, cookie
banners, share buttons, related-article lists, footers). It also tidies what it keeps: it
collapses and converts spaces (a non-breaking space becomes a plain one), drops invisible
characters and applies Unicode NFC normalization. A quote must be the text as published, so
each paragraph it returns is located in the page's own text and copied from there; only the
whitespace of the HTML source (which a browser does not show) is collapsed.

trafilatura is imported here only, so that no other command pays its import time.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from . import AuthoringError
from .metadata import BLOCK_START, LINE_BREAK, PageMetadata, read_metadata

MIN_WORDS = 5  # fewer is a menu or a title, not an article
_SOURCE_SPACE = re.compile("[ \t\r\n\f\u2028\u2029]+")  # the HTML source's whitespace and our markers


@dataclass
class Extracted:
    text: str  # paragraphs separated by blank lines, title first
    metadata: PageMetadata
    restored: int = 0  # paragraphs copied from the page's own text
    kept: int = 0  # paragraphs the page's text did not hold, kept as the extractor gave them


def looks_like_html(text: str) -> bool:
    head = text.lstrip()[:1000].lower()
    return head.startswith(("<!doctype html", "<html")) or "<body" in head or "<head" in head


def _key_chars(char: str) -> str:
    """What a character contributes to the comparison key: nothing for spaces, controls,
    format characters and combining marks; otherwise its compatibility decomposition, casefolded."""
    if char.isspace() or unicodedata.category(char) in ("Cc", "Cf", "Mn", "Zs", "Zl", "Zp"):
        return ""
    decomposed = unicodedata.normalize("NFKD", char)
    return "".join(c for c in decomposed if unicodedata.category(c) != "Mn").casefold()


def _keyed(text: str) -> tuple[str, list[int]]:
    """The comparison key of ``text`` and, for each key character, its offset in ``text``."""
    out: list[str] = []
    offsets: list[int] = []
    for index, char in enumerate(text):
        if char.isascii():
            if char.isspace() or not char.isprintable():
                continue
            out.append(char.lower())
            offsets.append(index)
            continue
        for piece in _key_chars(char):
            out.append(piece)
            offsets.append(index)
    return "".join(out), offsets


def _key(text: str) -> str:
    return _keyed(text)[0]


def restore_verbatim(paragraphs: list[str], page_text: str) -> tuple[list[str], int]:
    """See _restore; here only the paragraphs and how many were found."""
    restored, found, _single = _restore(paragraphs, page_text)
    return restored, found


def join_paragraphs(paragraphs: list[str], single_breaks: set[int]) -> str:
    """Paragraphs separated by blank lines, except after one a lone <br> ends (a plain line break)."""
    out = []
    for index, paragraph in enumerate(paragraphs):
        if index:
            out.append("\n" if index - 1 in single_breaks else "\n\n")
        out.append(paragraph)
    return "".join(out) + "\n"


def _restore(paragraphs: list[str], page_text: str) -> tuple[list[str], int, set[int]]:
    """Each paragraph as the page writes it (searched in order), and how many were found.

    The extractor's own markup is kept around the page's text: a list item's '- ' and a table
    row's ' | ' between cells. A paragraph the page's text does not hold (the extractor rebuilt
    it) is kept as given.
    """
    page_key, offsets = _keyed(page_text)
    restored, found, position = [], 0, 0
    spans: list[tuple[int, int] | None] = []
    span: tuple[int, int] | None = None

    def locate(piece: str) -> str | None:
        nonlocal position, span
        needle = _key(piece)
        if not needle:
            return None
        at = page_key.find(needle, position)
        if at < 0:
            at = page_key.find(needle)  # the extractor may reorder blocks
        if at < 0:
            return None
        start, end = offsets[at], offsets[at + len(needle) - 1] + 1
        position = at + len(needle)
        span = (start, end) if span is None else (span[0], end)
        return _SOURCE_SPACE.sub(" ", page_text[start:end]).strip()

    for paragraph in paragraphs:
        span = None
        bullet = re.match(r"^[-*•]\s+", paragraph)
        if paragraph.startswith("|") and paragraph.endswith("|"):
            cells = [cell.strip() for cell in paragraph.strip("|").split("|")]
            located = [locate(cell) if cell else "" for cell in cells]
            copies = [copy for copy in located if copy is not None]
            if len(copies) == len(located):
                restored.append("| " + " | ".join(copies) + " |")
                found += 1
                spans.append(None)
                continue
        else:
            copy = locate(paragraph)
            if copy is None and bullet:
                copy = locate(paragraph[bullet.end():])
                copy = None if copy is None else bullet.group() + copy
            if copy is not None:
                restored.append(copy)
                found += 1
                spans.append(span)
                continue
        restored.append(paragraph)
        spans.append(None)
    single = set()
    for index in range(len(spans) - 1):
        here, after = spans[index], spans[index + 1]
        if here and after and here[1] <= after[0]:
            gap = page_text[here[1]:after[0]]
            if gap.count(LINE_BREAK) == 1 and BLOCK_START not in gap and not gap.replace(LINE_BREAK, "").strip():
                single.add(index)
    return restored, found, single


def extract_html(html: str, url: str | None = None) -> Extracted:
    """The article of a page: its paragraphs (verbatim) and metadata. AuthoringError when no
    article text can be found."""
    try:
        import trafilatura
    except ImportError as exc:  # pragma: no cover - a dependency; a broken install says so
        raise AuthoringError(f"cannot read web pages: {exc} (reinstall hirel)") from exc

    metadata = read_metadata(html, url)
    text = trafilatura.extract(html, url=metadata.url or url, output_format="txt", include_comments=False,
                               include_tables=True, include_images=False, include_links=False,
                               deduplicate=False, with_metadata=False)
    if not text or len(text.split()) < MIN_WORDS:
        raise AuthoringError("no article text found in the page")
    paragraphs = [line.strip() for line in text.split("\n") if line.strip()]
    restored, found, single = _restore(paragraphs, metadata.text)
    if metadata.title is None:
        metadata.title = restored[0][:200]
    if _key(restored[0]) != _key(metadata.title):
        restored.insert(0, metadata.title)
        single = {index + 1 for index in single}
    return Extracted(join_paragraphs(restored, single), metadata, found, len(paragraphs) - found)


def read_text_source(text: str, name: str | None = None) -> Extracted:
    """A text or Markdown article: the title is its first line (a leading '#' dropped); a byline,
    a date line and a wire dateline among the first lines are read (`textheader`)."""
    from .textheader import read_header

    lines = [line.rstrip() for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    while lines and not lines[0].strip():
        lines.pop(0)
    if not lines:
        raise AuthoringError(f"{name or 'the input'} is empty")
    title = re.sub(r"^#+\s*", "", lines[0]).strip()
    body = "\n".join(lines).strip("\n") + "\n"
    header = read_header(lines)
    metadata = PageMetadata(title=title or None, author=header.author, published=header.published,
                            published_from="date line" if header.published else None, site_name=header.agency)
    if header.agency:
        metadata.site_from = "wire dateline"
    return Extracted(body, metadata, 0, 0)


def extract_source(source: str, stdin_text: str | None = None, url: str | None = None) -> Extracted:
    """SOURCE of `hirel add`: a URL, '-' (standard input), or a file (HTML, text or Markdown)."""
    from pathlib import Path

    from .fetch import fetch_url, is_url, read_file

    if is_url(source):
        return extract_html(fetch_url(source), url or source)
    if source == "-":
        text, name = stdin_text or "", "standard input"
    else:
        path = Path(source)
        text, name = read_file(path), str(path)
        if path.suffix.lower() in (".html", ".htm", ".xhtml") or looks_like_html(text):
            return extract_html(text, url)
        return read_text_source(text, name)
    if looks_like_html(text):
        return extract_html(text, url)
    return read_text_source(text, name)
