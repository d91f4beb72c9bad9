"""The verdict engine: one verdict for every pair of claims on a proposition.

Pure: it takes claims already resolved and normalized (`ComparableClaim`) and returns
`Finding`s. Nothing here reads files or prints.

A pair is judged in this order; the first step that decides wins:

1. **Scope.** Same canonical scope entity (or both unspecified) goes on. Nested scopes (one
   ``part_of`` the other, transitively, in either direction) go on as a *part/whole* pair.
   Anything else is ``unrelated``.
2. **Values.** A quantity or date claim whose value could not be put into the proposition's
   unit (``interval is None``, e.g. another currency), or two intervals in different units,
   is ``unrelated``. A stance claim without a stance is ``unrelated`` too.
3. **Periods.** On a ``cumulative`` proposition (a running total) the period is the date the
   total is as of (`as_of`): totals as of different dates are a ``contradiction`` when the
   earlier one is certainly above the later one ("a running total cannot fall"), else
   ``different-period`` (growth); the same or an unknown date goes on to the usual rules.
   Otherwise, when the proposition ``changes_over_time`` and both periods are known and do
   not overlap, the pair is ``different-period``. This comes before the part/whole test: a
   part's 2023 figure above the whole's 2018 figure is a change, not a contradiction. When the
   proposition does not change over time the periods are ignored (a fact about a fixed thing).
   Unknown or open periods overlap everything.
4. **Consistency.**

   * Same scope: quantities are consistent when their intervals overlap (`disjoint`; the
     intervals already carry the written precision of their figures, so the comparison
     tolerance `ROUNDING_TOLERANCE` is 0); dates when their date intervals overlap (never a
     tolerance: a fraction of a day ordinal is years); stances when they are equal.
     Inconsistent is a ``contradiction`` *whatever the origins*: a source that contradicts
     itself is still a contradiction (the explanation says so), not a "repeat".
   * Part/whole quantities: a ``contradiction`` only when the part's figure is certainly above
     the whole's (part.low > whole.high beyond the tolerance); otherwise ``compatible``.
   * Part/whole dates: always ``compatible`` (a date about a part need not be the whole's).
   * Part/whole stances: the same stance is ``compatible``; opposite stances are
     ``unrelated``. "Iran funded Hamas" and "Iran did not fund the Qassam Brigades" do not
     contradict each other, and whether a stance on a part implies one on the whole depends on
     the proposition's wording, which hirel cannot read.

5. **Origin.** A consistent pair with the same scope whose origins are the same canonical
   claimant, or one (transitively) ``part_of`` the other, is ``same-origin`` (a repeat, not a
   corroboration); otherwise ``agreement`` when both figures pin a value (bounded on both
   sides, `pins`), and ``consistent`` when one is only a bound (``as many as 300,000`` and
   ``10,000`` can both be true but do not confirm each other). A consistent part/whole pair stays ``compatible``
   whatever its origins: the scope difference is the more useful thing to say.

Certainty travels into the explanation: when either claim is only ``likely`` or ``possible``,
the explanation ends with "one claim is only 'possible'" (or similar). Explanations are one
sentence, name claims by their claimant label (with "via …" when passed on) and show the
normalized figures, with "(from $30M/mo)" when the claim was written in another unit.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum

from ..model import Finding, Interval, Period, Proposition
from .entities import EntityIndex
from .explain import _as_of_text, _certainty_note, _only_bounds, _pair, _Prepared, _scope_name, _stance_verb, _unit_of
from .relations import ROUNDING_TOLERANCE, as_of, disjoint, exceeds, pins

__all__ = [
    "VERDICTS",
    "ComparableClaim",
    "Verdict",
    "as_of",
    "compare_between",
    "compare_claims",
    "count_by_verdict",
    "disjoint",
    "exceeds",
    "pins",
    "verdict_for",
]

class Verdict(StrEnum):
    """What a comparison concludes about two claims. Members are strings ("contradiction" ==
    Verdict.CONTRADICTION), so JSON, CSV and filters keep the words of the data contract."""

    CONTRADICTION = "contradiction"
    AGREEMENT = "agreement"
    CONSISTENT = "consistent"
    COMPATIBLE = "compatible"
    DIFFERENT_PERIOD = "different-period"
    SAME_ORIGIN = "same-origin"
    UNRELATED = "unrelated"


# The order findings are listed in: contradictions first.
VERDICTS: tuple[Verdict, ...] = tuple(Verdict)

_RANK = {verdict: rank for rank, verdict in enumerate(VERDICTS)}


@dataclass(frozen=True)
class ComparableClaim:
    """A claim ready for comparison: names resolved, value normalized into the proposition's unit."""

    claim_id: str
    origin: str  # canonical claimant entity (the article's outlet when the claim names none); raw name if unresolvable
    scope: str | None  # canonical scope entity (the claim's scope, else the proposition's object); None = unspecified
    period: Period  # from `when`; Period() = unknown
    stance: str | None  # 'supports' | 'refutes' for stance propositions
    interval: Interval | None  # in the proposition's unit; None when it could not be converted
    original: Interval | None = None  # as written, before conversion; may be None
    certainty: str = "certain"  # certain | likely | possible
    via: tuple[str, ...] = ()
    claimant_label: str = ""  # display name for explanations; default origin
    change: bool = False  # on a proposition that measures a change: explanations show the figure as one


