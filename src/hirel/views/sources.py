"""Who contradicts whom: the contradictions charged to an article's (or outlet's) own voice,
kept apart from those it only reports; what `hirel sources` shows.

A contradiction is charged to an article only when the article's own voice is a party: one of
its claims in the pair has no claimant, or the article's outlet or author as claimant
(`own_voice`). Otherwise the article *reports* it: an article that quotes both sides of a
dispute does not contradict itself. Outlets add up their articles (each contradiction once).

Counts need no pair: a set of claims is in the sum of its claims' contradictions
(`PropositionComparison.degrees`, from `counting`) less the contradictions among them
(`counting.count_contradictions` on the set). Only `charges` lists pairs (for JSON and CSV).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..comparing.entities import EntityIndex
from ..comparing.verdicts import Verdict
from ..model import Article, Claim, Finding

if TYPE_CHECKING:
    from ..comparing.comparison import NormalizedClaim, PropositionComparison
    from ..comparing.verdicts import ComparableClaim
    from ..model import Corpus
    from .browser import Browser

__all__ = [
    "ArticleRow",
    "Charge",
    "Coverage",
    "OutletRow",
    "Sources",
    "charges",
    "contradictions_involving",
    "coverage",
    "own_contradiction_pairs",
    "own_voice",
    "sources",
]

CONTRADICTION = Verdict.CONTRADICTION


def contradictions_involving(pc: PropositionComparison, claims: Sequence[NormalizedClaim]) -> int:
    """How many contradictions of the proposition involve at least one of ``claims``: the sum
    of their contradictions, less those between two of them (counted twice), without
    enumerating any pair."""
    if not claims:
        return 0
    from ..comparing.counting import count_contradictions

    degrees = pc.degrees
    total = sum(degrees.get(nc.claim.id, 0) for nc in claims)
    if len(claims) > 1 and total:
        total -= count_contradictions([nc.comparable for nc in claims], pc.proposition, pc.entities)
    return total



@dataclass(frozen=True)
class ArticleRow:
    article: Article
    outlet: str  # canonical outlet name
    claims: int
    contradictions: int  # contradictions to which the article's own voice is a party
    reported: int  # contradictions between others that the article reports


@dataclass(frozen=True)
class OutletRow:
    outlet: str
    articles: list[str]
    claims: int
    contradictions: int  # distinct contradictions to which the voice of one of its articles is a party
    reliability: list[str]  # the grades its articles carry, best first
    reported: int = 0  # distinct contradictions between others that its articles report


@dataclass(frozen=True)
class Sources:
    articles: list[ArticleRow]
    outlets: list[OutletRow]


@dataclass(frozen=True)
class Charge:
    """A contradiction involving an article's claims, and whose it is: ``own`` when one of them
    is in the article's own voice, ``reported`` when the article reports both sides or one."""

    finding: Finding
    role: str
    other_articles: list[str]  # the articles of the claims on the other side


def own_voice(claim: Claim, article: Article | None, entities: EntityIndex) -> bool:
    """True when the claim is the article's own: no claimant, or its outlet or author."""
    if claim.claimant is None or article is None:
        return claim.claimant is None
    claimant = entities.resolve(claim.claimant) or claim.claimant
    voices = {entities.resolve(article.outlet) or article.outlet}
    if article.author:
        voices.add(entities.resolve(article.author) or article.author)
    return claimant in voices or claim.claimant in voices


def _date_key(published: str | None) -> tuple[int, str]:
    return (0, published) if published else (1, "")


def _charged(browser: Browser, claims: list[NormalizedClaim], own: list[NormalizedClaim]) -> tuple[int, int]:
    """(contradictions with one of ``own`` as a party, those with only others of ``claims``),
    counted per proposition without enumerating pairs."""
    by_prop: dict[str, tuple[list[NormalizedClaim], list[NormalizedClaim]]] = {}
    own_ids = {nc.claim.id for nc in own}
    for nc in claims:
        if nc.claim.proposition in browser.corpus.propositions:
            entry = by_prop.setdefault(nc.claim.proposition, ([], []))
            entry[0].append(nc)
            if nc.claim.id in own_ids:
                entry[1].append(nc)
    charged = reported = 0
    for pid, (members, mine) in by_prop.items():
        pc = browser.comparison(pid)
        total = contradictions_involving(pc, members)
        if total:
            own_count = contradictions_involving(pc, mine)
            charged += own_count
            reported += total - own_count
    return charged, reported


