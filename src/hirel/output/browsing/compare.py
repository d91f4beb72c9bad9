"""`hirel compare`: per proposition its disputes, positions and claims; JSON, CSV (one row per
finding), Markdown, or cards for a terminal."""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING

from ..render import (
    VERDICT_STYLES,
    markdown_text,
    position_says,
    print_hanging,
    print_indented,
    says,
    shorten,
    who,
    write_csv,
    write_json,
    write_markdown_table,
)
from ..terminal import safe_line
from . import Target
from .cards import plural as _plural

if TYPE_CHECKING:
    from collections.abc import Callable

    from rich.console import Console
    from rich.text import Text

    from ...comparing.comparison import Comparison, NormalizedClaim
    from ...comparing.positions import Position
    from ...model import Period, Proposition

__all__ = ["Compared", "compare_csv", "compare_json", "compare_markdown", "compare_table"]


@dataclass(frozen=True)
class Compared:
    """A comparison, the verdicts asked for with --only (None: all), and whether --pairs lists
    every pairwise finding."""

    result: Comparison
    only: set[str] | None
    pairs: bool


def compare_json(report: Compared, target: Target) -> None:
    from ..serialize import comparison_dict

    write_json(comparison_dict(report.result, report.only), target.stream)


def compare_csv(report: Compared, target: Target) -> None:
    result, only = report.result, report.only
    claims = {nc.claim.id: nc for pc in result.propositions for nc in pc.claims}
    rows = []
    for pc in result.propositions:
        for f in pc.findings:
            if only and f.verdict not in only:
                continue
            a, b = claims[f.claims[0]], claims[f.claims[1]]
            rows.append([pc.proposition.id, f.verdict, a.claim.id, b.claim.id, who(a), who(b),
                         says(a), says(b), f.explanation])
    write_csv(["proposition", "verdict", "claim_a", "claim_b", "claimant_a", "claimant_b", "says_a", "says_b",
               "explanation"], rows, target.stream)


def compare_markdown(report: Compared, target: Target) -> None:
    from ...values.periods import format_period

    result, only = report.result, report.only
    out = target.stream
    table = partial(write_markdown_table, stream=out)
    for pc in result.propositions:
        prop = pc.proposition
        out.write(f"## {markdown_text(prop.id)}: {markdown_text(prop.text)}"
                  + (f" ({markdown_text(prop.unit)})" if prop.unit else "") + "\n\n")
        table(
            ["claim", "article", "claimant", "says", "when", "scope", "certainty", "quote"],
            [[nc.claim.id, nc.claim.article, who(nc), says(nc), format_period(nc.period),
              nc.comparable.scope or "", nc.claim.certainty, nc.claim.quote] for nc in pc.claims])
        found = pc.positions
        if found and found.positions:
            out.write("\n")
            table(
                ["position", "says", "scope", "when", "origins", "claims"],
                # a position has a period only where the proposition compares periods (else "any")
                [[p.id, position_says(p, prop), p.scope or "", _position_when(p, prop, format_period),
                  ", ".join(p.origins), " ".join(p.claims)] for p in found.positions])
        if found and found.disputes:
            out.write("\n")
            table(["dispute", "explanation"],
                                 [[" vs ".join(d.positions), d.explanation] for d in found.disputes])
        shown = [f for f in pc.findings if not only or f.verdict in only]
        if shown:
            out.write("\n")
            table(["verdict", "claims", "explanation"],
                                 [[f.verdict, " vs ".join(f.claims), f.explanation] for f in shown])
        out.write("\n")


def _position_when(position: Position, prop: Proposition, format_period: Callable[[Period], str]) -> str:
    if position.period.start is None and position.period.end is None and not (prop.changes_over_time or prop.cumulative):
        return "any"
    return format_period(position.period)


# A table for people: a proposition with thousands of claims shows its leading positions (most
# independent origins) and some of their claims; JSON has everything.
MAX_POSITIONS = 12
MAX_DISPUTES = 20
MAX_CLAIMS = 60


def _position_line(position: Position, prop: Proposition, with_id: bool = True) -> Text:
    """'p2  $324M–$396M/yr · likely, per Unknown news website (2 reports)'."""
    from rich.text import Text

    from ...values.periods import format_period

    line = Text()
    if with_id:
        line.append(position.id, style="bold")
        line.append("  ")
    line.append(safe_line(position_says(position, prop)), style="bold cyan")
    if position.scope and position.scope != prop.object:
        line.append(f" for {safe_line(position.scope)}")
    period = format_period(position.period)
    if period != "unknown":
        line.append(f" · {period}")
    if position.certainty != "certain":
        line.append(f" · {position.certainty}", style="yellow")
    origins = list(position.origins)
    shown = ", ".join(safe_line(o) for o in origins[:4]) + (f" and {len(origins) - 4} more" if len(origins) > 4 else "")
    line.append(f", per {shown}")
    if position.reports > len(origins):
        line.append(f" ({position.reports} reports)", style="dim")
    return line


def _hanging(console: Console, text: Text, first: int | Text = 2, rest: int = 6) -> None:
    """Print ``text`` wrapped, its first line after ``first`` (spaces, or a Text that is
    ``rest`` wide), the others indented by ``rest``."""
    from rich.text import Text

    lead = Text(" " * first) if isinstance(first, int) else first
    for index, line in enumerate(text.wrap(console, max(20, console.width - rest))):
        line.rstrip()
        console.print((Text(" " * rest) if index else lead) + line, soft_wrap=True)


