"""Real-world value phrases (tests/real_world_phrases.py) read right or refused.

Every phrase in the table was printed in real reporting (news, think-tank, government, court
and NGO texts; each entry names its source). The rule under test: **not one phrase may be read
as a number different from what it says. A phrase is read right or refused.** "Right" is
checked without depending on a documented width:

- exact: the interval contains the figure and is no wider than about ±5% of it (the written
  precision: half a unit of the last written digit, capped at about 5%);
- approx (a hedge): contains the figure, both ends within ±25%;
- at_least: low within [0.85x, x], high unbounded (None or inf);
- at_most: high within [x, 1.15x], low 0 or unbounded;
- range: each end near the one written (within 5% inward, 25% outward);
- order of magnitude: low between lo and 2·lo, high between 5·lo and hi (3% allowance for
  a documented rounding floor);
- a date: exactly the days written (or inside them for a vague date);
- a change (on a proposition that ``measures: change``): the same checks on the signed change;
- refused: ValueParseError. An entry marked ``or_refused`` may also be refused (a form outside
  the contract's list), but never read as another number.

The reading must also come out in the unit written: the table's unit is the phrase's own
(currency, rate), passed as the proposition's unit.
"""

from __future__ import annotations

import inspect
import math
from datetime import date

import pytest

from hirel import values
from hirel.values import ValueParseError, read_value
from real_world_phrases import GROUPS, SOURCES

EXACT_WIDTH = 0.05
APPROX_WIDTH = 0.25
BOUND_SLACK = 0.15
ORDER_SLACK_LOW = 0.97
ORDER_SLACK_HIGH = 1.03
SLACK = 1e-9


def _entries():
    for group, entries in GROUPS.items():
        for phrase, unit, expected, source in entries:
            yield pytest.param(group, phrase, unit, expected, source, id=f"{group}: {phrase} [{unit}]")


def _unbounded(x: float | None) -> bool:
    return x is None or math.isinf(x)


def _near_low(x: float) -> float:
    return x - SLACK * max(1.0, abs(x))


def _near_high(x: float) -> float:
    return x + SLACK * max(1.0, abs(x))


def _check(kind: str, args: tuple, low: float | None, high: float | None, *, change: bool) -> None:
    shown = f"read as [{low}, {high}]"
    if kind == "exact":
        (x,) = args
        assert low is not None and high is not None, shown
        assert _near_low(low) <= x <= _near_high(high), f"{shown}: does not contain {x}"
        assert low >= _near_low(x - EXACT_WIDTH * abs(x)) and high <= _near_high(x + EXACT_WIDTH * abs(x)), (
            f"{shown}: wider than ±{EXACT_WIDTH:.0%} of {x}"
        )
    elif kind == "approx":
        (x,) = args
        assert low is not None and high is not None, shown
        assert _near_low(low) <= x <= _near_high(high), f"{shown}: does not contain {x}"
        assert low >= _near_low(x - APPROX_WIDTH * abs(x)) and high <= _near_high(x + APPROX_WIDTH * abs(x)), (
            f"{shown}: not within ±{APPROX_WIDTH:.0%} of {x}"
        )
    elif kind == "at_least":
        (x,) = args
        assert low is not None and not math.isinf(low), f"{shown}: no lower bound"
        assert _near_low(x - BOUND_SLACK * abs(x)) <= low <= _near_high(x), f"{shown}: low not near {x}"
        assert _unbounded(high), f"{shown}: an 'at least' has no upper bound"
    elif kind == "at_most":
        (x,) = args
        assert high is not None and not math.isinf(high), f"{shown}: no upper bound"
        assert _near_low(x) <= high <= _near_high(x + BOUND_SLACK * abs(x)), f"{shown}: high not near {x}"
        if change:
            assert _unbounded(low) or low >= -100 - SLACK, f"{shown}: a change below -100%"
        else:
            assert _unbounded(low) or abs(low) <= SLACK, f"{shown}: an upper bound starts at 0"
    elif kind == "range":
        lo, hi = args
        assert low is not None and high is not None, shown
        assert _near_low(lo - APPROX_WIDTH * abs(lo)) <= low <= _near_high(lo + EXACT_WIDTH * abs(lo)), (
            f"{shown}: low end not near {lo}"
        )
        assert _near_low(hi - EXACT_WIDTH * abs(hi)) <= high <= _near_high(hi + APPROX_WIDTH * abs(hi)), (
            f"{shown}: high end not near {hi}"
        )
    elif kind == "order":
        lo, hi = args
        assert low is not None and high is not None, shown
        assert ORDER_SLACK_LOW * lo <= low <= 2 * lo, f"{shown}: low not between {lo} and {2 * lo}"
        assert 5 * lo <= high <= ORDER_SLACK_HIGH * hi, f"{shown}: high not between {5 * lo} and {hi}"
    else:  # pragma: no cover - a mistake in the table
        raise AssertionError(f"unknown expectation {kind!r}")


