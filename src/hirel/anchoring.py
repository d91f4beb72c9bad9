"""Find a claim's quote in its article text.

A quote matches when it is found after normalizing both texts the same way: typographic
quotes and apostrophes become straight ones, every dash becomes '-', invisible characters
are dropped, non-breaking and repeated whitespace becomes one space, and case is ignored.
Nothing else is forgiven. When a quote is not found, rapidfuzz finds the closest passage,
whose edges are moved to word boundaries, to offer as the fix.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import cached_property

from .values.vocabulary import TYPOGRAPHY

# The one vocabulary of dashes, quotes, odd spaces and invisible characters.
_TABLE = TYPOGRAPHY
# The few ASCII characters it maps (the backquote): all an ASCII text needs of it.
_ASCII_MAPPED = [(chr(code), "" if to is None else chr(to)) for code, to in _TABLE.items() if code < 128]
_WORD = re.compile(r"\S+")

# A fuzzy match below this score is not offered as "the passage you meant".
MIN_HINT_SCORE = 60.0
# Quotes longer than this are not searched approximately (a quote is a sentence or two).
MAX_FUZZY_QUOTE = 1000


def normalize_for_match(text: str) -> str:
    """The form quotes and article texts are compared in."""
    # str.split() breaks on exactly the characters the regex \s matches; faster than re.sub.
    if text.isascii():  # (answered without a scan) lower() is casefold() there
        for char, mapped in _ASCII_MAPPED:
            if char in text:
                text = text.replace(char, mapped)
        return " ".join(text.lower().split())
    return " ".join(text.translate(_TABLE).casefold().split())


def _normalize_with_offsets(text: str) -> tuple[str, list[int]]:
    """Like normalize_for_match, plus for each normalized character its offset in ``text``."""
    out: list[str] = []
    offsets: list[int] = []
    pending_space = -1
    for index, char in enumerate(text):
        mapped = char.translate(_TABLE).casefold()
        if not mapped:
            continue
        if mapped.isspace():
            if pending_space < 0:
                pending_space = index
            continue
        if pending_space >= 0:
            if out:
                out.append(" ")
                offsets.append(pending_space)
            pending_space = -1
        for piece in mapped:
            out.append(piece)
            offsets.append(index)
    return "".join(out), offsets


@dataclass(frozen=True)
class Passage:
    """A span of the article text: offsets into the text, its 1-based line, and a score."""

    start: int
    end: int
    line: int
    text: str
    score: float = 100.0


class ArticleText:
    """An article body prepared for repeated quote look-ups."""

    def __init__(self, body: str, first_line: int = 1) -> None:
        self.body = body
        self.first_line = first_line
        self.normalized = normalize_for_match(body)

    @cached_property
    def _offsets(self) -> list[int]:
        normalized, offsets = _normalize_with_offsets(self.body)
        assert normalized == self.normalized  # both normalizations must agree
        return offsets

    def _starts(self, needle: str) -> list[int]:
        """Where ``needle`` occurs in the normalized text, not overlapping, as whole words:
        a quote that starts or ends with a letter or digit may not start or end inside a word."""
        text = self.normalized
        check_start, check_end = needle[0].isalnum(), needle[-1].isalnum()
        found = []
        at = text.find(needle)
        while at >= 0:
            end = at + len(needle)
            if not (check_start and at > 0 and text[at - 1].isalnum()) \
                    and not (check_end and end < len(text) and text[end].isalnum()):
                found.append(at)
                at = text.find(needle, end)
            else:
                at = text.find(needle, at + 1)
        return found

    def count(self, quote: str) -> int:
        needle = normalize_for_match(quote)
        return len(self._starts(needle)) if needle else 0

    def line_of(self, offset: int) -> int:
        return self.first_line + self.body.count("\n", 0, offset)

    def _passage(self, norm_start: int, norm_end: int, score: float = 100.0) -> Passage:
        offsets = self._offsets
        start = offsets[norm_start]
        end = offsets[norm_end - 1] + 1
        return Passage(start, end, self.line_of(start), self.body[start:end], score)

    def find(self, quote: str) -> list[Passage]:
        """Every place the quote occurs (normalized, whole-word match), in order."""
        needle = normalize_for_match(quote)
        if not needle:
            return []
        return [self._passage(at, at + len(needle)) for at in self._starts(needle)]

    def closest(self, quote: str) -> Passage | None:
        """The passage most like ``quote`` (rapidfuzz), with its edges on word boundaries.

        rapidfuzz aligns a window as long as the quote; its edges may cut words or spill into
        the next sentence, so each edge is then moved to the nearby word boundary (up to three
        words either way) that makes the passage most like the quote.
        """
        from rapidfuzz import fuzz

        needle = normalize_for_match(quote)
        text = self.normalized
        if not needle or not text or len(needle) > MAX_FUZZY_QUOTE:
            return None  # approximate search grows with the square of the quote's length
        alignment = fuzz.partial_ratio_alignment(needle, text)
        if alignment is None or alignment.dest_end <= alignment.dest_start:
            return None
        starts = [m.start() for m in _WORD.finditer(text)]
        ends = [m.end() for m in _WORD.finditer(text)]
        first = max(0, bisect_right(starts, alignment.dest_start) - 4)
        last = bisect_left(ends, alignment.dest_end)
        best = (-1.0, alignment.dest_start, alignment.dest_end)
        for start in starts[first:first + 8]:
            for end in ends[max(0, last - 3):last + 4]:
                if end > start:
                    score = fuzz.ratio(needle, text[start:end])
                    if score > best[0]:
                        best = (score, start, end)
        score, start, end = best
        return self._passage(start, end, round(score, 1))
