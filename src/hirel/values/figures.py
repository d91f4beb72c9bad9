"""Human-readable figures: compact numbers, amounts with their unit, intervals.

Pure formatting, no parsing of phrases. This module imports nothing from the rest of hirel
except the model, so that every other module (units, values, the verdicts) can use it
without import cycles; that is also why it reads unit strings with its own small splitter
instead of ``units.parse_unit``.
"""

from __future__ import annotations

import math
from datetime import date

from hirel.model import Interval

__all__ = [
    "CURRENCY_SYMBOLS",
    "PER_SUFFIXES",
    "format_amount",
    "format_date_end",
    "format_date_ordinal",
    "format_date_range",
    "format_date_start",
    "format_interval",
    "format_number",
    "format_words",
]

# Symbols used when showing an amount. Only unambiguous, widely known ones: any other code is
# shown as the code itself ("CHF 5M"), which is never wrong.
CURRENCY_SYMBOLS: dict[str, str] = {
    "USD": "$",
    "EUR": "€",
    "GBP": "£",
    "JPY": "¥",
    "ILS": "₪",
}

PER_SUFFIXES: dict[str, str] = {
    "hour": "/hr",
    "day": "/day",
    "week": "/wk",
    "month": "/mo",
    "year": "/yr",
}

# (threshold, compact suffix, word) from the largest down.
_MAGNITUDES: tuple[tuple[float, str, str], ...] = (
    (1e12, "T", "trillion"),
    (1e9, "B", "billion"),
    (1e6, "M", "million"),
    (1e3, "K", "thousand"),
)

# Significant digits in compact forms: enough to tell $21.4M from $21M, few enough to read.
_SIGNIFICANT = 3


def _trim(text: str) -> str:
    """Drop trailing zeros of a decimal: '1.50' -> '1.5', '2.00' -> '2'."""
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text


def _round_significant(x: float, digits: int = _SIGNIFICANT) -> str:
    """x (>= 1, < 1000 after scaling) with ``digits`` significant digits, integer part intact."""
    if x == 0:
        return "0"
    integer_digits = len(str(int(abs(x)))) if abs(x) >= 1 else 0
    decimals = max(digits - integer_digits, 0)
    return _trim(f"{x:.{decimals}f}")


def _small_number(x: float) -> str:
    """Numbers under a thousand: up to two decimals ('50', '0.25', '12.5')."""
    if float(x).is_integer():
        return str(int(x))
    if abs(x) < 0.01:
        return f"{x:.2g}"  # tiny shares: two significant digits ('0.0012', '1.2e-05')
    return _trim(f"{x:.2f}")


def _scaled(x: float) -> tuple[str, int] | None:
    """The compact mantissa and the index in _MAGNITUDES, or None below a thousand.

    Rounding can carry into the next magnitude (999,999 -> '1000K'), so retry one up.
    """
    ax = abs(x)
    for index, (threshold, _suffix, _word) in enumerate(_MAGNITUDES):
        if ax >= threshold:
            mantissa = _round_significant(ax / threshold)
            if float(mantissa) >= 1000 and index > 0:
                return _round_significant(ax / _MAGNITUDES[index - 1][0]), index - 1
            return mantissa, index
    # 999.9995 rounds to a thousand: show it as 1K rather than '1000'.
    if float(_small_number(ax)) >= 1000:
        return "1", len(_MAGNITUDES) - 1
    return None


def _check_finite(x: float) -> None:
    if isinstance(x, bool) or not isinstance(x, (int, float)):
        raise TypeError(f"expected a number, got {x!r}")
    if math.isnan(x) or math.isinf(x):
        raise ValueError(f"cannot format {x!r}: not a finite number")


def format_number(x: float) -> str:
    """Compact form: 360e6 -> '360M', 1.5e9 -> '1.5B', 651000 -> '651K', 50 -> '50', 0.25 -> '0.25'."""
    return _format(x, "", 1)


def format_words(x: float) -> str:
    """Number in words for explanation steps: '30 million', '1.5 billion', '651 thousand', '50'."""
    return _format(x, " ", 2)


