"""Find a claim's quote in its article text.

A quote matches when it is found after normalizing both texts the same way: typographic
quotes and apostrophes become straight ones, every dash becomes '-', invisible characters
are dropped, non-breaking and repeated whitespace becomes one space, and case is ignored.
Nothing else is forgiven. When a quote is not found, rapidfuzz finds the closest passage,
whose edges are moved to word boundaries, to offer as the fix.

Bounded in time and memory whatever the article: offsets back into the text are kept per line
(a few integers a line, built only when a passage is asked for), and the approximate search runs
over the whole text only when that is cheap; in a longer text it runs around the places where
the quote's rarest words occur, a bounded number of them.
"""

from __future__ import annotations

import re
from array import array
from bisect import bisect_left, bisect_right

from ..records import REQUIRED, Record, set_field
from ..values.vocabulary import TYPOGRAPHY

# The one vocabulary of dashes, quotes, odd spaces and invisible characters.
_TABLE = TYPOGRAPHY
# The few ASCII characters it maps (the backquote): all an ASCII text needs of it.
_ASCII_MAPPED = [(chr(code), "" if to is None else chr(to)) for code, to in _TABLE.items() if code < 128]
_CHUNK = 1 << 20  # characters normalized at a time
_PIECE = 1 << 14  # the longest stretch of a line mapped back character by character
_SPACE = re.compile(r"\s")
_WORD = re.compile(r"\S+")

# A fuzzy match below this score is not offered as "the passage you meant".
MIN_HINT_SCORE = 60.0
# Quotes longer than this are not searched approximately (a quote is a sentence or two).
MAX_FUZZY_QUOTE = 1000
# The approximate search over a whole text costs about len(text) * len(quote)^2 (quotes under
# 64 characters cost as 64): above this budget (about a second) only candidate places are searched.
MAX_FUZZY_WORK = 1_000_000_000_000
# In a text over that budget: how many of the quote's rarest words, and places of them, are tried.
_CANDIDATE_WORDS = 3
_CANDIDATE_PLACES = 200
# How many words either way of rapidfuzz's alignment an edge of the closest passage may move.
_EDGE_WORDS = 8


def normalize_for_match(text: str) -> str:
    """The form quotes and article texts are compared in."""
    return _normalize_chunks(text)[0]


def _normalize_chunks(text: str) -> tuple[str, list[tuple[int, int, int]]]:
    """normalize_for_match(text), and where each chunk starts: (offset in ``text``, offset in
    the result, 0-based line).

    A long text is normalized a chunk at a time: splitting a whole 68 MB article into words at
    once would take ten times its size in memory. Chunks end at a line end (else at a space,
    for a text of very long lines); the character between two chunks is not part of either.
    """
    if len(text) <= _CHUNK:
        return _fold(text), [(0, 0, 0)]
    pieces: list[str] = []
    chunks: list[tuple[int, int, int]] = []
    start = norm = line = 0
    while start <= len(text):
        end = _boundary(text, start, len(text), _CHUNK)
        chunks.append((start, norm, line))
        piece = _fold(text[start:end])
        if piece:
            pieces.append(piece)
            norm += len(piece) + 1
        line += text.count("\n", start, end + 1)
        start = end + 1
    return " ".join(pieces), chunks


def _bare(word: str) -> str:
    """A word without the punctuation around it ('un.' -> 'un')."""
    return word.strip(".,;:!?\"'()[]{}-") or word


def _fold(text: str) -> str:
    """Typography mapped, case folded, whitespace runs made one space (str.split() breaks on
    exactly the characters the regex \\s matches)."""
    if text.isascii():  # (answered without a scan) lower() is casefold() there
        for char, mapped in _ASCII_MAPPED:
            if char in text:
                text = text.replace(char, mapped)
        return " ".join(text.lower().split())
    return " ".join(text.translate(_TABLE).casefold().split())


def _boundary(text: str, start: int, end: int, size: int) -> int:
    """Where a piece of ``text[start:end]`` of about ``size`` characters ends: the first line
    end after ``size`` characters, else the first whitespace, else ``end``."""
    if end - start <= size:
        return end
    at = text.find("\n", start + size, min(end, start + 2 * size))
    if at >= 0:
        return at
    space = _SPACE.search(text, start + size, end)
    return space.start() if space else end


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


