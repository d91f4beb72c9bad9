"""Ids used twice, found from what changed (`idpack.still_distinct`, the ":ids" entry of the check
cache): the same problems as a cold run whatever moved, and the one pass when it is not sure."""

from __future__ import annotations

import os
import time

import pytest

from conftest import CorpusDir
from hirel.loading import cache as cache_module
from hirel.loading import idpack, usedtwice
from hirel.loading.idpack import pack_ids, still_distinct
from hirel.rules.structure import DuplicateId
from test_cache import SECOND_ARTICLE, SECOND_CLAIMS, cached, cold, two_articles

# --- still_distinct alone ---------------------------------------------------------------------------


def test_nothing_changed_is_distinct():
    packed = [pack_ids(["a", "b"]), pack_ids(["c"])]
    assert still_distinct(packed, []) is True
    assert still_distinct(packed, [(packed[0], "a\nb")]) is True  # read again, same ids


def test_a_new_id_found_once_is_distinct():
    before = pack_ids(["a", "b"])
    now = pack_ids(["a", "b", "d"])
    assert still_distinct([now, pack_ids(["c"])], [(now, before)]) is True


def test_a_new_id_used_in_another_file_is_not():
    now = pack_ids(["a", "b", "c"])
    assert still_distinct([now, pack_ids(["c"])], [(now, "a\nb")]) is False


def test_an_id_used_twice_in_one_file_is_not():
    now = pack_ids(["a", "b", "a"])
    assert still_distinct([now, pack_ids(["c"])], [(now, "a\nb")]) is False


def test_ids_that_share_a_line_break_are_both_found():
    # "\nx\nx\n" holds "\nx\n" twice, overlapping on the middle line break
    now = pack_ids(["x"])
    assert still_distinct([now, pack_ids(["x"])], [(now, None)]) is False


def test_a_prefix_or_a_longer_id_is_another_id():
    now = pack_ids(["ab"])
    assert still_distinct([now, pack_ids(["abc", "zab", "a"])], [(now, None)]) is True


def test_an_id_moved_between_files_is_distinct():
    first_now, second_now = pack_ids(["a"]), pack_ids(["b", "c"])
    assert still_distinct([first_now, second_now], [(first_now, "a\nc"), (second_now, "b")]) is True


def test_an_id_kept_by_one_file_and_added_to_another_is_not():
    first_now, second_now = pack_ids(["a", "c"]), pack_ids(["b", "c"])
    assert still_distinct([first_now, second_now], [(first_now, "a\nc"), (second_now, "b")]) is False


def test_a_file_not_stored_before_has_every_id_looked_for():
    new_file = pack_ids(["a", "q"])
    assert still_distinct([new_file, pack_ids(["a"])], [(new_file, None)]) is False
    assert still_distinct([new_file, pack_ids(["b"])], [(new_file, None)]) is True


def test_what_it_cannot_tell_is_not_distinct():
    odd = pack_ids(["a\nb"])  # an id with a line break is kept as a list
    assert isinstance(odd, list)
    assert still_distinct([odd, "c"], [(odd, None)]) is False
    assert still_distinct(["a\nd", odd], [("a\nd", "a")]) is False  # (another file not one string)
    many = pack_ids([f"id-{n}" for n in range(idpack._MOST_SEARCHED + 1)])
    assert still_distinct([many], [(many, None)]) is False  # the one pass is quicker
    few = pack_ids([f"id-{n}" for n in range(idpack._MOST_SEARCHED)])
    assert still_distinct([few], [(few, None)]) is True


# --- with the cache: the same problems as a cold run ------------------------------------------------


@pytest.fixture
def world(corpus: CorpusDir, tmp_path):
    return two_articles(corpus, tmp_path)


def _touch(path) -> None:
    later = time.time() - 600  # changed ten minutes ago: after the hour-old files, not racy
    os.utime(path, (later, later))


