"""Compare the claims of a topic or proposition: resolve, normalize, judge every pair.

This is the library call behind `hirel compare` (and the counts of the browsing commands).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING

from ..errors import HirelError
from ..model import Article, Claim, Corpus, Finding, Interval, Period, Proposition
from .verdicts import VERDICTS, ComparableClaim, compare_claims

if TYPE_CHECKING:
    from .counting import VerdictCounts
    from .entities import EntityIndex
    from .positions import Positions


class UnknownName(HirelError, LookupError):
    """A topic, proposition or claim id that the corpus does not have."""

    def __init__(self, what: str, name: str, suggestions: list[str]) -> None:
        self.what, self.name, self.suggestions = what, name, suggestions
        hint = f"; did you mean '{suggestions[0]}'?" if suggestions else ""
        super().__init__(f"unknown {what} '{name}'{hint}")


@dataclass(frozen=True)
class NormalizedClaim:
    """A claim with everything hirel derived from it, for display and comparison."""

    claim: Claim
    article: Article | None
    comparable: ComparableClaim
    problem: str | None = None  # why the value or period could not be read, if so
    measures: str = "level"  # the proposition's: "change" when the value is a change (shown as one)

    @property
    def interval(self) -> Interval | None:
        return self.comparable.interval

    @property
    def period(self) -> Period:
        return self.comparable.period


class PropositionComparison:
    """One proposition compared. Nothing is judged pair by pair until asked: `counts` and
    `degrees` come from `counting` (O(n log n)), `positions` from one sort and sweep, the
    contradicting pairs from the disputes only; `findings` (every pair) on first use."""

    def __init__(self, proposition: Proposition, claims: list[NormalizedClaim], entities: EntityIndex,
                 independent_origins: int = 0) -> None:
        self.proposition = proposition
        self.claims = claims
        self.entities = entities
        self.independent_origins = independent_origins  # origins after collapsing part_of

    @cached_property
    def comparable(self) -> list[ComparableClaim]:
        return [c.comparable for c in self.claims]

    @cached_property
    def findings(self) -> list[Finding]:
        """Every pair's finding, contradictions first (quadratic: for --pairs and JSON)."""
        return compare_claims(self.comparable, self.proposition, self.entities)

    @cached_property
    def _counted(self) -> VerdictCounts:
        from .counting import count_verdicts

        return count_verdicts(self.comparable, self.proposition, self.entities)

    @property
    def counts(self) -> dict[str, int]:
        """Pairs per verdict, every verdict of `VERDICTS` present."""
        return dict(self._counted.counts)

    @cached_property
    def degrees(self) -> dict[str, int]:
        """Per claim id: the number of contradictions it is in."""
        return {c.claim_id: d for c, d in zip(self.comparable, self._counted.degrees)}

    def count(self, verdict: str) -> int:
        return self._counted.counts.get(verdict, 0)

    @cached_property
    def positions(self) -> Positions:
        from .positions import find_positions

        return find_positions(self.comparable, self.proposition, self.entities)

    @cached_property
    def contradictions(self) -> list[Finding]:
        """The contradicting pairs, found among the claims of disputed positions only (two claims
        of one position never contradict each other)."""
        if "findings" in self.__dict__:
            return [f for f in self.findings if f.verdict == "contradiction"]
        order = {c.claim_id: i for i, c in enumerate(self.comparable)}
        return sorted(self.iter_contradictions(), key=lambda f: (order[f.claims[0]], order[f.claims[1]]))

    def iter_contradictions(self) -> Iterator[Finding]:
        """The contradicting pairs one by one, dispute by dispute (each pair in corpus order)."""
        if not self.count("contradiction"):
            return
        from .verdicts import compare_between

        by_id = {c.claim_id: c for c in self.comparable}
        order = {c.claim_id: i for i, c in enumerate(self.comparable)}
        members = {p.id: [by_id[c] for c in p.claims] for p in self.positions.positions}
        for dispute in self.positions.disputes:
            first, second = dispute.positions
            for f in compare_between(members[first], members[second], self.proposition, self.entities,
                                     only="contradiction"):
                one, other = sorted(f.claims, key=order.__getitem__)
                yield Finding(f.proposition, f.verdict, (one, other), f.explanation)


