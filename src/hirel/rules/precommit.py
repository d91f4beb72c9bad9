"""Which call of a pre-commit run reports which problem.

pre-commit may split the files of one run over several calls of `hirel check FILES` (in
parallel, in a shuffled order). Every call loads the whole corpus; a file answers for the
problems it can cause elsewhere (an article for the quotes of its claims file, a registry for
every file), so two calls could report the same problem. Each problem has exactly one owner:

- the call given the file the problem is in, when that file is in the run;
- else (the file is not in the run: an unchanged claims file whose article changed) the call
  given the first, in path order, of the run's files that answer for it (its article, then
  entities.yaml, then propositions.yaml).

Which files are in the run is read from git: a commit runs the hook on the files it changes, so
when every file a call is given differs from HEAD, the run is the data files that differ from
HEAD (staged, unstaged or new). When a call is given an unchanged file (`pre-commit run
--all-files`, `--files`), every file of the corpus is taken to be in the run, and each call
reports on its own files only. Outside pre-commit (no PRE_COMMIT=1 in the environment) or
outside git, none of this applies.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from pathlib import Path

from ..loading.paths import display_path

# The run covers every file of the corpus (each call reports on its own files only).
EVERY_FILE = "every file"
# Marks a path of the run that was deleted or renamed away: no call is given it, so the call
# given the first of the run's other files (or, when there is none, the call given no file)
# answers for what it can cause elsewhere (a claims file left without its article).
GONE = "\0gone:"


def files_in_run(root: Path, files: Iterable[Path], environ: Mapping[str, str]) -> set[str] | str | None:
    """The display paths of the files in this pre-commit run, EVERY_FILE, or None (unknown)."""
    if environ.get("PRE_COMMIT") != "1":
        return None
    changed = changed_files(root)
    if changed is None:
        return None
    given = {display_path(f) for f in files if not f.is_dir()}
    if any(f.is_dir() for f in files) or not given <= changed:
        return EVERY_FILE
    return changed


def heir(run: set[str]) -> str | None:
    """The file whose call answers for the run's files gone (the first other file in path order;
    None: the call given no file, which pre-commit makes when the commit only deletes)."""
    present = sorted(path for path in run if not path.startswith(GONE))
    return present[0] if present else None


def changed_files(root: Path) -> set[str] | None:
    """Display paths of the files under ``root`` that differ from HEAD or are new; None when
    git cannot tell (not a repository, no git)."""
    import subprocess  # only under pre-commit: a plain `hirel check FILE` does not pay for it

    try:
        top = subprocess.run(["git", "-C", str(root), "rev-parse", "--show-toplevel"], capture_output=True,
                             text=True, check=True).stdout.strip()
        status = subprocess.run(["git", "-C", str(root), "status", "--porcelain", "-z", "--untracked-files=all",
                                 "--", "."], capture_output=True, text=True, check=True).stdout
    except (OSError, subprocess.CalledProcessError):
        return None
    changed: set[str] = set()
    entries = iter(status.split("\0"))
    for entry in entries:
        if len(entry) < 4:
            continue
        code, path = entry[:2], entry[3:]
        if "R" in code:  # renamed: the old name is gone (its claims file may now have no article)
            old = next(entries, None)
            if old:
                changed.add(GONE + display_path(Path(top) / old))
        elif "C" in code:
            next(entries, None)  # the path it was copied from, unchanged
        # A deleted file is never handed to a call: marked, so that some call answers for it.
        changed.add((GONE if "D" in code else "") + display_path(Path(top) / path))
    return changed


def answering_files(path: str, root: Path) -> list[str]:
    """The files whose change can cause a problem at ``path`` (besides ``path`` itself), in
    the order in which they own it: the article of a claims file, then the registries."""
    answering = []
    shown = Path(path)
    if shown.suffix == ".yaml" and shown.parent.name == "claims":
        answering.append(display_path(Path(os.path.abspath(root)) / "articles" / f"{shown.stem}.md"))
    answering += [display_path(root / "entities.yaml"), display_path(root / "propositions.yaml")]
    return answering
