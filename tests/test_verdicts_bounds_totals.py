"""`consistent` (a bound is not a confirmation) and the running-total rule, as tables of pairs.

Every expectation is worked out by hand from the contract's verdict table: `agreement` needs
two figures that pin a value (bounded on both sides; a floor of zero is no bound), `consistent`
is a pair that can both be true where one figure is only a bound; on a `cumulative`
proposition `when` is the date a total is as of, and a later total certainly below an earlier
one is a contradiction.
"""

from __future__ import annotations

import dataclasses
from datetime import date

import pytest

from hirel.comparing.verdicts import as_of, pins, verdict_for
from hirel.model import Interval, Period
from test_verdicts import ENTITIES, FIXED, FUNDING, claim, years

K = 1e3
DEATHS = dataclasses.replace(FIXED, id="deaths", unit="count", object="Hamas")
TOTAL = dataclasses.replace(FIXED, id="total", unit="count", object="Hamas", cumulative=True, since="2003")

UN = {"origin": "Reuters"}  # independent origins for the pairs below
SUDAN = {"origin": "State Department"}


def c(claim_id, low, high, unit="count", **kw):
    return claim(claim_id, value=(low, high), unit=unit, **kw)


def month(y: int, m: int) -> Period:
    first = date(y, m, 1)
    nxt = date(y + (m == 12), m % 12 + 1, 1)
    return Period(first, date.fromordinal(nxt.toordinal() - 1))


CONSISTENT_CASES = [
    # (name, a, b, verdict, fragments)
    ("lower-bound-vs-point", c("a", 150 * K, None, **UN), c("b", 100 * K, 100 * K, **SUDAN), "contradiction",
     ["≥ 150,000", "100,000"]),
    ("lower-bound-vs-point-above", c("a", 150 * K, None, **UN), c("b", 200 * K, 200 * K, **SUDAN), "consistent",
     ["both can be true", "the figure per Reuters is only a lower bound"]),
    ("upper-bound-vs-point", c("a", 0, 300 * K, **UN), c("b", 10 * K, 10 * K, **SUDAN), "consistent",
     ["the figure per Reuters is only an upper bound", "do not confirm each other"]),
    ("open-upper-bound-vs-point", c("a", None, 300 * K, **UN), c("b", 10 * K, 10 * K, **SUDAN), "consistent",
     ["only an upper bound"]),
    ("two-lower-bounds", c("a", 200 * K, None, **UN), c("b", 400 * K, None, **SUDAN), "consistent",
     ["both are only bounds"]),
    ("bound-vs-bound-disjoint", c("a", 400 * K, None, **UN), c("b", 0, 300 * K, **SUDAN), "contradiction",
     ["do not overlap"]),
    ("two-points-overlap", c("a", 290 * K, 310 * K, **UN), c("b", 300 * K, 300 * K, **SUDAN), "agreement",
     ["overlap, from independent sources"]),
    ("range-from-zero-is-a-bound", c("a", 0, 50 * K, **UN), c("b", 20 * K, 30 * K, **SUDAN), "consistent",
     ["only an upper bound"]),
    ("bound-on-nested-scope-fits", c("a", 0, 300 * K, scope="Qassam Brigades", **UN),
     c("b", 100 * K, 100 * K, **SUDAN), "compatible", ["part within whole"]),
    ("bound-on-nested-scope-exceeds", c("a", 150 * K, None, scope="Qassam Brigades", **UN),
     c("b", 100 * K, 100 * K, **SUDAN), "contradiction", ["part exceeds whole"]),
    ("bound-same-origin", c("a", 0, 300 * K, **UN), c("b", 10 * K, 10 * K, **UN), "same-origin",
     ["a repeat, not a corroboration"]),
    ("bound-claimant-part-of-other", c("a", 200 * K, None, origin="State Department"),
     c("b", 300 * K, 300 * K, origin="Biden administration"), "consistent", ["only a lower bound"]),
]


@pytest.mark.parametrize(("name", "a", "b", "verdict", "fragments"), CONSISTENT_CASES,
                         ids=[case[0] for case in CONSISTENT_CASES])
def test_bounds(name, a, b, verdict, fragments):
    for x, y in ((a, b), (b, a)):
        finding = verdict_for(x, y, DEATHS, ENTITIES)
        assert finding.verdict == verdict, finding.explanation
        for fragment in fragments:
            assert fragment in finding.explanation


def test_consistent_with_periods_on_a_proposition_that_changes():
    # 2019 and 2020 do not overlap: a change over time, before any bound is looked at.
    a = claim("a", value=(100e6, None), period=years(2019), **UN)
    b = claim("b", value=(200e6, 200e6), period=years(2020), **SUDAN)
    assert verdict_for(a, b, FUNDING, ENTITIES).verdict == "different-period"
    b2 = dataclasses.replace(b, period=years(2019))
    assert verdict_for(a, b2, FUNDING, ENTITIES).verdict == "consistent"


def test_stances_agree_without_bounds():
    from test_verdicts import STANCE

    a = claim("a", stance="supports", scope=None, **UN)
    b = claim("b", stance="supports", scope=None, **SUDAN)
    assert verdict_for(a, b, STANCE, ENTITIES).verdict == "agreement"


@pytest.mark.parametrize(("interval", "expected"), [
    (Interval(1, 1, "count"), True),
    (Interval(1, 2, "count"), True),
    (Interval(0, 0, "count"), True),  # zero itself is a figure
    (Interval(0, 5, "count"), False),  # 'up to 5'
    (Interval(None, 5, "count"), False),
    (Interval(5, None, "count"), False),
    (Interval(-5, 5, "percent"), True),  # a change from -5% to +5%
    (Interval(0, 5, "date"), True),  # day ordinals: no floor of zero
    (Interval(None, 5, "date"), False),
])
def test_pins(interval, expected):
    assert pins(interval) is expected


