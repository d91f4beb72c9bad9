"""units: parsing unit strings and converting intervals. Expected figures worked out by hand."""

from __future__ import annotations

from datetime import date

import pytest

from hirel.model import Interval, Period
from hirel.values.units import (
    DAYS_PER,
    ConversionError,
    Unit,
    UnitError,
    convert,
    describe_interval,
    parse_unit,
    period_length,
    rate_factor,
)


def assert_close(actual: float | None, expected: float | None) -> None:
    if expected is None:
        assert actual is None
    else:
        assert actual == pytest.approx(expected, rel=1e-9)


@pytest.mark.parametrize(
    "text, base, per",
    [
        pytest.param("USD/year", "USD", "year", id="canonical"),
        pytest.param("usd / yr", "USD", "year", id="lowercase-spaces-yr"),
        pytest.param("USD per year", "USD", "year", id="per-word"),
        pytest.param("USD a year", "USD", "year", id="a-year"),
        pytest.param("USD/annum", "USD", "year", id="annum"),
        pytest.param("USD/annual", "USD", "year", id="annual"),
        pytest.param("USD/y", "USD", "year", id="y"),
        pytest.param("EUR/month", "EUR", "month", id="eur-month"),
        pytest.param("EUR/mo", "EUR", "month", id="mo"),
        pytest.param("EUR/mon", "EUR", "month", id="mon"),
        pytest.param("GBP/week", "GBP", "week", id="week"),
        pytest.param("GBP/wk", "GBP", "week", id="wk"),
        pytest.param("ILS/day", "ILS", "day", id="day"),
        pytest.param("ILS/d", "ILS", "day", id="d"),
        pytest.param("USD/hour", "USD", "hour", id="hour"),
        pytest.param("USD/h", "USD", "hour", id="h"),
        pytest.param("USD/hr", "USD", "hour", id="hr"),
        pytest.param("USD/years", "USD", "year", id="plural"),
        pytest.param("USD", "USD", None, id="total"),
        pytest.param("usd", "USD", None, id="known-code-lowercase"),
        pytest.param("CHF", "CHF", None, id="chf"),
        pytest.param("QAR/month", "QAR", "month", id="any-uppercase-code"),
        pytest.param("$", "USD", None, id="dollar-sign"),
        pytest.param("€/year", "EUR", "year", id="euro-sign"),
        pytest.param("percent", "percent", None, id="percent"),
        pytest.param("%", "percent", None, id="percent-sign"),
        pytest.param("per cent", "percent", None, id="per-cent"),
        pytest.param("percent/year", "percent", "year", id="percent-rate"),
        pytest.param("count", "count", None, id="count"),
        pytest.param("Count/day", "count", "day", id="count-rate"),
        pytest.param("date", "date", None, id="date"),
        pytest.param("  USD/year  ", "USD", "year", id="surrounding-space"),
        pytest.param("USD\u00a0/\u00a0year", "USD", "year", id="nbsp"),
    ],
)
def test_parse_unit(text: str, base: str, per: str | None) -> None:
    assert parse_unit(text) == Unit(base, per)


@pytest.mark.parametrize(
    "text, fragment",
    [
        pytest.param("USD/fortnight", "unknown unit 'USD/fortnight'", id="unknown-per"),
        pytest.param("dollars/decade", "'decade' is not a time unit", id="decade"),
        pytest.param("foo", "unknown unit 'foo'", id="lowercase-word"),
        pytest.param("USDX", "unknown unit 'USDX'", id="four-letters"),
        pytest.param("", "no unit given", id="empty"),
        pytest.param("   ", "no unit given", id="blank"),
        pytest.param("USD/", "unknown unit 'USD/'", id="missing-per"),
        pytest.param("/year", "unknown unit '/year'", id="missing-base"),
        pytest.param("date/year", "a date cannot be per year", id="date-rate"),
        pytest.param("USD/year/month", "unknown unit", id="two-pers"),
    ],
)
def test_parse_unit_errors(text: str, fragment: str) -> None:
    with pytest.raises(UnitError) as excinfo:
        parse_unit(text)
    assert fragment in str(excinfo.value)


