"""The check cache: after any change, a run with the cache finds exactly what a cold run finds.

Every case compares whole problems (place, code, severity, message, hint) of `check_corpus` with
the cache against `check_corpus` without it, before and after the change, and on the run after
(when the cache holds the new state). Files are first dated an hour back, so that unchanged files
are recognised by their size and time, as in a real corpus, and the cache is really used.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path
from types import SimpleNamespace

import pytest

from conftest import CLAIMS, CorpusDir, replace_once, text
from hirel.loading import cache as cache_module
from hirel.loading import entries, incremental
from hirel.rules.checker import check_corpus

SECOND_ARTICLE = text("""
    ---
    title: A second article
    outlet: Example Times
    ---
    The State Department said Iran gives Hamas $100 million a year.
    A spokesman said nothing else.
""")

SECOND_CLAIMS = text("""
    claims:
      - id: second-100m
        proposition: iran-funding-per-year
        quote: "Iran gives Hamas $100 million a year"
        claimant: State Department
        value: $100 million a year
""")


def rows(problems) -> list[tuple]:
    return [(p.path, p.line, p.column, p.code, p.severity, p.message, p.hint) for p in problems]


def two_articles(corpus: CorpusDir, tmp_path: Path) -> tuple[CorpusDir, Path]:
    """The small corpus with a second article and its claims, every file dated back; and a cache folder."""
    corpus.write("articles/second.md", SECOND_ARTICLE)
    corpus.write("claims/second.yaml", SECOND_CLAIMS)
    _age(corpus.root)
    return corpus, tmp_path / "cache"


@pytest.fixture
def world(corpus: CorpusDir, tmp_path: Path):
    return two_articles(corpus, tmp_path)


def _age(root: Path) -> None:
    """Date every file an hour back, as files are that were not touched by the last commit."""
    past = time.time() - 3600
    for path in root.rglob("*"):
        os.utime(path, (past, past))


def cached(corpus: CorpusDir, cache_dir: Path, files=()) -> list[tuple]:
    return rows(check_corpus(corpus.root, [corpus.path(f) for f in files], cache=cache_dir)[1])


def cold(corpus: CorpusDir, files=()) -> list[tuple]:
    return rows(check_corpus(corpus.root, [corpus.path(f) for f in files])[1])


def same_as_cold(corpus: CorpusDir, cache_dir: Path, files=()) -> list[tuple]:
    expected = cold(corpus, files)
    assert cached(corpus, cache_dir, files) == expected
    assert cached(corpus, cache_dir, files) == expected  # and again, from the refreshed cache
    return expected


def codes(found: list[tuple]) -> list[tuple[str, str]]:
    return [(path, code) for path, _line, _col, code, *_rest in found]


class ReadCounter:
    """Counts the claims files and articles actually parsed (not taken from the cache)."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.read: list[str] = []
        for name in ("read_claims", "read_article"):
            original = getattr(incremental, name)

            def counting(path, *args, _original=original, **kwargs):
                self.read.append(Path(path).name)
                return _original(path, *args, **kwargs)

            monkeypatch.setattr(incremental, name, counting)


# --- the cache is used ------------------------------------------------------------------------------


def test_a_warm_run_reads_only_what_changed(world, monkeypatch):
    corpus, cache_dir = world
    assert same_as_cold(corpus, cache_dir) == []
    with pytest.MonkeyPatch.context() as patch:
        counter = ReadCounter(patch)
        # Not even the registries are read: a loader that cannot be called would fail.
        patch.setattr(incremental, "_REGISTRY_FILES", (("entities.yaml", None), ("propositions.yaml", None)))
        assert cached(corpus, cache_dir) == []
        assert counter.read == []
    counter = ReadCounter(monkeypatch)
    corpus.write("claims/second.yaml", SECOND_CLAIMS.replace("$100 million a year\n", "$100 million a year\n\n"))
    assert cached(corpus, cache_dir, ["claims/second.yaml"]) == []
    assert counter.read == ["second.yaml", "second.md"]  # the article is read again for the quotes


def test_the_default_place_is_beside_the_data_directory_and_keeps_out_of_git(corpus, run):
    result = run("check")
    assert result.exit_code == 0
    hidden = corpus.root.parent / ".hirel"
    # for this data directory: what each file found, and the small file of the latest changes
    large, recent = sorted((hidden / "cache").iterdir())
    assert large.name.startswith("check-") and large.suffix == ".bin"
    assert recent.name == large.name + ".recent"
    assert (hidden / ".gitignore").read_text(encoding="utf-8").splitlines()[-1] == "*"


