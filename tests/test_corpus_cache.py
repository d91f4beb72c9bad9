"""The cache of the loaded corpus, used by every command that reads the corpus: the same corpus
and problems as `load_corpus`, and the same output from every browsing command with a cold
cache, a warm one and `--no-cache`, on the bundled corpus and on tests/corpora/, and after each
kind of change."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from hirel.loading import cache as cache_module
from hirel.loading import corpuscache
from hirel.loading.corpuscache import load_corpus_cached
from hirel.loading.loader import load_corpus
from hirel.loading.plainform import plain_article, plain_claim

HERE = Path(__file__).parent
CORPORA = {"bundled": HERE.parent / "data", "trade": HERE / "corpora" / "trade",
           "outbreak": HERE / "corpora" / "outbreak"}


def _age(root: Path) -> None:
    past = time.time() - 3600
    for path in root.rglob("*"):
        os.utime(path, (past, past))


def copy_of(name: str, tmp_path: Path) -> Path:
    root = tmp_path / "data"
    shutil.copytree(CORPORA[name], root)
    _age(root)
    return root


def everything(loaded) -> tuple:
    """All a command can see of a loaded corpus: every field and every place."""
    corpus, problems = loaded
    return ([(claim_id, plain_claim(claim), claim) for claim_id, claim in corpus.claims.items()],
            [(article_id, plain_article(article), article) for article_id, article in corpus.articles.items()],
            dict(corpus.claim_files), dict(corpus.propositions), dict(corpus.topics),
            [(p.path, p.line, p.column, p.code, p.severity, p.message, p.hint) for p in problems])


def same_as_load_corpus(root: Path, cache_dir: Path) -> tuple:
    expected = everything(load_corpus(root))
    assert everything(load_corpus_cached(root, cache_dir)) == expected
    assert everything(load_corpus_cached(root, cache_dir)) == expected  # from the refreshed cache
    return expected


class Reads:
    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.files: list[str] = []
        for name in ("read_claims", "read_article"):
            original = getattr(corpuscache, name)

            def counting(path, *args, _original=original):
                self.files.append(Path(path).name)
                return _original(path, *args)

            monkeypatch.setattr(corpuscache, name, counting)


@pytest.mark.parametrize("name", CORPORA)
def test_the_same_corpus_cold_and_warm(name, tmp_path, monkeypatch):
    root = copy_of(name, tmp_path)
    same_as_load_corpus(root, tmp_path / "cache")
    reads = Reads(monkeypatch)
    same_as_load_corpus(root, tmp_path / "cache")
    assert reads.files == []  # nothing parsed: every file came from the cache
    assert list((tmp_path / "cache").glob("corpus-*.bin"))


def _edits(root: Path):
    claims = sorted((root / "claims").iterdir())
    articles = sorted((root / "articles").iterdir())
    first = claims[0].read_text(encoding="utf-8")
    yield "a claim edited", lambda: claims[0].write_text(first.replace("quote:", "quote: ", 1), encoding="utf-8")
    yield "a claim broken", lambda: claims[0].write_text(first.replace("  - id:", "  - idd:", 1), encoding="utf-8")
    yield "a file made unreadable YAML", lambda: claims[1].write_text("claims: [\n", encoding="utf-8")
    yield "an id used twice", lambda: claims[2].write_text(
        claims[2].read_text(encoding="utf-8") + first.split("claims:\n", 1)[1], encoding="utf-8")
    text = articles[0].read_text(encoding="utf-8")
    yield "an article edited", lambda: articles[0].write_text(text.replace("\n", "\n\n", 3), encoding="utf-8")
    yield "an article renamed", lambda: articles[1].rename(articles[1].with_name("renamed-article.md"))
    yield "a claims file deleted", lambda: claims[3].unlink()
    entities = (root / "entities.yaml").read_text(encoding="utf-8")
    yield "the entities edited", lambda: (root / "entities.yaml").write_text(
        "Someone New: {}\n" + entities, encoding="utf-8")
    yield "a claims file restored", lambda: claims[1].write_text(first, encoding="utf-8")


@pytest.mark.parametrize("fresh", [False, True], ids=["dated-back", "just-written"])
def test_after_each_kind_of_change(tmp_path, fresh):
    root = copy_of("trade", tmp_path)
    cache_dir = tmp_path / "cache"
    same_as_load_corpus(root, cache_dir)
    for what, change in _edits(root):
        change()
        if not fresh:  # recognised by stat; else by the hash of the content
            _age(root)
        assert same_as_load_corpus(root, cache_dir), what


def test_a_damaged_entry_is_read_afresh(tmp_path):
    root = copy_of("trade", tmp_path)
    cache_dir = tmp_path / "cache"
    expected = same_as_load_corpus(root, cache_dir)
    [path] = cache_dir.glob("corpus-*.bin")
    key = cache_module.user_key()
    document = cache_module.decode(path.read_bytes(), key)
    for entry in document["files"].values():
        if "claims" in entry:
            entry["claims"] = [["not", "a", "claim"]]
        else:
            entry["article"] = ("loc", 1)
    path.write_bytes(cache_module.encode(document, key))
    assert everything(load_corpus_cached(root, cache_dir)) == expected
    path.write_bytes(b"garbage")
    assert everything(load_corpus_cached(root, cache_dir)) == expected


# --- the commands -------------------------------------------------------------------------------


def _commands(root: Path) -> list[list[str]]:
    corpus, _problems = load_corpus(root)
    topic = next(iter(corpus.topics))
    proposition = next(iter(corpus.propositions))
    claim = next(iter(corpus.claims))
    article = next(iter(corpus.articles))
    listing = [["topics"], ["propositions"], ["sources"], ["claims"], ["timeline"], ["matrix", topic],
               ["compare", proposition], ["compare", topic]]
    return [*listing, *([*args, "--format", "json"] for args in listing),
            ["show", claim], ["entities"], ["suggest", article]]


@pytest.mark.parametrize("name", CORPORA)
def test_every_command_prints_the_same_with_and_without_the_cache(name, tmp_path, monkeypatch, run):
    root = copy_of(name, tmp_path)
    monkeypatch.setenv("HIREL_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("NO_COLOR", "1")
    for args in _commands(root):
        afresh = run("--data", str(root), "--no-cache", *args)
        assert not (tmp_path / "cache").exists()  # --no-cache writes nothing
        cold = run("--data", str(root), *args)
        warm = run("--data", str(root), *args)
        assert (cold.exit_code, cold.output) == (afresh.exit_code, afresh.output), args
        assert (warm.exit_code, warm.output) == (afresh.exit_code, afresh.output), args
        shutil.rmtree(tmp_path / "cache")


def test_commands_after_changes(tmp_path, monkeypatch, run):
    root = copy_of("trade", tmp_path)
    monkeypatch.setenv("HIREL_CACHE_DIR", str(tmp_path / "cache"))
    commands = [["claims", "--format", "json"], ["topics", "--format", "json"], ["sources"]]
    for args in commands:
        run("--data", str(root), *args)
    for what, change in _edits(root):
        change()
        _age(root)
        for args in commands:
            afresh = run("--data", str(root), "--no-cache", *args)
            cached = run("--data", str(root), *args)
            assert (cached.exit_code, cached.output) == (afresh.exit_code, afresh.output), (what, args)


def _poison(cache_dir: Path) -> None:
    """Make every stored claim's quote say something else (and seal it again, as hirel would)."""
    [path] = cache_dir.glob("corpus-*.bin")
    key = cache_module.user_key()
    document = cache_module.decode(path.read_bytes(), key)
    for entry in document["files"].values():
        for form in entry.get("claims", []):
            form[3] = "made up"  # the quote (Claim's fourth field)
    path.write_bytes(cache_module.encode(document, key))


