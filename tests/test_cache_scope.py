"""`hirel check FILES` with the cache: an article that neither FILES nor their claims files answer
for is taken from the cache without a look at it, and what is reported stays what a cold run
reports, for those files and for the next full run."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from conftest import CorpusDir
from hirel.loading import answer as answer_module
from hirel.loading import incremental
from test_cache import SECOND_ARTICLE, SECOND_CLAIMS, ReadCounter, _age, cached, cold, same_as_cold, two_articles


@pytest.fixture
def world(corpus: CorpusDir, tmp_path: Path) -> tuple[CorpusDir, Path]:
    return two_articles(corpus, tmp_path)


def _break_second_article(corpus: CorpusDir) -> None:
    """Its claim's quote is no longer in it (HR501 in claims/second.yaml on a full check)."""
    corpus.write("articles/second.md", SECOND_ARTICLE.replace("$100 million a year", "a great deal"))


def test_an_article_out_of_scope_is_not_looked_at(world, monkeypatch):
    corpus, cache_dir = world
    assert same_as_cold(corpus, cache_dir) == []
    _break_second_article(corpus)
    corpus.write("claims/test-article.yaml", corpus.path("claims/test-article.yaml").read_text(encoding="utf-8") + "\n")
    counter = ReadCounter(monkeypatch)
    stats: list[str] = []
    original = incremental._signature
    monkeypatch.setattr(incremental, "_signature", lambda path, shown: stats.append(shown) or original(path, shown))
    assert cached(corpus, cache_dir, ["claims/test-article.yaml"]) == cold(corpus, ["claims/test-article.yaml"]) == []
    assert "second.md" not in counter.read and "data/articles/second.md" not in stats
    assert "data/claims/second.yaml" in stats  # every claims file is looked at (ids used twice)
    # The next full run looks again, and finds what a cold run finds.
    found = same_as_cold(corpus, cache_dir)
    assert [(path, code) for path, _line, _col, code, *_rest in found] == [("data/claims/second.yaml", "HR501")]


@pytest.mark.parametrize("asked", ["claims/second.yaml", "articles/second.md"])
def test_an_article_in_scope_is_looked_at(world, asked):
    corpus, cache_dir = world
    same_as_cold(corpus, cache_dir)
    _break_second_article(corpus)
    expected = cold(corpus, [asked])
    assert cached(corpus, cache_dir, [asked]) == expected
    assert [code for _path, _line, _col, code, *_rest in expected] == ["HR501"]


def test_no_answer_is_stored_after_a_run_that_kept_entries_unseen(world):
    corpus, cache_dir = world
    same_as_cold(corpus, cache_dir)
    for answer in cache_dir.glob("answer-*.bin"):
        answer.unlink()
    cached(corpus, cache_dir, ["claims/test-article.yaml"])
    assert list(cache_dir.glob("answer-*.bin")) == []
    _break_second_article(corpus)
    _age(corpus.root)
    assert same_as_cold(corpus, cache_dir) != []  # the full run sees the article changed


def test_an_orphan_asked_about_means_every_article_is_looked_at(world, monkeypatch):
    corpus, cache_dir = world
    same_as_cold(corpus, cache_dir)
    corpus.write("claims/nowhere.yaml", SECOND_CLAIMS.replace("second-100m", "nowhere-100m"))
    counter = ReadCounter(monkeypatch)
    _break_second_article(corpus)
    assert cached(corpus, cache_dir, ["claims/nowhere.yaml"]) == cold(corpus, ["claims/nowhere.yaml"])
    assert "second.md" in counter.read


def test_a_probe_changed_after_the_answer_skips_the_other_files(world, monkeypatch):
    corpus, cache_dir = world
    same_as_cold(corpus, cache_dir)
    cached(corpus, cache_dir)  # (stores an answer: every file is old)
    [answer] = cache_dir.glob("answer-*.bin")
    corpus.write("claims/second.yaml", SECOND_CLAIMS + "\n")
    later = answer.stat().st_mtime_ns + 5_000_000_000
    os.utime(corpus.path("claims/second.yaml"), ns=(later, later))
    looked: list[str] = []
    original = incremental._Run._stat
    monkeypatch.setattr(incremental._Run, "_stat", lambda self, path, shown: looked.append(shown) or original(self, path, shown))
    assert cached(corpus, cache_dir, ["claims/second.yaml"]) == cold(corpus, ["claims/second.yaml"])
    assert looked == []  # the answer was refused on the probe alone
    store = answer_module.Answers(cache_dir, corpus.root, "data")
    assert store._changed_since([corpus.path("claims/second.yaml")])
    assert not store._changed_since([corpus.path("claims/test-article.yaml")])
