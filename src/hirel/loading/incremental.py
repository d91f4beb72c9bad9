"""Check a corpus reusing, for every unchanged file, what checking it found last time.

What is kept per file is what that file alone decides: the problems of reading it, and the
problems of checking it against what it depends on. An article depends on the registries
(`entities.yaml`, `propositions.yaml`); a claims file on the registries and on its article (the
quotes). An entry is used only when the file, those dependencies and hirel itself (see
`cache.code_fingerprint`) are unchanged. What ties files together is worked out again on every
run from what each file holds: claims files without an article, claim ids used twice. The
registries themselves are always read. The problems found are those of `load_corpus` followed by
`run_checks`, the same on a cold run, a warm one, or one after any change.

A file is recognised as unchanged by its size, time of change and inode when it was last changed
well before it was read (two seconds, for file systems with coarse times); otherwise, by a hash of
its content.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..problems import Problem
from ..userkey import digest
from .answer import Answers, state
from .cache import CheckCache, code_fingerprint
from .claimreuse import NO_KEY, claim_keys, keepable, moved, pack_places, spans
from .collector import collector_paused
from .entries import problems_of, reusable_rows, rows_of, well_formed
from .entries import signature as _signature
from .idpack import id_count, ids_of, pack_ids
from .listing import plain_files
from .paths import display_path
from .usedtwice import duplicate_claims, ids_distinct

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from ..model import Corpus
    from ..rules.anchoring import ArticleText
    from .loader import CorpusBuilder

# What only reading or checking a file needs (the YAML reader, the loader, the checks), imported
# on first use: a run where every file comes from the cache never loads them. Reached as
# attributes of this module (``_this.read_claims``), so that they can be replaced in tests.
_LAZY = {
    "check_article": "..rules.checks", "check_claim": "..rules.checks", "check_entities": "..rules.checks",
    "check_propositions": "..rules.checks", "check_quote": "..rules.checks",
    "orphan_problems": "..rules.references", "BadDate": "..rules.structure",
    "read_claims": ".claimsfile", "CorpusBuilder": ".loader", "list_files": ".loader",
    "load_entities": ".loader", "load_propositions": ".loader", "read_article": ".loader",
    "plain_registries": ".registryform", "registries_into": ".registryform", "NotPlain": ".plainform",
}


def __getattr__(name: str) -> Any:
    where = _LAZY.get(name)
    if where is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    from importlib import import_module

    globals()[name] = value = getattr(import_module(where, __package__), name)
    return value


_this = sys.modules[__name__]
_RACY_NS = 2_000_000_000  # a file changed this close to being read is compared by content
_REGISTRY_FILES = (("entities.yaml", "load_entities"), ("propositions.yaml", "load_propositions"))  # and their loaders
_REGISTRIES = ":registries"  # the entry of the registries' own problems (no file is shown so)
_IDS = ":ids"  # {"distinct": bool}: whether the ids of the claims files stored are all distinct


def check_with_cache(root: Path, cache_dir: Path, scope: Callable[[str], bool] | None = None,
                     probes: Sequence[Path] = ()) -> list[Problem]:
    """Every problem of the corpus at ``root`` (unsorted), using and refreshing the cache.

    ``scope``: whether the problems at a shown path will be reported (None: all). An article whose
    own problems and whose claims file's are out of scope is taken from the cache as it is, without
    a look at its file (its problems may then be out of date: they are not reported); every claims
    file is still looked at, for the ids used twice. ``probes``: the files asked about, looked at
    first: when one changed after the last answer was stored, no other file need be."""
    with collector_paused():
        return _Run(root, cache_dir, scope, probes).problems()


class _Run:
    def __init__(self, root: Path, cache_dir: Path, scope: Callable[[str], bool] | None = None,
                 probes: Sequence[Path] = ()) -> None:
        self.root = root
        self.scope = scope
        self.probes = probes
        self.unseen = False  # an entry was kept without a look at its file (then no answer is stored)
        self.cache = CheckCache(cache_dir, root, display_path(root))
        self.fingerprint = code_fingerprint()
        self.answers = Answers(cache_dir, root, self.cache.shown_root)
        self.old: dict[str, Any] = {}  # the entries stored by the last run (loaded unless its answer holds)
        self.stats: dict[str, list[int] | None] = {}  # the `stat` signature of each file, once taken
        self.new: dict[str, Any] = {}
        self.changed = False
        self.fresh: list[str] = []  # the files read this run (shown), whose entries were stored anew
        self._context: CorpusBuilder | None = None
        self._frozen: Corpus | None = None
        self.previous: dict[str, Any] | None = None  # the last entry of the file being read again
        self.registries_reused = False  # their own problems taken from the cache (not checked again)

    @property
    def context(self) -> Corpus:
        """The registries, read (and checked) only when a file has to be checked against them; and
        the articles read so far."""
        self._read_registries()
        assert self._frozen is not None
        return self._frozen

    def _read_registries(self) -> CorpusBuilder:
        if self._context is None:
            self._context = _this.CorpusBuilder(root=self.root)
            self._frozen = self._context.freeze()  # shares what the builder reads from now on
            if self.registries_reused:  # their problems are known: rebuilt, or read, as context only
                if self._registries_from_cache():
                    return self._context
                for (name, load), raw in zip(_REGISTRY_FILES, self.registry_bytes):
                    getattr(_this, load)(self._context, self.root / name, raw)
                return self._context
            found = self._load_registries(self._context)
            entry = {"depends": self.registries_key, "problems": rows_of(found)}
            try:
                entry["context"] = _this.plain_registries(self._context)
            except _this.NotPlain:
                pass
            self.registry_problems = found
            if None in self.registry_bytes:  # missing or unreadable: said afresh every time
                self.new.pop(_REGISTRIES, None)
            elif self.new.get(_REGISTRIES) != entry:
                self.new[_REGISTRIES] = entry
                self.changed = True
        return self._context

    def _registries_from_cache(self) -> bool:
        """Rebuild the unchanged registries from their entry's plain form, if it holds one whole."""
        form = self.new[_REGISTRIES].get("context")
        if form is None:
            return False
        try:
            _this.registries_into(self._context, form)
        except _this.NotPlain:
            self._context = _this.CorpusBuilder(root=self.root)  # half filled: read afresh
            self._frozen = self._context.freeze()
            return False
        return True

    def _load_registries(self, context: CorpusBuilder) -> list[Problem]:
        problems: list[Problem] = []
        for (name, load), raw in zip(_REGISTRY_FILES, self.registry_bytes):
            problems += getattr(_this, load)(context, self.root / name, raw)
        problems += _this.check_entities(context.freeze())
        problems += _this.check_propositions(context.freeze())
        return problems

    def problems(self) -> list[Problem]:
        problems: list[Problem] = []
        self.registry_bytes: list[bytes | None] = []
        for name, _load in _REGISTRY_FILES:
            registry = self.root / name
            try:  # only a regular file is read (a pipe would block): the loader reports the rest
                self.registry_bytes.append(registry.read_bytes() if registry.is_file() else None)
            except OSError:
                self.registry_bytes.append(None)  # the loader reports it
        self.registries_key = digest(b"\0".join(b"-" if raw is None else b"+" + raw for raw in self.registry_bytes))
        listed = plain_files(self.root / "articles", ".md"), plain_files(self.root / "claims", ".yaml")
        if listed[0] is not None and listed[1] is not None and None not in self.registry_bytes:
            every = [*listed[0], *listed[1]]
            answer = self.answers.reuse(self.fingerprint, self.registries_key, self.cache.signature(),
                                        lambda: state(every, self._stat), self.probes)
            if answer is not None:  # no file changed since the last run: its answer holds
                return answer
        self.old = self.cache.load(self.fingerprint)
        stored = self.old.get(_REGISTRIES)
        if isinstance(stored, dict) and stored.get("depends") == self.registries_key and well_formed(stored) \
                and None not in self.registry_bytes:
            self.new[_REGISTRIES] = stored  # the registries' own problems, as last time
            self.registries_reused = True
            problems += problems_of(stored)
        else:
            self._read_registries()  # reads and checks them, and stores what was found
            problems += self.registry_problems
        articles = listed[0] if listed[0] is not None else _this.list_files(self.root / "articles", ".md", problems)
        claims_files = listed[1] if listed[1] is not None else _this.list_files(self.root / "claims", ".yaml", problems)
        loaded: dict[str, None] = {}  # ids of the articles read, in order (for suggestions)
        self.article_hashes: dict[str, str] = {}
        scope, claims_shown = None, {}
        if self.scope is not None:  # (only when every claims file has its article: else no orphan's hint could hold)
            claims_shown = {stem: shown for _path, shown, stem in claims_files}
            scope = self.scope if claims_shown.keys() <= {stem for _path, _shown, stem in articles} else None
        for path, shown, stem in articles:
            if scope is not None and not scope(shown) and not scope(claims_shown.get(stem, "")) \
                    and self._kept_unseen(shown, stem):
                loaded[stem] = None
                continue
            entry = self._article(path, shown, stem)
            if entry["problems"]:
                problems += problems_of(entry)
            if entry["loaded"]:
                loaded[stem] = None
        files: list[tuple[dict[str, Any], str, str]] = []
        for path, shown, article_id in claims_files:
            entry = self._claims(path, shown, article_id)
            if entry["problems"]:
                problems += problems_of(entry)
            if article_id not in loaded:  # (else there is nothing to say)
                problems += _this.orphan_problems(self.root, article_id, shown, loaded)
            files.append((entry, shown, article_id))
        unique = self._ids_distinct(files)
        firsts: dict[str, int] = {}  # claim id -> the claims file where it is first used (index in `files`)
        for number, (entry, shown, article_id) in enumerate(files):
            if unique:  # the usual case: no id is used twice (known at C speed above)
                for _index, rows in entry["checked"]:
                    problems += (Problem(*row) for row in rows)
                continue
            # some id is used twice: which, and where it was first
            duplicates: set[int] = set()
            own = dict.fromkeys(ids_of(entry["ids"]), number)
            if firsts.keys().isdisjoint(own) and len(own) == id_count(entry["ids"]):
                firsts.update(own)
            else:
                duplicates = duplicate_claims(entry, shown, article_id, firsts, files, number, problems)
            for index, rows in entry["checked"]:
                if index not in duplicates:
                    problems += (Problem(*row) for row in rows)
        if self.changed or self.new.keys() != self.old.keys():
            self.cache.save(self.fingerprint, self.new)
        # An answer is stored only when every file's entry would be reused alone: those read now
        # are asked first (a file just edited is not, and then no state need be worked out).
        if listed[0] is not None and listed[1] is not None and _REGISTRIES in self.new \
                and None not in self.registry_bytes and not self.unseen \
                and all(self._kept_signature("", shown) is not None for shown in self.fresh):
            self.answers.store(self.fingerprint, self.registries_key,
                               state([*articles, *claims_files], self._kept_signature),
                               self.cache.signature(), rows_of(problems))
        return problems

    def _ids_distinct(self, files: list[tuple[dict[str, Any], str, str]]) -> bool:
        """Whether no claim id is used twice (`usedtwice.ids_distinct`); what is found is stored with
        the entries, for the next run."""
        marker = self.old.get(_IDS)
        unique = ids_distinct(files, self.old, type(marker) is dict and marker.get("distinct") is True)
        found = {"distinct": unique}
        if marker == found:
            self.new[_IDS] = marker  # (the very object read: the cache sees it unchanged)
        else:
            self.new[_IDS] = found
            self.changed = True
        return unique

    def _stat(self, path: str, shown: str) -> list[int] | None:
        """The file's `stat` signature, kept for its `_lookup` (one `stat` a file and run)."""
        self.stats[path] = found = _signature(path, shown)
        return found

    def _kept_signature(self, _path: str, shown: str) -> Any:
        """The signature of a file whose entry this run kept, if that entry alone would be reused
        next time while the file keeps it (changed well before it was read); else None."""
        entry = self.new.get(shown)
        if type(entry) is not dict or type(entry.get("seen")) is not int:
            return None
        signature = entry.get("signature")
        if type(signature) is not list or len(signature) != 4 or type(signature[1]) is not int \
                or not signature[1] < entry["seen"] - _RACY_NS:
            return None
        return signature

    # --- entries ---------------------------------------------------------------------------------

    def _lookup(self, path: str, shown: str, depends: str) -> tuple[dict[str, Any] | None, bytes | None,
                                                                   dict[str, Any]]:
        """(the stored entry if still good, else None; the file's bytes when read; its identity)."""
        self.previous = None
        stored = self.old.get(shown)
        signature = self.stats.pop(path, None) or _signature(path, shown)
        if signature is None:
            return None, None, {}
        old = stored if type(stored) is dict and stored.get("depends") == depends else None  # usable
        if old is not None and old.get("signature") == signature and type(old.get("seen")) is int \
                and signature[1] < old["seen"] - _RACY_NS and (self.cache.vouched or well_formed(old)):
            self.new[shown] = old
            return old, None, {}
        seen = time.time_ns()
        try:
            with open(path, "rb") as stream:
                raw = stream.read()
        except OSError:
            return None, None, {}
        identity = {"signature": signature, "hash": digest(raw), "seen": seen, "depends": depends}
        if old is not None and old.get("hash") == identity["hash"] and well_formed(old):
            self.new[shown] = entry = old | identity
            self.changed = True
            self.fresh.append(shown)
            return entry, raw, identity
        self.previous = old if old is not None and well_formed(old) else None  # for its unchanged claims
        return None, raw, identity

    def _kept_unseen(self, shown: str, stem: str) -> bool:
        """Keep an article's last entry as it is (out of scope): when it loaded without a problem."""
        old = self.old.get(shown)
        if type(old) is not dict or old.get("loaded") is not True or old.get("problems") != [] \
                or type(old.get("hash")) is not str:
            return False
        self.new[shown] = old
        self.article_hashes[stem] = old["hash"]
        self.unseen = True
        return True

    def _store(self, shown: str, identity: dict[str, Any], entry: dict[str, Any]) -> dict[str, Any]:
        if identity:  # the file was read: the entry describes these very bytes
            self.new[shown] = entry = identity | entry
            self.changed = True
            self.fresh.append(shown)
        return entry

    def _article(self, path: str, shown: str, stem: str) -> dict[str, Any]:
        entry, raw, identity = self._lookup(path, shown, self.registries_key)
        if entry is None:
            article, found = _this.read_article(Path(path), shown, raw)
            if article is not None:
                self._read_registries().articles[article.id] = article
                found += _this.check_article(self.context, article)
            entry = {"problems": rows_of(found), "loaded": article is not None}
            if not any(p.code == _this.BadDate.code for p in found):  # "in the future" depends on the day
                entry = self._store(shown, identity, entry)
        if "hash" in entry:
            self.article_hashes[stem] = entry["hash"]
        return entry

    def _claims(self, path: str, shown: str, article_id: str) -> dict[str, Any]:
        depends = f"{self.registries_key} {self.article_hashes.get(article_id, '-')}"
        entry, raw, identity = self._lookup(path, shown, depends)
        if entry is not None:
            return entry
        previous, self.previous = self.previous, None
        claims, found = _this.read_claims(Path(path), shown, article_id, raw)
        starts = [claim.loc.line for claim in claims]
        keys = claim_keys(raw, [(claim.loc.line, claim.loc.column) for claim in claims]) if raw else None
        reusable = reusable_rows(previous)
        texts: dict[str, ArticleText] = {}
        article_at_hand = False
        ids, lines, columns, checked, kept = [], [], [], [], []
        last_line = raw.count(b"\n") + 1 if raw else 0
        for index, (claim, (first, after)) in enumerate(zip(claims, spans(starts, last_line))):
            id_loc = claim.loc_of("id")
            ids.append(str(claim.id))
            lines.append(id_loc.line)
            columns.append(id_loc.column)
            key = keys[index] if keys is not None else None
            if key is not None and key in reusable:
                old_start, rows = reusable[key]
                rows = moved(rows, shown, first - old_start)
            else:
                if not article_at_hand:
                    self._article_for_quotes(article_id)
                    article_at_hand = True
                rows = rows_of([*_this.check_claim(self.context, claim), *_this.check_quote(self.context, claim, texts)])
                if key is not None and not keepable(rows, shown, first, after):
                    key = None
            kept.append(key or NO_KEY)
            if rows:
                checked.append([index, rows])
        places = pack_places(lines, columns, starts)
        entry = {"problems": rows_of(found), "ids": pack_ids(ids), "places": places, "checked": checked, "keys": b"".join(kept)}
        if places is None:  # not stored (a line number too large to pack): the lists, for this run
            entry["unpacked"] = (lines, columns, starts)
        if depends.endswith(" " + self.article_hashes.get(article_id, "-")) and places is not None:
            entry = self._store(shown, identity, entry)
        return entry  # else the article changed while being read: checked, not stored

    def _article_for_quotes(self, article_id: str) -> None:
        """Make sure the article of a claims file being checked is at hand (read it if it came
        from the cache)."""
        if article_id in self.context.articles or article_id not in self.article_hashes:
            return
        path = self.root / "articles" / f"{article_id}.md"
        try:
            raw = path.read_bytes()
        except OSError:
            self.article_hashes.pop(article_id)
            return
        self.article_hashes[article_id] = digest(raw)
        article, _found = _this.read_article(path, display_path(path), raw)
        if article is not None:
            self._read_registries().articles[article_id] = article
