"""Units: the survivors of `hirel.values.units` left after the first tests on its gaps.

Expected texts worked out by hand from `hirel.values.units` (the unit grammar, the significant
digits of `_plain_number`, the extrapolation step) and docs/values.md (a total spread over a
closed period; a total for less than the rate's time unit is scaled up, an extrapolation).
"""

from __future__ import annotations

from datetime import date

import pytest

from hirel.model import Interval, Period
from hirel.values.readers import read_value
from hirel.values.units import Unit, UnitError, convert, describe_interval, parse_unit

HINT = ("expected a currency code (USD, EUR, …), percent, count or date, "
        "optionally followed by /hour, /day, /week, /month or /year")


def test_is_rate():
    assert parse_unit("USD/year").is_rate is True
    assert parse_unit("USD").is_rate is False
    assert Unit("count", "day").is_rate is True


@pytest.mark.parametrize("text", ["USD/", "USD per", "/year"])
def test_an_empty_side_of_the_slash_is_an_unknown_unit(text):
    # Either side missing: the general hint, not "'' is not a time unit".
    with pytest.raises(UnitError) as caught:
        parse_unit(text)
    assert str(caught.value) == f"unknown unit '{text}': {HINT}"


def test_three_digits_above_a_million_round_like_the_words():
    # 999,999,999 to three significant digits is 1.00e9: "1 billion", never "1e+03 million".
    assert describe_interval(999_999_999, 999_999_999, "count") == "1 billion"
    assert describe_interval(1_234_567, 1_234_567, "USD") == "1.23 million USD"


def test_digits_above_three_write_that_many_significant_digits():
    # 1,234,567 is 1.234567 million: four significant digits are 1.235.
    assert describe_interval(1_234_567, None, "count", digits=4) == "at least 1.235 million"


@pytest.mark.parametrize(("text", "read_as"), [
    # The first step writes the figure with all its written digits (up to nine).
    ("$1 billion", "1 billion USD"),  # exactly a billion: not "1000 million"
    ("$2 trillion", "2 trillion USD"),
    ("1,000,000.5", "1.0000005 million"),  # just above a million: its half unit is kept
])
def test_read_step_names_the_magnitude_of_an_exact_power(text, read_as):
    assert read_value(text).steps[0] == f"read '{text}' as {read_as}"


def test_nine_months_total_as_a_yearly_rate_is_scaled_up_by_a_third():
    # January-September 2019: nine whole months, 0.75 year; 90 / 0.75 = 120 a year, a factor of
    # 1 / 0.75 = 1.333…, written to two decimals as "× 1.33" (a factor above 1 multiplies).
    result = convert(Interval(90, 90, "USD"), "USD/year", Period(date(2019, 1, 1), date(2019, 9, 30)))
    assert (result.low, result.high) == (120, 120)
    assert result.steps == (
        ("90 USD over 2019-01-01–2019-09-30 (0.75 years) ÷ 0.75 = 120 USD per year: an extrapolation "
         "(a total for less than a year, scaled up × 1.33 to a rate per year)"),
    )


@pytest.mark.parametrize(("low", "high", "text"), [
    # A date interval open on one side, or on both. `digits` means nothing for dates: the unusual
    # value keeps these arguments apart from any earlier call (the descriptions are cached).
    (None, None, "any date"),
    (date(2031, 2, 3).toordinal(), None, "from 2031-02-03"),
    (None, date(2031, 2, 3).toordinal(), "until 2031-02-03"),
])
def test_open_date_intervals(low, high, text):
    assert describe_interval(low, high, "date", digits=7) == text
