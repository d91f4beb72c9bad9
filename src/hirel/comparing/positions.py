"""Positions and disputes: who says what on a proposition, and which positions clash.

Pairs are the engine's unit, not the reader's: twelve reports of one UN figure against three
reports of a government figure are one dispute, not 36 contradictions. Pure: takes the
comparable claims of one proposition, returns `Position`s and `Dispute`s; nothing is printed.

How claims are grouped (deterministic, and a function of the set of claims, not of their
order):

1. A claim with nothing to compare (no stance, a value that could not be put into the
   proposition's unit) is in no position.
2. Claims are split into **blocks** of the same scope (canonical entity) and the same period.
   "Same period" depends on the proposition: on a ``cumulative`` one, the same as-of date
   (`verdicts.as_of`); on one that ``changes_over_time``, the same period as written (start and
   end); otherwise periods are ignored (a fact about a fixed thing).
3. In a block, **stances** make one position each (supports, refutes).
4. In a block, **figures that pin a value** (bounded on both sides, `verdicts.pins`) are grouped
   by a common value: take the smallest upper end ``r`` among the figures not yet placed; every
   remaining figure whose lower end is at most ``r`` (beyond `ROUNDING_TOLERANCE`, if any) contains
   ``r`` and joins the position; repeat. Each position's figures therefore share a value, and
   the positions are found in one sort and one sweep.
5. A **bound** (`more than 450,000`, `as many as 300,000`) joins the first position of its block
   (in the order of step 7) that has the same origin (or one related by ``part_of``) and whose
   shared figure it is consistent with: Reuters writing Holmes's "300,000" as "as many as
   300,000" stays Holmes's position. Other bounds are grouped with the bounds of the same
   direction and the same limit, by the sweep of step 4 on
   their limits.
6. A position's **shared figure** is the intersection of its claims' intervals (every claim of
   the position is consistent with it); its **origins** are the independent origins of its
   claims (`entities.independent_origins`: a claimant and its wholes are one), however many
   outlets relay them.
7. Positions are ordered by scope (the proposition's object first, then by name), period
   (earliest first, unknown last), stance or figure (lowest first), then first claim id, and
   numbered ``p1``, ``p2``, … in that order.

A **dispute** is a pair of positions whose claims contradict each other. It is found by judging
the two positions' shared figures as if they were claims (same scope rules, periods and
running-total rule as `verdicts`): because a shared figure is the intersection of its claims,
two shared figures are disjoint exactly when one claim of each is. Only positions of the same
or nested scopes are paired.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from ..model import Interval, Period, Proposition
from ..values.figures import format_interval
from .entities import EntityIndex, independent_origins
from .relations import as_of, exceeds, pins
from .verdicts import ComparableClaim

__all__ = ["Dispute", "Position", "Positions", "find_positions"]

_CERTAINTY_RANK = {"certain": 0, "likely": 1, "possible": 2}


@dataclass(frozen=True)
class Position:
    """Claims of the same scope and period that share a figure (or a stance)."""

    id: str
    claims: tuple[str, ...]  # claim ids, in the order the claims were given
    origins: tuple[str, ...]  # one name per independent origin (the first of its group)
    scope: str | None
    period: Period  # the block's period (Period() when the proposition ignores periods)
    stance: str | None
    interval: Interval | None  # the shared figure
    certainty: str  # the strongest certainty among its claims

    @property
    def display(self) -> str:
        """'$324M–$396M/yr', '≥ 450,000', 'supports'."""
        if self.stance is not None:
            return self.stance
        return format_interval(self.interval) if self.interval is not None else ""

    @property
    def reports(self) -> int:
        return len(self.claims)


@dataclass(frozen=True)
class Dispute:
    positions: tuple[str, str]
    explanation: str


class Positions:
    """The positions of a proposition; the disputes between them are judged on first use (all of
    them), or among a few positions only (`disputes_among`)."""

    def __init__(self, positions: list[Position], claims: dict[str, ComparableClaim], proposition: Proposition,
                 entities: EntityIndex, tolerance: float, unplaced: tuple[str, ...] = ()) -> None:
        self.positions = positions
        self.unplaced = unplaced  # claims in no position (nothing comparable)
        self._claims, self._proposition, self._entities, self._tolerance = claims, proposition, entities, tolerance
        self._all: list[Dispute] | None = None

    @property
    def disputes(self) -> list[Dispute]:
        if self._all is None:
            from .disputes import judge_disputes

            self._all = judge_disputes(self.positions, self._claims, self._proposition, self._entities, self._tolerance)
        return self._all

    def disputes_among(self, ids: set[str]) -> list[Dispute]:
        """The disputes between the positions ``ids`` (all of them when already judged)."""
        if self._all is not None:
            return [d for d in self._all if d.positions[0] in ids and d.positions[1] in ids]
        chosen = [p for p in self.positions if p.id in ids]
        from .disputes import judge_disputes

        return judge_disputes(chosen, self._claims, self._proposition, self._entities, self._tolerance)

    def of_claim(self) -> dict[str, str]:
        return {claim_id: p.id for p in self.positions for claim_id in p.claims}

    def leading(self, limit: int) -> list[Position]:
        """The ``limit`` positions with the most independent origins (then reports), in order."""
        if len(self.positions) <= limit:
            return list(self.positions)
        ranked = sorted(self.positions, key=lambda p: (-len(p.origins), -p.reports))[:limit]
        chosen = {p.id for p in ranked}
        return [p for p in self.positions if p.id in chosen]


# --------------------------------------------------------------------------- grouping


def _period_key(claim: ComparableClaim, proposition: Proposition) -> tuple[date | None, date | None] | None:
    if proposition.cumulative and proposition.kind == "quantity":
        days = as_of(claim.period)
        return days if days is not None else (None, None)
    if proposition.changes_over_time:
        return (claim.period.start, claim.period.end)
    return None


def _tolerance(unit: str, tolerance: float) -> float:
    return 0.0 if unit == "date" else tolerance


def _sweep(items: list[tuple[float, float, int]], tolerance: float) -> list[list[int]]:
    """Group intervals ``(low, high, index)`` by a common value: the smallest remaining high
    ``r`` takes every remaining interval whose low is not above ``r`` (beyond ``tolerance``)."""
    by_high = sorted(items, key=lambda item: (item[1], item[0], item[2]))
    by_low = sorted(items, key=lambda item: (item[0], item[1], item[2]))
    placed: set[int] = set()
    groups = []
    j = 0
    for low, high, index in by_high:
        if index in placed:
            continue
        group = []
        while j < len(by_low) and not exceeds(by_low[j][0], high, tolerance):
            other = by_low[j][2]
            if other not in placed:
                placed.add(other)
                group.append(other)
            j += 1
        if index not in placed:  # only when its own low is above its high: not for valid intervals
            placed.add(index)
            group.append(index)
        groups.append(group)
    return groups


def _shared(claims: Sequence[ComparableClaim]) -> Interval:
    """The position's figure: the intersection of its claims' compared intervals, carrying the
    same intersection of the figures as written, so that people see what the sources wrote
    (`≥ $130M`, not the `≥ $128.7M` that written precision compares)."""
    intervals = [c.interval for c in claims if c.interval is not None]
    low, high = _intersection([(i.low, i.high) for i in intervals])
    written = _intersection([i.as_written for i in intervals])
    return Interval(low, high, intervals[0].unit, written=written)


def _intersection(bounds: Sequence[tuple[float | None, float | None]]) -> tuple[float | None, float | None]:
    lows = [low for low, _high in bounds if low is not None]
    highs = [high for _low, high in bounds if high is not None]
    low = max(lows) if lows else None
    high = min(highs) if highs else None
    if low is not None and high is not None and low > high:
        # Figures that meet only within their precision ('$1.7bn', '1.65 billion'): their span.
        low, high = high, low
    if low == 0 and high is None:
        low = None
    return low, high


def _related(a: str, b: str, entities: EntityIndex) -> bool:
    return a == b or b in entities.ancestors(a) or a in entities.ancestors(b)


def _consistent(bound: Interval, shared: Interval, tolerance: float) -> bool:
    above = bound.high is not None and shared.low is not None and exceeds(shared.low, bound.high, tolerance)
    below = bound.low is not None and shared.high is not None and exceeds(bound.low, shared.high, tolerance)
    return not (above or below)


def _block_groups(members: list[ComparableClaim], entities: EntityIndex, tolerance: float) -> list[list[ComparableClaim]]:
    """The positions of one block, each a list of claims (steps 3 to 5)."""
    if members[0].stance is not None:
        by_stance: dict[str, list[ComparableClaim]] = {}
        for claim in members:
            by_stance.setdefault(claim.stance, []).append(claim)  # type: ignore[arg-type]
        return [by_stance[stance] for stance in sorted(by_stance)]
    # The ignores of this function: a block holds only stance claims, each with a stance, or only
    # figure claims, each with an interval (find_positions places no other); mypy cannot see it.
    unit = members[0].interval.unit  # type: ignore[union-attr]
    tol = _tolerance(unit, tolerance)
    pinned = [c for c in members if pins(c.interval)]  # type: ignore[arg-type]
    bounds = [c for c in members if not pins(c.interval)]  # type: ignore[arg-type]
    groups = [[pinned[i] for i in g]
              for g in _sweep([(c.interval.low, c.interval.high, i) for i, c in enumerate(pinned)], tol)]  # type: ignore[union-attr,misc]
    groups.sort(key=lambda g: _figure_key(_shared(g), g))
    shared = [_shared(g) for g in groups]
    # Origins of each pinned group (and all their wholes), to attach a bound of the same origin.
    related = [{up for c in g for up in (c.origin, *entities.ancestors(c.origin))} for g in groups]
    loose: dict[str, list[ComparableClaim]] = {}
    for claim in sorted(bounds, key=lambda c: c.claim_id):
        interval = claim.interval
        ups = {claim.origin, *entities.ancestors(claim.origin)}
        for index, group in enumerate(groups):
            if ups & related[index] and _consistent(interval, shared[index], tol):  # type: ignore[arg-type]
                group.append(claim)
                shared[index] = _shared(group)  # the next bound must fit this one too
                break
        else:
            direction = "any" if interval.low is None and interval.high is None else (  # type: ignore[union-attr]
                "low" if interval.high is None else "high")  # type: ignore[union-attr]
            loose.setdefault(direction, []).append(claim)
    for direction, claims in sorted(loose.items()):
        if direction == "any":
            groups.append(claims)
            continue
        limits = [((c.interval.low if direction == "low" else c.interval.high),) * 2 + (i,)  # type: ignore[union-attr]
                  for i, c in enumerate(claims)]
        groups += [[claims[i] for i in g] for g in _sweep(limits, tol)]  # type: ignore[arg-type]
    return groups


def _figure_key(interval: Interval, claims: Sequence[ComparableClaim]) -> tuple[Any, ...]:
    low = interval.low if interval.low is not None else float("-inf")
    high = interval.high if interval.high is not None else float("inf")
    return (low, high, min(c.claim_id for c in claims))


def find_positions(
    claims: Sequence[ComparableClaim], proposition: Proposition, entities: EntityIndex, tolerance: float | None = None
) -> Positions:
    """The positions and disputes of one proposition's claims (see the module docstring)."""
    from .relations import ROUNDING_TOLERANCE

    tol = ROUNDING_TOLERANCE if tolerance is None else tolerance
    is_stance = proposition.kind == "stance"
    order = {c.claim_id: index for index, c in enumerate(claims)}
    unplaced = []
    blocks: dict[tuple[Any, ...], list[ComparableClaim]] = {}
    for claim in claims:
        ok = (claim.stance is not None) if is_stance else (claim.interval is not None)
        if not ok:
            unplaced.append(claim.claim_id)
            continue
        unit = "" if is_stance else claim.interval.unit  # type: ignore[union-attr]  # `ok` above
        scope = entities.resolve(claim.scope) or claim.scope if claim.scope else None
        key = (scope, _period_key(claim, proposition), unit)
        blocks.setdefault(key, []).append(claim)
    found: list[tuple[tuple[Any, ...], list[ComparableClaim], Interval | None]] = []
    for (scope, period_key, unit), members in blocks.items():
        for group in _block_groups(members, entities, tol):
            shared = None if is_stance else _shared(group)
            stance = group[0].stance if is_stance else None
            figure = (stance,) if is_stance else _figure_key(shared, group)  # type: ignore[arg-type]  # a figure group
            sort_key = (_scope_key(scope, proposition, entities), _period_sort(period_key), unit, figure,
                        min(c.claim_id for c in group))
            found.append((sort_key, group, shared))
    found.sort(key=lambda item: item[0])
    positions = []
    for number, (key, group, shared) in enumerate(found, 1):
        group = sorted(group, key=lambda c: order[c.claim_id])
        first = group[0]
        scope = entities.resolve(first.scope) or first.scope if first.scope else None
        period_key = _period_key(first, proposition)
        period = Period() if period_key is None else Period(*period_key)
        origins = independent_origins((c.origin for c in group), entities)
        positions.append(Position(
            id=f"p{number}", claims=tuple(c.claim_id for c in group),
            origins=tuple(_widest(names, entities) for names in origins), scope=scope, period=period,
            stance=first.stance if is_stance else None, interval=shared,
            certainty=min((c.certainty for c in group), key=lambda c: _CERTAINTY_RANK.get(c, 0)),
        ))
    by_id = {c.claim_id: c for c in claims}
    return Positions(positions, by_id, proposition, entities, tol, tuple(unplaced))


def _widest(names: list[str], entities: EntityIndex) -> str:
    """The origin a group of related origins goes by: the one the others are part of."""
    group = set(names)
    return next((n for n in names if not entities.ancestors(n) & group), names[0])


def _scope_key(scope: str | None, proposition: Proposition, entities: EntityIndex) -> tuple[Any, ...]:
    obj = entities.resolve(proposition.object) or proposition.object if proposition.object else None
    if scope == obj:
        return (0, "")
    return (1, (scope or "").casefold())


def _period_sort(key: tuple[date | None, date | None] | None) -> tuple[Any, ...]:
    if key is None or key == (None, None):
        return (1, date.max, date.max)
    start, end = key
    return (0, start or end or date.max, end or date.max)
