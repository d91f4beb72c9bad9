"""values: the value grammar. Every expected interval below was worked out by hand."""

from __future__ import annotations

import math
from datetime import date

import pytest

from hirel.model import Interval, Period
from hirel.values import (
    DEFAULT_HEDGE,
    ROUNDING_TOLERANCE,
    ValueParseError,
    explain_value,
    figures_in,
    intervals_overlap,
    normalize_value,
    read_value,
    value_figures_in_quote,
)
from hirel.values.units import ConversionError, Unit

M = 1e6
B = 1e9


def assert_interval(result: Interval, low: float | None, high: float | None, unit: str) -> None:
    """The figure as written (hedges applied, before written precision widens it)."""
    for actual, expected in zip(result.as_written, (low, high)):
        if expected is None:
            assert actual is None
        else:
            assert actual == pytest.approx(expected, rel=1e-9)
    assert result.unit == unit


def test_documented_defaults() -> None:
    assert DEFAULT_HEDGE == 0.10
    assert ROUNDING_TOLERANCE == 0.0  # replaced by written precision (test_precision_and_changes.py)


# --- amounts, currencies, magnitudes --------------------------------------------------------

AMOUNTS = [
    # the corpus
    ("about $100 million per year", 90 * M, 110 * M, "USD/year"),
    ("$30 million a month", 30 * M, 30 * M, "USD/month"),
    ("tens of millions of dollars", 10 * M, 100 * M, "USD"),
    ("hundreds of thousands of dollars", 100_000, 1 * M, "USD"),
    ("$651,000", 651_000, 651_000, "USD"),
    ("$260m", 260 * M, 260 * M, "USD"),
    ("more than $150 million", 150 * M, None, "USD"),
    # dollars written every way
    ("$1.5bn", 1.5 * B, 1.5 * B, "USD"),
    ("$ 30 million", 30 * M, 30 * M, "USD"),
    ("20 million dollars", 20 * M, 20 * M, "USD"),
    ("20 million US dollars", 20 * M, 20 * M, "USD"),
    ("USD 5 million", 5 * M, 5 * M, "USD"),
    ("5 million USD", 5 * M, 5 * M, "USD"),
    ("usd 5 million", 5 * M, 5 * M, "USD"),
    ("US$30 million", 30 * M, 30 * M, "USD"),
    ("US$ 30 million", 30 * M, 30 * M, "USD"),
    ("$30million", 30 * M, 30 * M, "USD"),
    ("$30M", 30 * M, 30 * M, "USD"),
    ("$651K", 651_000, 651_000, "USD"),
    ("$651k", 651_000, 651_000, "USD"),
    ("$2.5 thousand", 2_500, 2_500, "USD"),
    ("$5 mn", 5 * M, 5 * M, "USD"),
    ("$5mn", 5 * M, 5 * M, "USD"),
    ("$5 mln", 5 * M, 5 * M, "USD"),
    ("$2B", 2 * B, 2 * B, "USD"),
    ("$2b", 2 * B, 2 * B, "USD"),
    ("$2 bn", 2 * B, 2 * B, "USD"),
    ("$1 trillion", 1e12, 1e12, "USD"),
    ("$1T", 1e12, 1e12, "USD"),
    ("$1.2tn", 1.2e12, 1.2e12, "USD"),
    ("$5 millions", 5 * M, 5 * M, "USD"),
    ("$.5 million", 0.5 * M, 0.5 * M, "USD"),
    ("$1,234,567.89", 1_234_567.89, 1_234_567.89, "USD"),
    ("$10 000", 10_000, 10_000, "USD"),
    ("$10\u00a0000", 10_000, 10_000, "USD"),
    ("$10\u202f000", 10_000, 10_000, "USD"),
    ("$1 000 000", 1 * M, 1 * M, "USD"),
    ("$0", 0, 0, "USD"),
    # other currencies keep their code
    ("£5bn", 5 * B, 5 * B, "GBP"),
    ("5 billion pounds", 5 * B, 5 * B, "GBP"),
    ("GBP 5 billion", 5 * B, 5 * B, "GBP"),
    ("€30M", 30 * M, 30 * M, "EUR"),
    ("30 million euros", 30 * M, 30 * M, "EUR"),
    ("EUR 30 million", 30 * M, 30 * M, "EUR"),
    ("¥10bn", 10 * B, 10 * B, "JPY"),
    ("JPY 10 billion", 10 * B, 10 * B, "JPY"),
    ("10 billion yen", 10 * B, 10 * B, "JPY"),
    ("₪5 million", 5 * M, 5 * M, "ILS"),
    ("ILS 5 million", 5 * M, 5 * M, "ILS"),
    ("5 million shekels", 5 * M, 5 * M, "ILS"),
    ("NIS 5 million", 5 * M, 5 * M, "ILS"),
    ("IRR 3 trillion", 3e12, 3e12, "IRR"),
    ("3 trillion rials", 3e12, 3e12, "IRR"),
    ("CHF 5m", 5 * M, 5 * M, "CHF"),
    ("5 million Swiss francs", 5 * M, 5 * M, "CHF"),
    ("QAR 5 million", 5 * M, 5 * M, "QAR"),
    ("5 million QAR", 5 * M, 5 * M, "QAR"),
    ("C$5 million", 5 * M, 5 * M, "CAD"),
    ("USD30m", 30 * M, 30 * M, "USD"),
    ("CHF5m", 5 * M, 5 * M, "CHF"),
    ("5m USD", 5 * M, 5 * M, "USD"),
    # spelled numbers
    ("a million dollars", 1 * M, 1 * M, "USD"),
    ("a billion dollars", 1 * B, 1 * B, "USD"),
    ("one million dollars", 1 * M, 1 * M, "USD"),
    ("two billion dollars", 2 * B, 2 * B, "USD"),
    ("ten million dollars", 10 * M, 10 * M, "USD"),
    ("twelve million dollars", 12 * M, 12 * M, "USD"),
    ("twenty million dollars", 20 * M, 20 * M, "USD"),
    ("thirty million dollars", 30 * M, 30 * M, "USD"),
    ("twenty-five million dollars", 25 * M, 25 * M, "USD"),
    ("a hundred million dollars", 100 * M, 100 * M, "USD"),
    ("two hundred million dollars", 200 * M, 200 * M, "USD"),
    ("a hundred thousand dollars", 100_000, 100_000, "USD"),
    ("half a million dollars", 500_000, 500_000, "USD"),
    ("half a billion dollars", 0.5 * B, 0.5 * B, "USD"),
    ("a quarter of a million dollars", 250_000, 250_000, "USD"),
    ("one and a half billion dollars", 1.5 * B, 1.5 * B, "USD"),
    ("$ one million", 1 * M, 1 * M, "USD"),
    # vague multipliers (documented: a few = 2–9, several = 3–9, a couple = 2–3)
    ("a few million dollars", 2 * M, 9 * M, "USD"),
    ("several million dollars", 3 * M, 9 * M, "USD"),
    ("several billion dollars", 3 * B, 9 * B, "USD"),
    ("a couple of million dollars", 2 * M, 3 * M, "USD"),
    ("a few thousand dollars", 2_000, 9_000, "USD"),
]


