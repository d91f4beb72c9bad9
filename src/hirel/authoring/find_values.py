"""The value grammar run over free text: every value phrase a text writes, with its offsets
and how hirel reads it.

Built on the public `hirel.values.read_value` only. A cheap scan finds the words a value is
made of (figures, magnitudes, currencies, percent, hedges, rate words, month names, years);
around each figure the widest run of such words is read first, then narrower ones, and the
first that the grammar reads is kept. So `about $100 million annually to groups` yields
`about $100 million annually`, and a phrase the grammar refuses yields nothing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import Interval
from ..values import ValueParseError, read_value
from ..values.vocabulary import PRE_HEDGES

_MONTHS = ("january february march april may june july august september october november december "
           "jan feb mar apr jun jul aug sep sept oct nov dec").split()
_MONTH_SET = frozenset(_MONTHS)
_NOT_LEFT = frozenset("in the of on do does did has have had order region quite".split())
_LEFT_WORDS = frozenset(
    "about approximately approx around roughly some circa nearly almost just under below over above "
    "more less fewer than at least most up to as much many high exceeding upwards upward excess "
    "greater no not well estimated an a average slightly little close shy short nearing exceeded topped "
    "surpassed between from us u.s. early mid late end start beginning since until".split()) | frozenset(
    word for hedge in PRE_HEDGES if hedge[0].isalpha() for word in hedge.split()
    if word not in _NOT_LEFT)  # 'tops', 'past', 'beyond'
# A figure followed by one of these is not a claim's value: a ratio ('500 times stronger') or
# an earthquake's magnitude ('8.8 on the Richter scale', 'magnitude 7.8').
_NOT_AFTER = frozenset("times fold richter magnitude".split())
_NOT_AFTER_PHRASES = ("on the richter", "on the moment magnitude")
_RIGHT_WORDS = frozenset(
    "thousand thousands million millions billion billions trillion trillions mln mn bn tn mil bil m k "
    "percent per cent pct percentage point points a an each every year years month months week weeks day "
    "days hour annually yearly monthly weekly daily annum dollars dollar euros euro pounds pound sterling "
    "yen shekels shekel rials rial yuan rubles roubles riyals rupees lakh lakhs crore crores dozen of to "
    "and or through more less plus so thereabouts usd eur gbp ils irr".split()) | _MONTH_SET
_OOM_WORDS = frozenset("tens hundreds thousands millions billions dozens several".split())
_MAGNITUDES = frozenset("hundred thousand million billion trillion".split())
_SPELLED = frozenset(
    "one two three four five six seven eight nine ten eleven twelve fifteen twenty thirty forty fifty "
    "sixty seventy eighty ninety half".split())
_WORD = re.compile(r"[^\s]+")
_LEAD = "([\"“‘'«"
_TRAIL = ",.;:!?)]\"”’'»…"
_STOP_AFTER = re.compile(r"[.;:!?]$")  # a token ending like this ends the phrase (not ',': '3 January, 2020')
_DECADE = re.compile(r"^(?:1[89]|20)\d0s$")
_YEAR = re.compile(r"^(?:1[89]|20)\d{2}$")
_HAS_DIGIT = re.compile(r"\d")
MAX_LEFT, MAX_RIGHT = 4, 6


@dataclass(frozen=True)
class FoundValue:
    """A value phrase in a text: ``text[start:end]`` and how hirel reads it."""

    start: int
    end: int
    text: str
    interval: Interval

    @property
    def kind(self) -> str:
        unit = self.interval.unit
        if unit == "date":
            return "date"
        if unit.startswith("percent"):
            return "percent"
        if unit.split("/")[0] in ("count", ""):
            return "count"
        return "amount"

    @property
    def reading(self) -> str:
        from ..values.figures import format_interval

        return format_interval(self.interval)


@dataclass
class _Token:
    start: int
    end: int
    word: str  # lowercased, outer punctuation removed
    stops: bool  # sentence or clause punctuation right after it


def _tokens(text: str) -> list[_Token]:
    tokens = []
    for m in _WORD.finditer(text):
        start, end = m.start(), m.end()
        while start < end and text[start] in _LEAD:
            start += 1
        raw_end = end
        while end > start and text[end - 1] in _TRAIL and not (text[end - 1] == "." and _is_abbrev(text[start:end])):
            end -= 1
        if end <= start:
            continue
        tokens.append(_Token(start, end, text[start:end].lower(), bool(_STOP_AFTER.search(text[end:raw_end]))))
    return tokens


def _is_abbrev(word: str) -> bool:
    return word.lower() in ("u.s.", "approx.", "p.a.", "ca.", "c.")


def _is_core(tokens: list[_Token], index: int) -> bool:
    word = tokens[index].word
    if _HAS_DIGIT.search(word):
        return True
    nxt = tokens[index + 1].word if index + 1 < len(tokens) else ""
    if word in _OOM_WORDS and nxt == "of":
        return True
    if word in _SPELLED and (nxt in _MAGNITUDES or nxt in ("percent", "per")):
        return True
    # 'half a million'
    return word == "half" and nxt in ("a", "an") and index + 2 < len(tokens) and tokens[index + 2].word in _MAGNITUDES


_SPAN_STARTS = frozenset("past last next previous coming first recent final".split())
_DURATIONS = frozenset("hours days weeks months years decades quarters hour day week month year decade quarter".split())


def _not_a_value(tokens: list[_Token], index: int) -> bool:
    """'500 times stronger', '8.8 on the Richter scale', 'magnitude 7.8': not a claim's figure."""
    after = " ".join(t.word for t in tokens[index + 1:index + 4])
    before = tokens[index - 1].word if index else ""
    return (after.split(" ")[0] in _NOT_AFTER or after.startswith(_NOT_AFTER_PHRASES)
            or before in ("magnitude", "magnitude-")
            # 'in the past 12 months', 'over the next five years': when, not a figure
            or (before in _SPAN_STARTS and after.split(" ")[0] in _DURATIONS))


