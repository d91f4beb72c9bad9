"""`hirel add`: an article file from a web page, a URL, a text or Markdown file.

The plan (front matter, id, outlet, duplicates) is made first and written only when nothing in
the corpus would be overwritten; the CLI shows the plan.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

import yaml

from ..comparing.entities import EntityIndex, suggest_name
from ..loading import fields as F
from ..rules.anchoring import normalize_for_match
from ..rules.structure import slugify
from . import AuthoringError
from .extract import Extracted

if TYPE_CHECKING:
    from ..model import Article, Corpus


_DATE = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$")
_STOPWORDS = frozenset(
    "a an the and or but of in on at to for from by with as is are was were be been its it this that "
    "these those what why how who whom which when where after before over under into about than".split())
ID_TITLE_WORDS = 5
NO_DATE = "no publication date found: add `published:` to the front matter, or re-run with --published"
NEAR_DUPLICATE = 95.0  # rapidfuzz ratio of the normalized texts, 0-100


@dataclass
class Overrides:
    id: str | None = None
    outlet: str | None = None
    published: str | None = None
    kind: str | None = None
    reliability: str | None = None
    url: str | None = None
    title: str | None = None


@dataclass
class NewArticle:
    id: str
    path: Path
    front: dict[str, str]
    body: str
    outlet_note: str | None = None  # how the outlet was resolved
    new_entity: str | None = None  # a YAML stub added to entities.yaml for a new outlet
    notes: list[str] = field(default_factory=list)
    # What the user should know and do, for the command to show ("no publication date found: …").
    remarks: list[str] = field(default_factory=list)

    @property
    def content(self) -> str:
        front = yaml.safe_dump(self.front, sort_keys=False, allow_unicode=True, width=10_000,
                               default_flow_style=False)
        return f"---\n{front}---\n{self.body}"


class AlreadyInCorpus(AuthoringError):
    def __init__(self, message: str, article_id: str) -> None:
        super().__init__(message)
        self.article_id = article_id


def _check_overrides(o: Overrides) -> None:
    if o.id is not None and not re.match(F.ID_PATTERN, o.id):
        raise AuthoringError(f"--id '{o.id}' is not a valid article id (lowercase letters, digits and '-')")
    if o.published is not None and not _DATE.match(o.published):
        raise AuthoringError(f"--published '{o.published}' is not a date: write YYYY, YYYY-MM or YYYY-MM-DD")
    if o.kind is not None and o.kind not in F.ARTICLE_KINDS:
        raise AuthoringError(f"--kind '{o.kind}' is not one of: {', '.join(F.ARTICLE_KINDS)}")
    if o.reliability is not None and o.reliability.upper() not in F.RELIABILITY_GRADES:
        raise AuthoringError(f"--reliability '{o.reliability}' is not a grade A to F")
    if o.url is not None and not re.match(r"^https?://\S+$", o.url):
        raise AuthoringError(f"--url '{o.url}' is not an http(s) address")
    for name in ("outlet", "title"):
        value = getattr(o, name)
        if value is not None and not value.strip():
            raise AuthoringError(f"--{name} is empty")


def _url_key(url: str) -> str:
    url = re.sub(r"^https?://(www\.)?", "", url.strip().lower())
    url = re.sub(r"[?#].*$", "", url)
    return url.rstrip("/")


def find_duplicate(body: str, url: str | None, articles: Mapping[str, Article]) -> tuple[str, str] | None:
    """(id, why) of an article of the corpus with the same address or nearly the same text."""
    from rapidfuzz import fuzz

    if url:
        key = _url_key(url)
        for article in articles.values():
            if article.url and _url_key(article.url) == key:
                return article.id, "the same address"
    text = normalize_for_match(body)
    for article in articles.values():
        other = normalize_for_match(article.body)
        shorter, longer = sorted((len(text), len(other)))
        if not longer or shorter / longer < NEAR_DUPLICATE / 100:
            continue  # lengths alone rule out a near-identical text
        if fuzz.ratio(text, other, score_cutoff=NEAR_DUPLICATE):
            return article.id, "nearly the same text"
    return None


def make_id(outlet: str, published: str | None, title: str, taken: set[str]) -> str:
    """outlet, year and the first meaningful title words: 'harbor-times-2024-port-fees-rise-trade'."""
    outlet_slug = slugify(re.sub(r"^the\s+", "", outlet, flags=re.IGNORECASE)) or "article"
    words = [w for w in re.findall(r"[a-z0-9]+", slugify(title).replace("-", " ")) if w not in _STOPWORDS]
    parts = [outlet_slug[:30].strip("-")]
    if published:
        parts.append(published[:4])
    parts.extend(words[:ID_TITLE_WORDS])
    base = "-".join(p for p in parts if p)
    candidate, number = base, 2
    while candidate in taken:
        candidate, number = f"{base}-{number}", number + 1
    return candidate


def resolve_outlet(name: str, entities: EntityIndex, explicit: bool,
                   url: str | None = None) -> tuple[str, str | None, str | None]:
    """(outlet as written in the front matter, note, YAML stub for a new entity or None).

    A name or alias of an entity is used as that entity's name. A name close to an entity
    stops with "did you mean" (unless given with --outlet: then it is a new entity).
    """
    canonical = entities.resolve(name)
    if canonical is not None:
        note = None if canonical == name else f"outlet '{name}' is the entity '{canonical}'"
        return canonical, note, None
    close = suggest_name(name, entities.all_names())
    if close and not explicit:
        raise AuthoringError(
            f"the page's outlet '{name}' is not an entity; did you mean '{close[0]}'? Run again with "
            f"--outlet '{close[0]}', or with --outlet '{name}' to add it as a new entity")
    host = re.sub(r"^www\.", "", urlsplit(url).hostname or "") if url else ""
    body = {"aliases": [host]} if host and host.casefold() != name.casefold() and host not in entities else {}
    stub = yaml.safe_dump({name: body}, sort_keys=False, allow_unicode=True, width=10_000,
                          default_flow_style=None)
    return name, f"new outlet '{name}': added to entities.yaml", stub


def plan_article(extracted: Extracted, data_dir: Path, overrides: Overrides, corpus: Corpus) -> NewArticle:
    """The article to write (AuthoringError when it cannot be made, AlreadyInCorpus when the
    corpus already has it)."""
    _check_overrides(overrides)
    meta = extracted.metadata
    title = overrides.title or meta.title
    if not title:
        raise AuthoringError("the source has no title; give one with --title")
    outlet_name = overrides.outlet or meta.site_name
    if not outlet_name:
        raise AuthoringError("the source does not name its outlet; give it with --outlet")
    url = overrides.url or meta.url
    duplicate = find_duplicate(extracted.text, url, corpus.articles)
    if duplicate:
        raise AlreadyInCorpus(f"already in the corpus as '{duplicate[0]}' ({duplicate[1]}); nothing written",
                              duplicate[0])
    outlet, outlet_note, stub = resolve_outlet(outlet_name.strip(), corpus.entities, overrides.outlet is not None,
                                                url)
    published = overrides.published or meta.published
    taken = set(corpus.articles) | {p.stem for p in (data_dir / "articles").glob("*.md")} \
        | {p.stem for p in (data_dir / "claims").glob("*.yaml")}
    if overrides.id:
        if overrides.id in taken:
            raise AuthoringError(f"an article or claims file '{overrides.id}' already exists; hirel add never "
                                 "overwrites (choose another --id)")
        article_id = overrides.id
    else:
        article_id = make_id(outlet, published, title, taken)
    front: dict[str, str] = {"title": title, "outlet": outlet}
    if meta.author:
        front["author"] = meta.author
    if published:
        front["published"] = published
    if url:
        front["url"] = url
    kind = overrides.kind or meta.kind
    if kind:
        front["kind"] = kind
    if overrides.reliability:
        front["reliability"] = overrides.reliability.upper()
    notes = []
    if meta.published_from in ("url", "date line") and not overrides.published:
        notes.append("date read from the " + ("address" if meta.published_from == "url" else "article's date line"))
    if meta.site_from and not overrides.outlet:
        notes.append(f"outlet read from the {meta.site_from}")
    if extracted.kept:
        notes.append(f"{extracted.kept} paragraph(s) not found verbatim in the page: check them against it")
    if notes:
        front["notes"] = "; ".join(notes).capitalize() + "."
    remarks = [] if published else [NO_DATE]
    return NewArticle(article_id, data_dir / "articles" / f"{article_id}.md", front, extracted.text,
                      outlet_note, stub, notes, remarks)


def write_article(plan: NewArticle, data_dir: Path) -> list[Path]:
    """Write the article (never over an existing file) and, for a new outlet, append its
    entity to entities.yaml. The paths written."""
    written = []
    try:
        plan.path.parent.mkdir(parents=True, exist_ok=True)
        with plan.path.open("x", encoding="utf-8") as stream:
            stream.write(plan.content)
        written.append(plan.path)
        if plan.new_entity:
            entities = data_dir / "entities.yaml"
            existing = entities.read_text(encoding="utf-8") if entities.exists() else ""
            separator = "" if not existing or existing.endswith("\n\n") else \
                "\n" if existing.endswith("\n") else "\n\n"
            with entities.open("a", encoding="utf-8") as stream:
                stream.write(separator + plan.new_entity)
            written.append(entities)
    except FileExistsError:
        raise AuthoringError(f"{plan.path} already exists; hirel add never overwrites") from None
    except OSError as exc:
        raise AuthoringError(f"cannot write {exc.filename or plan.path}: {exc.strerror or exc}") from exc
    return written
