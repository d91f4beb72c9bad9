"""`hirel quote`: the exact passage of an article closest to a text, and how it differs.

Reuses the quote anchoring of `hirel check` (`hirel.rules.anchoring`): an exact (normalized) match
first, else the closest passage on word boundaries. The differences are word by word, in the
normalized form quotes are compared in (case, quote marks, dashes and spacing never count), and
the punctuation around a word does not count either ('derna' is 'Derna.').
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..rules.anchoring import MIN_HINT_SCORE, ArticleText, Passage, normalize_for_match

if TYPE_CHECKING:
    from ..model import Article


@dataclass(frozen=True)
class FoundQuote:
    passage: Passage
    exact: bool
    occurrences: int
    differences: str  # '' when exact; else the passage with changed words marked


def _bare(word: str) -> str:
    """A normalized word without the punctuation around it ('derna.' -> 'derna')."""
    return word.strip(_EDGE_PUNCTUATION) or word


_EDGE_PUNCTUATION = ".,;:!?\"'()[]{}…-"


def word_differences(text: str, passage: str) -> str:
    """The passage's words, with '[+word]' for words TEXT lacks and '[-word]' for words of TEXT
    the passage does not have; '' when none differs. Words that differ only in case, quote
    marks, dashes or the punctuation around them ('derna' for 'Derna.') are not differences:
    the passage is what to paste, and `hirel check` forgives case and quote marks."""
    ours, theirs = normalize_for_match(text).split(), passage.split()
    keys = [_bare(normalize_for_match(w)) for w in theirs]
    out: list[str] = []
    changed = False
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(a=[_bare(w) for w in ours], b=keys,
                                                        autojunk=False).get_opcodes():
        if tag == "equal":
            out.extend(theirs[j1:j2])
            continue
        changed = True
        out.extend(f"[-{w}]" for w in ours[i1:i2])
        out.extend(f"[+{w}]" for w in theirs[j1:j2])
    return " ".join(out) if changed else ""


def find_quote(article: Article, text: str, min_score: float = MIN_HINT_SCORE) -> FoundQuote | None:
    """The passage of ``article`` for ``text``; None when nothing scores ``min_score`` or more."""
    body = ArticleText(article.body, article.body_line)
    exact = body.find(text)
    if exact:
        return FoundQuote(exact[0], True, len(exact), "")
    passage = body.closest(text)
    if passage is None or passage.score < min_score:
        return None
    trimmed = passage.text.rstrip(",;:")  # a clause's comma is not part of what was meant
    if trimmed != passage.text and trimmed:
        passage = Passage(passage.start, passage.start + len(trimmed), passage.line, trimmed, passage.score)
    return FoundQuote(passage, False, 1, word_differences(text, passage.text))
