"""What every command shares: global options, loading the corpus, the pager. (Errors are raised
and reported in one place: see `errors`.)"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, TypeVar

import typer

from .errors import CommandError

if TYPE_CHECKING:
    from subprocess import Popen

    from ..model import Corpus, Problem
    from ..output.reporters import View

T = TypeVar("T")


@dataclass
class GlobalOptions:
    data: Path | None = None
    color: str = "auto"
    pager: bool = True
    no_cache: bool = False


def options(ctx: typer.Context) -> GlobalOptions:
    root = ctx.find_root()
    if not isinstance(root.obj, GlobalOptions):
        root.obj = GlobalOptions()
    return root.obj


def data_dir(ctx: typer.Context, files: Iterable[Path] = ()) -> Path:
    from ..loading.discovery import find_data_dir

    return find_data_dir(options(ctx).data, files)  # DataDirError: reported by the error handler


def did_you_mean(what: str, name: str, choices: Iterable[str], listing: str | None = None) -> CommandError:
    """The error for an unknown name, with the closest choice, else the choices (or ``listing``)."""
    from ..comparing.entities import suggest

    pool = list(choices)
    close = suggest(name, pool)
    if close:
        tail = f"; did you mean '{close[0]}'?"
    elif listing:
        tail = f"; {listing}"
    elif pool and len(pool) <= 12:
        tail = "; choose one of: " + ", ".join(pool)
    else:
        tail = ""
    return CommandError(f"unknown {what} '{name}'{tail}")


def write_view(ctx: typer.Context, view: View[T], fmt: str, result: T) -> None:
    """Write what a command computed with ``view``'s reporter for ``fmt``, to stdout (the
    pager's, when one runs): the one place a command's output meets the stream."""
    from ..output.browsing import Target

    view.reporter(fmt)(result, Target(sys.stdout, options(ctx).color))


def note(message: str) -> None:
    """A diagnostic for the user, on stderr (stdout stays what a command produces)."""
    sys.stderr.write(f"hirel: {message}\n")


def warn_problems(problems: Sequence[Problem]) -> None:
    """A one-line note on stderr when the corpus has errors (other commands still run)."""
    from ..model import ERROR

    errors = sum(1 for p in problems if p.severity == ERROR)
    if errors:
        sys.stderr.write(f"hirel: note: the corpus has {errors} error(s); results may be incomplete "
                         "(run `hirel check`)\n")


def load(ctx: typer.Context) -> Corpus:
    """Load the corpus for a browsing command; errors in it are noted on stderr, not fatal."""
    from ..loading.cache import default_cache_dir
    from ..loading.corpuscache import load_corpus_cached
    from ..rules.registry import judge

    root = data_dir(ctx)
    corpus, problems = load_corpus_cached(root, None if options(ctx).no_cache else default_cache_dir(root))
    warn_problems(judge(problems))
    return corpus


# --------------------------------------------------------------------------- the pager

# The commands whose output goes through a pager on a terminal (as git pages log and diff).
# Not `check` (its summary goes to stderr, and it runs under pre-commit), `value` or `quote` (a few
# lines), nor `init` and `add`, which write files.
PAGED_COMMANDS = frozenset({"compare", "topics", "propositions", "claims", "show", "sources", "timeline",
                            "matrix", "rule", "schema", "entities", "suggest"})


def pager_command(environ: os._Environ[str] | dict[str, str]) -> list[str] | None:
    """The pager to run, as git chooses it: $HIREL_PAGER, else $PAGER, else `less` (with
    LESS=FRX unless LESS is set: quit when the text fits the screen, keep colours, leave the
    text on the screen). None when it is empty, `cat`, or not installed."""
    import shlex
    import shutil

    command = environ.get("HIREL_PAGER")
    if command is None:
        command = environ.get("PAGER")
    if command is None:
        command = "less"
    try:
        argv = shlex.split(command)
    except ValueError:
        return None
    if not argv or argv == ["cat"] or shutil.which(argv[0]) is None:
        return None
    return argv


def start_pager(ctx: typer.Context) -> None:
    """From the first write on, stdout goes through a pager, when stdout is a terminal and the
    pager is wanted (not --no-pager); the pager is waited for when the command ends."""
    from ..output.terminal import is_tty

    if not options(ctx).pager or not is_tty(sys.stdout):
        return
    argv = pager_command(os.environ)
    if argv is None:
        return
    stream = PagerStream(sys.stdout, argv)
    sys.stdout = stream
    ctx.call_on_close(stream.close)


class PagerStream:
    """The terminal's stdout, through a pager started at the first write (so a command that
    fails before printing anything never opens one). It answers isatty() like the terminal:
    the output is what the terminal would show (width, colour, shortened long texts)."""

    def __init__(self, terminal: IO[str], argv: list[str]) -> None:
        self._terminal = terminal
        self._argv = argv
        self._process: Popen[bytes] | None = None
        self._pipe: IO[str] | None = None
        self._closed_by_reader = False

    def _start(self) -> IO[str]:
        import io
        import subprocess

        env = dict(os.environ)
        env.setdefault("LESS", "FRX")
        env.setdefault("LV", "-c")
        try:
            self._process = process = subprocess.Popen(self._argv, stdin=subprocess.PIPE, env=env)
        except OSError:
            self._pipe = self._terminal
            return self._pipe
        assert process.stdin is not None  # stdin=PIPE
        encoding = getattr(self._terminal, "encoding", None) or "utf-8"
        self._pipe = io.TextIOWrapper(process.stdin, encoding=encoding, errors="replace",
                                      line_buffering=False, write_through=False)
        return self._pipe

    def write(self, text: str) -> int:
        pipe = self._pipe if self._pipe is not None else self._start()
        if not self._closed_by_reader:
            try:
                pipe.write(text)
            except (BrokenPipeError, ValueError):
                self._closed_by_reader = True  # the reader quit the pager: the rest is not wanted
        return len(text)

    def flush(self) -> None:
        if self._pipe is not None and not self._closed_by_reader:
            try:
                self._pipe.flush()
            except (BrokenPipeError, ValueError):
                self._closed_by_reader = True

    def close(self) -> None:
        """Hand the rest to the pager and wait until the reader quits it; stdout is the
        terminal again."""
        if sys.stdout is self:
            sys.stdout = self._terminal
        if self._process is None or self._pipe is None:  # the pipe is made with the process
            return
        try:
            self._pipe.close()
        except (BrokenPipeError, ValueError, OSError):
            pass
        while True:
            try:
                self._process.wait()
                return
            except KeyboardInterrupt:  # Ctrl-C belongs to the pager while it runs
                continue

    def isatty(self) -> bool:
        return True

    @property
    def encoding(self) -> str:
        return getattr(self._terminal, "encoding", None) or "utf-8"

    def __getattr__(self, name: str) -> Any:  # the terminal stream's other attributes, as they are
        return getattr(self._terminal, name)
