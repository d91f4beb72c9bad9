"""The check cache inside a changed claims file: the claims written exactly as before keep what
their checks found (moved with them), the others are checked; and the cache's own file is sealed
with a key of the user's, so that nothing another user or an untrusted copy wrote is ever read.

Every case compares whole problems with a cold run (see test_cache.py)."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import CLAIMS, CorpusDir, replace_once
from hirel.loading import cache as cache_module
from hirel.loading import incremental
from hirel.loading.claimreuse import claim_keys
from hirel.rules.checker import check_corpus

# One problem in each of two claims: an unknown claimant (HR302) and a misspelt proposition (HR301).
BROKEN = replace_once(replace_once(CLAIMS, "claimant: State Department", "claimant: State Departmnt"),
                      "proposition: hamas-founded", "proposition: hamas-fonded")


def rows(problems) -> list[tuple]:
    return [(p.path, p.line, p.column, p.code, p.severity, p.message, p.hint) for p in problems]


def _age(root: Path) -> None:
    past = time.time() - 3600
    for path in root.rglob("*"):
        os.utime(path, (past, past))


class CheckedClaims:
    """The ids of the claims whose checks actually run."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.ids: list[str] = []
        original = incremental.check_claim

        def counting(context, claim):
            self.ids.append(claim.id)
            return original(context, claim)

        monkeypatch.setattr(incremental, "check_claim", counting)


@pytest.fixture
def broken(corpus: CorpusDir, tmp_path: Path):
    corpus.write("claims/test-article.yaml", BROKEN)
    _age(corpus.root)
    return corpus, tmp_path / "cache"


def cached(corpus: CorpusDir, cache_dir: Path) -> list[tuple]:
    return rows(check_corpus(corpus.root, cache=cache_dir)[1])


def cold(corpus: CorpusDir) -> list[tuple]:
    return rows(check_corpus(corpus.root)[1])


def edit(corpus: CorpusDir, new_text: str) -> list[tuple]:
    corpus.write("claims/test-article.yaml", new_text)
    _age(corpus.root)
    return cold(corpus)


def test_only_the_edited_claim_is_checked_again(broken, monkeypatch):
    corpus, cache_dir = broken
    expected = cold(corpus)
    assert [(r[1], r[3]) for r in expected] == [(5, "HR302"), (25, "HR301")]  # lines counted by hand
    assert cached(corpus, cache_dir) == expected
    checked = CheckedClaims(monkeypatch)
    expected = edit(corpus, replace_once(BROKEN, "plot the attack\"", "plot the attack\"\n    note: added"))
    assert cached(corpus, cache_dir) == expected
    assert checked.ids == ["wsj-plot"]


def test_claims_moved_down_keep_their_problems_at_their_new_lines(broken, monkeypatch):
    corpus, cache_dir = broken
    cached(corpus, cache_dir)
    checked = CheckedClaims(monkeypatch)
    # two lines of comment at the top: every claim moves down by two, none is checked again
    expected = edit(corpus, "# a comment\n# another\n" + BROKEN)
    assert [(r[1], r[3]) for r in expected] == [(7, "HR302"), (27, "HR301")]
    assert cached(corpus, cache_dir) == expected
    assert checked.ids == []


def test_claims_put_in_another_order(broken, monkeypatch):
    corpus, cache_dir = broken
    cached(corpus, cache_dir)
    head, *items = BROKEN.split("  - ")
    checked = CheckedClaims(monkeypatch)
    expected = edit(corpus, head + "  - " + "  - ".join(reversed(items)))
    assert sorted(r[3] for r in expected) == ["HR301", "HR302"]
    assert cached(corpus, cache_dir) == expected
    assert checked.ids == []  # every claim moved, none changed


def test_a_claim_made_a_duplicate_then_distinct_again(broken):
    corpus, cache_dir = broken
    cached(corpus, cache_dir)
    twice = edit(corpus, replace_once(BROKEN, "id: biden-no-intel", "id: wsj-plot"))
    assert "HR205" in {r[3] for r in twice}  # the id used twice
    assert cached(corpus, cache_dir) == twice
    once = edit(corpus, BROKEN)
    assert cached(corpus, cache_dir) == once


@pytest.mark.parametrize("layout", ["anchors", "flow", "crlf", "directive", "dash-apart"])
def test_other_layouts_are_checked_whole(broken, monkeypatch, layout):
    corpus, cache_dir = broken
    if layout == "anchors":  # a claim taking its quote from another's: its own lines do not decide it
        text = replace_once(BROKEN, 'quote: "Iran helped plot the attack"', 'quote: &q "Iran helped plot the attack"')
        text = replace_once(text, "    stance: supports\n", "    stance: supports\n    note: *q\n")
    elif layout == "flow":
        text = "claims: [{id: wsj-plot, proposition: iran-foreknowledge, quote: \"Iran helped plot the attack\",\n" \
               "  claimant: unnamed Hamas sourc, stance: supports}, {id: founded-1987, proposition: hamas-fonded,\n" \
               "  quote: \"Hamas was founded in 1987\", value: \"1987\"}]\n"
    elif layout == "crlf":
        text = BROKEN.replace("\n", "\r\n")
    elif layout == "directive":
        text = "%YAML 1.1\n---\n" + BROKEN
    else:
        text = BROKEN.replace("  - id:", "  -\n    id:")
    expected = edit(corpus, text)
    assert expected
    assert cached(corpus, cache_dir) == expected
    checked = CheckedClaims(monkeypatch)
    expected = edit(corpus, text + "# an edit elsewhere\n")
    assert cached(corpus, cache_dir) == expected
    assert checked.ids != []  # checked again, not taken from the claims' lines


