"""What hirel shows: JSON building (`serialize`), the reporters of every command by name
(`reporters`), consoles and safe text (`terminal`, `render`), the chart (`chart`)."""

from __future__ import annotations

from typing import IO


def report_version(version: str, stream: IO[str]) -> None:
    """``hirel --version`` (here, not in `reporters`: the answer imports nothing else)."""
    stream.write(f"hirel {version}\n")