# --------------------------------------------------------------------------- running totals


@pytest.mark.parametrize(("period", "expected"), [
    (years(2008), (date(2008, 1, 1), date(2008, 12, 31))),
    (month(2008, 4), (date(2008, 4, 1), date(2008, 4, 30))),
    (Period(date(2008, 4, 15), date(2008, 4, 15)), (date(2008, 4, 15), date(2008, 4, 15))),
    (Period(date(2017, 1, 1), date(2023, 10, 31)), (date(2023, 10, 1), date(2023, 10, 31))),  # 2017/2023-10
    (Period(date(2017, 1, 1), date(2023, 12, 31)), (date(2023, 1, 1), date(2023, 12, 31))),  # 2017/2023
    (Period(None, date(2008, 12, 31)), (date(2008, 1, 1), date(2008, 12, 31))),  # until 2008
    (Period(date(2017, 3, 5), date(2023, 10, 31)), (date(2023, 10, 31), date(2023, 10, 31))),  # days
    (Period(date(2017, 1, 1), None), None),  # since 2017: as of when?
    (Period(), None),
])
def test_as_of(period, expected):
    assert as_of(period) == expected


RUNNING_CASES = [
    # (name, a, b, verdict, fragments)
    ("grows", c("a", 300 * K, 300 * K, period=years(2006), **UN), c("b", 450 * K, 450 * K, period=years(2008), **SUDAN),
     "different-period", ["a running total for Hamas can grow", "300,000 (per Reuters) by 2006", "by 2008 can both be true"]),
    ("grows-bound", c("a", 200 * K, None, period=years(2006), **UN), c("b", 300 * K, 300 * K, period=years(2008), **SUDAN),
     "different-period", ["can both be true"]),
    ("falls", c("a", 450 * K, None, period=month(2008, 4), **UN), c("b", 300 * K, 300 * K, period=month(2008, 6), **SUDAN),
     "contradiction", ["a running total for Hamas cannot fall: ≥ 450,000 (per Reuters) by 2008-04 vs 300,000"]),
    ("falls-same-source", c("a", 450 * K, 450 * K, period=years(2007), **UN), c("b", 300 * K, 300 * K, period=years(2008), **UN),
     "contradiction", ["cannot fall", "the same source contradicts itself"]),
    ("falls-within-precision", c("a", 295 * K, 305 * K, period=years(2007), **UN),  # '300,000', widened
     c("b", 298 * K, 302 * K, period=years(2008), **SUDAN), "different-period", ["can both be true"]),
    ("falls-by-a-little", c("a", 300.5 * K, 300.5 * K, period=years(2007), **UN),
     c("b", 300 * K, 300 * K, period=years(2008), **SUDAN), "contradiction", ["cannot fall"]),
    ("same-date-disjoint", c("a", 300 * K, 300 * K, period=years(2008), **UN),
     c("b", 10 * K, 10 * K, period=years(2008), **SUDAN), "contradiction", ["do not overlap"]),
    ("same-date-agree", c("a", 290 * K, 310 * K, period=years(2008), **UN),
     c("b", 300 * K, 300 * K, period=month(2008, 6), **SUDAN), "agreement", ["overlap"]),
    ("unknown-date-disjoint", c("a", 300 * K, 300 * K, **UN),
     c("b", 10 * K, 10 * K, period=years(2008), **SUDAN), "contradiction", ["do not overlap"]),
    ("open-end-is-unknown", c("a", 300 * K, 300 * K, period=Period(date(2003, 1, 1), None), **UN),
     c("b", 10 * K, 10 * K, period=years(2008), **SUDAN), "contradiction", ["do not overlap"]),
    ("interval-is-as-of-its-end", c("a", 450 * K, 450 * K, period=Period(date(2003, 1, 1), date(2006, 12, 31)), **UN),
     c("b", 300 * K, 300 * K, period=years(2008), **SUDAN), "contradiction", ["by 2006 vs 300,000"]),
    ("part-earlier-above-whole-later", c("a", 450 * K, 450 * K, period=years(2006), scope="Qassam Brigades", **UN),
     c("b", 300 * K, 300 * K, period=years(2008), **SUDAN), "contradiction",
     ["cannot fall", "for Izz ad-Din al-Qassam Brigades by 2006", "(Izz ad-Din al-Qassam Brigades is part of Hamas)"]),
    ("whole-earlier-above-part-later", c("a", 300 * K, 300 * K, period=years(2008), scope="Qassam Brigades", **UN),
     c("b", 450 * K, 450 * K, period=years(2006), **SUDAN), "different-period", ["can both be true"]),
]


@pytest.mark.parametrize(("name", "a", "b", "verdict", "fragments"), RUNNING_CASES,
                         ids=[case[0] for case in RUNNING_CASES])
def test_running_totals(name, a, b, verdict, fragments):
    for x, y in ((a, b), (b, a)):
        finding = verdict_for(x, y, TOTAL, ENTITIES)
        assert finding.verdict == verdict, finding.explanation
        for fragment in fragments:
            assert fragment in finding.explanation


def test_without_cumulative_a_fall_is_only_a_change():
    a = c("a", 450 * K, 450 * K, period=years(2007), **UN)
    b = c("b", 300 * K, 300 * K, period=years(2008), **SUDAN)
    changing = dataclasses.replace(TOTAL, cumulative=False, changes_over_time=True)
    assert verdict_for(a, b, changing, ENTITIES).verdict == "different-period"
    fixed = dataclasses.replace(TOTAL, cumulative=False, changes_over_time=False)
    assert verdict_for(a, b, fixed, ENTITIES).verdict == "contradiction"
