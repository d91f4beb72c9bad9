"""A web page's own metadata: JSON-LD, Open Graph and other meta tags, the canonical address,
the byline, and, as the last resort for the date, the date written in the address.

Read with the standard library's HTML parser (one pass, no network). The page's visible text
is collected on the same pass: the extractor's output is restored from it, character for
character (see `extract.py`).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from html.parser import HTMLParser
from typing import Any
from urllib.parse import urlsplit

# JSON-LD types that describe the article itself, and the `kind` each suggests.
ARTICLE_TYPES = {
    "newsarticle": "news", "reportagenewsarticle": "news", "liveblogposting": "news",
    "analysisnewsarticle": "analysis", "opinionnewsarticle": "opinion", "backgroundnewsarticle": "explainer",
    "reviewnewsarticle": "opinion", "blogposting": "blog", "article": None, "report": "reference",
    "scholarlyarticle": "reference", "techarticle": None,
}
LINE_BREAK = "\u2028"  # a <br> in the page's text (a line break inside a paragraph)
BLOCK_START = "\u2029"  # the start of a block element (a paragraph, a list item, a heading…)
_SKIPPED_TAGS = {"script", "style", "noscript", "template", "svg", "head"}
_ISO_DATE = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})")
_URL_DATES = (
    re.compile(r"/((?:19|20)\d{2})/(\d{1,2})/(\d{1,2})(?:/|$)"),
    re.compile(r"[/_-]((?:19|20)\d{2})-(\d{2})-(\d{2})(?:[/_.-]|$)"),
    re.compile(r"/((?:19|20)\d{2})(\d{2})(\d{2})(?:[/_.-]|$)"),
    re.compile(r"/((?:19|20)\d{2})/(\d{1,2})(?:/|$)()"),
)
_TEXT_DATE_FORMATS = ("%B %d, %Y", "%b %d, %Y", "%d %B %Y", "%d %b %Y", "%a, %d %b %Y %H:%M:%S %z")
_BYLINE_CLASS = re.compile(r"\b(?:byline|author-name|article-author|c-byline)\b", re.IGNORECASE)


@dataclass
class PageMetadata:
    title: str | None = None
    author: str | None = None
    published: str | None = None
    published_from: str | None = None  # where the date was read: json-ld, meta, time, url, date line
    site_from: str | None = None  # where the outlet was read when it is worth a note: wire dateline
    site_name: str | None = None
    url: str | None = None
    kind: str | None = None
    amp: bool = False
    text: str = ""  # the visible text, source whitespace kept; <br> and block starts marked (see above)
    jsonld_types: list[str] = field(default_factory=list)


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.meta: dict[str, str] = {}
        self.links: dict[str, str] = {}
        self.jsonld: list[str] = []
        self.title_parts: list[str] = []
        self.h1_parts: list[str] | None = None
        self.h1: str | None = None
        self.byline_parts: list[str] | None = None
        self.byline_depth = 0
        self.bylines: list[str] = []
        self.times: list[tuple[str, bool]] = []  # (datetime attribute, marked as published)
        self.amp = False
        self.text_parts: list[str] = []
        self._skip = 0
        self._in_title = False
        self._in_jsonld = False
        self._jsonld_parts: list[str] = []
        self._depth = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k.lower(): (v or "") for k, v in attrs}
        if tag == "html" and ("amp" in a or "\u26a1" in a):
            self.amp = True
        if tag == "meta":
            key = (a.get("property") or a.get("name") or a.get("itemprop") or "").strip().lower()
            if key and "content" in a:
                self.meta.setdefault(key, a["content"].strip())
            return
        if tag == "link":
            for rel in a.get("rel", "").lower().split():
                if a.get("href"):
                    self.links.setdefault(rel, a["href"].strip())
            return
        if tag == "script" and a.get("type", "").lower().strip() == "application/ld+json":
            self._in_jsonld, self._jsonld_parts = True, []
        if tag == "title" and not self.title_parts:
            self._in_title = True
        if tag in _SKIPPED_TAGS:
            self._skip += 1
            return
        if tag == "time" and a.get("datetime"):
            marked = "published" in (a.get("itemprop", "") + a.get("class", "") + a.get("pubdate", "")).lower() \
                or "pubdate" in a
            self.times.append((a["datetime"], marked))
        if tag == "h1" and self.h1 is None and self.h1_parts is None:
            self.h1_parts = []
        if tag == "br":
            self.text_parts.append(LINE_BREAK)
        elif tag in ("p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "blockquote", "section",
                   "article", "header", "footer", "figcaption"):
            self.text_parts.append(BLOCK_START)
        self._depth += 1
        if self.byline_parts is not None:
            self.byline_depth += 1
        elif _BYLINE_CLASS.search(a.get("class", "")) or a.get("rel", "") == "author" \
                or a.get("itemprop", "") == "author":
            self.byline_parts, self.byline_depth = [], 1

    def handle_endtag(self, tag: str) -> None:
        if tag == "script" and self._in_jsonld:
            self.jsonld.append("".join(self._jsonld_parts))
            self._in_jsonld = False
        if tag == "title":
            self._in_title = False
        if tag in _SKIPPED_TAGS:
            self._skip = max(0, self._skip - 1)
            return
        if tag == "h1" and self.h1_parts is not None and self.h1 is None:
            self.h1 = " ".join("".join(self.h1_parts).split()) or None
            self.h1_parts = None
        if self.byline_parts is not None:
            self.byline_depth -= 1
            if self.byline_depth <= 0:
                text = " ".join("".join(self.byline_parts).split())
                if text:
                    self.bylines.append(text)
                self.byline_parts = None

    def handle_data(self, data: str) -> None:
        if self._in_jsonld:
            self._jsonld_parts.append(data)
        if self._in_title:
            self.title_parts.append(data)
        if self._skip:
            return
        self.text_parts.append(data)
        if self.h1_parts is not None:
            self.h1_parts.append(data)
        if self.byline_parts is not None:
            self.byline_parts.append(data)


def _jsonld_objects(blocks: list[str]) -> Iterator[dict[str, Any]]:
    for block in blocks:
        try:
            document = json.loads(block)
        except ValueError:
            continue  # a broken block on someone's page is not our problem; other sources remain
        todo = [document]
        while todo:
            item = todo.pop(0)
            if isinstance(item, list):
                todo.extend(item)
            elif isinstance(item, dict):
                yield item
                if isinstance(item.get("@graph"), list):
                    todo.extend(item["@graph"])


def _types(item: dict[str, Any]) -> list[str]:
    kinds = item.get("@type", [])
    return [k.lower() for k in ([kinds] if isinstance(kinds, str) else kinds) if isinstance(k, str)]


def _names(value: Any) -> list[str]:
    """Names of a JSON-LD person/organization value: a string, a mapping, or a list of them."""
    if isinstance(value, str):
        return [value.strip()] if value.strip() and not value.startswith("http") else []
    if isinstance(value, dict):
        name = value.get("name")
        return _names(name) if isinstance(name, (str, list)) else []
    if isinstance(value, list):
        return [name for item in value for name in _names(item)]
    return []


def _text(value: Any) -> str | None:
    if isinstance(value, list):
        value = value[0] if value else None
    if isinstance(value, str) and value.strip():
        return " ".join(value.split())
    return None


def _valid(year: int, month: int, day: int | None) -> bool:
    try:
        date(year, month, day or 1)
    except ValueError:
        return False
    return 1900 <= year <= 2100


def normalize_date(text: str | None) -> str | None:
    """A page's date as YYYY-MM-DD, or None when it cannot be read without guessing."""
    if not text:
        return None
    m = _ISO_DATE.match(text)
    if m:
        year, month, day = int(m[1]), int(m[2]), int(m[3])
        return f"{year:04d}-{month:02d}-{day:02d}" if _valid(year, month, day) else None
    for fmt in _TEXT_DATE_FORMATS:
        try:
            return datetime.strptime(" ".join(text.split()), fmt).date().isoformat()
        except ValueError:
            continue
    return None


