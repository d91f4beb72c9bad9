"""`hirel compare` and `hirel value`."""

from __future__ import annotations

from typing import Literal

import typer

from ..output.terminal import brief
from .common import load, write_view
from .errors import CommandError
from .typer_app import app

FormatOption = typer.Option("table", "--format", "-f", case_sensitive=False, help="table, json, csv or markdown.")


def _verdict_list(text: str | None, option: str) -> list[str]:
    from ..comparing.verdicts import VERDICTS

    if not text:
        return []
    chosen = [part.strip().lower() for part in text.split(",") if part.strip()]
    for verdict in chosen:
        if verdict not in VERDICTS:
            from ..comparing.entities import suggest

            # The choices are few and fixed: when none is close, list them all.
            close = suggest(verdict, VERDICTS)
            hint = f"'{close[0]}'" if close else "one of " + ", ".join(VERDICTS)
            raise CommandError(f"unknown verdict in {option} '{verdict}'; did you mean {hint}?")
    return chosen


@app.command()
def compare(
    ctx: typer.Context,
    subject: str = typer.Argument(..., metavar="TOPIC|PROPOSITION", help="A topic id or a proposition id."),
    only: str | None = typer.Option(None, "--only", metavar="VERDICT[,…]",
                                       help="Show only these verdicts (contradiction, agreement, consistent, compatible, "
                                            "different-period, same-origin, unrelated)."),
    fail_on: str | None = typer.Option(None, "--fail-on", metavar="VERDICT[,…]",
                                          help="Exit 1 when a finding has one of these verdicts."),
    pairs: bool = typer.Option(False, "--pairs", help="Also list every pairwise finding (table and markdown)."),
    format: Literal["table", "json", "csv", "markdown"] = FormatOption,
) -> int:
    """Compare the claims on a topic or proposition: positions, disputes, claims.

    Per proposition: its disputes (pairs of positions that contradict each other), its positions
    (claims of one scope and period that share a figure or stance, with the independent origins
    behind them, and a chart of the figures), then each claim normalized (figures in the
    proposition's unit). --pairs (or --only) also lists the pairwise findings; the summary line
    counts them by verdict. JSON has positions, disputes and every finding; CSV one row per finding.

    Example: hirel compare funding --only contradiction --fail-on contradiction
    """
    from ..comparing.comparison import compare as run_compare
    from ..output.browsing.compare import Compared
    from ..output.reporters import COMPARE

    only_list = _verdict_list(only, "--only")
    fail_list = _verdict_list(fail_on, "--fail-on")
    corpus = load(ctx)
    result = run_compare(corpus, subject)  # UnknownName: reported by the error handler
    write_view(ctx, COMPARE, format, Compared(result, set(only_list) or None, pairs))
    if fail_list and any(pc.count(verdict) for pc in result.propositions for verdict in fail_list):
        return 1
    return 0


@app.command()
def value(
    ctx: typer.Context,
    text: str = typer.Argument(..., metavar="TEXT", help="A value phrase, e.g. '$30 million a month'."),
    unit: str | None = typer.Option(None, "--unit", "-u", help="Convert to this unit, e.g. USD/year, percent, date."),
    when: str | None = typer.Option(None, "--when", help="The period a total covers (to make it a rate)."),
    change: bool = typer.Option(False, "--change", help="Read it as on a proposition that measures a change ('up 21%'), and show it as a change."),
    format: Literal["table", "json"] = typer.Option("table", "--format", "-f", case_sensitive=False,
                                                    help="table or json."),
) -> None:
    """Show how a value phrase is read and converted.

    Prints the interval, the unit, and each reading and conversion step. With --change, a
    change is shown as one: 'up more than 50%' reads as up at least 50%, not as a level of 50%.

    Exit 1 when the phrase cannot be read or converted.

    Example: hirel value "$30 million a month" --unit USD/year
    """
    from ..output.reference import ValueReading
    from ..output.reporters import VALUE
    from ..values import ValueParseError, explain_value
    from ..values.changes import MeasureMismatch
    from ..values.periods import PeriodError, parse_period
    from ..values.units import ConversionError, UnitError

    try:
        period = parse_period(when) if when else None
        interval = explain_value(text, unit, period, "change" if change else None)
    except MeasureMismatch as exc:  # no proposition here: say which flag reads it
        what = "a change; `hirel value --change` reads changes" if not change else \
            "a level; without --change, `hirel value` reads levels"
        raise CommandError(f"'{brief(text, 120)}' states {what}", exit_code=1) from exc
    except (ValueParseError, ConversionError, UnitError, PeriodError) as exc:
        raise CommandError(brief(exc, 400), exit_code=1) from exc
    write_view(ctx, VALUE, format, ValueReading(text, interval, change))
