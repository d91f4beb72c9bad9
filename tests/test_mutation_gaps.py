"""Verdict explanations asserted whole, and the branches mutation testing found untested.

Each explanation below is written out by hand from the rules in src/hirel/comparing/verdicts.py's docstring
and the phrase builders of src/hirel/comparing/explain.py: the explanation is part of the contract (the
README, `hirel compare --explain` and the JSON `explanation` field show it as is), so a test that
only looks for a fragment would let "both refute" become "both refutes". The mutation run
(scripts/mutate.py, docs/development.md) uses this file first.
"""

from __future__ import annotations

import dataclasses
from datetime import date

import pytest

from hirel.comparing.verdicts import compare_claims, verdict_for
from hirel.model import Interval, Period
from test_verdicts import DATE, ENTITIES, FIXED, FUNDING, STANCE, claim, exact, years

M = 1e6
QASSAM = "Izz ad-Din al-Qassam Brigades"  # part_of Hamas in ENTITIES
TOTAL = dataclasses.replace(FIXED, id="total", unit="count", cumulative=True, since="2003")


def _day(y: int, m: int, d: int) -> Period:
    return Period(date(y, m, d), date(y, m, d))


def _count(claim_id: str, value: float, **kw: object):
    return claim(claim_id, value=exact(value), unit="count", **kw)


