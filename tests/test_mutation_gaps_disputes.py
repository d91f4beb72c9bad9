"""Disputes: the behaviour that the mutants of `hirel.comparing.disputes` showed untested.

Expected values are worked out by hand from docs/comparing.md ("Positions and disputes") and
the docstrings of `hirel.comparing.disputes`: a position is named by its independent origins
(sorted, `entities.independent_origins`), as 'A', 'A and B', 'A, B and C', 'A, B, C and 2 more';
a dispute is explained by the claims that contradict the other side only; dates are compared
exactly, whatever the tolerance given for figures.
"""

from __future__ import annotations

from datetime import date

import pytest

from hirel.comparing.entities import EntityIndex
from hirel.comparing.positions import find_positions
from hirel.comparing.verdicts import ComparableClaim
from hirel.model import Entity, Interval, Loc, Period, Proposition

LOC = Loc("entities.yaml")
OUTLETS = ("Aldwych Post", "Barrow Herald", "Carfax Times", "Dunmore Wire", "Eskdale News", "Fenwick Radio")
ENTITIES = EntityIndex([Entity(name=name, aliases=(), part_of=(), loc=LOC) for name in ("Lowmark", *OUTLETS)])
EVACUATED = Proposition(id="evacuated", topic="floods", text="People evacuated from Lowmark", kind="quantity",
                        unit="count", object="Lowmark", changes_over_time=False, loc=LOC)
BREACH = Proposition(id="breach", topic="floods", text="When the Lowmark dam was breached", kind="date",
                     unit="date", object=None, changes_over_time=False, loc=LOC)


def _count(claim_id: str, value: float, origin: str) -> ComparableClaim:
    return ComparableClaim(claim_id=claim_id, origin=origin, scope="Lowmark", period=Period(), stance=None,
                           interval=Interval(value, value, "count"), claimant_label=origin)


def _days(claim_id: str, first: date, last: date, origin: str) -> ComparableClaim:
    return ComparableClaim(claim_id=claim_id, origin=origin, scope=None, period=Period(), stance=None,
                           interval=Interval(float(first.toordinal()), float(last.toordinal()), "date"),
                           claimant_label=origin)


def _figure(value: float, origins: tuple[str, ...]) -> list[ComparableClaim]:
    return [_count(f"{int(value)}-{name.split()[0].lower()}", value, name) for name in origins]


# --------------------------------------------------------------------------- naming the sides


@pytest.mark.parametrize(("count", "label"), [
    (1, "Aldwych Post"),
    (2, "Aldwych Post and Barrow Herald"),
    (3, "Aldwych Post, Barrow Herald and Carfax Times"),
    (4, "Aldwych Post, Barrow Herald, Carfax Times and 1 more"),
    (5, "Aldwych Post, Barrow Herald, Carfax Times and 2 more"),
    (6, "Aldwych Post, Barrow Herald, Carfax Times and 3 more"),
])
def test_a_side_is_named_by_its_first_three_origins_then_how_many_more(count, label):
    # 1,000 from `count` independent outlets against 5,000 from one: the figures do not overlap.
    claims = [*_figure(1_000, OUTLETS[:count]), _count("lone", 5_000, "Lowmark")]
    found = find_positions(claims, EVACUATED, ENTITIES)
    assert [(p.id, p.origins) for p in found.positions] == [("p1", OUTLETS[:count]), ("p2", ("Lowmark",))]
    [dispute] = found.disputes
    assert dispute.positions == ("p1", "p2")
    assert dispute.explanation == (f"1,000 (per {label}) vs 5,000 (per Lowmark) for Lowmark: "
                                   "the figures do not overlap")


def test_both_sides_of_one_dispute_are_named_alike():
    # three origins against five: 'A, B and C' and 'C, D, E and 2 more' (sorted by name)
    claims = [*_figure(1_000, OUTLETS[:3]), *_figure(9_000, OUTLETS[1:])]
    found = find_positions(claims, EVACUATED, ENTITIES)
    [dispute] = found.disputes
    assert dispute.explanation == (
        "1,000 (per Aldwych Post, Barrow Herald and Carfax Times) vs 9,000 (per Barrow Herald, Carfax Times, "
        "Dunmore Wire and 2 more) for Lowmark: the figures do not overlap; a source is on both sides")


# --------------------------------------------------------------------------- dates are exact

def _jan(day: int) -> date:
    return date(2021, 1, day)


@pytest.mark.parametrize("tolerance", [None, 0.0, 0.01, 0.05])
def test_a_date_that_fits_both_sides_is_not_blamed_whatever_the_tolerance(tolerance):
    # Aldwych: 1–10 January; Barrow: 8–20 January; Carfax: 15 January. Aldwych and Barrow share
    # 8–10 January (one position, p1); Carfax's 15th is after it (p2): a dispute. Barrow's span
    # holds the 15th too, so only Aldwych contradicts Carfax, by five days: exactly, since dates
    # take no tolerance (5 days in some 738,000 would be within any percentage of them).
    claims = [_days("aldwych", _jan(1), _jan(10), "Aldwych Post"), _days("barrow", _jan(8), _jan(20), "Barrow Herald"),
              _days("carfax", _jan(15), _jan(15), "Carfax Times")]
    found = find_positions(claims, BREACH, ENTITIES, tolerance)
    assert [(p.id, p.claims) for p in found.positions] == [("p1", ("aldwych", "barrow")), ("p2", ("carfax",))]
    [dispute] = found.disputes
    assert dispute.positions == ("p1", "p2")
    assert dispute.explanation == ("2021-01-01–2021-01-10 (per Aldwych Post) vs 2021-01-15 (per Carfax Times): "
                                   "the dates do not overlap")


# --------------------------------------------------------------------------- the order of the two positions


def test_two_figures_written_alike_are_named_in_the_order_of_the_positions():
    # Aldwych gives 1,000,000 and, elsewhere, 1,004,000 (exact figures, no written precision): two
    # positions that do not overlap, both shown as '1M' by the same source. The explanation names
    # the lower-numbered position first, and the dispute keeps that order (p1 × p2), as any
    # same-scope dispute does; a later position is put first only when the explanation names its
    # figure first (a running total, a part before its whole).
    claims = [_count("million", 1_000_000, "Aldwych Post"), _count("more", 1_004_000, "Aldwych Post")]
    found = find_positions(claims, EVACUATED, ENTITIES)
    assert [(p.id, p.claims, p.display) for p in found.positions] == [
        ("p1", ("million",), "1M"), ("p2", ("more",), "1M")]
    [dispute] = found.disputes
    assert dispute.explanation == ("1M (per Aldwych Post) vs 1M (per Aldwych Post) for Lowmark: the figures do not "
                                   "overlap; a source is on both sides")
    assert dispute.positions == ("p1", "p2")
