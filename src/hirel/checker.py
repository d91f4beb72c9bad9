"""`hirel check` as a library call: load, run every check, filter to the files asked for."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Iterable

from .checks import run_checks
from .loader import Corpus, display_path, load_corpus
from .model import ERROR, Problem


def check_corpus(root: Path, files: Iterable[Path] = ()) -> tuple[Corpus, list[Problem]]:
    """Every problem of the corpus at ``root``, sorted; only those in ``files`` when given.

    The whole corpus is always loaded, so cross-references are checked even when only one
    file is reported on (pre-commit passes just the changed files).
    """
    corpus, problems = load_corpus(root)
    problems.extend(run_checks(corpus))
    wanted = {display_path(Path(os.path.abspath(f))) for f in files}
    if wanted:
        problems = [p for p in problems if p.path in wanted]
    # Problem equality ignores the message, but two problems at one place may say different
    # things (a claim missing both 'proposition' and 'quote'): only exact repeats are dropped.
    unique = list({(p, p.message): p for p in problems}.values())
    unique.sort(key=Problem.sort_key)
    return corpus, unique


def count_errors(problems: Iterable[Problem]) -> tuple[int, int]:
    errors = warnings = 0
    for problem in problems:
        if problem.severity == ERROR:
            errors += 1
        else:
            warnings += 1
    return errors, warnings