def sources(browser: Browser) -> Sources:
    """Every article (by publication date, undated last, then id) and every outlet (by name),
    with the contradictions charged to its own voice and those it only reports (see
    `own_voice`), counted without enumerating pairs."""
    corpus = browser.corpus
    entities = browser.entities
    per_article: dict[str, list[NormalizedClaim]] = {}
    for claim in corpus.claims.values():
        per_article.setdefault(claim.article, []).append(browser.normalized(claim))
    rows = []
    own_of: dict[str, list[NormalizedClaim]] = {}
    for article in sorted(corpus.articles.values(), key=lambda a: (_date_key(a.published), a.id)):
        claims = per_article.get(article.id, [])
        own = own_of[article.id] = [nc for nc in claims if own_voice(nc.claim, article, entities)]
        charged, reported = _charged(browser, claims, own)
        rows.append(ArticleRow(article, entities.resolve(article.outlet) or article.outlet, len(claims),
                               charged, reported))
    outlets: dict[str, list[ArticleRow]] = {}
    for row in rows:
        outlets.setdefault(row.outlet, []).append(row)
    outlet_rows = []
    for name in sorted(outlets, key=str.casefold):
        members = outlets[name]
        claims = [nc for row in members for nc in per_article.get(row.article.id, [])]
        own = [nc for row in members for nc in own_of[row.article.id]]
        charged, reported = _charged(browser, claims, own) if len(members) > 1 else (
            members[0].contradictions, members[0].reported)
        outlet_rows.append(OutletRow(
            outlet=name, articles=[row.article.id for row in members], claims=len(claims),
            contradictions=charged, reliability=sorted({row.article.reliability for row in members}),
            reported=reported))
    return Sources(rows, outlet_rows)


def charges(browser: Browser, article_id: str) -> list[Charge]:
    """Every contradiction involving a claim of the article, with its role (``own`` first, then
    ``reported``; each by proposition and claim ids). Lists pairs: for JSON and CSV."""
    corpus = browser.corpus
    article = corpus.articles.get(article_id)
    mine = {c.id: c for c in corpus.claims.values() if c.article == article_id}
    article_of: dict[str, str] = {}
    found = []
    for pid in dict.fromkeys(c.proposition for c in mine.values()):
        if pid not in corpus.propositions:
            continue
        for f in browser.comparison(pid).contradictions:
            ours = [mine[c] for c in f.claims if c in mine]
            if not ours:
                continue
            if not article_of:
                article_of = {claim.id: claim.article for claim in corpus.claims.values()}
            role = "own" if any(own_voice(c, article, browser.entities) for c in ours) else "reported"
            others = sorted({article_of[c] for c in f.claims if c not in mine}) or [article_id]
            found.append(Charge(f, role, others))
    found.sort(key=lambda c: (c.role != "own", c.finding.proposition, c.finding.claims))
    return found


@dataclass(frozen=True)
class Coverage:
    """How much of an article the claims cover: its checkable sentences, those a claim covers,
    and the share (None when it has no checkable sentence), as `hirel suggest` counts them."""

    checkable: int
    covered: int
    share: float | None

    @property
    def text(self) -> str:
        share = "" if self.share is None else f" ({self.share:.0%})"
        return f"{self.covered}/{self.checkable}{share}"


def coverage(corpus: Corpus) -> dict[str, Coverage]:
    """Per article id, its annotation coverage."""
    from ..authoring.suggest import Suggester

    suggester = Suggester(corpus)
    out = {}
    for article_id in corpus.articles:
        result = suggester.for_article(article_id, stubs=False)
        out[article_id] = Coverage(result.checkable, result.covered, result.coverage)
    return out


def own_contradiction_pairs(browser: Browser, limit: int = 30) -> tuple[dict[tuple[str, str], list[str]], bool]:
    """(article, other article) -> the propositions on which one's own voice is contradicted by
    the other; at most ``limit`` pairs of articles (True when there are more). Only claims in an
    article's own voice are judged, each against the positions disputed with its own."""
    from ..comparing.verdicts import compare_between

    corpus = browser.corpus
    pairs: dict[tuple[str, str], list[str]] = {}
    for pid, prop in corpus.propositions.items():
        pc = browser.comparison(pid)
        if not pc.count(CONTRADICTION):
            continue
        own = [nc for nc in pc.claims if own_voice(nc.claim, nc.article, browser.entities)]
        if not own:
            continue
        found = pc.positions
        if found is None:
            continue
        where = found.of_claim()
        members: dict[str, list[ComparableClaim]] = {}
        by_id = {nc.claim.id: nc for nc in pc.claims}
        for position in found.positions:
            members[position.id] = [by_id[c].comparable for c in position.claims]
        disputed: dict[str, list[str]] = {}
        for dispute in found.disputes:
            a, b = dispute.positions
            disputed.setdefault(a, []).append(b)
            disputed.setdefault(b, []).append(a)
        for nc in own:
            others = [c for q in disputed.get(where.get(nc.claim.id, ""), []) for c in members[q]]
            for f in compare_between([nc.comparable], others, prop, browser.entities, only=CONTRADICTION):
                first, second = sorted(corpus.claims[c].article for c in f.claims)
                key = (first, second)
                if key not in pairs:
                    if len(pairs) == limit:
                        return dict(sorted(pairs.items())), True
                    pairs[key] = []
                if pid not in pairs[key]:
                    pairs[key].append(pid)
    return dict(sorted(pairs.items())), False
