"""Figures: the behaviour that the surviving mutants of `hirel.values.figures` showed untested.

Expected texts worked out by hand from the docstrings of `hirel.values.figures` and
docs/values.md: numbers under a thousand with up to two decimals, compact forms with three
significant digits (a rounding that reaches a thousand carries into the next magnitude),
counts grouped up to a million and compact beyond, percentages grouped from 1,000, changes
signed or in words ('up at least 50%', 'down 27%–33%', '-5% to +10%').
"""

from __future__ import annotations

import math
from datetime import date

import pytest

from hirel.model import Interval
from hirel.values.figures import (
    format_change,
    format_date_range,
    format_interval,
    format_number,
    format_words,
)

# -- _scaled: under a thousand, a rounding that reaches 1000 is shown as 1K ---------------------

@pytest.mark.parametrize(("x", "text", "words"), [
    (999.994, "999.99", "999.99"),  # two decimals: stays under a thousand
    (999.996, "1K", "1 thousand"),  # '1000.00' -> carried into thousands
    (-999.996, "-1K", "-1 thousand"),
    (999_999, "1M", "1 million"),  # '1000K' -> carried into millions
])
def test_rounding_carries_into_the_next_magnitude(x, text, words):
    assert format_number(x) == text
    assert format_words(x) == words


# -- _check_finite: its messages, whole ---------------------------------------------------------

@pytest.mark.parametrize(("x", "message"), [
    ("5", "expected a number, got '5'"),
    (True, "expected a number, got True"),
    (None, "expected a number, got None"),
])
def test_not_a_number_is_refused_with_its_repr(x, message):
    with pytest.raises(TypeError) as caught:
        format_number(x)
    assert str(caught.value) == message


@pytest.mark.parametrize(("x", "message"), [
    (math.nan, "cannot format nan: not a finite number"),
    (math.inf, "cannot format inf: not a finite number"),
    (-math.inf, "cannot format -inf: not a finite number"),
])
def test_not_finite_is_refused_with_its_repr(x, message):
    for function in (format_number, format_words):
        with pytest.raises(ValueError) as caught:
            function(x)
        assert str(caught.value) == message


# -- format_words: the sign ---------------------------------------------------------------------

@pytest.mark.parametrize(("x", "words"), [
    (0, "0"),
    (-50, "-50"),
    (-1500, "-1.5 thousand"),
    (-2_500_000, "-2.5 million"),
    (1500, "1.5 thousand"),
])
def test_words_keep_the_sign(x, words):
    assert format_words(x) == words


# -- counts: grouped digits below a million, compact from a million ----------------------------

@pytest.mark.parametrize(("x", "text"), [
    (999_999, "999,999"),
    (1_000_000, "1M"),
    (2_500_000, "2.5M"),
    (-2000, "-2,000"),
])
def test_count_boundary_at_a_million(x, text):
    assert format_interval(Interval(x, x, "count")) == text


# -- percentages: up to two decimals under 1,000, grouped whole numbers from 1,000 ---------------

@pytest.mark.parametrize(("x", "text"), [
    (999.5, "999.5%"),
    (1000, "1,000%"),
    (1234.4, "1,234%"),
    (-1500, "-1,500%"),
])
def test_percentage_boundary_at_a_thousand(x, text):
    assert format_interval(Interval(x, x, "percent")) == text


# -- December is a month of 31 days -------------------------------------------------------------

def test_december_as_a_month():
    assert format_date_range(date(2019, 12, 1), date(2019, 12, 31)) == "2019-12"
    assert format_date_range(date(2019, 12, 1), date(2019, 12, 30)) == "2019-12-01–2019-12-30"
    assert format_interval(Interval(date(2019, 12, 1).toordinal(), date(2019, 12, 31).toordinal(),
                                    "date")) == "2019-12"


# -- format_change: signed, or in words -------------------------------------------------------

@pytest.mark.parametrize(("low", "high", "unit", "text"), [
    (50, 50, "percent", "+50%"),
    (-12, -12, "percent", "-12%"),
    (0, 0, "percent", "no change"),
    (500e6, 500e6, "USD/year", "+$500M/yr"),
    (1e8, 1.0004e8, "USD", "+$100M"),  # both ends read '$100M': one figure
    (50, None, "percent", "up at least 50%"),
    (-30, None, "percent", "≥ -30%"),
    (0, None, "percent", "≥ 0%"),  # zero has no sign
    (None, -50, "percent", "down at least 50%"),
    (None, 20, "percent", "≤ +20%"),
    (None, 0, "percent", "≤ 0%"),
    (None, None, "percent", "any change"),
    (10, 20, "percent", "up 10%–20%"),
    (-33, -27, "percent", "down 27%–33%"),
    (-5, 10, "percent", "-5% to +10%"),
    (0, 10, "percent", "0% to +10%"),  # from no change: not 'up'
    (-10, 0, "percent", "-10% to 0%"),  # to no change: not 'down'
])
def test_change_texts(low, high, unit, text):
    assert format_change(Interval(low, high, unit)) == text


def test_change_as_written_or_as_compared():
    interval = Interval(45, 55, "percent", written=(50, 50))
    assert format_change(interval) == "+50%"
    assert format_change(interval, compared=True) == "up 45%–55%"


@pytest.mark.parametrize(("low", "high", "text"), [
    (0.5, 0.5, "+0.5%"),  # a rise under one point is still a rise
    (-0.5, -0.5, "-0.5%"),
    (0.5, None, "up at least 0.5%"),
    (None, -0.5, "down at least 0.5%"),
    (0.5, 2, "up 0.5%–2%"),
    (-2, -0.5, "down 0.5%–2%"),
    (None, 0.5, "≤ +0.5%"),
])
def test_changes_under_one(low, high, text):
    assert format_change(Interval(low, high, "percent")) == text
