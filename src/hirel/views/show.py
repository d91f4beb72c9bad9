"""What `hirel show` shows: one claim with its proposition, article, quote in context and findings."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..comparing.comparison import NormalizedClaim
from ..model import Article, Finding, Proposition
from .browser import Browser

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
    from ..rules.anchoring import ArticleText

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
