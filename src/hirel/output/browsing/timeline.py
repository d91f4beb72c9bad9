"""`hirel timeline`: claims in the order of the period they are about."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..render import CellValue, new_table, says, shorten, who, write_csv, write_json, write_markdown_table
from ..serialize import entry_when
from ..terminal import safe_line
from . import Target

if TYPE_CHECKING:
    from rich.console import Console
    from rich.text import Text

    from ...views import TimelineEntry

__all__ = ["Timeline", "timeline_csv", "timeline_json", "timeline_markdown", "timeline_table"]


@dataclass(frozen=True)
class Timeline:
    """The claims in order, and the filters that chose them (JSON names them)."""

    topic: str | None
    proposition: str | None
    entries: Sequence[TimelineEntry]


_HEADER = ["date", "basis", "claim", "proposition", "says", "scope", "certainty", "claimant", "article", "quote"]


def _rows(listing: Timeline) -> list[list[CellValue]]:
    return [[entry_when(e), e.basis, e.claim.claim.id, e.claim.claim.proposition, says(e.claim),
             e.claim.comparable.scope, e.claim.claim.certainty, who(e.claim), e.claim.claim.article,
             e.claim.claim.quote] for e in listing.entries]


def timeline_json(listing: Timeline, target: Target) -> None:
    from ..serialize import timeline_document

    write_json(timeline_document(listing.topic, listing.proposition, listing.entries), target.stream)


def timeline_csv(listing: Timeline, target: Target) -> None:
    write_csv(_HEADER, _rows(listing), target.stream)


def timeline_markdown(listing: Timeline, target: Target) -> None:
    write_markdown_table(_HEADER, _rows(listing), target.stream)


def _entry_lines(entry: TimelineEntry, console: Console) -> Text:
    """Who says what (stance or value), on which proposition, the quote, and the ids."""
    from rich.text import Text

    nc, prop = entry.claim, entry.proposition
    text = Text(safe_line(who(nc)), style="bold")
    said = says(nc)
    if nc.claim.stance is not None:
        text.append(" " + safe_line(said), style="cyan")
    elif said:
        text.append(": ")
        text.append(safe_line(said), style="cyan")
    scope = nc.comparable.scope
    if scope and (prop is None or scope != prop.object):
        text.append(f" for {safe_line(scope)}")
    if nc.claim.certainty != "certain":
        text.append(f" ({safe_line(nc.claim.certainty)})", style="yellow")
    text.append("\n" + safe_line(prop.text if prop is not None else nc.claim.proposition))
    text.append("\n“" + shorten(nc.claim.quote, console, 160) + "”", style="italic")
    text.append("\n" + safe_line(nc.claim.id) + " · " + safe_line(nc.claim.article), style="dim")
    return text


def timeline_table(listing: Timeline, target: Target) -> None:
    from rich.text import Text

    entries = listing.entries
    console = target.console()
    if not entries:
        console.print(Text("No claims."))
        return
    table = new_table("date", "claim", collapse_padding=True)
    table.columns[0].no_wrap = True
    for index, e in enumerate(entries):
        shown = entry_when(e)
        when = Text(shown.replace("–", "–\n") if len(shown) > 12 else shown, style="bold" if e.known else "dim")
        if e.basis == "value":
            when.append("\n(date\nclaimed)", style="dim")
        if index:
            table.add_row("", "")  # a blank line between entries
        table.add_row(when, _entry_lines(e, console))
    console.print(table)
