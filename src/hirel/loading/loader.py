"""Load a data directory into the model, collecting every problem on the way.

Loading never stops at a broken file: each file is read on its own, and whatever can be
read is kept so that the other files can still be cross-checked against it.
"""

from __future__ import annotations

import gc
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Any

from ..comparing.entities import EntityIndex, name_key
from ..model import Article, Claim, Corpus, Entity, Kind, Loc, Problem, Proposition, Topic
from ..rules.files import FileName, FrontMatter, Unreadable
from ..rules.references import orphan_problems, unknown_topic_problems
from ..rules.structure import (
    BadId,
    DuplicateId,
    EmptyValue,
    MissingField,
    UnknownField,
    WrongType,
    check_published,
    check_url,
    duplicate_id_problems,
    expect_mapping,
    read_fields,
    slugify,
    type_name,
)
from . import fields as F
from .claimsfile import read_claims
from .datafiles import date_text, display_path, load_yaml_file, read_text
from .safety import hidden_characters, inside
from .yamlfile import YamlMap, YamlSeq, load_yaml

_ID_RE = re.compile(F.ID_PATTERN)


@dataclass
class CorpusBuilder:
    """A corpus while it is read: the loader fills these, then ``freeze`` gives the `Corpus`."""

    root: Path
    articles: dict[str, Article] = field(default_factory=dict)
    claims: dict[str, Claim] = field(default_factory=dict)  # by id; the first of duplicates
    propositions: dict[str, Proposition] = field(default_factory=dict)
    topics: dict[str, Topic] = field(default_factory=dict)
    entities: EntityIndex = field(default_factory=EntityIndex)
    claim_files: dict[str, str] = field(default_factory=dict)  # article id -> display path
    declared_propositions: set[str] = field(default_factory=set)
    registries_read: set[str] = field(default_factory=set)

    def freeze(self) -> Corpus:
        """The corpus read so far, read-only: its mappings are views of the builder's (nothing is
        copied; a view shows what the builder reads later, which the incremental loader uses),
        through which nothing can be changed."""
        return Corpus(self.root, MappingProxyType(self.articles), MappingProxyType(self.claims),
                      MappingProxyType(self.propositions), MappingProxyType(self.topics), self.entities,
                      MappingProxyType(self.claim_files), self.declared_propositions, self.registries_read)


def load_corpus(root: Path) -> tuple[Corpus, list[Problem]]:
    """Read ``root`` (a data directory). Returns the corpus and every loading problem."""
    # Loading makes hundreds of thousands of small acyclic objects; the cyclic garbage
    # collector would walk them again and again for nothing (about 15% of `hirel check`).
    gc_was_enabled = gc.isenabled()
    gc.disable()
    try:
        return _load_corpus(root)
    finally:
        if gc_was_enabled:
            gc.enable()


def _load_corpus(root: Path) -> tuple[Corpus, list[Problem]]:
    corpus = CorpusBuilder(root=root)
    problems: list[Problem] = []
    problems += load_entities(corpus, root / "entities.yaml")
    problems += load_propositions(corpus, root / "propositions.yaml")
    for path, shown, _stem in list_files(root / "articles", ".md", problems):
        problems += _load_article(corpus, Path(path), shown)
    for path, shown, _stem in list_files(root / "claims", ".yaml", problems):
        problems += _load_claims(corpus, Path(path), shown)
    return corpus.freeze(), problems


def list_files(folder: Path, suffix: str, problems: list[Problem]) -> list[tuple[str, str, str]]:
    """The data files of ``folder`` in name order, each as (path, path as shown, stem); anything
    else there is reported. Plain strings: a warm `check` lists thousands of files it never reads."""
    try:
        with os.scandir(folder) as scan:
            entries = sorted(scan, key=lambda entry: entry.name)
    except OSError as exc:
        problems.append(Unreadable.problem(Loc(display_path(folder)), f"cannot read the folder: {exc.strerror or exc}"))
        return []
    shown_folder = display_path(folder)
    prefix = "" if shown_folder == "." else shown_folder + "/"
    found = []
    for entry in entries:
        name = entry.name
        if name.startswith("."):
            continue
        shown = prefix + name  # what display_path(path) gives, without asking the file system again
        dot = name.rfind(".")  # stem and suffix as pathlib splits them
        stem, extension = (name[:dot], name[dot:]) if 0 < dot < len(name) - 1 else (name, "")
        if entry.is_symlink() and not inside(folder / name, folder.parent):
            problems.append(Unreadable.problem(
                Loc(shown), f"'{name}' is a link that leaves the data directory; hirel does not read it",
                "copy the file into the data directory instead of linking to it"))
            continue
        if not entry.is_file():  # a directory, a pipe, a dangling link: reported, never read
            kind = "a directory" if entry.is_dir() else "not a regular file"
            problems.append(Unreadable.problem(Loc(shown), f"'{name}' is {kind}; hirel ignores it",
                                               f"{folder.name}/ holds {suffix} files only"))
            continue
        if extension != suffix:
            problems.append(FileName.problem(
                Loc(shown), f"'{name}' is not a {suffix} file; hirel ignores it",
                f"rename it to '{stem}{suffix}'" if extension in (".yml", ".markdown", ".txt") else None))
            continue
        if not _ID_RE.fullmatch(stem):
            problems.append(FileName.problem(
                Loc(shown), f"'{stem}' is not a valid article id (lowercase letters, digits and '-')",
                f"rename it to '{slugify(stem)}{suffix}'" if slugify(stem) else None))
            continue
        found.append((entry.path, shown, stem))
    return found


