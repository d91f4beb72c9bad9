"""How the browsing views are written, one module per view, one reporter per format.

Each reporter takes what the view computed and a `Target` (the stream, and the colour choice
for tables) and writes to that stream only; `hirel.output.reporters.view_reporter` finds
them by view and format name.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import IO, TYPE_CHECKING

if TYPE_CHECKING:
    from rich.console import Console


@dataclass(frozen=True)
class Target:
    """Where a reporter writes: the stream, and for tables the colour choice (auto, always, never)."""

    stream: IO[str]
    color: str = "auto"

    def console(self) -> Console:
        from ..terminal import make_console

        return make_console(self.color, file=self.stream)
