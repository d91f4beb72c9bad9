"""Exact boundaries of written precision and of the comparison rules, found untested by mutation.

Every expected figure is worked out by hand from docs/values.md ("Written precision": half a unit of
the last written digit, at most 5% (the cap), at least 1% (the floor)) and from the docstrings of
src/hirel/comparing/relations.py. The boundaries are where a `>` and a `>=` differ, so each case sits on one.
"""

from __future__ import annotations

from datetime import date

import pytest

from hirel.comparing.relations import as_of, disjoint, exceeds, pins
from hirel.model import Interval, Period
from hirel.values import PRECISION_CAP, PRECISION_FLOOR, read_value
from hirel.values.precision import describe_precision, relative_precision, union, widen

CAP_TEXT = "±5% (the cap: a round figure's trailing zeros are not taken at face value)"
FLOOR_TEXT = "±1% (the floor: no figure is compared more sharply)"


def test_the_documented_cap_and_floor():
    assert (PRECISION_CAP, PRECISION_FLOOR) == (0.05, 0.01)


@pytest.mark.parametrize(("text", "low", "high", "step"), [
    # 1.0 million written to the tenth: half a unit is 0.05M = 5% exactly, the cap itself
    ("$1.0 million", 0.95e6, 1.05e6,
     f"written precision {CAP_TEXT}: compared as 950,000 to 1.05 million USD"),
    # 5.0 million: 0.05M / 5M = 1% exactly, the floor itself
    ("$5.0 million", 4.95e6, 5.05e6,
     f"written precision {FLOOR_TEXT}: compared as 4.95 million to 5.05 million USD"),
    # 45 million: 0.5M / 45M = 1.11%, between floor and cap, shown to two digits
    ("$45 million", 44.5e6, 45.5e6,
     ("written precision ±1.1% (half a unit of the last written digit): compared as 44.5 million "
      "to 45.5 million USD")),
    # 50 million: the trailing zero is not a written digit, half of ten million is 10%: capped
    ("$50 million", 47.5e6, 52.5e6,
     f"written precision {CAP_TEXT}: compared as 47.5 million to 52.5 million USD"),
    # 1.7bn: half a tenth of a billion, 0.05 / 1.7 = 2.94%
    ("$1.7bn", 1.65e9, 1.75e9,
     ("written precision ±2.9% (half a unit of the last written digit): compared as 1.65 billion "
      "to 1.75 billion USD")),
    # 21.4 million: 0.05 / 21.4 = 0.23%, raised to the floor: 21.4M ± 214,000
    ("$21.4 million", 21.186e6, 21.614e6,
     f"written precision {FLOOR_TEXT}: compared as 21.2 million to 21.6 million USD"),
    # 100 million: 50 million would be half a unit of the hundreds; capped at 5%
    ("$100 million", 95e6, 105e6,
     f"written precision {CAP_TEXT}: compared as 95 million to 105 million USD"),
])
def test_written_precision_at_its_boundaries(text, low, high, step):
    value = read_value(text)
    assert (value.low, value.high, value.unit) == (pytest.approx(low), pytest.approx(high), "USD")
    assert value.written == (pytest.approx(float(low + high) / 2),) * 2
    assert value.steps == (f"read {text!r} as {value.steps[0].split(' as ', 1)[1]}", step)
    assert value.steps[0].endswith(" USD")


def test_relative_precision():
    assert relative_precision(0, 0.5) == 0.0  # a zero has no relative precision
    assert relative_precision(100, None) == PRECISION_CAP  # nothing written: the cap
    assert relative_precision(100, 1) == PRECISION_FLOOR  # 1% exactly
    assert relative_precision(100, 0.5) == PRECISION_FLOOR  # sharper than the floor
    assert relative_precision(100, 5) == PRECISION_CAP  # 5% exactly
    assert relative_precision(100, 50) == PRECISION_CAP
    assert relative_precision(-40, 0.5) == pytest.approx(0.0125)  # relative to the magnitude
    assert relative_precision(40, 0.5) == pytest.approx(0.0125)


