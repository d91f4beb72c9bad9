"""What `hirel timeline` orders: claims by the start of the period they are about."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from ..comparing.comparison import NormalizedClaim
from ..model import Proposition
from .browser import Browser
from .claims import find_claims

# --------------------------------------------------------------------------- timeline


@dataclass(frozen=True)
class TimelineEntry:
    claim: NormalizedClaim
    proposition: Proposition | None
    start: date | None
    end: date | None
    basis: str  # "when" (the claim's period), "value" (the date a date claim gives) or "unknown"

    @property
    def known(self) -> bool:
        return self.basis != "unknown"


def _timeline_entry(nc: NormalizedClaim, prop: Proposition | None) -> TimelineEntry:
    period = nc.period
    if period.known:
        return TimelineEntry(nc, prop, period.start, period.end, "when")
    interval = nc.interval
    if prop is not None and prop.kind == "date" and interval is not None and interval.unit == "date" \
            and (interval.low is not None or interval.high is not None):
        low = date.fromordinal(int(interval.low)) if interval.low is not None else None
        high = date.fromordinal(int(interval.high)) if interval.high is not None else None
        return TimelineEntry(nc, prop, low, high, "value")
    return TimelineEntry(nc, prop, None, None, "unknown")


def timeline(browser: Browser, topic: str | None = None, proposition: str | None = None) -> list[TimelineEntry]:
    """The claims (of ``topic``/``proposition``) in the order of the period they are about.

    Order: by the start of the period (an open start sorts at its end), then the end (shorter
    spans first), then corpus order; claims with no known date last, in corpus order.
    """
    matches = find_claims(browser, topic=topic, proposition=proposition)
    props = browser.corpus.propositions
    entries = [_timeline_entry(m.claim, props.get(m.claim.claim.proposition)) for m in matches]

    def key(item: tuple[int, TimelineEntry]) -> tuple[Any, ...]:
        index, entry = item
        if not entry.known:
            return (1, date.max, date.max, index)
        first = entry.start or entry.end
        return (0, first, entry.end or date.max, index)

    return [entry for _index, entry in sorted(enumerate(entries), key=key)]