@pytest.mark.parametrize(
    "raw, low, high, unit", [pytest.param(*case, id=case[0]) for case in AMOUNTS]
)
def test_amounts(raw: str, low: float, high: float | None, unit: str) -> None:
    assert_interval(read_value(raw), low, high, unit)


# --- orders of magnitude --------------------------------------------------------------------

ORDERS = [
    ("tens of millions", 1e7, 1e8),
    ("hundreds of thousands", 1e5, 1e6),
    ("hundreds of millions", 1e8, 1e9),
    ("millions", 1e6, 1e9),
    ("thousands", 1e3, 1e6),
    ("tens of thousands", 1e4, 1e5),
    ("billions", 1e9, 1e12),
    ("tens of billions", 1e10, 1e11),
    ("hundreds of billions", 1e11, 1e12),
    ("trillions", 1e12, 1e15),
    ("dozens", 24, 144),
    ("hundreds", 100, 1000),
    ("Tens Of Millions", 1e7, 1e8),
]


@pytest.mark.parametrize("raw, low, high", [pytest.param(*c, id=c[0]) for c in ORDERS])
def test_orders_of_magnitude_as_counts(raw: str, low: float, high: float) -> None:
    assert_interval(read_value(raw), low, high, "count")


@pytest.mark.parametrize(
    "raw, low, high, unit",
    [
        pytest.param("tens of millions of dollars", 1e7, 1e8, "USD", id="of-dollars"),
        pytest.param("tens of millions of dollars a year", 1e7, 1e8, "USD/year", id="of-dollars-rate"),
        pytest.param("hundreds of millions of euros annually", 1e8, 1e9, "EUR/year", id="euros-annually"),
        pytest.param("$ tens of millions", 1e7, 1e8, "USD", id="sign-first"),
        pytest.param("millions of dollars per month", 1e6, 1e9, "USD/month", id="millions-per-month"),
        pytest.param("tens of thousands of shekels", 1e4, 1e5, "ILS", id="shekels"),
        pytest.param("over tens of millions of dollars", 1e7, None, "USD", id="hedged"),
    ],
)
def test_orders_of_magnitude_with_units(raw: str, low: float, high: float | None, unit: str) -> None:
    assert_interval(read_value(raw), low, high, unit)


# --- rates -----------------------------------------------------------------------------------

RATES = [
    ("$5 million per year", "year"),
    ("$5 million a year", "year"),
    ("$5 million an year", "year"),
    ("$5 million each year", "year"),
    ("$5 million every year", "year"),
    ("$5 million annually", "year"),
    ("$5 million yearly", "year"),
    ("$5 million per annum", "year"),
    ("$5 million p.a.", "year"),
    ("$5 million/yr", "year"),
    ("$5 million / year", "year"),
    ("$5 million/y", "year"),
    ("$5 million per yr", "year"),
    ("$5 million per month", "month"),
    ("$5 million a month", "month"),
    ("$5 million each month", "month"),
    ("$5 million monthly", "month"),
    ("$5 million/mo", "month"),
    ("$5 million/month", "month"),
    ("$5m/mo", "month"),
    ("$5 million per week", "week"),
    ("$5 million a week", "week"),
    ("$5 million weekly", "week"),
    ("$5 million/wk", "week"),
    ("$5 million/week", "week"),
    ("$5 million per day", "day"),
    ("$5 million a day", "day"),
    ("$5 million daily", "day"),
    ("$5 million/day", "day"),
    ("$5 million per hour", "hour"),
    ("$5 million an hour", "hour"),
    ("$5 million hourly", "hour"),
    ("$5 million/hour", "hour"),
    ("$5 million/hr", "hour"),
    ("$5 MILLION PER YEAR", "year"),
]


