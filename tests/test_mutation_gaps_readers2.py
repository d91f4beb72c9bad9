"""The value reader: steps and bounds that the full mutation run of `hirel.values.readers` showed
untested, and the currency step written once for a range.

Expected values by hand from docs/values.md (currency names shared by several countries take a
default or the proposition's currency; cents are hundredths of the proposition's currency, USD if
none; a currency written once on a range applies to both ends).
"""

from __future__ import annotations

import pytest

from hirel.values import read_value
from hirel.values.readers import read_level


@pytest.mark.parametrize(("raw", "expect", "steps"), [
    ("5 to 10 pounds", None, ("read '5 to 10 pounds' as 5 to 10 GBP", "'pounds' taken as GBP")),
    ("50 to 60 cents", "EUR", ("read '50 to 60 cents' as 0.5 to 0.6 EUR", "cents taken as hundredths of EUR",
                               "hundredths of EUR: 0.5 to 0.6 EUR")),
])
def test_a_currency_written_once_on_a_range_is_resolved_in_one_step(raw, expect, steps):
    # Both ends carry the word; the step that says how it is taken is written once.
    value = read_value(raw, expect)
    assert value.steps[:-1] == steps
    assert value.steps[-1].startswith("written precision each end to the precision of its written digits")


# `read_level` directly: `read_value` keeps its readings in a cache, so a phrase read by an earlier
# test would not run the reader again (the mutation scripts trace which test runs which line).
@pytest.mark.parametrize(("raw", "last_step"), [
    # an order of magnitude has no written digits: the floor, ±1%, on both ends
    ("tens of millions", "written precision ±1% (the floor): compared as 9.9 million to 101 million"),
    ("several million", "written precision ±1% (the floor): compared as 2.97 million to 9.09 million"),
    # a bound its words set is compared as written: nothing to widen on the other side (0 or none)
    ("up to 75%", "a bound is compared as written: at most 75 percent"),
    ("more than 17,000", "a bound is compared as written: at least 17,000"),
])
def test_the_last_step_whole(raw, last_step):
    assert read_level(raw, None).steps[-1] == last_step