# --------------------------------------------------------------------------- judging


def _judge(
    a: _Prepared, b: _Prepared, proposition: Proposition, tolerance: float
) -> tuple[Verdict, str]:
    """(verdict, explanation) for one pair: the module docstring's steps 1–5."""
    ca, cb = a.claim, b.claim
    kind = proposition.kind
    is_stance = kind == "stance"

    # 1. Scope. `part` and `whole` are set for a nested pair.
    part = whole = None
    if a.scope != b.scope:
        if a.scope is not None and b.scope is not None:
            if b.scope in a.scope_up:
                part, whole = a, b
            elif a.scope in b.scope_up:
                part, whole = b, a
        if part is None:
            return Verdict.UNRELATED, (
                f"scopes {_scope_name(a.scope)} and {_scope_name(b.scope)} are not nested: "
                f"{_pair(a, b, is_stance)}{_certainty_note(ca, cb)}"
            )

    # 2. Comparable values.
    if is_stance:
        if ca.stance is None or cb.stance is None:
            missing = a.who if ca.stance is None else b.who
            return Verdict.UNRELATED, f"no stance to compare: {missing} takes none{_certainty_note(ca, cb)}"
    else:
        ia, ib = ca.interval, cb.interval
        unreadable = [p for p in (a, b) if p.claim.interval is None and p.claim.original is None]
        if unreadable:
            names = " and ".join(p.who for p in unreadable)
            return Verdict.UNRELATED, (
                f"no value to compare: the value from {names} could not be read"
                f"{_certainty_note(ca, cb)}"
            )
        if ia is None or ib is None or ia.unit != ib.unit:
            return Verdict.UNRELATED, (
                f"units cannot be compared: {_unit_of(ca)} (per {a.who}) vs "
                f"{_unit_of(cb)} (per {b.who}){_certainty_note(ca, cb)}"
            )

    # 3. Periods (of a running total: the dates it is as of).
    if proposition.cumulative and kind == "quantity":
        found = _judge_running_total(a, b, part, tolerance)
        if found is not None:
            return found
    elif proposition.changes_over_time and not ca.period.overlaps(cb.period):
        return Verdict.DIFFERENT_PERIOD, (
            f"periods {a.period_text} and {b.period_text} do not overlap and the proposition "
            f"changes over time: {_pair(a, b, is_stance)}{_certainty_note(ca, cb)}"
        )

    # 4. Consistency, part/whole.
    if part is not None and whole is not None:
        return _judge_nested(part, whole, kind, tolerance, _certainty_note(ca, cb))

    # 4. Consistency, same scope.
    if is_stance:
        consistent = ca.stance == cb.stance
    else:
        # Both claims have an interval here: a pair without one was judged above (no value).
        consistent = not disjoint(ca.interval, cb.interval, 0.0 if kind == "date" else tolerance)  # type: ignore[arg-type]

    same_origin = a.origin == b.origin or b.origin in a.origin_up or a.origin in b.origin_up
    note = _certainty_note(ca, cb)
    scope_text = f" for {a.scope}" if a.scope is not None else ""

    if not consistent:
        self_text = "; the same source contradicts itself" if same_origin else ""
        if is_stance:
            on = f" on {a.scope}" if a.scope is not None else ""
            reason = f"opposite stances{on}: {_pair(a, b, is_stance)}"
        else:
            what = "dates" if kind == "date" else "figures"
            reason = f"{a.figure} vs {b.figure}{scope_text}: the {what} do not overlap"
        return Verdict.CONTRADICTION, f"{reason}{self_text}{note}"

    # 5. Origin.
    if same_origin:
        if a.origin == b.origin:
            source = a.label
        else:
            inner, outer = (a, b) if b.origin in a.origin_up else (b, a)
            source = f"{outer.origin} ({inner.origin} is part of it)"
        if is_stance:
            detail = f"both {_stance_verb(ca.stance, plural=True)}"
        else:
            detail = f"{a.figure} and {b.figure}"
        return Verdict.SAME_ORIGIN, (
            f"both from {source}: a repeat, not a corroboration ({detail}){note}"
        )

    if is_stance:
        return Verdict.AGREEMENT, (
            f"same stance{' on ' + a.scope if a.scope is not None else ''}: "
            f"{a.who} and {b.who} both {_stance_verb(ca.stance, plural=True)}, "
            f"independently{note}"
        )
    what = "dates" if kind == "date" else "figures"
    bounds = [p for p in (a, b) if not pins(p.claim.interval)]  # type: ignore[arg-type]  # figures: both have one
    if bounds:
        return Verdict.CONSISTENT, (
            f"{a.figure} and {b.figure}{scope_text}: both can be true, but "
            f"{_only_bounds(bounds, kind)}, so they do not confirm each other{note}"
        )
    return Verdict.AGREEMENT, (
        f"{a.figure} and {b.figure}{scope_text}: the {what} overlap, from independent sources{note}"
    )


