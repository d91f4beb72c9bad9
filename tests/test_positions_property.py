"""Properties of positions and disputes on random claim sets (hypothesis).

* A dispute between two positions exists exactly when a claim of one contradicts a claim of the
  other (judged pair by pair by `verdicts.compare_claims`).
* Two claims of one position never contradict each other.
* Every claim with something to compare is in exactly one position.
"""

from __future__ import annotations

import dataclasses
from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from hirel.comparing.positions import find_positions
from hirel.comparing.verdicts import ComparableClaim, compare_claims
from hirel.model import Interval, Period
from test_positions import DEATHS, ENTITIES, STANCE

ORIGINS = ["John Holmes", "United Nations", "Sudan government", "Eric Reeves", "AP", "BBC"]
SCOPES = ["Darfur", "North Darfur"]
PERIODS = [Period(), Period(date(2006, 1, 1), date(2006, 12, 31)), Period(date(2008, 1, 1), date(2008, 12, 31)),
           Period(date(2006, 1, 1), date(2008, 12, 31)), Period(date(2008, 6, 1), date(2008, 6, 30))]
FIGURES = [10, 100, 101, 150, 200, 300, 450]


@st.composite
def intervals(draw):
    shape = draw(st.sampled_from(["point", "range", "lower", "upper", "upper-open"]))
    x = draw(st.sampled_from(FIGURES)) * 1e3
    if shape == "point":
        return (x, x)
    if shape == "range":
        y = draw(st.sampled_from(FIGURES)) * 1e3
        return (min(x, y), max(x, y))
    if shape == "lower":
        return (x, None)
    return (0, x) if shape == "upper" else (None, x)


@st.composite
def claim_sets(draw, stance: bool = False):
    n = draw(st.integers(0, 9))
    claims = []
    for i in range(n):
        origin = draw(st.sampled_from(ORIGINS))
        scope = draw(st.sampled_from(SCOPES))
        period = draw(st.sampled_from(PERIODS))
        if stance:
            claims.append(ComparableClaim(f"c{i}", origin, scope, period, draw(st.sampled_from(["supports", "refutes"])),
                                          None, claimant_label=origin))
        else:
            low, high = draw(intervals())
            claims.append(ComparableClaim(f"c{i}", origin, scope, period, None, Interval(low, high, "count"),
                                          claimant_label=origin))
    return claims


PROPOSITIONS = [DEATHS, dataclasses.replace(DEATHS, changes_over_time=True),
                dataclasses.replace(DEATHS, cumulative=True)]


def _check(claims, prop):
    found = find_positions(claims, prop, ENTITIES)
    where = found.of_claim()
    assert sorted(where) == sorted(c.claim_id for c in claims)  # every claim once
    assert sum(len(p.claims) for p in found.positions) == len(claims)
    contradicting = set()
    for f in compare_claims(claims, prop, ENTITIES):
        if f.verdict != "contradiction":
            continue
        a, b = where[f.claims[0]], where[f.claims[1]]
        assert a != b, f"{f.claims} contradict each other inside {a}: {f.explanation}"
        contradicting.add(frozenset((a, b)))
    disputed = [frozenset(d.positions) for d in found.disputes]
    assert len(disputed) == len(set(disputed))  # each pair once, in whichever order it is explained
    assert set(disputed) == contradicting


@settings(max_examples=400, deadline=None)
@given(claim_sets(), st.sampled_from(PROPOSITIONS))
def test_disputes_are_exactly_the_contradicting_positions(claims, prop):
    _check(claims, prop)


@settings(max_examples=100, deadline=None)
@given(claim_sets(stance=True))
def test_stance_disputes(claims):
    _check(claims, STANCE)


@settings(max_examples=200, deadline=None)
@given(claim_sets(), st.sampled_from(PROPOSITIONS), st.randoms(use_true_random=False))
def test_positions_do_not_depend_on_the_order_of_the_claims(claims, prop, rnd):
    shuffled = claims[:]
    rnd.shuffle(shuffled)
    a, b = find_positions(claims, prop, ENTITIES), find_positions(shuffled, prop, ENTITIES)
    assert [(p.id, set(p.claims), p.display, p.origins) for p in a.positions] == \
           [(p.id, set(p.claims), p.display, p.origins) for p in b.positions]
    assert a.disputes == b.disputes
