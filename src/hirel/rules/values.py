"""HR4xx, values: a claim's value reads, converts to its proposition's unit, and is in its quote."""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache
from typing import Any

from ..model import WARNING, Claim, Loc, Period, Problem, Proposition
from ..written import as_written
from .base import Rule


class BadUnit(Rule):
    """A proposition's `unit` is not a currency code, percent, count or date (with an optional /period).

    FAIL:
        unit: dollars a fortnight

    PASS:
        unit: USD/year
    """

    code, name = "HR404", "bad-unit"


class UnreadableValue(Rule):
    """A claim's `value` cannot be read as an amount, rate, percentage, count or date.

    Run `hirel value "TEXT"` to see how a phrase is read.

    FAIL:
        value: lots of money

    PASS:
        value: tens of millions of dollars per year
    """

    code, name = "HR405", "unreadable-value"


class IncompatibleUnit(Rule):
    """A value's unit cannot be converted to the proposition's unit.

    A percentage is not an amount; a total cannot become a yearly rate without a `when`
    that gives the period (`when: 2014/2020`).

    FAIL:
        # proposition unit USD/year
        value: over 50%

    PASS:
        value: $30 million a month
    """

    code, name = "HR406", "incompatible-unit"


class OtherCurrency(Rule):
    """A value is in another currency than the proposition's unit.

    hirel never converts currencies on its own, so this claim will not be compared with the
    others by figure. Write the amount in the proposition's currency if the source gives it.

    FAIL:
        # proposition unit USD/year
        value: €30 million a year

    PASS:
        value: $30 million a year
    """

    code, name = "HR407", "other-currency"
    severity = WARNING


class FigureNotInQuote(Rule):
    """The figure in `value` does not appear in the quote: a likely typo in the annotation.

    FAIL:
        quote: "Iran provides about $100 million annually"
        value: about $10 million per year

    PASS:
        quote: "Iran provides about $100 million annually"
        value: about $100 million per year
    """

    code, name = "HR408", "figure-not-in-quote"
    severity = WARNING


class ChangeOrLevel(Rule):
    """A value states a change where the proposition measures a level, or the reverse.

    A proposition `measures` a level (the default: "Money Iran gives per year") or a change
    (`measures: change`: "Change in Iran's support since 2015"). `about 30% less than in 2022`
    on a level proposition is not "about 30%": reading it so would compare a change with
    levels. On a change proposition, `up 21%` is +21 percent, `doubled` +100, `halved` −50,
    `up $500 million` +500M in the proposition's unit; a level there is refused.

    FAIL:
        # proposition unit percent, a level
        value: about 30% less than in 2022

    PASS:
        # proposition unit percent, measures: change
        value: down about 30%
    """

    code, name = "HR409", "change-or-level"


class Extrapolation(Rule):
    """A total is scaled UP into a rate: a month's total read as a yearly rate, ×12.

    When a proposition wants a rate and a claim gives a total over a period shorter than the
    rate's period, hirel divides by a fraction: it multiplies. That is an extrapolation, and
    the figure is often a total to date ("$775.7m stolen so far this year", in October, is not
    $9.3bn a year). The warning (for a factor of 2 or more: a period under half the rate's)
    shows the factor; write the period the total really covers (`when: 2023-01/2023-10`, ×1.2,
    noted by `hirel value` only), or use a proposition about totals.

    FAIL:
        # proposition unit USD/year
        value: $775.7 million
        when: 2023-10

    PASS:
        value: $775.7 million
        when: 2023-01/2023-10
    """

    code, name = "HR410", "extrapolation"
    severity = WARNING


def _word_loc(loc: Loc, exc: Exception) -> Loc:
    """The place of the refused word itself when the value is written on its line as read
    (plain or quoted); else the value's place. Only read on an error."""
    word, position = getattr(exc, "word", None), getattr(exc, "position", None)
    if not word or position is None:
        return loc
    try:
        with open(loc.path, encoding="utf-8") as handle:
            for number, line in enumerate(handle, 1):
                if number == loc.line:
                    break
            else:
                return loc
    except (OSError, UnicodeDecodeError):
        return loc
    start = loc.column - 1 + (1 if line[loc.column - 1:loc.column] in ("'", '"') else 0) + position
    if line[start:start + len(word)] == word:
        return Loc(loc.path, loc.line, start + 1)
    return loc


