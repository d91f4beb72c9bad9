"""The answer of the last check, given again when nothing changed (`loading.answer`): it is used only
when every file and the registries are as they were, and it gives what a cold run gives."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from conftest import CLAIMS, CorpusDir, replace_once
from hirel.loading import cache as cache_module
from hirel.loading import incremental
from test_cache import SECOND_ARTICLE, SECOND_CLAIMS, _age, cached, cold, same_as_cold

# Two problems the cache must keep: an unknown claimant (HR302), then an unknown proposition (HR301).
BROKEN = replace_once(replace_once(CLAIMS, "claimant: State Department", "claimant: State Departmnt"),
                      "proposition: hamas-founded", "proposition: hamas-fonded")


@pytest.fixture
def world(corpus: CorpusDir, tmp_path: Path):
    corpus.write("articles/second.md", SECOND_ARTICLE)
    corpus.write("claims/second.yaml", SECOND_CLAIMS)
    corpus.write("claims/test-article.yaml", BROKEN)
    _age(corpus.root)
    return corpus, tmp_path / "cache"


def _answer(cache_dir: Path) -> Path:
    [path] = cache_dir.glob("answer-*.bin")
    return path


def _rewrite_answer(cache_dir: Path, change) -> None:
    """Change what the answer file holds, sealed again with this user's key."""
    path = _answer(cache_dir)
    key = cache_module.user_key()
    document = cache_module.decode(path.read_bytes(), key)
    change(document["files"])
    path.write_bytes(cache_module.encode(document, key))


def _made_up(answer: dict) -> None:
    answer["problems"] = [["data/claims/second.yaml", 1, 1, "HR999", "error", "made up", None]]


class Reads:
    """Counts the large cache files loaded and the data files read."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.loads = 0
        self.files: list[str] = []
        load = cache_module.CheckCache.load

        def counting_load(store, fingerprint):
            if store.path.name.startswith("check-"):
                self.loads += 1
            return load(store, fingerprint)

        monkeypatch.setattr(cache_module.CheckCache, "load", counting_load)
        for name in ("read_claims", "read_article"):
            original = getattr(incremental, name)

            def counting(path, *args, _original=original):
                self.files.append(Path(path).name)
                return _original(path, *args)

            monkeypatch.setattr(incremental, name, counting)


def test_nothing_changed_the_last_answer_is_given(world, monkeypatch):
    corpus, cache_dir = world
    expected = same_as_cold(corpus, cache_dir)
    assert [(row[0], row[3], row[4]) for row in expected] == [  # the two errors made, in file order
        ("data/claims/test-article.yaml", "HR302", "error"), ("data/claims/test-article.yaml", "HR301", "error")]
    reads = Reads(monkeypatch)
    assert cached(corpus, cache_dir) == expected
    assert (reads.loads, reads.files) == (0, [])  # neither the large cache nor any data file was read
    # and it is the answer file that answers
    _rewrite_answer(cache_dir, _made_up)
    assert [row[3] for row in cached(corpus, cache_dir)] == ["HR999"]


def _change_claims(corpus: CorpusDir) -> None:
    corpus.write("claims/second.yaml", SECOND_CLAIMS.replace("State Department", "Nobody we know"))


def _touch_same_size(corpus: CorpusDir) -> None:
    path = corpus.path("claims/second.yaml")
    path.write_text(path.read_text(encoding="utf-8").replace("a year", "A year"), encoding="utf-8")


@pytest.mark.parametrize("change", [
    _change_claims,
    _touch_same_size,
    lambda corpus: corpus.write("articles/second.md", SECOND_ARTICLE.replace("Hamas", "Hamas and others")),
    lambda corpus: corpus.write("entities.yaml", corpus.path("entities.yaml").read_text(encoding="utf-8") + "\n"),
    lambda corpus: corpus.path("articles/second.md").unlink(),
    lambda corpus: corpus.path("claims/second.yaml").rename(corpus.path("claims/third.yaml")),
    lambda corpus: corpus.write("claims/third.yaml", SECOND_CLAIMS.replace("second-100m", "third-100m")),
    lambda corpus: corpus.path("claims/sub").mkdir(),
], ids=["claims", "same-size", "article", "registry", "deleted", "renamed", "added", "a-folder"])
def test_any_change_is_checked_again(world, change):
    corpus, cache_dir = world
    same_as_cold(corpus, cache_dir)
    _rewrite_answer(cache_dir, _made_up)  # were the old answer given, it would show
    change(corpus)
    _age(corpus.root)
    found = same_as_cold(corpus, cache_dir)
    assert "HR999" not in [row[3] for row in found]


def test_a_file_changed_just_now_is_not_answered_for(world):
    corpus, cache_dir = world
    same_as_cold(corpus, cache_dir)
    _answer(cache_dir).unlink()
    _change_claims(corpus)  # dated now: its `stat` cannot vouch for it yet
    assert cached(corpus, cache_dir) == cold(corpus)
    assert list(cache_dir.glob("answer-*.bin")) == []  # no answer stored while a file is that recent


def test_a_large_cache_replaced_since_makes_the_answer_void(world):
    corpus, cache_dir = world
    expected = same_as_cold(corpus, cache_dir)
    _rewrite_answer(cache_dir, _made_up)
    [large] = cache_dir.glob("check-*.bin")
    large.write_bytes(large.read_bytes())  # the same content, another file (another inode, time)
    os.utime(large, (time.time() + 5, time.time() + 5))
    assert cached(corpus, cache_dir) == expected


@pytest.mark.parametrize("damage", ["garbage", "half", "empty", "bad-rows", "bad-state", "directory"])
def test_a_damaged_answer_is_ignored(world, damage):
    corpus, cache_dir = world
    expected = same_as_cold(corpus, cache_dir)
    path = _answer(cache_dir)
    good = path.read_bytes()
    if damage == "garbage":
        path.write_bytes(b"\x00\xff not an answer")
    elif damage == "half":
        path.write_bytes(good[: len(good) // 2])
    elif damage == "empty":
        path.write_bytes(b"")
    elif damage == "bad-rows":
        _rewrite_answer(cache_dir, lambda answer: answer["problems"].append(["x", "one", 1, "HR1", "e", "m", None]))
    elif damage == "bad-state":
        _rewrite_answer(cache_dir, lambda answer: answer.update(state=["not", "a", "digest"]))
    else:
        path.unlink()
        path.mkdir()
    assert cached(corpus, cache_dir) == expected
    assert cached(corpus, cache_dir) == expected