def _judge_running_total(
    a: _Prepared, b: _Prepared, part: _Prepared | None, tolerance: float
) -> tuple[Verdict, str] | None:
    """Totals as of different dates: a later one certainly below an earlier one is a
    contradiction, anything else can be growth. None (the usual rules) for the same or an
    unknown date. For nested scopes only the part's earlier total above the whole's later one
    is impossible (the part can only grow, and stays within the whole)."""
    da, db = as_of(a.claim.period), as_of(b.claim.period)
    if da is None or db is None or not (da[1] < db[0] or db[1] < da[0]):
        return None
    early, late = (a, b) if da[1] < db[0] else (b, a)
    d_early, d_late = _as_of_text(da if early is a else db), _as_of_text(db if early is a else da)
    note = _certainty_note(a.claim, b.claim)
    if part is None:
        where_early = where_late = tail = ""
        head = f"a running total for {a.scope}" if a.scope is not None else "a running total"
    else:
        whole = b if part is a else a
        where_early, where_late = f" for {early.scope}", f" for {late.scope}"
        tail, head = f" ({part.scope} is part of {whole.scope})", "a running total"
    if part is None or early is part:
        low, high = early.claim.interval.low, late.claim.interval.high  # type: ignore[union-attr]  # figures
        if low is not None and high is not None and exceeds(low, high, tolerance):
            same = early.origin == late.origin or late.origin in early.origin_up or early.origin in late.origin_up
            self_text = "; the same source contradicts itself" if same else ""
            return Verdict.CONTRADICTION, (
                f"{head} cannot fall: {early.figure}{where_early} by {d_early} vs "
                f"{late.figure}{where_late} by {d_late}{tail}{self_text}{note}"
            )
    return Verdict.DIFFERENT_PERIOD, (
        f"{head} can grow: {early.figure}{where_early} by {d_early} and {late.figure}{where_late} "
        f"by {d_late} can both be true{tail}{note}"
    )


