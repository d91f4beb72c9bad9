"""Positions and disputes, on cases worked out by hand from the grouping rules of
`hirel.comparing.positions` (documented in docs/comparing.md).

The Darfur-like case: the UN's 300,000 relayed by five outlets (one of which writes it as "as
many as 300,000"), Sudan's 10,000 relayed by two, Eric Reeves's "more than 450,000".
"""

from __future__ import annotations

import dataclasses
import random
from datetime import date

from hirel.comparing.entities import EntityIndex
from hirel.comparing.positions import find_positions
from hirel.comparing.verdicts import ComparableClaim, compare_claims
from hirel.model import Entity, Interval, Loc, Period, Proposition

LOC = Loc("entities.yaml")
K = 1e3
ANY_PERIOD = Period()  # unknown start and end: overlaps every period


def _e(name: str, part_of: tuple[str, ...] = ()) -> Entity:
    return Entity(name=name, aliases=(), part_of=part_of, loc=LOC)


ENTITIES = EntityIndex([
    _e("Darfur"), _e("North Darfur", ("Darfur",)),
    _e("United Nations"), _e("John Holmes", ("United Nations",)),
    _e("Sudan government"), _e("Eric Reeves"), _e("Coalition for Darfur"),
    *[_e(name) for name in ("BBC", "Reuters", "AP", "AFP", "Al Jazeera", "CNN", "NYT")],
])

DEATHS = Proposition(id="deaths", topic="t", text="Deaths in Darfur", kind="quantity", unit="count",
                     object="Darfur", changes_over_time=False, loc=LOC)
YEARLY = dataclasses.replace(DEATHS, id="yearly", changes_over_time=True)
STANCE = Proposition(id="genocide", topic="t", text="It is genocide", kind="stance", unit=None,
                     object="Darfur", changes_over_time=False, loc=LOC)


def c(claim_id: str, low: float | None, high: float | None, origin: str, via: tuple[str, ...] = (),
      scope: str = "Darfur", period: Period = ANY_PERIOD, certainty: str = "certain") -> ComparableClaim:
    return ComparableClaim(claim_id=claim_id, origin=origin, scope=scope, period=period, stance=None,
                           interval=Interval(low, high, "count"), certainty=certainty, via=via,
                           claimant_label=origin)


def s(claim_id: str, stance: str, origin: str, scope: str = "Darfur") -> ComparableClaim:
    return ComparableClaim(claim_id=claim_id, origin=origin, scope=scope, period=Period(), stance=stance,
                           interval=None, claimant_label=origin)


UN_REPORTS = [c(f"un-{outlet.lower().replace(' ', '-')}", 300 * K, 300 * K, "John Holmes", (outlet,))
              for outlet in ("BBC", "AP", "AFP", "Al Jazeera")]
UN_AS_MANY_AS = c("un-reuters-as-many-as", 0, 300 * K, "United Nations", ("Reuters",))
SUDAN = [c("sudan-cnn", 10 * K, 10 * K, "Sudan government", ("CNN",)),
         c("sudan-nyt", 9.5 * K, 10.5 * K, "Sudan government", ("NYT",))]
REEVES = c("reeves", 450 * K, None, "Eric Reeves")
DARFUR = [*UN_REPORTS, UN_AS_MANY_AS, *SUDAN, REEVES]


def _summary(found):
    return [(p.id, set(p.claims), p.origins, p.display) for p in found.positions]


def test_relayed_figures_are_one_position_each():
    found = find_positions(DARFUR, DEATHS, ENTITIES)
    # Sudan's 10,000 and [9,500, 10,500] share 10,000; the UN's four 300,000 and the bound
    # written by Reuters for the UN (same origin: Holmes is part of the UN, and ≤ 300,000 fits
    # 300,000) are one position; Reeves's bound is alone. Ordered by figure.
    assert _summary(found) == [
        ("p1", {"sudan-cnn", "sudan-nyt"}, ("Sudan government",), "10,000"),
        ("p2", {c.claim_id for c in UN_REPORTS} | {"un-reuters-as-many-as"}, ("United Nations",), "300,000"),
        ("p3", {"reeves"}, ("Eric Reeves",), "≥ 450,000"),
    ]
    assert [p.reports for p in found.positions] == [2, 5, 1]
    # Every pair of positions clashes: 10,000 vs 300,000, 10,000 vs ≥ 450,000, 300,000 vs ≥ 450,000.
    assert [d.positions for d in found.disputes] == [("p1", "p2"), ("p1", "p3"), ("p2", "p3")]
    first = found.disputes[0].explanation
    # the dispute is explained by the claims that contradict: Holmes's 300,000 (four reports),
    # not the UN's "as many as 300,000" of the same position, which fits Sudan's 10,000
    assert first == "10,000 (per Sudan government) vs 300,000 (per John Holmes) for Darfur: the figures do not overlap"
    # with Reeves's ≥ 450,000, the whole position contradicts (the bound ≤ 300,000 too): the UN named
    assert found.disputes[2].explanation.startswith("300,000 (per United Nations) vs ≥ 450,000 (per Eric Reeves)")
    # ...while the pairs are 2×4 + 2×1 + 5×1 = 15 contradictions (the bound "as many as
    # 300,000" does not contradict Sudan's 10,000: it is only consistent with it).
    findings = compare_claims(DARFUR, DEATHS, ENTITIES)
    assert sum(f.verdict == "contradiction" for f in findings) == 15
    assert sum(f.verdict == "consistent" for f in findings) == 2