# --- entities ---------------------------------------------------------------------------------


def load_entities(corpus: CorpusBuilder, path: Path, raw: bytes | None = None) -> list[Problem]:
    shown, data, problems = load_yaml_file(path, None, raw)
    if data is None:
        return problems
    mapping, wrong = expect_mapping(data, Loc(shown), "entities.yaml")
    if mapping is None:
        return problems + wrong
    corpus.registries_read.add("entities")
    owner: dict[str, tuple[str, Loc]] = {}
    for name, body in mapping.items():
        key_loc = mapping.key_loc(name)
        if body is None:
            body = YamlMap.empty_at(key_loc)
        elif not isinstance(body, YamlMap):
            problems.append(WrongType.problem(
                mapping.value_loc(name), f"entity '{name}' must be a mapping (or {{}}), not {type_name(body)}",
                f"write '{name}: {{}}' or give aliases/part_of"))
            continue
        values, locs, found = read_fields(body, F.ENTITY_FIELDS, f"entity '{name}'")
        problems += found
        aliases = tuple(values.get("aliases", ()))
        alias_locs = body.get("aliases")
        kept_aliases = []
        for index, written in enumerate((name, *aliases)):
            loc = key_loc if index == 0 else (alias_locs.item_loc(index - 1) if isinstance(alias_locs, YamlSeq) else key_loc)
            key = name_key(written)
            if key in owner and owner[key][0] != name:
                first_name, first_loc = owner[key]
                problems.append(DuplicateId.problem(
                    loc, f"'{written}' already names the entity '{first_name}' (line {first_loc.line})",
                    "an alias must belong to one entity only"))
                continue
            owner.setdefault(key, (name, loc))
            if index:
                kept_aliases.append(written)
        part_of_items = body.get("part_of")
        if isinstance(part_of_items, YamlSeq) and "part_of" in values:
            locs |= {f"part_of.{i}": part_of_items.item_loc(i) for i in range(len(part_of_items))}
        corpus.entities.add(Entity(
            name=name, aliases=tuple(kept_aliases), part_of=tuple(values.get("part_of", ())), loc=key_loc,
            description=values.get("description"), locs=locs | {"name": key_loc}))
    return problems


# --- propositions -----------------------------------------------------------------------------


