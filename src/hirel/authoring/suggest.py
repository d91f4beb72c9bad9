"""`hirel suggest`: the checkable sentences of an article and a claim stub for each.

A sentence is checkable when it writes a figure or a date (found by the value grammar),
attributes a statement to someone ("according to X", "X said", "citing", "reported"), or names
two actors of entities.yaml (a statement about how they relate). Each stub holds the exact quote
(the shortest span of clauses that holds its figure, date or statement and the attribution: see
span.py; one stub per clause with figures), the value as written and its reading, `when` (from
the sentence, else the article's date), claimant and `via` from the attribution, certainty from
hedges, and the existing propositions most like the sentence. A sentence that an existing
claim's quote falls in is covered.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..rules.anchoring import ArticleText
from ..rules.structure import slugify
from ..values.periods import PeriodError, parse_period
from .attribution import Attribution, EntityMatcher, attribution_of
from .find_values import FoundValue, find_values
from .sentences import Sentence, split_sentences
from .span import Quotations, Unit, claim_span, units
from .textheader import header_spans

if TYPE_CHECKING:
    from ..model import Article, Corpus

_YEARLESS = re.compile(r"\b(?:(?P<m1>January|February|March|April|May|June|July|August|September|October|November|"
                       r"December|Jan\.|Feb\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\.)\s+(?P<d1>\d{1,2})(?:st|nd|rd|th)?"
                       r"|(?P<d2>\d{1,2})(?:st|nd|rd|th)?\s+(?P<m2>January|February|March|April|May|June|July|"
                       r"August|September|October|November|December))\b(?!,?\s+\d{4})")
_RELATIVE = re.compile(r"\b(?P<which>last|this|next|previous|past)\s+year\b|\bso far this year\b", re.IGNORECASE)
_MONTH_ONLY = re.compile(r"\b(?P<prep>(?i:in|from|since|by|until|through))\s+(?P<month>January|February|March|April|May|June|"
                         r"July|August|September|October|November|December)\b(?!\s+\d)")
# Words that look ahead: a month after the article's date is then of the article's year ('fees
# would rise from April'); without them, a past event ('In November, Jassy announced').
_FUTURE = re.compile(r"\b(?:will|would|shall|plans?|planned|expected|expects|scheduled|set to|next|upcoming|"
                     r"due|aims?|intends?|is to|are to|from)\b", re.IGNORECASE)


def _looks_ahead(sentence: str, at: int) -> bool:
    """A word that looks ahead in the 60 characters before ``at`` ('will cut jobs in February')."""
    return _FUTURE.search(sentence[max(0, at - 60):at]) is not None


def _after(month: int, day: int | None, published: str | None) -> bool:
    """Whether a month (and day) of the article's year comes after its publication date."""
    if not published or len(str(published)) < 7:
        return False
    text = str(published)
    pub_month, pub_day = int(text[5:7]), int(text[8:10]) if len(text) >= 10 else None
    if month != pub_month:
        return month > pub_month
    return day is not None and pub_day is not None and day > pub_day


_MONTH_NUMBERS = {m: i for i, m in enumerate("January February March April May June July August September October "
                                              "November December".split(), 1)}
_REPORTIVE = frozenset(("reportedly", "allegedly", "is said to", "are said to", "said to have"))
_STOP = frozenset("a an the and or but of in on at to for from by with as is are was were be been its it this "
                  "that these those has have had will would which who said according".split())


@dataclass
class Stub:
    id: str
    quote: str
    start: int
    end: int
    line: int
    value: FoundValue | None
    when: str | None
    when_source: str | None  # 'the sentence', "the article's date", …
    attribution: Attribution
    propositions: list[tuple[str, float]] = field(default_factory=list)

    @property
    def kind(self) -> str:
        """What sort of proposition fits: quantity, date or stance."""
        if self.value is None:
            return "stance"
        return "date" if self.value.kind == "date" else "quantity"