@dataclass(frozen=True)
class Comparison:
    """The result of comparing a topic (or a single proposition)."""

    topic: str | None
    propositions: list[PropositionComparison] = field(default_factory=list)
    subject: str = ""  # what was asked for: the topic id or a proposition id

    def findings(self) -> Iterable[Finding]:
        for prop in self.propositions:
            yield from prop.findings


def normalize_claim(claim: Claim, corpus: Corpus, proposition: Proposition | None = None) -> NormalizedClaim:
    """Resolve names and read the value and period of ``claim``; never raises on bad data."""
    from ..values import ValueParseError, normalize_value, read_value
    from ..values.periods import PeriodError, parse_period
    from ..values.units import ConversionError, UnitError

    entities = corpus.entities
    article = corpus.articles.get(claim.article)
    prop = proposition or corpus.propositions.get(claim.proposition)
    claimant_written = claim.claimant or (article.outlet if article else None) or "unknown source"
    origin = entities.resolve(claimant_written) or claimant_written
    scope_written = claim.scope or (prop.object if prop else None)
    scope = entities.resolve(scope_written) or scope_written
    problem = None
    try:
        period = parse_period(claim.when)
    except PeriodError as exc:
        period, problem = Period(text=claim.when or ""), str(exc)
    interval = original = None
    if prop is not None and prop.kind != "stance" and claim.value is not None:
        target = "date" if prop.kind == "date" else (prop.unit or "")
        try:
            original = read_value(claim.value, expect=target, measures=prop.measures)
            interval = normalize_value(claim.value, target, period if period.known else None, prop.measures)
        except (ValueParseError, ConversionError, UnitError) as exc:
            problem = str(exc)
    comparable = ComparableClaim(
        claim_id=claim.id, origin=origin, scope=scope, period=period, stance=claim.stance,
        interval=interval, original=original, certainty=claim.certainty,
        via=tuple(entities.resolve(v) or v for v in claim.via),
        claimant_label=entities.resolve(claimant_written) or claimant_written,
        change=prop is not None and prop.measures == "change")
    return NormalizedClaim(claim, article, comparable, problem, prop.measures if prop is not None else "level")


def compare_proposition(
    corpus: Corpus, proposition: Proposition, claims: list[NormalizedClaim] | None = None
) -> PropositionComparison:
    """The proposition's claims, ready to be compared (``claims``: already normalized ones)."""
    from .entities import independent_origins

    if claims is None:
        claims = [normalize_claim(c, corpus, proposition) for c in corpus.claims_of(proposition.id)]
    origins = independent_origins((c.comparable.origin for c in claims), corpus.entities)
    return PropositionComparison(proposition, claims, corpus.entities, len(origins))


def resolve_subject(corpus: Corpus, name: str) -> tuple[str | None, list[Proposition]]:
    """A topic id or proposition id -> (topic or None, its propositions). Raises UnknownName."""
    if name in corpus.topics:
        return name, [p for p in corpus.propositions.values() if p.topic == name]
    if name in corpus.propositions:
        return None, [corpus.propositions[name]]
    from .entities import suggest

    raise UnknownName("topic or proposition", name, suggest(name, [*corpus.topics, *corpus.propositions]))


def compare(corpus: Corpus, name: str) -> Comparison:
    """Compare every proposition of topic ``name``, or the proposition ``name``."""
    topic, propositions = resolve_subject(corpus, name)
    if topic is None:  # a single proposition: report the topic it belongs to
        topic = propositions[0].topic
    return Comparison(topic, [compare_proposition(corpus, p) for p in propositions], subject=name)


def filter_findings(findings: Iterable[Finding], only: Iterable[str] | None) -> list[Finding]:
    wanted = set(only or VERDICTS)
    return [f for f in findings if f.verdict in wanted]
