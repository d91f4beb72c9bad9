"""The counts of `hirel.comparing.counting` (O(n log n)) equal the counts of judging every pair
(`verdicts.compare_claims`), on random claim sets (hypothesis): every verdict, and per claim
the number of contradictions it is in.

The claim sets mix what the verdict rules look at: nested scopes (Darfur > North Darfur, and
an unrelated scope), nested origins, known, unknown, open and overlapping periods, points,
ranges, lower and upper bounds, figures within the rounding tolerance of each other, two
units, unreadable values, stances; on propositions that change over time, that do not, and
running totals.
"""

from __future__ import annotations

import dataclasses
from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from hirel.comparing.counting import count_contradictions, count_verdicts
from hirel.comparing.verdicts import ComparableClaim, compare_claims, count_by_verdict
from hirel.model import Interval, Period
from test_positions import DEATHS, ENTITIES, STANCE

ORIGINS = ["John Holmes", "United Nations", "Sudan government", "Eric Reeves", "AP", "unknown outlet"]
SCOPES = ["Darfur", "North Darfur", "Chad", None]
PERIODS = [Period(), Period(date(2006, 1, 1), date(2006, 12, 31)), Period(date(2008, 1, 1), date(2008, 12, 31)),
           Period(date(2006, 1, 1), date(2008, 12, 31)), Period(date(2008, 6, 1), date(2008, 6, 30)),
           Period(date(2007, 1, 1), None), Period(None, date(2006, 12, 31))]
FIGURES = [0, 10, 100, 100.5, 101, 150, 200, 300, 450]


@st.composite
def values(draw):
    shape = draw(st.sampled_from(["point", "range", "lower", "upper", "upper-open", "none", "point", "range"]))
    unit = draw(st.sampled_from(["count", "count", "count", "percent"]))
    x = draw(st.sampled_from(FIGURES)) * 1e3
    if shape == "none":
        return None
    if shape == "point":
        return Interval(x, x, unit)
    if shape == "range":
        y = draw(st.sampled_from(FIGURES)) * 1e3
        return Interval(min(x, y), max(x, y), unit)
    if shape == "lower":
        return Interval(x, None, unit)
    return Interval(0, x, unit) if shape == "upper" else Interval(None, x, unit)


@st.composite
def claim_sets(draw, stance: bool = False):
    n = draw(st.integers(0, 12))
    claims = []
    for i in range(n):
        origin = draw(st.sampled_from(ORIGINS))
        scope = draw(st.sampled_from(SCOPES))
        period = draw(st.sampled_from(PERIODS))
        if stance:
            said = draw(st.sampled_from(["supports", "refutes", "supports", None]))
            claims.append(ComparableClaim(f"c{i}", origin, scope, period, said, None, claimant_label=origin))
        else:
            claims.append(ComparableClaim(f"c{i}", origin, scope, period, None, draw(values()),
                                          claimant_label=origin))
    return claims


PROPOSITIONS = [DEATHS, dataclasses.replace(DEATHS, changes_over_time=True),
                dataclasses.replace(DEATHS, cumulative=True),
                dataclasses.replace(DEATHS, cumulative=True, changes_over_time=True)]


def _check(claims, prop):
    findings = compare_claims(claims, prop, ENTITIES)
    fast = count_verdicts(claims, prop, ENTITIES)
    assert fast.counts == count_by_verdict(findings)
    degrees = [0] * len(claims)
    index = {c.claim_id: i for i, c in enumerate(claims)}
    for f in findings:
        if f.verdict == "contradiction":
            for claim_id in f.claims:
                degrees[index[claim_id]] += 1
    assert fast.degrees == degrees
    assert count_contradictions(claims, prop, ENTITIES) == fast.counts["contradiction"]


@settings(max_examples=300, deadline=None)
@given(claim_sets(), st.sampled_from(PROPOSITIONS))
def test_quantity_counts_equal_every_pair(claims, prop):
    _check(claims, prop)


@settings(max_examples=200, deadline=None)
@given(claim_sets(), st.booleans())
def test_date_counts_equal_every_pair(claims, changes):
    prop = dataclasses.replace(DEATHS, kind="date", unit="date", changes_over_time=changes)
    dated = [dataclasses.replace(c, interval=None if c.interval is None else Interval(
        None if c.interval.low is None else 730000 + c.interval.low / 1e3,
        None if c.interval.high is None else 730000 + c.interval.high / 1e3, "date")) for c in claims]
    _check(dated, prop)


@settings(max_examples=300, deadline=None)
@given(claim_sets(stance=True), st.booleans())
def test_stance_counts_equal_every_pair(claims, changes):
    _check(claims, dataclasses.replace(STANCE, changes_over_time=changes))