@pytest.mark.parametrize("raw, per", [pytest.param(*c, id=c[0]) for c in RATES])
def test_rate_forms(raw: str, per: str) -> None:
    assert_interval(read_value(raw), 5 * M, 5 * M, f"USD/{per}")


# --- hedges ----------------------------------------------------------------------------------
# On "100 families": ±10% is [90, 110]; nearly [90, 100]; just over [100, 110];
# a lower bound [100, none]; an upper bound [0, 100].

APPROX_WORDS = ["about", "approximately", "approx.", "approx", "around", "roughly", "some",
                "circa", "ca.", "c.", "~", "≈", "an estimated", "estimated", "in the region of"]
NEARLY_WORDS = ["nearly", "almost", "just under", "just below", "close to", "just shy of",
                "not quite"]
JUST_OVER_WORDS = ["just over", "just above", "slightly more than", "a little over"]
AT_LEAST_WORDS = ["over", "more than", "above", "exceeding", "upwards of", "in excess of",
                  "greater than", "at least", "no less than", "not less than", "a minimum of",
                  "no fewer than", "well over", ">", ">=", "≥"]
AT_MOST_WORDS = ["under", "less than", "fewer than", "below", "up to", "at most", "no more than",
                 "not more than", "a maximum of", "as much as", "as many as", "<", "≤"]


def hedge_cases() -> list:
    cases = []
    for words, low, high in (
        (APPROX_WORDS, 90, 110),
        (NEARLY_WORDS, 90, 100),
        (JUST_OVER_WORDS, 100, 110),
        (AT_LEAST_WORDS, 100, None),
        (AT_MOST_WORDS, 0, 100),
    ):
        for word in words:
            cases.append(pytest.param(f"{word} 100 families", low, high, id=word))
    return cases


@pytest.mark.parametrize("raw, low, high", hedge_cases())
def test_every_pre_hedge(raw: str, low: float, high: float | None) -> None:
    assert_interval(read_value(raw, expect="count"), low, high, "count")


@pytest.mark.parametrize(
    "raw, low, high",
    [
        pytest.param("100 or more", 100, None, id="or-more"),
        pytest.param("100 or over", 100, None, id="or-over"),
        pytest.param("100 plus", 100, None, id="plus"),
        pytest.param("100+", 100, None, id="plus-sign"),
        pytest.param("100+ families", 100, None, id="plus-sign-noun"),
        pytest.param("100 at least", 100, None, id="at-least-after"),
        pytest.param("100 or less", 0, 100, id="or-less"),
        pytest.param("100 or fewer", 0, 100, id="or-fewer"),
        pytest.param("100 at most", 0, 100, id="at-most-after"),
        pytest.param("100 or so", 90, 110, id="or-so"),
        pytest.param("100 more or less", 90, 110, id="more-or-less"),
        pytest.param("about 100 or so", 90, 110, id="approx-once-not-twice"),
    ],
)
def test_post_hedges(raw: str, low: float, high: float | None) -> None:
    assert_interval(read_value(raw, expect="count"), low, high, "count")


@pytest.mark.parametrize(
    "raw, low, high, unit",
    [
        pytest.param("about $100 million per year", 90 * M, 110 * M, "USD/year", id="about-rate"),
        pytest.param("~$100m", 90 * M, 110 * M, "USD", id="tilde"),
        pytest.param("nearly $1 billion", 900 * M, 1 * B, "USD", id="nearly"),
        pytest.param("up to $5 million", 0, 5 * M, "USD", id="up-to"),
        pytest.param("$100m+", 100 * M, None, "USD", id="plus"),
        pytest.param("about $70-100 million", 63 * M, 110 * M, "USD", id="about-range"),
        pytest.param("under 50%", 0, 50, "percent", id="under-percent"),
    ],
)
def test_hedged_amounts(raw: str, low: float, high: float | None, unit: str) -> None:
    assert_interval(read_value(raw), low, high, unit)


def test_hedge_bounds_are_round_numbers() -> None:
    # 100e6 × 1.1 is 110000000.00000001 in binary; the reading shows 110000000.0.
    assert read_value("about $100 million").high == 110_000_000.0