def test_hirel_cache_dir_and_no_cache(corpus, run, tmp_path, monkeypatch):
    monkeypatch.setenv("HIREL_CACHE_DIR", str(tmp_path / "elsewhere"))
    assert run("check").exit_code == 0
    assert len(list((tmp_path / "elsewhere").glob("check-*.bin"))) == 1
    assert not (tmp_path / ".hirel").exists()
    monkeypatch.delenv("HIREL_CACHE_DIR")
    assert run("check", "--no-cache").exit_code == 0
    assert not (tmp_path / ".hirel").exists()


# --- every kind of change -------------------------------------------------------------------------


def test_editing_a_claim(world):
    corpus, cache_dir = world
    same_as_cold(corpus, cache_dir)
    corpus.write("claims/test-article.yaml", replace_once(CLAIMS, "proposition: hamas-founded",
                                                          "proposition: hamas-founded-x"))
    found = same_as_cold(corpus, cache_dir)
    assert codes(found) == [("data/claims/test-article.yaml", "HR301")]


def test_an_edit_that_keeps_size_and_time_is_seen(world):
    corpus, cache_dir = world
    same_as_cold(corpus, cache_dir)
    path = corpus.path("claims/test-article.yaml")
    before = path.stat()
    corpus.write("claims/test-article.yaml", replace_once(CLAIMS, "stance: refutes", "stance: refuter"))
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert path.stat().st_size == before.st_size and path.stat().st_mtime_ns == before.st_mtime_ns
    assert codes(same_as_cold(corpus, cache_dir)) == [("data/claims/test-article.yaml", "HR206")]


def test_coarse_file_times_fall_back_to_the_content(world, monkeypatch):
    # On a file system that keeps times to the second (or not at all), two writes of the same
    # size leave the same size, times and inode: a file changed this recently is compared by content.
    corpus, cache_dir = world
    frozen = time.time_ns()
    real_stat = os.stat

    def coarse(path, *args, **kwargs):
        st = real_stat(path, *args, **kwargs)
        second = frozen // 10**9 * 10**9
        return SimpleNamespace(st_size=st.st_size, st_ino=st.st_ino, st_mtime_ns=second, st_ctime_ns=second)

    monkeypatch.setattr(entries, "os", SimpleNamespace(stat=coarse))  # (the `stat` signatures are taken there)
    corpus.write("claims/test-article.yaml", CLAIMS)
    assert same_as_cold(corpus, cache_dir) == []
    corpus.write("claims/test-article.yaml", replace_once(CLAIMS, "stance: refutes", "stance: refuter"))
    assert codes(same_as_cold(corpus, cache_dir)) == [("data/claims/test-article.yaml", "HR206")]


def test_editing_an_article_rechecks_the_quotes_of_its_claims(world):
    corpus, cache_dir = world
    same_as_cold(corpus, cache_dir)
    corpus.write("articles/second.md", SECOND_ARTICLE.replace("gives Hamas", "gives the group"))
    found = same_as_cold(corpus, cache_dir)
    assert codes(found) == [("data/claims/second.yaml", "HR501")]
    assert same_as_cold(corpus, cache_dir, ["articles/second.md"]) == found


def test_editing_the_entities(world):
    corpus, cache_dir = world
    same_as_cold(corpus, cache_dir)
    entities = corpus.path("entities.yaml").read_text(encoding="utf-8")
    corpus.write("entities.yaml", entities.replace("  aliases: [State Department]\n", ""))
    found = same_as_cold(corpus, cache_dir)
    assert codes(found) == [("data/claims/second.yaml", "HR302"), ("data/claims/test-article.yaml", "HR302")]


def test_editing_the_propositions(world):
    corpus, cache_dir = world
    same_as_cold(corpus, cache_dir)
    propositions = corpus.path("propositions.yaml").read_text(encoding="utf-8")
    corpus.write("propositions.yaml", propositions.replace("unit: USD/year", "unit: EUR/year"))
    found = same_as_cold(corpus, cache_dir)
    assert {code for _path, code in codes(found)} == {"HR407"}  # dollars where euros are expected
    corpus.write("propositions.yaml", "topics: [")  # broken: the claims are not judged against it
    assert codes(same_as_cold(corpus, cache_dir)) == [("data/propositions.yaml", "HR101")]