def _claim_lines(console: Console, nc: NormalizedClaim, prop: Proposition, position: Position | None) -> None:
    """Three lines or so: id, what it says (the period and certainty only where they differ from
    its position's, shown above) and its position; who says it and where; the quote."""
    from rich.text import Text

    from ...values.periods import format_period

    line = Text()
    line.append(safe_line(nc.claim.id), style="bold")
    line.append("  ")
    line.append(safe_line(says(nc)), style="bold cyan")
    scope = nc.comparable.scope
    if scope and scope != prop.object:
        line.append(f" for {safe_line(scope)}")
    period = format_period(nc.period)
    if period != "unknown" and (position is None or format_period(position.period) != period):
        line.append(f" · {period}")
    if nc.claim.certainty != "certain" and (position is None or position.certainty != nc.claim.certainty):
        line.append(f" · {nc.claim.certainty}", style="yellow")
    if position is not None:
        line.append(f"  ({position.id})", style="dim")
    _hanging(console, line)
    source = Text(safe_line(who(nc)))
    if nc.article is not None:
        source.append(f" · {safe_line(nc.article.id)}", style="dim")
    source.append("\n")
    # On a terminal a long quote is cut to about two lines, so a proposition fits on a screen.
    source.append(f"“{shorten(nc.claim.quote, console, max(60, 2 * (console.width - 6)))}”", style="italic")
    print_indented(console, source)


def compare_table(report: Compared, target: Target) -> None:
    """Cards, not a wide table, readable at 80 columns: per proposition its disputes, its
    positions (and a chart of them), then the claims; with --pairs every pairwise finding."""
    from rich.text import Text

    from ...comparing.verdicts import VERDICTS

    result, only, pairs = report.result, report.only, report.pairs
    console = target.console()
    if not result.propositions:
        console.print(Text(f"No propositions in topic '{safe_line(result.topic)}'."))
        return
    for pc in result.propositions:
        prop = pc.proposition
        heading = Text()
        heading.append(safe_line(prop.id), style="bold underline")
        heading.append(f"  {safe_line(prop.text)} ({safe_line(prop.unit or prop.kind)})")
        print_hanging(console, heading, 0, len(prop.id) + 2)
        if not pc.claims:
            print_indented(console, Text("no claims yet", style="dim"), 2)
            console.print()
            continue
        found = pc.positions
        shown_positions = found.leading(MAX_POSITIONS)
        capped = len(shown_positions) < len(found.positions)
        disputes = found.disputes_among({p.id for p in shown_positions}) if capped else found.disputes
        for dispute in disputes[:MAX_DISPUTES]:
            line = Text()
            line.append("dispute", style=VERDICT_STYLES["contradiction"])
            line.append(f" {dispute.positions[0]} × {dispute.positions[1]}", style="bold")
            line.append(": " + safe_line(dispute.explanation))
            _hanging(console, line, 2, 4)
        if len(disputes) > MAX_DISPUTES:
            print_indented(console, Text(f"… and {len(disputes) - MAX_DISPUTES:,} more disputes among these positions "
                                         "(--format json lists every one)", style="dim"), 2)
        if shown_positions and len(pc.claims) > 1:
            from ..chart import range_chart

            chart = range_chart(prop, shown_positions, disputes, console)
            for position in shown_positions:
                if chart is None:
                    _hanging(console, _position_line(position, prop))
                else:
                    _hanging(console, _position_line(position, prop, False), chart.rows[position.id], chart.indent)
            if chart is not None:
                console.print(chart.axis, soft_wrap=True)
        console.print()
        if capped:
            print_indented(console, Text(
                f"… and {len(found.positions) - len(shown_positions):,} more positions with fewer origins "
                "(--format json lists every position and dispute)", style="dim"), 2)
        # A lone claim is its own position, not listed above: no "(p1)" pointing at nothing.
        of_claim = {claim_id: p for p in found.positions for claim_id in p.claims} if len(pc.claims) > 1 else {}
        claims = pc.claims
        if len(claims) > MAX_CLAIMS:
            shown_ids = {claim_id for p in shown_positions for claim_id in p.claims}
            claims = [nc for nc in claims if nc.claim.id in shown_ids][:MAX_CLAIMS]
        for nc in claims:
            _claim_lines(console, nc, prop, of_claim.get(nc.claim.id))
        if len(claims) < len(pc.claims):
            print_indented(console, Text(
                f"… and {len(pc.claims) - len(claims):,} more claims (hirel claims --proposition "
                f"{safe_line(prop.id)} lists them all)", style="dim"), 2)
        if pairs or only:
            listed = set(only) if only else set(VERDICTS)
            shown = [f for f in pc.findings if f.verdict in listed]
            if shown:
                console.print()
            for f in shown:
                line = Text("  ")
                line.append(f"{f.verdict:<16}", style=VERDICT_STYLES.get(f.verdict, ""))
                line.append(f" {safe_line(f.claims[0])} × {safe_line(f.claims[1])}", style="bold")
                console.print(line)
                print_indented(console, Text(safe_line(f.explanation)))
        summary = (f"{_plural(len(pc.claims), 'claim')}, {_plural(pc.independent_origins, 'independent origin')}, "
                   f"{_plural(len(found.positions), 'position')}")
        if capped:
            summary += f" ({len(shown_positions)} shown), {_plural(len(disputes), 'dispute')} among those shown"
        else:
            summary += f", {_plural(len(disputes), 'dispute')}"
        if pairs or only:
            counts = pc.counts
            summary += "; pairs: " + (", ".join(
                _plural(counts[v], v) if v in ("contradiction", "agreement") else f"{counts[v]} {v}"
                for v in VERDICTS if counts[v]) or "none to compare")
        print_indented(console, Text(summary, style="dim"), 2)
        console.print()