def test_parse_unit_rejects_non_string() -> None:
    with pytest.raises(UnitError):
        parse_unit(5)  # type: ignore[arg-type]


def test_parse_unit_passes_a_unit_through() -> None:
    unit = Unit("USD", "year")
    assert parse_unit(unit) is unit


@pytest.mark.parametrize(
    "unit, text, is_currency",
    [
        pytest.param(Unit("USD", "year"), "USD/year", True, id="usd-year"),
        pytest.param(Unit("EUR", "month"), "EUR/month", True, id="eur-month"),
        pytest.param(Unit("percent"), "percent", False, id="percent"),
        pytest.param(Unit("count"), "count", False, id="count"),
        pytest.param(Unit("date"), "date", False, id="date"),
    ],
)
def test_unit_str_and_kind(unit: Unit, text: str, is_currency: bool) -> None:
    assert str(unit) == text
    assert unit.is_currency is is_currency


def test_days_per_are_the_documented_factors() -> None:
    assert DAYS_PER == {"hour": 1 / 24, "day": 1.0, "week": 7.0, "month": 30.4375, "year": 365.25}


@pytest.mark.parametrize(
    "source, target, factor",
    [
        pytest.param("month", "year", 12.0, id="month-year"),
        pytest.param("year", "month", 1 / 12, id="year-month"),
        pytest.param("week", "year", 365.25 / 7, id="week-year"),
        pytest.param("day", "year", 365.25, id="day-year"),
        pytest.param("hour", "day", 24.0, id="hour-day"),
        pytest.param("hour", "year", 8766.0, id="hour-year"),
        pytest.param("day", "week", 7.0, id="day-week"),
        pytest.param("year", "year", 1.0, id="same"),
    ],
)
def test_rate_factor(source: str, target: str, factor: float) -> None:
    assert rate_factor(source, target) == pytest.approx(factor)


@pytest.mark.parametrize(
    "interval, target, low, high, step",
    [
        pytest.param(
            Interval(3e7, 3e7, "USD/month"), "USD/year", 3.6e8, 3.6e8,
            "30 million USD per month × 12 = 360 million USD per year", id="month-to-year",
        ),
        pytest.param(
            Interval(3.6e8, 3.6e8, "USD/year"), "USD/month", 3e7, 3e7,
            "360 million USD per year ÷ 12 = 30 million USD per month", id="year-to-month",
        ),
        pytest.param(
            Interval(9e7, 1.1e8, "USD/year"), "USD/month", 7.5e6, 1.1e8 / 12,
            "90 million to 110 million USD per year ÷ 12 = 7.5 million to 9.17 million USD per month",
            id="range",
        ),
        pytest.param(
            Interval(7e6, None, "EUR/week"), "EUR/day", 1e6, None,
            "at least 7 million EUR per week ÷ 7 = at least 1 million EUR per day", id="open-high",
        ),
        pytest.param(
            Interval(0, 24, "count/day"), "count/hour", 0.0, 1.0,
            "at most 24 per day ÷ 24 = at most 1 per hour", id="count-rate",
        ),
        pytest.param(
            Interval(1e6, 1e6, "USD/day"), "USD/year", 3.6525e8, 3.6525e8,
            "1 million USD per day × 365.25 = 365 million USD per year", id="day-to-year",
        ),
        pytest.param(
            Interval(1e6, 1e6, "USD/week"), "USD/year", 1e6 * 365.25 / 7, 1e6 * 365.25 / 7,
            "1 million USD per week × 52.18 = 52.2 million USD per year", id="week-to-year",
        ),
        pytest.param(
            Interval(2, 3, "percent/month"), "percent/year", 24.0, 36.0,
            "2 to 3 percent per month × 12 = 24 to 36 percent per year", id="percent-rate",
        ),
    ],
)
def test_convert_rates(
    interval: Interval, target: str, low: float | None, high: float | None, step: str
) -> None:
    result = convert(interval, target)
    assert_close(result.low, low)
    assert_close(result.high, high)
    assert result.unit == str(parse_unit(target))
    assert result.steps[-1] == step