def _marker(corpus: CorpusDir, cache_dir):
    """The ":ids" entry of the cache, as the next run reads it."""
    store = cache_module.CheckCache(cache_dir, corpus.root, "data")
    return store.load(cache_module.code_fingerprint()).get(":ids")


def _both(corpus: CorpusDir, cache_dir, files=()) -> list[tuple]:
    expected = cold(corpus, files)
    assert cached(corpus, cache_dir, files) == expected
    assert cached(corpus, cache_dir, files) == expected
    return expected


def _codes(found) -> list[str]:
    return [row[3] for row in found]


def test_the_cache_says_whether_the_ids_were_distinct(world):
    corpus, cache_dir = world
    assert _both(corpus, cache_dir) == []
    assert _marker(corpus, cache_dir) == {"distinct": True}
    second = corpus.write("claims/second.yaml", SECOND_CLAIMS.replace("second-100m", "state-dept-100m"))
    _touch(second)
    found = _both(corpus, cache_dir)
    assert set(_codes(found)) == {DuplicateId.code}
    assert _marker(corpus, cache_dir) == {"distinct": False}


@pytest.mark.parametrize("files", [(), ("claims/second.yaml",)])
def test_an_id_copied_into_another_file_is_reported(world, files):
    corpus, cache_dir = world
    _both(corpus, cache_dir)
    taken = corpus.path("claims/test-article.yaml").read_text("utf-8").split("id: ", 2)[1].split("\n")[0]
    second = corpus.write("claims/second.yaml", SECOND_CLAIMS + SECOND_CLAIMS.split("claims:\n", 1)[1]
                          .replace("second-100m", taken))
    _touch(second)
    expected = cold(corpus, files)
    assert expected, "the id used twice is reported by a cold run"
    assert cached(corpus, cache_dir, files) == expected
    assert cached(corpus, cache_dir, files) == expected


def test_an_id_used_twice_then_mended(world):
    corpus, cache_dir = world
    _both(corpus, cache_dir)
    second = corpus.write("claims/second.yaml", SECOND_CLAIMS + SECOND_CLAIMS.split("claims:\n", 1)[1])
    _touch(second)
    assert _both(corpus, cache_dir)  # second-100m twice in one file
    second = corpus.write("claims/second.yaml", SECOND_CLAIMS + SECOND_CLAIMS.split("claims:\n", 1)[1]
                          .replace("second-100m", "second-100m-again"))
    os.utime(second, (time.time() - 300, time.time() - 300))
    assert _both(corpus, cache_dir) == []
    assert _marker(corpus, cache_dir) == {"distinct": True}


def test_a_deleted_file_frees_its_ids(world):
    corpus, cache_dir = world
    _both(corpus, cache_dir)
    corpus.path("claims/second.yaml").unlink()
    corpus.path("articles/second.md").unlink()
    _both(corpus, cache_dir)
    third = corpus.write("articles/third.md", SECOND_ARTICLE)
    claims = corpus.write("claims/third.yaml", SECOND_CLAIMS)  # the deleted file's id, now free
    _touch(third)
    _touch(claims)
    assert _both(corpus, cache_dir) == []


def test_a_new_claim_is_checked_without_the_one_pass(world, monkeypatch):
    corpus, cache_dir = world
    _both(corpus, cache_dir)
    calls = []
    real = usedtwice.all_distinct
    monkeypatch.setattr(usedtwice, "all_distinct", lambda packed: calls.append(len(packed)) or real(packed))
    second = corpus.write("claims/second.yaml", SECOND_CLAIMS + SECOND_CLAIMS.split("claims:\n", 1)[1]
                          .replace("second-100m", "second-100m-b"))
    _touch(second)
    assert cached(corpus, cache_dir) == cold(corpus) == []
    assert calls == []  # one new id, found once: no pass over every id
    del calls[:]
    cache_dir_2 = cache_dir.parent / "other-cache"
    assert cached(corpus, cache_dir_2) == []  # no cache yet: the one pass
    assert calls == [2]