def test_another_hirel_does_not_trust_the_cache(tmp_path, monkeypatch):
    root = copy_of("trade", tmp_path)
    cache_dir = tmp_path / "cache"
    expected = same_as_load_corpus(root, cache_dir)
    _poison(cache_dir)
    corpus, _problems = load_corpus_cached(root, cache_dir)
    assert {claim.quote for claim in corpus.claims.values()} == {"made up"}  # the cache is what answers
    monkeypatch.setattr(cache_module, "__version__", "99.0")
    assert everything(load_corpus_cached(root, cache_dir)) == expected


def test_concurrent_commands(tmp_path):
    root = copy_of("trade", tmp_path)
    env = dict(os.environ, HIREL_CACHE_DIR=str(tmp_path / "cache"))
    command = [sys.executable, "-m", "hirel", "--data", str(root)]
    expected = subprocess.run(command + ["--no-cache", "claims", "--format", "json"], env=env, capture_output=True,
                              text=True, check=True).stdout
    for _round in range(2):  # first with no cache, then with the one they wrote
        runs = [subprocess.Popen(command + ["claims", "--format", "json"], env=env, stdout=subprocess.PIPE,
                                 stderr=subprocess.PIPE, text=True) for _ in range(4)]
        assert [run.communicate()[0] for run in runs] == [expected] * 4
    assert not [p for p in (tmp_path / "cache").iterdir() if p.name.startswith(".tmp-")]