def test_describe_precision_on_the_boundaries():
    assert describe_precision(0.05, None, 100) == CAP_TEXT
    assert describe_precision(0.05, 5, 100) == CAP_TEXT  # 5/100 is the cap: the cap's words
    assert describe_precision(0.05, 6, 100) == CAP_TEXT
    assert describe_precision(0.01, 1, 100) == FLOOR_TEXT  # 1/100 is the floor: the floor's words
    assert describe_precision(0.01, 0.5, 100) == FLOOR_TEXT
    assert describe_precision(0.0125, 0.5, 40) == "±1.2% (half a unit of the last written digit)"
    assert describe_precision(0.0125, 0.5, -40) == "±1.2% (half a unit of the last written digit)"
    assert describe_precision(0.03, 3, 100) == "±3% (half a unit of the last written digit)"


def test_widen_and_union():
    assert widen(100, 200, 0.1, 0.2) == (pytest.approx(90), pytest.approx(240))
    assert widen(None, -100, 0.1, 0.1) == (None, pytest.approx(-90))  # outward from a negative
    assert widen(-100, None, 0.1, 0.1) == (pytest.approx(-110), None)
    assert widen(0, 10, 0.05, 0.05) == (0, pytest.approx(10.5))  # a bound of 0 stays 0
    assert union((90, 110), (95, 120)) == (90, 120)
    assert union((95, 120), (90, 110)) == (90, 120)
    assert union((90, 110), (95, None)) == (90, None)  # an unbounded side stays unbounded
    assert union((None, 5), (1, 2)) == (None, 5)


def test_exceeds_on_the_tolerance_boundary():
    # above by exactly the tolerance of the larger magnitude: not "certainly above"
    assert not exceeds(100, 50, 0.5)  # 50 > 0.5 × 100 is false
    assert exceeds(100.5, 50, 0.5)  # 50.5 > 50.25
    assert not exceeds(-50, -100, 0.5)  # 50 > 0.5 × 100 (magnitudes) is false
    assert exceeds(-50, -100, 0.49)
    assert not exceeds(100, 100, 0.0) and not exceeds(100, 101, 0.0)
    assert exceeds(101, 100, 0.0) and exceeds(101, 100)  # the comparisons' tolerance is 0
    assert not exceeds(100.5, 100, 0.01) and exceeds(102, 100, 0.01)  # the docstring's 1% example


def test_disjoint_on_the_boundary():
    def iv(low, high):
        return Interval(low, high, "count")

    assert not disjoint(iv(1, 2), iv(2, 3))  # touching intervals share a point
    assert not disjoint(iv(2, 3), iv(1, 2))
    assert disjoint(iv(1, 2), iv(2.5, None)) and disjoint(iv(2.5, None), iv(1, 2))
    assert not disjoint(iv(None, 2), iv(None, 3)) and not disjoint(iv(1, None), iv(5, None))
    assert not disjoint(iv(100, 100), iv(150, 150), 0.5)  # within the tolerance: 50 ≤ 0.5 × 150
    assert disjoint(iv(100, 100), iv(150, 150), 0.3)


def test_pins():
    assert pins(Interval(1, 5, "count")) and pins(Interval(5, 5, "count"))
    assert not pins(Interval(0, 1, "count"))  # "up to 1": a floor of zero is no bound
    assert pins(Interval(0, 0, "count"))  # exactly zero pins zero
    assert pins(Interval(0, 5, "date"))  # a date's low end is a real bound
    assert not pins(Interval(1, None, "count")) and not pins(Interval(None, 1, "count"))


