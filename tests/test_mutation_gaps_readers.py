"""The value reader's refusals, steps and boundaries that a full mutation run found untested.

Expected values by hand from docs/values.md (currencies: names shared by several countries,
cents; hedges; written precision: half a unit of the last written digit within the floor, 1%, and
the cap, 5%; figures above 1e15 and percentages above 10,000% refused) and from the docstring of
`intervals_overlap` (a gap smaller than the tolerance overlaps; dates are compared exactly).
"""

from __future__ import annotations

from datetime import date

import pytest

from hirel.model import Interval
from hirel.values import read_value
from hirel.values.readers import intervals_overlap
from hirel.values.tokens import ValueParseError

CAP = "±5% (the cap: a round figure's trailing zeros are not taken at face value)"
NEGATIVE = "negative figures are not accepted; write the size and say the direction in the proposition"


@pytest.mark.parametrize(("raw", "unit", "message"), [
    ("", None, "cannot read the value '': the value is empty"),
    ("-5", None, f"cannot read the value '-5': {NEGATIVE}"),
    ("5,5 million", None,
     "cannot read the value '5,5 million': '5,5' uses a decimal comma; write decimals with a point ('5.5')"),
    ("300.000", None,
     ("cannot read the value '300.000': '300.000' is ambiguous: thousands written with dots, or a "
     "decimal? write '300,000' or '300.0000' for a decimal")),
    ("20,000%", None, "cannot read the value '20,000%': 20000% is absurd (hirel accepts up to 10,000%)"),
    ("100,000 trillion", None,
     "cannot read the value '100,000 trillion': 1e+17 is absurd (hirel accepts figures up to 1e15)"),
    ("7,199 dinars", "USD",
     ("cannot read the value '7,199 dinars': 'dinars' names the currency of several countries (JOD, "
     "IQD, KWD, BHD, LYD, DZD, TND, RSD); write its code or the country ('Jordanian dinars')")),
    (None, None, "no value given"),
    # numbers as YAML hands them over
    (float("nan"), None, "cannot read the value 'nan': not a finite number"),
    (-5, None, f"cannot read the value '-5': {NEGATIVE}"),
    (True, None, "cannot read the value 'True': a yes/no value is not a figure"),
])
def test_refusals_whole(raw, unit, message):
    with pytest.raises(ValueParseError) as caught:
        read_value(raw, unit)
    assert str(caught.value) == message


def test_the_largest_percentage_accepted():
    value = read_value("10,000%")
    assert (value.unit, value.written) == ("percent", (10_000.0, 10_000.0))


def test_zero_is_a_figure():
    value = read_value("0")
    assert (value.low, value.high, value.steps) == (0.0, 0.0, ("read '0' as 0",))


@pytest.mark.parametrize(("raw", "unit", "code", "step"), [
    # a name of several currencies: the proposition's when it is one of them, else the default
    ("5 pounds", "EGP", "EGP", "'pounds' taken as EGP (the proposition's currency)"),
    ("5 pounds", None, "GBP", "'pounds' taken as GBP"),
])
def test_shared_currency_names(raw, unit, code, step):
    value = read_value(raw, unit)
    assert value.unit == code
    assert value.steps == (f"read '5 pounds' as 5 {code}", step,
                           f"written precision {CAP}: compared as 4.75 to 5.25 {code}")


def test_cents_steps_whole():
    value = read_value("50 cents", "EUR")
    assert value.steps == (
        "read '50 cents' as 0.5 EUR", "cents taken as hundredths of EUR", "hundredths of EUR: 0.5 EUR",
        f"written precision {CAP}: compared as 0.475 to 0.525 EUR",
    )


def test_cents_keep_the_precision_of_their_digits():
    # 55 cents: half a cent is 0.005 of 0.55 = 0.9%, raised to the floor: 0.55 ± 0.0055
    value = read_value("55 cents")
    assert (value.low, value.high) == (pytest.approx(0.5445), pytest.approx(0.5555))


def test_hedge_steps_whole():
    # 'about' and 'or so' are the same hedge: widened once, and the step names the word
    value = read_value("about $100 million or so")
    assert value.steps == ("read 'about $100 million or so' as about 100 million USD or so",
                           "'about' is taken as ±10%: 90 million to 110 million USD")


def test_an_open_high_end_step_whole():
    value = read_value("from 5 to up to 10")
    assert value.steps == ("read 'from 5 to up to 10' as 5 to 10", "'up to' on the high end: 5 to 10",
                           ("written precision each end to the precision of its written digits, the bound as "
                           "written: compared as 4.75 to 10"))


def test_the_floor_step_of_a_vague_figure():
    value = read_value("tens of millions")
    assert value.steps[-1] == "written precision ±1% (the floor): compared as 9.9 million to 101 million"


def test_read_as_keeps_nine_digits():
    # 1,234,567,891 has ten significant digits; the step shows nine
    value = read_value("1,234,567,891")
    assert value.steps[0] == "read '1,234,567,891' as 1.23456789 billion"


def _figure(low, high, unit="count"):
    return Interval(low, high, unit, "x", ())


@pytest.mark.parametrize(("a", "b"), [
    ((0.0, 99.0), (100.0, 200.0)),
    ((100.0, 200.0), (0.0, 99.0)),
])
def test_a_gap_equal_to_the_tolerance_overlaps(a, b):
    # the gap is 1, the tolerance 1% of the larger end (100): exactly on the boundary
    assert intervals_overlap(_figure(*a), _figure(*b), tolerance=0.01)
    assert not intervals_overlap(_figure(*a), _figure(*b), tolerance=0.009)


def test_dates_ignore_the_tolerance():
    first = date(2019, 7, 15).toordinal()
    a, b = _figure(first, first, "date"), _figure(first + 1, first + 1, "date")
    # a day apart is far below 1% of a day ordinal, but dates are compared exactly
    assert not intervals_overlap(a, b, tolerance=0.01)
    assert not intervals_overlap(b, a, tolerance=0.01)
    assert not intervals_overlap(a, _figure(first + 1, first + 1), tolerance=0.01)
    assert not intervals_overlap(_figure(first + 1, first + 1), a, tolerance=0.01)
    assert intervals_overlap(_figure(first, first), _figure(first + 1, first + 1), tolerance=0.01)
