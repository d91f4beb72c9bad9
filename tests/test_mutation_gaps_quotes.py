"""Figures in quotes: the behaviour that the surviving mutants of `hirel.values.quotes` showed
untested.

Expected sets worked out by hand from the docstrings of `hirel.values.quotes`: every figure a
text writes, magnitudes applied; where a magnitude is written once for a range ('$70-100
million') the bare end is read both ways, the bare figure and the figure with the magnitude of
the next one (its largest power of a thousand), when that is not above the next figure.
"""

from __future__ import annotations

import pytest

from hirel.values.quotes import figures_in, value_figures_in_quote


@pytest.mark.parametrize(("text", "figures"), [
    ("70-100 million", {70, 7e7, 1e8}),
    ("seventy to 100 million", {70, 7e7, 1e8}),  # a spelled end borrows too
    ("70-100 million in 5 years", {70, 7e7, 1e8, 5}),  # the next figure, not the last
    ("200 to 100 million", {200, 1e8}),  # 200 million is above 100 million: no borrowing
    ("1 to 5000", {1, 5000}),  # the next figure writes no magnitude: nothing to borrow
    ("70 apples, 100 million", {70, 1e8}),  # not joined as a range
    ("0.002k to 5 million", {2, 5e6}),  # an end with its own magnitude borrows none
    ("5 to 0.5 thousand", {5, 500}),  # 500 has no magnitude of its own above one
    ("1-1.5 thousand", {1, 1000, 1500}),
    ("1-1.5 billion", {1, 1e9, 1.5e9}),
    ("1-1 billion", {1, 1e9}),  # a billion is of the billions
    ("1-1 trillion", {1, 1e12}),
])
def test_a_magnitude_written_once_for_a_range(text, figures):
    assert figures_in(text) == figures


def test_a_spoken_decimal_borrows_the_magnitude():
    assert figures_in("one-point-five to 2 billion") == {1.5, 1.5e9, 2e9}


def test_two_magnitudes_multiply():
    assert figures_in("5 lakh crore") == {5e12}


def test_a_value_reads_its_range_end_with_the_shared_magnitude():
    # '5 to 5 million' writes 5 million (twice): the quote needs no bare 5.
    assert value_figures_in_quote("5 to 5 million", "about 5 million")


@pytest.mark.parametrize("value", ["half", "doubled"])
def test_a_value_without_a_figure_needs_nothing_in_the_quote(value):
    assert value_figures_in_quote(value, "nothing to see here")