def test_convert_keeps_text_and_earlier_steps() -> None:
    source = Interval(3e7, 3e7, "USD/month", "$30 million a month", ("read it",))
    result = convert(source, Unit("USD", "year"))
    assert result.text == "$30 million a month"
    assert result.steps[0] == "read it"
    assert len(result.steps) == 2


def test_convert_same_unit_normalizes_the_unit_string_only() -> None:
    source = Interval(1.0, 2.0, "usd / yr", "x", ("a",))
    assert convert(source, "USD/year") == Interval(1.0, 2.0, "USD/year", "x", ("a",))


def test_convert_returns_round_numbers() -> None:
    # 1.1e8 / 12 * 12 and friends must not leave binary noise like 110000000.00000001.
    assert convert(Interval(1.1e8, 1.1e8, "USD/month"), "USD/year").low == 1.32e9


Y2014_2020 = Period(date(2014, 1, 1), date(2020, 12, 31), "2014/2020")


@pytest.mark.parametrize(
    "interval, target, period, low, high",
    [
        # 2014-01-01..2020-12-31 is 84 whole months = exactly 7 years; 150M / 7 = 21,428,571.43.
        pytest.param(Interval(1.5e8, None, "USD"), "USD/year", Y2014_2020, 150e6 / 7, None, id="corpus-150m"),
        # A whole calendar year is one year, leap or not.
        pytest.param(
            Interval(1.5e8, 1.5e8, "USD"), "USD/year", Period(date(2020, 1, 1), date(2020, 12, 31)),
            1.5e8, 1.5e8, id="leap-year",
        ),
        pytest.param(
            Interval(3.6525e8, 3.6525e8, "USD"), "USD/year", Period(date(2019, 1, 1), date(2019, 12, 31)),
            3.6525e8, 3.6525e8, id="one-year",
        ),
        # Not whole months: 2019-01-15..2019-07-14 is 181 days = 181/365.25 years.
        pytest.param(
            Interval(1.81e8, 1.81e8, "USD"), "USD/year", Period(date(2019, 1, 15), date(2019, 7, 14)),
            1.81e8 * 365.25 / 181, 1.81e8 * 365.25 / 181, id="partial-months-by-days",
        ),
        # July 2019 is one whole month, whatever its 31 days.
        pytest.param(
            Interval(31e6, 31e6, "EUR"), "EUR/month", Period(date(2019, 7, 1), date(2019, 7, 31)),
            31e6, 31e6, id="one-month",
        ),
        pytest.param(
            Interval(365, 730, "count"), "count/day", Period(date(2019, 1, 1), date(2019, 12, 31)),
            1.0, 2.0, id="count-per-day",
        ),
        pytest.param(
            Interval(None, 10, "count"), "count/day", Period(date(2019, 7, 22), date(2019, 7, 22)),
            None, 10.0, id="single-day",
        ),
    ],
)
def test_convert_total_to_rate(
    interval: Interval, target: str, period: Period, low: float | None, high: float | None
) -> None:
    result = convert(interval, target, period)
    assert_close(result.low, low)
    assert_close(result.high, high)


def test_total_to_rate_step_shows_the_period_and_divisor() -> None:
    result = convert(Interval(1.5e8, None, "USD"), "USD/year", Y2014_2020)
    assert result.steps == (
        ("at least 150 million USD over 2014-01-01–2020-12-31 (7 years) ÷ 7 = "
         "at least 21.4 million USD per year"),
    )


def test_period_length_counts_both_ends() -> None:
    assert period_length(Y2014_2020, "day") == 2557
    assert period_length(Y2014_2020, "year") == 7.0
    assert period_length(Y2014_2020, "month") == 84.0


