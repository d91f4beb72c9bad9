"""Is the figure a value writes in its quote? (HR408)

``figures_in`` lists every figure a text writes, magnitudes applied, read with the same
tokens as the value reader (``4-million`` = ``4 million`` = ``four million`` = ``4m``);
``value_figures_in_quote`` checks a claim's value against its quote.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from datetime import date
from functools import lru_cache
from typing import overload

from .tokens import (
    NUMBER_RE,
    SPELLED_RE,
    SPOKEN_RE,
    is_real,
    normalize,
    phrase_key,
    phrase_pattern,
    spelled_value,
    spoken_value,
)
from .units import Unit, parse_unit
from .vocabulary import (
    MAGNITUDE_WORDS,
    ORDERS_OF_MAGNITUDE,
    SPACED_MAGNITUDES,
    TEEN_WORDS,
    TENS_WORDS,
    UNIT_WORDS,
    VAGUE_MULTIPLIERS,
)

__all__ = ["figures_in", "value_figures_in_quote"]

_MAGNITUDE_ALT = "|".join(sorted(SPACED_MAGNITUDES, key=len, reverse=True))
_MAGNITUDE_TAIL = (
    rf"(?:\s*(?P<magnitude>(?:thousand|million|billion|trillion)s?\b|(?:{_MAGNITUDE_ALT})\b)"
    rf"(?:\s*(?P<magnitude2>crores?)\b)?)?"
)
_FIGURE_RE = re.compile(
    rf"(?P<figure>\b{SPELLED_RE}|{NUMBER_RE}){_MAGNITUDE_TAIL}",
    re.IGNORECASE,
)
# The same without spelled numbers: where a text cannot hold one (below), the search skips
# straight to digits instead of trying every spelled word at every word.
_DIGIT_FIGURE_RE = re.compile(rf"(?P<figure>{NUMBER_RE}){_MAGNITUDE_TAIL}", re.IGNORECASE)
# A spelled figure starts with one of these words (the whole run of letters), or is 'a'/'an'
# right before a magnitude ('a million'): see SPELLED_RE.
_SPELLED_FIRST = frozenset((*UNIT_WORDS, *TEEN_WORDS, *TENS_WORDS, "half"))
_LETTERS_RE = re.compile(r"[a-z]+")
_A_MAGNITUDE_RE = re.compile(r"\ban?\s+(?:hundred|thousand|million|billion|trillion|dozen|lakh|crore)\b")


@lru_cache(maxsize=1)
def _figure_spoken_re() -> re.Pattern[str]:
    """Spoken decimals ('one-point-65 billion') cost a lot to look for: compiled on first use,
    and used only where 'point' is written."""
    return re.compile(rf"(?P<figure>\b{SPOKEN_RE}|\b{SPELLED_RE}|{NUMBER_RE}){_MAGNITUDE_TAIL}", re.IGNORECASE)


def _figure_pattern(text: str) -> re.Pattern[str]:
    """The cheapest pattern that finds every figure of ``text`` (normalized)."""
    lower = text.lower()
    if "point" in lower:
        return _figure_spoken_re()
    if not text.isascii():
        return _FIGURE_RE  # case-insensitive matching knows letters beyond a-z
    if _SPELLED_FIRST.isdisjoint(_LETTERS_RE.findall(lower)) and _A_MAGNITUDE_RE.search(lower) is None:
        return _DIGIT_FIGURE_RE
    return _FIGURE_RE


_FIGURE_JOIN_RE = re.compile(
    r"\s*(?:%|percent|per cent)?\s*(?:-|to|and|or|through)\s*(?:[a-z]{0,2}\$|€|£|¥|₪|₹)?\s*$", re.IGNORECASE
)
_OOM_RE = re.compile(
    rf"(?:{phrase_pattern(list(VAGUE_MULTIPLIERS))})\s+(?:thousand|million|billion|trillion)\b"
    rf"|{phrase_pattern(list(ORDERS_OF_MAGNITUDE))}",
    re.IGNORECASE,
)
_YEAR_IN_TEXT_RE = re.compile(r"(?<!\d)(\d{4})(?!\d)")


@overload
def _clean(x: float) -> float: ...


@overload
def _clean(x: float | None) -> float | None: ...


def _clean(x: float | None) -> float | None:
    if x is None:
        return None
    if x.is_integer() and -1e12 < x < 1e12:
        return x  # twelve significant digits hold it exactly
    return float(f"{x:.12g}")


def _magnitude_of(x: float) -> float:
    for magnitude in (1e12, 1e9, 1e6, 1e3):
        if x >= magnitude:
            return magnitude
    return 1.0


def _figure_value(m: re.Match[str]) -> tuple[float, bool]:
    figure = m["figure"]
    if m.re is not _FIGURE_RE and m.re is not _DIGIT_FIGURE_RE and m["spoken_int"] is not None:
        return spoken_value(m["spoken_int"], m["spoken_frac"])[0], False
    digits, attached = m.group("digits", "attached")
    if digits is not None:  # a number: its digits and any magnitude written onto it ('5bn')
        value = float(digits.replace(",", ""))
        if attached:
            return value * MAGNITUDE_WORDS[attached.lower()], True
        return value, False
    return spelled_value(phrase_key(figure)), False


def _scan_figures(text: str) -> list[tuple[float, bool, float | None]]:
    """Every figure a text writes, with magnitudes applied, in order: (value, whether a
    magnitude is written, the value with the next figure's magnitude: '70' in '$70-100 million')."""
    text = normalize(text)
    found: list[tuple[float, bool, int, int]] = []
    for m in _figure_pattern(text).finditer(text):
        value, has_magnitude = _figure_value(m)
        magnitude, magnitude2 = m.group("magnitude", "magnitude2")
        if magnitude:
            value *= MAGNITUDE_WORDS[magnitude.lower()]
            has_magnitude = True
        if magnitude2:
            value *= MAGNITUDE_WORDS[magnitude2.lower()]
        found.append((value, has_magnitude, m.start(), m.end()))
    figures = []
    last = len(found) - 1
    for index, (value, has_magnitude, _start, end) in enumerate(found):
        shared = None
        if not has_magnitude and index < last:
            next_value, next_has, next_start, _ = found[index + 1]
            if next_has and _FIGURE_JOIN_RE.match(text[end:next_start]):
                magnitude = _magnitude_of(next_value)
                if magnitude > 1 and value * magnitude <= next_value:
                    shared = value * magnitude
        figures.append((_clean(value), has_magnitude, _clean(shared)))
    return figures


def figures_in(text: str) -> set[float]:
    """The figures a text mentions, magnitudes applied: 'about $100 million annually' -> {1e8}.

    Where a magnitude is written once for a range ('$70-100 million') both readings of the
    bare end are included ({70, 7e7, 1e8}), since a quote is searched generously.
    """
    result: set[float] = set()
    for value, _has_magnitude, shared in _scan_figures(text):
        result.add(value)
        if shared is not None:
            result.add(shared)
    return result


@lru_cache(maxsize=8192)
def _written_figures(text: str) -> frozenset[float]:
    """The figures a value writes, each read as the parser reads it (values repeat: cached)."""
    return frozenset(value if shared is None else shared for value, _has_magnitude, shared in _scan_figures(text))


def _contains_figure(figures: set[float], x: float) -> bool:
    return any(math.isclose(x, y, rel_tol=1e-9, abs_tol=1e-12) for y in figures)


def _years_written(value_raw: object) -> set[int]:
    if isinstance(value_raw, date):
        return {value_raw.year}
    if isinstance(value_raw, int) and not isinstance(value_raw, bool):
        return {value_raw}
    return {int(y) for y in _YEAR_IN_TEXT_RE.findall(str(value_raw))}




def value_figures_in_quote(value_raw: object, quote: str, expect: Unit | str | None = None) -> bool:
    """Does the quote contain the figure the value writes?

    True when every number written in the value (magnitudes applied, spelled numbers
    included) is among ``figures_in(quote)``. A value without digits ('tens of millions',
    'several million') needs its words in the quote (case-insensitive). Dates (``expect`` a
    date unit, or a YAML date or year) need their years in the quote. A number as YAML hands
    it over (``value: 2022``) needs that number in the quote. A mapping is the annotator's own
    arithmetic, not a quotation, so it is always True.
    """
    expected = expect if expect is None or isinstance(expect, Unit) else parse_unit(expect)
    if isinstance(value_raw, Mapping):
        return True
    if expected is not None and expected.base == "date" or isinstance(value_raw, date):
        years = _years_written(value_raw)
        quote_years = {int(y) for y in _YEAR_IN_TEXT_RE.findall(normalize(quote))}
        return bool(years) and years <= quote_years
    if isinstance(value_raw, bool) or value_raw is None:
        return False
    quote_figures = figures_in(quote)
    if is_real(value_raw):
        return _contains_figure(quote_figures, float(value_raw))
    text = str(value_raw)
    written = _written_figures(text)
    if written:
        return all(_contains_figure(quote_figures, x) for x in written)
    phrases = [phrase_key(m.group()) for m in _OOM_RE.finditer(normalize(text))]
    if not phrases:
        return True  # no figure written ('half', 'doubled'): nothing to look for
    quote_key = phrase_key(normalize(quote))
    return all(phrase in quote_key for phrase in phrases)