# --- ranges ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "raw, low, high, unit",
    [
        pytest.param("between $5 million and $10 million", 5 * M, 10 * M, "USD", id="between-full"),
        pytest.param("between $5 and $10 million", 5 * M, 10 * M, "USD", id="between-shared-magnitude"),
        pytest.param("between 5 and 10 million dollars", 5 * M, 10 * M, "USD", id="between-currency-after"),
        pytest.param("$5 million to $10 million", 5 * M, 10 * M, "USD", id="to"),
        pytest.param("from $5 million to $10 million", 5 * M, 10 * M, "USD", id="from-to"),
        pytest.param("$70-100 million", 70 * M, 100 * M, "USD", id="hyphen-shared"),
        pytest.param("$70–100 million", 70 * M, 100 * M, "USD", id="en-dash"),
        pytest.param("$70—100 million", 70 * M, 100 * M, "USD", id="em-dash"),
        pytest.param("$70 – 100 million", 70 * M, 100 * M, "USD", id="spaced-en-dash"),
        pytest.param("$70\u2212100 million", 70 * M, 100 * M, "USD", id="minus-sign"),
        pytest.param("$70 million to $1 billion", 70 * M, 1 * B, "USD", id="own-magnitudes"),
        pytest.param("$500,000 to 1 million", 500_000, 1 * M, "USD", id="no-magnitude-inherited"),
        pytest.param("$1-1.5 billion", 1 * B, 1.5 * B, "USD", id="decimal-high"),
        pytest.param("$10–20 million annually", 10 * M, 20 * M, "USD/year", id="range-rate"),
        pytest.param("5 or 6 million", 5 * M, 6 * M, "count", id="or"),
        pytest.param("5-10k", 5_000, 10_000, "count", id="attached-k"),
        pytest.param("40-50%", 40, 50, "percent", id="percent-shared"),
        pytest.param("40%–50%", 40, 50, "percent", id="percent-both"),
        pytest.param("between 40 and 50 percent", 40, 50, "percent", id="between-percent"),
        pytest.param("€70-100 million a year", 70 * M, 100 * M, "EUR/year", id="euro-range"),
        pytest.param("$5 million to $5 million", 5 * M, 5 * M, "USD", id="equal-ends"),
    ],
)
def test_ranges(raw: str, low: float, high: float, unit: str) -> None:
    assert_interval(read_value(raw), low, high, unit)


# --- percentages and counts -------------------------------------------------------------------


@pytest.mark.parametrize(
    "raw, expect, low, high, unit",
    [
        pytest.param("50%", None, 50, 50, "percent", id="sign"),
        pytest.param("50 percent", None, 50, 50, "percent", id="percent"),
        pytest.param("50 per cent", None, 50, 50, "percent", id="per-cent"),
        pytest.param("50 pct", None, 50, 50, "percent", id="pct"),
        pytest.param("over 50%", None, 50, None, "percent", id="over"),
        pytest.param("over 50 percent", None, 50, None, "percent", id="over-words"),
        pytest.param("12.5%", None, 12.5, 12.5, "percent", id="decimal"),
        pytest.param("50", "percent", 50, 50, "percent", id="bare-percent"),
        pytest.param("about 50", "percent", 45, 55, "percent", id="bare-hedged"),
        pytest.param("3% a year", None, 3, 3, "percent/year", id="percent-rate"),
        pytest.param("9,000", None, 9000, 9000, "count", id="count"),
        pytest.param("9,000", "count", 9000, 9000, "count", id="count-expected"),
        pytest.param("more than 9,000 families", "count", 9000, None, "count", id="families"),
        pytest.param("some 9,000 people", "count", 8100, 9900, "count", id="some-people"),
        pytest.param("a dozen", "count", 12, 12, "count", id="dozen"),
        pytest.param("two dozen", "count", 24, 24, "count", id="two-dozen"),
        pytest.param("dozens of rockets", "count", 24, 144, "count", id="dozens-of"),
        pytest.param("hundreds of fighters", "count", 100, 1000, "count", id="hundreds-of"),
        pytest.param("10 rockets a day", "count", 10, 10, "count/day", id="count-rate"),
        pytest.param("up to 10 rockets a day", "count/day", 0, 10, "count/day", id="count-rate-hedged"),
        pytest.param("one", "count", 1, 1, "count", id="one"),
        pytest.param("twelve", "count", 12, 12, "count", id="twelve"),
        pytest.param("a hundred", "count", 100, 100, "count", id="a-hundred"),
        pytest.param("10 000 families", "count", 10_000, 10_000, "count", id="space-grouped"),
        pytest.param("9,000", "USD", 9000, 9000, "USD", id="currency-assumed"),
        pytest.param("30 million", "USD/year", 30 * M, 30 * M, "USD", id="currency-not-rate"),
        pytest.param("30 million a year", "USD/year", 30 * M, 30 * M, "USD/year", id="currency-assumed-rate"),
    ],
)
def test_percent_and_count(raw: str, expect: str | None, low: float, high: float | None, unit: str) -> None:
    assert_interval(read_value(raw, expect=expect), low, high, unit)


def test_assumed_currency_is_a_step() -> None:
    result = read_value("30 million a month", expect="EUR/year")
    assert result.steps[:2] == (
        "read '30 million a month' as 30 million EUR per month",
        "no currency written; taken as EUR (the proposition's unit)",
    )


def test_written_currency_wins_over_expected() -> None:
    result = read_value("€30 million", expect="USD/year")
    assert result.unit == "EUR"


def test_ignored_words_are_a_step() -> None:
    result = read_value("more than 9,000 families", expect="count")
    assert "'families' names what is counted" in result.steps


# --- dates -------------------------------------------------------------------------------------


def ordinal(y: int, m: int, d: int) -> float:
    return float(date(y, m, d).toordinal())


