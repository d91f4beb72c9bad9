"""`hirel check`: validate the corpus (also the pre-commit hook)."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

import typer

from .common import options
from .typer_app import app


@app.command()
def check(
    ctx: typer.Context,
    files: list[Path] | None = typer.Argument(
        None, metavar="FILES", help="Report on these files only (the whole corpus is still loaded)."),
    format: Literal["text", "json", "jsonl", "github"] = typer.Option("text", "--format", "-f", case_sensitive=False,
                               help="text (path:line:col: CODE message), json, jsonl or github annotations."),
    strict: bool = typer.Option(False, "--strict", help="Fail (exit 1) on warnings too."),
    exit_zero: bool = typer.Option(False, "--exit-zero", help="Always exit 0, even with errors."),
    no_cache: bool = typer.Option(False, "--no-cache",
                                  help="Check every file afresh; neither read nor write the cache "
                                  "(.hirel/cache beside the data directory, or $HIREL_CACHE_DIR)."),
) -> int:
    """Validate the corpus (also the pre-commit hook).

    Checks structure, names, references, periods, values and quotes; `hirel rule` lists every check.

    Exit 0 when there is no error (warnings allowed unless --strict), 1 when there are errors.

    Example: hirel check --strict data/claims/my-article.yaml
    """
    from .check_run import run_check

    code = run_check(options(ctx).data, options(ctx).color, list(files or []), format.lower(), strict, exit_zero,
                     no_cache or options(ctx).no_cache)
    return code