def _judge_nested(
    part: _Prepared, whole: _Prepared, kind: str, tolerance: float, note: str
) -> tuple[Verdict, str]:
    relation = f"of which {part.scope} is a part"
    if kind == "stance":
        ps, ws = part.claim.stance, whole.claim.stance
        if ps == ws:
            return Verdict.COMPATIBLE, (
                f"same stance on nested scopes: {part.who} {_stance_verb(ps)} for {part.scope}, "
                f"{whole.who} {_stance_verb(ws)} for {whole.scope}, {relation}{note}"
            )
        return Verdict.UNRELATED, (
            f"opposite stances on different nested scopes are not a contradiction: "
            f"{part.who} {_stance_verb(ps)} for {part.scope}, {whole.who} {_stance_verb(ws)} "
            f"for {whole.scope}, {relation}{note}"
        )
    if kind == "date":
        return Verdict.COMPATIBLE, (
            f"dates for nested scopes need not coincide: {part.figure} for {part.scope} and "
            f"{whole.figure} for {whole.scope}, {relation}{note}"
        )
    # Figures, not stances or dates: both claims have an interval (no-value pairs are judged before).
    part_low = part.claim.interval.low  # type: ignore[union-attr]
    whole_high = whole.claim.interval.high  # type: ignore[union-attr]
    if part_low is not None and whole_high is not None and exceeds(part_low, whole_high, tolerance):
        same = (
            part.origin == whole.origin
            or whole.origin in part.origin_up
            or part.origin in whole.origin_up
        )
        self_text = "; the same source contradicts itself" if same else ""
        return Verdict.CONTRADICTION, (
            f"part exceeds whole: {part.figure} for {part.scope} vs {whole.figure} for "
            f"{whole.scope}, {relation}{self_text}{note}"
        )
    return Verdict.COMPATIBLE, (
        f"part within whole: {part.figure} for {part.scope} can fit within {whole.figure} for "
        f"{whole.scope}, {relation}{note}"
    )


# --------------------------------------------------------------------------- public API


def verdict_for(
    a: ComparableClaim, b: ComparableClaim, proposition: Proposition, entities: EntityIndex
) -> Finding:
    """The verdict on one pair of claims of ``proposition`` (see the module docstring)."""
    verdict, explanation = _judge(
        _Prepared(a, entities), _Prepared(b, entities), proposition, ROUNDING_TOLERANCE
    )
    return Finding(proposition.id, verdict, (a.claim_id, b.claim_id), explanation)


def compare_claims(
    claims: Sequence[ComparableClaim], proposition: Proposition, entities: EntityIndex
) -> list[Finding]:
    """Every unordered pair once (``(claims[i], claims[j])`` with i < j), sorted by verdict
    (the order of `VERDICTS`: contradictions first), then by the pair's claim ids."""
    tolerance = ROUNDING_TOLERANCE
    prepared = [_Prepared(claim, entities) for claim in claims]
    pid = proposition.id
    findings: list[Finding] = []
    append = findings.append
    for i, a in enumerate(prepared):
        a_id = a.claim.claim_id
        for b in prepared[i + 1 :]:
            verdict, explanation = _judge(a, b, proposition, tolerance)
            append(Finding(pid, verdict, (a_id, b.claim.claim_id), explanation))
    findings.sort(key=lambda f: (_RANK.get(f.verdict, len(VERDICTS)), f.claims))
    return findings


def compare_between(
    first: Sequence[ComparableClaim], second: Sequence[ComparableClaim], proposition: Proposition,
    entities: EntityIndex, only: str | None = None,
) -> list[Finding]:
    """The findings of every pair of one claim of ``first`` and one of ``second`` (with verdict
    ``only``, when given)."""
    tolerance = ROUNDING_TOLERANCE
    left = [_Prepared(c, entities) for c in first]
    right = [_Prepared(c, entities) for c in second]
    found = []
    for a in left:
        for b in right:
            verdict, explanation = _judge(a, b, proposition, tolerance)
            if only is None or verdict == only:
                found.append(Finding(proposition.id, verdict, (a.claim.claim_id, b.claim.claim_id), explanation))
    return found


def count_by_verdict(findings: Iterable[Finding]) -> dict[str, int]:
    """How many findings have each verdict: every verdict of `VERDICTS`, in that order, with 0
    for those that do not occur (so tables and JSON always show the same keys)."""
    counts: dict[str, int] = {verdict: 0 for verdict in VERDICTS}
    for finding in findings:
        counts[finding.verdict] = counts.get(finding.verdict, 0) + 1
    return counts