@pytest.mark.parametrize(
    "interval, target, period, fragment",
    [
        pytest.param(Interval(1, 1, "EUR/year"), "USD/year", None,
                     "cannot convert EUR/year to USD/year: hirel never converts between currencies", id="currencies"),
        pytest.param(Interval(1, 1, "GBP"), "USD", None, "never converts between currencies", id="currency-totals"),
        pytest.param(Interval(1, 1, "percent"), "USD/year", None,
                     "a percentage and an amount of money are different kinds", id="percent-to-money"),
        pytest.param(Interval(1, 1, "count"), "percent", None, "a count and a percentage", id="count-to-percent"),
        pytest.param(Interval(1, 1, "date"), "count", None, "a date and a count", id="date-to-count"),
        pytest.param(Interval(1, 1, "USD/year"), "USD", None, "a rate is not a total", id="rate-to-total"),
        pytest.param(Interval(1, 1, "USD"), "USD/year", None, "needs a start and an end", id="total-no-period"),
        pytest.param(Interval(1, 1, "USD"), "USD/year", Period(), "needs a start and an end", id="total-unknown-period"),
        pytest.param(Interval(1, 1, "USD"), "USD/year", Period(date(2017, 1, 1), None),
                     "needs a start and an end", id="total-open-period"),
        pytest.param(Interval(1, 1, "USD"), "USD/year", Period(None, date(2017, 1, 1)),
                     "needs a start and an end", id="total-open-start"),
    ],
)
def test_convert_errors(interval: Interval, target: str, period: Period | None, fragment: str) -> None:
    with pytest.raises(ConversionError) as excinfo:
        convert(interval, target, period)
    assert fragment in str(excinfo.value)


def test_convert_bad_target_unit_is_a_unit_error() -> None:
    with pytest.raises(UnitError):
        convert(Interval(1, 1, "USD"), "USD/fortnight")


@pytest.mark.parametrize(
    "low, high, unit, expected",
    [
        pytest.param(3e7, 3e7, "USD/month", "30 million USD per month", id="point"),
        pytest.param(651_000, 651_000, "USD", "651,000 USD", id="below-million-digits"),
        pytest.param(9e7, 1.1e8, "USD/year", "90 million to 110 million USD per year", id="range"),
        pytest.param(1.5e8, None, "USD", "at least 150 million USD", id="low-only"),
        pytest.param(0, 5e6, "USD", "at most 5 million USD", id="zero-floor"),
        pytest.param(None, 5e6, "USD", "at most 5 million USD", id="high-only"),
        pytest.param(None, None, "USD", "any value", id="unbounded"),
        pytest.param(50, 50, "percent", "50 percent", id="percent"),
        pytest.param(9000, 9000, "count", "9,000", id="count"),
        pytest.param(12.5, 12.5, "percent", "12.5 percent", id="decimal"),
        pytest.param(date(2017, 5, 1).toordinal(), date(2017, 8, 31).toordinal(), "date",
                     "2017-05-01–2017-08-31", id="dates"),
        pytest.param(date(2017, 1, 1).toordinal(), None, "date", "from 2017-01-01", id="date-open"),
        pytest.param(None, date(2019, 12, 31).toordinal(), "date", "until 2019-12-31", id="date-until"),
    ],
)
def test_describe_interval(low: float | None, high: float | None, unit: str, expected: str) -> None:
    assert describe_interval(low, high, unit) == expected


@pytest.mark.parametrize("period, length", [
    (Period(date(2019, 12, 1), date(2020, 2, 29)), "0.25"),   # three whole months
    (Period(date(2019, 7, 22), date(2019, 7, 22)), "0.00274"),  # one day: 1/365.25
    (Period(date(2020, 1, 1), date(2020, 12, 31)), "1"),
], ids=["quarter", "one-day", "one-year"])
def test_total_to_rate_step_shows_a_divisor_that_redoes_the_sum(period, length) -> None:
    step = convert(Interval(5e6, 5e6, "USD"), "USD/year", period).steps[-1]
    assert f" ÷ {length} = " in step
