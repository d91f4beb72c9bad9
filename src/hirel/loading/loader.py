"""Load a data directory into the model, collecting every problem on the way.

This module puts the steps in order, and is the only one in `loading` that calls the structure
rules: each file is parsed into a positioned document (yamlfile.py, datafiles.py), its records'
fields are validated by the rules (rules/documents.py, rules/structure.py), and model objects
are built from what they say is usable (build.py, claimsfile.py). Ties between files (claim ids
used twice, claims without their article) are checked here, as files are added.

Loading never stops at a broken file: each file is read on its own, and whatever can be
read is kept so that the other files can still be cross-checked against it.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from ..model import Article, Claim, Corpus, Loc, Problem
from ..rules.documents import article_fields, claim_records
from ..rules.files import FileName, FrontMatter, Unreadable
from ..rules.references import orphan_problems
from ..rules.structure import duplicate_id_problems, slugify
from . import fields as F
from .build import CorpusBuilder, article_from, entity_from, proposition_from, split_front_matter, topic_from
from .claimsfile import claim_from
from .collector import collector_paused
from .datafiles import display_path, load_yaml_file, read_text
from .safety import hidden_characters, inside
from .yamlfile import load_yaml

__all__ = ["CorpusBuilder", "list_files", "load_corpus", "load_entities", "load_propositions", "read_article",
           "read_claims", "split_front_matter"]

_ID_RE = re.compile(F.ID_PATTERN)


def load_corpus(root: Path) -> tuple[Corpus, list[Problem]]:
    """Read ``root`` (a data directory). Returns the corpus and every loading problem."""
    with collector_paused():  # many small acyclic objects: see `collector`
        return _load_corpus(root)


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
    from ..rules.registrydocs import entity_records  # (not needed when the registries come from a cache)

    records = entity_records(data, shown, problems)
    if records is None:
        return problems
    corpus.registries_read.add("entities")
    for name, loc, (body, values, locs), aliases in records:
        corpus.entities.add(entity_from(name, loc, body, values, locs, aliases))
    return problems


# --- propositions -----------------------------------------------------------------------------


def load_propositions(corpus: CorpusBuilder, path: Path, raw: bytes | None = None) -> list[Problem]:
    shown, data, problems = load_yaml_file(path, None, raw)
    if data is None:
        return problems
    from ..rules.registrydocs import proposition_records

    records = proposition_records(data, shown, problems)
    if records is None:
        return problems
    corpus.registries_read.add("propositions")
    for topic in records.topics:
        corpus.topics[topic.id] = topic_from(topic.id, topic.text, topic.loc)
    corpus.declared_propositions.update(records.declared)
    for prop_id, loc, (_body, values, locs) in records.propositions:
        corpus.propositions[prop_id] = proposition_from(prop_id, loc, values, locs)
    return problems


# --- articles ---------------------------------------------------------------------------------


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
    values, locs = article_fields(data, bool(found), shown, body, body_line, problems)
    return article_from(path.stem, shown, body, body_line, values, locs), problems


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


def read_claims(path: Path, shown: str, article_id: str,
                raw: bytes | None = None) -> tuple[list[Claim], list[Problem]]:
    """The claims of one claims file, in order (duplicates included), and the problems of the file
    alone: what it says, not how it fits the rest of the corpus."""
    shown, data, problems = load_yaml_file(path, shown, raw)
    if data is None:
        return [], problems
    claims = [claim_from(item, values, locs, article_id) for item, values, locs in claim_records(data, shown, problems)]
    return claims, problems