def date_from_url(url: str | None) -> str | None:
    """The date an address writes (/2024/03/05/, -2024-03-05-, /20240305/, /2024/03/)."""
    if not url:
        return None
    path = urlsplit(url).path
    for pattern in _URL_DATES:
        m = pattern.search(path)
        if m:
            year, month = int(m[1]), int(m[2])
            day = int(m[3]) if m[3] else None
            if _valid(year, month, day):
                return f"{year:04d}-{month:02d}" + (f"-{day:02d}" if day else "")
    return None


def clean_author(text: str | None) -> str | None:
    if not text:
        return None
    text = " ".join(text.split())
    text = re.sub(r"^(?:by|written by|words by|von|par)\s*:?\s+", "", text, flags=re.IGNORECASE)
    text = re.sub(r"\s*\|.*$", "", text)
    if not text or text.startswith("http") or len(text) > 120:
        return None
    return text


def _strip_site(title: str, site: str | None) -> str:
    if site:
        for sep in (" | ", " - ", " – ", " — ", " :: "):
            if title.endswith(sep + site):
                return title[: -len(sep + site)].strip()
            if title.startswith(site + sep):
                return title[len(site + sep):].strip()
    return title


def _hostname(url: str | None) -> str | None:
    if not url:
        return None
    host = urlsplit(url).hostname or ""
    return host[4:] if host.startswith("www.") else host or None


