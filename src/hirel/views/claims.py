"""What `hirel claims` lists: claims filtered by topic, proposition, article or claimant, or fuzzy-searched."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from ..comparing.comparison import NormalizedClaim, UnknownName
from ..comparing.entities import suggest_name
from ..model import Claim
from .browser import Browser

# --------------------------------------------------------------------------- claims and search


@dataclass(frozen=True)
class ClaimMatch:
    claim: NormalizedClaim
    score: float | None = None  # the search score (0-100) when searching


# The least score a search result needs. 75 lets "hundred milion anually" find "$100 million
# annually" (typos and a number word) while unrelated claims, which share only a few
# letters or common words with the query, stay out.
SEARCH_CUTOFF = 75.0

_UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30,
    "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}
_PLURALS = {"hundreds": "100s", "thousands": "1000s"}
# A word, or a number with its thousands grouped ('11,300', '11 300') or a decimal ('1.5').
_TOKEN = re.compile(r"\d{1,3}(?:[,\u202f\u00a0 ]\d{3})+(?![\d,])|\d+(?:[.,]\d+)?|[^\W\d_]+")


def _search_words(text: str) -> list[str]:
    """Lowercased words; numbers as digits without their grouping ('11,300' -> '11300'), and a
    run of number words as the number it says ('eleven thousand three hundred' -> '11300';
    'hundred' -> '100'). 'million' and 'billion' stay words, as '$100 million' writes them."""
    words: list[str] = []
    total = current = 0
    in_number = False

    def flush() -> None:
        nonlocal total, current, in_number
        if in_number:
            words.append(str(total + current))
        total = current = 0
        in_number = False

    for token in _TOKEN.findall(text.casefold()):
        if token[0].isdigit():
            flush()
            words.append(re.sub(r"[,\u202f\u00a0 ](?=\d{3})", "", token))
        elif token in _UNITS:
            current += _UNITS[token]
            in_number = True
        elif token == "hundred":
            current, in_number = (current or 1) * 100, True
        elif token == "thousand":
            total, current, in_number = total + (current or 1) * 1000, 0, True
        elif token == "and" and in_number:
            continue  # 'three hundred and five'
        else:
            flush()
            words.append(_PLURALS.get(token, token))
    flush()
    return words


def _search_text(claim: Claim) -> str:
    return " ".join(part for part in (claim.id.replace("-", " "), claim.quote, claim.note or "") if part)


def search_claims(claims: Sequence[NormalizedClaim], query: str,
                  cutoff: float = SEARCH_CUTOFF) -> list[ClaimMatch]:
    """The claims whose id, quote or note match ``query``, best first (ties in corpus order).

    Every number of the query must be in the text, exactly ('11300' finds '11,300' and 'eleven
    thousand three hundred', never '10,100'); the words may be misspelt. A claim's score is the
    better of two rapidfuzz measures, both on lowercased words with numbers written as digits:

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
    numbers = {word for word in words if word[0].isdigit()}  # a figure matches exactly or not at all
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
        if not numbers <= own:
            continue
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
        raise UnknownName("claimant", name, suggest_name(name, sorted({*entities.all_names(), *written})))
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
