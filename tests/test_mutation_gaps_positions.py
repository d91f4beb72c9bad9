"""Positions: the behaviour that the mutants of `hirel.comparing.positions` showed untested.

Every expected value is worked out by hand from the grouping and ordering rules of
docs/comparing.md ("Positions and disputes"); the claims are the Darfur-like ones of
`test_positions` (counts of deaths, scope Darfur).
"""

from __future__ import annotations

import dataclasses
from datetime import date

import pytest

from hirel.comparing.entities import EntityIndex
from hirel.comparing.positions import find_positions
from hirel.model import Entity, Interval, Loc, Period, Proposition
from test_positions import DARFUR, DEATHS, ENTITIES, YEARLY, K, c

LOC = Loc("entities.yaml")


def _summary(found):
    return [(p.id, p.claims, p.scope, p.display) for p in found.positions]


# --------------------------------------------------------------------------- certainty


def test_a_position_carries_the_strongest_certainty_of_its_claims():
    # certain > likely > possible, whatever the order of the claims.
    found = find_positions([
        c("likely-first", 10 * K, 10 * K, "AP", certainty="likely"),
        c("certain-second", 10 * K, 10 * K, "AFP", certainty="certain"),
        c("possible-first", 300 * K, 300 * K, "BBC", certainty="possible"),
        c("likely-second", 300 * K, 300 * K, "CNN", certainty="likely"),
        c("possible-only", 600 * K, 600 * K, "NYT", certainty="possible"),
    ], DEATHS, ENTITIES)
    assert [(p.display, p.claims, p.certainty) for p in found.positions] == [
        ("10,000", ("likely-first", "certain-second"), "certain"),
        ("300,000", ("possible-first", "likely-second"), "likely"),
        ("600,000", ("possible-only",), "possible"),
    ]


# --------------------------------------------------------------------------- the objects


def test_positions_and_disputes_are_immutable():
    found = find_positions(DARFUR, DEATHS, ENTITIES)
    position, dispute = found.positions[0], found.disputes[0]
    with pytest.raises(dataclasses.FrozenInstanceError):
        position.id = "p9"  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError):
        dispute.explanation = ""  # type: ignore[misc]
    # frozen dataclasses are hashable: positions can be kept in a set
    assert len({*found.positions, *found.positions}) == 3


def test_disputes_among_is_the_same_before_and_after_all_disputes_are_judged():
    # p1 Sudan's 10,000, p2 the UN's 300,000, p3 Reeves's ≥ 450,000: every pair clashes.
    fresh = find_positions(DARFUR, DEATHS, ENTITIES)
    assert [d.positions for d in fresh.disputes_among({"p1", "p3"})] == [("p1", "p3")]
    judged = find_positions(DARFUR, DEATHS, ENTITIES)
    assert [d.positions for d in judged.disputes] == [("p1", "p2"), ("p1", "p3"), ("p2", "p3")]
    assert [d.positions for d in judged.disputes_among({"p1", "p3"})] == [("p1", "p3")]
    assert [d.positions for d in judged.disputes_among({"p2"})] == []
    assert judged.disputes_among({"p1", "p3"}) == fresh.disputes_among({"p1", "p3"})


# --------------------------------------------------------------------------- tolerance and dates

DATES = Proposition(id="founded", topic="t", text="When it was founded", kind="date", unit="date",
                    object=None, changes_over_time=False, loc=LOC)


def _day(claim_id: str, day: date, origin: str) -> object:
    ordinal = float(day.toordinal())
    return dataclasses.replace(c(claim_id, 0, 0, origin), scope=None, interval=Interval(ordinal, ordinal, "date"))


def test_a_tolerance_widens_figures_but_never_dates():
    # With a 1% tolerance, 100,500 is not above 100,000 by more than 1% (500 < 1,005): one
    # position. Dates are days since year 1 (about 737,000 in 2020): 1% would be some 7,000
    # days, so dates are compared exactly and 2020-01-01 and 2020-03-01 stay apart.
    counts = find_positions([c("a", 100 * K, 100 * K, "AP"), c("b", 100.5 * K, 100.5 * K, "AFP")],
                            DEATHS, ENTITIES, tolerance=0.01)
    assert [p.claims for p in counts.positions] == [("a", "b")]
    days = find_positions([_day("jan", date(2020, 1, 1), "AP"), _day("mar", date(2020, 3, 1), "AFP")],
                          DATES, ENTITIES, tolerance=0.01)
    assert [(p.claims, p.display) for p in days.positions] == [(("jan",), "2020-01-01"), (("mar",), "2020-03-01")]
    assert [d.positions for d in days.disputes] == [("p1", "p2")]


# --------------------------------------------------------------------------- shared figures


def test_the_sweep_takes_every_figure_whose_low_end_is_below_the_smallest_high_end():
    # A [1,000, 10,000], B [5,000, 6,000], C [2,000, 3,000]. The smallest upper end is C's 3,000:
    # A (from 1,000) and C (from 2,000) contain it, B (from 5,000) does not. Then B alone.
    # Shared figures: A ∩ C = [2,000, 3,000]; B. C and B do not overlap: a dispute.
    found = find_positions([c("a", 1 * K, 10 * K, "AP"), c("b", 5 * K, 6 * K, "AFP"), c("c", 2 * K, 3 * K, "BBC")],
                           DEATHS, ENTITIES)
    assert [(p.claims, p.interval.low, p.interval.high) for p in found.positions] == [
        (("a", "c"), 2 * K, 3 * K), (("b",), 5 * K, 6 * K)]
    assert [d.positions for d in found.disputes] == [("p1", "p2")]