# A total over less than half the rate's period (scaled up ×2 or more) is warned about (HR410);
# a total over ten months as a yearly rate (×1.2) is a fair approximation, noted in the steps only.
EXTRAPOLATION_WARNING = 2.0


def value_example(prop: Proposition) -> str:
    """A value that fits the proposition, for a hint: a date, a change, or a figure in its unit
    ('about $100 million per year' for USD/year, 'about 9,000' for count, 'about 30%' for percent)."""
    from ..values.units import UnitError, parse_unit

    if prop.kind == "date":
        return "mid-2017"
    if getattr(prop, "measures", None) == "change":
        return "up about 20%"
    try:
        unit = parse_unit(prop.unit or "count")
    except UnitError:
        return "about 100"
    per = f" per {unit.per}" if unit.per else ""
    if unit.base == "percent":
        return "about 30%" + per
    if unit.base == "count":
        return "about 9,000" + per
    if unit.base == "USD":
        return "about $100 million" + per
    return f"about 100 million {unit.base}{per}"


@lru_cache(maxsize=1)
def _value_reader() -> tuple[Any, ...]:
    """The value reader's names, imported on first use (once: an import statement run for every
    claim costs more than the lookup). Any: mypy cannot type a tuple of functions by their own types."""
    from ..values.changes import MeasureMismatch
    from ..values.quotes import value_figures_in_quote
    from ..values.readers import normalize_value, read_value
    from ..values.tokens import ValueParseError
    from ..values.units import ConversionError, UnitError, extrapolation_factor, parse_unit

    return (ConversionError, UnitError, extrapolation_factor, parse_unit, MeasureMismatch, value_figures_in_quote,
            normalize_value, read_value, ValueParseError)


def check_value(claim: Claim, prop: Proposition, period: Period | None) -> Iterator[Problem]:
    (ConversionError, UnitError, extrapolation_factor, parse_unit, MeasureMismatch, value_figures_in_quote,
     normalize_value, read_value, ValueParseError) = _value_reader()

    try:
        target = parse_unit("date" if prop.kind == "date" else prop.unit or "")
    except UnitError:
        return  # reported on the proposition
    measures = prop.measures if prop.kind == "quantity" else None
    try:
        normalize_value(claim.value, target, period, measures)
    except MeasureMismatch as exc:
        yield ChangeOrLevel.problem(claim.loc_of("value"), str(exc), exc.hint)
        return
    except ValueParseError as exc:
        hint = exc.hint or "see how hirel reads it: hirel value \"PHRASE\""
        yield UnreadableValue.problem(_word_loc(claim.loc_of("value"), exc), str(exc), hint)
        return
    except ConversionError as exc:
        written = read_value(claim.value, expect=target, measures=measures)
        try:
            unit = parse_unit(written.unit)
        except UnitError:
            unit = None
        if unit is not None and unit.is_currency and target.is_currency and unit.base != target.base:
            yield OtherCurrency.problem(claim.loc_of("value"), f"{exc}; this claim is not compared by figure")
        else:
            hint = None
            if unit is not None and unit.per is None and target.per is not None and unit.base == target.base:
                hint = "give the period the total covers, e.g. when: 2014/2020"
            yield IncompatibleUnit.problem(claim.loc_of("value"), str(exc), hint)
        return
    if not value_figures_in_quote(claim.value, claim.quote, expect=target):
        yield FigureNotInQuote.problem(claim.loc_of("value"),
                                       f"the figure of '{as_written(claim.value)}' does not appear in the quote",
                                       "check the value against the quote")
    factor = extrapolation_factor(period, target) if target.per else None
    if factor is not None and factor >= EXTRAPOLATION_WARNING and parse_unit(read_value(claim.value, expect=target, measures=measures).unit).per is None:
        yield Extrapolation.problem(
            claim.loc_of("value"), f"the total '{claim.value}' over {period.text if period is not None and period.text else 'its period'} "
                 f"is scaled up ×{factor:.3g} "
                 f"into a rate per {target.per}: an extrapolation",
            "if the figure is a total to date, give the whole period it covers in when (e.g. 2023-01/2023-10)")
