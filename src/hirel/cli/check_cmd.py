"""`hirel check`: validate the corpus (also the pre-commit hook)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Literal, List, Optional

import typer

from . import app
from .common import data_dir, die, options


@app.command()
def check(
    ctx: typer.Context,
    files: Optional[List[Path]] = typer.Argument(
        None, metavar="FILES", help="Report on these files only (the whole corpus is still loaded)."),
    format: Literal["text", "json", "jsonl", "github"] = typer.Option("text", "--format", "-f", case_sensitive=False,
                               help="text (path:line:col: CODE message), json, jsonl or github annotations."),
    strict: bool = typer.Option(False, "--strict", help="Fail (exit 1) on warnings too."),
    exit_zero: bool = typer.Option(False, "--exit-zero", help="Always exit 0, even with errors."),
) -> None:
    """Validate the corpus (also the pre-commit hook).

    Checks structure, names, references, periods, values and quotes; `hirel rule` lists every check.

    Exit 0 when there is no error (warnings allowed unless --strict), 1 when there are errors.

    Example: hirel check --strict data/claims/my-article.yaml
    """
    from ..checker import check_corpus, count_errors, outside
    from ..terminal import safe_line
    from ..loader import display_path
    from ..reporters import REPORTERS

    files = files or []
    for file in files:
        try:
            if not file.exists():
                die(f"no such file: {file}")
        except OSError as exc:  # a name too long for the system, a folder that cannot be entered
            die(f"cannot use '{file}': {exc.strerror or exc}")
    root = data_dir(ctx, files)
    for stranger in outside(files, root):
        sys.stderr.write(f"hirel: note: {safe_line(stranger)} is not in the data directory {display_path(root)}; "
                         "nothing is reported on it\n")
    import os

    from ..precommit import files_in_run

    run = files_in_run(root, files, os.environ) if files else None
    _corpus, problems = check_corpus(root, files, run)
    color = options(ctx).color
    from ..terminal import wants_color
    REPORTERS[format.lower()](problems, sys.stdout, wants_color(color, sys.stdout))
    errors, warnings = count_errors(problems)
    if format.lower() == "text":
        checked = f"{len(files)} file(s)" if files else display_path(root)
        summary = "no problems" if not problems else f"{errors} error(s), {warnings} warning(s)"
        sys.stderr.write(f"hirel check: {summary} in {checked}\n")
    failed = errors > 0 or (strict and warnings > 0)
    raise typer.Exit(1 if failed and not exit_zero else 0)

