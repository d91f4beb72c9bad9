"""Plain dicts of the model for JSON and CSV output (stable field names; see cli.md)."""

from __future__ import annotations

from datetime import date
from typing import Any

from .comparing.comparison import Comparison, NormalizedClaim, PropositionComparison
from .model import Finding, Interval, Period


def bound(x: float | None, unit: str) -> Any:
    """A bound as JSON: dates as ISO strings, numbers as numbers, unbounded as null."""
    if x is None:
        return None
    if unit == "date":
        return date.fromordinal(int(x)).isoformat()
    return int(x) if float(x).is_integer() and abs(x) < 2**53 else x


def interval_dict(interval: Interval | None, text: Any = None) -> dict[str, Any] | None:
    if interval is None:
        return None
    from .values.figures import format_interval

    from .values.figures import format_compared

    low, high = interval.as_written
    # low/high: the figure as written (hedges applied); compared: widened by written precision.
    return {"text": text if text is not None else interval.text, "low": bound(low, interval.unit),
            "high": bound(high, interval.unit), "unit": interval.unit,
            "display": format_interval(interval),
            "compared": {"low": bound(interval.low, interval.unit), "high": bound(interval.high, interval.unit),
                         "display": format_compared(interval)}}


def period_dict(period: Period) -> dict[str, Any]:
    from .values.periods import format_period

    return {"start": period.start.isoformat() if period.start else None,
            "end": period.end.isoformat() if period.end else None,
            "text": period.text or None, "display": format_period(period)}


def value_text(raw: Any) -> str:
    """A claim's value as written, always as a string, in YAML's spelling (see written.as_written)."""
    from .written import as_written

    return as_written(raw)


def claim_dict(nc: NormalizedClaim) -> dict[str, Any]:
    claim, comparable = nc.claim, nc.comparable
    value = None
    if claim.value is not None:
        text = value_text(claim.value)
        value = interval_dict(nc.interval, text) or {"text": text, "low": None, "high": None,
                                                     "unit": None, "display": None}
        original = comparable.original
        if original is not None and (nc.interval is None or original.unit != nc.interval.unit):
            # As written, when it differs from the proposition's unit or could not be converted.
            value["original"] = interval_dict(original, text)
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


def position_dict(position: Any) -> dict[str, Any]:
    interval = position.interval
    return {
        "id": position.id, "claims": list(position.claims), "origins": list(position.origins),
        "reports": position.reports, "scope": position.scope, "display": position.display,
        "stance": position.stance,
        "value": None if interval is None else {"low": bound(interval.low, interval.unit),
                                                "high": bound(interval.high, interval.unit), "unit": interval.unit},
        "when": period_dict(position.period), "certainty": position.certainty,
    }


def positions_dict(pc: PropositionComparison) -> dict[str, Any]:
    found = pc.positions
    if found is None:
        return {"positions": [], "disputes": [], "unplaced": []}
    return {"positions": [position_dict(p) for p in found.positions],
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