@pytest.mark.parametrize(
    "raw, low, high",
    [
        pytest.param("2012", ordinal(2012, 1, 1), ordinal(2012, 12, 31), id="year"),
        pytest.param(2012, ordinal(2012, 1, 1), ordinal(2012, 12, 31), id="year-int"),
        pytest.param(2012.0, ordinal(2012, 1, 1), ordinal(2012, 12, 31), id="year-float"),
        pytest.param("in 2012", ordinal(2012, 1, 1), ordinal(2012, 12, 31), id="in-year"),
        pytest.param("2019-07", ordinal(2019, 7, 1), ordinal(2019, 7, 31), id="month"),
        pytest.param(date(2019, 7, 22), ordinal(2019, 7, 22), ordinal(2019, 7, 22), id="date-object"),
        pytest.param("mid-2017", ordinal(2017, 5, 1), ordinal(2017, 8, 31), id="mid"),
        pytest.param("end 2017", ordinal(2017, 11, 1), ordinal(2017, 12, 31), id="end"),
        pytest.param("early 1990s", ordinal(1990, 1, 1), ordinal(1993, 12, 31), id="early-decade"),
        pytest.param("1990s", ordinal(1990, 1, 1), ordinal(1999, 12, 31), id="decade"),
        pytest.param("since 2017", ordinal(2017, 1, 1), None, id="since"),
        pytest.param("until 2019", None, ordinal(2019, 12, 31), id="until"),
        pytest.param("2014–2020", ordinal(2014, 1, 1), ordinal(2020, 12, 31), id="years"),
        pytest.param("July 22, 2019.", ordinal(2019, 7, 22), ordinal(2019, 7, 22), id="trailing-dot"),
    ],
)
def test_dates(raw: object, low: float | None, high: float | None) -> None:
    assert_interval(read_value(raw, expect="date"), low, high, "date")


def test_date_step() -> None:
    assert read_value("mid-2017", expect="date").steps == ("read 'mid-2017' as 2017-05-01–2017-08-31",)


@pytest.mark.parametrize(
    "raw, fragment",
    [
        pytest.param("mid 20017", "the year 20017 is absurd", id="absurd"),
        pytest.param("2019-02-30", "2019-02-30 is not a date", id="impossible"),
        pytest.param("someday", "expected YYYY", id="word"),
        pytest.param("", "the value is empty", id="empty"),
        pytest.param(2012.5, "a date is a year", id="fractional-year"),
        pytest.param(["2012"], "a list is not a date", id="list"),
    ],
)
def test_date_errors(raw: object, fragment: str) -> None:
    with pytest.raises(ValueParseError) as excinfo:
        read_value(raw, expect="date")
    assert fragment in str(excinfo.value)


# --- mappings and bare numbers ------------------------------------------------------------------


@pytest.mark.parametrize(
    "raw, low, high, unit",
    [
        pytest.param({"low": 1.0e8, "high": 3.5e8, "unit": "USD/year"}, 1e8, 3.5e8, "USD/year", id="full"),
        pytest.param({"low": "1.0e8", "high": "3.5e8", "unit": "USD/year"}, 1e8, 3.5e8, "USD/year", id="yaml-strings"),
        pytest.param({"low": 1e8, "unit": "usd / yr"}, 1e8, None, "USD/year", id="low-only"),
        pytest.param({"high": 5e6, "unit": "EUR"}, None, 5e6, "EUR", id="high-only"),
        pytest.param({"low": 25e6, "high": None, "unit": "USD/year"}, 25e6, None, "USD/year", id="high-none"),
        pytest.param({"low": 40, "high": 60, "unit": "%"}, 40, 60, "percent", id="percent"),
        pytest.param({"low": "1,000", "high": 2000, "unit": "count"}, 1000, 2000, "count", id="grouped-string"),
        pytest.param({"low": 5, "high": 5, "unit": "count"}, 5, 5, "count", id="point"),
        pytest.param(
            {"low": "2017-01-01", "high": "2017-06", "unit": "date"},
            ordinal(2017, 1, 1), ordinal(2017, 6, 30), "date", id="dates",
        ),
        pytest.param(
            {"low": date(2017, 1, 1), "high": 2018, "unit": "date"},
            ordinal(2017, 1, 1), ordinal(2018, 12, 31), "date", id="date-objects",
        ),
    ],
)
def test_mappings(raw: dict, low: float | None, high: float | None, unit: str) -> None:
    assert_interval(read_value(raw), low, high, unit)


def test_mapping_with_date_expectation() -> None:
    raw = {"low": 2017, "high": 2019, "unit": "date"}
    assert_interval(read_value(raw, expect="date"), ordinal(2017, 1, 1), ordinal(2019, 12, 31), "date")


