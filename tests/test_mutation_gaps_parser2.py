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
