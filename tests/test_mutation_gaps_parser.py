"""The value parser's branches and messages that a full mutation run found untested.

Expected values are worked out by hand from docs/values.md (figures, magnitudes, Indian chains,
ranges: "the low end takes the high end's magnitude only if that keeps it at or below the high
end", written precision: cap 5%, floor 1%) and from the parser's grammar. Character positions in
messages are counted by hand, from 1. Messages are asserted whole: they are what a user reads.
"""

from __future__ import annotations

import pytest

from hirel.values import read_value
from hirel.values.parser import magnitude_of
from hirel.values.tokens import ValueParseError

NO_NUMBER = ("no number found; write a figure such as '$30 million a month', 'about 50%' or "
             "'tens of millions'")
NOT_A_CURRENCY = "is not a currency hirel knows"
WRITE_CODE = "write the currency code or name, e.g. 'PHP 867.24 million', 'ZAR 1.5 billion'"


@pytest.mark.parametrize(("text", "reason"), [
    # three letters and no figure after them: a word, not a currency prefix
    ("abc", NO_NUMBER),
    # four letters before a figure: too long to be a currency prefix (1 to 3 letters)
    ("abcd5", NO_NUMBER),
    ("abc5 million", f"'abc' before 5 {NOT_A_CURRENCY}; {WRITE_CODE}"),
    # one letter is a prefix too (the lower bound of 1 to 3), with its note
    ("P867.24 million", (f"'P' before 867.24 {NOT_A_CURRENCY} (P is the Philippine peso ₱, the "
                        f"Botswana pula or pesos); {WRITE_CODE}")),
    # '5 to' with nothing after 'to': not a range; 'to' starts at character 3
    ("5 to", "'to' (at character 3) cannot be read here"),
    ("between 5 and", "the phrase ends too early"),
    ("between 5 or 6", "expected 'and' and a second figure after '5'"),
    ("from 5 and 6", "expected 'to' and a second figure after '5'"),
    # a share cannot take a magnitude written as a bare word ("half a million" can)
    ("half million", "unexpected 'million' at character 6"),
    ("2 million 5", "unexpected '5' at character 11"),
    ("5 thousand million", "two magnitudes ('thousand' and 'million')"),
    ("5 million billion", "two magnitudes ('million' and 'billion')"),
    ("5 per year per month", "two rates ('per year' and 'per month')"),
    ("a few", "'a few' and 'several' need a magnitude, as in 'several million'"),
    # the high end never borrows the low end's magnitude: 2 stays 2, below 5 million
    ("5 million to 2", "the low end (5e+06) is above the high end (2)"),
    # the comma is the 4th character
    ('708," said officials', ("',' (at character 4) ends the figure; a value is the figure and "
                             "what it counts, not the sentence after it")),
])
def test_parser_refusals_whole(text, reason):
    with pytest.raises(ValueParseError) as caught:
        read_value(text)
    assert str(caught.value) == f"cannot read the value {text!r}: {reason}"


@pytest.mark.parametrize(("text", "written"), [
    # Indian chains: thousand crore = 1e3 x 1e7, lakh crore = 1e5 x 1e7
    ("5 thousand crore", 5e10),
    ("5 lakh crore", 5e12),
    # a bare low end equal to the high end once it takes the magnitude: 'at or below' keeps it
    ("1 to 1 thousand", 1e3),
    ("1 to 1 million", 1e6),
    ("1 to 1 billion", 1e9),
    ("1 to 1 trillion", 1e12),
])
def test_one_figure_with_the_cap(text, written):
    value = read_value(text)
    assert value.written == (written, written)
    # a single written digit: half a unit is 10%, capped at 5%
    assert (value.low, value.high) == (pytest.approx(0.95 * written), pytest.approx(1.05 * written))


@pytest.mark.parametrize(("x", "magnitude"), [
    (1e12, 1e12), (1e9, 1e9), (1.5e9, 1e9), (1e6, 1e6), (1e3, 1e3), (999.0, 1.0), (5.0, 1.0),
])
def test_magnitude_of_at_each_boundary(x, magnitude):
    assert magnitude_of(x) == magnitude


def test_a_currency_written_once_applies_to_both_ends():
    value = read_value("$70-100 million")
    assert (value.unit, value.written) == ("USD", (70e6, 100e6))


def test_a_currency_after_each_end():
    # 'USD' after the low figure belongs to that figure, so 'to' still opens a range
    value = read_value("5 USD to 10 USD")
    assert (value.unit, value.written) == ("USD", (5.0, 10.0))


def test_a_percent_sign_after_a_post_hedge():
    value = read_value("5 or so %")
    assert value.unit == "percent"
    assert (value.low, value.high) == (pytest.approx(4.5), pytest.approx(5.5))


def test_a_vague_high_end_lends_no_magnitude():
    # 'a few million' is vague: the bare '1' stays 1, and the whole is compared at the floor
    value = read_value("1 to a few million")
    assert value.written == (1.0, 9e6)
    assert (value.low, value.high) == (pytest.approx(0.99), pytest.approx(9.09e6))


@pytest.mark.parametrize(("text", "low", "high"), [
    # orders of magnitude and 'a few' are vague: the floor (1%), not the written digits
    ("tens of millions", 0.99e7, 1.01e8),
    ("a few million", 1.98e6, 9.09e6),
    # a share is exact: the cap (5%)
    ("half", 47.5, 52.5),
])
def test_vague_figures_get_the_floor_and_shares_the_cap(text, low, high):
    value = read_value(text)
    assert (value.low, value.high) == (pytest.approx(low), pytest.approx(high))


def test_a_vague_low_end_keeps_its_own_magnitude():
    # 'several dozen' is [3 x 12, 9 x 12]: it has a magnitude, so it borrows none from the high end
    value = read_value("several dozen to 200 thousand")
    assert value.written == (36.0, 200_000.0)
