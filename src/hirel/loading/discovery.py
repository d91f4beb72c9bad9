"""Find the data directory: --data, else $HIREL_DATA, else from file arguments, else upward."""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from ..errors import HirelError


class DataDirError(HirelError):
    """No usable data directory; the message says what was tried."""


def is_data_dir(path: Path) -> bool:
    return (path / "articles").is_dir() and (path / "claims").is_dir()


def find_data_dir(explicit: Path | None = None, files: Iterable[Path] = (), cwd: Path | None = None) -> Path:
    """The data directory; DataDirError with one line when there is none or it cannot be used
    (a name too long for the system, a folder the user may not enter)."""
    try:
        return _find(explicit, files, cwd)
    except OSError as exc:
        where = f" '{exc.filename}'" if exc.filename else ""
        raise DataDirError(f"cannot use{where}: {exc.strerror or exc}") from None


def _find(explicit: Path | None, files: Iterable[Path], cwd: Path | None) -> Path:
    if explicit is not None:
        return _checked(explicit, "--data")
    env = os.environ.get("HIREL_DATA")
    if env:
        return _checked(Path(env), "HIREL_DATA")
    for file in files:
        for parent in Path(os.path.abspath(file)).parents:
            if is_data_dir(parent):
                return parent
    start = Path(os.path.abspath(cwd or Path.cwd()))
    for folder in (start, *start.parents):
        if folder.name == "data" and is_data_dir(folder):
            return folder
        if is_data_dir(folder / "data"):
            return folder / "data"
    raise DataDirError(
        f"no data directory found at or above {start} (a data/ folder with articles/ and claims/); "
        "use --data DIR or set HIREL_DATA")


def _checked(path: Path, source: str) -> Path:
    if not path.is_dir():
        raise DataDirError(f"{source}: '{path}' is not a directory")
    if not is_data_dir(path):
        raise DataDirError(f"{source}: '{path}' has no articles/ and claims/ folders")
    return path
