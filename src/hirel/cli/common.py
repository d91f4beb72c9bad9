"""What every command shares: global options, loading the corpus, and the one way to fail."""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable, NoReturn

import typer


@dataclass
class GlobalOptions:
    data: Path | None = None
    color: str = "auto"


def options(ctx: typer.Context) -> GlobalOptions:
    root = ctx.find_root()
    if not isinstance(root.obj, GlobalOptions):
        root.obj = GlobalOptions()
    return root.obj


def die(message: str, code: int = 2) -> NoReturn:
    """Print ``hirel: message`` on stderr and exit with ``code`` (2: bad usage or data dir)."""
    from ..terminal import brief

    sys.stderr.write(f"hirel: {brief(message, 400)}\n")
    raise typer.Exit(code)


def data_dir(ctx: typer.Context, files: Iterable[Path] = ()) -> Path:
    from ..discovery import DataDirError, find_data_dir

    try:
        return find_data_dir(options(ctx).data, files)
    except DataDirError as exc:
        die(str(exc))


def did_you_mean(what: str, name: str, choices: Iterable[str], listing: str | None = None) -> NoReturn:
    """Exit 2 on an unknown name, with the closest choice, else the choices (or ``listing``)."""
    from ..entities import suggest

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
    die(f"unknown {what} '{name}'{tail}")


def stdout_console(ctx: typer.Context) -> Any:
    from ..terminal import make_console

    return make_console(options(ctx).color)


def warn_problems(problems: list) -> None:
    """A one-line note on stderr when the corpus has errors (other commands still run)."""
    from ..model import ERROR

    errors = sum(1 for p in problems if p.severity == ERROR)
    if errors:
        sys.stderr.write(f"hirel: note: the corpus has {errors} error(s); results may be incomplete "
                         "(run `hirel check`)\n")


def load(ctx: typer.Context) -> Any:
    """Load the corpus for a browsing command; errors in it are noted on stderr, not fatal."""
    from ..loader import load_corpus

    corpus, problems = load_corpus(data_dir(ctx))
    warn_problems(problems)
    return corpus
