"""A reader that stops early (`hirel show ID | head -1`) ends a command quietly with exit 0.

Every command is run as a real process whose stdout is a pipe with no reader left: the first
write fails with EPIPE, deterministically (no race with a real `head`). Before, Rich exited 1
(its own SystemExit), Click exited 1, and Python printed "Exception ignored … BrokenPipeError".
"""

from __future__ import annotations

import io
import os
import subprocess
import sys

import pytest

from hirel.output.browsing import Target
from hirel.output.reporters import TOPICS

COMMANDS = [
    ["show", "wsj-plot"],
    ["topics"],
    ["propositions"],
    ["claims"],
    ["claims", "--format", "json"],
    ["claims", "--format", "csv"],
    ["compare", "funding"],
    ["compare", "funding", "--format", "markdown"],
    ["sources"],
    ["timeline"],
    ["matrix", "funding"],
    ["entities"],
    ["rule"],
    ["rule", "HR501"],
    ["schema"],
    ["value", "$30 million a month"],
    ["quote", "test-article", "Hamas was founded"],
    ["suggest", "test-article"],
    ["check", "--format", "json"],  # the fast path, without Typer
    ["--version"],
]


def run_without_reader(args: list[str], cwd) -> subprocess.CompletedProcess[bytes]:
    read_end, write_end = os.pipe()
    os.close(read_end)  # nobody will read: the first write gets EPIPE
    try:
        env = {**os.environ, "NO_COLOR": "1", "HIREL_PAGER": "cat"}
        env.pop("HIREL_DEBUG", None)
        return subprocess.run([sys.executable, "-m", "hirel", *args], stdout=write_end, stderr=subprocess.PIPE,
                              cwd=cwd, env=env, timeout=120, check=False)
    finally:
        os.close(write_end)


@pytest.mark.parametrize("args", COMMANDS, ids=" ".join)
def test_a_reader_that_goes_away_ends_the_command_quietly(corpus, args):
    done = run_without_reader(args, corpus.root.parent)
    assert (done.returncode, done.stderr.decode()) == (0, "")


def test_an_error_still_reports_when_stdout_has_no_reader(corpus):
    done = run_without_reader(["show", "wsj-plott"], corpus.root.parent)
    assert done.returncode == 2
    assert done.stderr.decode() == "hirel: unknown claim 'wsj-plott'; did you mean 'wsj-plot'?\n"


class _Closed(io.StringIO):
    def write(self, text: str) -> int:
        raise BrokenPipeError(32, "Broken pipe")


def test_a_table_reporter_raises_broken_pipe_for_the_one_handler(corpus):
    """Rich's console would raise SystemExit(1); hirel's raises BrokenPipeError, which the
    command layer turns into exit 0 (`hirel.cli.errors.reader_gone`)."""
    from hirel.loading.loader import load_corpus
    from hirel.views import Browser, topic_stats

    loaded, _problems = load_corpus(corpus.root)
    with pytest.raises(BrokenPipeError):
        TOPICS.reporter("table")(topic_stats(Browser(loaded)), Target(_Closed(), "never"))


def test_reader_gone_leaves_an_in_process_stdout_alone(monkeypatch):
    """In-process (CliRunner, a notebook), stdout has no file descriptor: nothing is redirected."""
    from hirel.cli.errors import reader_gone

    stream = io.StringIO()
    monkeypatch.setattr(sys, "stdout", stream)
    assert reader_gone() == 0
    stream.write("still usable")
    assert stream.getvalue() == "still usable"