CASES = [
    # (id, proposition, a, b, verdict, the whole explanation)
    # --- step 2: nothing to compare ----------------------------------------------------------
    ("no-stance-second", STANCE,
     claim("a", stance="supports"), claim("b", origin="Al-Monitor"),
     "unrelated", "no stance to compare: Al-Monitor takes none"),
    ("no-stance-first", STANCE,
     claim("a", origin="Al-Monitor"), claim("b", stance="refutes"),
     "unrelated", "no stance to compare: Al-Monitor takes none"),
    ("no-stance-with-certainty", STANCE,
     claim("a", stance="supports", certainty="likely"), claim("b", origin="Al-Monitor"),
     "unrelated", "no stance to compare: Al-Monitor takes none; one claim is only 'likely'"),
    ("no-value-one", FUNDING,
     claim("a"), claim("b", value=exact(100 * M), origin="Al-Monitor"),
     "unrelated", "no value to compare: the value from Reuters could not be read"),
    ("no-value-both", FUNDING,
     claim("a"), claim("b", origin="Al-Monitor"),
     "unrelated", "no value to compare: the value from Reuters and Al-Monitor could not be read"),
    ("unit-not-convertible", FUNDING,
     claim("a", original=Interval(20 * M, 20 * M, "EUR/year")),
     claim("b", value=exact(100 * M), origin="Al-Monitor"),
     "unrelated", "units cannot be compared: EUR/year (per Reuters) vs USD/year (per Al-Monitor)"),
    ("scopes-not-nested", STANCE,
     claim("a", stance="supports"), claim("b", stance="supports", scope="Hezbollah", origin="Al-Monitor"),
     "unrelated", "scopes Hamas and Hezbollah are not nested: Reuters supports, Al-Monitor supports"),
    ("scope-unspecified", STANCE,
     claim("a", stance="supports", scope=None), claim("b", stance="refutes", origin="Al-Monitor"),
     "unrelated", "scopes (unspecified) and Hamas are not nested: Reuters supports, Al-Monitor refutes"),
    # --- stances, same scope -----------------------------------------------------------------
    ("stance-agreement", STANCE,
     claim("a", stance="refutes"), claim("b", stance="refutes", origin="Al-Monitor"),
     "agreement", "same stance on Hamas: Reuters and Al-Monitor both refute, independently"),
    ("stance-agreement-no-scope", STANCE,
     claim("a", stance="supports", scope=None), claim("b", stance="supports", scope=None, origin="Al-Monitor"),
     "agreement", "same stance: Reuters and Al-Monitor both support, independently"),
    ("stance-same-origin", STANCE,
     claim("a", stance="refutes"), claim("b", stance="refutes"),
     "same-origin", "both from Reuters: a repeat, not a corroboration (both refute)"),
    ("stance-opposite", STANCE,
     claim("a", stance="supports"), claim("b", stance="refutes", origin="Al-Monitor"),
     "contradiction", "opposite stances on Hamas: Reuters supports, Al-Monitor refutes"),
    ("stance-opposite-self", STANCE,
     claim("a", stance="supports", origin="State Department"),
     claim("b", stance="refutes", origin="U.S. government"),
     "contradiction",
     ("opposite stances on Hamas: U.S. Department of State supports, U.S. government refutes; "
      "the same source contradicts itself")),
    # --- stances on nested scopes (related only through part_of) ------------------------------
    ("nested-stance-opposite", STANCE,
     claim("a", stance="supports", scope=QASSAM), claim("b", stance="refutes", origin="Al-Monitor"),
     "unrelated",
     (f"opposite stances on different nested scopes are not a contradiction: Reuters supports for {QASSAM}, "
      f"Al-Monitor refutes for Hamas, of which {QASSAM} is a part")),
    ("nested-stance-same", STANCE,
     claim("a", stance="supports"), claim("b", stance="supports", scope=QASSAM, origin="Al-Monitor"),
     "compatible",
     (f"same stance on nested scopes: Al-Monitor supports for {QASSAM}, Reuters supports for Hamas, "
      f"of which {QASSAM} is a part")),
    # --- figures on nested scopes: self-contradiction through part_of, both directions --------
    ("nested-part-exceeds-self-inner-part", FUNDING,
     claim("a", value=exact(200 * M), scope=QASSAM, origin="State Department"),
     claim("b", value=exact(100 * M), origin="U.S. government"),
     "contradiction",
     (f"part exceeds whole: $200M/yr (per U.S. Department of State) for {QASSAM} vs $100M/yr "
      f"(per U.S. government) for Hamas, of which {QASSAM} is a part; the same source contradicts itself")),
    ("nested-part-exceeds-self-outer-part", FUNDING,
     claim("a", value=exact(200 * M), scope=QASSAM, origin="U.S. government"),
     claim("b", value=exact(100 * M), origin="State Department"),
     "contradiction",
     (f"part exceeds whole: $200M/yr (per U.S. government) for {QASSAM} vs $100M/yr "
      f"(per U.S. Department of State) for Hamas, of which {QASSAM} is a part; the same source contradicts itself")),
    ("nested-part-exceeds-independent", FUNDING,
     claim("a", value=exact(200 * M), scope=QASSAM), claim("b", value=exact(100 * M), origin="Al-Monitor"),
     "contradiction",
     (f"part exceeds whole: $200M/yr (per Reuters) for {QASSAM} vs $100M/yr (per Al-Monitor) for Hamas, "
      f"of which {QASSAM} is a part")),
    ("nested-part-within", FUNDING,
     claim("a", value=exact(100 * M), scope=QASSAM), claim("b", value=exact(100 * M), origin="Al-Monitor"),
     "compatible",
     (f"part within whole: $100M/yr (per Reuters) for {QASSAM} can fit within $100M/yr (per Al-Monitor) "
      f"for Hamas, of which {QASSAM} is a part")),
    ("nested-dates", DATE,
     claim("a", value=(date(2012, 1, 1).toordinal(),) * 2, unit="date", scope=QASSAM),
     claim("b", value=(date(2019, 7, 1).toordinal(), date(2019, 7, 31).toordinal()), unit="date", origin="Al-Monitor"),
     "compatible",
     (f"dates for nested scopes need not coincide: 2012-01-01 (per Reuters) for {QASSAM} and 2019-07 "
      f"(per Al-Monitor) for Hamas, of which {QASSAM} is a part")),
    # --- same-origin through part_of, figures -------------------------------------------------
    ("figures-same-origin-part-of", FUNDING,
     claim("a", value=exact(100 * M), origin="State Department"),
     claim("b", value=exact(100 * M), origin="U.S. government"),
     "same-origin",
     ("both from U.S. government (U.S. Department of State is part of it): a repeat, not a "
      "corroboration ($100M/yr (per U.S. Department of State) and $100M/yr (per U.S. government))")),
    ("figures-contradiction-self-part-of", FUNDING,
     claim("a", value=exact(100 * M), origin="U.S. government"),
     claim("b", value=exact(300 * M), origin="State Department"),
     "contradiction",
     ("$100M/yr (per U.S. government) vs $300M/yr (per U.S. Department of State) for Hamas: the figures do "
      "not overlap; the same source contradicts itself")),
    ("figures-one-bound", FUNDING,
     claim("a", value=(50 * M, None)), claim("b", value=exact(100 * M), origin="Al-Monitor"),
     "consistent",
     ("≥ $50M/yr (per Reuters) and $100M/yr (per Al-Monitor) for Hamas: both can be true, but the figure "
      "per Reuters is only a lower bound, so they do not confirm each other")),
    ("dates-disjoint", DATE,
     claim("a", value=(date(2012, 1, 1).toordinal(),) * 2, unit="date"),
     claim("b", value=(date(2012, 1, 2).toordinal(),) * 2, unit="date", origin="Al-Monitor"),
     "contradiction",
     "2012-01-01 (per Reuters) vs 2012-01-02 (per Al-Monitor) for Hamas: the dates do not overlap"),
    ("dates-overlap", DATE,
     claim("a", value=(date(2012, 1, 1).toordinal(), date(2012, 12, 31).toordinal()), unit="date"),
     claim("b", value=(date(2012, 12, 31).toordinal(),) * 2, unit="date", origin="Al-Monitor"),
     "agreement",
     "2012 (per Reuters) and 2012-12-31 (per Al-Monitor) for Hamas: the dates overlap, from independent sources"),
    ("periods-apart", FUNDING,
     claim("a", value=exact(100 * M), period=years(2019)),
     claim("b", value=exact(300 * M), period=years(2020), origin="Al-Monitor"),
     "different-period",
     ("periods 2019 and 2020 do not overlap and the proposition changes over time: $100M/yr (per Reuters) "
      "vs $300M/yr (per Al-Monitor)")),
    ("date-one-limit", DATE,
     claim("a", value=(date(2012, 1, 1).toordinal(), None), unit="date"),
     claim("b", value=(date(2015, 6, 1).toordinal(),) * 2, unit="date", origin="Al-Monitor"),
     "consistent",
     ("since 2012 (per Reuters) and 2015-06-01 (per Al-Monitor) for Hamas: both can be true, but the "
      "figure per Reuters is only a limit, so they do not confirm each other")),
    ("date-upper-limit", DATE,
     claim("a", value=(None, date(2015, 6, 1).toordinal()), unit="date"),
     claim("b", value=(date(2012, 1, 1).toordinal(),) * 2, unit="date", origin="Al-Monitor"),
     "consistent",
     ("until 2015-06-01 (per Reuters) and 2012-01-01 (per Al-Monitor) for Hamas: both can be true, but the "
      "figure per Reuters is only a limit, so they do not confirm each other")),
    ("date-two-limits", DATE,
     claim("a", value=(date(2012, 1, 1).toordinal(), None), unit="date"),
     claim("b", value=(None, date(2015, 6, 1).toordinal()), unit="date", origin="Al-Monitor"),
     "consistent",
     ("since 2012 (per Reuters) and until 2015-06-01 (per Al-Monitor) for Hamas: both can be true, but "
      "both are only bounds, so they do not confirm each other")),
    ("figure-no-bound-at-all", FUNDING,
     claim("a", value=(None, None)), claim("b", value=exact(100 * M), origin="Al-Monitor"),
     "consistent",
     ("any value (per Reuters) and $100M/yr (per Al-Monitor) for Hamas: both can be true, but the "
      "figure per Reuters is only 'any value', which bounds nothing, so they do not confirm each other")),
    ("figure-from-another-unit", FUNDING,
     claim("a", value=exact(360 * M), original=Interval(30 * M, 30 * M, "USD/month")),
     claim("b", value=exact(100 * M), origin="Al-Monitor"),
     "contradiction",
     "$360M/yr (from $30M/mo, per Reuters) vs $100M/yr (per Al-Monitor) for Hamas: the figures do not overlap"),
    ("figure-via", FUNDING,
     claim("a", value=exact(100 * M), via=("The Wall Street Journal", "Reuters"), origin="Hezbollah"),
     claim("b", value=exact(100 * M), origin="Al-Monitor", certainty="possible"),
     "agreement",
     ("$100M/yr (per Hezbollah (via The Wall Street Journal, Reuters)) and $100M/yr (per Al-Monitor) for "
      "Hamas: the figures overlap, from independent sources; one claim is only 'possible'")),
    ("two-certainties", FUNDING,
     claim("a", value=exact(100 * M), certainty="likely"),
     claim("b", value=exact(100 * M), origin="Al-Monitor", certainty="possible"),
     "agreement",
     ("$100M/yr (per Reuters) and $100M/yr (per Al-Monitor) for Hamas: the figures overlap, from "
      "independent sources; one claim is only 'likely', the other only 'possible'")),
    ("same-certainties", FUNDING,
     claim("a", value=exact(100 * M), certainty="likely"),
     claim("b", value=exact(100 * M), origin="Al-Monitor", certainty="likely"),
     "agreement",
     ("$100M/yr (per Reuters) and $100M/yr (per Al-Monitor) for Hamas: the figures overlap, from "
      "independent sources; both claims are only 'likely'")),
    # a stance outside supports/refutes (the library takes any text; the loader allows two)
    ("stance-unknown-word", STANCE,
     claim("a", stance="neutral"), claim("b", stance="refutes", origin="Al-Monitor"),
     "contradiction", "opposite stances on Hamas: Reuters says 'neutral', Al-Monitor refutes"),
    ("stance-unknown-word-repeat", STANCE,
     claim("a", stance="neutral"), claim("b", stance="neutral"),
     "same-origin", "both from Reuters: a repeat, not a corroboration (both say 'neutral')"),
    # --- running totals -------------------------------------------------------------------------
    ("total-same-day-is-a-plain-pair", TOTAL,
     _count("a", 2000, period=_day(2020, 3, 5)), _count("b", 1500, period=_day(2020, 3, 5), origin="Al-Monitor"),
     "contradiction", "2,000 (per Reuters) vs 1,500 (per Al-Monitor) for Hamas: the figures do not overlap"),
    ("total-falls-self-part-of", TOTAL,
     _count("a", 2000, period=_day(2020, 3, 5), origin="State Department"),
     _count("b", 1500, period=_day(2020, 3, 6), origin="U.S. government"),
     "contradiction",
     ("a running total for Hamas cannot fall: 2,000 (per U.S. Department of State) by 2020-03-05 vs "
      "1,500 (per U.S. government) by 2020-03-06; the same source contradicts itself")),
    ("total-grows", TOTAL,
     _count("a", 2000, period=_day(2020, 3, 6)), _count("b", 1500, period=_day(2020, 3, 5), origin="Al-Monitor"),
     "different-period",
     ("a running total for Hamas can grow: 1,500 (per Al-Monitor) by 2020-03-05 and 2,000 (per Reuters) "
      "by 2020-03-06 can both be true")),
    ("total-nested-part-falls-below-whole", TOTAL,
     _count("a", 2000, period=_day(2020, 3, 5), scope=QASSAM),
     _count("b", 1500, period=_day(2020, 3, 6), origin="Al-Monitor"),
     "contradiction",
     (f"a running total cannot fall: 2,000 (per Reuters) for {QASSAM} by 2020-03-05 vs 1,500 (per Al-Monitor) "
      f"for Hamas by 2020-03-06 ({QASSAM} is part of Hamas)")),
    ("total-nested-whole-first", TOTAL,
     _count("a", 2000, period=_day(2020, 3, 5)),
     _count("b", 1500, period=_day(2020, 3, 6), scope=QASSAM, origin="Al-Monitor"),
     "different-period",
     (f"a running total can grow: 2,000 (per Reuters) for Hamas by 2020-03-05 and 1,500 (per Al-Monitor) "
      f"for {QASSAM} by 2020-03-06 can both be true ({QASSAM} is part of Hamas)")),
]