def _read_change(phrase: str, unit: str):
    """Read ``phrase`` on a proposition that ``measures: change`` with unit ``unit``."""
    params = inspect.signature(read_value).parameters
    if "measures" in params:
        return read_value(phrase, expect=unit, measures="change")
    if "change" in params:
        return read_value(phrase, expect=unit, change=True)
    for name in ("read_change", "read_change_value"):
        reader = getattr(values, name, None)
        if reader is not None:
            return reader(phrase, expect=unit)
    pytest.fail("the value reader offers no way to read a change (measures: change)")


def _assert_reading(phrase: str, unit: str | None, expected: tuple) -> None:
    kind = expected[0]
    if kind == "or_refused":
        try:
            _assert_reading(phrase, unit, expected[1])
        except ValueParseError:
            pass
        return
    if kind == "refused":
        with pytest.raises(ValueParseError):
            got = read_value(phrase, expect=unit)
            pytest.fail(f"{phrase!r} should be refused, read as [{got.low}, {got.high}] {got.unit}")
        return
    if kind in ("date", "date_within"):
        got = read_value(phrase, expect="date")
        first = date.fromisoformat(expected[1]).toordinal()
        last = date.fromisoformat(expected[2]).toordinal()
        shown = f"read as {_days(got.low)} – {_days(got.high)}"
        if kind == "date":
            assert (got.low, got.high) == (first, last), f"{shown}, not {expected[1]} – {expected[2]}"
        else:
            assert got.low is not None and got.high is not None, shown
            assert first <= got.low <= got.high <= last, f"{shown}: not inside {expected[1]} – {expected[2]}"
        return
    if kind == "change":
        assert unit is not None
        if expected[1] == "refused":
            with pytest.raises(ValueParseError):
                got = _read_change(phrase, unit)
                pytest.fail(f"{phrase!r} should be refused, read as a change of [{got.low}, {got.high}] {got.unit}")
            return
        got = _read_change(phrase, unit)
        assert got.unit == unit, f"read in {got.unit}, not {unit}"
        _check(expected[1], tuple(expected[2:]), got.low, got.high, change=True)
        return
    assert unit is not None
    got = read_value(phrase, expect=unit)
    assert got.unit == unit, f"read in {got.unit} as [{got.low}, {got.high}], not in {unit}"
    _check(kind, tuple(expected[1:]), got.low, got.high, change=False)


def _days(ordinal: float | None) -> str:
    return "open" if ordinal is None else date.fromordinal(int(ordinal)).isoformat()


@pytest.mark.parametrize(("group", "phrase", "unit", "expected", "source"), list(_entries()))
def test_real_world_phrase_is_read_right_or_refused(group, phrase, unit, expected, source):
    assert source in SOURCES, f"source {source!r} is not listed"
    _assert_reading(phrase, unit, expected)


def test_the_table_is_large_and_covers_every_form():
    count = sum(len(entries) for entries in GROUPS.values())
    assert count >= 300
    for group, entries in GROUPS.items():
        assert len(entries) >= 3, f"{group}: only {len(entries)} phrases"
