"""The store of compiled regular expressions (`hirel.patternstore`): patterns made from it are the
ones `re.compile` makes, and a store that is missing, forged, cut short or made by another engine
changes nothing but speed."""

from __future__ import annotations

import marshal
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from hirel import patternstore, userkey
from hirel.patternstore import PatternStore, StoredPatterns

KEY = bytes(range(32))
# Patterns of several kinds: named groups, flags given as RegexFlag and as int, look-arounds,
# a verbose pattern, a Unicode class (PyYAML's, the slowest to compile at import).
PATTERNS = [
    (r"(?P<low>\d+)\s*(?:-|to)\s*(?P<high>\d+)", 0),
    (r"\bper\s+cent\b|%", re.IGNORECASE),
    (r"(?<![\d.,])\d{1,3}(?:,\d{3})+(?![\d,])", int(re.IGNORECASE | re.ASCII)),
    ("""^(?:[-+]?0b[0-1_]+
         |[-+]?0[0-7_]+)$""", re.VERBOSE),
    ("[^\x09\x0a\x0d\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]", 0),
]
TEXTS = ["from 10 to 20 per cent", "1,234,567 and 12%", "0b101", "-017", "tab\there\x07bell", "PER CENT"]


def _same(made: re.Pattern[str], source: str, flags: int) -> None:
    expected = re.compile(source, flags)
    assert made == expected  # same pattern, flags and code
    assert (made.pattern, made.flags, made.groups, made.groupindex) == \
        (expected.pattern, expected.flags, expected.groups, expected.groupindex)
    for text in TEXTS:
        assert [m.span() for m in made.finditer(text)] == [m.span() for m in expected.finditer(text)]
        assert [m.groupdict() for m in made.finditer(text)] == [m.groupdict() for m in expected.finditer(text)]


def test_first_run_records_and_second_run_reads(tmp_path: Path) -> None:
    path = str(tmp_path / "patterns.bin")
    first = PatternStore(path, KEY)
    for source, flags in PATTERNS:
        _same(first.compile(source, flags), source, flags)
    assert first.changed
    first.save()
    raw = Path(path).read_bytes()
    assert raw.startswith(b"hirel-patterns 2 ")
    assert os.stat(path).st_mode & 0o777 == 0o600

    second = PatternStore(path, KEY)
    original = second.original
    calls: list[str] = []
    second.original = lambda pattern, flags=0: calls.append(pattern) or original(pattern, flags)  # type: ignore[func-returns-value]
    for source, flags in PATTERNS:
        _same(second.compile(source, flags), source, flags)
    assert calls == []  # every pattern came from the store: none was compiled again
    assert not second.changed
    assert second.compile(*PATTERNS[0]) is second.compile(*PATTERNS[0])  # made once per run


