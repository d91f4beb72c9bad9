"""The cache's small ``.recent`` file: a run that changed few entries writes only those, and the
answers stay exactly those of a cold run, whatever happens to either file."""

from __future__ import annotations

import marshal
import os
import shutil
import time
from pathlib import Path

import pytest

from conftest import CorpusDir
from hirel.loading import cache as cache_module
from hirel.userkey import seal
from test_cache import SECOND_CLAIMS, _age, cached, cold, same_as_cold, two_articles


@pytest.fixture
def world(corpus: CorpusDir, tmp_path: Path) -> tuple[CorpusDir, Path]:
    return two_articles(corpus, tmp_path)


def _files(cache_dir: Path) -> tuple[Path, Path]:
    [large] = cache_dir.glob("check-*.bin")
    return large, large.with_name(large.name + ".recent")


def _state(path: Path) -> tuple[bytes, int] | None:
    return (path.read_bytes(), path.stat().st_mtime_ns) if path.exists() else None


def _recent(path: Path) -> dict:
    document = cache_module.decode(path.read_bytes(), cache_module.user_key(), cache_module._RECENT_FORMAT)
    assert isinstance(document, dict)
    return document


def _edit(corpus: CorpusDir, n: int) -> None:
    corpus.write("claims/second.yaml", SECOND_CLAIMS + "\n" * n)


def test_a_small_change_writes_only_the_recent_file(world):
    corpus, cache_dir = world
    assert same_as_cold(corpus, cache_dir) == []
    large, recent = _files(cache_dir)
    before = _state(large)
    assert _recent(recent)["changed"] == {}  # written with the large file: no change yet
    _edit(corpus, 1)
    assert cached(corpus, cache_dir, ["claims/second.yaml"]) == cold(corpus, ["claims/second.yaml"])
    assert _state(large) == before  # the large file is not written again
    assert recent.exists()
    _edit(corpus, 2)  # another change: the recent file holds both runs' changes
    assert same_as_cold(corpus, cache_dir) == []
    assert _state(large) == before
    document = cache_module.decode(recent.read_bytes(), cache_module.user_key(), cache_module._RECENT_FORMAT)
    assert list(document["changed"]) == ["data/claims/second.yaml"]
    assert document["removed"] == []
    assert document["base"] == large.read_bytes().split(b"\n", 1)[0]


def test_what_the_recent_file_holds_is_used(world, monkeypatch):
    corpus, cache_dir = world
    same_as_cold(corpus, cache_dir)
    _edit(corpus, 1)
    _age(corpus.root)
    cached(corpus, cache_dir)
    # The changed file, dated back, comes from the recent file's entry without being read.
    from test_cache import ReadCounter

    counter = ReadCounter(monkeypatch)
    assert cached(corpus, cache_dir) == []
    assert counter.read == []


def test_many_changes_write_the_large_file_and_empty_the_recent_one(world, monkeypatch):
    corpus, cache_dir = world
    monkeypatch.setattr(cache_module, "_RECENT_LEAST", 1)
    same_as_cold(corpus, cache_dir)
    large, recent = _files(cache_dir)
    _edit(corpus, 1)
    cached(corpus, cache_dir)
    assert recent.exists()
    before = _state(large)
    _edit(corpus, 2)
    corpus.write("claims/test-article.yaml", corpus.path("claims/test-article.yaml").read_text(encoding="utf-8") + "\n")
    assert cached(corpus, cache_dir) == cold(corpus)  # two entries changed: more than one in 16 and than 1
    assert _state(large) != before
    assert _recent(recent)["changed"] == {}  # the changes are in the large file now
    assert _recent(recent)["base"] == large.read_bytes().split(b"\n", 1)[0]
    assert same_as_cold(corpus, cache_dir) == []


def test_a_removed_file_is_removed_through_the_recent_file(world):
    corpus, cache_dir = world
    same_as_cold(corpus, cache_dir)
    corpus.path("claims/second.yaml").unlink()
    assert cached(corpus, cache_dir) == cold(corpus)
    _large, recent = _files(cache_dir)
    document = cache_module.decode(recent.read_bytes(), cache_module.user_key(), cache_module._RECENT_FORMAT)
    assert document["removed"] == ["data/claims/second.yaml"]
    assert same_as_cold(corpus, cache_dir) == cold(corpus)


