"""The disputes between the positions of a proposition (see `positions`): pairs of positions
whose claims contradict each other, each judged once, as two representative claims, by the
verdict rules, with one explanation in the origins' names."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..model import Proposition
from .entities import EntityIndex
from .positions import Dispute, Position, _related
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

    prepared = {p.id: _Prepared(_representative(p, claims), entities) for p in positions}
    origins = {p.id: {claims[c].origin for c in p.claims} for p in positions}
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
            verdict, explanation = _judge(prepared[first.id], prepared[second.id], proposition, tolerance)
            if verdict != "contradiction":
                continue
            explanation = _plural_stances(explanation, first, second)
            if any(_related(x, y, entities) for x in origins[first.id] for y in origins[second.id]):
                explanation += "; a source is on both sides"
            disputes.append(Dispute(_as_named(first, second, prepared, explanation), explanation))
    disputes.sort(key=lambda d: sorted((index[d.positions[0]], index[d.positions[1]])))
    return _unique(disputes)


def _as_named(first: Position, second: Position, prepared: dict[str, _Prepared], explanation: str) -> tuple[str, str]:
    """The two positions in the order the explanation names them (a running total names the
    earlier first: 'dispute p2 × p1: … 5,500 by 2023-09-14 vs 3,958 by 2023-09-17'). A figure is
    named with its claimants ('5,500 (per …)'), which two positions in a dispute never share."""
    at_first = explanation.find(prepared[first.id].figure)
    at_second = explanation.find(prepared[second.id].figure)
    return (second.id, first.id) if 0 <= at_second < at_first else (first.id, second.id)


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