def read_metadata(html: str, url: str | None = None) -> PageMetadata:
    """Everything the page says about itself. ``url`` is where it was fetched (if known)."""
    collector = _Collector()
    collector.feed(html)
    collector.close()
    meta, result = collector.meta, PageMetadata(amp=collector.amp)
    result.text = "".join(collector.text_parts)

    article: dict[str, Any] = {}
    site_from_jsonld = None
    for item in _jsonld_objects(collector.jsonld):
        kinds = _types(item)
        result.jsonld_types.extend(kinds)
        if not article and any(kind in ARTICLE_TYPES for kind in kinds):
            article = item
            result.kind = next((ARTICLE_TYPES[k] for k in kinds if ARTICLE_TYPES.get(k)), None)
        if "website" in kinds or "newsmediaorganization" in kinds:
            site_from_jsonld = site_from_jsonld or _text(item.get("name"))
    publisher = _names(article.get("publisher")) if article else []

    result.site_name = (meta.get("og:site_name") or (publisher[0] if publisher else None) or site_from_jsonld
                        or meta.get("application-name") or meta.get("twitter:site", "").lstrip("@") or None)
    canonical = collector.links.get("canonical")
    page_url = _text(article.get("url")) if article else None
    main = article.get("mainEntityOfPage") if article else None
    if isinstance(main, dict):
        main = main.get("@id")
    for candidate in (canonical, meta.get("og:url"), page_url, main if isinstance(main, str) else None, url):
        if candidate and re.match(r"^https?://\S+$", candidate):
            result.url = candidate
            break

    title = (_text(article.get("headline")) if article else None) or meta.get("og:title") \
        or meta.get("twitter:title") or collector.h1 or " ".join("".join(collector.title_parts).split()) or None
    result.title = _strip_site(" ".join(title.split()), result.site_name) if title else None

    authors = _names(article.get("author")) if article else []
    author = ", ".join(dict.fromkeys(authors)) if authors else None
    result.author = clean_author(author or meta.get("author") or meta.get("article:author")
                                 or meta.get("dc.creator") or (collector.bylines[0] if collector.bylines else None))

    candidates = [
        ("json-ld", _text(article.get("datePublished")) if article else None),
        ("json-ld", _text(article.get("coverageStartTime")) if article else None),
        ("meta", meta.get("article:published_time")),
        ("meta", meta.get("og:published_time") or meta.get("datepublished") or meta.get("pubdate")
         or meta.get("publish-date") or meta.get("date") or meta.get("dc.date") or meta.get("dc.date.issued")
         or meta.get("sailthru.date") or meta.get("parsely-pub-date")),
        ("time", next((t for t, marked in collector.times if marked), None)),
    ]
    for source, value in candidates:
        published = normalize_date(value)
        if published:
            result.published, result.published_from = published, source
            break
    else:
        from_url = date_from_url(result.url) or date_from_url(url)
        if from_url:
            result.published, result.published_from = from_url, "url"
    if not result.site_name:
        result.site_name = _hostname(result.url or url)
    return result
