"""A bare order of magnitude on the low end of a range takes the magnitude the high end names, as
a bare figure does ('5 to 10 million'): read right, not [10, 1 billion]. Intervals from the table
of docs/values.md ("Orders of magnitude"), worked out by hand."""

from __future__ import annotations

import pytest

from hirel import read_value


@pytest.mark.parametrize(("text", "low", "high"), [
    ("tens to hundreds of millions", 1e7, 1e9),            # tens of millions [1e7, 1e8] .. hundreds of millions [1e8, 1e9]
    ("tens or hundreds of millions", 1e7, 1e9),
    ("dozens to hundreds of thousands", 24e3, 1e6),        # dozens of thousands [24e3, 144e3] .. [1e5, 1e6]
    ("hundreds to thousands of dollars", 100, 1e6),        # no magnitude named: hundreds [100, 1e3] .. thousands [1e3, 1e6]
    ("tens to hundreds", 10, 1e3),
    ("hundreds to tens of thousands", 100, 1e5),           # hundreds of thousands would pass the high end: bare
    ("tens of millions to hundreds of millions", 1e7, 1e9),
])
def test_a_bare_order_on_the_low_end(text: str, low: float, high: float) -> None:
    interval = read_value(text)
    assert interval.written == (low, high)  # (as written; compared with the ±1% floor of precision)


def test_with_a_currency_and_a_rate() -> None:
    interval = read_value("tens to hundreds of millions of dollars a year")
    assert (interval.written, interval.unit) == ((1e7, 1e9), "USD/year")