def test_renaming_and_deleting_files(world):
    corpus, cache_dir = world
    same_as_cold(corpus, cache_dir)
    corpus.path("articles/second.md").rename(corpus.path("articles/other.md"))
    assert codes(same_as_cold(corpus, cache_dir)) == [("data/claims/second.yaml", "HR304")]
    corpus.path("claims/second.yaml").rename(corpus.path("claims/other.yaml"))
    assert same_as_cold(corpus, cache_dir) == []
    corpus.path("articles/other.md").unlink()
    assert codes(same_as_cold(corpus, cache_dir)) == [("data/claims/other.yaml", "HR304")]
    corpus.path("claims/other.yaml").unlink()
    assert same_as_cold(corpus, cache_dir) == []


def test_a_duplicate_id_in_another_file_is_seen_from_either(world):
    corpus, cache_dir = world
    same_as_cold(corpus, cache_dir)
    corpus.write("claims/second.yaml", SECOND_CLAIMS.replace("id: second-100m", "id: wsj-plot"))
    found = same_as_cold(corpus, cache_dir)
    assert codes(found) == [("data/claims/second.yaml", "HR205"), ("data/claims/test-article.yaml", "HR205")]
    assert codes(same_as_cold(corpus, cache_dir, ["claims/test-article.yaml"])) == [
        ("data/claims/test-article.yaml", "HR205")]
    corpus.write("claims/second.yaml", SECOND_CLAIMS)
    assert same_as_cold(corpus, cache_dir) == []


def test_places_are_packed_in_one_block_and_read_back():
    from hirel.loading.claimreuse import pack_places, places_of, places_ok, unpack_places

    block = pack_places([3, 10], [5, 7], [2, 9])
    assert places_ok(block, 2) and not places_ok(block, 3) and not places_ok(block[:-1], 2)
    assert not places_ok([3, 10, 5, 7, 2, 9], 2) and not places_ok(None, 0)
    assert unpack_places(block, 2) == ([3, 10], [5, 7], [2, 9])
    assert places_of({"ids": ["a", "b"], "places": block}) == ([3, 10], [5, 7], [2, 9])
    assert pack_places([], [], []) == b"" and places_ok(b"", 0)
    assert pack_places([2**31], [1], [1]) is None  # does not fit: the entry is not stored


def test_a_file_whose_places_cannot_be_packed_is_checked_every_time(world, monkeypatch):
    corpus, cache_dir = world
    corpus.write("claims/second.yaml", SECOND_CLAIMS.replace("id: second-100m", "id: wsj-plot"))
    monkeypatch.setattr(incremental, "pack_places", lambda lines, columns, starts: None)
    for _ in range(2):  # the duplicate is still placed right, from the lists kept for the run
        found = same_as_cold(corpus, cache_dir)
        assert codes(found) == [("data/claims/second.yaml", "HR205"), ("data/claims/test-article.yaml", "HR205")]
    stored = cache_module.CheckCache(cache_dir, corpus.root, "data").load(cache_module.code_fingerprint())
    assert not any(name.startswith("data/claims/") for name in stored)


def test_a_new_hirel_does_not_trust_the_old_cache(world, monkeypatch):
    corpus, cache_dir = world
    same_as_cold(corpus, cache_dir)
    _poison(cache_dir)
    assert ("HR999",) in {(r[3],) for r in cached(corpus, cache_dir)}  # the cache is what answers
    monkeypatch.setattr(cache_module, "__version__", "99.0")
    assert same_as_cold(corpus, cache_dir) == []


def test_an_edited_hirel_source_file_does_not_trust_the_old_cache(world, monkeypatch, tmp_path):
    corpus, cache_dir = world
    same_as_cold(corpus, cache_dir)
    _poison(cache_dir)
    real_stat_text = cache_module._stat_text

    def later(path):  # hirel's own checks.py seems edited since
        text = real_stat_text(path)
        return text + " (edited)" if path.endswith(os.path.join("hirel", "rules", "checks.py")) else text

    monkeypatch.setattr(cache_module, "_stat_text", later)
    assert same_as_cold(corpus, cache_dir) == []


