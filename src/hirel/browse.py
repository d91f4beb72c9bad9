"""The browsing library: what `hirel topics`, `propositions`, `claims`, `show`, `sources`,
`timeline` and `matrix` show, as plain data computed from a `Corpus`.

Pure: nothing here prints or exits; unknown names raise `comparison.UnknownName` (with "did you
mean" suggestions) for the CLI to report.

Definitions shared by every command:

* **Origins.** The origin of a claim is its canonical claimant (the article's outlet when the
  claim names none). *Independent origins* collapse ``part_of`` chains among the origins
  counted: two origins are one when one is (transitively) part of the other, and the relation
  is followed through the set, so Ismail Haniyeh, Yahya Sinwar and Hamas count as one origin,
  while Haniyeh and Sinwar without Hamas count as two (the verdict engine, too, treats only a
  claimant and its wholes as "same origin").
* **Contradictions** are the findings with verdict ``contradiction`` of `compare` (each pair
  once). A finding "involves" an article, outlet or origin when one of its two claims does.
  They are counted without judging every pair (`counting`): a set of claims is in the sum of
  its claims' contradictions less the contradictions among them.
* **Who contradicts whom.** A contradiction is charged to an article (or outlet) only when the
  article's own voice is a party: one of its claims in the pair has no claimant, or the
  article's outlet or author as claimant (`own_voice`). Otherwise the article *reports* it.
* **Claimant filter.** A claimant name or alias matches the claims of that entity *and* of
  every entity that is part of it (``--claimant Hamas`` includes Haniyeh's claims), because
  the verdict engine treats those as one origin. Who passed a claim on (``via``) is not its
  claimant and does not match.
* **Search** is fuzzy over each claim's id, quote and note (see `search_claims`).
* **Timeline order.** Claims are ordered by the start of the period they are about (``when``;
  an open start "until X" sorts at X). A claim on a ``date`` proposition without ``when`` is
  about the date it gives, so it is placed at that date. Claims with no known date come last.
* **Matrix rows** are origins (canonical claimants), not articles (see `grid`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Sequence

from .comparing.attribution import (ArticleRow, Charge, OutletRow, Sources, charges, contradictions_involving, own_voice,
                          sources)
from .comparing.comparison import NormalizedClaim, PropositionComparison, UnknownName
from .comparing.entities import EntityIndex, independent_origins, suggest
from .comparing.grid import Matrix, MatrixCell, MatrixColumn, MatrixRow, Tally, matrix
from .model import Corpus
from .model import Article, Claim, Finding, Proposition, Topic

__all__ = [
    "Browser",
    "Stats",
    "TopicStats",
    "PropositionStats",
    "ClaimMatch",
    "QuoteContext",
    "ClaimDetail",
    "ArticleRow",
    "OutletRow",
    "Sources",
    "Charge",
    "own_voice",
    "charges",
    "contradictions_involving",
    "TimelineEntry",
    "MatrixCell",
    "Tally",
    "MatrixRow",
    "MatrixColumn",
    "Matrix",
    "independent_origins",
    "topic_stats",
    "proposition_stats",
    "find_claims",
    "search_claims",
    "quote_context",
    "claim_detail",
    "sources",
    "timeline",
    "matrix",
    "SEARCH_CUTOFF",
]

CONTRADICTION = "contradiction"


# --------------------------------------------------------------------------- the shared cache


class Browser:
    """A corpus with its comparisons computed on first use, so each command pays only for what
    it shows (`claims` compares nothing; `show` compares one proposition)."""

    def __init__(self, corpus: Corpus) -> None:
        self.corpus = corpus
        self._comparisons: dict[str, PropositionComparison] = {}
        self._normalized: dict[str, NormalizedClaim] = {}

    @property
    def entities(self) -> EntityIndex:
        return self.corpus.entities

    def comparison(self, proposition_id: str) -> PropositionComparison:
        found = self._comparisons.get(proposition_id)
        if found is None:
            from .comparing.comparison import compare_proposition

            prop = self.corpus.propositions[proposition_id]
            claims = [self.normalized(claim) for claim in self.corpus.claims_of(proposition_id)]
            found = self._comparisons[proposition_id] = compare_proposition(self.corpus, prop, claims)
        return found

    def normalized(self, claim: Claim) -> NormalizedClaim:
        """The claim with its names resolved and its value and period read (computed once)."""
        found = self._normalized.get(claim.id)
        if found is None:
            from .comparing.comparison import normalize_claim

            found = normalize_claim(claim, self.corpus, self.corpus.propositions.get(claim.proposition))
            self._normalized[claim.id] = found
        return found

    def all_normalized(self) -> list[NormalizedClaim]:
        """Every claim, in corpus order (claims files by article id, then file order)."""
        return [self.normalized(claim) for claim in self.corpus.claims.values()]

    def findings_of(self, claim_id: str) -> list[Finding]:
        """The findings of one claim with each other claim of its proposition (contradictions
        first, then by the other claim's place in the corpus): n pairs, not all of them."""
        from .comparing.verdicts import VERDICTS, compare_between

        claim = self.corpus.claims.get(claim_id)
        if claim is None or claim.proposition not in self.corpus.propositions:
            return []
        pc = self.comparison(claim.proposition)
        order = {c.claim_id: i for i, c in enumerate(pc.comparable)}
        this = pc.comparable[order[claim_id]]
        others = [c for c in pc.comparable if c.claim_id != claim_id]
        rank = {verdict: i for i, verdict in enumerate(VERDICTS)}
        found = []
        for f in compare_between([this], others, pc.proposition, self.entities):
            pair = tuple(sorted(f.claims, key=order.__getitem__))
            found.append(Finding(f.proposition, f.verdict, pair, f.explanation))  # type: ignore[arg-type]
        found.sort(key=lambda f: (rank.get(f.verdict, len(rank)), order[f.claims[0]], order[f.claims[1]]))
        return found

    # -- names -> objects, or UnknownName

    def topic(self, name: str) -> Topic:
        if name in self.corpus.topics:
            return self.corpus.topics[name]
        raise UnknownName("topic", name, suggest(name, self.corpus.topics))

    def proposition(self, name: str) -> Proposition:
        if name in self.corpus.propositions:
            return self.corpus.propositions[name]
        raise UnknownName("proposition", name, suggest(name, self.corpus.propositions))

    def article(self, name: str) -> Article:
        if name in self.corpus.articles:
            return self.corpus.articles[name]
        raise UnknownName("article", name, suggest(name, self.corpus.articles))

    def claim(self, name: str) -> Claim:
        if name in self.corpus.claims:
            return self.corpus.claims[name]
        raise UnknownName("claim", name, suggest(name, self.corpus.claims))

    def propositions_of(self, topic: str | None) -> list[Proposition]:
        """The propositions of ``topic``, or all of them grouped by topic (in the order of the
        topics, then of propositions.yaml; those of an unknown topic last)."""
        props = self.corpus.propositions.values()
        if topic is not None:
            return [p for p in props if p.topic == topic]
        order = {name: index for index, name in enumerate(self.corpus.topics)}
        return sorted(props, key=lambda p: order.get(p.topic, len(order)))


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
        return self.counts.get(CONTRADICTION, 0)


def _stats(comparisons: Sequence[PropositionComparison], entities: EntityIndex) -> Stats:
    from .comparing.verdicts import VERDICTS

    claims = [nc for pc in comparisons for nc in pc.claims]
    counts = dict.fromkeys(VERDICTS, 0)
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


# --------------------------------------------------------------------------- claims and search


@dataclass(frozen=True)
class ClaimMatch:
    claim: NormalizedClaim
    score: float | None = None  # the search score (0-100) when searching


# The least score a search result needs. 75 lets "hundred milion anually" find "$100 million
# annually" (typos and a number word) while unrelated claims, which share only a few
# letters or common words with the query, stay out.
SEARCH_CUTOFF = 75.0

_NUMBER_WORDS = {
    "zero": "0", "one": "1", "two": "2", "three": "3", "four": "4", "five": "5", "six": "6",
    "seven": "7", "eight": "8", "nine": "9", "ten": "10", "eleven": "11", "twelve": "12",
    "twenty": "20", "thirty": "30", "forty": "40", "fifty": "50", "sixty": "60",
    "seventy": "70", "eighty": "80", "ninety": "90", "hundred": "100", "hundreds": "100s",
    "thousand": "1000", "thousands": "1000s",
}
_WORD = re.compile(r"[^\W_]+")


def _search_words(text: str) -> list[str]:
    """Lowercased words, number words as digits ("hundred" -> "100") on both sides."""
    return [_NUMBER_WORDS.get(word, word) for word in _WORD.findall(text.casefold())]


def _search_text(claim: Claim) -> str:
    return " ".join(part for part in (claim.id.replace("-", " "), claim.quote, claim.note or "") if part)


def search_claims(claims: Sequence[NormalizedClaim], query: str,
                  cutoff: float = SEARCH_CUTOFF) -> list[ClaimMatch]:
    """The claims whose id, quote or note match ``query``, best first (ties in corpus order).

    A claim's score is the better of two rapidfuzz measures, both on lowercased words with
    number words written as digits:

    * the phrase: ``fuzz.partial_ratio`` of the query against the best-matching stretch of the
      text, so a phrase found with a typo or two scores high;
    * the words: every query word is matched to its closest word of the text
      (``fuzz.ratio``), and the scores are averaged, weighted by word length, so the words may
      come in any order ("annually 100 million") and short words weigh little.
    """
    from rapidfuzz import fuzz, process

    words = _search_words(query)
    if not words or not claims:
        return []
    phrase = " ".join(words)
    texts = [" ".join(_search_words(_search_text(nc.claim))) for nc in claims]
    phrase_scores = {index: score for _text, score, index in process.extract(
        phrase, texts, scorer=fuzz.partial_ratio, processor=None, limit=None, score_cutoff=0)}
    vocabulary = sorted({word for text in texts for word in text.split()})
    closeness = [
        {match: score for match, score, _ in process.extract(
            word, vocabulary, scorer=fuzz.ratio, processor=None, limit=None, score_cutoff=50)}
        for word in words
    ]
    weights = [len(word) for word in words]
    total_weight = sum(weights)
    found = []
    for index, (nc, text) in enumerate(zip(claims, texts)):
        own = set(text.split())
        word_score = sum(
            weight * max((scores.get(w, 0.0) for w in own), default=0.0)
            for weight, scores in zip(weights, closeness)
        ) / total_weight
        score = max(phrase_scores.get(index, 0.0), word_score)
        if score >= cutoff:
            found.append((-round(score, 1), index, ClaimMatch(nc, round(score, 1))))
    found.sort(key=lambda item: item[:2])
    return [match for *_key, match in found]


def _claimant_names(browser: Browser, name: str) -> set[str]:
    """The canonical claimant ``name`` stands for, and every entity that is part of it."""
    entities = browser.entities
    canonical = entities.resolve(name)
    if canonical is None:
        # A claimant that is no entity (hirel check reports it) still matches as written.
        written = {nc.comparable.origin for nc in browser.all_normalized()}
        match = {o for o in written if o.casefold() == name.casefold()}
        if match:
            return match
        raise UnknownName("claimant", name, suggest(name, sorted({*entities.all_names(), *written})))
    return {canonical} | {e for e in entities.entities if canonical in entities.ancestors(e)}


def find_claims(browser: Browser, *, topic: str | None = None, proposition: str | None = None,
                article: str | None = None, claimant: str | None = None,
                search: str | None = None) -> list[ClaimMatch]:
    """The claims that pass every filter given, in corpus order (by score when searching).

    Raises UnknownName for a topic, proposition, article or claimant the corpus lacks.
    """
    if topic is not None:
        browser.topic(topic)
    if proposition is not None:
        browser.proposition(proposition)
    if article is not None:
        browser.article(article)
    claimants = _claimant_names(browser, claimant) if claimant is not None else None
    props = browser.corpus.propositions
    chosen = []
    for nc in browser.all_normalized():
        claim = nc.claim
        if topic is not None and (claim.proposition not in props or props[claim.proposition].topic != topic):
            continue
        if proposition is not None and claim.proposition != proposition:
            continue
        if article is not None and claim.article != article:
            continue
        if claimants is not None and nc.comparable.origin not in claimants:
            continue
        chosen.append(nc)
    if search is not None:
        return search_claims(chosen, search)
    return [ClaimMatch(nc) for nc in chosen]


# --------------------------------------------------------------------------- one claim


@dataclass(frozen=True)
class QuoteContext:
    """Where a quote is in its article: the paragraph around it and the quote's place in it."""

    paragraph: str  # the text shown, verbatim from the article
    first_line: int  # file line on which ``paragraph`` starts (1-based)
    line: int  # file line on which the quote starts
    start: int  # the quote's offsets within ``paragraph``
    end: int
    occurrences: int  # how often the quote occurs in the article

    @property
    def before(self) -> str:
        return self.paragraph[: self.start]

    @property
    def quote(self) -> str:
        return self.paragraph[self.start : self.end]

    @property
    def after(self) -> str:
        return self.paragraph[self.end :]


# A blank-line paragraph longer than this is not shown whole: articles saved with one paragraph
# per line and no blank lines would otherwise show the whole text as "the paragraph".
PARAGRAPH_LIMIT = 1000


def quote_context(article: Article, quote: str) -> QuoteContext | None:
    """The quote's first occurrence in ``article`` and its paragraph; None when not found.

    The paragraph is the blank-line-separated block around the quote; when that block is longer
    than `PARAGRAPH_LIMIT` characters and spans several lines (an article with a paragraph per
    line and no blank lines), it is only the lines the quote is on.
    """
    from .rules.anchoring import ArticleText

    text = ArticleText(article.body, article.body_line)
    passages = text.find(quote)
    if not passages:
        return None
    passage = passages[0]
    body = article.body
    start = _block_start(body, passage.start)
    end = _block_end(body, passage.end)
    if end - start > PARAGRAPH_LIMIT and body.count("\n", start, end):
        start = body.rfind("\n", 0, passage.start) + 1
        newline = body.find("\n", passage.end)
        end = len(body) if newline < 0 else newline
    paragraph = body[start:end]
    trimmed = paragraph.rstrip()
    leading = len(trimmed) - len(trimmed.lstrip())
    return QuoteContext(
        paragraph=trimmed.strip(),
        first_line=text.line_of(start + leading),
        line=passage.line,
        start=passage.start - start - leading,
        end=passage.end - start - leading,
        occurrences=len(passages),
    )


_BLANK_LINE = re.compile(r"\n[ \t]*\n")


def _block_start(body: str, offset: int) -> int:
    last = 0
    for match in _BLANK_LINE.finditer(body, 0, offset):
        last = match.end()
    return last


def _block_end(body: str, offset: int) -> int:
    match = _BLANK_LINE.search(body, offset)
    return len(body) if match is None else match.start()


@dataclass(frozen=True)
class ClaimDetail:
    claim: NormalizedClaim
    proposition: Proposition | None
    article: Article | None
    context: QuoteContext | None
    findings: list[Finding]

    def other(self, finding: Finding) -> str:
        """The id of the other claim of a finding."""
        a, b = finding.claims
        return b if a == self.claim.claim.id else a


def claim_detail(browser: Browser, claim_id: str) -> ClaimDetail:
    """Everything `hirel show` shows about one claim. Raises UnknownName for an unknown id."""
    claim = browser.claim(claim_id)
    article = browser.corpus.articles.get(claim.article)
    return ClaimDetail(
        claim=browser.normalized(claim),
        proposition=browser.corpus.propositions.get(claim.proposition),
        article=article,
        context=quote_context(article, claim.quote) if article is not None else None,
        findings=browser.findings_of(claim.id),
    )


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

    def key(item: tuple[int, TimelineEntry]) -> tuple:
        index, entry = item
        if not entry.known:
            return (1, date.max, date.max, index)
        first = entry.start or entry.end
        return (0, first, entry.end or date.max, index)

    return [entry for _index, entry in sorted(enumerate(entries), key=key)]
