"""What `hirel topics` and `hirel propositions` count: claims, articles, independent origins, contradictions."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ..comparing.comparison import PropositionComparison
from ..comparing.entities import EntityIndex, independent_origins
from ..comparing.verdicts import Verdict
from ..model import Proposition, Topic
from .browser import Browser

# --------------------------------------------------------------------------- topics, propositions


@dataclass(frozen=True)
class Stats:
    """What a set of claims amounts to."""

    claims: int
    articles: int
    origins: int  # independent origins (see the module docstring)
    counts: dict[str, int]  # findings by verdict, every verdict present

    @property
    def contradictions(self) -> int:
        return self.counts.get(Verdict.CONTRADICTION, 0)


def _stats(comparisons: Sequence[PropositionComparison], entities: EntityIndex) -> Stats:
    from ..comparing.verdicts import VERDICTS

    claims = [nc for pc in comparisons for nc in pc.claims]
    counts: dict[str, int] = {verdict: 0 for verdict in VERDICTS}
    for pc in comparisons:
        for verdict, n in pc.counts.items():
            counts[verdict] = counts.get(verdict, 0) + n
    return Stats(
        claims=len(claims),
        articles=len({nc.claim.article for nc in claims}),
        origins=len(independent_origins((nc.comparable.origin for nc in claims), entities)),
        counts=counts,
    )


@dataclass(frozen=True)
class TopicStats:
    topic: Topic
    propositions: int
    stats: Stats


@dataclass(frozen=True)
class PropositionStats:
    proposition: Proposition
    stats: Stats


def topic_stats(browser: Browser) -> list[TopicStats]:
    """Every topic, in the order of propositions.yaml."""
    out = []
    for topic in browser.corpus.topics.values():
        props = browser.propositions_of(topic.id)
        comparisons = [browser.comparison(p.id) for p in props]
        out.append(TopicStats(topic, len(props), _stats(comparisons, browser.entities)))
    return out


def proposition_stats(browser: Browser, topic: str | None = None) -> list[PropositionStats]:
    """Every proposition (of ``topic``), grouped by topic, in the order of propositions.yaml."""
    if topic is not None:
        browser.topic(topic)
    out = []
    for prop in browser.propositions_of(topic):
        pc = browser.comparison(prop.id)
        out.append(PropositionStats(prop, _stats([pc], browser.entities)))
    return out
