"""The parser: what a full mutation run after `Parser.shared_order` found untested.

Expected values by hand from docs/values.md: "Orders of magnitude" (the table; a bare `tens`,
`hundreds` or `dozens` on the low end of a range takes the magnitude the high end names, as a
bare figure does, only when that keeps the low end below the high end), "Ranges" (the low end
takes the high end's magnitude only if that keeps it at or below the high end) and "Written
precision" (bare YAML numbers have the precision of their digits: half a unit of the last written
digit, within the floor of 1% and the cap of 5%).
"""

from __future__ import annotations

import dataclasses
import inspect

import pytest

from hirel.values import read_value
from hirel.values.parser import Amount


@pytest.mark.parametrize(("raw", "low", "high"), [
    # 9000: half a unit of the thousands digit is 500, 5.6%: the cap, 5% of 9000 = 450
    (9000, 8550.0, 9450.0),
    # 250: half a unit of the tens digit is 5, 2% (between floor and cap)
    (250, 245.0, 255.0),
])
def test_a_bare_yaml_number_has_the_precision_of_its_digits(raw, low, high):
    value = read_value(raw)
    assert value.unit == "count"
    assert value.written == (raw, raw)
    assert (value.low, value.high) == pytest.approx((low, high))


@pytest.mark.parametrize(("text", "low", "high"), [
    # the low end as the high end's order would be the high end itself: no range, each end alone
    ("hundreds to hundreds of thousands", 100.0, 1e6),    # hundreds [100, 1e3] .. [1e5, 1e6]
    ("tens to tens of millions", 10.0, 1e8),              # tens [10, 100] .. [1e7, 1e8]
    ("dozens to dozens of millions", 24.0, 1.44e8),       # dozens [24, 144] .. [2.4e7, 1.44e8]
    # below the high end: it takes the magnitude (tens of thousands [1e4, 1e5] .. [2.4e4, 1.44e5])
    ("tens to dozens of thousands", 1e4, 1.44e5),
])
def test_a_bare_order_takes_the_high_end_order_only_below_it(text, low, high):
    assert read_value(text).written == (low, high)


@pytest.mark.parametrize(("text", "low", "high"), [
    # the high end names 'thousand': tens of thousands [1e4, 1e5] is at or below 200,000
    ("tens to 200 thousand", 1e4, 2e5),
    # dozens of thousands [24,000, 144,000] is below 200,000 too
    ("dozens to 200 thousand", 2.4e4, 2e5),
    # hundreds of millions [1e8, 1e9] would pass 5 million: each end alone, hundreds [100, 1e3]
    ("hundreds to 5 million", 100.0, 5e6),
    # tens of thousands would reach past 50,000 (its top is 100,000): each end alone
    ("tens to 50 thousand", 10.0, 5e4),
])
def test_a_bare_order_takes_a_figure_magnitude_as_a_bare_figure_does(text, low, high):
    assert read_value(text).written == (low, high)


def test_an_amount_declares_the_defaults_of_its_constructor():
    # dataclasses.fields and replace work on the hand-written record as on the dataclass it was:
    # the declared defaults are the constructor's (vague, half_low, half_high, subunit)
    parameters = inspect.signature(Amount).parameters
    declared = {f.name: f.default for f in dataclasses.fields(Amount)}
    assert declared == {name: (dataclasses.MISSING if p.default is inspect.Parameter.empty else p.default)
                        for name, p in parameters.items()}
    assert (declared["vague"], declared["half_low"], declared["half_high"], declared["subunit"]) == (
        False, None, None, False)