def key(text: bytes) -> bytes:
    return hashlib.blake2b(text, digest_size=16).digest()


def test_claim_keys_by_hand():
    raw = b"claims:\n  - id: a\n    x: 1\n  - id: b\n"
    keys = claim_keys(raw, [(2, 5), (4, 5)])
    assert keys == [key(b"  - id: a\n    x: 1"), key(b"  - id: b")]
    assert claim_keys(raw + b"# end", [(2, 5), (4, 5)])[1] == key(b"  - id: b\n# end")
    assert claim_keys(raw, [(2, 5), (2, 9)]) is None  # two claims on one line
    assert claim_keys(raw, [(2, 4)]) is None  # not where a block entry's mapping starts
    assert claim_keys(raw.replace(b"1", b"&x 1"), [(2, 5), (4, 5)]) is None


# --- the seal ------------------------------------------------------------------------------------


def test_a_cache_sealed_with_another_key_is_never_read(broken, monkeypatch, tmp_path):
    corpus, cache_dir = broken
    expected = cold(corpus)
    assert cached(corpus, cache_dir) == expected
    [path] = cache_dir.glob("check-*.bin")
    document = cache_module.decode(path.read_bytes(), cache_module.user_key())
    for shown, entry in document["files"].items():
        entry["problems"] = [[shown, 1, 1, "HR999", "error", "made up", None]]
    forged = cache_module.encode(document, os.urandom(32))  # as another user's hirel would
    path.write_bytes(forged)
    original = cache_module.marshal.loads

    def refuse(data):  # (the answer file of the last run, sealed with this user's key, may be read)
        if bytes(data) == forged[forged.index(b"\n") + 1:]:
            raise AssertionError("marshal was handed bytes nobody vouched for")
        return original(data)

    monkeypatch.setattr(cache_module.marshal, "loads", refuse)
    assert cached(corpus, cache_dir) == expected


def test_the_key_is_made_once_and_kept_private(monkeypatch, tmp_path):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "user"))
    key = cache_module.user_key()
    assert key is not None and len(key) == 32
    assert cache_module.user_key() == key
    path = tmp_path / "user" / "hirel" / "cache-key"
    assert path.read_bytes() == key and path.stat().st_mode & 0o077 == 0
    path.write_bytes(b"short")  # damaged: a new one is made
    assert cache_module.user_key() not in (None, key, b"short")


def test_no_key_no_cache(broken, monkeypatch, tmp_path):
    corpus, cache_dir = broken
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))
    assert cached(corpus, cache_dir) == cold(corpus)
    assert not cache_dir.exists() or not list(cache_dir.glob("check-*"))


# --- what a commit imports ------------------------------------------------------------------------

PROBE = """
import sys
sys.argv = ["hirel", "check", "data/claims/test-article.yaml"]
from hirel.cli import main
try:
    main()
except SystemExit:
    pass
print(" ".join(sorted(name for name in sys.modules if name.startswith("hirel.values."))))
"""


def test_the_value_reader_is_imported_only_for_a_changed_claim_with_a_value(broken, tmp_path):
    corpus, cache_dir = broken
    env = dict(os.environ, HIREL_CACHE_DIR=str(cache_dir))

    def modules_after(new_text: str) -> set[str]:
        edit(corpus, new_text)
        done = subprocess.run([sys.executable, "-c", PROBE], cwd=corpus.root.parent, env=env,
                              capture_output=True, text=True, check=True)
        return set(done.stdout.split())

    modules_after(BROKEN)  # the cache is written
    # a stance changed: the claims with values are taken from the cache, the registries too
    stance = modules_after(replace_once(BROKEN, "stance: supports", "stance: refutes"))
    assert "hirel.values.readers" not in stance and "hirel.values.units" not in stance
    # a value changed: read
    value = modules_after(replace_once(BROKEN, "value: $30 million a month", "value: $31 million a month"))
    assert {"hirel.values.readers", "hirel.values.units"} <= value


def test_a_corpus_with_problems_is_cached_too(broken, monkeypatch):
    corpus, cache_dir = broken
    expected = cold(corpus)
    assert cached(corpus, cache_dir) == expected
    assert list(cache_dir.glob("check-*.bin"))
    read: list[str] = []
    original = incremental.read_claims
    monkeypatch.setattr(incremental, "read_claims", lambda path, *args: read.append(path) or original(path, *args))
    assert cached(corpus, cache_dir) == expected
    assert read == []  # every file, problems included, came from the cache
