"""`hirel check` as a library call: load, run every check, filter to the files asked for."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Callable, Iterable

from .checks import run_checks
from .loader import Corpus, display_path, load_corpus
from .model import ERROR, Problem


def check_corpus(root: Path, files: Iterable[Path] = (),
                 cache: Path | None = None) -> tuple[Corpus | None, list[Problem]]:
    """Every problem of the corpus at ``root``, sorted; only those ``files`` answer for, when given.

    The whole corpus is always loaded, so cross-references are checked even when only some
    files are reported on (pre-commit passes just the changed files). A file answers for the
    problems it can cause elsewhere, so that a commit cannot break the corpus unseen: a
    registry (entities.yaml, propositions.yaml) for the whole corpus, an article for its claims
    file. A directory stands for every file under it.

    With ``cache`` (a directory), what checking unchanged files found before is reused (see
    `incremental`); the problems are the same, and no corpus is returned.
    """
    if cache is not None:
        from .incremental import check_with_cache

        corpus, problems = None, check_with_cache(root, cache)
    else:
        corpus, problems = load_corpus(root)
        problems.extend(run_checks(corpus))
    files = list(files)
    if files:
        answers_for = _answers_for(files, root)
        problems = [p for p in problems if answers_for(p.path)]
    # Problem equality ignores the message, but two problems at one place may say different
    # things (a claim missing both 'proposition' and 'quote'): only exact repeats are dropped.
    unique = list({(p, p.message): p for p in problems}.values())
    unique.sort(key=Problem.sort_key)
    return corpus, unique


def _answers_for(files: list[Path], root: Path) -> Callable[[str], bool]:
    """Whether a problem at a displayed path is one of ``files``' business."""
    registries = {display_path(root / "entities.yaml"), display_path(root / "propositions.yaml")}
    base = Path(os.path.abspath(root))
    exact: set[str] = set()
    folders: list[str] = []
    for file in files:
        if file.is_dir():
            if base.is_relative_to(os.path.abspath(file)):
                return lambda path: True  # the data directory or a folder holding it
            folders.append(display_path(file).rstrip("/") + "/")
            continue
        shown = display_path(file)
        exact.add(shown)
        if file.suffix == ".md" and file.parent.name == "articles":
            exact.add(display_path(file.parent.parent / "claims" / f"{file.stem}.yaml"))
    if exact & registries:
        return lambda path: True
    return lambda path: path in exact or any(path.startswith(folder) for folder in folders)


def outside(files: Iterable[Path], root: Path) -> list[Path]:
    """The files that are not in the data directory ``root`` (nothing is reported on them)."""
    base = Path(os.path.abspath(root))
    return [f for f in files if not Path(os.path.abspath(f)).is_relative_to(base)]


def count_errors(problems: Iterable[Problem]) -> tuple[int, int]:
    errors = warnings = 0
    for problem in problems:
        if problem.severity == ERROR:
            errors += 1
        else:
            warnings += 1
    return errors, warnings
