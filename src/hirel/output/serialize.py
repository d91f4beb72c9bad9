"""Plain dicts of the model for JSON and CSV output (stable field names; see cli.md)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from typing import TYPE_CHECKING, Any

from ..comparing.comparison import Comparison, NormalizedClaim, PropositionComparison
from ..model import Article, Finding, Interval, Period, Proposition

if TYPE_CHECKING:
    from ..authoring.suggest import ArticleSuggestions, Stub, Suggestion
    from ..authoring.unknown import EntityUse
    from ..comparing.positions import Position
    from ..rules.base import Rule
    from ..views import (
        Charge,
        ClaimDetail,
        ClaimMatch,
        Matrix,
        PropositionStats,
        Sources,
        Stats,
        Tally,
        TimelineEntry,
        TopicStats,
    )
    from ..views.sources import Coverage


def bound(x: float | None, unit: str) -> int | float | str | None:
    """A bound as JSON: dates as ISO strings, numbers as numbers, unbounded as null."""
    if x is None:
        return None
    if unit == "date":
        return date.fromordinal(int(x)).isoformat()
    return int(x) if float(x).is_integer() and abs(x) < 2**53 else x


def interval_dict(interval: Interval | None, text: str | None = None, change: bool = False) -> dict[str, Any] | None:
    if interval is None:
        return None
    from ..values.figures import format_compared, format_interval

    low, high = interval.as_written
    # low/high: the figure as written (hedges applied); compared: widened by written precision.
    return {"text": text if text is not None else interval.text, "low": bound(low, interval.unit),
            "high": bound(high, interval.unit), "unit": interval.unit,
            "display": format_interval(interval),
            "compared": {"low": bound(interval.low, interval.unit), "high": bound(interval.high, interval.unit),
                         "display": format_compared(interval)},
            **change_dict(interval, change)}


def change_dict(interval: Interval, change: bool) -> dict[str, Any]:
    """The optional ``change`` field of a value on a proposition that ``measures: change``: the
    figure as a change, as written and as compared ({"display": "up at least 50%", "compared":
    "up at least 47.5%"}); nothing for a level (the ``display`` fields are kept as they were)."""
    from ..values.figures import format_change

    if not change or interval.unit == "date":
        return {}
    return {"change": {"display": format_change(interval), "compared": format_change(interval, compared=True)}}


def period_dict(period: Period) -> dict[str, Any]:
    from ..values.periods import format_period

    return {"start": period.start.isoformat() if period.start else None,
            "end": period.end.isoformat() if period.end else None,
            "text": period.text or None, "display": format_period(period)}


def value_text(raw: object) -> str:
    """A claim's value as written, always as a string, in YAML's spelling (see written.as_written)."""
    from ..written import as_written

    return as_written(raw)


def claim_dict(nc: NormalizedClaim) -> dict[str, Any]:
    claim, comparable = nc.claim, nc.comparable
    value = None
    if claim.value is not None:
        text = value_text(claim.value)
        change = nc.measures == "change"
        value = interval_dict(nc.interval, text, change) or {"text": text, "low": None, "high": None,
                                                             "unit": None, "display": None}
        original = comparable.original
        if original is not None and (nc.interval is None or original.unit != nc.interval.unit):
            # As written, when it differs from the proposition's unit or could not be converted.
            value["original"] = interval_dict(original, text, change)
    return {
        "id": claim.id,
        "article": claim.article,
        "outlet": nc.article.outlet if nc.article else None,
        "claimant": comparable.claimant_label,
        "origin": comparable.origin,
        "via": list(comparable.via),
        "quote": claim.quote,
        "stance": claim.stance,
        "scope": comparable.scope,
        "value": value,
        "when": period_dict(comparable.period),
        "certainty": claim.certainty,
        "note": claim.note,
        "problem": nc.problem,
    }


def finding_dict(finding: Finding) -> dict[str, Any]:
    return {"verdict": finding.verdict, "claims": list(finding.claims), "explanation": finding.explanation}


def position_dict(position: Position, change: bool = False) -> dict[str, Any]:
    interval = position.interval
    return {
        "id": position.id, "claims": list(position.claims), "origins": list(position.origins),
        "reports": position.reports, "scope": position.scope, "display": position.display,
        "stance": position.stance,
        "value": None if interval is None else _position_value(interval, change),
        "when": period_dict(position.period), "certainty": position.certainty,
    }


def _position_value(interval: Interval, change: bool) -> dict[str, Any]:
    """As for a claim: low/high as the sources wrote them, ``compared`` as judged."""
    from ..values.figures import format_compared

    low, high = interval.as_written
    return {"low": bound(low, interval.unit), "high": bound(high, interval.unit), "unit": interval.unit,
            "compared": {"low": bound(interval.low, interval.unit), "high": bound(interval.high, interval.unit),
                         "display": format_compared(interval)},
            **change_dict(interval, change)}


def positions_dict(pc: PropositionComparison) -> dict[str, Any]:
    found = pc.positions
    if found is None:
        return {"positions": [], "disputes": [], "unplaced": []}
    change = pc.proposition.measures == "change"
    return {"positions": [position_dict(p, change) for p in found.positions],
            "disputes": [{"positions": list(d.positions), "explanation": d.explanation} for d in found.disputes],
            "unplaced": list(found.unplaced)}


def proposition_dict(pc: PropositionComparison, findings: list[Finding] | None = None) -> dict[str, Any]:
    prop = pc.proposition
    shown = pc.findings if findings is None else findings
    return {
        "id": prop.id, "topic": prop.topic, "text": prop.text, "kind": prop.kind, "unit": prop.unit,
        "object": prop.object, "changes_over_time": prop.changes_over_time,
        "cumulative": prop.cumulative, "since": prop.since,
        "measures": prop.measures,
        "claims": [claim_dict(c) for c in pc.claims],
        **positions_dict(pc),
        "findings": [finding_dict(f) for f in shown],
        "counts": pc.counts,
    }


def comparison_dict(comparison: Comparison, only: set[str] | None = None) -> dict[str, Any]:
    return {
        "topic": comparison.topic,
        "subject": comparison.subject,
        "propositions": [
            proposition_dict(pc, [f for f in pc.findings if only is None or f.verdict in only])
            for pc in comparison.propositions
        ],
    }


# --------------------------------------------------------------------------- the browsing views


def listed_claim_dict(nc: NormalizedClaim, **extra: Any) -> dict[str, Any]:
    """claim_dict with the proposition id (the browsing commands list claims of several
    propositions) and any extra fields."""
    data = claim_dict(nc)
    return {"id": data.pop("id"), "proposition": nc.claim.proposition, **data, **extra}


def listed_finding_dict(finding: Finding, **extra: Any) -> dict[str, Any]:
    return {**finding_dict(finding), "proposition": finding.proposition, **extra}


def stats_dict(stats: Stats) -> dict[str, Any]:
    return {"stats": {"claims": stats.claims, "articles": stats.articles, "origins": stats.origins,
                      "contradictions": stats.contradictions},
            "counts": dict(stats.counts)}


def proposition_info_dict(prop: Proposition) -> dict[str, Any]:
    return {"id": prop.id, "topic": prop.topic, "text": prop.text, "kind": prop.kind, "unit": prop.unit,
            "object": prop.object, "changes_over_time": prop.changes_over_time,
            "measures": prop.measures}


def article_dict(article: Article | None) -> dict[str, Any] | None:
    if article is None:
        return None
    return {"id": article.id, "path": article.path, "title": article.title, "outlet": article.outlet,
            "author": article.author, "published": article.published, "url": article.url, "kind": article.kind,
            "reliability": article.reliability}


def topics_document(rows: Sequence[TopicStats]) -> dict[str, Any]:
    return {"topics": [{"id": r.topic.id, "text": r.topic.text, "propositions": r.propositions,
                        **stats_dict(r.stats)} for r in rows]}


def propositions_document(topic: str | None, rows: Sequence[PropositionStats]) -> dict[str, Any]:
    return {"topic": topic, "propositions": [{**proposition_info_dict(r.proposition), **stats_dict(r.stats)}
                                             for r in rows]}


def claims_document(matches: Sequence[ClaimMatch], searching: bool) -> dict[str, Any]:
    return {"claims": [listed_claim_dict(m.claim, **({"score": m.score} if searching else {}))
                       for m in matches]}


def show_document(detail: ClaimDetail) -> dict[str, Any]:
    nc = detail.claim
    data = listed_claim_dict(nc)
    if data["value"] is not None and nc.interval is not None:
        data["value"]["steps"] = list(nc.interval.steps)
    context = detail.context
    return {
        "claim": data,
        "proposition": proposition_info_dict(detail.proposition) if detail.proposition else None,
        "article": article_dict(detail.article),
        "context": None if context is None or detail.article is None else {
            "path": detail.article.path, "line": context.line, "paragraph_line": context.first_line,
            "paragraph": context.paragraph, "start": context.start, "end": context.end,
            "occurrences": context.occurrences},
        "findings": [listed_finding_dict(f, other=detail.other(f)) for f in detail.findings],
    }


def sources_document(report: Sources, listed: Mapping[str, Sequence[Charge]], against: Mapping[str, list[str]],
                     coverage: Mapping[str, Coverage] | None) -> dict[str, Any]:
    """Articles with their contradictions (own or reported) and the articles against them; outlets."""
    return {
        "articles": [{**(article_dict(r.article) or {}), "outlet": r.outlet,
                      "stats": {"claims": r.claims, "contradictions": r.contradictions, "reported": r.reported},
                      "contradictions": [listed_finding_dict(c.finding, role=c.role, against=c.other_articles)
                                         for c in listed[r.article.id]],
                      "against": against[r.article.id],
                      **({"coverage": coverage_dict(coverage[r.article.id])} if coverage is not None else {})}
                     for r in report.articles],
        "outlets": [{"name": o.outlet, "articles": o.articles,
                     "stats": {"claims": o.claims, "contradictions": o.contradictions, "reported": o.reported},
                     "reliability": o.reliability} for o in report.outlets],
    }


def coverage_dict(coverage: Coverage) -> dict[str, Any]:
    return {"checkable": coverage.checkable, "covered": coverage.covered, "share": coverage.share}


def timeline_document(topic: str | None, proposition: str | None, entries: Sequence[TimelineEntry]) -> dict[str, Any]:
    return {"topic": topic, "proposition": proposition, "claims": [
        listed_claim_dict(e.claim, date={"start": e.start.isoformat() if e.start else None,
                                         "end": e.end.isoformat() if e.end else None,
                                         "display": entry_when(e), "basis": e.basis})
        for e in entries]}


def entry_when(entry: TimelineEntry) -> str:
    """The period a timeline entry is placed at, as the table shows it ("unknown" when none)."""
    from ..values.periods import format_period

    if not entry.known:
        return "unknown"
    return format_period(Period(entry.start, entry.end))


def matrix_document(result: Matrix) -> dict[str, Any]:
    """A topic's grid of origins by propositions (`hirel matrix --format json`)."""

    def tally(t: Tally) -> dict[str, int]:
        return {"claims": t.claims, "supports": t.supports, "refutes": t.refutes, "values": t.values,
                "contradictions": t.contradictions}

    return {
        "topic": result.topic.id,
        "text": result.topic.text,
        "propositions": [{**proposition_info_dict(c.proposition), "key": c.key, "origins": c.origins,
                          "tally": tally(c.tally)} for c in result.columns],
        "sources": [{"origin": r.origin, "articles": r.articles, "part_of": r.part_of, "tally": tally(r.tally),
                     "cells": {pid: {"claims": [listed_claim_dict(nc) for nc in c.claims],
                                     "contradictions": c.contradictions}
                               for pid, c in r.cells.items()}}
                    for r in result.rows],
        "tally": tally(result.tally),
        "origins": result.origins,
    }


