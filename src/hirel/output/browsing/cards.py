"""What the browsing tables share: counts in words, a claim in three lines, table columns."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..render import cell, print_hanging, print_indented, says, shorten, who
from ..terminal import safe_line

if TYPE_CHECKING:
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    from ...comparing.comparison import NormalizedClaim
    from ...model import Proposition


def plural(n: int, word: str, plural_word: str | None = None) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {plural_word or word + 's'}"


def kind(prop: Proposition) -> str:
    return f"{prop.kind}, {prop.unit}" if prop.unit else prop.kind


def when(nc: NormalizedClaim) -> str:
    from ...values.periods import format_period

    return format_period(nc.period)


def contradictions_cell(n: int) -> Text:
    return cell(n, "bold red" if n else "dim")


def right(table: Table, *indexes: int) -> None:
    for index in indexes:
        table.columns[index].justify = "right"


def claim_card(console: Console, nc: NormalizedClaim, prop: Proposition | None, score: float | None = None) -> None:
    """A claim in three lines, as `compare` shows it: id and what it says; proposition,
    claimant, article; the quote."""
    from rich.text import Text

    line = Text()
    line.append(safe_line(nc.claim.id), style="bold")
    said = says(nc)
    if said:
        line.append("  ")
        line.append(safe_line(said), style="bold cyan")
    scope = nc.comparable.scope
    if scope and (prop is None or scope != prop.object):
        line.append(f" for {safe_line(scope)}")
    period = when(nc)
    if period != "unknown":
        line.append(f" · {period}")
    if nc.claim.certainty != "certain":
        line.append(f" · {safe_line(nc.claim.certainty)}", style="yellow")
    if score is not None:
        line.append(f"  (match {score:.0f}%)", style="dim")
    print_hanging(console, line, 0, len(nc.claim.id) + 2)
    detail = Text()
    detail.append(safe_line(nc.claim.proposition), style="magenta")
    detail.append(" · " + safe_line(who(nc)))
    detail.append(" · " + safe_line(nc.claim.article), style="dim")
    detail.append("\n")
    detail.append(f"“{shorten(nc.claim.quote, console, 220)}”", style="italic")
    print_indented(console, detail)
