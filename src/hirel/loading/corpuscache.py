"""`load_corpus` for the browsing and comparing commands, keeping what reading each file gave.

The loaded corpus is what each article and claims file gives read on its own (`read_article`,
`read_claims`: the article or the claims, and the problems of the file), put together in a fixed
order with what ties files together (duplicate claim ids, claims files without an article). So
the cache keeps, per file, that reading as plain data (`plainform`), reused while the file is
unchanged (recognised as `check`'s cache does: size, times and inode when the file was last
changed well before it was read, else a hash of its content); the registries are always read,
and the ties between files are worked out again on every call. The corpus and the problems are
those of `load_corpus`, in the same order. The cache file is sealed like `check`'s (`cache`); a
file whose reading holds something that has no plain form is read afresh every time.
"""

from __future__ import annotations

import os
import time
from pathlib import Path
from typing import Any

from ..model import Corpus, Problem
from ..rules.references import orphan_problems
from ..rules.structure import duplicate_id_problems
from ..userkey import digest
from .cache import CheckCache, code_fingerprint
from .claimsfile import read_claims
from .collector import collector_paused
from .loader import CorpusBuilder, list_files, load_entities, load_propositions, read_article
from .paths import display_path
from .plainform import NotPlain, article_from, claim_from, plain_article, plain_claim

_RACY_NS = 2_000_000_000  # as in `incremental`


def load_corpus_cached(root: Path, cache_dir: Path | None) -> tuple[Corpus, list[Problem]]:
    """What `load_corpus(root)` returns; with ``cache_dir``, unchanged files come from the cache."""
    with collector_paused():
        return _Load(root, cache_dir).run()


def _rows(problems: list[Problem]) -> list[list[Any]]:
    return [[str(p.path), int(p.line), int(p.column), str(p.code), str(p.severity), str(p.message),
             None if p.hint is None else str(p.hint)] for p in problems]


def _problems(rows: Any) -> list[Problem]:
    if type(rows) is not list:
        raise NotPlain("problems")
    found = []
    for row in rows:
        if not (type(row) is list and len(row) == 7 and type(row[0]) is str and type(row[1]) is int
                and type(row[2]) is int and all(type(x) is str for x in row[3:6])
                and (row[6] is None or type(row[6]) is str)):
            raise NotPlain("problem")
        found.append(Problem(*row))
    return found


class _Load:
    def __init__(self, root: Path, cache_dir: Path | None) -> None:
        self.root = root
        self.cache = CheckCache(cache_dir, root, display_path(root), kind="corpus") if cache_dir else None
        self.fingerprint = code_fingerprint() if self.cache else ""
        self.old = self.cache.load(self.fingerprint) if self.cache else {}
        self.new: dict[str, Any] = {}
        self.changed = False

    def run(self) -> tuple[Corpus, list[Problem]]:
        root = self.root
        corpus = CorpusBuilder(root=root)
        problems: list[Problem] = []
        problems += load_entities(corpus, root / "entities.yaml")
        problems += load_propositions(corpus, root / "propositions.yaml")
        for path, shown, _stem in list_files(root / "articles", ".md", problems):
            article, found = self._article(path, shown)
            problems += found
            if article is not None:
                corpus.articles[article.id] = article
        for path, shown, article_id in list_files(root / "claims", ".yaml", problems):
            corpus.claim_files[article_id] = shown
            claims, found = self._claims(path, shown, article_id)
            problems += found
            problems += orphan_problems(corpus.root, article_id, shown, corpus.articles)
            for claim in claims:  # as loader._load_claims
                first = corpus.claims.get(claim.id)
                if first is None:
                    corpus.claims[claim.id] = claim
                    continue
                first_path = corpus.claim_files.get(first.article, first.loc.path)
                problems += duplicate_id_problems(claim.id, claim.loc_of("id"), shown, first.loc_of("id"),
                                                  first_path, same_file=first.article == claim.article)
        if self.cache is not None and (self.changed or self.new.keys() != self.old.keys()):
            self.cache.save(self.fingerprint, self.new)
        return corpus.freeze(), problems

    def _article(self, path: str, shown: str) -> tuple[Any, list[Problem]]:
        stored, raw, identity = self._lookup(path, shown)
        if stored is not None:
            try:
                form = stored["article"]
                return (None if form is None else article_from(form)), _problems(stored["problems"])
            except (NotPlain, KeyError, TypeError, ValueError):  # a damaged entry: read afresh
                self.new.pop(shown, None)
                raw, identity = self._read(path)
        article, found = read_article(Path(path), shown, raw)
        try:
            self._store(shown, identity, {"article": None if article is None else plain_article(article),
                                          "problems": _rows(found)})
        except NotPlain:
            pass
        return article, found

    def _claims(self, path: str, shown: str, article_id: str) -> tuple[list[Any], list[Problem]]:
        stored, raw, identity = self._lookup(path, shown)
        if stored is not None:
            try:
                forms = stored["claims"]
                if type(forms) is not list:
                    raise NotPlain("claims")
                claims = [claim_from(form) for form in forms]
                if any(claim.article != article_id for claim in claims):
                    raise NotPlain("another article")
                return claims, _problems(stored["problems"])
            except (NotPlain, KeyError, TypeError, ValueError):  # a damaged entry: read afresh
                self.new.pop(shown, None)
                raw, identity = self._read(path)
        claims, found = read_claims(Path(path), shown, article_id, raw)
        try:
            self._store(shown, identity, {"claims": [plain_claim(claim) for claim in claims],
                                          "problems": _rows(found)})
        except NotPlain:
            pass
        return claims, found

    def _lookup(self, path: str, shown: str) -> tuple[dict[str, Any] | None, bytes | None, dict[str, Any]]:
        """(the stored entry if the file is unchanged, else None; the file's bytes when read; its identity)."""
        if self.cache is None:
            return None, None, {}
        stored = self.old.get(shown)
        try:
            st = os.stat(path)
        except OSError:
            return None, None, {}
        signature = [st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino]
        stored = stored if type(stored) is dict else None
        if stored is not None and stored.get("signature") == signature and type(stored.get("seen")) is int \
                and st.st_mtime_ns < stored["seen"] - _RACY_NS:
            self.new[shown] = stored
            return stored, None, {}
        raw, identity = self._read(path, signature)
        if raw is not None and stored is not None and stored.get("hash") == identity["hash"]:
            self.new[shown] = stored = stored | identity
            self.changed = True
            return stored, raw, identity
        return None, raw, identity

    @staticmethod
    def _read(path: str, signature: list[int] | None = None) -> tuple[bytes | None, dict[str, Any]]:
        if signature is None:
            try:
                st = os.stat(path)
            except OSError:
                return None, {}
            signature = [st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino]
        seen = time.time_ns()
        try:
            with open(path, "rb") as stream:
                raw = stream.read()
        except OSError:
            return None, {}  # the reader reports it
        return raw, {"signature": signature, "hash": digest(raw), "seen": seen}

    def _store(self, shown: str, identity: dict[str, Any], entry: dict[str, Any]) -> None:
        if self.cache is not None and identity:  # the entry describes these very bytes
            self.new[shown] = identity | entry
            self.changed = True
