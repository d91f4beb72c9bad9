"""`hirel compare` and `hirel value`."""

from __future__ import annotations

import sys
from typing import Literal, Optional

import typer

from . import app
from .common import data_dir, die, load, stdout_console
from ..terminal import brief, safe_line
from .render import (VERDICT_STYLES, cell, markdown_text, new_table, print_indented, shorten, write_csv,
                     write_json, write_markdown_table, says, who)

FormatOption = typer.Option("table", "--format", "-f", case_sensitive=False, help="table, json, csv or markdown.")


def _verdict_list(text: Optional[str], option: str) -> list[str]:
    from ..verdicts import VERDICTS

    if not text:
        return []
    chosen = [part.strip().lower() for part in text.split(",") if part.strip()]
    for verdict in chosen:
        if verdict not in VERDICTS:
            from ..entities import suggest

            # The choices are few and fixed: when none is close, list them all.
            close = suggest(verdict, VERDICTS)
            hint = f"'{close[0]}'" if close else "one of " + ", ".join(VERDICTS)
            die(f"unknown verdict in {option} '{verdict}'; did you mean {hint}?")
    return chosen


@app.command()
def compare(
    ctx: typer.Context,
    subject: str = typer.Argument(..., metavar="TOPIC|PROPOSITION", help="A topic id or a proposition id."),
    only: Optional[str] = typer.Option(None, "--only", metavar="VERDICT[,…]",
                                       help="Show only these verdicts (contradiction, agreement, compatible, "
                                            "different-period, same-origin, unrelated)."),
    fail_on: Optional[str] = typer.Option(None, "--fail-on", metavar="VERDICT[,…]",
                                          help="Exit 1 when a finding has one of these verdicts."),
    format: Literal["table", "json", "csv", "markdown"] = FormatOption,
) -> None:
    """Compare the claims on a topic or proposition, pair by pair.

    Shows each claim normalized (figures in the proposition's unit) and every pairwise verdict.

    Contradictions come first, then agreements; other verdicts are summarized unless --only asks
    for them. CSV has one row per finding.

    Example: hirel compare funding --only contradiction --fail-on contradiction
    """
    from ..comparison import UnknownName, compare as run_compare

    only_list = _verdict_list(only, "--only")
    fail_list = _verdict_list(fail_on, "--fail-on")
    corpus = load(ctx)
    try:
        result = run_compare(corpus, subject)
    except UnknownName as exc:
        die(str(exc))
    only_set = set(only_list) or None
    fmt = format.lower()
    if fmt == "json":
        from ..serialize import comparison_dict

        write_json(comparison_dict(result, only_set))
    elif fmt == "csv":
        _compare_csv(result, only_set)
    elif fmt == "markdown":
        _compare_markdown(result, only_set)
    else:
        _compare_table(ctx, result, only_set)
    if fail_list and any(f.verdict in fail_list for f in result.findings()):
        raise typer.Exit(1)


def _compare_csv(result, only) -> None:
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
               "explanation"], rows)


def _compare_markdown(result, only) -> None:
    from ..periods import format_period

    out = sys.stdout
    for pc in result.propositions:
        prop = pc.proposition
        out.write(f"## {markdown_text(prop.id)}: {markdown_text(prop.text)}"
                  + (f" ({markdown_text(prop.unit)})" if prop.unit else "") + "\n\n")
        write_markdown_table(
            ["claim", "article", "claimant", "says", "when", "scope", "certainty", "quote"],
            [[nc.claim.id, nc.claim.article, who(nc), says(nc), format_period(nc.period),
              nc.comparable.scope or "", nc.claim.certainty, nc.claim.quote] for nc in pc.claims])
        shown = [f for f in pc.findings if not only or f.verdict in only]
        if shown:
            out.write("\n")
            write_markdown_table(["verdict", "claims", "explanation"],
                                 [[f.verdict, " vs ".join(f.claims), f.explanation] for f in shown])
        out.write("\n")


