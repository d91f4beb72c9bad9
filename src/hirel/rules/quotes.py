"""HR5xx, quotes: each claim's quote is found, once, in its article."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from ..model import WARNING, Claim, Problem
from .anchoring import MAX_FUZZY_QUOTE, MIN_HINT_SCORE, ArticleText
from .base import Rule

if TYPE_CHECKING:
    from ..model import Corpus


class QuoteNotFound(Rule):
    """The quote is not in the article text.

    Matching ignores case, typographic quotes and apostrophes (’ “ ”), dash kinds,
    non-breaking and repeated whitespace, and nothing else; a quote must start and end on
    word boundaries (not "ording to" inside "According to"). The hint shows the closest
    passage of the article (its line and a similarity score) to copy instead.

    FAIL:
        quote: "Iran gives roughly $100 million a year to Palestinian groups"

    PASS:
        quote: "Iran provides about $100 million annually to Palestinian"
    """

    code, name = "HR501", "quote-not-found"


class AmbiguousQuote(Rule):
    """The quote occurs more than once in the article.

    Lengthen it until it names one passage, so that `hirel show` points at the right place.

    FAIL:
        quote: "Hamas"

    PASS:
        quote: "Hamas has never been closer to Iran"
    """

    code, name = "HR502", "ambiguous-quote"
    severity = WARNING


def check_quotes(corpus: Corpus) -> Iterator[Problem]:
    texts: dict[str, ArticleText] = {}
    for claim in corpus.claims.values():
        yield from check_quote(corpus, claim, texts)


def check_quote(corpus: Corpus, claim: Claim, texts: dict[str, ArticleText]) -> Iterator[Problem]:
    """Whether the claim's quote is in its article, once (``texts``: articles prepared so far)."""
    article = corpus.articles.get(claim.article)
    if article is None:
        return  # the claims file is reported as an orphan
    text = texts.get(article.id)
    if text is None:
        text = texts[article.id] = ArticleText(article.body, article.body_line)
    count = text.count(claim.quote)
    if count == 1:
        return
    loc = claim.loc_of("quote")
    if count > 1:
        shown = list(dict.fromkeys(p.line for p in text.find(claim.quote, limit=10)))
        lines = ", ".join(map(str, shown)) + (", …" if count > 10 else "")
        yield AmbiguousQuote.problem(loc, f"the quote of '{claim.id}' occurs {count} times in "
                                          f"{article.path} (lines {lines})", "lengthen the quote")
        return
    best = text.closest(claim.quote)
    if best is not None and best.score >= MIN_HINT_SCORE:
        hint = f"closest passage, line {best.line} (score {best.score:g}): \"{' '.join(best.text.split())}\""
    elif len(claim.quote) > MAX_FUZZY_QUOTE:
        hint = f"quotes over {MAX_FUZZY_QUOTE} characters are not searched approximately; quote less"
    elif not text.searched_in_full(claim.quote):
        hint = ("too long to search: the article is too long to compare with the quote everywhere, and no "
                "passage around the quote's rarest words is similar; copy the words exactly")
    else:
        hint = "no similar passage in the article; copy the words exactly"
    yield QuoteNotFound.problem(loc, f"the quote of '{claim.id}' is not in {article.path}", hint)