def _format(x: float, separator: str, column: int) -> str:
    """The figure scaled to its magnitude, named by ``column`` of `_MAGNITUDES` (1: 'M', 2: 'million')."""
    _check_finite(x)
    sign = "-" if x < 0 else ""
    scaled = _scaled(x)
    if scaled is None:
        return sign + _small_number(abs(x))
    mantissa, index = scaled
    return f"{sign}{mantissa}{separator}{_MAGNITUDES[index][column]}"


def _split_unit(unit: str) -> tuple[str, str | None]:
    """'USD/year' -> ('USD', 'year'); 'percent' -> ('percent', None). Tolerant of spaces/case."""
    base, _, per = unit.strip().partition("/")
    base = base.strip()
    if base.lower() in ("percent", "count", "date", "%"):
        base = "percent" if base == "%" else base.lower()
    else:
        base = base.upper()
    per_clean = per.strip().lower() or None
    return base, per_clean


def format_date_ordinal(x: float) -> str:
    """A proleptic Gregorian ordinal as YYYY-MM-DD."""
    _check_finite(x)
    return date.fromordinal(round(x)).isoformat()


def _count_text(x: float) -> str:
    """Counts: grouped digits up to a million ('9,000'), compact beyond ('2.5M')."""
    if abs(x) < 1e6 and float(x).is_integer():
        return f"{int(x):,}"
    if abs(x) < 1e3:
        return _small_number(x)
    if abs(x) < 1e6:
        return f"{x:,.2f}".rstrip("0").rstrip(".")
    return format_number(x)


def _bare_amount(x: float, base: str) -> str:
    """The number with its currency/percent marker, without the per-period suffix."""
    if base == "percent":
        return f"{_small_number(x) if abs(x) < 1000 else f'{x:,.0f}'}%"
    if base == "count":
        return _count_text(x)
    if base == "date":
        return format_date_ordinal(x)
    number = format_number(abs(x))
    sign = "-" if x < 0 else ""
    symbol = CURRENCY_SYMBOLS.get(base)
    if symbol is not None:
        return f"{sign}{symbol}{number}"
    return f"{sign}{base} {number}"


def _per_suffix(per: str | None) -> str:
    if per is None:
        return ""
    return PER_SUFFIXES.get(per, f"/{per}")


def format_amount(x: float | None, unit: str) -> str:
    """'$360M/yr', '€30M/mo', '50%', '9,000', '2017-07-01' (date ordinals), 'CHF 5M'.

    ``None`` (an unbounded side) is shown as '?'.
    """
    if x is None:
        return "?"
    base, per = _split_unit(unit)
    return _bare_amount(x, base) + _per_suffix(per)


def _is_year_start(d: date) -> bool:
    return d.month == 1 and d.day == 1


def _is_year_end(d: date) -> bool:
    return d.month == 12 and d.day == 31


def _is_month_end(d: date) -> bool:
    return d.day == _days_in_month(d.year, d.month)


def _days_in_month(year: int, month: int) -> int:
    if month == 12:
        return 31
    return (date(year, month + 1, 1) - date(year, month, 1)).days


def format_date_start(d: date) -> str:
    """An open-ended start: the coarsest form that means exactly that first day."""
    if _is_year_start(d):
        return str(d.year)
    if d.day == 1:
        return f"{d.year:04d}-{d.month:02d}"
    return d.isoformat()


def format_date_end(d: date) -> str:
    """An open-ended end: the coarsest form that means exactly that last day."""
    if _is_year_end(d):
        return str(d.year)
    if _is_month_end(d):
        return f"{d.year:04d}-{d.month:02d}"
    return d.isoformat()


def format_date_range(start: date, end: date) -> str:
    """'2012', '2019-07', '2019-07-22', '1990–1993', else '2017-04-01–2017-09-30'."""
    if start == end:
        return start.isoformat()
    if _is_year_start(start) and _is_year_end(end):
        if start.year == end.year:
            return str(start.year)
        return f"{start.year}–{end.year}"
    if start.day == 1 and (start.year, start.month) == (end.year, end.month) and _is_month_end(end):
        return f"{start.year:04d}-{start.month:02d}"
    return f"{start.isoformat()}–{end.isoformat()}"