def _compare_table(ctx, result, only) -> None:
    """Cards, not a wide table: one block per claim and per finding, readable at 80 columns."""
    from rich.text import Text

    from ..periods import format_period
    from ..verdicts import VERDICTS, count_by_verdict

    console = stdout_console(ctx)
    if not result.propositions:
        console.print(Text(f"No propositions in topic '{safe_line(result.topic)}'."))
        return
    for pc in result.propositions:
        prop = pc.proposition
        heading = Text()
        heading.append(safe_line(prop.id), style="bold underline")
        heading.append(f"  {safe_line(prop.text)} ({safe_line(prop.unit or prop.kind)})")
        console.print(heading)
        if not pc.claims:
            print_indented(console, Text("no claims yet", style="dim"), 2)
            console.print()
            continue
        for nc in pc.claims:
            line = Text("  ")
            line.append(safe_line(nc.claim.id), style="bold")
            line.append("  ")
            line.append(safe_line(says(nc)), style="bold cyan")
            scope = nc.comparable.scope
            if scope and scope != prop.object:
                line.append(f" for {safe_line(scope)}")
            period = format_period(nc.period)
            if period != "unknown":
                line.append(f" · {period}")
            if nc.claim.certainty != "certain":
                line.append(f" · {nc.claim.certainty}", style="yellow")
            console.print(line)
            source = Text(safe_line(who(nc)))
            if nc.article is not None:
                source.append(f" · {safe_line(nc.article.id)}", style="dim")
            source.append("\n")
            source.append(f"“{shorten(nc.claim.quote, console, 220)}”", style="italic")
            print_indented(console, source)
        listed = set(only) if only else {"contradiction", "agreement"}
        shown = [f for f in pc.findings if f.verdict in listed]
        if shown:
            console.print()
        for f in shown:
            line = Text("  ")
            line.append(f"{f.verdict:<14}", style=VERDICT_STYLES.get(f.verdict, ""))
            line.append(f" {safe_line(f.claims[0])} × {safe_line(f.claims[1])}", style="bold")
            console.print(line)
            print_indented(console, Text(safe_line(f.explanation)))
        counts = count_by_verdict(pc.findings)
        summary = ", ".join(_plural(counts[v], v) if v in ("contradiction", "agreement") else f"{counts[v]} {v}"
                            for v in VERDICTS if counts[v])
        console.print(Text(f"  {_plural(len(pc.claims), 'claim')}, {_plural(pc.independent_origins, 'independent origin')}; "
                           f"{summary or 'no pairs to compare'}", style="dim"))
        console.print()


@app.command()
def value(
    ctx: typer.Context,
    text: str = typer.Argument(..., metavar="TEXT", help="A value phrase, e.g. '$30 million a month'."),
    unit: Optional[str] = typer.Option(None, "--unit", "-u", help="Convert to this unit, e.g. USD/year, percent, date."),
    when: Optional[str] = typer.Option(None, "--when", help="The period a total covers (to make it a rate)."),
    format: Literal["table", "json"] = typer.Option("table", "--format", "-f", case_sensitive=False,
                                                    help="table or json."),
) -> None:
    """Show how a value phrase is read and converted.

    Prints the interval, the unit, and each reading and conversion step.

    Exit 1 when the phrase cannot be read or converted.

    Example: hirel value "$30 million a month" --unit USD/year
    """
    from ..figures import format_interval
    from ..periods import PeriodError, parse_period
    from ..serialize import bound
    from ..units import ConversionError, UnitError
    from ..values import ValueParseError, explain_value

    try:
        period = parse_period(when) if when else None
        interval = explain_value(text, unit, period)
    except (ValueParseError, ConversionError, UnitError, PeriodError) as exc:
        sys.stderr.write(f"hirel: {brief(exc)}\n")
        raise typer.Exit(1)
    if format.lower() == "json":
        write_json({"text": text, "low": bound(interval.low, interval.unit), "high": bound(interval.high, interval.unit),
                    "unit": interval.unit, "display": format_interval(interval), "steps": list(interval.steps)})
        return
    from rich.text import Text

    console = stdout_console(ctx)
    table = new_table("", "")
    table.show_header = False
    table.add_row(cell("reads as", "bold"), cell(format_interval(interval)))
    table.add_row(cell("low", "bold"), cell(_plain(bound(interval.low, interval.unit))))
    table.add_row(cell("high", "bold"), cell(_plain(bound(interval.high, interval.unit))))
    table.add_row(cell("unit", "bold"), cell(interval.unit))
    console.print(table)
    for number, step in enumerate(interval.steps, 1):
        console.print(Text(f"  {number}. {safe_line(step)}"))


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def _plain(x) -> str:
    if x is None:
        return "unbounded"
    return f"{x:,}" if isinstance(x, (int, float)) else str(x)