@dataclass
class Suggestion:
    sentence: Sentence
    line: int
    reasons: list[str]
    covered: bool
    stubs: list[Stub]


@dataclass
class ArticleSuggestions:
    article_id: str
    suggestions: list[Suggestion]

    @property
    def checkable(self) -> int:
        return len(self.suggestions)

    @property
    def covered(self) -> int:
        return sum(1 for s in self.suggestions if s.covered)

    @property
    def coverage(self) -> float | None:
        return self.covered / self.checkable if self.checkable else None


def has_claims(corpus: Corpus, article_id: str) -> bool:
    """Whether the article has claims already: in the corpus, or a claims file of its name (one
    that did not load counts: stubs are then added to it, not written as a new file)."""
    return any(c.article == article_id for c in corpus.claims.values()) or \
        (corpus.root / "claims" / f"{article_id}.yaml").exists()


class Suggester:
    """Suggestions for the articles of one corpus (entity and proposition look-ups built once)."""

    def __init__(self, corpus: Corpus) -> None:
        self.corpus = corpus
        self.matcher = EntityMatcher(corpus.entities)
        self.propositions = list(corpus.propositions.values())
        self._texts = [p.text for p in self.propositions]
        self._taken = set(corpus.claims)
        self._stubs = True
        self._paragraphs = _Paragraphs("")

    def for_article(self, article_id: str, stubs: bool = True) -> ArticleSuggestions:
        """The checkable sentences of an article; with ``stubs=False`` only which sentences are
        checkable and covered (for coverage figures: no stubs, no proposition look-up)."""
        self._stubs = stubs
        article = self.corpus.articles[article_id]
        self._paragraphs = _Paragraphs(article.body)
        text = ArticleText(article.body, article.body_line)
        covered_spans = [(p.start, p.end) for c in self.corpus.claims.values() if c.article == article_id
                         for p in text.find(c.quote)]
        year = (article.published or "")[:4] if re.match(r"^\d{4}", article.published or "") else None
        values = find_values(article.body)
        suggestions = []
        position = 0
        header = header_spans(article.body)
        for sentence in split_sentences(article.body):
            own = []
            while position < len(values) and values[position].start < sentence.end:
                if values[position].start >= sentence.start:
                    own.append(values[position])
                position += 1
            if any(start <= sentence.start and sentence.end <= end for start, end in header):
                continue  # 'By Jane Doe', 'Published: March 3, 2024': the front matter's, not a claim
            suggestion = self._sentence(article, sentence, own, year, text)
            if suggestion is not None:
                suggestion.covered = any(s < sentence.end and e > sentence.start for s, e in covered_spans)
                suggestions.append(suggestion)
        return ArticleSuggestions(article_id, suggestions)

    def _sentence(self, article: Article, sentence: Sentence, values: list[FoundValue], year: str | None,
                  text: ArticleText) -> Suggestion | None:
        local = sentence.text
        attribution = attribution_of(local, self.matcher)
        yearless = _YEARLESS.search(local)
        reasons = []
        figures = [v for v in values if v.kind != "date"]
        dates = [v for v in values if v.kind == "date"]
        if figures:
            reasons.append("figure")
        if dates or yearless:
            reasons.append("date")
        if attribution.cue or (attribution.hedge or "").lower() in _REPORTIVE:
            reasons.append("attribution")
        actors = {m[2] for m in self.matcher.mentions(local)}
        if len(actors) >= 2:
            reasons.append("actors")
        if not reasons:
            return None
        if attribution.hedge:
            reasons.append("hedge")
        line = text.line_of(sentence.start)
        if not self._stubs:
            return Suggestion(sentence, line, reasons, False, [])
        keep = [(v.start - sentence.start, v.end - sentence.start) for v in values]
        parts = units(local, keep)
        quotes = Quotations(local)
        propositions = self._propositions(local)
        cue = [attribution.cue_start, attribution.cue_end - 1] if attribution.cue_start >= 0 else []
        if attribution.source_start >= 0:  # the words naming the claimant stay in the quote
            cue += [attribution.source_start, attribution.source_end - 1]
        if figures or dates:
            # every figure its own stub ('killed 708 people and left 2,000 homeless': two claims)
            groups = [[v] for v in figures] if figures else [g[:1] for g in _by_unit(parts, dates, sentence.start)]
        else:
            groups = [[]]
        stubs = []
        for group_values in groups:
            if group_values:
                anchors = [at for v in group_values for at in (v.start - sentence.start, v.end - 1 - sentence.start)]
            else:
                anchors = [m[0] for m in self.matcher.mentions(local)] if not cue else []
            begin, finish = claim_span(local, parts, anchors + cue, quotes)
            start, end = self._paragraphs.whole_quotations(sentence.start + begin, sentence.start + finish)
            quote = article.body[start:end].strip()
            value = group_values[0] if group_values else None
            near = sorted(dates, key=lambda d: abs(d.start - value.start)) if value is not None else dates
            when, when_source = self._when(near, yearless, year, article.published, local)
            stub = Stub(self._new_id(quote, value), quote, start, end, text.line_of(start), value,
                        when if value is None or value.kind != "date" else None,
                        when_source if value is None or value.kind != "date" else None, attribution)
            stub.propositions = self._fitting(propositions, stub)
            stubs.append(stub)
        return Suggestion(sentence, line, reasons, False, stubs)

    def _when(self, dates: list[FoundValue], yearless: re.Match[str] | None, year: str | None,
              published: str | None, sentence: str = "") -> tuple[str | None, str | None]:
        """The period: a date the sentence writes (nearest the figure first), else a day, 'last
        year' or a month read with the article's year, else the article's date."""
        for found in dates:
            try:
                parse_period(found.text)
                return found.text, "the sentence"
            except PeriodError:
                continue
        if yearless and year:
            month = (yearless["m1"] or yearless["m2"]).rstrip(".")
            day = yearless["d1"] or yearless["d2"]
            try:
                period = parse_period(f"{day} {month} {year}")
                if period.start is not None:
                    if _after(period.start.month, period.start.day, published) \
                            and not _looks_ahead(sentence, yearless.start()):
                        earlier = period.start.replace(year=period.start.year - 1).isoformat()
                        return earlier, f"'{yearless.group()}' in the sentence, the year before the article's"
                    return period.start.isoformat(), f"'{yearless.group()}' in the sentence and the article's year"
            except (PeriodError, ValueError):  # ValueError: 29 February in the year before
                pass
        relative = _RELATIVE.search(sentence) if year else None
        if relative and year:
            which = (relative["which"] or "this").lower()
            shift = {"last": -1, "previous": -1, "past": -1, "next": 1}.get(which, 0)
            return str(int(year) + shift), f"'{relative.group()}' and the article's year"
        month_only = _MONTH_ONLY.search(sentence) if year else None
        if month_only:
            number = _MONTH_NUMBERS[month_only['month']]
            prep = month_only["prep"].lower()
            if prep in ("in", "since", "through") and _after(number, None, published) \
                    and not _looks_ahead(sentence, month_only.start()) and year:
                # 'Back in November', in an article of January: the November before it
                return f"{int(year) - 1}-{number:02d}" + ("/" if prep == "since" else ""), \
                    f"'{month_only.group()}', the year before the article's"
            text = f"{year}-{number:02d}"
            if prep in ("from", "since"):
                text += "/"
            elif prep in ("by", "until"):
                text = "/" + text
            return text, f"'{month_only.group()}' and the article's year"
        if published:
            return str(published), "the article's date"
        return None, None

    def _propositions(self, sentence: str) -> list[tuple[str, float]]:
        """Every proposition with its likeness to the sentence (0-100), best first."""
        if not self._texts:
            return []
        from rapidfuzz import fuzz, process, utils

        found = process.extract(sentence, self._texts, scorer=fuzz.token_set_ratio,
                                processor=utils.default_process, limit=None)
        return [(self.propositions[index].id, round(score)) for _text, score, index in found]

    def _fitting(self, ranked: list[tuple[str, float]], stub: Stub) -> list[tuple[str, float]]:
        """The three closest propositions a stub can take: of its kind and, for a figure, of a
        unit the figure converts to."""
        from ..values import ValueParseError, normalize_value

        period = None
        if stub.when:
            try:
                period = parse_period(stub.when)
            except PeriodError:
                period = None
        out = []
        for pid, score in ranked:
            prop = self.corpus.propositions[pid]
            if prop.kind != stub.kind:
                continue
            if stub.kind == "quantity" and stub.value is not None:
                try:
                    normalize_value(stub.value.text, prop.unit or "", period)
                except (ValueParseError, ValueError, ArithmeticError):
                    continue
            out.append((pid, score))
            if len(out) == 3:
                break
        return out

    def _new_id(self, quote: str, value: FoundValue | None) -> str:
        words = [w for w in slugify(quote).split("-") if len(w) > 1 and w not in _STOP and not w[0].isdigit()]
        tail = _figure_slug(value.text) if value is not None else ""
        base = "-".join(words[:4] + ([tail] if tail else []))[:60].strip("-") or "claim"
        candidate, number = base, 2
        while candidate in self._taken:
            candidate, number = f"{base}-{number}", number + 1
        self._taken.add(candidate)
        return candidate


