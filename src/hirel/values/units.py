"""Units of measure and the conversions hirel allows between them.

A unit is a base (a currency code, ``percent``, ``count`` or ``date``) and optionally a time
unit it is counted per (``USD/year``). hirel converts between rates (per month → per year),
and a total into a rate when the claim's period is known; it never converts between
currencies or between kinds of quantity, because every such conversion would need a number
(an exchange rate, a population) that the claim does not state.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from functools import lru_cache

from hirel.errors import HirelError
from hirel.model import Interval, Period
from hirel.records import REQUIRED, Record, set_field
from hirel.values.figures import format_date_range, format_words
from hirel.values.vocabulary import LOWERCASE_CODES, ODD_SPACES, RATE_ADVERBS, RATE_SLASH_WORDS, UNIT_BASE_WORDS

__all__ = [
    "DAYS_PER",
    "NON_CURRENCY_BASES",
    "PER_UNITS",
    "ConversionError",
    "Unit",
    "UnitError",
    "convert",
    "describe_interval",
    "describe_quantity",
    "extrapolation_factor",
    "parse_unit",
    "period_length",
    "rate_factor",
]


class UnitError(HirelError, ValueError):
    """A unit string hirel cannot read."""


class ConversionError(ValueError):
    """Two units that cannot be converted into each other (or not without a period)."""


# Length of each time unit in days. A year is the mean Julian year so that a month is an
# average month (30.4375 days) and 12 months are exactly a year; a week is 7 days and a day
# 24 hours. These are the only factors hirel ever applies.
DAYS_PER: dict[str, float] = {
    "hour": 1 / 24,
    "day": 1.0,
    "week": 7.0,
    "month": 365.25 / 12,
    "year": 365.25,
}

PER_UNITS: tuple[str, ...] = ("hour", "day", "week", "month", "year")

NON_CURRENCY_BASES: tuple[str, ...] = ("percent", "count", "date")

# Time units and currencies are read from the one vocabulary the value reader uses too, so a
# unit accepted in a proposition ("USD/a", "hkd") is accepted in a value and the reverse.
_PER_SYNONYMS: dict[str, str] = {
    **RATE_SLASH_WORDS, **RATE_ADVERBS,
    **{period: period for period in DAYS_PER}, **{f"{period}s": period for period in DAYS_PER},
}

_BASE_SYNONYMS: dict[str, str] = UNIT_BASE_WORDS

# Codes accepted in lowercase too ("usd / yr"). Any other code must be written in capitals,
# so that an ordinary three-letter word ("try", "all") is never taken for a currency.
_LOWERCASE_CODES = LOWERCASE_CODES

_CODE_RE = re.compile(r"[A-Z]{3}")
_UNIT_SPLIT_RE = re.compile(r"\s*(?:/|\bper\b(?!\s+cent)|\ba\b|\ban\b|\beach\b)\s*", re.IGNORECASE)
_SPACES_RE = re.compile(rf"[\s{ODD_SPACES}]+")

_UNIT_HINT = (
    "expected a currency code (USD, EUR, …), percent, count or date, "
    "optionally followed by /hour, /day, /week, /month or /year"
)


class Unit(Record):
    """A base (``USD``, ``percent``, ``count``, ``date``) and optionally a time unit it is per."""

    base: str
    per: str | None

    __slots__ = ("base", "per")
    _FIELDS = (("base", REQUIRED), ("per", None))

    def __init__(self, base: str, per: str | None = None) -> None:
        set_field(self, "base", base)
        set_field(self, "per", per)

    def __str__(self) -> str:
        return self.base if self.per is None else f"{self.base}/{self.per}"

    @property
    def is_currency(self) -> bool:
        return self.base not in NON_CURRENCY_BASES

    @property
    def is_rate(self) -> bool:
        return self.per is not None


def _parse_base(text: str, original: str) -> str:
    """'usd' -> 'USD', '%' -> 'percent'; UnitError for anything else."""
    lowered = text.lower()
    if lowered in _BASE_SYNONYMS:
        return _BASE_SYNONYMS[lowered]
    if _CODE_RE.fullmatch(text) or lowered in _LOWERCASE_CODES:
        return text.upper()
    raise UnitError(f"unknown unit '{original}': {_UNIT_HINT}")


def _parse_per(text: str, original: str) -> str:
    per = _PER_SYNONYMS.get(text.lower())
    if per is None:
        raise UnitError(f"unknown unit '{original}': '{text}' is not a time unit; {_UNIT_HINT}")
    return per


def parse_unit(text: str | Unit) -> Unit:
    """'USD/year', 'usd / yr', 'USD per year', 'EUR/month', 'percent', '%', 'count', 'date'."""
    if isinstance(text, Unit):
        return text
    if not isinstance(text, str):
        raise UnitError(f"unknown unit {text!r}: {_UNIT_HINT}")
    return _parse_unit_text(text)


@lru_cache(maxsize=512)  # a corpus repeats a handful of unit strings thousands of times
def _parse_unit_text(text: str) -> Unit:
    original = text
    cleaned = _SPACES_RE.sub(" ", text).strip()
    if not cleaned:
        raise UnitError(f"no unit given: {_UNIT_HINT}")
    if cleaned.lower() in _BASE_SYNONYMS:
        return _checked(Unit(_BASE_SYNONYMS[cleaned.lower()]), original)
    parts = _UNIT_SPLIT_RE.split(cleaned, maxsplit=1)
    if len(parts) == 1:
        return _checked(Unit(_parse_base(cleaned, original)), original)
    base_text, per_text = parts[0].strip(), parts[1].strip()
    if not base_text or not per_text:
        raise UnitError(f"unknown unit '{original}': {_UNIT_HINT}")
    return _checked(Unit(_parse_base(base_text, original), _parse_per(per_text, original)), original)


def _checked(unit: Unit, original: str) -> Unit:
    # A date is a point in time; "date per year" means nothing.
    if unit.base == "date" and unit.per is not None:
        raise UnitError(f"unknown unit '{original}': a date cannot be per {unit.per}")
    return unit


def rate_factor(source_per: str, target_per: str) -> float:
    """The number to multiply an amount per ``source_per`` by to get it per ``target_per``."""
    return DAYS_PER[target_per] / DAYS_PER[source_per]


def period_length(period: Period, per: str) -> float:
    """Length of a closed period in ``per`` units: whole calendar months/years counted exactly,
    otherwise days (both ends inclusive) / days per unit."""
    if period.start is None or period.end is None:
        raise ValueError("period_length needs a period with a start and an end")
    start, end = period.start, period.end
    after = end + timedelta(days=1)
    if per in ("year", "month") and start.day == 1 and after.day == 1:
        # Whole calendar months (or years): count them, so that 2017 is exactly one year,
        # not 365/365.25 of one, and $260M in 2017 stays $260M per year.
        months = (after.year - start.year) * 12 + after.month - start.month
        return months / 12 if per == "year" else float(months)
    days = (end - start).days + 1
    return days / DAYS_PER[per]


_WORD_MAGNITUDES = ((1e12, "trillion"), (1e9, "billion"), (1e6, "million"))


def _plain_number(x: float, digits: int = 3) -> str:
    if digits > 3 and abs(x) >= 1e6:
        for magnitude, word in _WORD_MAGNITUDES:
            if abs(x) >= magnitude:
                return f"{x / magnitude:.{digits}g} {word}"
    return _plain_number_short(x)


def _plain_number_short(x: float) -> str:
    """Digits for numbers under a million ('651,000', '12.5'), words above ('30 million')."""
    if abs(x) >= 1e6:
        return format_words(x)
    if float(x).is_integer():
        return f"{int(x):,}"
    return f"{x:,.4f}".rstrip("0").rstrip(".")


def _unit_words(unit: Unit) -> tuple[str, str]:
    """The words after the number, and after a range: (' USD', ' per month')."""
    base = {"count": "", "percent": " percent"}.get(unit.base, f" {unit.base}")
    per = f" per {unit.per}" if unit.per else ""
    return base, per


def describe_quantity(x: float, unit: Unit | str) -> str:
    """'30 million USD per month', '50 percent', '9,000', '651,000 EUR'."""
    unit = parse_unit(unit)
    if unit.base == "date":
        day = date.fromordinal(round(x))
        return day.isoformat()
    base, per = _unit_words(unit)
    return f"{_plain_number(x)}{base}{per}"


def describe_interval(low: float | None, high: float | None, unit: Unit | str, digits: int = 3) -> str:
    """An interval in words for explanation steps (see _describe_interval)."""
    return _describe_interval(low, high, unit, digits)


# Every value read and every conversion writes its steps; the same figures in the same unit
# come back often (a value converted for several periods, the same figure in many claims).
# The text depends on the arguments only, and arguments equal as keys give the same text
# (5 and 5.0, 0.0 and -0.0 are written alike); errors are not kept.
@lru_cache(maxsize=16384)
def _describe_interval(low: float | None, high: float | None, unit: Unit | str, digits: int) -> str:
    """An interval in words for explanation steps.

    '30 million USD per month'; '90 million to 110 million USD per year';
    'at least 150 million USD'; 'at most 5 million USD' (also for a floor of zero);
    dates '2017-05-01–2017-08-31', 'from 2017-01-01', 'until 2019-12-31'.
    """
    unit = parse_unit(unit)
    if unit.base == "date":
        return _describe_dates(low, high)
    base, per = _unit_words(unit)
    if high is None:
        return "any value" if low is None else f"at least {_plain_number(low, digits)}{base}{per}"
    if low is None or (low == 0 and high > 0):
        return f"at most {_plain_number(high, digits)}{base}{per}"
    if low == high:
        return f"{_plain_number(low, digits)}{base}{per}"
    return f"{_plain_number(low, digits)} to {_plain_number(high, digits)}{base}{per}"


def _describe_dates(low: float | None, high: float | None) -> str:
    if high is None:
        return "any date" if low is None else f"from {date.fromordinal(round(low))}"
    if low is None:
        return f"until {date.fromordinal(round(high))}"
    return format_date_range(date.fromordinal(round(low)), date.fromordinal(round(high)))


def _factor_text(factor: float) -> str:
    """'× 12', '÷ 12', '× 52.18': the operation as a reader would do it."""
    if factor >= 1:
        return f"× {_short_decimal(factor)}"
    return f"÷ {_short_decimal(1 / factor)}"


def _short_decimal(x: float) -> str:
    text = f"{x:.2f}".rstrip("0").rstrip(".")
    return text


def _clean(x: float | None) -> float | None:
    """Round away binary noise (1.1 × 1e8 = 110000000.00000001) so results read as written."""
    if x is None:
        return None
    return float(f"{x:.12g}")


def _scale(interval: Interval, factor: float) -> tuple[float | None, float | None]:
    low = None if interval.low is None else _clean(interval.low * factor)
    high = None if interval.high is None else _clean(interval.high * factor)
    return low, high


def _incompatible(source: Unit, target: Unit) -> ConversionError:
    if source.is_currency and target.is_currency:
        return ConversionError(
            f"cannot convert {source} to {target}: hirel never converts between currencies"
        )
    return ConversionError(
        f"cannot convert {source} to {target}: {_kind(source)} and {_kind(target)} "
        "are different kinds of quantity"
    )


def _kind(unit: Unit) -> str:
    if unit.is_currency:
        return "an amount of money"
    return {"percent": "a percentage", "count": "a count", "date": "a date"}[unit.base]


def _scale_written(interval: Interval, factor: float) -> tuple[float | None, float | None] | None:
    if interval.written is None:
        return None
    low, high = interval.written
    return (None if low is None else _clean(low * factor), None if high is None else _clean(high * factor))


def _convert_rate(interval: Interval, source: Unit, target: Unit) -> Interval:
    factor = rate_factor(source.per, target.per)  # type: ignore[arg-type]  # both rates: convert() checked
    low, high = _scale(interval, factor)
    written = _scale_written(interval, factor)
    shown = interval.as_written
    shown_after = written if written is not None else (low, high)
    step = (
        f"{describe_interval(shown[0], shown[1], source)} {_factor_text(factor)} = "
        f"{describe_interval(shown_after[0], shown_after[1], target)}"
    )
    return Interval(low, high, str(target), interval.text, interval.steps + (step,), written)


def _convert_total_to_rate(
    interval: Interval, source: Unit, target: Unit, period: Period | None
) -> Interval:
    if period is None or period.start is None or period.end is None:
        raise ConversionError(
            f"cannot convert a total in {source} to {target}: the claim's period (when) "
            "needs a start and an end to spread the total over"
        )
    length = period_length(period, target.per)  # type: ignore[arg-type]  # a rate: convert() checked
    low, high = _scale(interval, 1 / length)
    written = _scale_written(interval, 1 / length)
    shown = interval.as_written
    shown_after = written if written is not None else (low, high)
    plural = target.per if length == 1 else f"{target.per}s"
    # Enough digits to redo the division by hand: 7, 0.25, 0.00274, 1.5.
    length_text = f"{length:.3g}" if length < 10 else _short_decimal(length)
    step = (
        f"{describe_interval(shown[0], shown[1], source)} over "
        f"{period.start.isoformat()}–{period.end.isoformat()} ({length_text} {plural}) "
        f"÷ {length_text} = {describe_interval(shown_after[0], shown_after[1], target)}"
    )
    factor = extrapolation_factor(period, target)
    if factor is not None:
        step += (f": an extrapolation (a total for less than a {target.per}, scaled up "
                 f"{_factor_text(factor)} to a rate per {target.per})")
    return Interval(low, high, str(target), interval.text, interval.steps + (step,), written)


def extrapolation_factor(period: Period | None, target: Unit) -> float | None:
    """How much a total over ``period`` is scaled UP to become a rate per ``target.per``
    (a month's total as a yearly rate: 12), or None when it is not scaled up."""
    if period is None or period.start is None or period.end is None or target.per is None:
        return None
    length = period_length(period, target.per)
    if length >= 1 - 1e-9:
        return None
    return 1 / length


def convert(interval: Interval, target: Unit | str, period: Period | None = None) -> Interval:
    """``interval`` expressed in ``target``; the step taken is appended to ``steps``.

    Same base required. Rate → rate by DAYS_PER; a total → a rate only over a closed
    ``period`` (its length counted in days, both ends included); a rate → a total never.
    Unbounded (None) sides stay unbounded.
    """
    source = parse_unit(interval.unit)
    target = parse_unit(target)
    if source.base != target.base:
        raise _incompatible(source, target)
    if source.per == target.per:
        return Interval(interval.low, interval.high, str(target), interval.text, interval.steps, interval.written)
    if source.per is not None and target.per is not None:
        return _convert_rate(interval, source, target)
    if source.per is None:
        return _convert_total_to_rate(interval, source, target, period)
    raise ConversionError(
        f"cannot convert {source} to {target}: a rate is not a total, and hirel does not "
        "multiply a rate by a period"
    )
