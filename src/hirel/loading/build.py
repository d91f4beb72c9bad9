"""Model objects built from records whose fields are already validated (rules/documents.py):
nothing here checks anything or reports a problem."""

from __future__ import annotations

from pathlib import Path
from types import MappingProxyType
from typing import Any

from ..comparing.entities import EntityIndex
from ..model import Article, Claim, Corpus, Entity, Kind, Loc, Proposition, Topic
from .datafiles import date_text
from .yamltypes import YamlSeq


class CorpusBuilder:
    """A corpus while it is read: the loader fills these, then ``freeze`` gives the `Corpus`.

    (A plain class, not a dataclass: `dataclasses` and the `inspect` it imports cost a warm
    `hirel check` of one file more than reading it.)"""

    __slots__ = ("articles", "claim_files", "claims", "declared_propositions", "entities", "propositions",
                 "registries_read", "root", "topics")

    def __init__(self, root: Path) -> None:
        self.root = root
        self.articles: dict[str, Article] = {}
        self.claims: dict[str, Claim] = {}  # by id; the first of duplicates
        self.propositions: dict[str, Proposition] = {}
        self.topics: dict[str, Topic] = {}
        self.entities = EntityIndex()
        self.claim_files: dict[str, str] = {}  # article id -> display path
        self.declared_propositions: set[str] = set()
        self.registries_read: set[str] = set()

    def freeze(self) -> Corpus:
        """The corpus read so far, read-only: its mappings are views of the builder's (nothing is
        copied; a view shows what the builder reads later, which the incremental loader uses),
        through which nothing can be changed."""
        return Corpus(self.root, MappingProxyType(self.articles), MappingProxyType(self.claims),
                      MappingProxyType(self.propositions), MappingProxyType(self.topics), self.entities,
                      MappingProxyType(self.claim_files), self.declared_propositions, self.registries_read)


def entity_from(name: str, loc: Loc, body: Any, values: dict[str, Any], locs: dict[str, Loc],
                aliases: tuple[str, ...]) -> Entity:
    """An entity from its usable fields (``aliases``: those kept)."""
    part_of_items = body.get("part_of")
    if isinstance(part_of_items, YamlSeq) and "part_of" in values:
        locs = locs | {f"part_of.{i}": part_of_items.item_loc(i) for i in range(len(part_of_items))}
    return Entity(name=name, aliases=aliases, part_of=tuple(values.get("part_of", ())), loc=loc,
                  description=values.get("description"), locs=locs | {"name": loc})


def topic_from(topic_id: str, text: str, loc: Loc) -> Topic:
    return Topic(topic_id, text, loc)


def proposition_from(prop_id: str, loc: Loc, values: dict[str, Any], locs: dict[str, Loc]) -> Proposition:
    return Proposition(
        id=prop_id, topic=values.get("topic", ""), text=values["text"], kind=Kind(values["kind"]),
        unit=values.get("unit"), object=values.get("object"),
        changes_over_time=values.get("changes_over_time", False), loc=loc, locs=locs,
        cumulative=values.get("cumulative", False),
        since=None if values.get("since") is None else str(values["since"]),
        measures=values.get("measures", "level"))


def article_from(article_id: str, shown: str, body: str, body_line: int, values: dict[str, Any],
                 locs: dict[str, Loc]) -> Article:
    published = values.get("published")
    return Article(
        id=article_id, path=shown, title=values.get("title", ""), outlet=values.get("outlet", ""),
        body=body, body_line=body_line, loc=Loc(shown), author=values.get("author"),
        published=date_text(published) if published is not None else None, url=values.get("url"),
        kind=values.get("kind"), reliability=values.get("reliability", "F"), notes=values.get("notes"),
        locs=locs)


def split_front_matter(text: str) -> tuple[str, str, int] | None:
    """(front matter, body, 1-based line where the body starts), or None when there is none."""
    # Line by line with find(), not split(): an article may have a million lines.
    first_end = text.find("\n")
    if first_end < 0 or text[:first_end].rstrip() != "---":
        return None
    at, number = first_end + 1, 2
    while at < len(text):
        end = text.find("\n", at)
        end = len(text) if end < 0 else end
        if text[at:end].rstrip() in ("---", "..."):
            return text[first_end + 1:at] or "\n", text[end + 1:], number + 1
        at, number = end + 1, number + 1
    return None
