"""The `hirel` command line. Only this package prints or chooses exit codes.

The Typer application (`hirel.cli.app`) is loaded on first use: `hirel --version` and the common
forms of `hirel check` (what pre-commit runs) are answered without it (see `fast`), because
importing Typer, and the pydantic models it builds for every option, costs more than checking
one changed file.
"""

from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING

from ..errors import HirelError

if TYPE_CHECKING:
    from typer import Typer


def __getattr__(name: str) -> Typer:
    if name == "app":
        from .typer_app import app

        return app
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


_answered_fast = False  # the last `main` was answered without Typer (`check`, `--version`)
_collector_held = False  # `run` paused the cyclic garbage collector; given back before Typer runs


def run() -> None:
    """The `hirel` console script: `main`, and, for a command answered without Typer (`check`,
    `--version`), an exit without Python's clean-up once the output is flushed.

    That clean-up frees, one by one, every object the run made (a warm `hirel check` reads a cache
    of tens of thousands of them) and walks them with the garbage collector once more: about 5% of a
    `hirel check FILE` in a large corpus, for memory the system takes back anyway. Nothing of hirel's
    is left to do by then (its caches are written and closed), no thread runs, and no exit handler
    is needed. Anything else (the Typer commands, which may hold a pager) exits normally; so does
    `main`, which the tests call in-process.

    The cyclic garbage collector is paused from the start for the same reason: a quick answer makes
    many objects and no garbage worth collecting before the exit (`run_check` pauses it anyway while
    it works; without this, the first allocation after that pause walked every object the check
    had made). A command that goes to Typer gets it back first."""
    global _collector_held
    import gc

    if gc.isenabled():
        gc.disable()
        _collector_held = True
    try:
        main()
    except SystemExit as done:
        if not _answered_fast or not (done.code is None or isinstance(done.code, int)):
            _give_back_collector()  # (an exit Python cleans up after, as usual)
            raise
        code = done.code or 0
    else:
        return
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):  # a reader gone, a stream closed: nothing more can be said
            pass
    os._exit(code)


def _give_back_collector() -> None:
    global _collector_held
    if _collector_held:
        import gc

        gc.enable()
        _collector_held = False


def main() -> None:
    """Console entry point: the one place an unexpected exception becomes an exit code."""
    for stream in (sys.stdout, sys.stderr):
        # A terminal or pipe that cannot encode "–" or "“" gets "?" rather than a crash.
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="replace")
    code: int | str | None = 0
    try:
        try:
            from .fast import run_fast

            code = run_fast(sys.argv[1:])
            global _answered_fast
            _answered_fast = code is not None
            if code is None:
                _give_back_collector()
                from ..patternstore import StoredPatterns

                with StoredPatterns(enabled="--no-cache" not in sys.argv[1:], kind="commands"):
                    from .typer_app import app

                    app()
        except SystemExit as done:
            code = done.code
        # What is still buffered goes now, while a reader that has gone away can be told apart
        # from an error (at exit, Python would report the broken pipe and exit 120).
        sys.stdout.flush()
    except KeyboardInterrupt:
        sys.stderr.write("hirel: interrupted\n")
        sys.exit(130)
    except HirelError as exc:
        # Bad input the library refused (a path, a name, a phrase): one line, exit 2. (The
        # Typer application reports its commands' errors the same way; this catches the fast path.)
        from .errors import report_error

        sys.exit(report_error(exc, sys.stderr))
    except BrokenPipeError:
        # The reader (e.g. `head`) went away during the fast path or the last flush (the Typer
        # application handles it in its commands the same way).
        from .errors import reader_gone

        sys.exit(reader_gone())
    except Exception as exc:  # the single place internal errors are turned into exit 2
        if os.environ.get("HIREL_DEBUG"):
            raise
        sys.stderr.write(f"hirel: internal error: {type(exc).__name__}: {exc} "
                         "(set HIREL_DEBUG=1 to see the traceback)\n")
        sys.exit(2)
    sys.exit(code)
