"""Units: messages and steps that the surviving mutants of `hirel.values.units` showed asserted
only in part. Expected texts written by hand from the messages' wording in
`hirel.values.units` and docs/values.md (a total spread over a closed period; a total for less
than the rate's time unit is an extrapolation)."""

from __future__ import annotations

from datetime import date

import pytest

from hirel.model import Interval, Period
from hirel.values.units import (
    ConversionError,
    UnitError,
    convert,
    describe_interval,
    describe_quantity,
    parse_unit,
    period_length,
)

HINT = ("expected a currency code (USD, EUR, …), percent, count or date, "
        "optionally followed by /hour, /day, /week, /month or /year")


@pytest.mark.parametrize(("text", "message"), [
    (5, f"unknown unit 5: {HINT}"),
    ("   ", f"no unit given: {HINT}"),
    ("date/year", "unknown unit 'date/year': a date cannot be per year"),
])
def test_unit_messages_whole(text, message):
    with pytest.raises(UnitError) as caught:
        parse_unit(text)
    assert str(caught.value) == message


def test_period_length_needs_both_ends():
    with pytest.raises(ValueError) as caught:
        period_length(Period(date(2019, 1, 1), None), "year")
    assert str(caught.value) == "period_length needs a period with a start and an end"


@pytest.mark.parametrize(("source", "target", "message"), [
    ("USD", "EUR", "cannot convert USD to EUR: hirel never converts between currencies"),
    ("USD/year", "USD", ("cannot convert USD/year to USD: a rate is not a total, and hirel does "
                         "not multiply a rate by a period")),
    ("USD", "USD/year", ("cannot convert a total in USD to USD/year: the claim's period (when) "
                         "needs a start and an end to spread the total over")),
])
def test_conversion_messages_whole(source, target, message):
    with pytest.raises(ConversionError) as caught:
        convert(Interval(10, 10, source), target)
    assert str(caught.value) == message


def test_a_month_total_as_a_yearly_rate_is_an_extrapolation():
    # July 2019 is one whole month: 1/12 year ('0.0833' to three digits); 10 / (1/12) = 120.
    result = convert(Interval(10, 10, "USD"), "USD/year", Period(date(2019, 7, 1), date(2019, 7, 31)))
    assert (result.low, result.high) == (120, 120)
    assert result.steps[-1] == (
        "10 USD over 2019-07-01–2019-07-31 (0.0833 years) ÷ 0.0833 = 120 USD per year: an "
        "extrapolation (a total for less than a year, scaled up × 12 to a rate per year)"
    )


def test_dates_in_words():
    first = date(2017, 1, 1).toordinal()
    last = date(2019, 12, 31).toordinal()
    assert describe_interval(None, None, "date") == "any date"
    assert describe_interval(first, None, "date") == "from 2017-01-01"
    assert describe_interval(None, last, "date") == "until 2019-12-31"
    assert describe_quantity(first, "date") == "2017-01-01"


def test_different_kinds_of_quantity_message_whole():
    with pytest.raises(ConversionError) as caught:
        convert(Interval(10, 10, "USD"), "percent")
    assert str(caught.value) == ("cannot convert USD to percent: an amount of money and a "
                                 "percentage are different kinds of quantity")


def test_one_whole_year_is_written_in_the_singular():
    result = convert(Interval(10, 10, "USD"), "USD/year", Period(date(2019, 1, 1), date(2019, 12, 31)))
    assert result.steps[-1] == "10 USD over 2019-01-01–2019-12-31 (1 year) ÷ 1 = 10 USD per year"


def test_a_length_of_ten_or_more_years_keeps_two_decimals():
    # 2010-01 to 2020-03: 123 whole months, 10.25 years (three significant digits would be 10.2).
    result = convert(Interval(10, 10, "USD"), "USD/year", Period(date(2010, 1, 1), date(2020, 3, 31)))
    assert "(10.25 years) ÷ 10.25 = " in result.steps[-1]