def _poison(cache_dir: Path) -> None:
    """Replace what the cache says of every file with a made-up problem (and a valid checksum);
    the answer of the last run (which would answer first when nothing changed) is removed."""
    for answer in cache_dir.glob("answer-*.bin"):
        answer.unlink()
    [path] = cache_dir.glob("check-*.bin")
    key = cache_module.user_key()
    document = cache_module.decode(path.read_bytes(), key)
    for shown, entry in document["files"].items():
        entry["problems"] = [[shown, 1, 1, "HR999", "error", "made up", None]]
    path.write_bytes(cache_module.encode(document, key))


# --- a bad cache ----------------------------------------------------------------------------------


@pytest.mark.parametrize("damage", ["garbage", "half", "empty", "bad-shape", "bad-entry", "directory"])
def test_a_damaged_cache_is_ignored_and_rewritten(world, damage):
    corpus, cache_dir = world
    corpus.write("claims/second.yaml", SECOND_CLAIMS.replace("stance", "x").replace("claimant:", "claimant: Nobody #"))
    _age(corpus.root)
    expected = same_as_cold(corpus, cache_dir)
    [path] = cache_dir.glob("check-*.bin")
    good = path.read_bytes()
    if damage == "garbage":
        path.write_bytes(b"\x00\xff not a cache at all")
    elif damage == "half":
        path.write_bytes(good[: len(good) // 2])
    elif damage == "empty":
        path.write_bytes(b"")
    elif damage in ("bad-shape", "bad-entry"):
        key = cache_module.user_key()
        document = cache_module.decode(good, key)
        if damage == "bad-shape":
            document["files"] = ["not", "a", "mapping"]
        else:
            for name, entry in document["files"].items():
                if name == ":ids":  # (whether the ids are distinct: no file's entry)
                    continue
                if "ids" in entry:  # one byte short of the places of its claims
                    entry["places"] = entry["places"][:-1]
                else:
                    entry["problems"].append("x")
        path.write_bytes(cache_module.encode(document, key))
    else:
        path.unlink()
        path.mkdir()
    assert cached(corpus, cache_dir) == expected
    if damage != "directory":  # rewritten, whole and good
        store = cache_module.CheckCache(cache_dir, corpus.root, "data")
        assert store.path == path
        assert sorted(store.load(cache_module.code_fingerprint())) == [
            ":ids", ":registries", "data/articles/second.md", "data/articles/test-article.md", "data/claims/second.yaml",
            "data/claims/test-article.yaml"]


def test_an_unwritable_cache_place_is_skipped(world, tmp_path):
    corpus, _cache_dir = world
    blocker = tmp_path / "a-file"
    blocker.write_text("not a directory", encoding="utf-8")
    assert cached(corpus, blocker / "cache") == cold(corpus)


def test_concurrent_runs(world):
    corpus, cache_dir = world
    corpus.write("claims/second.yaml", SECOND_CLAIMS.replace("id: second-100m", "id: wsj-plot"))
    expected = cold(corpus)
    command = [sys.executable, "-m", "hirel", "check", "--format", "json"]
    env = dict(os.environ, HIREL_CACHE_DIR=str(cache_dir))
    for _round in range(2):  # first with no cache, then with the one they wrote
        runs = [subprocess.Popen(command + files, cwd=corpus.root.parent, env=env, stdout=subprocess.PIPE,
                                 stderr=subprocess.PIPE, text=True)
                for files in ([], ["data/claims/second.yaml"], [], ["data/claims/test-article.yaml"])]
        outputs = [run.communicate() for run in runs]
        for (out, err), files in zip(outputs, ([], ["second"], [], ["test-article"])):
            found = [(p["path"], p["line"], p["column"], p["code"], p["severity"], p["message"], p["hint"])
                     for p in json.loads(out)]
            assert found == [row for row in expected if not files or files[0] in row[0]], err
    assert cached(corpus, cache_dir) == expected
    assert not [p for p in cache_dir.iterdir() if p.name.startswith(".tmp-")]


# --- random edits -----------------------------------------------------------------------------------


def test_random_edits_give_what_a_cold_run_gives(tmp_path, monkeypatch):
    """Sixty random edits of a copy of the trade corpus (lines dropped, ids reused, files moved,
    registries changed, files restored), some dated back and some fresh: after each, the cached
    run equals the cold one, for the whole corpus and for one file."""
    import random
    import shutil

    source = Path(__file__).parent / "corpora" / "trade"
    root = tmp_path / "data"
    shutil.copytree(source, root)
    monkeypatch.chdir(tmp_path)
    originals = {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*") if p.is_file()}
    corpus = CorpusDir.__new__(CorpusDir)
    corpus.root = root
    cache_dir = tmp_path / "cache"
    rnd = random.Random(14)
    for step in range(60):
        files = sorted(p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file())
        target = rnd.choice(files)
        path = root / target
        action = rnd.randrange(6)
        if action == 0:  # drop a line
            lines = path.read_text(encoding="utf-8").split("\n")
            del lines[rnd.randrange(len(lines))]
            path.write_text("\n".join(lines), encoding="utf-8")
        elif action == 1:  # reuse a claim id of another file
            other = root / rnd.choice([f for f in files if f.startswith("claims/")])
            ids = [line for line in other.read_text(encoding="utf-8").split("\n") if line.startswith("  - id:")]
            if ids and target.startswith("claims/"):
                lines = path.read_text(encoding="utf-8").split("\n")
                at = [i for i, line in enumerate(lines) if line.startswith("  - id:")]
                if at:
                    lines[rnd.choice(at)] = rnd.choice(ids)
                    path.write_text("\n".join(lines), encoding="utf-8")
        elif action == 2 and "/" in target:  # move a file
            folder, name = target.split("/")
            path.rename(root / folder / (rnd.choice(["moved-", "x", ""]) + name.replace("-", "", 1)))
        elif action == 3:  # delete
            path.unlink()
        else:  # restore an original file
            name = rnd.choice(sorted(originals))
            (root / name).write_bytes(originals[name])
        if rnd.random() < 0.5:
            _age(root)
        claims_files = sorted(p.relative_to(root).as_posix() for p in (root / "claims").glob("*.yaml"))
        one = [rnd.choice(claims_files)] if claims_files else []
        for chosen in ([], one):
            found = cold(corpus, chosen)
            assert cached(corpus, cache_dir, chosen) == found, (step, action, target)


def test_a_missing_registry_then_an_unreadable_one(world):
    corpus, cache_dir = world
    same_as_cold(corpus, cache_dir)
    entities = corpus.path("entities.yaml")
    text_before = entities.read_text(encoding="utf-8")
    entities.unlink()
    assert codes(same_as_cold(corpus, cache_dir)) == [("data/entities.yaml", "HR108")]
    entities.mkdir()  # there, but not a file that can be read
    found = same_as_cold(corpus, cache_dir)
    assert codes(found) == [("data/entities.yaml", "HR108")] and "directory" in found[0][5]
    entities.rmdir()
    entities.write_text(text_before, encoding="utf-8")
    assert same_as_cold(corpus, cache_dir) == []


def test_the_shape_of_an_entry_is_checked_before_any_use():
    from hirel.loading.claimreuse import KEY_SIZE, pack_places
    from hirel.loading.entries import well_formed

    row = ["data/claims/a.yaml", 3, 5, "HR401", "error", "a message", None]
    good = {"problems": [row], "ids": "a\nb", "places": pack_places([3, 10], [5, 7], [2, 9]),
            "checked": [[1, [row]]], "keys": bytes(2 * KEY_SIZE)}
    assert well_formed(good)
    assert well_formed(good | {"ids": ["a", "b"]})  # ids kept as a list (one held a line break)
    assert well_formed({"problems": [], "loaded": True})  # an article
    assert well_formed(good | {"ids": "", "places": b"", "checked": [], "keys": b""})  # no claim
    bad = [
        {"problems": "none"}, {"problems": [row[:6]]}, {"problems": [[*row[:6], 7]]},
        good | {"ids": ["a", 2]}, good | {"ids": None}, good | {"ids": "a"},  # one id for two claims
        good | {"places": good["places"][:-1]}, good | {"places": list(good["places"])},
        good | {"keys": bytes(KEY_SIZE)}, good | {"keys": "x" * 2 * KEY_SIZE},
        good | {"checked": [[2, [row]]]}, good | {"checked": [[-1, [row]]]}, good | {"checked": [["1", [row]]]},
        good | {"checked": [[1, [row[:3]]]]}, good | {"checked": {}}, good | {"loaded": "yes"},
        {"problems": [], "ids": "a"},  # a claims file without its places
    ]
    for entry in bad:
        assert not well_formed(entry), entry
