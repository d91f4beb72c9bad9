"""Claims as the explanations of findings show them: prepared once per claim (canonical scope and
origin, their wholes, the label and the figure text), and the phrases the verdicts are built of."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from ..model import Interval, Period
from ..values.figures import format_figure
from ..values.periods import format_period
from .entities import EntityIndex

if TYPE_CHECKING:
    from .verdicts import ComparableClaim


class _Prepared:
    """What a claim contributes to every pair it is in, computed once per claim."""

    __slots__ = (
        "_figure",
        "_period_text",
        "claim",
        "label",
        "origin",
        "origin_up",
        "scope",
        "scope_up",
        "who",
    )

    def __init__(self, claim: ComparableClaim, entities: EntityIndex) -> None:
        self.claim = claim
        self.scope = _canonical(claim.scope, entities)
        self.scope_up = entities.ancestors(self.scope) if self.scope is not None else frozenset()
        self.origin = _canonical(claim.origin, entities) or claim.origin
        self.origin_up = entities.ancestors(self.origin) if self.origin else frozenset()
        self.label = claim.claimant_label or claim.origin or claim.claim_id
        self.who = f"{self.label} (via {', '.join(claim.via)})" if claim.via else self.label
        self._figure: str | None = None
        self._period_text: str | None = None

    @property
    def figure(self) -> str:
        """'$360M/yr (from $30M/mo, per Reuters)': formatted once, on first use."""
        if self._figure is None:
            claim = self.claim
            interval, original = claim.interval, claim.original
            if interval is not None:
                text = format_figure(interval, claim.change)
            elif original is not None:
                text = f"{format_figure(original, claim.change)} (not convertible)"
            else:
                text = "no comparable value"
            if original is not None and interval is not None and original.unit != interval.unit:
                self._figure = f"{text} (from {format_figure(original, claim.change)}, per {self.who})"
            else:
                self._figure = f"{text} (per {self.who})"
        return self._figure

    @property
    def period_text(self) -> str:
        if self._period_text is None:
            self._period_text = format_period(self.claim.period)
        return self._period_text


def _canonical(name: str | None, entities: EntityIndex) -> str | None:
    if not name:
        return None
    return entities.resolve(name) or name



def _certainty_note(a: ComparableClaim, b: ComparableClaim) -> str:
    ca = a.certainty if a.certainty in ("likely", "possible") else None
    cb = b.certainty if b.certainty in ("likely", "possible") else None
    if ca is None and cb is None:
        return ""
    if ca is not None and cb is not None:
        if ca == cb:
            return f"; both claims are only '{ca}'"
        return f"; one claim is only '{ca}', the other only '{cb}'"
    return f"; one claim is only '{ca or cb}'"


def _scope_name(scope: str | None) -> str:
    return scope if scope is not None else "(unspecified)"


def _stance_verb(stance: str | None, plural: bool = False) -> str:
    if stance in ("supports", "refutes"):
        return stance.removesuffix("s") if plural else stance
    return f"say {stance!r}" if plural else f"says {stance!r}"


def _pair(a: _Prepared, b: _Prepared, is_stance: bool) -> str:
    """Both claims side by side: figures for values, claimant and stance for stances."""
    if is_stance:
        return (
            f"{a.who} {_stance_verb(a.claim.stance)}, {b.who} {_stance_verb(b.claim.stance)}"
        )
    return f"{a.figure} vs {b.figure}"


def _unit_of(claim: ComparableClaim) -> str:
    if claim.interval is not None:
        return claim.interval.unit
    if claim.original is not None and claim.original.unit:
        return claim.original.unit
    return "no unit"



def _bound_word(interval: Interval, kind: str) -> str:
    if interval.low is None and interval.high is None:
        return "'any value', which bounds nothing"
    if kind == "date":
        return "a limit" if interval.low is None or interval.high is None else "a range"
    return "a lower bound" if interval.high is None else "an upper bound"


def _only_bounds(bounds: list[_Prepared], kind: str) -> str:
    if len(bounds) == 2:
        return "both are only bounds"
    claim = bounds[0].claim
    # A bound is a figure: its claim has an interval.
    return f"the figure per {bounds[0].who} is only {_bound_word(claim.interval, kind)}"  # type: ignore[arg-type]


def _as_of_text(days: tuple[date, date]) -> str:
    return format_period(Period(days[0], days[1]))
