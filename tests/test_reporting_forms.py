"""Figures as reporting writes them: every form of docs/values.md, read right or refused.

Each expected reading is the figure as written (``Interval.as_written``: hedges applied,
before written precision widens it), worked out by hand. Refusals name the word refused.
"""

from __future__ import annotations

import pytest

from hirel.values import ValueParseError, read_value
from hirel.values.units import parse_unit

K, M, B, T = 1e3, 1e6, 1e9, 1e12

FORMS = [
    # hyphenated magnitudes
    ("4-million", "count", 4 * M, 4 * M, "count"),
    ("2.5-million", "count", 2.5 * M, 2.5 * M, "count"),
    ("$1.5-billion", None, 1.5 * B, 1.5 * B, "USD"),
    # spoken decimals
    ("one-point-65 billion", "USD", 1.65 * B, 1.65 * B, "USD"),
    ("43-point-four percent", None, 43.4, 43.4, "percent"),
    ("three point eight billion dollars", None, 3.8 * B, 3.8 * B, "USD"),
    # fractions as shares
    ("half", None, 50, 50, "percent"),
    ("more than half", None, 50, None, "percent"),
    ("a third", None, 100 / 3, 100 / 3, "percent"),
    ("one-third", None, 100 / 3, 100 / 3, "percent"),
    ("roughly a quarter", None, 22.5, 27.5, "percent"),
    ("two-thirds", None, 200 / 3, 200 / 3, "percent"),
    ("33 1/3%", None, 100 / 3, 100 / 3, "percent"),
    ("1/3", None, 100 / 3, 100 / 3, "percent"),
    ("about 2/3", None, 200 / 3 * 0.9, 200 / 3 * 1.1, "percent"),
    ("half a million", "count", 0.5 * M, 0.5 * M, "count"),  # a magnitude follows: a number
    # lower-bound verbs
    ("exceeded $1.58 billion", None, 1.58 * B, None, "USD"),
    ("topped 1 million", "count", M, None, "count"),
    ("surpassed $3 billion", None, 3 * B, None, "USD"),
    ("has exceeded 10,000", "count", 10 * K, None, "count"),
    ("does not exceed 10,000", "count", 0, 10 * K, "count"),
    # open-ended ranges
    ("from $630 million to over $1 billion", None, 630 * M, None, "USD"),
    ("between 200,000 and nearly 300,000", "count", 200 * K, 300 * K, "count"),
    # currency symbols XX$ and XX $
    ("US $7.2 billion", None, 7.2 * B, 7.2 * B, "USD"),
    ("HK $3.7 billion", None, 3.7 * B, 3.7 * B, "HKD"),
    ("C $5 million", None, 5 * M, 5 * M, "CAD"),
    ("S$2.8 billion", None, 2.8 * B, 2.8 * B, "SGD"),
    ("R$ 31.6 billion", None, 31.6 * B, 31.6 * B, "BRL"),
    ("NT$5 billion", None, 5 * B, 5 * B, "TWD"),
    ("TT$5 million", None, 5 * M, 5 * M, "TTD"),  # any XX$: the country's dollar
    # currency names with a country word, and families the proposition decides
    ("7,199 Chinese yuan", None, 7199, 7199, "CNY"),
    ("5 million Danish crowns", None, 5 * M, 5 * M, "DKK"),
    ("1,507 Lebanese pounds", None, 1507, 1507, "LBP"),
    ("1,507 pounds", "LBP", 1507, 1507, "LBP"),
    ("1,507 pounds", None, 1507, 1507, "GBP"),
    ("RMB 2,420", None, 2420, 2420, "CNY"),
    # percent as pc
    ("24pc", None, 24, 24, "percent"),
    ("below 15pc", None, 0, 15, "percent"),
    # lakh and crore
    ("30 lakh", "count", 3 * M, 3 * M, "count"),
    ("5 lakh rupees", None, 500 * K, 500 * K, "INR"),
    ("Rs 50 lakh", "PKR", 5 * M, 5 * M, "PKR"),
    ("1.7 lakh crore", "INR", 1.7 * T, 1.7 * T, "INR"),
    ("Rs 1,75,000-crore", "INR", 1.75 * T, 1.75 * T, "INR"),
    ("4.8 cr", "count", 48 * M, 48 * M, "count"),
    # dozens after digits
    ("2 dozen", "count", 24, 24, "count"),
    ("half a dozen", "count", 6, 6, "count"),
    ("a dozen", "count", 12, 12, "count"),
    # cents and pence
    ("50 cents", None, 0.5, 0.5, "USD"),
    ("50 cents", "EUR", 0.5, 0.5, "EUR"),
    ("470 pence", None, 4.7, 4.7, "GBP"),
    # units shared with the unit parser
    ("$5 million/a", None, 5 * M, 5 * M, "USD/year"),
    ("hkd 5 million", None, 5 * M, 5 * M, "HKD"),
    # the noun a count counts
    ("14 first-team players", "count", 14, 14, "count"),
    ("thousands of people", "count", K, M, "count"),
    ("44% of voters", None, 44, 44, "percent"),
]


