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


def main() -> None:
    """Console entry point: the one place an unexpected exception becomes an exit code."""
    for stream in (sys.stdout, sys.stderr):
        # A terminal or pipe that cannot encode "–" or "“" gets "?" rather than a crash.
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="replace")
    code: int | str | None = 0
    try:
        try:
            from ..patternstore import StoredPatterns

            with StoredPatterns(enabled="--no-cache" not in sys.argv[1:]):
                from .fast import run_fast

                code = run_fast(sys.argv[1:])
                if code is None:
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
