"""The disputes between the positions of a proposition (see `positions`): pairs of positions
whose claims contradict each other, each judged once, as two representative claims, by the
verdict rules, with one explanation in the origins' names."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..model import Proposition
from .entities import EntityIndex
from .positions import _CERTAINTY_RANK, Dispute, Position, _related
from .verdicts import ComparableClaim

if TYPE_CHECKING:
    from .explain import _Prepared

__all__ = ["judge_disputes"]


def _label(position: Position) -> str:
    """'UN', 'UN and AP', 'UN, AP and BBC', 'UN, AP, BBC and 2 more'."""
    names = list(position.origins)
    if len(names) > 3:
        return ", ".join(names[:3]) + f" and {len(names) - 3} more"
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def _plural_stances(explanation: str, *positions: Position) -> str:
    """'UN and AP supports' -> 'UN and AP support' for a stance held by several origins."""
    for position in positions:
        if position.stance in ("supports", "refutes") and len(position.origins) > 1:
            label = _label(position)
            explanation = explanation.replace(f"{label} {position.stance}", f"{label} {position.stance[:-1]}")
    return explanation


def _representative(position: Position, claims: dict[str, ComparableClaim]) -> ComparableClaim:
    members = [claims[c] for c in position.claims]
    first = members[0]
    single = len(members) == 1
    return ComparableClaim(
        claim_id=position.id, origin="\x00" + position.id, scope=first.scope,
        period=first.period if single else position.period, stance=position.stance,
        interval=position.interval, original=first.original if single else None,
        certainty=position.certainty, via=first.via if single else (),
        claimant_label=_label(position), change=first.change,
    )


def judge_disputes(positions: list[Position], claims: dict[str, ComparableClaim], proposition: Proposition,
              entities: EntityIndex, tolerance: float) -> list[Dispute]:
    from .explain import _Prepared
    from .verdicts import _judge

    prepared: dict[str, _Prepared] = {}

    def prepare(position: Position) -> _Prepared:  # built once a position is in a dispute
        if position.id not in prepared:
            prepared[position.id] = _Prepared(_representative(position, claims), entities)
        return prepared[position.id]

    by_scope: dict[str | None, list[Position]] = {}
    for p in positions:
        by_scope.setdefault(p.scope, []).append(p)
    index = {p.id: i for i, p in enumerate(positions)}
    disputes = []
    for i, a in enumerate(positions):
        candidates = [b for b in by_scope[a.scope] if index[b.id] > i]
        if a.scope is not None:
            for whole in entities.ancestors(a.scope):
                candidates += by_scope.get(whole, [])
            candidates += [b for s, group in by_scope.items() if s is not None and a.scope in entities.ancestors(s)
                           for b in group]
        for b in candidates:
            if not _may_contradict(a, b, tolerance):
                continue
            first, second = (a, b) if index[a.id] < index[b.id] else (b, a)
            verdict, _explanation = _judge(prepare(first), prepare(second), proposition, tolerance)
            if verdict != "contradiction":
                continue
            # Explained by the claims that contradict the other side only: a source whose figure
            # fits both positions is in neither side of the dispute.
            one, other = _facing(first, second, claims, entities, tolerance)
            facing = {one.id: _Prepared(_representative(one, claims), entities),
                      other.id: _Prepared(_representative(other, claims), entities)}
            verdict, explanation = _judge(facing[one.id], facing[other.id], proposition, tolerance)
            if verdict != "contradiction":  # cannot be, but the whole positions' words are then right
                one, other, facing = first, second, {first.id: prepare(first), second.id: prepare(second)}
                explanation = _explanation
            explanation = _plural_stances(explanation, one, other)
            sides = ({claims[c].origin for c in one.claims}, {claims[c].origin for c in other.claims})
            if any(_related(x, y, entities) for x in sides[0] for y in sides[1]):
                explanation += "; a source is on both sides"
            disputes.append(Dispute(_as_named(one, other, facing, explanation), explanation))
    disputes.sort(key=lambda d: sorted((index[d.positions[0]], index[d.positions[1]])))
    return _unique(disputes)


def _as_named(first: Position, second: Position, prepared: dict[str, _Prepared], explanation: str) -> tuple[str, str]:
    """The two positions in the order the explanation names them (a running total names the
    earlier first: 'dispute p2 × p1: … 5,500 by 2023-09-14 vs 3,958 by 2023-09-17'). A figure is
    named with its claimants ('5,500 (per …)'), which two positions in a dispute never share."""
    at_first = explanation.find(prepared[first.id].figure)
    at_second = explanation.find(prepared[second.id].figure)
    return (second.id, first.id) if 0 <= at_second < at_first else (first.id, second.id)


def _facing(a: Position, b: Position, claims: dict[str, ComparableClaim], entities: EntityIndex,
            tolerance: float) -> tuple[Position, Position]:
    """Two disputed figure positions, each cut down to its claims that contradict a claim of the
    other: with A above B, a claim of A whose low is above the lowest high of B's claims, and a
    claim of B whose high is below the highest low of A's. (Every contradiction rule, same scope,
    part and whole, a running total, needs one figure certainly above the other, in the direction
    the two positions' figures already are.) Stance positions are kept whole: each claim of one
    contradicts each claim of the other."""
    from dataclasses import replace

    from .entities import independent_origins
    from .positions import _shared, _widest
    from .relations import exceeds

    if a.interval is None or b.interval is None:
        return a, b
    tol = 0.0 if a.interval.unit == "date" else tolerance
    if a.interval.low is not None and b.interval.high is not None and exceeds(a.interval.low, b.interval.high, tol):
        upper, lower = a, b
    elif b.interval.low is not None and a.interval.high is not None and exceeds(b.interval.low, a.interval.high, tol):
        upper, lower = b, a
    else:
        return a, b
    up = [claims[c] for c in upper.claims]
    down = [claims[c] for c in lower.claims]
    highs = [c.interval.high for c in down if c.interval is not None and c.interval.high is not None]
    lows = [c.interval.low for c in up if c.interval is not None and c.interval.low is not None]
    if not highs or not lows:
        return a, b
    lowest_high, highest_low = min(highs), max(lows)
    up_kept = [c for c in up if c.interval is not None and c.interval.low is not None
               and exceeds(c.interval.low, lowest_high, tol)]
    down_kept = [c for c in down if c.interval is not None and c.interval.high is not None
                 and exceeds(highest_low, c.interval.high, tol)]
    if not up_kept or not down_kept:
        return a, b

    def cut(position: Position, kept: list[ComparableClaim]) -> Position:
        if len(kept) == len(position.claims):
            return position
        groups = independent_origins((c.origin for c in kept), entities)
        return replace(position, claims=tuple(c.claim_id for c in kept), interval=_shared(kept),
                       origins=tuple(_widest(names, entities) for names in groups),
                       certainty=min((c.certainty for c in kept), key=lambda c: _CERTAINTY_RANK.get(c, 0)))

    cut_up, cut_down = cut(upper, up_kept), cut(lower, down_kept)
    return (cut_up, cut_down) if upper is a else (cut_down, cut_up)


def _may_contradict(a: Position, b: Position, tolerance: float) -> bool:
    """False when two positions certainly do not contradict: the same stance, or figures that
    overlap (every contradiction rule needs one figure certainly above the other)."""
    if a.stance is not None or b.stance is not None:
        return a.stance != b.stance
    if a.interval is None or b.interval is None:
        return False
    from .verdicts import disjoint

    return disjoint(a.interval, b.interval, 0.0 if a.interval.unit == "date" else tolerance)


def _unique(disputes: list[Dispute]) -> list[Dispute]:
    seen: set[frozenset[str]] = set()
    out = []
    for dispute in disputes:
        if (pair := frozenset(dispute.positions)) not in seen:
            seen.add(pair)
            out.append(dispute)
    return out
