"""What `hirel check` does once its options are read; shared by the Typer command and the fast path."""

from __future__ import annotations

import sys
from pathlib import Path

FORMATS = ("text", "json", "jsonl", "github")


def run_check(data: Path | None, color: str, files: list[Path], format: str, strict: bool, exit_zero: bool,
              no_cache: bool) -> int:
    """Check the corpus, print the problems, and return the exit code."""
    # The cyclic garbage collector is paused for the whole run, imports included: they, the cache
    # and the corpus make many objects and few cycles (the loaders pause it anyway while they read;
    # here it is also kept out of the imports before them, a few milliseconds of a warm run).
    import gc

    enabled = gc.isenabled()
    gc.disable()
    try:
        return _run_check(data, color, files, format, strict, exit_zero, no_cache)
    finally:
        if enabled:
            gc.enable()


def _run_check(data: Path | None, color: str, files: list[Path], format: str, strict: bool, exit_zero: bool,
               no_cache: bool) -> int:
    from ..loading.discovery import DataDirError, find_data_dir
    from ..loading.paths import display_path
    from ..output.checkreport import REPORTERS
    from ..output.terminal import safe_line, wants_color
    from ..rules import checker

    for file in files:
        try:
            if not file.exists():
                return _fail(f"no such file: {file}")
        except OSError as exc:  # a name too long for the system, a folder that cannot be entered
            return _fail(f"cannot use '{file}': {exc.strerror or exc}")
    try:
        root = find_data_dir(data, files)
    except DataDirError as exc:
        return _fail(str(exc))
    for stranger in checker.outside(files, root):
        sys.stderr.write(f"hirel: note: {safe_line(stranger)} is not in the data directory {display_path(root)}; "
                         "nothing is reported on it\n")
    run = None
    import os

    if files or os.environ.get("PRE_COMMIT") == "1":  # (given no file under pre-commit: a commit that only deletes)
        from ..rules.precommit import files_in_run

        run = files_in_run(root, files, os.environ)
    cache = None
    if not no_cache:
        from ..loading.cache import default_cache_dir

        cache = default_cache_dir(root)
    _corpus, problems = checker.check_corpus(root, files, run, cache=cache)
    REPORTERS[format](problems, sys.stdout, wants_color(color, sys.stdout))
    errors, warnings = checker.count_errors(problems)
    if format == "text":
        checked = f"{len(files)} file(s)" if files else display_path(root)
        summary = "no problems" if not problems else f"{errors} error(s), {warnings} warning(s)"
        sys.stderr.write(f"hirel check: {summary} in {checked}\n")
    failed = errors > 0 or (strict and warnings > 0)
    return 1 if failed and not exit_zero else 0


def _fail(message: str) -> int:
    """As `common.die`, without Typer: ``hirel: message`` (kept short) on stderr; exit code 2."""
    from ..output.terminal import brief

    sys.stderr.write(f"hirel: {brief(message, 400)}\n")
    return 2