def _is_date_like(words: list[str]) -> bool:
    return any(w in _MONTH_SET or _DECADE.match(w) or _YEAR.match(w) or re.match(r"^(?:early|mid|late)-\d{4}", w)
               for w in words)


def _read(phrase: str, words: list[str]) -> Interval | None:
    candidates: list[str | None] = []
    numeric = [w for w in words if _HAS_DIGIT.search(w)]
    if _is_date_like(words) and all(_YEAR.match(w.strip(",")) or _DECADE.match(w) or w in _MONTH_SET
                                    or re.match(r"^\d{1,2}(?:st|nd|rd|th)?,?$", w) or "-" in w
                                    for w in numeric):
        candidates.append("date")
    if not (len(numeric) == 1 and _YEAR.match(numeric[0]) and len(words) == 1):
        candidates.append(None)  # a bare year is a date, not the count 2,012
    for expect in candidates:
        try:
            return read_value(phrase, expect=expect)
        except ValueParseError:
            continue
        except (ArithmeticError, ValueError):  # an odd phrase must not stop the scan
            continue
    return None


def find_values(text: str) -> list[FoundValue]:
    """Every value phrase of ``text``, in order, not overlapping."""
    tokens = _tokens(text)
    found: list[FoundValue] = []
    index, count = 0, len(tokens)
    while index < count:
        if not _is_core(tokens, index) or _not_a_value(tokens, index):
            index += 1
            continue
        left = index
        while left > 0 and index - left < MAX_LEFT and not tokens[left - 1].stops and (
                tokens[left - 1].word in _LEFT_WORDS or tokens[left - 1].word in _MONTH_SET
                or _HAS_DIGIT.search(tokens[left - 1].word)):
            left -= 1
        if found and left <= _last_token(tokens, found[-1].end):
            left = _last_token(tokens, found[-1].end) + 1
        right = index
        while right + 1 < count and right - index < MAX_RIGHT and not tokens[right].stops and (
                tokens[right + 1].word in _RIGHT_WORDS or _HAS_DIGIT.search(tokens[right + 1].word)):
            right += 1
        if right + 1 < count and not tokens[right].stops and tokens[right + 1].word.isalpha() \
                and tokens[right + 1].word == text[tokens[right + 1].start:tokens[right + 1].end] \
                and tokens[right + 1].word not in _LEFT_WORDS:
            right += 1  # the noun a count counts ('9,000 families'); lowercase only
        if _YEAR.match(tokens[index].word) and not _amount_around(tokens, left, index):
            right = index  # '2021 conflict', 'in 2012': a year, not a count of 2,021
        best = _widest_reading(text, tokens, left, index, right)
        if best is not None and best.kind != "date" and _next_to_month(tokens, index):
            best = None  # 'July 16', '14 December': a day without its year is not a count
        if best is None:
            index += 1
            continue
        found.append(best)
        index = _last_token(tokens, best.end) + 1
    return found


def _amount_around(tokens: list[_Token], left: int, index: int) -> bool:
    """Does a year-like number carry a currency, hedge, percent or magnitude ('over 2000 people')?"""
    word = tokens[index].word
    after = tokens[index + 1].word if index + 1 < len(tokens) else ""
    before = {t.word for t in tokens[left:index]}
    return (not word.isdigit() or after in _MAGNITUDES or after in ("percent", "per", "%")
            or bool(before & {"about", "over", "more", "than", "nearly", "almost", "some", "around", "under",
                              "approximately", "roughly", "least", "up", "less", "fewer"}))


def _next_to_month(tokens: list[_Token], index: int) -> bool:
    before = tokens[index - 1].word if index else ""
    after = tokens[index + 1].word if index + 1 < len(tokens) else ""
    return re.match(r"^\d{1,2}(?:st|nd|rd|th)?$", tokens[index].word) is not None and (
        before in _MONTH_SET or after in _MONTH_SET)


def _last_token(tokens: list[_Token], end: int) -> int:
    """The index of the last token ending at or before ``end`` (-1 if none); binary search."""
    low, high = 0, len(tokens)
    while low < high:
        middle = (low + high) // 2
        if tokens[middle].end <= end:
            low = middle + 1
        else:
            high = middle
    return low - 1


def _widest_reading(text: str, tokens: list[_Token], left: int, core: int, right: int) -> FoundValue | None:
    spans = sorted(((a, b) for a in range(left, core + 1) for b in range(right, core - 1, -1)),
                   key=lambda span: (span[0] - span[1], span[0]))
    for a, b in spans:
        start, end = tokens[a].start, tokens[b].end
        phrase = text[start:end]
        words = [t.word for t in tokens[a:b + 1]]
        if words[-1] in ("of", "to", "and", "or", "a", "an", "from", "between", "the") or \
                words[0] in ("of", "to", "and", "or", "the", "a", "an") and a != core:
            continue
        if b < len(tokens) - 1 and tokens[b + 1].word in _MAGNITUDES and b + 1 <= right + 1 \
                and _HAS_DIGIT.search(tokens[b].word):
            continue  # never cut '40 | million'
        interval = _read(phrase, words)
        if interval is not None:
            return FoundValue(start, end, phrase, interval)
    return None
