"""`hirel check` as a library call: load, run every check, filter to the files asked for."""

from __future__ import annotations

import gc
import os
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from ..loading.paths import display_path
from ..problems import ERROR, UNJUDGED, Problem

if TYPE_CHECKING:
    from ..model import Corpus


def check_corpus(root: Path, files: Iterable[Path] = (),
                 run: set[str] | str | None = None,
                 cache: Path | None = None) -> tuple[Corpus | None, list[Problem]]:
    """Every problem of the corpus at ``root``, sorted; only those ``files`` answer for, when given.

    The whole corpus is always loaded, so cross-references are checked even when only some
    files are reported on (pre-commit passes just the changed files). A file answers for the
    problems it can cause elsewhere, so that a commit cannot break the corpus unseen: a
    registry (entities.yaml, propositions.yaml) for the whole corpus, an article for its claims
    file. A directory stands for every file under it. ``run``: the files of the whole pre-commit
    run when several calls share it (see precommit.py), so that each problem is reported once.

    With ``cache`` (a directory), what checking unchanged files found before is reused (see
    `incremental`); the problems are the same, and no corpus is returned.
    """
    files = list(files)
    answers_for = _answers_for(files, root, run) if files or isinstance(run, set) else None
    if cache is not None:
        from ..loading.incremental import check_with_cache

        corpus, problems = None, check_with_cache(root, cache, answers_for, [f for f in files if not f.is_dir()])
    else:
        corpus, problems = _load_and_check(root)
    if answers_for is not None:
        problems = [p for p in problems if answers_for(p.path)]
    # Problem equality ignores the message, but two problems at one place may say different
    # things (a claim missing both 'proposition' and 'quote'): only exact repeats are dropped.
    unique = list({(p, p.message): p for p in problems}.values())
    if any(p.severity == UNJUDGED for p in unique):  # (the cache keeps problems judged)
        from .registry import judge

        unique = judge(unique)
    unique.sort(key=Problem.sort_key)
    return corpus, unique


def _load_and_check(root: Path) -> tuple[Corpus, list[Problem]]:
    """Load the corpus and run every check on it.

    The loaded corpus is hundreds of thousands of long-lived objects: the checks' garbage
    collections would walk them all again (a young collection after loading walks every object
    loading made, the collector being paused while it runs). They are set aside
    (``gc.freeze``) while the checks run, and put back with the oldest objects after: what is
    collected, and every result, stay the same.
    """
    from ..loading.loader import load_corpus
    from .checks import run_checks

    gc_was_enabled = gc.isenabled()
    gc.disable()
    frozen = gc.get_freeze_count() == 0  # never thaw what a caller froze itself
    try:
        corpus, problems = load_corpus(root)
        if frozen:
            gc.freeze()
        if gc_was_enabled:
            gc.enable()
        problems.extend(run_checks(corpus))
    finally:
        if frozen:
            gc.unfreeze()
        if gc_was_enabled:
            gc.enable()
    return corpus, problems


def _answers_for(files: list[Path], root: Path, run: set[str] | str | None = None) -> Callable[[str], bool]:
    """Whether a problem at a displayed path is one of ``files``' business."""
    from .precommit import EVERY_FILE, GONE, answering_files, heir

    base = Path(os.path.abspath(root))
    own: set[str] = set()
    folders: list[str] = []
    for file in files:
        if file.is_dir():
            if base.is_relative_to(os.path.abspath(file)):
                return lambda path: True  # the data directory or a folder holding it
            folders.append(display_path(file).rstrip("/") + "/")
            continue
        own.add(display_path(file))

    prefixes = tuple(folders)  # (asked of every file of a large corpus: one call, not a loop)

    def is_own(path: str) -> bool:
        return path in own or path.startswith(prefixes)

    if run == EVERY_FILE:
        return is_own
    if isinstance(run, set):
        gone = {path[len(GONE):] for path in run if path.startswith(GONE)}
        answers_for_gone = heir(run) in own if own or folders else heir(run) is None

        def owned(path: str) -> bool:
            if is_own(path):
                return True
            if path in run:
                return False  # the call given that file reports it
            owners = sorted(set(answering_files(path, root)) & (run | gone))
            if not owners:
                return False
            return answers_for_gone if owners[0] in gone else owners[0] in own
        return owned
    answering = set(own)
    for shown in own:
        if shown.endswith(".md") and Path(shown).parent.name == "articles":
            answering.add(display_path(Path(shown).parent.parent / "claims" / f"{Path(shown).stem}.yaml"))
    registries = {display_path(root / "entities.yaml"), display_path(root / "propositions.yaml")}
    if answering & registries:
        return lambda path: True
    return lambda path: path in answering or path.startswith(prefixes)


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
