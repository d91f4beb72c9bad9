"""The parser: a subunit written once on a range, left untested until a full mutation run.

Expected values by hand from docs/values.md: `50 cents` is hundredths of the proposition's
currency (USD if none), `470 pence` is GBP; a currency written once on a range applies to both
ends (`$70-100 million` = [70 M, 100 M]), and so do cents and pence.
"""

from __future__ import annotations

import pytest

from hirel.values import read_value


@pytest.mark.parametrize(("raw", "expect", "unit", "written"), [
    ("50 to 60 cents", None, "USD", (0.5, 0.6)),
    ("between 50 and 60 cents", "EUR", "EUR", (0.5, 0.6)),
    ("50-60 pence", None, "GBP", (0.5, 0.6)),
])
def test_a_subunit_written_once_applies_to_both_ends(raw, expect, unit, written):
    value = read_value(raw, expect)
    assert value.unit == unit
    assert value.written == written
    # 50 and 60 end in a zero: half a unit of the tens digit is 5 cents, 10% and 8.3%, so the
    # cap (5%) on each end: 0.5 - 0.025 and 0.6 + 0.03
    assert (value.low, value.high) == (0.475, 0.63)


def test_a_reading_shows_every_field_in_its_repr():
    # 'about $5 million': the figure 5 million (its last digit is the million: half of one is
    # 500,000), USD, the pre-hedge 'about', nothing after it; the fields in the order of __slots__.
    from hirel.values.parser import Parser
    from hirel.values.tokens import normalize, tokens

    raw = "about $5 million"
    reading = Parser(tokens(normalize(raw), raw), raw).parse()
    assert repr(reading) == (
        "Reading(currencies=['USD'], exact=True, half_high=500000.0, half_low=500000.0, high=5000000.0, "
        "low=5000000.0, open_high=None, per=None, percent=False, post_hedge=None, pre_hedge='about', "
        "subunit=False, vague=False, words=[])")
