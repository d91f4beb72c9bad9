"""How many pairs of claims get each verdict, without judging every pair.

`verdicts.compare_claims` judges all n(n-1)/2 pairs of a proposition; the counts that `topics`,
`propositions`, `sources`, `matrix` and the summary of `compare` show need only the number of
pairs per verdict (and, per claim, how many contradictions it is in). They follow from the
structure of the verdict rules, so they are computed in O(n log n):

* Pairs of claims whose scopes are not the same or nested, or that have nothing comparable, are
  ``unrelated``: counted by group sizes, never visited.
* Within one scope (and one unit), per claim x: how many claims y are above it (y.low exceeds
  x.high, beyond the tolerance: a suffix of the claims sorted by low, found by binary search),
  how many below, and how many of those are also entirely before or after it in time (the
  period, or for a running total the date it is as of): a sweep over that sorted order with a
  Fenwick tree over the time bounds. Stances count opposite stances the same way.
* Contradictions and different-period pairs follow from those numbers; the rest are consistent
  pairs, split into ``same-origin`` by counting again within each origin and between an origin
  and each origin it is part of, and into ``agreement`` / ``consistent`` by counting again among
  the figures that pin a value.
* Nested scopes (a part and each of its wholes) are counted the same way, with the part/whole
  rule (only a part above its whole contradicts).

Every rule here mirrors one step of `verdicts._judge`; `tests/test_counting_property.py` checks on
random claim sets that the counts equal those of judging every pair.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass

from ..model import Proposition
from .entities import EntityIndex
from .relations import as_of, pins
from .sorted_search import Fenwick, exceeding, first_true, not_exceeded_by
from .verdicts import VERDICTS, ComparableClaim, Verdict

__all__ = ["VerdictCounts", "count_verdicts"]

_INF = float("inf")


@dataclass(frozen=True)
class VerdictCounts:
    counts: dict[str, int]  # every verdict of VERDICTS, in that order (Verdict members: strings)
    degrees: list[int]  # per claim (in the order given): how many contradictions it is in


class _Item:
    __slots__ = ("high", "index", "low", "origin", "pinned", "scope", "stance", "t_hi", "t_lo", "unit")
    index: int
    scope: str | None
    origin: str
    unit: str
    low: float | None
    high: float | None
    stance: str | None
    t_lo: float  # the time bounds as day numbers, ±inf when open
    t_hi: float
    pinned: bool


def _prepare(claim: ComparableClaim, index: int, entities: EntityIndex, prop: Proposition,
             cumulative: bool) -> _Item:
    item = _Item()
    item.index = index
    item.scope = (entities.resolve(claim.scope) or claim.scope) if claim.scope else None
    item.origin = (entities.resolve(claim.origin) or claim.origin) if claim.origin else claim.origin
    item.stance = claim.stance
    interval = claim.interval
    item.unit = interval.unit if interval is not None else ""
    item.low = interval.low if interval is not None else None
    item.high = interval.high if interval is not None else None
    item.pinned = interval is not None and pins(interval)
    if cumulative:
        days = as_of(claim.period)
        item.t_lo, item.t_hi = (days[0].toordinal(), days[1].toordinal()) if days else (-_INF, _INF)
    else:
        period = claim.period
        item.t_lo = period.start.toordinal() if period.start else -_INF
        item.t_hi = period.end.toordinal() if period.end else _INF
    return item


def _time_key(item: _Item, time: str) -> float:
    return item.t_hi if time == "before" else item.t_lo


def _time_hits(keys: list[float], x: _Item, time: str) -> int:
    """How many of the sorted time keys are before x (key = t_hi < x.t_lo) or after it."""
    if time == "before":
        return bisect_left(keys, x.t_lo)
    return len(keys) - bisect_right(keys, x.t_hi)


class _Side:
    """The claims y of one side, sorted by their bounds and by their time bounds for the queries."""

    def __init__(self, items: list[_Item]) -> None:
        self.items = items
        by_low = sorted(((y.low, y) for y in items if y.low is not None), key=lambda pair: pair[0])
        self.by_low = [y for _, y in by_low]
        self.lows = [low for low, _ in by_low]
        by_high = sorted(((y.high, y) for y in items if y.high is not None), key=lambda pair: pair[0])
        self.by_high = [y for _, y in by_high]
        self.highs = [high for high, _ in by_high]
        self.t_his = sorted(y.t_hi for y in items)
        self.t_los = sorted(y.t_lo for y in items)

    def time_all(self, x: _Item, time: str) -> int:
        return _time_hits(self.t_his if time == "before" else self.t_los, x, time)


def _value_counts(xs: list[_Item], side: _Side, direction: str, tol: float, times: tuple[str, ...]) -> list[list[int]]:
    """Per x: [how many y are above it ("up": y.low exceeds x.high) or below it ("down": x.low
    exceeds y.high)] followed by, for each time in ``times``, how many of those are also before
    or after x."""
    if direction == "up":
        ordered, keys = side.by_low, side.lows
    else:
        ordered, keys = side.by_high, side.highs
    prefix = []  # per x: the length of the prefix of `ordered` that is NOT (up) / IS (down) a hit
    for x in xs:
        if direction == "up":
            if x.high is None or not keys:
                prefix.append(len(keys))
            else:
                prefix.append(first_true(keys, exceeding(x.high, tol)))
        else:
            if x.low is None or not keys:
                prefix.append(0)
            else:
                prefix.append(first_true(keys, not_exceeded_by(x.low, tol)))
    up = direction == "up"
    rows = [[len(keys) - k if up else k] for k in prefix]
    for time in times:
        in_prefix = _prefix_time_counts(ordered, prefix, xs, time)
        if up:  # the hits are the suffix: all of `ordered` minus the prefix
            all_keys = sorted(_time_key(y, time) for y in ordered)
            for row, x, hits in zip(rows, xs, in_prefix):
                row.append(_time_hits(all_keys, x, time) - hits)
        else:
            for row, hits in zip(rows, in_prefix):
                row.append(hits)
    return rows


def _prefix_time_counts(ordered: list[_Item], prefix: list[int], xs: list[_Item], time: str) -> list[int]:
    """Per x: how many of ``ordered[:prefix]`` are before (or after) x in time: the prefixes are
    swept in increasing length, adding each y to a Fenwick tree over the ranks of its time key."""
    keys = sorted({_time_key(y, time) for y in ordered})
    rank = {key: i for i, key in enumerate(keys)}
    tree = Fenwick(len(keys))
    result = [0] * len(xs)
    added = 0
    for order in sorted(range(len(xs)), key=lambda i: prefix[i]):
        while added < prefix[order]:
            tree.add(rank[_time_key(ordered[added], time)])
            added += 1
        x = xs[order]
        if time == "before":
            result[order] = tree.total(bisect_left(keys, x.t_lo))
        else:
            result[order] = added - tree.total(bisect_right(keys, x.t_hi))
    return result


# --------------------------------------------------------------------------- the verdict rules


class _Rules:
    """What `verdicts._judge` looks at, for one proposition."""

    def __init__(self, prop: Proposition, tolerance: float) -> None:
        self.stance = prop.kind == "stance"
        self.date = prop.kind == "date"
        self.cumulative = prop.cumulative and prop.kind == "quantity"
        self.changes = prop.changes_over_time and not self.cumulative
        self.tol = 0.0 if self.date else tolerance
        self.times = ("before", "after") if (self.changes or self.cumulative) else ()


def _stance_sides(side: _Side) -> dict[str | None, _Side]:
    groups: dict[str | None, list[_Item]] = {}
    for y in side.items:
        groups.setdefault(y.stance, []).append(y)
    return {stance: _Side(members) for stance, members in groups.items()}


def _opposite(x: _Item, by_stance: dict[str | None, _Side], changes: bool) -> tuple[int, int]:
    """(claims of another stance, those of them apart from x in time when periods count)."""
    opposite = apart = 0
    for stance, group in by_stance.items():
        if stance != x.stance:
            opposite += len(group.items)
            if changes:
                apart += group.time_all(x, "before") + group.time_all(x, "after")
    return opposite, apart


def _apart(x: _Item, side: _Side) -> tuple[int, int]:
    return side.time_all(x, "before"), side.time_all(x, "after")


def _same_scope(xs: list[_Item], side: _Side, rules: _Rules) -> list[tuple[int, int]]:
    """Per x: (different-period pairs, contradictions) with the claims of ``side``, same scope."""
    out = []
    if rules.stance:
        by_stance = _stance_sides(side)
        for x in xs:
            opposite, apart = _opposite(x, by_stance, rules.changes)
            dp = sum(_apart(x, side)) if rules.changes else 0
            out.append((dp, opposite - apart))
        return out
    up = _value_counts(xs, side, "up", rules.tol, rules.times)
    down = _value_counts(xs, side, "down", rules.tol, rules.times)
    for x, u, d in zip(xs, up, down):
        if rules.cumulative:  # a total above a later one is a contradiction, below it growth
            before, after = _apart(x, side)
            out.append((before - u[1] + after - d[2], u[0] - u[2] + d[0] - d[1]))
        elif rules.changes:
            out.append((sum(_apart(x, side)), u[0] + d[0] - u[1] - u[2] - d[1] - d[2]))
        else:
            out.append((0, u[0] + d[0]))
    return out


def _nested(xs: list[_Item], side: _Side, rules: _Rules, x_is_part: bool) -> list[tuple[int, int, int]]:
    """Per x: (different-period, contradictions, unrelated) with the claims of ``side``, where x
    is a part and ``side`` its whole (or the reverse)."""
    out = []
    if rules.stance or rules.date:
        by_stance = _stance_sides(side) if rules.stance else {}
        for x in xs:
            dp = sum(_apart(x, side)) if rules.changes else 0
            unrelated = 0
            if rules.stance:
                opposite, apart = _opposite(x, by_stance, rules.changes)
                unrelated = opposite - apart  # opposite stances on nested scopes
            out.append((dp, 0, unrelated))
        return out
    # Only a part above its whole contradicts: x above y when x is the part, y above x otherwise.
    rows = _value_counts(xs, side, "down" if x_is_part else "up", rules.tol, rules.times)
    for x, r in zip(xs, rows):
        if rules.cumulative:
            before, after = _apart(x, side)
            if x_is_part:  # the part's total earlier and above: a contradiction; later: growth
                out.append((before + after - r[2], r[0] - r[1], 0))
            else:
                out.append((before + after - r[1], r[0] - r[2], 0))
        elif rules.changes:
            out.append((sum(_apart(x, side)), r[0] - r[1] - r[2], 0))
        else:
            out.append((0, r[0], 0))
    return out


def _rest(xs: list[_Item], ys: list[_Item] | None, rules: _Rules) -> int:
    """Consistent pairs (neither different-period nor a contradiction), same scope: within
    ``xs`` when ``ys`` is None, else between the two."""
    if ys is None:
        per = _same_scope(xs, _Side(xs), rules)
        total = len(xs) * (len(xs) - 1) // 2
        return total - (sum(p[0] for p in per) + sum(p[1] for p in per)) // 2
    per = _same_scope(xs, _Side(ys), rules)
    return len(xs) * len(ys) - sum(p[0] for p in per) - sum(p[1] for p in per)


def _same_origin(members: list[_Item], rules: _Rules, entities: EntityIndex) -> int:
    """Consistent pairs whose origins are the same or one part of the other."""
    by_origin: dict[str, list[_Item]] = {}
    for x in members:
        by_origin.setdefault(x.origin, []).append(x)
    total = 0
    for origin, group in by_origin.items():
        if len(group) > 1:
            total += _rest(group, None, rules)
        if origin:
            for whole in entities.ancestors(origin):
                if whole != origin and whole in by_origin:
                    total += _rest(group, by_origin[whole], rules)
    return total


def count_verdicts(claims: Sequence[ComparableClaim], proposition: Proposition, entities: EntityIndex,
                   tolerance: float | None = None) -> VerdictCounts:
    """The number of pairs of ``claims`` per verdict, and per claim its contradictions: the
    same numbers as `verdicts.compare_claims`, in O(n log n)."""
    from .relations import ROUNDING_TOLERANCE

    rules = _Rules(proposition, ROUNDING_TOLERANCE if tolerance is None else tolerance)
    n = len(claims)
    counts: dict[str, int] = {verdict: 0 for verdict in VERDICTS}
    degrees = [0] * n
    groups: dict[tuple[str | None, str], list[_Item]] = {}
    for index, claim in enumerate(claims):
        if (claim.stance is None) if rules.stance else (claim.interval is None):
            continue  # nothing to compare: unrelated to every other claim
        item = _prepare(claim, index, entities, proposition, rules.cumulative)
        groups.setdefault((item.scope, item.unit), []).append(item)
    sides = {key: _Side(members) for key, members in groups.items()}
    related = 0
    for key, members in groups.items():
        per = _same_scope(members, sides[key], rules)
        for x, (_dp, contradictions) in zip(members, per):
            degrees[x.index] += contradictions
        dp, contradictions = sum(p[0] for p in per) // 2, sum(p[1] for p in per) // 2
        total = len(members) * (len(members) - 1) // 2
        related += total
        rest = total - dp - contradictions
        repeats = _same_origin(members, rules, entities)
        counts[Verdict.DIFFERENT_PERIOD] += dp
        counts[Verdict.CONTRADICTION] += contradictions
        counts[Verdict.SAME_ORIGIN] += repeats
        if rules.stance:
            counts[Verdict.AGREEMENT] += rest - repeats
        else:
            pinned = [x for x in members if x.pinned]
            agreements = _rest(pinned, None, rules) - _same_origin(pinned, rules, entities)
            counts[Verdict.AGREEMENT] += agreements
            counts[Verdict.CONSISTENT] += rest - repeats - agreements
    for (scope, unit), parts in groups.items():
        if scope is None:
            continue
        for whole in entities.ancestors(scope):
            wholes = groups.get((whole, unit))
            if not wholes or whole == scope:
                continue
            per_part = _nested(parts, sides[(whole, unit)], rules, True)
            per_whole = _nested(wholes, sides[(scope, unit)], rules, False)
            for x, row in zip(parts, per_part):
                degrees[x.index] += row[1]
            for y, row in zip(wholes, per_whole):
                degrees[y.index] += row[1]
            total = len(parts) * len(wholes)
            related += total
            dp, contradictions, unrelated = (sum(row[i] for row in per_part) for i in range(3))
            counts[Verdict.DIFFERENT_PERIOD] += dp
            counts[Verdict.CONTRADICTION] += contradictions
            counts[Verdict.UNRELATED] += unrelated
            counts[Verdict.COMPATIBLE] += total - dp - contradictions - unrelated
    counts[Verdict.UNRELATED] += n * (n - 1) // 2 - related
    return VerdictCounts(counts, degrees)


def count_contradictions(claims: Sequence[ComparableClaim], proposition: Proposition, entities: EntityIndex,
                         tolerance: float | None = None) -> int:
    """Only the number of contradicting pairs of ``claims`` (what `count_verdicts` counts as
    ``contradiction``, without the other verdicts)."""
    from .relations import ROUNDING_TOLERANCE

    if len(claims) < 2:
        return 0
    rules = _Rules(proposition, ROUNDING_TOLERANCE if tolerance is None else tolerance)
    groups: dict[tuple[str | None, str], list[_Item]] = {}
    for index, claim in enumerate(claims):
        if (claim.stance is None) if rules.stance else (claim.interval is None):
            continue
        item = _prepare(claim, index, entities, proposition, rules.cumulative)
        groups.setdefault((item.scope, item.unit), []).append(item)
    total = 0
    sides = {key: _Side(members) for key, members in groups.items()}
    for key, members in groups.items():
        if len(members) > 1:
            total += sum(c for _dp, c in _same_scope(members, sides[key], rules)) // 2
        scope, unit = key
        if scope is None or rules.stance or rules.date:
            continue  # nested stances and dates never contradict
        for whole in entities.ancestors(scope):
            if whole != scope and (whole, unit) in sides:
                total += sum(row[1] for row in _nested(members, sides[(whole, unit)], rules, True))
    return total