class Passage(Record):
    """A span of the article text: offsets into the text, its 1-based line, and a score."""

    start: int
    end: int
    line: int
    text: str
    score: float

    __slots__ = ("end", "line", "score", "start", "text")
    _FIELDS = (("start", REQUIRED), ("end", REQUIRED), ("line", REQUIRED), ("text", REQUIRED), ("score", 100.0))

    def __init__(self, start: int, end: int, line: int, text: str, score: float = 100.0) -> None:
        set_field(self, "start", start)
        set_field(self, "end", end)
        set_field(self, "line", line)
        set_field(self, "text", text)
        set_field(self, "score", score)


class ArticleText:
    """An article body prepared for repeated quote look-ups."""

    def __init__(self, body: str, first_line: int = 1) -> None:
        self.body = body
        self.first_line = first_line
        self.normalized, self._chunks = _normalize_chunks(body)
        self._chunk_norm_starts = [norm for _start, norm, _line in self._chunks]
        self._chunk_pieces: dict[int, tuple[array[int], array[int], array[int], array[int]]] = {}

    def _pieces_of_chunk(self, index: int) -> tuple[array[int], array[int], array[int], array[int]]:
        """The pieces of a chunk: its lines, long lines cut at a space. For each: where it
        starts and ends in the body, where its normalized form starts in ``normalized`` (the
        normalized pieces, the empty ones left out, joined by one space, are exactly
        ``normalized``), and its 0-based line. Built when a passage in the chunk is asked for."""
        pieces = self._chunk_pieces.get(index)
        if pieces is not None:
            return pieces
        at, norm, line = self._chunks[index]
        chunk_end = self._chunks[index + 1][0] - 1 if index + 1 < len(self._chunks) else len(self.body)
        starts, ends, norm_starts, lines = array("q"), array("q"), array("q"), array("q")
        body = self.body
        while True:
            line_end = body.find("\n", at, chunk_end)
            line_end = chunk_end if line_end < 0 else line_end
            end = _boundary(body, at, line_end, _PIECE)
            starts.append(at)
            ends.append(end)
            norm_starts.append(norm)
            lines.append(line)
            length = len(normalize_for_match(body[at:end]))
            if length:
                norm += length + 1
            if end >= chunk_end:
                break
            line += end == line_end
            at = end + 1
        self._chunk_pieces[index] = pieces = (starts, ends, norm_starts, lines)
        return pieces

    def _body_offset(self, norm_offset: int) -> tuple[int, int]:
        """(offset in the body, 0-based line) of the character at ``norm_offset`` of ``normalized``."""
        # The last chunk (then piece) starting at or before the offset: those that normalize to
        # nothing share the start of the next one, so the one found holds the character.
        chunk = bisect_right(self._chunk_norm_starts, norm_offset) - 1
        starts, ends, norm_starts, lines = self._pieces_of_chunk(chunk)
        index = bisect_right(norm_starts, norm_offset) - 1
        start, end = starts[index], ends[index]
        _normalized, offsets = _normalize_with_offsets(self.body[start:end])
        local = norm_offset - norm_starts[index]
        if local >= len(offsets):  # the space that joins this piece to the next one
            return end, lines[index]
        return start + offsets[local], lines[index]

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
        start, line = self._body_offset(norm_start)
        end = self._body_offset(norm_end - 1)[0] + 1
        return Passage(start, end, self.first_line + line, self.body[start:end], score)

    def find(self, quote: str, limit: int | None = None) -> list[Passage]:
        """Every place the quote occurs (normalized, whole-word match), in order; the first
        ``limit`` of them when given."""
        needle = normalize_for_match(quote)
        if not needle:
            return []
        return [self._passage(at, at + len(needle)) for at in self._starts(needle)[:limit]]

    def searched_in_full(self, quote: str) -> bool:
        """Whether closest() compares the quote with the whole text (else only with the places
        where its rarest words occur: the text is too long to search in full)."""
        return len(self.normalized) * max(len(normalize_for_match(quote)), 64) ** 2 <= MAX_FUZZY_WORK

    def _candidate_regions(self, needle: str) -> list[tuple[int, int]]:
        """Spans of the text around the places where the needle's rarest words occur, merged."""
        text = self.normalized
        words = sorted({w for w in needle.split() if len(w) > 2} or set(needle.split()), key=len, reverse=True)[:12]
        counted = sorted((n, w) for w in words if (n := text.count(w)))
        spans: list[tuple[int, int]] = []
        for _count, word in counted[:_CANDIDATE_WORDS]:
            at = text.find(word)
            places = 0
            while at >= 0 and places < _CANDIDATE_PLACES:
                spans.append((max(0, at - 2 * len(needle)), at + len(word) + 2 * len(needle)))
                places += 1
                at = text.find(word, at + len(word))
        merged: list[tuple[int, int]] = []
        for start, end in sorted(spans):
            if merged and start <= merged[-1][1]:
                merged[-1] = (merged[-1][0], max(merged[-1][1], end))
            else:
                merged.append((start, end))
        return merged

    def closest(self, quote: str) -> Passage | None:
        """The passage most like ``quote`` (rapidfuzz), with its edges on word boundaries.

        rapidfuzz aligns a window as long as the quote; its edges may cut words or spill into
        the next sentence, so each edge is then moved to the nearby word boundary (up to eight
        words either way) that makes the passage most like the quote, one where the quote's
        first (last) word is when there is one. In a text too long to
        search in full (see searched_in_full), only the regions around the quote's rarest
        words are searched.
        """
        from rapidfuzz import fuzz

        needle = normalize_for_match(quote)
        text = self.normalized
        if not needle or not text or len(needle) > MAX_FUZZY_QUOTE:
            return None  # approximate search grows with the square of the quote's length
        if self.searched_in_full(quote):
            # In overlapping windows, so that rapidfuzz never holds a copy of a whole long text.
            regions = [(start, start + _CHUNK + 2 * len(needle)) for start in range(0, len(text), _CHUNK)]
        else:
            regions = self._candidate_regions(needle)
        found = None
        for region_start, region_end in regions:
            alignment = fuzz.partial_ratio_alignment(needle, text[region_start:region_end])
            if alignment is not None and alignment.dest_end > alignment.dest_start and \
                    (found is None or alignment.score > found[0]):
                found = (alignment.score, region_start + alignment.dest_start, region_start + alignment.dest_end)
        if found is None:
            return None
        _score, dest_start, dest_end = found
        # Word boundaries near the alignment only: a few words either way are all that is tried.
        near_start = text.rfind(" ", 0, max(0, dest_start - 300)) + 1
        near_end = text.find(" ", dest_end + 300)
        near_end = len(text) if near_end < 0 else near_end
        words = [(m.start(), m.end()) for m in _WORD.finditer(text, near_start, near_end)]
        starts = [start for start, _end in words]
        ends = [end for _start, end in words]
        # The window is as long as the quote: a passage with words the quote lacks runs past it.
        first = max(0, bisect_right(starts, dest_start) - _EDGE_WORDS)
        last = bisect_left(ends, dest_end)
        best = (-1.0, dest_start, dest_end)
        # A passage starts and ends with the quote's first and last words when they are near
        # ('…to the UN' never gives '…to the' because the article has more words before 'UN').
        edges = needle.split()
        firsts, lasts = words[first:first + 2 * _EDGE_WORDS], words[max(0, last - _EDGE_WORDS + 1):last + _EDGE_WORDS]
        same_first = [w for w in firsts if _bare(text[w[0]:w[1]]) == _bare(edges[0])]
        same_last = [w for w in lasts if _bare(text[w[0]:w[1]]) == _bare(edges[-1])]
        for tried_firsts, tried_lasts in ((same_first or firsts, same_last or lasts), (firsts, lasts)):
            for start, _ in tried_firsts:
                for _, end in tried_lasts:
                    if end > start:
                        score = fuzz.ratio(needle, text[start:end])
                        if score > best[0]:
                            best = (score, start, end)
            if best[0] >= 0:
                break
        score, start, end = best
        return self._passage(start, end, round(score, 1))