def test_a_floor_of_zero_is_no_bound_in_a_shared_figure():
    # "more than zero" says nothing: its position's figure is any value. "as many as 300,000"
    # ([0, 300,000]) keeps its floor of 0: the intersection of its claims' intervals.
    alone = find_positions([c("some", 0, None, "AP")], DEATHS, ENTITIES)
    [position] = alone.positions
    assert (position.interval.low, position.interval.high, position.display) == (None, None, "any value")
    as_many = find_positions([c("as-many-as", 0, 300 * K, "AP")], DEATHS, ENTITIES)
    [position] = as_many.positions
    assert (position.interval.low, position.interval.high, position.display) == (0, 300 * K, "≤ 300,000")


# --------------------------------------------------------------------------- scopes

ALIASED = EntityIndex([
    Entity(name="Darfur", aliases=("Darfur region",), part_of=(), loc=LOC),
    Entity(name="Chad", aliases=(), part_of=(), loc=LOC),
    *[Entity(name=n, aliases=(), part_of=(), loc=LOC) for n in ("AP", "AFP", "BBC")],
])


def test_a_scope_written_as_an_alias_is_the_entity_it_names():
    # "Darfur region" is Darfur: one block, one position of 10,000, named by the canonical name.
    found = find_positions([c("alias", 10 * K, 10 * K, "AP", scope="Darfur region"),
                            c("name", 10 * K, 10 * K, "AFP", scope="Darfur")], DEATHS, ALIASED)
    assert _summary(found) == [("p1", ("alias", "name"), "Darfur", "10,000")]


def test_a_scope_no_entity_names_is_kept_as_written():
    # Kordofan and Blue Nile are in no entity file: two scopes (not one block, though both say
    # 10,000), named as written.
    found = find_positions([c("kordofan", 10 * K, 10 * K, "AP", scope="Kordofan"),
                            c("blue-nile", 10 * K, 10 * K, "AFP", scope="Blue Nile")], DEATHS, ALIASED)
    assert _summary(found) == [("p1", ("blue-nile",), "Blue Nile", "10,000"),
                               ("p2", ("kordofan",), "Kordofan", "10,000")]
    assert found.disputes == []


def test_scopes_other_than_the_object_are_ordered_by_name_before_figure_or_claim_id():
    # by name, case aside: blue Nile, Chad, Kordofan; not by figure (5,000 first) or claim id.
    found = find_positions([c("a-kordofan", 5 * K, 5 * K, "AP", scope="Kordofan"),
                            c("b-chad", 7 * K, 7 * K, "BBC", scope="Chad"),
                            c("c-blue-nile", 10 * K, 10 * K, "AFP", scope="blue Nile")], DEATHS, ALIASED)
    assert _summary(found) == [("p1", ("c-blue-nile",), "blue Nile", "10,000"),
                               ("p2", ("b-chad",), "Chad", "7,000"),
                               ("p3", ("a-kordofan",), "Kordofan", "5,000")]


@pytest.mark.parametrize("written", ["Darfur region", "Darfur"])
def test_the_object_comes_first_however_the_proposition_writes_it(written):
    # Chad sorts before Darfur by name, but Darfur is the proposition's object.
    proposition = dataclasses.replace(DEATHS, object=written)
    found = find_positions([c("chad", 5 * K, 5 * K, "AP", scope="Chad"),
                            c("darfur", 10 * K, 10 * K, "AFP", scope="Darfur")], proposition, ALIASED)
    assert _summary(found) == [("p1", ("darfur",), "Darfur", "10,000"), ("p2", ("chad",), "Chad", "5,000")]


def test_an_object_no_entity_names_comes_first_too():
    proposition = dataclasses.replace(DEATHS, object="Kordofan")
    found = find_positions([c("darfur", 10 * K, 10 * K, "AP", scope="Darfur"),
                            c("kordofan", 10 * K, 10 * K, "AFP", scope="Kordofan")], proposition, ALIASED)
    assert _summary(found) == [("p1", ("kordofan",), "Kordofan", "10,000"), ("p2", ("darfur",), "Darfur", "10,000")]


# --------------------------------------------------------------------------- periods


def _period(start: date | None, end: date | None) -> Period:
    return Period(start, end)


def test_periods_are_ordered_by_start_then_end_an_open_start_by_its_end():
    # On a proposition that changes over time each period is a block. Earliest first: by start
    # (2006 before 2008, whatever the ends), a period with no start by its end (mid-2007), and
    # of two periods starting together the one ending first. The figures are chosen so that the
    # order by figure would be different.
    found = find_positions([
        c("2008", 10 * K, 10 * K, "AP", period=_period(date(2008, 1, 1), date(2008, 12, 31))),
        c("2006-2010", 20 * K, 20 * K, "AFP", period=_period(date(2006, 1, 1), date(2010, 12, 31))),
        c("to-mid-2007", 5 * K, 5 * K, "BBC", period=_period(None, date(2007, 6, 30))),
        c("2006", 30 * K, 30 * K, "CNN", period=_period(date(2006, 1, 1), date(2006, 12, 31))),
        c("unknown", 1 * K, 1 * K, "NYT"),
    ], YEARLY, ENTITIES)
    assert [p.claims for p in found.positions] == [
        ("2006",), ("2006-2010",), ("to-mid-2007",), ("2008",), ("unknown",)]
    assert [(p.period.start, p.period.end) for p in found.positions][:3] == [
        (date(2006, 1, 1), date(2006, 12, 31)), (date(2006, 1, 1), date(2010, 12, 31)), (None, date(2007, 6, 30))]
