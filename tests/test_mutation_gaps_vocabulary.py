"""vocabulary: every number of the word tables, read through the value reader (found by mutation
testing, docs/development.md). Expected values by hand, from the tables' comments and
docs/values.md: a magnitude multiplies the figure before it, an order of magnitude covers "from
the smallest to the largest figure the words cover", a multiplier turns into the change it means
(doubled = +100%, halved = -50%), a fraction is a share of a whole."""

from __future__ import annotations

import pytest

from hirel.values import read_value
from hirel.values.tokens import ValueParseError, normalize, tokens
from hirel.values.vocabulary import (
    DASHES,
    DOUBLE_QUOTES,
    INVISIBLE,
    ODD_SPACES,
    RANGE_DASHES,
    SINGLE_QUOTES,
    TYPOGRAPHY,
)


def _read(raw: str, unit: str | None = None, measures: str | None = None) -> tuple:
    interval = read_value(raw, unit, measures)
    return interval.low, interval.high, interval.unit


def _tokens(raw: str) -> list[tuple[str, object]]:
    return [(t.kind, t.value) for t in tokens(normalize(raw), raw)]


# "7 <magnitude>" reads as the figure written out in digits: the same figure, and the same
# precision (half a unit of the last written digit, times the magnitude: 7 million = 7,000,000
# give or take 500,000, the precision of "7000000", whose trailing zeros are not written digits).
@pytest.mark.parametrize(("phrase", "digits"), [
    ("7 thousand", "7000"), ("7k", "7000"), ("7 thousands", "7000"),
    ("7 million", "7000000"), ("7m", "7000000"), ("7 mn", "7000000"), ("7mn", "7000000"),
    ("7 mln", "7000000"), ("7 mil", "7000000"), ("7 millions", "7000000"),
    ("7 billion", "7000000000"), ("7b", "7000000000"), ("7 bn", "7000000000"), ("7bn", "7000000000"),
    ("7 bil", "7000000000"), ("7 billions", "7000000000"),
    ("7 trillion", "7000000000000"), ("7t", "7000000000000"), ("7 tn", "7000000000000"),
    ("7 trillions", "7000000000000"),
    ("7 lakh", "700000"), ("7 lakhs", "700000"), ("7 lac", "700000"), ("7 lacs", "700000"),
    ("7 crore", "70000000"), ("7 crores", "70000000"), ("7 cr", "70000000"),
])
def test_a_magnitude_multiplies_the_figure(phrase, digits):
    assert _read(phrase, "count") == _read(digits, "count")


def test_a_dozen_is_twelve():
    assert _tokens("7 dozen") == [("number", (7.0, False, 0.5)), ("magnitude", 12.0)]


@pytest.mark.parametrize(("phrase", "low", "high"), [
    ("tens", 10.0, 100.0),
    ("dozens", 24.0, 144.0),
    ("hundreds", 100.0, 1e3),
    ("thousands", 1e3, 1e6),
    ("tens of thousands", 1e4, 1e5),
    ("hundreds of thousands", 1e5, 1e6),
    ("millions", 1e6, 1e9),
    ("tens of millions", 1e7, 1e8),
    ("hundreds of millions", 1e8, 1e9),
    ("billions", 1e9, 1e12),
    ("tens of billions", 1e10, 1e11),
    ("hundreds of billions", 1e11, 1e12),
    ("trillions", 1e12, 1e15),
    ("tens of trillions", 1e13, 1e14),
    ("hundreds of trillions", 1e14, 1e15),
    # two dozen to a gross, of thousands, millions, billions
    ("dozens of thousands", 2.4e4, 1.44e5),
    ("dozens of millions", 2.4e7, 1.44e8),
    ("dozens of billions", 2.4e10, 1.44e11),
])
def test_an_order_of_magnitude_covers_its_figures(phrase, low, high):
    assert _tokens(phrase) == [("oom", (low, high))]


@pytest.mark.parametrize(("phrase", "low", "high"), [
    ("a few", 2.0, 9.0),
    ("several", 3.0, 9.0),
    ("a couple", 2.0, 3.0),
    ("a couple of", 2.0, 3.0),
])
def test_a_vague_multiplier(phrase, low, high):
    assert _tokens(phrase + " million") == [("vague", (low, high)), ("magnitude", 1e6)]


