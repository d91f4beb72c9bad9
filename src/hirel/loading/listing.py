"""Listing a data folder the quick way, for a `hirel check` whose files all come from its cache.

`loader.list_files` lists a folder and reports whatever does not belong there (a subfolder, a
link, a file with another suffix or a name that is not an id). Most folders hold nothing of the
kind; for those, this gives the same list without importing the loader, and for any other it
gives None, and the caller asks `loader.list_files`, which reports what it finds.
"""

from __future__ import annotations

import os
import re
from operator import attrgetter
from pathlib import Path

from .ids import ID_PATTERN
from .paths import display_path

_ID_RE = re.compile(ID_PATTERN)
_NAME = attrgetter("name")


def plain_files(folder: Path, suffix: str) -> list[tuple[str, str, str]] | None:
    """What `loader.list_files` gives for ``folder`` (path, path as shown, stem of each data file,
    in name order) when it would report nothing there; else None."""
    try:
        with os.scandir(folder) as scan:
            entries = sorted(scan, key=_NAME)
    except OSError:
        return None
    shown_folder = display_path(folder)
    prefix = "" if shown_folder == "." else shown_folder + "/"
    found = []
    for entry in entries:
        name = entry.name
        if name.startswith("."):
            continue
        if not name.endswith(suffix) or entry.is_symlink() or not entry.is_file():
            return None
        stem = name[:-len(suffix)]
        if "." in stem or not _ID_RE.fullmatch(stem):  # (an id has no dot: the suffix is the last one)
            return None
        found.append((entry.path, prefix + name, stem))
    return found