def entity_uses_document(uses: Sequence[EntityUse]) -> list[dict[str, Any]]:
    """Every entity with its aliases, part_of, and the claims and articles that use it."""
    return [{"name": u.name, "aliases": list(u.aliases), "part_of": list(u.part_of), "claims": u.claims,
             "articles": u.articles} for u in uses]


def value_reading_dict(text: str, interval: Interval, change: bool = False) -> dict[str, Any]:
    """`hirel value --format json`: the phrase, its bounds as written and as compared, the steps
    (and with --change, the ``change`` field of `change_dict`)."""
    from ..values.figures import format_compared, format_interval

    low, high = interval.as_written
    return {"text": text, "low": bound(low, interval.unit), "high": bound(high, interval.unit),
            "unit": interval.unit, "display": format_interval(interval),
            "compared": {"low": bound(interval.low, interval.unit), "high": bound(interval.high, interval.unit),
                         "display": format_compared(interval)},
            **change_dict(interval, change),
            "steps": list(interval.steps)}


def suggestions_document(article_id: str, result: ArticleSuggestions,
                         rows: Sequence[tuple[Suggestion, Stub]]) -> dict[str, Any]:
    """`hirel suggest --format json`: the article's coverage and a stub per suggested sentence."""
    return {
        "article": article_id, "checkable": result.checkable, "covered": result.covered,
        "coverage": result.coverage,
        "suggestions": [suggestion_dict(s, stub) for s, stub in rows],
    }