@pytest.mark.parametrize(("name", "proposition", "a", "b", "verdict", "explanation"), CASES,
                         ids=[case[0] for case in CASES])
def test_explanation_whole(name, proposition, a, b, verdict, explanation):
    finding = verdict_for(a, b, proposition, ENTITIES)
    assert (finding.verdict, finding.explanation) == (verdict, explanation)


def test_compare_claims_gives_the_same_explanations():
    # the batch path (one _Prepared per claim) says exactly what the pairwise path says
    for _name, proposition, a, b, verdict, explanation in CASES:
        [finding] = compare_claims([a, b], proposition, ENTITIES)
        assert (finding.verdict, finding.explanation) == (verdict, explanation)


def test_matrix_defaults_and_frozen_cells():
    # an empty tally is all zeros, and a matrix built without rows counts no origin
    from hirel.model import Topic
    from hirel.views.matrix import Matrix, MatrixCell, Tally

    assert Tally() == Tally(supports=0, refutes=0, values=0, contradictions=0, claims=0)
    empty = Matrix(Topic(id="t", text="t", loc=FIXED.loc), [], [])
    assert (empty.tally, empty.origins) == (Tally(0, 0, 0, 0, 0), 0)
    cell = MatrixCell([], 0)
    assert cell.contradicted == frozenset() and (cell.supports, cell.refutes, cell.values) == (0, 0, 0)
    with pytest.raises(dataclasses.FrozenInstanceError):
        cell.contradictions = 1  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError):
        empty.tally.claims = 1  # type: ignore[misc]


