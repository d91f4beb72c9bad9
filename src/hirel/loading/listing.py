"""Listing a data folder the quick way, for a `hirel check` whose files all come from its cache.

`loader.list_files` lists a folder and reports whatever does not belong there (a subfolder, a
link, a file with another suffix or a name that is not an id). Most folders hold nothing of the
kind; for those, this gives the same list without importing the loader, and for any other it
gives None, and the caller asks `loader.list_files`, which reports what it finds.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from .ids import ID_PATTERN
from .paths import display_path

_ID_BODY = ID_PATTERN.removeprefix("^").removesuffix("$")
_NAMES: dict[str, re.Pattern[str]] = {}  # by suffix: data files' names, each followed by '/'


def plain_files(folder: Path, suffix: str) -> list[tuple[str, str, str]] | None:
    """What `loader.list_files` gives for ``folder`` (path, path as shown, stem of each data file,
    in name order) when it would report nothing there; else None."""
    names = []
    try:
        with os.scandir(folder) as scan:
            for entry in scan:
                name = entry.name
                if name.startswith("."):
                    continue
                if not entry.is_file(follow_symlinks=False):  # a link, a folder, …: the loader says
                    return None
                names.append(name)
    except OSError:
        return None
    names.sort()
    # Every name an id and the suffix, checked at once (a data folder holds thousands of files);
    # joined by "/", which no file name can hold (a line break can: "a.md\nb.md" is one odd name).
    pattern = _NAMES.get(suffix)
    if pattern is None:
        pattern = _NAMES[suffix] = re.compile(f"(?:{_ID_BODY}{re.escape(suffix)}/)*")
    if not pattern.fullmatch("/".join(names) + "/" if names else ""):
        return None
    shown_folder = display_path(folder)
    prefix = "" if shown_folder == "." else shown_folder + "/"
    base = os.path.join(os.fspath(folder), "")  # what each entry's `path` is made of
    cut = -len(suffix)
    return [(base + name, prefix + name, name[:cut]) for name in names]