@pytest.mark.parametrize(("phrase", "share"), [
    ("half", 50.0), ("a half", 50.0), ("one half", 50.0), ("one-half", 50.0),
    ("a third", 100 / 3), ("one third", 100 / 3), ("one-third", 100 / 3),
    ("two thirds", 200 / 3), ("two-thirds", 200 / 3),
    ("a quarter", 25.0), ("one quarter", 25.0), ("one-quarter", 25.0),
    ("three quarters", 75.0), ("three-quarters", 75.0),
    ("a fifth", 20.0), ("one fifth", 20.0), ("one-fifth", 20.0),
    ("two fifths", 40.0), ("two-fifths", 40.0),
    ("a tenth", 10.0), ("one tenth", 10.0), ("one-tenth", 10.0),
])
def test_a_fraction_is_a_share(phrase, share):
    assert _tokens(phrase) == [("fraction", pytest.approx(share))]
    assert _tokens(phrase)[0][1] == share


@pytest.mark.parametrize(("phrase", "value"), [
    ("zero point five", 0.5),
    ("one point oh five", 1.05),
    ("nine point nine", 9.9),
    ("nineteen point two", 19.2),
    ("ninety point one", 90.1),
    ("forty-two point seven", 42.7),
    ("ten point one", 10.1),
    ("twenty point three", 20.3),
])
def test_spoken_numbers(phrase, value):
    [(kind, (number, attached, _half))] = _tokens(phrase)
    assert (kind, number, attached) == ("number", pytest.approx(value), False)


@pytest.mark.parametrize(("phrase", "value"), [
    ("a hundred", 100.0), ("an hundred", 100.0), ("seven", 7.0), ("nineteen", 19.0),
    ("ninety-nine", 99.0), ("twenty", 20.0), ("one hundred and five", 105.0),
])
def test_spelled_numbers(phrase, value):
    [(kind, (number, attached, _half))] = _tokens(phrase)
    assert (kind, number, attached) == ("number", value, False)


@pytest.mark.parametrize(("phrase", "percent"), [
    ("doubled", 100.0), ("double", 100.0), ("doubles", 100.0), ("doubling", 100.0),
    ("tripled", 200.0), ("triple", 200.0), ("triples", 200.0), ("trebled", 200.0), ("tripling", 200.0),
    ("quadrupled", 300.0), ("quadruple", 300.0), ("quadruples", 300.0),
    ("quintupled", 400.0),
    ("halved", -50.0), ("halves", -50.0), ("halving", -50.0),
])
def test_a_multiplier_is_the_change_it_means(phrase, percent):
    assert read_value(phrase, "percent", "change").as_written == (percent, percent)


@pytest.mark.parametrize(("phrase", "step"), [
    ("about 100", "'about' is taken as ±10%: "),
    ("nearly 100", "'nearly' is taken as 90%–100% of the figure: "),
    ("just over 100", "'just over' is taken as 100%–110% of the figure: "),
])
def test_a_hedge_says_how_it_is_taken(phrase, step):
    assert [s for s in read_value(phrase, "count").steps if s.startswith(step)]


@pytest.mark.parametrize(("phrase", "certainty"), [
    ("could reach 20,000", "possible"),
    ("expected to reach 20,000", "likely"),
])
def test_a_modal_word_names_the_certainty_to_write(phrase, certainty):
    with pytest.raises(ValueParseError, match=f"'certainty: {certainty}' on the claim"):
        read_value(phrase, "count")


def test_the_typography_tables_hold_no_ascii_letter():
    # an ASCII letter or digit is never rewritten: the tables hold typographic characters (and the
    # backtick, read as a quote), and the range dashes are dashes
    for table in (DASHES, RANGE_DASHES, SINGLE_QUOTES, DOUBLE_QUOTES, ODD_SPACES, INVISIBLE):
        assert table and not any(c.isascii() and c.isalnum() for c in table), table
    assert set(RANGE_DASHES) <= set(DASHES)
    assert "Xx\u2013\u2019\u201c\u00a0\u200b.".translate(TYPOGRAPHY) == "Xx-'\" ."