@pytest.mark.parametrize(
    "raw, fragment",
    [
        pytest.param({"low": 3.5e8, "high": 1e8, "unit": "USD/year"}, "the low end (3.5e+08) is above the high end (1e+08)", id="low-above-high"),
        pytest.param({"low": 1e8, "high": 2e8}, "needs a unit", id="no-unit"),
        pytest.param({"low": 1e8, "unit": None}, "needs a unit", id="unit-none"),
        pytest.param({"low": 1e8, "unit": "USD/fortnight"}, "unknown unit 'USD/fortnight'", id="bad-unit"),
        pytest.param({"unit": "USD"}, "needs low, high or both", id="no-bounds"),
        pytest.param({"lo": 1, "unit": "USD"}, "unknown key 'lo'", id="unknown-key"),
        pytest.param({"low": "lots", "unit": "USD"}, "low must be a number, not 'lots'", id="word-bound"),
        pytest.param({"low": True, "unit": "USD"}, "low must be a number", id="bool-bound"),
        pytest.param({"low": [1], "unit": "USD"}, "low must be a number", id="list-bound"),
        pytest.param({"low": -5, "unit": "USD"}, "negative figures are not accepted", id="negative"),
        pytest.param({"high": 1e16, "unit": "USD"}, "absurd", id="absurd"),
        pytest.param({"low": math.nan, "unit": "USD"}, "not a finite number", id="nan"),
        pytest.param({"low": "2019", "high": "2017", "unit": "date"}, "the low date is after the high date", id="dates-backwards"),
        pytest.param({"low": "mid 20017", "unit": "date"}, "low: the year 20017 is absurd", id="bad-date"),
    ],
)
def test_mapping_errors(raw: dict, fragment: str) -> None:
    with pytest.raises(ValueParseError) as excinfo:
        read_value(raw)
    assert fragment in str(excinfo.value)


@pytest.mark.parametrize(
    "raw, expect, low, unit",
    [
        pytest.param(360000000, "USD/year", 3.6e8, "USD/year", id="int-takes-full-unit"),
        pytest.param(1.5e8, "USD", 1.5e8, "USD", id="float"),
        pytest.param(50, "percent", 50, "percent", id="percent"),
        pytest.param(9000, None, 9000, "count", id="no-expectation-count"),
        pytest.param(0, "count", 0, "count", id="zero"),
    ],
)
def test_bare_numbers(raw: float, expect: str | None, low: float, unit: str) -> None:
    assert_interval(read_value(raw, expect=expect), low, low, unit)


# --- errors ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "raw, expect, fragment",
    [
        pytest.param("lots of cash", None, "cannot read the value 'lots of cash': no number found", id="no-number"),
        pytest.param("", None, "the value is empty", id="empty"),
        pytest.param("   ", None, "the value is empty", id="blank"),
        pytest.param("-5 million", None, "negative figures are not accepted", id="negative"),
        pytest.param("−$5 million", None, "negative figures are not accepted", id="negative-minus-sign"),
        pytest.param("minus 5", None, "negative figures are not accepted", id="minus-word"),
        pytest.param("20000%", None, "20000% is absurd", id="percent-absurd"),
        pytest.param("10,001 percent", None, "is absurd", id="percent-just-absurd"),
        pytest.param("$2,000 trillion", None, "is absurd", id="amount-absurd"),
        pytest.param("5,5 million", None, "uses a decimal comma", id="decimal-comma"),
        pytest.param("$30 million a monht", None, "'monht' (at character 15) looks like a misspelling of 'month'", id="misspelled-rate"),
        pytest.param("$100 million in aid", None, "'in' (at character 14) cannot be read after an amount of money", id="words-after-money"),
        pytest.param("$10 million to $5 million", None, "the low end (1e+07) is above the high end (5e+06)", id="backwards-range"),
        pytest.param("between $5 million", None, "expected 'and' and a second figure", id="between-no-and"),
        pytest.param("from $5 million", None, "expected 'to' and a second figure", id="from-no-to"),
        pytest.param("$5 million and €5 million", None, "unexpected '5'", id="two-amounts"),
        pytest.param("$70 million to €100 million", None, "two currencies (USD and EUR)", id="two-currencies"),
        pytest.param("$50%", None, "both a currency (USD) and a percentage", id="currency-and-percent"),
        pytest.param("$5 million a year per month", None, "two rates", id="two-rates"),
        pytest.param("several dollars", None, "need a magnitude", id="several-no-magnitude"),
        pytest.param("about", None, "no number found", id="hedge-only"),
        pytest.param("$", None, "no number found", id="sign-only"),
        pytest.param("5 @ 6", None, "unexpected '@'", id="odd-character"),
        pytest.param("over over 5", None, "unexpected 'over'", id="double-hedge"),
        pytest.param(math.nan, None, "not a finite number", id="nan"),
        pytest.param(math.inf, "USD", "not a finite number", id="inf"),
        pytest.param(-5, "USD", "negative figures", id="negative-number"),
        pytest.param(2e15, "USD", "is absurd", id="absurd-number"),
        pytest.param(True, None, "a yes/no value is not a figure", id="bool"),
        pytest.param(["$5 million"], None, "a list is not a value", id="list"),
        pytest.param(("$5 million",), None, "a tuple is not a value", id="tuple"),
        pytest.param(object(), None, "is not a value", id="object"),
    ],
)
def test_value_errors(raw: object, expect: str | None, fragment: str) -> None:
    with pytest.raises(ValueParseError) as excinfo:
        read_value(raw, expect=expect)
    assert fragment in str(excinfo.value)


def test_none_is_an_error() -> None:
    with pytest.raises(ValueParseError, match="no value given"):
        read_value(None)


