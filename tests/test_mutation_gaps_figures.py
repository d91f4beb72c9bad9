"""Figures: formats that the mutants of `hirel.values.figures` showed untested.

Expected texts from the docstrings of `hirel.values.figures` (numbers under a thousand: up to
two decimals, tiny shares two significant digits; counts: grouped digits up to a million,
compact beyond).
"""

from __future__ import annotations

import pytest

from hirel.model import Interval
from hirel.values.figures import format_interval, format_number


@pytest.mark.parametrize(("x", "text"), [
    (0.011, "0.01"),  # not below 0.01: two decimals
    (0.0012, "0.0012"),  # below 0.01: two significant digits
    (1.2e-05, "1.2e-05"),
])
def test_small_numbers(x, text):
    assert format_number(x) == text


@pytest.mark.parametrize(("x", "text"), [
    (999.5, "999.5"),
    (1000.5, "1,000.5"),  # a thousand or more: grouped
    (1234.5, "1,234.5"),
    (1_000_000.5, "1M"),  # a million or more: compact
])
def test_counts_that_are_not_whole(x, text):
    assert format_interval(Interval(x, x, "count")) == text