def _format_date_interval(interval: Interval) -> str:
    low, high = interval.low, interval.high
    if high is None:
        return "any date" if low is None else "since " + format_date_start(date.fromordinal(round(low)))
    if low is None:
        return "until " + format_date_end(date.fromordinal(round(high)))
    return format_date_range(date.fromordinal(round(low)), date.fromordinal(round(high)))


def format_interval(interval: Interval) -> str:
    """One interval for people, as written (``Interval.as_written``: before written precision
    widens it; ``format_compared`` shows the interval compared).

    A point '$360M/yr'; a range '$90M–$110M/yr' (the per-period suffix once, at the end);
    low only '≥ $25M/yr'; high only, or a floor of zero, '≤ $5M' (hirel rejects negative
    amounts, so [0, x] and (-inf, x] say the same thing to a reader); both open 'any value'.
    Dates: '2012', '2019-07', '2019-07-22', '1990–1993', '2017-04-01–2017-09-30',
    'since 2017', 'until 2019'.
    """
    low, high = interval.as_written
    return _format_bounds(low, high, interval)


def format_compared(interval: Interval) -> str:
    """The interval hirel compares: '$1.65B–$1.75B' for '$1.7bn'."""
    return _format_bounds(interval.low, interval.high, interval)


def _format_bounds(low: float | None, high: float | None, interval: Interval) -> str:
    base, per = _split_unit(interval.unit)
    if base == "date":
        return _format_date_interval(interval)
    suffix = _per_suffix(per)
    if high is None:
        return "any value" if low is None else f"≥ {_bare_amount(low, base)}{suffix}"
    if low is None or (low == 0 and high > 0):
        return f"≤ {_bare_amount(high, base)}{suffix}"
    low_text, high_text = _bare_amount(low, base), _bare_amount(high, base)
    # Bounds that round to the same compact text (1e8 and 1.0004e8) read as one figure.
    if low == high or low_text == high_text:
        return low_text + suffix
    if low < 0:  # a fall (a change): '-33% to -27%' reads better than '-33%–-27%'
        return f"{low_text} to {high_text}{suffix}"
    return f"{low_text}–{high_text}{suffix}"


def format_change(interval: Interval, compared: bool = False) -> str:
    """A change (a value on a proposition that ``measures: change``) as people write one: signed
    ('+50%', '-12%', '+$500M/yr'), or in words where a bare bound would read as a level: 'up at
    least 50%' (not '≥ 50%'), 'down at least 50%', 'up 10%–20%', 'down 27%–33%'; a range across
    zero '-5% to +10%'; a bound on the other side of zero '≥ -30%', '≤ +20%'. ``compared``: the
    interval compared (``format_compared``) rather than the figure as written."""
    low, high = (interval.low, interval.high) if compared else interval.as_written
    base, per = _split_unit(interval.unit)
    suffix = _per_suffix(per)

    def size(x: float) -> str:
        return _bare_amount(abs(x), base)

    def signed(x: float) -> str:
        return ("+" if x > 0 else "-" if x < 0 else "") + size(x)

    if high is None:
        if low is None:
            return "any change"
        return f"up at least {size(low)}{suffix}" if low > 0 else f"≥ {signed(low)}{suffix}"
    if low is None:
        return f"down at least {size(high)}{suffix}" if high < 0 else f"≤ {signed(high)}{suffix}"
    if low == high or signed(low) == signed(high):
        return (signed(low) if low else "no change") + suffix
    if low > 0:
        return f"up {size(low)}–{size(high)}{suffix}"
    if high < 0:
        return f"down {size(high)}–{size(low)}{suffix}"
    return f"{signed(low)} to {signed(high)}{suffix}"


def format_figure(interval: Interval, change: bool = False, compared: bool = False) -> str:
    """A figure for people: a change as a change (`format_change`), else a level
    (`format_interval`, or `format_compared` when ``compared``)."""
    if change and _split_unit(interval.unit)[0] != "date":
        return format_change(interval, compared)
    return format_compared(interval) if compared else format_interval(interval)