@pytest.mark.parametrize("raw, expect, low, high, unit", FORMS, ids=[f"{f[0]} [{f[1]}]" for f in FORMS])
def test_reporting_forms(raw, expect, low, high, unit):
    result = read_value(raw, expect=expect)
    got_low, got_high = result.as_written
    assert got_low == pytest.approx(low) if low is not None else got_low is None
    assert got_high == pytest.approx(high) if high is not None else got_high is None
    assert result.unit == unit


REFUSED = [
    # every word read or refused: the silent readings
    ("10,000 a montth", "count/month", "'montth' (at character 10) looks like a misspelling of 'month'"),
    ("300.000 people", "count", "'300.000' is ambiguous"),
    ("300.000.000", "count", "'300.000.000' is ambiguous"),
    ("2.33 k", "count", "'k' (at character 6) is a lone letter"),
    ("nearly 78,000 times a minute", "count", "'times' (at character 15) cannot be read here"),
    ("30 мільйонів", "count", "'мільйонів' (at character 4) is not a word hirel reads"),
    ("6억 달러", "USD", "'억' (at character 2) cannot be read after an amount of money"),
    ("6억", "count", "'억' (at character 2) is not a word hirel reads"),
    ("about 30% less than in 2022", "percent", "states a change ('less')"),
    ("up by at least four times", "percent", "states a change ('up')"),
    ("Rs3.10 per kg", "PKR", "'per' (at character 8) cannot be read after an amount of money"),
    ("500 people per kg", "count", "'per' (at character 12) cannot be read here"),
    ("15 months", "count", "'months' (at character 4) is a period"),
    ("$5 milion", None, "'milion' (at character 4) looks like a misspelling of 'million'"),
    ("7,199 dinars", None, "'dinars' names the currency of several countries"),
    ("50% of", "percent", "'of' (at character 5) cannot be read after a percentage"),
    ("50% growth", "percent", "states a change ('growth')"),
    ("50% approval", "percent", "'approval' (at character 5) cannot be read after a percentage"),
    ("9,000 ab", "count", "'ab' (at character 7) is too short"),
    ("from $5 million to $6 million to $7 million", None, "unexpected"),
]


@pytest.mark.parametrize("raw, expect, fragment", REFUSED, ids=[r[0] for r in REFUSED])
def test_refused_with_the_word(raw, expect, fragment):
    with pytest.raises(ValueParseError) as info:
        read_value(raw, expect=expect)
    assert fragment in str(info.value)


def test_a_refused_word_has_a_hint_naming_the_keyword():
    with pytest.raises(ValueParseError) as info:
        read_value("10,000 a montth", expect="count/month")
    assert info.value.hint == "did you mean 'month'?"  # type: ignore[attr-defined]


@pytest.mark.parametrize("unit, parsed", [("USD/a", "USD/year"), ("hkd", "HKD"), ("sgd/month", "SGD/month"),
                                          ("pc", "percent"), ("S$", "SGD"), ("rmb", "CNY")])
def test_one_vocabulary_for_units_and_values(unit, parsed):
    assert str(parse_unit(unit)) == parsed


def test_the_quote_matcher_and_the_reader_share_the_typography():
    from hirel.rules.anchoring import normalize_for_match
    from hirel.values.tokens import normalize

    text = "about\u00a0$30\u2009million \u2013 \u201cmonthly\u201d"
    assert normalize_for_match(text) == 'about $30 million - "monthly"'
    assert normalize(text) == 'about $30 million - "monthly"'