_SLUG_MAGNITUDES = {"thousand": "k", "million": "m", "billion": "bn", "trillion": "tn", "percent": "pc", "%": "pc"}


def _figure_slug(text: str) -> str:
    """'about $100 million annually' -> '100m'; '33.5%' -> '33-5pc'; 'early 1990s' -> '1990s'."""
    m = re.search(r"(\d[\d.,]*)\s*(thousand|million|billion|trillion|percent|%|bn|m|k)?s?\b|(\d[\d.,]*)", text, re.IGNORECASE)
    if not m:
        return slugify(text)[:12].strip("-")
    number = (m.group(1) or m.group(3)).replace(",", "").rstrip(".").replace(".", "-")
    unit = (m.group(2) or "").lower()
    suffix = _SLUG_MAGNITUDES.get(unit, unit)
    rest = text[m.end():m.end() + 1]
    return f"{number}{suffix}" + ("s" if rest == "s" else "")


class _Paragraphs:
    """The paragraphs (lines) of an article body, each one's quotations found once."""

    def __init__(self, body: str) -> None:
        self.body = body
        self._breaks = [m.start() for m in re.finditer("\n", body)]
        self._quotations: dict[int, Quotations] = {}

    def whole_quotations(self, start: int, end: int) -> tuple[int, int]:
        """The span with every quotation it cuts taken whole, in its paragraph: a quotation that
        opens in an earlier sentence ('"The water came at night. It can reach 20,000 deaths," the
        mayor said.') is quoted from its opening mark."""
        index = bisect_left(self._breaks, start)
        line_start = self._breaks[index - 1] + 1 if index else 0
        line_end = self._breaks[index] if index < len(self._breaks) else len(self.body)
        found = self._quotations.get(line_start)
        if found is None:
            found = self._quotations[line_start] = Quotations(self.body[line_start:line_end])
        begin, finish = found.whole(start - line_start, min(end, line_end) - line_start)
        return line_start + begin, line_start + finish


def _by_unit(parts: list[Unit], values: list[FoundValue], offset: int) -> list[list[FoundValue]]:
    """The values of a sentence grouped by the unit they stand in (in sentence order)."""
    groups: dict[int, list[FoundValue]] = {}
    for value in values:
        index = next((i for i, u in enumerate(parts) if value.start - offset < u.end), len(parts) - 1)
        groups.setdefault(index, []).append(value)
    return [groups[i] for i in sorted(groups)]
