"""From a value as written (a phrase, a number, a mapping, a date) to an interval.

The phrase is normalized and tokenized (``tokens``), parsed (``parser``), its words checked
(``words``), its unit resolved, hedges applied, and every exact figure widened by its written
precision (``precision``). Changes (``up 21%``) are read by ``changes`` on propositions that
``measures: change`` and refused on the others. Every decision is a step.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from datetime import date
from functools import lru_cache
from typing import Any, overload

from ..model import Interval, Period
from .parser import Parser, Reading
from .periods import parse_period
from .precision import PRECISION_FLOOR, describe_precision, relative_precision, union, widen
from .tokens import ValueParseError, error, is_real, normalize, tokens
from .units import Unit, convert, describe_interval, parse_unit
from .vocabulary import (
    APPROX,
    AT_LEAST,
    AT_MOST,
    CURRENCY_FAMILIES,
    DEFAULT_HEDGE,
    HEDGE_EXPLANATIONS,
    JUST_OVER,
    NEARLY,
    POST_HEDGES,
    PRE_HEDGES,
)
from .words import check_words

__all__ = [
    "MAX_AMOUNT",
    "MAX_PERCENT",
    "ROUNDING_TOLERANCE",
    "expect_unit",
    "explain_value",
    "intervals_overlap",
    "normalize_value",
    "read_level",
    "read_value",
]

# The flat rounding tolerance of earlier versions, replaced by written precision (every
# figure carries its own, at least PRECISION_FLOOR): nothing is added when comparing.
ROUNDING_TOLERANCE = 0.0

# Beyond these a figure is a typo (a quadrillion dollars; 20,000%), not a claim.
MAX_AMOUNT = 1e15
MAX_PERCENT = 10_000.0

_NEGATIVE_RE = re.compile(r"^\s*(?:-|minus\b)\s*[$€£¥₪]?\s*\.?\d", re.IGNORECASE)
_DECIMAL_COMMA_RE = re.compile(r"(?<![\d,])\d+,\d{1,2}(?!\d)")
_DOTTED_THOUSANDS_RE = re.compile(
    r"(?<![\d.,])(?:\d{1,3}(?:\.\d{3}){2,}|[1-9]\d{0,2}\.\d{3}(?!\s*(?:thousand|million|billion|trillion|"
    r"mn|bn|mln|tn|lakh|crore|[kmbt]\b)))(?![\d.,])",
    re.IGNORECASE,
)


@overload
def clean(x: float) -> float: ...


@overload
def clean(x: float | None) -> float | None: ...


def clean(x: float | None) -> float | None:
    """Round away binary noise (1.1 × 1e8 = 110000000.00000001)."""
    return None if x is None else float(f"{x:.12g}")


def apply_hedge(kind: str, low: float | None, high: float | None) -> tuple[float | None, float | None]:
    h = DEFAULT_HEDGE
    if kind == APPROX:
        return (None if low is None else low * (1 - h)), (None if high is None else high * (1 + h))
    if kind == NEARLY:
        return (None if low is None else low * (1 - h)), high
    if kind == JUST_OVER:
        return low, (None if high is None else high * (1 + h))
    if kind == AT_LEAST:
        return low, None
    return 0.0, high  # AT_MOST: amounts, counts and percentages are never negative


def _resolve_currency(code: str, expect: Unit | None, steps: list[str], raw: str) -> str:
    if code.startswith("family:"):
        word = code.removeprefix("family:")
        codes, default = CURRENCY_FAMILIES[word]
        if expect is not None and expect.base in codes:
            steps.append(f"'{word}' taken as {expect.base} (the proposition's currency)")
            return expect.base
        if default is None:
            raise error(raw, f"'{word}' names the currency of several countries ({', '.join(codes)}); "
                             "write its code or the country ('Jordanian dinars')")
        steps.append(f"'{word}' taken as {default}")
        return default
    if code == "cents":
        chosen = expect.base if expect is not None and expect.is_currency else "USD"
        steps.append(f"cents taken as hundredths of {chosen}")
        return chosen
    return code


def _resolve_unit(reading: Reading, expect: Unit | None, raw: str, steps: list[str]) -> Unit:
    # Both ends of '5 to 10 pounds' carry the currency written once: one step for it, not one per end.
    written = dict.fromkeys(reading.currencies)
    currencies = list(dict.fromkeys(_resolve_currency(c, expect, steps, raw) for c in written))
    if len(currencies) > 1:
        raise error(raw, f"two currencies ({' and '.join(currencies)}); hirel never converts between currencies")
    if currencies and reading.percent:
        raise error(raw, f"both a currency ({currencies[0]}) and a percentage")
    if currencies:
        return Unit(currencies[0], reading.per)
    if reading.percent:
        return Unit("percent", reading.per)
    if expect is not None and expect.is_currency:
        # A figure with a magnitude but no currency ("30 million") is read in the
        # proposition's currency; the rate is never assumed (see docs/values.md).
        steps.append(f"no currency written; taken as {expect.base} (the proposition's unit)")
        return Unit(expect.base, reading.per)
    if expect is not None and expect.base == "percent":
        return Unit("percent", reading.per)
    return Unit("count", reading.per)


def check_bounds(low: float | None, high: float | None, unit: Unit, raw: str, signed: bool = False) -> None:
    for bound in (low, high):
        if bound is None:
            continue
        if math.isnan(bound) or math.isinf(bound):
            raise error(raw, "not a finite number")
        if bound < 0 and not signed:
            raise error(raw, "negative figures are not accepted; write the size and say the direction in the proposition")
        if unit.base == "percent" and abs(bound) > MAX_PERCENT:
            raise error(raw, f"{bound:g}% is absurd (hirel accepts up to {MAX_PERCENT:,.0f}%)")
        if unit.base != "percent" and abs(bound) > MAX_AMOUNT:
            raise error(raw, f"{bound:g} is absurd (hirel accepts figures up to 1e15)")
    if low is not None and high is not None and low > high:
        raise error(raw, f"the low end ({low:g}) is above the high end ({high:g})")


def _hedge_step(word: str, kind: str, low: float | None, high: float | None, unit: Unit) -> str:
    return f"'{word}' {HEDGE_EXPLANATIONS[kind]}: {describe_interval(low, high, unit)}"


def _precheck(raw: str, text: str) -> None:
    if not text:
        raise error(raw, "the value is empty")
    if _NEGATIVE_RE.match(text):
        raise error(raw, "negative figures are not accepted; write the size and say the direction in the proposition")
    if m := _DECIMAL_COMMA_RE.search(text):
        raise error(raw, f"'{m.group()}' uses a decimal comma; write decimals with a point ('{m.group().replace(',', '.')}')")
    if m := _DOTTED_THOUSANDS_RE.search(text):
        shown = m.group()
        raise error(raw, f"'{shown}' is ambiguous: thousands written with dots, or a decimal? "
                         f"write '{shown.replace('.', ',')}' or '{shown}0' for a decimal")


def read_level(raw: str, expect: Unit | None, *, signed: bool = False) -> Interval:
    """Read a phrase that states a level (not a change), with written precision applied."""
    text = normalize(raw)
    _precheck(raw, text)
    reading = Parser(tokens(text, raw), raw).parse()
    steps: list[str] = []
    unit = _resolve_unit(reading, expect, raw, steps)
    check_words(reading, unit, raw, steps)
    scale = 0.01 if reading.subunit else 1.0
    low: float | None = clean(reading.low * scale)  # a hedge below may open either end
    high: float | None = clean(reading.high * scale)
    check_bounds(low, high, unit, raw, signed)
    read_as = describe_interval(low, high, unit, digits=9)  # the figure with all its written digits
    if reading.pre_hedge:
        read_as = f"{reading.pre_hedge} {read_as}"
    if reading.post_hedge:
        read_as = f"{read_as} {reading.post_hedge}"
    steps.insert(0, f"read '{raw.strip()}' as {read_as}")
    if reading.subunit:
        steps.append(f"hundredths of {unit.base}: {describe_interval(low, high, unit)}")
    figure_low, figure_high = low, high
    applied: set[str] = set()
    for word, table in ((reading.pre_hedge, PRE_HEDGES), (reading.post_hedge, POST_HEDGES)):
        if word is None or table[word] in applied:
            continue  # "about $100 million or so" widens once, not twice
        kind = table[word]
        applied.add(kind)
        low, high = apply_hedge(kind, low, high)
        low, high = clean(low), clean(high)
        steps.append(_hedge_step(word, kind, low, high, unit))
    if reading.open_high is not None:
        kind = PRE_HEDGES[reading.open_high]
        _, high = apply_hedge(kind, figure_high, figure_high)
        if kind == AT_MOST:
            high = figure_high
        high = clean(high)
        steps.append(f"'{reading.open_high}' on the high end: {describe_interval(low, high, unit)}")
    check_bounds(low, high, unit, raw, signed)
    return with_precision(Interval(low, high, str(unit), raw, tuple(steps)), reading, scale,
                           figure_low, figure_high)


def with_precision(interval: Interval, reading: Reading, scale: float,
                    figure_low: float | None, figure_high: float | None) -> Interval:
    """Widen by the precision of the written digits (see ``precision``); one step says how."""
    unit = parse_unit(interval.unit)
    half_low = None if reading.half_low is None else reading.half_low * scale
    half_high = None if reading.half_high is None else reading.half_high * scale
    if reading.exact:
        rel_low = relative_precision(figure_low or 0.0, half_low)
        rel_high = relative_precision(figure_high or 0.0, half_high)
    else:
        rel_low = rel_high = PRECISION_FLOOR
    precise = widen(figure_low, figure_high, rel_low, rel_high)
    low, high = union((interval.low, interval.high), precise)
    # A bound is the limit its words set, not a figure read to its digits: "more than 17,000" is
    # never 16,600, and "nearly 50%" never 51%. Written precision widens the other side only.
    kinds = {table[word] for word, table in ((reading.pre_hedge, PRE_HEDGES), (reading.post_hedge, POST_HEDGES))
             if word is not None}
    if kinds & {AT_LEAST, JUST_OVER}:
        low = interval.low
    if kinds & {AT_MOST, NEARLY} or reading.open_high is not None:
        high = interval.high
    low, high = clean(low), clean(high)
    if (low, high) == (interval.low, interval.high):
        if not kinds & {AT_LEAST, JUST_OVER, AT_MOST, NEARLY} and reading.open_high is None:
            return interval
        return Interval(low, high, interval.unit, interval.text,
                        interval.steps + (f"a bound is compared as written: {describe_interval(low, high, unit)}",),
                        (interval.low, interval.high))
    if reading.exact and figure_low == figure_high and figure_low:
        how = describe_precision(rel_low, half_low, figure_low)
    elif reading.exact:
        how = "each end to the precision of its written digits"
    else:
        how = f"±{PRECISION_FLOOR:.0%} (the floor)"
    if kinds & {AT_LEAST, JUST_OVER, AT_MOST, NEARLY} or reading.open_high is not None:
        how += ", the bound as written"
    step = f"written precision {how}: compared as {describe_interval(low, high, unit)}"
    return Interval(low, high, interval.unit, interval.text, interval.steps + (step,),
                    (interval.low, interval.high))


def _read_phrase(raw: str, expect: Unit | None, measures: str | None) -> Interval:
    from .changes import read_change_or_level

    return read_change_or_level(raw, expect, measures)


# Corpora repeat phrases ("about $100 million per year"); the result is immutable, so a
# small cache is safe. Errors are not cached (lru_cache stores only returned values).
_read_phrase_cached = lru_cache(maxsize=8192)(_read_phrase)


def expect_unit(expect: Unit | str | None) -> Unit | None:
    if expect is None or isinstance(expect, Unit):
        return expect
    return parse_unit(expect)


def read_value(raw: object, expect: Unit | str | None = None, measures: str | None = None) -> Interval:
    """Read a value as written, in its own unit ('$30 million a month' -> 3e7 USD/month).

    ``expect`` is the proposition's unit. It decides how to read what the phrase leaves
    out: a date unit reads the value as a date; percent or count makes a bare number a
    percentage or a count; a currency is taken for a figure written without one (never the
    rate). ``measures`` is the proposition's ``measures``: ``"change"`` reads changes
    (``up 21%`` = +21 percent, ``halved`` = −50), anything else reads levels and refuses a
    change. Raises ValueParseError with one sentence on anything unreadable.
    """
    from .literals import read_date, read_mapping, read_number  # values YAML hands over typed

    expected = expect_unit(expect)
    change = measures == "change"
    if raw is None:
        raise ValueParseError("no value given")
    if isinstance(raw, bool):
        raise error(str(raw), "a yes/no value is not a figure")
    if expected is not None and expected.base == "date":
        return read_date(raw)
    if isinstance(raw, Mapping):
        return read_mapping(raw, expected, signed=change)
    if is_real(raw):
        return read_number(raw, expected, signed=change)
    if isinstance(raw, str):
        return _read_phrase_cached(raw, expected, "change" if change else None)
    raise error(
        str(raw), f"a {type(raw).__name__} is not a value; write a phrase or a mapping {{low, high, unit}}"
    )


def normalize_value(
    raw: object, target: Unit | str, period: Period | None = None, measures: str | None = None
) -> Interval:
    """``read_value(raw, expect=target)`` converted into ``target`` (see units.convert)."""
    unit = expect_unit(target)
    assert unit is not None
    kind = type(raw)
    if kind is str or kind is int or kind is date:
        # The same value, unit and period read the same way (the interval is immutable); the
        # type is part of the key so that 2017 and "2017" stay apart. Errors are not cached.
        return _normalize_cached(kind, raw, unit, period, measures)
    return convert(read_value(raw, expect=unit, measures=measures), unit, period)


@lru_cache(maxsize=16384)
def _normalize_cached(kind: type, raw: Any, unit: Unit, period: Period | None, measures: str | None) -> Interval:
    return convert(read_value(raw, expect=unit, measures=measures), unit, period)


def explain_value(
    raw: object, unit: str | Unit | None = None, period: Period | str | int | date | None = None,
    measures: str | None = None,
) -> Interval:
    """For ``hirel value "TEXT" [--unit U] [--when P] [--change]``: read, and convert when a
    unit is given. ``period`` may be a Period or anything parse_period reads."""
    if period is not None and not isinstance(period, Period):
        period = parse_period(period)
    if unit is None:
        return read_value(raw, measures=measures)
    return normalize_value(raw, unit, period, measures)


def intervals_overlap(a: Interval, b: Interval, tolerance: float = ROUNDING_TOLERANCE) -> bool:
    """Overlap of the compared intervals (written precision already applied), allowing a gap
    smaller than ``tolerance`` of the larger figure (none by default). Dates are compared
    exactly (1% of a day ordinal is twenty years)."""
    if a.unit == "date" or b.unit == "date":
        tolerance = 0.0
    if a.high is not None and b.low is not None and a.high < b.low:
        return b.low - a.high <= tolerance * max(abs(a.high), abs(b.low))
    if b.high is not None and a.low is not None and b.high < a.low:
        return a.low - b.high <= tolerance * max(abs(b.high), abs(a.low))
    return True
