"""figures: compact numbers, amounts and intervals for people. Every expectation hand-written."""

from __future__ import annotations

import math
from datetime import date

import pytest

from hirel.model import Interval
from hirel.values.figures import (
    format_amount,
    format_date_range,
    format_interval,
    format_number,
    format_words,
)


def d(y: int, m: int, day: int) -> float:
    return float(date(y, m, day).toordinal())


@pytest.mark.parametrize(
    "x, expected",
    [
        pytest.param(0, "0", id="zero"),
        pytest.param(50, "50", id="small-int"),
        pytest.param(0.25, "0.25", id="fraction"),
        pytest.param(12.5, "12.5", id="one-decimal"),
        pytest.param(999, "999", id="below-thousand"),
        pytest.param(999.9, "999.9", id="just-below-thousand"),
        pytest.param(1000, "1K", id="thousand"),
        pytest.param(1234, "1.23K", id="three-significant"),
        pytest.param(651_000, "651K", id="651K"),
        pytest.param(999_999, "1M", id="rounds-up-a-magnitude"),
        pytest.param(1_000_000, "1M", id="million"),
        pytest.param(21_428_571, "21.4M", id="21.4M"),
        pytest.param(25_000_000, "25M", id="25M"),
        pytest.param(360_000_000, "360M", id="360M"),
        pytest.param(1_500_000_000, "1.5B", id="1.5B"),
        pytest.param(2.5e12, "2.5T", id="trillion"),
        pytest.param(-5_000_000, "-5M", id="negative"),
        pytest.param(2.0, "2", id="integral-float"),
    ],
)
def test_format_number(x: float, expected: str) -> None:
    assert format_number(x) == expected


@pytest.mark.parametrize(
    "x, expected",
    [
        pytest.param(30_000_000, "30 million", id="30-million"),
        pytest.param(1.5e9, "1.5 billion", id="1.5-billion"),
        pytest.param(651_000, "651 thousand", id="651-thousand"),
        pytest.param(50, "50", id="small"),
        pytest.param(21_426_476.34, "21.4 million", id="rounded"),
    ],
)
def test_format_words(x: float, expected: str) -> None:
    assert format_words(x) == expected


@pytest.mark.parametrize("bad", [math.nan, math.inf, -math.inf])
def test_format_number_rejects_non_finite(bad: float) -> None:
    with pytest.raises(ValueError, match="not a finite number"):
        format_number(bad)


def test_format_number_rejects_bool() -> None:
    with pytest.raises(TypeError):
        format_number(True)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "x, unit, expected",
    [
        pytest.param(360e6, "USD/year", "$360M/yr", id="usd-year"),
        pytest.param(30e6, "EUR/month", "€30M/mo", id="eur-month"),
        pytest.param(5e9, "GBP", "£5B", id="gbp-total"),
        pytest.param(1e9, "JPY/week", "¥1B/wk", id="jpy-week"),
        pytest.param(2e6, "ILS/day", "₪2M/day", id="ils-day"),
        pytest.param(100, "USD/hour", "$100/hr", id="usd-hour"),
        pytest.param(5e6, "CHF", "CHF 5M", id="unknown-code"),
        pytest.param(3e12, "IRR/year", "IRR 3T/yr", id="rials"),
        pytest.param(651_000, "USD", "$651K", id="651K"),
        pytest.param(50, "percent", "50%", id="percent"),
        pytest.param(12.5, "percent", "12.5%", id="percent-decimal"),
        pytest.param(3, "percent/year", "3%/yr", id="percent-rate"),
        pytest.param(9000, "count", "9,000", id="count"),
        pytest.param(12, "count", "12", id="count-small"),
        pytest.param(2.5e6, "count", "2.5M", id="count-large"),
        pytest.param(10, "count/day", "10/day", id="count-rate"),
        pytest.param(d(2017, 7, 1), "date", "2017-07-01", id="date-ordinal"),
        pytest.param(None, "USD", "?", id="none"),
        pytest.param(360e6, "usd / year", "$360M/yr", id="loose-unit-string"),
    ],
)
def test_format_amount(x: float | None, unit: str, expected: str) -> None:
    assert format_amount(x, unit) == expected


@pytest.mark.parametrize(
    "interval, expected",
    [
        pytest.param(Interval(360e6, 360e6, "USD/year"), "$360M/yr", id="point"),
        pytest.param(Interval(90e6, 110e6, "USD/year"), "$90M–$110M/yr", id="range"),
        pytest.param(Interval(25e6, None, "USD/year"), "≥ $25M/yr", id="low-only"),
        pytest.param(Interval(None, 5e6, "USD"), "≤ $5M", id="high-only"),
        pytest.param(Interval(0, 5e6, "USD"), "≤ $5M", id="floor-zero"),
        pytest.param(Interval(None, None, "USD"), "any value", id="unbounded"),
        pytest.param(Interval(40, 50, "percent"), "40%–50%", id="percent-range"),
        pytest.param(Interval(50, None, "percent"), "≥ 50%", id="percent-low"),
        pytest.param(Interval(9000, None, "count"), "≥ 9,000", id="count-low"),
        pytest.param(Interval(30e6, 30e6, "EUR/month"), "€30M/mo", id="eur"),
        pytest.param(Interval(1e8, 1.0004e8, "USD"), "$100M", id="same-text-collapses"),
        pytest.param(Interval(1e7, 1e8, "USD"), "$10M–$100M", id="order-of-magnitude"),
    ],
)
def test_format_interval_amounts(interval: Interval, expected: str) -> None:
    assert format_interval(interval) == expected


@pytest.mark.parametrize(
    "low, high, expected",
    [
        pytest.param(d(2012, 1, 1), d(2012, 12, 31), "2012", id="whole-year"),
        pytest.param(d(2019, 7, 1), d(2019, 7, 31), "2019-07", id="whole-month"),
        pytest.param(d(2019, 2, 1), d(2019, 2, 28), "2019-02", id="february"),
        pytest.param(d(2020, 2, 1), d(2020, 2, 29), "2020-02", id="leap-february"),
        pytest.param(d(2019, 7, 22), d(2019, 7, 22), "2019-07-22", id="day"),
        pytest.param(d(1990, 1, 1), d(1993, 12, 31), "1990–1993", id="years"),
        pytest.param(d(2017, 4, 1), d(2017, 9, 30), "2017-04-01–2017-09-30", id="other"),
        pytest.param(d(2019, 7, 1), d(2019, 7, 30), "2019-07-01–2019-07-30", id="not-whole-month"),
        pytest.param(d(2017, 1, 1), None, "since 2017", id="since-year"),
        pytest.param(d(2017, 3, 1), None, "since 2017-03", id="since-month"),
        pytest.param(d(2017, 3, 5), None, "since 2017-03-05", id="since-day"),
        pytest.param(None, d(2019, 12, 31), "until 2019", id="until-year"),
        pytest.param(None, d(2019, 6, 30), "until 2019-06", id="until-month"),
        pytest.param(None, d(2019, 6, 3), "until 2019-06-03", id="until-day"),
        pytest.param(None, None, "any date", id="unknown"),
    ],
)
def test_format_interval_dates(low: float | None, high: float | None, expected: str) -> None:
    assert format_interval(Interval(low, high, "date")) == expected


def test_format_date_range_matches_interval_form() -> None:
    assert format_date_range(date(2014, 1, 1), date(2020, 12, 31)) == "2014–2020"