def suggestion_dict(s: Suggestion, stub: Stub) -> dict[str, Any]:
    a = stub.attribution
    return {
        "id": stub.id, "line": stub.line, "reasons": s.reasons, "covered": s.covered, "quote": stub.quote,
        "start": stub.start, "end": stub.end,
        "value": None if stub.value is None else {
            "text": stub.value.text, "reading": stub.value.reading, "low": stub.value.interval.low,
            "high": stub.value.interval.high, "unit": stub.value.interval.unit},
        "when": stub.when, "when_from": stub.when_source, "claimant": a.claimant, "claimant_known": a.claimant_known,
        "via": a.via, "certainty": a.certainty, "hedge": a.hedge, "unknown_names": a.unknown,
        "propositions": [{"id": pid, "score": score} for pid, score in stub.propositions],
    }


def rules_document(rules: Sequence[type[Rule]]) -> list[dict[str, Any]]:
    """`hirel rule --format json`: each rule's code, name, severity, summary and documentation."""
    return [{"code": r.code, "name": r.name, "severity": r.severity, "summary": r.summary(), "doc": r.doc()}
            for r in rules]


def schema_document(names: Sequence[str]) -> dict[str, Any]:
    """`hirel schema`: one kind's JSON Schema (draft-07), or every kind's by name."""
    from ..loading.schema import json_schema

    if len(names) == 1:
        return json_schema(names[0])
    return {name: json_schema(name) for name in names}