def test_error_names_the_phrase() -> None:
    with pytest.raises(ValueParseError) as excinfo:
        read_value("lots of cash")
    assert str(excinfo.value).startswith("cannot read the value 'lots of cash': no number found; write a figure")


# --- tolerance of typography ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "raw",
    [
        "about $100 million per year",
        "  about $100 million per year  ",
        "about $100 million per year.",
        "about $100 million per year;",
        '"about $100 million per year"',
        "“about $100 million per year”",
        "About $100 Million Per Year",
        "about\u00a0$100\u00a0million\u00a0per\u00a0year",
        "about  $100   million per year",
        "in about $100 million per year",
    ],
)
def test_typography_is_tolerated(raw: str) -> None:
    assert_interval(read_value(raw), 90 * M, 110 * M, "USD/year")


# --- normalize_value and explain_value --------------------------------------------------------------


def test_thirty_million_a_month_is_360_million_a_year() -> None:
    assert_interval(normalize_value("$30 million a month", "USD/year"), 3.6e8, 3.6e8, "USD/year")


def test_corpus_total_over_2014_2020_becomes_a_rate() -> None:
    # 2014-01-01..2020-12-31 = 84 whole months = 7 years; 150M / 7 = 21,428,571.43.
    result = normalize_value("more than $150 million", "USD/year", Period(date(2014, 1, 1), date(2020, 12, 31)))
    assert result.written == (pytest.approx(150e6 / 7, rel=1e-9), None)
    # a bound is compared as written: at least 150M / 7 a year
    assert result.low == pytest.approx(150e6 / 7, rel=1e-9)
    assert result.high is None
    assert result.unit == "USD/year"


@pytest.mark.parametrize(
    "raw, target, low, high",
    [
        pytest.param("about $100 million per year", "USD/year", 90 * M, 110 * M, id="same-unit"),
        pytest.param("about $100 million per year", "USD/month", 7.5 * M, 110 * M / 12, id="year-to-month"),
        pytest.param("$1 million a day", "USD/year", 365.25 * M, 365.25 * M, id="day-to-year"),
        pytest.param("$7 million a week", "USD/day", 1 * M, 1 * M, id="week-to-day"),
        pytest.param("tens of millions of dollars a year", "USD/month", 1e7 / 12, 1e8 / 12, id="order-rate"),
        pytest.param("over 50%", "percent", 50, None, id="percent"),
        pytest.param("9,000 families", "count", 9000, 9000, id="count"),
        pytest.param("2012", "date", ordinal(2012, 1, 1), ordinal(2012, 12, 31), id="date"),
        pytest.param("30 million a month", "USD/year", 360 * M, 360 * M, id="assumed-currency"),
    ],
)
def test_normalize_value(raw: str, target: str, low: float, high: float | None) -> None:
    assert_interval(normalize_value(raw, target), low, high, target)


@pytest.mark.parametrize(
    "raw, target, period, fragment",
    [
        pytest.param("€30 million a month", "USD/year", None, "hirel never converts between currencies", id="currency"),
        pytest.param("$150 million", "USD/year", None, "needs a start and an end", id="total-no-period"),
        pytest.param("$150 million", "USD/year", Period(date(2014, 1, 1), None), "needs a start and an end", id="total-open"),
        pytest.param("$5 million a year", "USD", None, "a rate is not a total", id="rate-to-total"),
        pytest.param("50%", "USD/year", None, "different kinds of quantity", id="percent-to-money"),
    ],
)
def test_normalize_value_conversion_errors(raw: str, target: str, period: Period | None, fragment: str) -> None:
    with pytest.raises(ConversionError) as excinfo:
        normalize_value(raw, target, period)
    assert fragment in str(excinfo.value)


def test_normalize_value_read_errors() -> None:
    with pytest.raises(ValueParseError):
        normalize_value("lots of cash", "USD/year")


def test_normalize_value_accepts_a_unit_object() -> None:
    assert normalize_value("$30 million a month", Unit("USD", "year")).as_written == (3.6e8, 3.6e8)


def test_explain_value_steps() -> None:
    result = explain_value("$30 million a month", "USD/year")
    assert result.steps == (
        "read '$30 million a month' as 30 million USD per month",
        ("written precision ±5% (the cap: a round figure's trailing zeros are not taken at face value): "
         "compared as 28.5 million to 31.5 million USD per month"),
        "30 million USD per month × 12 = 360 million USD per year",
    )
    assert (result.low, result.high) == (342e6, 378e6)  # 28.5M × 12, 31.5M × 12


def test_explain_value_hedge_steps() -> None:
    result = explain_value("about $100 million per year")
    assert result.steps == (
        "read 'about $100 million per year' as about 100 million USD per year",
        "'about' is taken as ±10%: 90 million to 110 million USD per year",
    )


def test_explain_value_with_period_text() -> None:
    result = explain_value("more than $150 million", "USD/year", "2014/2020")
    assert result.steps[-1] == (
        "at least 150 million USD over 2014-01-01–2020-12-31 (7 years) ÷ 7 = "
        "at least 21.4 million USD per year"
    )


def test_explain_value_without_unit_reads_only() -> None:
    result = explain_value("$30 million a month")
    assert_interval(result, 30 * M, 30 * M, "USD/month")
    assert result.text == "$30 million a month"


