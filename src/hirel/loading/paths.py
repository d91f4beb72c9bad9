"""The path a file is shown under in problems (imports nothing of hirel's: a warm `hirel check`
needs it without the YAML reader)."""

from __future__ import annotations

import os
from pathlib import Path


def display_path(path: Path) -> str:
    """The path as shown in problems: relative to the working directory when under it."""
    absolute = Path(os.path.abspath(path))
    try:
        return absolute.relative_to(Path.cwd()).as_posix()
    except ValueError:
        return absolute.as_posix()
