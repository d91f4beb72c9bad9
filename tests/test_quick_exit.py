"""The console script (`hirel.cli.run`): after `check` or `--version` it leaves without Python's
clean-up, and nothing of what it says or stores is lost on the way."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

RUN = "import sys; sys.argv[0] = 'hirel'; from hirel.cli import run; run()"


def _run(*args: str, cwd: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-c", RUN, *args], cwd=cwd, capture_output=True, text=True, check=False,
                          env=env or dict(os.environ))


def _bad_claims(corpus) -> None:
    """A quote that is not in the article, and a proposition nobody declared."""
    corpus.write("claims/test-article.yaml", corpus.path("claims/test-article.yaml").read_text(encoding="utf-8")
                 .replace("Iran helped plot the attack", "Iran wrote the whole plan", 1)
                 .replace("proposition: iran-foreknowledge", "proposition: no-such-proposition", 1))


def test_output_and_exit_codes_are_whole(corpus, tmp_path: Path) -> None:
    done = _run("check", cwd=tmp_path)
    assert (done.returncode, done.stdout, done.stderr) == (0, "", "hirel check: no problems in data\n")
    _bad_claims(corpus)
    found = _run("check", "--format", "json", cwd=tmp_path)
    assert found.returncode == 1
    problems = json.loads(found.stdout)  # all of it, flushed before the exit
    assert {p["code"] for p in problems} == {"HR301", "HR501"}  # unknown proposition, quote not in the text
    assert _run("check", "--exit-zero", cwd=tmp_path).returncode == 0
    version = _run("--version", cwd=tmp_path)
    assert version.returncode == 0 and version.stdout.startswith("hirel ")
    assert _run("check", "no-such-file.yaml", cwd=tmp_path).returncode == 2


def test_the_caches_are_written_before_the_exit(corpus, tmp_path: Path) -> None:
    env = dict(os.environ, XDG_CACHE_HOME=str(tmp_path / "user-cache"))
    assert _run("check", cwd=tmp_path, env=env).returncode == 0
    [large] = (tmp_path / ".hirel" / "cache").glob("check-*.bin")
    assert large.stat().st_size > 0
    assert list((tmp_path / "user-cache" / "hirel").glob("patterns-*.bin"))


def test_a_typer_command_exits_normally(corpus, tmp_path: Path) -> None:
    """(No quick exit there: what atexit or a pager needs still runs; the output is the same.)"""
    done = _run("topics", cwd=tmp_path)
    assert done.returncode == 0 and done.stdout


def test_a_reader_that_went_away(corpus, tmp_path: Path) -> None:
    _bad_claims(corpus)
    process = subprocess.Popen([sys.executable, "-c", RUN, "check"], cwd=tmp_path, stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE)
    assert process.stdout is not None
    process.stdout.close()  # as `hirel check | head -0`
    _out, err = process.communicate()
    assert process.returncode in (0, 1) and b"Traceback" not in err


@pytest.mark.parametrize("argv", [["check"], ["--version"]])
def test_main_itself_still_raises_system_exit(corpus, monkeypatch: pytest.MonkeyPatch, argv: list[str]) -> None:
    from hirel.cli import main

    monkeypatch.setattr(sys, "argv", ["hirel", *argv])
    with pytest.raises(SystemExit) as done:
        main()
    assert done.value.code == 0


def test_the_collector_is_paused_for_a_quick_answer_and_given_back_to_typer(corpus, tmp_path: Path) -> None:
    """`run` pauses the cyclic garbage collector from the start for `check` and `--version`; a
    command that goes to Typer runs with it, as any Python program does."""
    probe = ("import gc, sys, atexit; sys.argv[0] = 'hirel'; import hirel.cli as cli; "
             "import hirel.cli.fast as fast; real = fast.run_fast\n"
             "def spy(argv):\n"
             "    sys.stderr.write(f'collector during: {gc.isenabled()}\\n'); code = real(argv)\n"
             "    return code\n"
             "fast.run_fast = spy\n"
             "atexit.register(lambda: sys.stderr.write(f'collector at exit: {gc.isenabled()}\\n'))\n"
             "cli.run()")
    check = subprocess.run([sys.executable, "-c", probe, "check"], cwd=tmp_path, capture_output=True, text=True,
                           check=False)
    assert check.returncode == 0 and "collector during: False" in check.stderr
    assert "collector at exit" not in check.stderr  # the quick exit: no clean-up at all
    topics = subprocess.run([sys.executable, "-c", probe, "topics"], cwd=tmp_path, capture_output=True, text=True,
                            check=False)
    assert topics.returncode == 0 and "collector at exit: True" in topics.stderr