# --- figures in quotes ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        pytest.param("Iran provides about $100 million annually to Palestinian militant groups", {1e8}, id="corpus"),
        pytest.param("$30 million monthly", {3e7}, id="monthly"),
        pytest.param("over 50%", {50.0}, id="percent"),
        pytest.param("9,000 families", {9000.0}, id="count"),
        pytest.param("$260m and $1.5bn", {2.6e8, 1.5e9}, id="attached"),
        pytest.param("thirty million dollars", {3e7}, id="spelled"),
        pytest.param("half a million", {5e5}, id="half"),
        pytest.param("a dozen", {12.0}, id="dozen"),
        pytest.param("$70-100 million", {70.0, 7e7, 1e8}, id="shared-magnitude"),
        pytest.param("between $70 and $100 million", {70.0, 7e7, 1e8}, id="between"),
        pytest.param("10 000 fighters in 2014", {10_000.0, 2014.0}, id="space-grouped-and-year"),
        pytest.param("tens of millions", set(), id="no-figures"),
        pytest.param("", set(), id="empty"),
    ],
)
def test_figures_in(text: str, expected: set[float]) -> None:
    assert figures_in(text) == expected


@pytest.mark.parametrize(
    "value, quote, expect, expected",
    [
        pytest.param("about $100 million per year", "Iran provides about $100 million annually", None, True, id="corpus"),
        pytest.param("$30 million a month", "$30 million monthly", None, True, id="rate-words-differ"),
        pytest.param("$360 million a year", "$30 million a month", None, False, id="converted-figure"),
        pytest.param("$100M", "100 million dollars", None, True, id="compact-vs-words"),
        pytest.param("$1.5bn", "$1.5 billion", None, True, id="bn"),
        pytest.param("thirty million", "$30 million", None, True, id="spelled-value"),
        pytest.param("$30 million", "thirty million dollars", None, True, id="spelled-quote"),
        pytest.param("over 50%", "more than 50 percent", None, True, id="percent"),
        pytest.param("more than 9,000 families", "more than 9000 families", None, True, id="grouping"),
        pytest.param("$70-100 million", "between $70 million and $100 million", None, True, id="range"),
        pytest.param("$70-100 million", "$70 million", None, False, id="range-half-missing"),
        pytest.param("$5 million", "$50 million", None, False, id="different"),
        pytest.param("tens of millions of dollars", "Tens of Millions of dollars", None, True, id="words"),
        pytest.param("tens of millions", "millions", None, False, id="words-missing"),
        pytest.param("several million", "several million dollars", None, True, id="vague-words"),
        pytest.param("2012", "In 2012, the group", "date", True, id="year"),
        pytest.param("mid-2017", "in mid-2017", "date", True, id="natural-date"),
        pytest.param("2019-07", "in July 2019", "date", True, id="month-by-year"),
        pytest.param("early 1990s", "in the early 1990s", "date", True, id="decade"),
        pytest.param("2012", "in 2013", "date", False, id="year-absent"),
        pytest.param(2012, "since 2012", "date", True, id="int-year"),
        pytest.param(date(2019, 7, 22), "on July 22, 2019", None, True, id="date-object"),
        pytest.param(360000000, "$360 million", "USD/year", True, id="bare-number"),
        pytest.param({"low": 1e8, "high": 2e8, "unit": "USD"}, "anything", None, True, id="mapping"),
        pytest.param(None, "anything", None, False, id="none"),
    ],
)
def test_value_figures_in_quote(value: object, quote: str, expect: str | None, expected: bool) -> None:
    assert value_figures_in_quote(value, quote, expect) is expected


# --- tolerance when comparing ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "a, b, expected",
    [
        pytest.param(Interval(651_000, 651_000, "USD"), Interval(650_000, 650_000, "USD"), False, id="points-apart"),
        pytest.param(Interval(100, 100, "USD"), Interval(102, 102, "USD"), False, id="2pct-apart"),
        pytest.param(Interval(21_426_476, None, "USD/year"), Interval(21.4 * M, 21.5 * M, "USD/year"), True, id="converted"),
        pytest.param(Interval(90, 110, "USD"), Interval(105, 200, "USD"), True, id="plain-overlap"),
        pytest.param(Interval(None, 5, "USD"), Interval(6, None, "USD"), False, id="open-sides"),
        pytest.param(Interval(None, None, "USD"), Interval(1, 1, "USD"), True, id="unbounded"),
        pytest.param(Interval(ordinal(2012, 1, 1), ordinal(2012, 12, 31), "date"),
                     Interval(ordinal(2013, 1, 1), ordinal(2013, 12, 31), "date"), False, id="dates-exact"),
    ],
)
def test_intervals_overlap(a: Interval, b: Interval, expected: bool) -> None:
    assert intervals_overlap(a, b) is expected
    assert intervals_overlap(b, a) is expected


# --- caching is invisible ------------------------------------------------------------------------------


def test_repeated_reads_are_equal_and_errors_repeat() -> None:
    assert read_value("about $100 million per year") == read_value("about $100 million per year")
    for _ in range(2):
        with pytest.raises(ValueParseError):
            read_value("lots of cash")