def test_a_stance_held_by_two_origins_is_plural_in_a_dispute():
    from hirel.comparing.positions import find_positions

    found = find_positions([
        claim("a", stance="supports"),
        claim("b", stance="supports", origin="Al-Monitor"),
        claim("c", stance="refutes", origin="Hezbollah"),
    ], STANCE, ENTITIES)
    assert sorted(p.origins for p in found.positions) == [("Al-Monitor", "Reuters"), ("Hezbollah",)]
    [dispute] = found.disputes
    assert dispute.explanation == "opposite stances on Hamas: Hezbollah refutes, Al-Monitor and Reuters support"


def test_a_claim_of_any_value_is_a_position_of_its_own_and_disputes_nothing():
    from hirel.comparing.positions import find_positions

    found = find_positions([
        claim("a", value=(None, None)),
        claim("b", value=exact(100 * M), origin="Al-Monitor"),
        claim("c", value=(500 * M, None), origin="Hezbollah"),
    ], FUNDING, ENTITIES)
    by_claims = {p.claims: p for p in found.positions}
    assert set(by_claims) == {("a",), ("b",), ("c",)}
    assert (by_claims[("a",)].interval.low, by_claims[("a",)].interval.high) == (None, None)
    [dispute] = found.disputes
    assert by_claims[("a",)].id not in dispute.positions
    assert dispute.explanation == (
        "$100M/yr (per Al-Monitor) vs ≥ $500M/yr (per Hezbollah) for Hamas: the figures do not overlap")