@pytest.mark.parametrize(("period", "days"), [
    (Period(date(2008, 1, 1), date(2008, 12, 31)), (date(2008, 1, 1), date(2008, 12, 31))),
    (Period(None, date(2008, 12, 31)), (date(2008, 1, 1), date(2008, 12, 31))),
    (Period(date(2008, 2, 1), date(2008, 12, 31)), (date(2008, 12, 1), date(2008, 12, 31))),
    (Period(date(2017, 1, 1), date(2023, 10, 31)), (date(2023, 10, 1), date(2023, 10, 31))),
    (Period(None, date(2020, 2, 29)), (date(2020, 2, 1), date(2020, 2, 29))),
    # the end is a month's last day but the start is not a first: the day itself
    (Period(date(2020, 3, 5), date(2020, 3, 31)), (date(2020, 3, 31), date(2020, 3, 31))),
    # the start is a first but the end is not a month's last day
    (Period(date(2020, 3, 1), date(2020, 3, 30)), (date(2020, 3, 30), date(2020, 3, 30))),
    (Period(date(2020, 3, 2), date(2020, 12, 31)), (date(2020, 12, 31), date(2020, 12, 31))),
    (Period(date(2008, 4, 15), date(2008, 4, 15)), (date(2008, 4, 15), date(2008, 4, 15))),
    (Period(date(2008, 4, 15), None), None),
])
def test_as_of(period, days):
    assert as_of(period) == days


@pytest.mark.parametrize(("text", "low", "high", "steps"), [
    # ×2 is +100%; the change is taken to ±5% of itself (the cap): 95 to 105
    ("doubled", 95.0, 105.0, ("read 'doubled' as ×2 the level before", "as a change: +100 percent",
                              "written precision ±5% of the change: compared as +95 percent to +105 percent")),
    # ×0.5 is −50%; ±2.5 points: −52.5 to −47.5, written with a minus sign (U+2212)
    ("halved", -52.5, -47.5, ("read 'halved' as ×0.5 the level before", "as a change: −50 percent",
                              "written precision ±5% of the change: compared as −52.5 percent to −47.5 percent")),
    # 3.5 written to the tenth: ±0.05 = 1.43% of 3.5, then negated by 'down'
    ("down 3.5%", -3.55, -3.45, (
        "read '3.5%' as 3.5 percent",
        "written precision ±1.4% (half a unit of the last written digit): compared as 3.45 to 3.55 percent",
        "'down' makes it a decrease, a relative change: −3.55 percent to −3.45 percent")),
    ("up 21%", 20.5, 21.5, (
        "read '21%' as 21 percent",
        "written precision ±2.4% (half a unit of the last written digit): compared as 20.5 to 21.5 percent",
        "'up' makes it an increase, a relative change: +20.5 percent to +21.5 percent")),
])
def test_changes_read_whole(text, low, high, steps):
    value = read_value(text, measures="change")
    assert (value.low, value.high, value.unit) == (pytest.approx(low), pytest.approx(high), "percent")
    assert value.steps == steps


def test_a_range_with_one_magnitude_keeps_each_ends_written_precision():
    # "1.5" takes "million" from the other end; each end is written to the tenth: ±0.05 million
    value = read_value("1.5 to 2.5 million")
    assert (value.low, value.high) == (pytest.approx(1.45e6), pytest.approx(2.55e6))
    assert value.steps == (
        "read '1.5 to 2.5 million' as 1.5 million to 2.5 million",
        ("written precision each end to the precision of its written digits: compared as 1.45 million "
         "to 2.55 million"),
    )


def test_an_unreadable_word_is_placed_by_its_character():
    from hirel.values import ValueParseError

    with pytest.raises(ValueParseError) as raised:
        read_value("5 million dollars xyz")
    # 'xyz' starts at the 19th character (counting from 1)
    assert str(raised.value) == ("cannot read the value '5 million dollars xyz': 'xyz' (at character 19) "
                                 "cannot be read after an amount of money")


def test_intervals_overlap_within_a_tolerance_on_both_sides():
    from hirel.values import intervals_overlap

    def iv(low, high, unit="count"):
        return Interval(low, high, unit)

    # a gap of 10 against 10% of the larger figure (110 -> 11): close enough, in either order
    assert intervals_overlap(iv(110, 110), iv(100, 100), 0.1)
    assert intervals_overlap(iv(100, 100), iv(110, 110), 0.1)
    # a gap of 20 against 12: apart
    assert not intervals_overlap(iv(120, 120), iv(100, 100), 0.1)
    assert not intervals_overlap(iv(100, 100), iv(120, 120), 0.1)
    assert not intervals_overlap(iv(110, 110), iv(100, 100))  # no tolerance by default
    assert not intervals_overlap(iv(110, 110, "date"), iv(100, 100, "date"), 0.5)  # dates: exact