def test_a_bound_that_fits_two_positions_stands_alone():
    # "more than 5,000" from an independent source can be true with 10,000 and with 300,000: it
    # joins neither (it has neither origin) and is in no dispute.
    bound = c("coalition-over-5000", 5 * K, None, "Coalition for Darfur")
    found = find_positions([*DARFUR, bound], DEATHS, ENTITIES)
    position = next(p for p in found.positions if "coalition-over-5000" in p.claims)
    assert position.claims == ("coalition-over-5000",) and position.display == "≥ 5,000"
    assert all(position.id not in d.positions for d in found.disputes)
    assert len(found.disputes) == 3


def test_bounds_of_one_limit_from_several_sources_are_one_position():
    a = c("reeves-again", 450 * K, None, "Eric Reeves", ("BBC",))
    b = c("coalition-450", 450 * K, None, "Coalition for Darfur")
    found = find_positions([REEVES, a, b], DEATHS, ENTITIES)
    assert [(set(p.claims), p.origins) for p in found.positions] == [
        ({"reeves", "reeves-again", "coalition-450"}, ("Coalition for Darfur", "Eric Reeves"))]
    assert found.disputes == []


def test_nested_scopes_are_separate_positions_with_part_whole_disputes():
    part = c("north-400k", 400 * K, 400 * K, "AP", scope="North Darfur")
    found = find_positions([*SUDAN, part], DEATHS, ENTITIES)
    assert [(p.id, p.scope, p.display) for p in found.positions] == [
        ("p1", "Darfur", "10,000"), ("p2", "North Darfur", "400,000")]
    # in the order the explanation names them: the part first
    assert [d.positions for d in found.disputes] == [("p2", "p1")]
    assert found.disputes[0].explanation.startswith("part exceeds whole: 400,000 (per AP) for North Darfur")
    small = c("north-5k", 5 * K, 5 * K, "AP", scope="North Darfur")
    assert find_positions([*SUDAN, small], DEATHS, ENTITIES).disputes == []


def test_periods_split_positions_only_when_the_proposition_changes():
    y2006 = Period(date(2006, 1, 1), date(2006, 12, 31))
    y2008 = Period(date(2008, 1, 1), date(2008, 12, 31))
    a = c("a-2006", 100 * K, 100 * K, "AP", period=y2006)
    b = c("b-2008", 100 * K, 100 * K, "AFP", period=y2008)
    d = c("d-2008", 200 * K, 200 * K, "CNN", period=y2008)
    fixed = find_positions([a, b, d], DEATHS, ENTITIES)
    assert [set(p.claims) for p in fixed.positions] == [{"a-2006", "b-2008"}, {"d-2008"}]
    assert [x.positions for x in fixed.disputes] == [("p1", "p2")]
    changing = find_positions([a, b, d], YEARLY, ENTITIES)
    assert [set(p.claims) for p in changing.positions] == [{"a-2006"}, {"b-2008"}, {"d-2008"}]
    # 2006 vs 2008: a change, not a dispute; 100,000 vs 200,000 in 2008: a dispute.
    assert [x.positions for x in changing.disputes] == [("p2", "p3")]


def test_stances():
    claims = [s("a", "supports", "AP"), s("b", "supports", "John Holmes"), s("c", "supports", "United Nations"),
              s("d", "refutes", "Sudan government")]
    found = find_positions(claims, STANCE, ENTITIES)
    assert [(p.display, set(p.claims), p.origins) for p in found.positions] == [
        ("refutes", {"d"}, ("Sudan government",)),
        ("supports", {"a", "b", "c"}, ("AP", "United Nations"))]
    assert [x.positions for x in found.disputes] == [("p1", "p2")]
    assert "opposite stances" in found.disputes[0].explanation


def test_a_source_on_both_sides_is_said():
    claims = [c("un-10k", 10 * K, 10 * K, "John Holmes"), c("un-300k", 300 * K, 300 * K, "United Nations")]
    found = find_positions(claims, DEATHS, ENTITIES)
    assert found.disputes[0].explanation.endswith("a source is on both sides")


def test_claims_with_nothing_to_compare_are_in_no_position():
    unreadable = dataclasses.replace(REEVES, claim_id="unreadable", interval=None)
    found = find_positions([*SUDAN, unreadable], DEATHS, ENTITIES)
    assert found.unplaced == ("unreadable",)
    assert [set(p.claims) for p in found.positions] == [{"sudan-cnn", "sudan-nyt"}]


def test_order_does_not_matter():
    bound = c("coalition-over-5000", 5 * K, None, "Coalition for Darfur")
    claims = [*DARFUR, bound, c("north-400k", 400 * K, 400 * K, "AP", scope="North Darfur")]
    expected = find_positions(claims, DEATHS, ENTITIES)
    rnd = random.Random(3)
    for _ in range(20):
        shuffled = claims[:]
        rnd.shuffle(shuffled)
        found = find_positions(shuffled, DEATHS, ENTITIES)
        assert [(p.id, set(p.claims), p.display) for p in found.positions] == \
               [(p.id, set(p.claims), p.display) for p in expected.positions]
        assert found.disputes == expected.disputes
