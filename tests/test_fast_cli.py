"""`hirel --version` and plain `hirel check` are answered without Typer; the answer must be the one
Typer gives, and anything the fast reader does not fully understand must go to Typer."""

from __future__ import annotations

import os
import subprocess
import sys
import time

import pytest

from conftest import CLAIMS, replace_once
from hirel.cli.fast import _read_check, run_fast

WITH_PROBLEMS = replace_once(CLAIMS, "stance: refutes", "stance: refuter").replace(
    "claimant: Biden administration", "claimant: Nobody at all")

SAME_AS_TYPER = [
    ["check"],
    ["check", "data/claims/test-article.yaml"],
    ["check", "data/articles/test-article.md", "data/entities.yaml"],
    ["check", "--format", "json"],
    ["check", "--format=JSONL", "data/claims/test-article.yaml"],
    ["check", "-f", "github"],
    ["check", "-fjson", "--strict"],
    ["check", "--exit-zero", "data/claims/test-article.yaml", "--no-cache"],
    ["check", "--", "data/claims/test-article.yaml"],
    ["--data", "data", "check"],
    ["--data=data", "--color", "never", "check", "--strict"],
    ["--color=NEVER", "check", "-f", "text"],
    ["--no-pager", "--data", "data", "check", "--strict"],
    ["--raw-csv", "check", "-f", "json"],
    ["--no-cache", "check", "data/claims/test-article.yaml"],
    ["check", "no-such-file.yaml"],
    ["--data", "nowhere", "check"],
]


def _fast(argv, monkeypatch, capsys):
    monkeypatch.setattr(sys, "argv", ["hirel", *argv])
    from hirel.cli import main

    with pytest.raises(SystemExit) as exit_info:
        main()
    captured = capsys.readouterr()
    return exit_info.value.code, captured.out, captured.err


@pytest.mark.parametrize("argv", SAME_AS_TYPER, ids=" ".join)
def test_the_fast_path_answers_as_typer_does(argv, corpus, run, monkeypatch, capsys):
    corpus.write("claims/test-article.yaml", WITH_PROBLEMS)
    assert _read_check(argv) is not None  # really taken by the fast path
    expected = run(*argv)
    code, out, err = _fast(argv, monkeypatch, capsys)
    assert (code, out, err) == (expected.exit_code, expected.stdout, expected.stderr)


@pytest.mark.parametrize("argv", [
    [], ["--help"], ["check", "--help"], ["check", "-h"], ["check", "--bogus"], ["check", "--format", "xml"],
    ["check", "--format"], ["check", "--strict=yes"], ["--color", "sometimes", "check"], ["--data", "check"],
    ["check", "--data", "data"], ["check", "-"], ["check", ""], ["compare", "funding"], ["--version", "check"],
    ["check", "-f=json"], ["--data", "", "check"],
], ids=lambda argv: " ".join(argv) or "(nothing)")
def test_what_the_fast_path_does_not_understand_goes_to_typer(argv):
    assert _read_check(argv) is None
    assert run_fast(argv) is None


def test_version_without_typer():
    code = ("import sys; sys.argv = ['hirel', '--version']; from hirel.cli import main\n"
            "try:\n    main()\nexcept SystemExit as done:\n    code = done.code\n"
            "print(code, sorted(m for m in sys.modules if m.split('.')[0] in ('typer', 'pydantic', 'click', 'rich')))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.splitlines() == ["hirel 0.1.0", "0 []"]


def test_check_without_typer_or_pydantic(corpus):
    code = ("import sys; sys.argv = ['hirel', 'check', 'data/claims/test-article.yaml']; from hirel.cli import main\n"
            "try:\n    main()\nexcept SystemExit as done:\n    code = done.code\n"
            "print(code, sorted(m for m in sys.modules if m.split('.')[0] in "
            "('typer', 'pydantic', 'click', 'rich', 'json', 'tempfile', 'subprocess')))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                          cwd=corpus.root.parent)
    assert done.stdout.splitlines() == ["0 []"]
    assert done.stderr == "hirel check: no problems in 1 file(s)\n"


def test_the_global_no_cache_reaches_check():
    assert _read_check(["--no-cache", "check"])["no_cache"] is True
    assert _read_check(["check"])["no_cache"] is False


def test_a_warm_check_with_nothing_changed_imports_only_what_reads_the_cache(corpus, tmp_path):
    corpus.write("claims/test-article.yaml", WITH_PROBLEMS)
    past = time.time() - 3600  # as files are that the last commit did not touch
    for path in corpus.root.rglob("*"):
        os.utime(path, (past, past))
    cache_dir = tmp_path / "cache"
    env = dict(os.environ, HIREL_CACHE_DIR=str(cache_dir))
    probe = ("import sys; sys.argv = ['hirel', 'check', *sys.argv[1:]]; from hirel.cli import main\n"
             "try:\n    main()\nexcept SystemExit:\n    pass\n"
             "print(' '.join(sorted(sys.modules)), file=sys.stderr)")
    heavy = {"yaml", "dataclasses", "inspect", "hirel.model", "hirel.loading.loader", "hirel.loading.yamlfile",
             "hirel.loading.claimsfile", "hirel.rules.checks", "hirel.rules.registry", "hirel.rules.structure",
             "hirel.rules.references", "hirel.rules.quotes", "hirel.rules.semantics", "hirel.rules.values",
             "hirel.values.vocabulary", "hirel.values.readers", "hirel.values.tokens"}
    for files in ([], ["data/claims/test-article.yaml"]):
        first = subprocess.run([sys.executable, "-c", probe, *files], cwd=corpus.root.parent, env=env,
                               capture_output=True, text=True, check=True)
        again = subprocess.run([sys.executable, "-c", probe, *files], cwd=corpus.root.parent, env=env,
                               capture_output=True, text=True, check=True)
        assert again.stdout == first.stdout and "HR302" in again.stdout  # the same problems printed
        if not files:  # (the first run parsed the corpus)
            assert "yaml" in first.stderr.splitlines()[-1].split()
        assert heavy & set(again.stderr.splitlines()[-1].split()) == set()