def load_propositions(corpus: CorpusBuilder, path: Path, raw: bytes | None = None) -> list[Problem]:
    shown, data, problems = load_yaml_file(path, None, raw)
    if data is None:
        return problems
    mapping, wrong = expect_mapping(data, Loc(shown), "propositions.yaml")
    if mapping is None:
        return problems + wrong
    corpus.registries_read.add("propositions")
    for key in mapping:
        if key not in ("topics", "propositions"):
            problems.append(UnknownField.problem(
                mapping.key_loc(key), f"unknown section '{key}' in propositions.yaml",
                "propositions.yaml has two sections: topics and propositions"))
    for section in ("topics", "propositions"):
        if section not in mapping:
            problems.append(MissingField.problem(mapping.loc, f"propositions.yaml has no '{section}:' section"))
    given, wrong = expect_mapping(mapping.get("topics", YamlMap()), mapping.value_loc("topics"), "'topics'")
    problems += wrong
    topics = given if given is not None else YamlMap()
    for topic_id, text in topics.items():
        loc = topics.key_loc(topic_id)
        if not _ID_RE.fullmatch(topic_id):
            problems.append(BadId.problem(loc, f"topic '{topic_id}' is not a valid id (lowercase letters, digits and '-')"))
            continue
        if not isinstance(text, str) or not text.strip():
            problems.append(WrongType.problem(
                topics.value_loc(topic_id), f"topic '{topic_id}' must have a description string, not {type_name(text)}"))
            text = topic_id if not isinstance(text, str) else text
        corpus.topics[topic_id] = Topic(topic_id, text.strip() or topic_id, loc)
    given, wrong = expect_mapping(mapping.get("propositions", YamlMap()), mapping.value_loc("propositions"),
                                  "'propositions'")
    problems += wrong
    props = given if given is not None else YamlMap()
    corpus.declared_propositions.update(props)
    for prop_id, body in props.items():
        loc = props.key_loc(prop_id)
        if not _ID_RE.fullmatch(prop_id):
            problems.append(BadId.problem(loc, f"proposition '{prop_id}' is not a valid id "
                                               "(lowercase letters, digits and '-')", f"try '{slugify(prop_id)}'"))
            continue
        body_map, wrong = expect_mapping(body, props.value_loc(prop_id), f"proposition '{prop_id}'")
        if body_map is None:
            problems += wrong
            continue
        values, locs, found = read_fields(body_map, F.PROPOSITION_FIELDS, f"proposition '{prop_id}'")
        problems += found
        if "topics" in mapping:  # else reported as a missing section
            problems += unknown_topic_problems(prop_id, values, locs, corpus.topics)
        if "kind" not in values or "text" not in values:
            continue
        corpus.propositions[prop_id] = Proposition(
            id=prop_id, topic=values.get("topic", ""), text=values["text"], kind=Kind(values["kind"]),
            unit=values.get("unit"), object=values.get("object"),
            changes_over_time=values.get("changes_over_time", False), loc=loc, locs=locs,
            cumulative=values.get("cumulative", False),
            since=None if values.get("since") is None else str(values["since"]),
            measures=values.get("measures", "level"))
    return problems


# --- articles ---------------------------------------------------------------------------------


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


def _load_article(corpus: CorpusBuilder, path: Path, shown: str) -> list[Problem]:
    article, problems = read_article(path, shown)
    if article is not None:
        corpus.articles[article.id] = article
    return problems


def read_article(path: Path, shown: str, raw: bytes | None = None) -> tuple[Article | None, list[Problem]]:
    """One article file: the article (None when it cannot be read at all) and its problems."""
    text, problems = read_text(path, shown, raw)
    if text is None:
        return None, problems
    parts = split_front_matter(text)
    if parts is None:
        starts = text.split("\n", 1)[0].rstrip() == "---"
        return None, problems + [FrontMatter.problem(
            Loc(shown), "the front matter is not closed by a line '---'" if starts
            else "the article has no front matter (it must start with a line '---')",
            "start the file with ---, then title: and outlet:, then --- and the text")]
    front, body, body_line = parts
    problems += hidden_characters(body, shown, body_line)
    data, found = load_yaml(front, shown, line_offset=1)
    problems += found
    values: dict[str, Any] = {}
    locs: dict[str, Loc] = {}
    if data is None and not found:
        problems.append(FrontMatter.problem(Loc(shown, 1, 1), "the front matter is empty",
                                            "add at least title: and outlet:"))
    elif data is not None:
        mapping, wrong = expect_mapping(data, Loc(shown, 2, 1), "the front matter")
        problems += wrong
        if mapping is not None:
            values, locs, found = read_fields(mapping, F.ARTICLE_FIELDS, "the article")
            problems += found
            problems += check_published(values, locs)
            problems += check_url(values, locs)
    if not body.strip():
        problems.append(EmptyValue.problem(Loc(shown, body_line - 1, 1), "the article has no text after the front matter"))
    published = values.get("published")
    return Article(
        id=path.stem, path=shown, title=values.get("title", ""), outlet=values.get("outlet", ""),
        body=body, body_line=body_line, loc=Loc(shown), author=values.get("author"),
        published=date_text(published) if published is not None else None, url=values.get("url"),
        kind=values.get("kind"), reliability=values.get("reliability", "F"), notes=values.get("notes"),
        locs=locs), problems


# --- claims -----------------------------------------------------------------------------------


def _load_claims(corpus: CorpusBuilder, path: Path, shown: str) -> list[Problem]:
    article_id = path.stem
    corpus.claim_files[article_id] = shown
    claims, problems = read_claims(path, shown, article_id)
    problems += orphan_problems(corpus.root, article_id, shown, corpus.articles)
    for claim in claims:
        first = corpus.claims.get(claim.id)
        if first is None:
            corpus.claims[claim.id] = claim
            continue
        first_path = corpus.claim_files.get(first.article, first.loc.path)
        problems += duplicate_id_problems(claim.id, claim.loc_of("id"), shown, first.loc_of("id"), first_path,
                                          same_file=first.article == claim.article)
    return problems


