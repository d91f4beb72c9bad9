"""The one place where errors become a message and an exit code.

Commands never exit from inside: they return an exit code (``None`` is 0) or raise. A library
error (`hirel.errors.HirelError`: a bad path, an unknown name, an unreadable value) and a
command's own refusal (`CommandError`) become one line on stderr, ``hirel: message``, and exit
2 (or the error's ``exit_code``). `hirel.cli.main` and the Typer application (so also tests
that invoke it in-process) both go through `report_error`.

A reader that stops early (``hirel show ID | head -1``, a pager quit before the end) is not an
error: `reader_gone` ends the command quietly with exit 0, as well-behaved Unix tools do.
"""

from __future__ import annotations

import os
import sys
from typing import IO

from ..errors import HirelError


class CommandError(HirelError):
    """A command refuses what it was asked (an unknown rule or verdict, no passage found)."""

    def __init__(self, message: str, exit_code: int = 2) -> None:
        super().__init__(message)
        self.exit_code = exit_code


def exit_code_of(exc: HirelError) -> int:
    code = getattr(exc, "exit_code", 2)
    return code if isinstance(code, int) else 2


def report_error(exc: HirelError, stream: IO[str]) -> int:
    """Write ``hirel: message`` (one line, at most 400 characters) and return the exit code."""
    from ..output.terminal import brief

    stream.write(f"hirel: {brief(str(exc), 400)}\n")
    return exit_code_of(exc)


def reader_gone() -> int:
    """stdout's reader went away (a broken pipe): nothing more is wanted. stdout is pointed at
    the null device, so that what is still buffered is dropped when Python flushes it on exit
    (else "Exception ignored … BrokenPipeError" and exit 120); no message; exit code 0."""
    try:
        fileno = sys.stdout.fileno()  # the stream written to (in-process runs have none: left alone)
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, fileno)
        os.close(devnull)
    except (OSError, ValueError, AttributeError):
        pass
    return 0