@pytest.mark.parametrize("damage", ["garbage", "cut", "forged", "empty", "not a mapping", "another large file"])
def test_a_damaged_or_stray_recent_file_is_ignored(world, damage):
    corpus, cache_dir = world
    same_as_cold(corpus, cache_dir)
    large, recent = _files(cache_dir)
    _edit(corpus, 1)
    cached(corpus, cache_dir)
    raw = recent.read_bytes()
    _header, body = raw.split(b"\n", 1)
    if damage == "garbage":
        recent.write_bytes(os.urandom(len(raw)))
    elif damage == "cut":
        recent.write_bytes(raw[: len(raw) // 2])
    elif damage == "forged":  # the right form, sealed with another key
        recent.write_bytes(cache_module._RECENT_FORMAT.encode() + b" " + seal(body, bytes(32)) + b"\n" + body)
    elif damage == "empty":
        recent.write_bytes(b"")
    elif damage == "not a mapping":
        recent.write_bytes(_sealed_list())
    else:  # a recent file kept from before the large file was written again
        kept = recent.read_bytes()
        large.unlink()
        recent.unlink()
        same_as_cold(corpus, cache_dir)
        recent.write_bytes(kept)
    _edit(corpus, 3)
    assert same_as_cold(corpus, cache_dir) == []
    _edit(corpus, 4)
    assert cached(corpus, cache_dir, ["claims/second.yaml"]) == cold(corpus, ["claims/second.yaml"])


def _sealed_list() -> bytes:
    body = marshal.dumps([1, 2], 4)
    key = cache_module.user_key()
    assert key is not None
    return cache_module._RECENT_FORMAT.encode() + b" " + seal(body, key) + b"\n" + body


def test_the_answer_file_sees_a_change_of_the_recent_file(world):
    corpus, cache_dir = world
    same_as_cold(corpus, cache_dir)
    large, recent = _files(cache_dir)
    _edit(corpus, 1)
    _age(corpus.root)
    cached(corpus, cache_dir)
    cached(corpus, cache_dir)  # stores an answer
    store = cache_module.CheckCache(cache_dir, corpus.root, "data")
    first = store.signature()
    assert first is not None and first[4:] != [0, 0, 0, 0]
    shutil.copy(recent, recent.with_name("kept"))
    recent.unlink()
    assert store.signature() == first[:4] + [0, 0, 0, 0]
    large.unlink()
    assert store.signature() is None


@pytest.mark.parametrize("ids", [[], ["one"], ["one", "two", "three"], ["a\nb", "c"], [""], ["", ""]])
def test_ids_are_packed_and_read_back(ids: list[str]) -> None:
    from hirel.loading.idpack import id_count, ids_of, pack_ids

    packed = pack_ids(ids)
    assert ids_of(packed) == ids and id_count(packed) == len(ids)
    assert type(packed) is (list if any("\n" in i or not i for i in ids) else str)


def test_an_id_with_a_line_break_is_refused_the_same_from_the_cache(world):
    corpus, cache_dir = world
    corpus.write("claims/second.yaml", SECOND_CLAIMS.replace("id: second-100m", 'id: "second\\n100m"')
                 + SECOND_CLAIMS.split("claims:\n", 1)[1].replace("id: second-100m", 'id: "second\\n100m"'))
    found = same_as_cold(corpus, cache_dir)  # (such an id is refused: no claim of the file is kept)
    assert [(line, code) for _path, line, _col, code, *_rest in found] == [(2, "HR204"), (7, "HR204")]


@pytest.mark.parametrize(("packed", "distinct"), [
    ([], True), (["a\nb", "c"], True), (["a\nb", "", "c\nd"], True),
    (["a\nb", "b"], False), (["a\na"], False), (["a", ["b", ""]], False), (["a", ["b", "c"]], False),
])
def test_ids_used_twice_across_files_are_seen_at_once(packed, distinct) -> None:
    from hirel.loading.idpack import all_distinct

    assert all_distinct(packed) is distinct


# --- the large file vouched for by the small one (its seal not worked out again) --------------------


def _seals_made(monkeypatch) -> list[int]:
    """The sizes of what `hirel.loading.cache` seals or checks the seal of, from now on."""
    sizes: list[int] = []
    real = cache_module._seal

    def counting(body, key):
        sizes.append(len(body))
        return real(body, key)

    monkeypatch.setattr(cache_module, "_seal", counting)
    return sizes


def test_the_large_file_written_by_the_last_run_is_not_sealed_again(world, monkeypatch):
    corpus, cache_dir = world
    same_as_cold(corpus, cache_dir)
    large, recent = _files(cache_dir)
    size = len(large.read_bytes())
    assert _recent(recent)["vouch"][0] == size
    sizes = _seals_made(monkeypatch)
    _edit(corpus, 1)
    assert cached(corpus, cache_dir) == cold(corpus)
    assert sizes and max(sizes) < size / 2  # the small file's seal only (and the one it writes)


def test_a_copy_of_the_large_file_is_sealed_again(world, monkeypatch):
    corpus, cache_dir = world
    same_as_cold(corpus, cache_dir)
    large, _recent_file = _files(cache_dir)
    copy = large.with_name("copy")
    shutil.copy2(large, copy)
    os.replace(copy, large)  # the same bytes and times, another inode
    sizes = _seals_made(monkeypatch)
    assert cached(corpus, cache_dir) == cold(corpus)
    assert max(sizes) >= len(large.read_bytes()) - 200  # its seal checked over the whole file


def test_a_large_file_changed_in_place_is_not_trusted(world, monkeypatch):
    corpus, cache_dir = world
    same_as_cold(corpus, cache_dir)
    large, _recent_file = _files(cache_dir)
    time.sleep(0.05)  # (a change is dated after the write: the system's clock moves in steps)
    data = bytearray(large.read_bytes())
    stat = large.stat()
    at = data.index(b"second-100m")
    data[at:at + 6] = b"SECOND"  # what a hostile write would do: same size, same times
    with open(large, "r+b") as stream:
        stream.write(data)
    os.utime(large, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    assert large.stat().st_ino == stat.st_ino and large.stat().st_size == stat.st_size
    sizes = _seals_made(monkeypatch)
    assert cached(corpus, cache_dir) == cold(corpus)  # its seal checked, and found wrong: no cache
    assert max(sizes) >= len(data) - 200
    assert b"SECOND" not in large.read_bytes()  # written again, whole and good


@pytest.mark.skipif(not hasattr(os, "getuid") or os.getuid() != 0, reason="needs root to give a file away")
def test_a_large_file_of_another_user_is_not_vouched_for(world, monkeypatch):
    corpus, cache_dir = world
    same_as_cold(corpus, cache_dir)
    large, _recent_file = _files(cache_dir)
    os.chown(large, 12345, 12345)
    assert cache_module._identity(large.stat()) is None
    sizes = _seals_made(monkeypatch)
    assert cached(corpus, cache_dir) == cold(corpus)
    assert max(sizes) >= len(large.read_bytes()) - 200


def test_a_vouched_large_file_damaged_on_disk_is_not_read(world, monkeypatch):
    """The identity cannot see a change that keeps it (a bit flipped by the disk, a write within
    one tick of a coarse clock): the CRC-32 recorded beside it does, and the seal is checked."""
    corpus, cache_dir = world
    same_as_cold(corpus, cache_dir)
    large, recent = _files(cache_dir)
    document = _recent(recent)
    data = bytearray(large.read_bytes())
    at = data.index(b"second-100m")
    data[at:at + 6] = b"SECOND"
    with open(large, "r+b") as stream:
        stream.write(data)
    # the small file vouching for the damaged file's identity, with the CRC of what was written
    document["vouch"] = [*cache_module._identity(large.stat()), document["vouch"][-1]]
    recent.write_bytes(cache_module.encode(document, cache_module.user_key(), cache_module._RECENT_FORMAT))
    sizes = _seals_made(monkeypatch)
    assert cached(corpus, cache_dir) == cold(corpus)
    assert max(sizes) >= len(data) - 200  # not vouched for: its seal checked, and found wrong
    assert b"SECOND" not in large.read_bytes()  # written again, whole