@pytest.mark.parametrize("damage", ["forged", "cut", "other key", "garbage", "empty", "not a mapping"])
def test_a_damaged_store_is_ignored(tmp_path: Path, damage: str) -> None:
    shared = tmp_path / "shared"  # a folder others may write to: the seal is checked
    shared.mkdir()
    shared.chmod(0o777)
    path = shared / "patterns.bin"
    store = PatternStore(str(path), KEY)
    for source, flags in PATTERNS:
        store.compile(source, flags)
    store.save()
    raw = path.read_bytes()
    header, body = raw.split(b"\n", 1)
    if damage == "forged":  # another pattern's code under the first pattern's name, seal unchanged
        records = marshal.loads(body)
        keys = list(records)
        records[keys[0]] = records[keys[1]]
        path.write_bytes(header + b"\n" + marshal.dumps(records, 4))
    elif damage == "cut":
        path.write_bytes(raw[: len(raw) // 2])
    elif damage == "other key":
        path.write_bytes(b"hirel-patterns 2 " + userkey.seal(body, bytes(32)) + b" " + patternstore._checksum(body)
                         + b"\n" + body)
    elif damage == "garbage":
        path.write_bytes(os.urandom(2000))
    elif damage == "empty":
        path.write_bytes(b"")
    else:
        body = marshal.dumps([1, 2, 3], 4)
        path.write_bytes(b"hirel-patterns 2 " + userkey.seal(body, KEY) + b" " + patternstore._checksum(body)
                         + b"\n" + body)
    again = PatternStore(str(path), KEY)
    for source, flags in PATTERNS:
        _same(again.compile(source, flags), source, flags)
    assert again.changed  # made again, and stored anew
    again.save()
    third = PatternStore(str(path), KEY)
    third.compile(*PATTERNS[0])
    assert not third.changed


def _resealed(path: Path, change, key: bytes) -> None:
    _header, body = path.read_bytes().split(b"\n", 1)
    records = marshal.loads(body)
    change(records)
    body = marshal.dumps(records, 4)
    path.write_bytes(b"hirel-patterns 2 " + userkey.seal(body, key) + b" " + patternstore._checksum(body)
                     + b"\n" + body)


@pytest.mark.skipif(not hasattr(os, "getuid"), reason="a system that tells users apart")
def test_in_the_users_own_folder_only_the_checksum_is_checked(tmp_path: Path, monkeypatch) -> None:
    own = tmp_path / "own"
    own.mkdir(mode=0o700)
    path = own / "patterns.bin"
    store = PatternStore(str(path), KEY)
    for source, flags in PATTERNS:
        store.compile(source, flags)
    store.save()
    seals: list[int] = []
    real = userkey.seal
    monkeypatch.setattr(userkey, "seal", lambda body, key: seals.append(len(body)) or real(body, key))
    again = PatternStore(str(path), KEY)
    _same(again.compile(*PATTERNS[0]), *PATTERNS[0])
    assert seals == [] and not again.changed  # read from the store, without its seal worked out
    # A byte changed on disk: the checksum tells, and the store is made again.
    raw = bytearray(path.read_bytes())
    raw[-3] ^= 0x01
    path.write_bytes(bytes(raw))
    damaged = PatternStore(str(path), KEY)
    for source, flags in PATTERNS:
        _same(damaged.compile(source, flags), source, flags)
    assert damaged.changed
    # Whoever can write in this folder can read the key beside it: a file sealed with another key
    # is this user's business (it is read); the same file where others may write is not.
    _resealed(path, lambda records: None, bytes(32))
    assert PatternStore(str(path), KEY)._records() != {}
    own.chmod(0o777)
    assert PatternStore(str(path), KEY)._records() == {}
    own.chmod(0o700)
    path.chmod(0o666)
    assert PatternStore(str(path), KEY)._records() == {}


def test_code_the_engine_refuses_is_made_again(tmp_path: Path) -> None:
    """A record whose seal is right but whose code is not well formed (as from another engine
    version under the same name): `_sre` refuses it, and the pattern is compiled as usual."""
    path = tmp_path / "patterns.bin"
    source, flags = PATTERNS[0]
    store = PatternStore(str(path), KEY)
    store.compile(source, flags)
    records = store.records
    assert records is not None
    record = marshal.loads(records[(source, flags)])
    records[(source, flags)] = marshal.dumps((record[0], [999999, 1, 2], record[2], record[3], record[4]), 4)
    store.save()
    again = PatternStore(str(path), KEY)
    _same(again.compile(source, flags), source, flags)
    assert again.changed


def test_what_re_compile_would_refuse_or_pass_through(tmp_path: Path) -> None:
    store = PatternStore(str(tmp_path / "patterns.bin"), KEY)
    with pytest.raises(re.error):
        store.compile(r"(unclosed")
    compiled = re.compile("abc")
    assert store.compile(compiled) is compiled
    assert store.compile(rb"\d+") == re.compile(rb"\d+")  # bytes: not stored
    assert store.records == {}


def test_no_key_means_no_store_file(tmp_path: Path) -> None:
    store = PatternStore(None, None)
    for source, flags in PATTERNS:
        _same(store.compile(source, flags), source, flags)
    assert not store.changed
    store.save()
    assert list(tmp_path.iterdir()) == []


def test_a_full_store_keeps_only_what_the_last_run_used(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(patternstore, "_MOST", 3)
    path = str(tmp_path / "patterns.bin")
    store = PatternStore(path, KEY)
    for source, flags in PATTERNS[:3]:
        store.compile(source, flags)
    store.save()
    later = PatternStore(path, KEY)
    for source, flags in PATTERNS[3:]:
        later.compile(source, flags)
    later.save()  # 5 records > 3: only the 2 this run used are kept
    assert set(patternstore._read(path, KEY)) == {(source, int(flags)) for source, flags in PATTERNS[3:]}


def test_the_context_puts_re_compile_back(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    original = re.compile
    with pytest.raises(ZeroDivisionError), StoredPatterns() as store:
        assert store is not None
        assert re.compile is not original
        re.compile(r"\w+ and \w+")
        1 / 0  # noqa: B018
    assert re.compile is original
    path = patternstore.store_path()
    assert path is not None and path.startswith(str(tmp_path / "hirel"))
    assert (r"\w+ and \w+", 0) in patternstore._read(path, userkey.user_key())  # saved on leaving
    with StoredPatterns(enabled=False) as nothing:
        assert nothing is None and re.compile is original


def _run(*args: str, env: dict[str, str], cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-c", "from hirel.cli import main; main()", *args], cwd=cwd, env=env,
                          capture_output=True, text=True, check=False)


def test_the_command_line_uses_it_and_no_cache_does_not(corpus: object, tmp_path: Path) -> None:
    env = dict(os.environ, XDG_CACHE_HOME=str(tmp_path / "home-cache"))
    folder = tmp_path / "home-cache" / "hirel"
    done = _run("--no-cache", "check", env=env, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert not list(folder.glob("patterns-*.bin"))
    first = _run("check", env=env, cwd=tmp_path)
    stored = list(folder.glob("patterns-*.bin"))
    assert first.returncode == 0 and len(stored) == 1
    second = _run("check", "--format", "json", env=env, cwd=tmp_path)
    assert second.returncode == 0 and second.stdout.strip() == "[]"
    before = stored[0].read_bytes(), stored[0].stat().st_mtime_ns
    third = _run("check", "--format", "json", env=env, cwd=tmp_path)
    assert third.stdout == second.stdout
    assert (stored[0].read_bytes(), stored[0].stat().st_mtime_ns) == before  # nothing new: not written again
    assert stored[0].name.startswith("patterns-check-")
    assert _run("topics", env=env, cwd=tmp_path).returncode == 0  # the other commands keep a store of their own
    assert (stored[0].read_bytes(), stored[0].stat().st_mtime_ns) == before
    assert len(list(folder.glob("patterns-commands-*.bin"))) == 1


def test_hirel_patterns_are_the_same_text_every_run() -> None:
    """The value reader's patterns are built from word tables, some of them sets: their text must
    not depend on the order a set iterates in (else every run would miss the store)."""
    program = ("from hirel.values import tokens, quotes, changes, periods; import hashlib, re;"
               "print(hashlib.sha256(repr(sorted((p.pattern, p.flags) for m in (tokens, quotes, changes, periods)"
               " for p in vars(m).values() if isinstance(p, re.Pattern))).encode()).hexdigest())")
    seen = {subprocess.run([sys.executable, "-c", program], env=dict(os.environ, PYTHONHASHSEED=seed),
                           capture_output=True, text=True, check=True).stdout for seed in ("1", "2", "3")}
    assert len(seen) == 1
