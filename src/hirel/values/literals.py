"""Values that YAML hands over already typed: a number (`value: 2022`), a mapping
(`{low: 1.0e8, high: 3.5e8, unit: USD/year}`), a date (`value: 2019-07-22` on a date
proposition). Each becomes an interval the way a phrase does (``readers``), with its steps and
its written precision.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from datetime import date
from typing import TYPE_CHECKING, Any

from ..model import Interval
from .parser import Reading
from .periods import PeriodError, parse_period, period_to_interval
from .readers import check_bounds, clean, with_precision
from .tokens import error, half_unit, is_real
from .units import Unit, UnitError, describe_interval, parse_unit

if TYPE_CHECKING:
    from numbers import Real


def _as_float(number: Real, text: str) -> float:
    """A number as YAML gives it, as a float: an integer beyond the float range (a 1 and 309
    zeros) is an unreadable value, not a crash."""
    try:
        return float(number)
    except OverflowError:
        raise error(text if len(text) <= 40 else text[:37] + "...", "the number is too large") from None


def read_number(raw: Real, expect: Unit | None, signed: bool = False) -> Interval:
    text = str(raw)
    x = _as_float(raw, text)
    if math.isnan(x) or math.isinf(x):
        raise error(text, "not a finite number")
    unit = expect if expect is not None else Unit("count")
    x = clean(x)
    check_bounds(x, x, unit, text, signed)
    where = "the proposition's unit" if expect is not None else "a count"
    step = f"read {text} as {describe_interval(x, x, unit)} (a bare number is in {where})"
    interval = Interval(x, x, str(unit), text, (step,))
    digits = (text if isinstance(raw, int) else repr(x).removesuffix(".0")).lstrip("-")
    half = half_unit(digits) if re.fullmatch(r"\d+(?:\.\d+)?", digits) else None
    reading = Reading(x, x, [], False, None, None, None, [], False, half, half)
    return with_precision(interval, reading, 1.0, x, x)


def _mapping_text(raw: Mapping[Any, Any]) -> str:
    from ..written import as_written

    return as_written(raw)


def _mapping_bound(value: Any, name: str, unit: Unit, text: str) -> float | None:
    if value is None:
        return None
    if unit.base == "date":
        try:
            period = parse_period(value)
        except PeriodError as exc:
            raise error(text, f"{name}: {exc.reason}") from None
        day = period.start if name == "low" else period.end
        return None if day is None else float(day.toordinal())
    if isinstance(value, bool):
        raise error(text, f"{name} must be a number, not {value}")
    if is_real(value):
        return _as_float(value, text)
    if isinstance(value, str):
        try:
            # YAML reads 1.0e8 (no sign in the exponent) as a string: accept it as a number.
            return float(value.replace(",", "").replace("_", "").strip())
        except ValueError:
            raise error(text, f"{name} must be a number, not '{value}'") from None
    raise error(text, f"{name} must be a number, not {value!r}")


def read_mapping(raw: Mapping[Any, Any], expect: Unit | None, signed: bool = False) -> Interval:
    text = _mapping_text(raw)
    unknown = [str(k) for k in raw if k not in ("low", "high", "unit")]
    if unknown:
        raise error(text, f"unknown key '{unknown[0]}'; a value mapping has low, high and unit")
    if raw.get("unit") is None:
        raise error(text, "a value mapping needs a unit, like {low: 1.0e8, high: 3.5e8, unit: USD/year}")
    try:
        unit = parse_unit(str(raw["unit"]))
    except UnitError as exc:
        raise error(text, str(exc)) from None
    low = _mapping_bound(raw.get("low"), "low", unit, text)
    high = _mapping_bound(raw.get("high"), "high", unit, text)
    if low is None and high is None:
        raise error(text, "a value mapping needs low, high or both")
    if unit.base == "date":
        if low is not None and high is not None and low > high:
            raise error(text, "the low date is after the high date")
        step = f"read the mapping as {describe_interval(low, high, unit)}"
        return Interval(clean(low), clean(high), str(unit), text, (step,))
    check_bounds(low, high, unit, text, signed)
    step = f"read the mapping as {describe_interval(low, high, unit)}"
    interval = Interval(clean(low), clean(high), str(unit), text, (step,))
    reading = Reading(low or 0.0, high or 0.0, [], False, None, None, None, [], True)
    reading.exact = False
    return with_precision(interval, reading, 1.0, interval.low, interval.high)


def read_date(raw: Any) -> Interval:
    if isinstance(raw, Mapping):
        return read_mapping(raw, Unit("date"))
    text = str(raw)
    if isinstance(raw, float):
        if not raw.is_integer():
            raise error(text, "a date is a year, YYYY-MM, YYYY-MM-DD or a phrase like 'mid-2017'")
        raw = int(raw)
    if not isinstance(raw, (str, int, date)):
        raise error(text, f"a {type(raw).__name__} is not a date")
    try:
        period = parse_period(raw)
    except PeriodError as exc:
        raise error(text, exc.reason) from None
    if not period.known:
        raise error(text, "the value is empty")
    interval = period_to_interval(period, text)
    step = f"read '{text.strip()}' as {describe_interval(interval.low, interval.high, 'date')}"
    return Interval(interval.low, interval.high, "date", text, (step,))
