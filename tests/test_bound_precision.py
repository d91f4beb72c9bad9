"""A bound is compared as written: written precision widens the figure's other side only. An
analyst reads "more than 17,000" as excluding 16,800, and "nearly 50%" as excluding 51%."""

from __future__ import annotations

import dataclasses

import pytest

from hirel import read_value
from hirel.comparing.verdicts import compare_claims
from test_positions import DEATHS, ENTITIES, c


@pytest.mark.parametrize(("phrase", "low", "high"), [
    ("more than 17,000", 17_000, None),
    ("at least 3,958", 3_958, None),
    ("up to 20,000", 0, 20_000),
    ("nearly 700", 630, 700),             # 'nearly': 90%-100% of the figure, its top as written
    ("just over 18,000", 18_000, 19_800),  # 100%-110%, its bottom as written
    ("about 10,000", 9_000, 11_000),       # not a bound: the hedge, wider than the precision
    ("10,000", 9_500, 10_500),             # a figure: its written precision (the 5% cap)
])
def test_compared_interval(phrase, low, high):
    value = read_value(phrase, unit="count")
    assert (value.low, value.high) == (low, high)


def _claim(claim_id: str, phrase: str, origin: str):
    value = read_value(phrase, unit="count")
    return dataclasses.replace(c(claim_id, value.low, value.high, origin), interval=value)


@pytest.mark.parametrize(("bound", "figure", "verdict"), [
    ("more than 17,000", "16,800", "contradiction"),  # was consistent: the bound read from 16,150
    ("more than 17,000", "17,100", "consistent"),
    ("nearly 700", "708", "contradiction"),           # "nearly 700" is below 700; 708 (±1%) is above
    ("up to 20,000", "20,500", "contradiction"),
])
def test_bound_against_a_figure(bound, figure, verdict):
    [finding] = compare_claims([_claim("a", bound, "AP"), _claim("b", figure, "BBC")], DEATHS, ENTITIES)
    assert finding.verdict == verdict
