"""The value grammar: how a figure written by a person becomes an interval.

``read_value`` reads a phrase ("about $100 million per year", "tens of millions of dollars",
"over 50%", "mid-2017"), a number, or a mapping ``{low, high, unit}`` into an
:class:`~hirel.model.Interval` in the unit the phrase itself is written in;
``normalize_value`` then converts it into the proposition's unit with ``units.convert``.
Every decision is recorded in ``Interval.steps`` so ``hirel value`` can show its work.

The phrase is split into tokens by one precompiled regular expression and read by a small
recursive-descent parser; nothing is compiled per call (the benchmark reads ~20,000 values).
The defaults (hedge widths, orders of magnitude, tolerance) are documented in docs/values.md.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import lru_cache
from datetime import date
from numbers import Real
from typing import Any, Mapping

from hirel.errors import HirelError
from hirel.model import Interval, Period
from hirel.periods import PeriodError, parse_period, period_to_interval
from hirel.units import ConversionError, Unit, UnitError, convert, describe_interval, parse_unit

__all__ = [
    "ValueParseError",
    "read_value",
    "normalize_value",
    "explain_value",
    "figures_in",
    "value_figures_in_quote",
    "intervals_overlap",
    "DEFAULT_HEDGE",
    "ROUNDING_TOLERANCE",
    "MAX_AMOUNT",
    "MAX_PERCENT",
    "ORDERS_OF_MAGNITUDE",
    "VAGUE_MULTIPLIERS",
    "ConversionError",
]


class ValueParseError(HirelError, ValueError):
    """A value hirel cannot read, with one sentence saying why."""


# "about $100 million" = [90M, 110M]: a reader's "about" rarely means more than ±10%, and a
# narrower band would call rounded figures from two outlets a contradiction.
DEFAULT_HEDGE = 0.10

# Used when comparing, not when reading: two figures within 1% of each other overlap, so
# "$651,000" and "$650,000" or a converted 21,428,571 and "$21.4 million" do not conflict.
ROUNDING_TOLERANCE = 0.01

# Beyond these a figure is a typo (a quadrillion dollars; 20,000%), not a claim.
MAX_AMOUNT = 1e15
MAX_PERCENT = 10_000.0

# "tens of millions" = [10M, 100M]: from the smallest to the largest figure the words cover.
ORDERS_OF_MAGNITUDE: dict[str, tuple[float, float]] = {
    "tens": (10.0, 100.0),
    "dozens": (24.0, 144.0),
    "hundreds": (100.0, 1e3),
    "thousands": (1e3, 1e6),
    "tens of thousands": (1e4, 1e5),
    "hundreds of thousands": (1e5, 1e6),
    "millions": (1e6, 1e9),
    "tens of millions": (1e7, 1e8),
    "hundreds of millions": (1e8, 1e9),
    "billions": (1e9, 1e12),
    "tens of billions": (1e10, 1e11),
    "hundreds of billions": (1e11, 1e12),
    "trillions": (1e12, 1e15),
    "tens of trillions": (1e13, 1e14),
    "hundreds of trillions": (1e14, 1e15),
    "dozens of thousands": (2.4e4, 1.44e5),
    "dozens of millions": (2.4e7, 1.44e8),
    "dozens of billions": (2.4e10, 1.44e11),
}

# "a few million" = [2M, 9M]; "several million" = [3M, 9M]; "a couple of million" = [2M, 3M].
VAGUE_MULTIPLIERS: dict[str, tuple[float, float]] = {
    "a few": (2.0, 9.0),
    "several": (3.0, 9.0),
    "a couple": (2.0, 3.0),
    "a couple of": (2.0, 3.0),
}

_MAGNITUDE_WORDS: dict[str, float] = {
    "k": 1e3, "thousand": 1e3, "thousands": 1e3,
    "m": 1e6, "mn": 1e6, "mln": 1e6, "mil": 1e6, "million": 1e6, "millions": 1e6,
    "b": 1e9, "bn": 1e9, "bil": 1e9, "billion": 1e9, "billions": 1e9,
    "t": 1e12, "tn": 1e12, "trillion": 1e12, "trillions": 1e12,
}

# --- hedges -------------------------------------------------------------------------------
# Each hedge turns [low, high] into a new interval (h = DEFAULT_HEDGE):
APPROX = "approx"  # [low(1-h), high(1+h)]
NEARLY = "nearly"  # [low(1-h), high]
JUST_OVER = "just over"  # [low, high(1+h)]
AT_LEAST = "at least"  # [low, unbounded]
AT_MOST = "at most"  # [0, high]

_PRE_HEDGES: dict[str, str] = {
    **dict.fromkeys(
        ["about", "approximately", "approx.", "approx", "around", "roughly", "some", "circa",
         "ca.", "c.", "~", "≈", "an estimated", "estimated", "an approximate", "in the region of",
         "on the order of", "of the order of", "an average of", "on average"],
        APPROX,
    ),
    **dict.fromkeys(
        ["nearly", "almost", "just under", "just below", "just shy of", "close to", "not quite",
         "slightly less than", "slightly under", "a little under", "a little less than",
         "just short of", "nearing"],
        NEARLY,
    ),
    **dict.fromkeys(
        ["just over", "just above", "slightly over", "slightly more than", "slightly above",
         "a little over", "a little more than", "just more than"],
        JUST_OVER,
    ),
    **dict.fromkeys(
        ["over", "more than", "above", "exceeding", "upwards of", "upward of", "in excess of",
         "greater than", "at least", "no less than", "not less than", "a minimum of", "minimum",
         "no fewer than", "not fewer than", "well over", "well above", "well in excess of",
         ">", ">=", "≥"],
        AT_LEAST,
    ),
    **dict.fromkeys(
        ["under", "less than", "fewer than", "below", "up to", "at most", "no more than",
         "not more than", "a maximum of", "maximum", "as much as", "as many as", "as high as",
         "no greater than", "not exceeding", "well under", "well below", "<", "<=", "≤"],
        AT_MOST,
    ),
}

_POST_HEDGES: dict[str, str] = {
    **dict.fromkeys(["or more", "or over", "or above", "or higher", "plus", "+", "and up",
                     "and above", "at least", "or greater", "and more"], AT_LEAST),
    **dict.fromkeys(["or less", "or fewer", "or under", "or below", "or lower", "at most"], AT_MOST),
    **dict.fromkeys(["or so", "more or less", "give or take", "or thereabouts", "approximately",
                     "roughly"], APPROX),
}

_HEDGE_EXPLANATIONS: dict[str, str] = {
    APPROX: f"is taken as ±{DEFAULT_HEDGE:.0%}",
    NEARLY: f"is taken as {1 - DEFAULT_HEDGE:.0%}–100% of the figure",
    JUST_OVER: f"is taken as 100%–{1 + DEFAULT_HEDGE:.0%} of the figure",
    AT_LEAST: "sets a lower bound only",
    AT_MOST: "sets an upper bound only (from zero)",
}

# --- currencies -------------------------------------------------------------------------
_CURRENCY_SYMBOLS: dict[str, str] = {
    "us$": "USD", "u.s.$": "USD", "$": "USD", "c$": "CAD", "ca$": "CAD", "a$": "AUD",
    "au$": "AUD", "hk$": "HKD", "nz$": "NZD", "€": "EUR", "£": "GBP", "¥": "JPY", "₪": "ILS",
    "﷼": "IRR", "₹": "INR", "₽": "RUB",
}
_CURRENCY_WORDS: dict[str, str] = {
    "us dollars": "USD", "u.s. dollars": "USD", "american dollars": "USD", "dollars": "USD",
    "dollar": "USD", "us dollar": "USD", "u.s. dollar": "USD",
    "canadian dollars": "CAD", "australian dollars": "AUD",
    "euros": "EUR", "euro": "EUR",
    "pounds sterling": "GBP", "british pounds": "GBP", "pounds": "GBP", "pound": "GBP",
    "sterling": "GBP",
    "yen": "JPY",
    "new israeli shekels": "ILS", "shekels": "ILS", "shekel": "ILS", "nis": "ILS",
    "iranian rials": "IRR", "rials": "IRR", "rial": "IRR", "tomans": "IRT",
    "swiss francs": "CHF", "yuan": "CNY", "renminbi": "CNY", "rubles": "RUB", "roubles": "RUB",
    "saudi riyals": "SAR", "rupees": "INR",
}
# Codes read in any case; every other code must be three capital letters ("CHF", "QAR").
_KNOWN_CODES = ("usd", "eur", "gbp", "jpy", "ils", "irr", "chf", "cad", "aud", "cny", "rub",
                "inr", "sar", "aed", "qar", "egp", "jod", "lbp", "syp", "iqd", "kwd")
# Capitalized words that are not currency codes, for values written in capitals.
_NOT_CODES = frozenset({"THE", "AND", "FOR", "ARE", "BUT", "NOT", "ALL", "ANY", "CAN", "HAS",
                        "HAD", "WAS", "ONE", "TWO", "SIX", "TEN", "OUT", "OFF", "PER", "SOME",
                        "NEW", "NET", "TOP", "AID", "ITS", "WHO", "NOW", "OWN", "TAX", "GDP"})

# --- numbers in words -------------------------------------------------------------------
_UNIT_WORDS = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
_TEEN_WORDS = ["ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen",
               "seventeen", "eighteen", "nineteen"]
_TENS_WORDS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
_WORD_VALUES: dict[str, int] = {
    **{w: i + 1 for i, w in enumerate(_UNIT_WORDS)},
    **{w: i + 10 for i, w in enumerate(_TEEN_WORDS)},
    **{w: 20 + 10 * i for i, w in enumerate(_TENS_WORDS)},
    "a": 1, "an": 1,
}

_UNITS_RE = "|".join(_UNIT_WORDS)
_BELOW_HUNDRED_RE = rf"(?:(?:{'|'.join(_TENS_WORDS)})(?:[- ](?:{_UNITS_RE}))?|{'|'.join(_TEEN_WORDS)}|{_UNITS_RE})"
_ARTICLE_AS_ONE_RE = r"an?(?=\s+(?:hundred|thousand|million|billion|trillion|dozen)\b)"
_SPELLED_RE = (
    r"(?:half\s+an?|a\s+half|a\s+quarter(?:\s+of\s+an?)?"
    rf"|(?:{_BELOW_HUNDRED_RE}|{_ARTICLE_AS_ONE_RE})"
    rf"(?:\s+hundred(?:\s+(?:and\s+)?{_BELOW_HUNDRED_RE})?)?"
    r"(?:\s+dozen)?(?:\s+and\s+a\s+half)?)(?![\w-])"
)

_NUMBER_RE = (
    r"(?P<digits>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)"
    r"(?P<attached>thousand|million|billion|trillion|mln|mn|bn|tn|k|m|b|t)?(?![a-z])"
)


def _phrase_pattern(phrases: list[str], end: str = r"\b") -> str:
    """An alternation of literal phrases, longest first, tolerant of spacing, whole words.

    ``end`` guards a phrase ending in a letter; currencies use "no letter follows" so that a
    code may touch its figure ("USD30m").
    """
    parts = []
    for phrase in sorted(phrases, key=len, reverse=True):
        pattern = r"\s+".join(re.escape(word) for word in phrase.split())
        if phrase[-1].isalnum():
            pattern += end
        if phrase[0].isalnum():
            pattern = r"\b" + pattern
        parts.append(pattern)
    return "|".join(parts)


_RATE_WORDS = {"year": "year", "yr": "year", "annum": "year", "month": "month", "mo": "month",
               "mon": "month", "week": "week", "wk": "week", "day": "day", "hour": "hour",
               "hr": "hour"}
_RATE_SLASH_WORDS = {**_RATE_WORDS, "y": "year", "a": "year", "w": "week", "d": "day", "h": "hour"}
_RATE_ADVERBS = {"annually": "year", "yearly": "year", "per annum": "year", "p.a.": "year",
                 "p.a": "year", "monthly": "month", "weekly": "week", "daily": "day",
                 "hourly": "hour", "a-year": "year", "a-month": "month"}

_TOKEN_RE = re.compile(
    "|".join(
        [
            rf"(?P<post_hedge>{_phrase_pattern([p for p in _POST_HEDGES if p.startswith(('or ', 'and ', 'more ', 'give ', '+', 'plus'))])})",
            rf"(?P<hedge>{_phrase_pattern(sorted(set(_PRE_HEDGES) | set(_POST_HEDGES)))})",
            r"(?P<pct>%|\bper\s*cent\b|\bpercent(?:age\s+points?)?\b|\bpct\b|\bpercentage\s+points?\b)",
            rf"(?P<rate_per>\b(?:per|a|an|each|every)\s+(?P<rate_word>{'|'.join(_RATE_WORDS)})\b)",
            rf"(?P<rate_slash>/\s*(?P<rate_slash_word>{'|'.join(sorted(_RATE_SLASH_WORDS, key=len, reverse=True))})\b)",
            rf"(?P<rate_adverb>{_phrase_pattern(list(_RATE_ADVERBS))})",
            r"(?P<between>\bbetween\b)",
            r"(?P<from>\bfrom\b)",
            rf"(?P<oom>{_phrase_pattern(list(ORDERS_OF_MAGNITUDE))})",
            rf"(?P<vague>{_phrase_pattern(list(VAGUE_MULTIPLIERS))})",
            rf"(?P<spelled>\b{_SPELLED_RE})",
            rf"(?P<number>{_NUMBER_RE})",
            r"(?P<magnitude>\b(?:thousand|million|billion|trillion|mln|mn|bn|tn|mil|bil)\b)",
            rf"(?P<currency>{_phrase_pattern(list(_CURRENCY_SYMBOLS) + list(_CURRENCY_WORDS) + list(_KNOWN_CODES), end=r'(?![a-z])')})",
            r"(?P<conn>\bto\b|-|\band\b|\bor\b|\bthrough\b|\bthru\b)",
            r"(?P<of>\bof\b)",
            r"(?P<code>(?-i:\b[A-Z]{3}(?![A-Za-z])))",
            r"(?P<word>[^\W\d_][\w'.]*)",
            r"(?P<punct>[,;:.!?()\[\]\"'…*])",
        ]
    ),
    re.IGNORECASE,
)

_SPACE_RE = re.compile(r"\s+")
_DASHES = str.maketrans({c: "-" for c in "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d"})
_QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"'})
_ODD_SPACES = re.compile(r"[\u00a0\u2007\u2009\u202f\u200a\u2002\u2003\u2004\u2005\u2006]")
_SPACE_GROUPED_RE = re.compile(r"(?<![\d.,])\d{1,3}(?: \d{3})+(?![\d,]|\.\d)")
_DECIMAL_COMMA_RE = re.compile(r"(?<![\d,])\d+,\d{1,2}(?!\d)")
_NEGATIVE_RE = re.compile(r"^\s*(?:-|minus\b)\s*[$€£¥₪]?\s*\.?\d", re.IGNORECASE)
_YEAR_IN_TEXT_RE = re.compile(r"(?<!\d)(\d{4})(?!\d)")

_NO_NUMBER_HINT = "write a figure such as '$30 million a month', 'about 50%' or 'tens of millions'"


# --- tokens ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Token:
    kind: str
    text: str
    value: Any = None  # number, (low, high), code, per, or hedge kind, by kind


def _normalize(text: str) -> str:
    """Unify dashes, quotes and odd spaces; join digit groups written with spaces."""
    text = _ODD_SPACES.sub(" ", text.translate(_DASHES).translate(_QUOTES))
    text = _SPACE_RE.sub(" ", text).strip()
    return _SPACE_GROUPED_RE.sub(lambda m: m.group().replace(" ", ""), text)


def _phrase_key(text: str) -> str:
    return _SPACE_RE.sub(" ", text.strip().lower())


def _number_token(m: re.Match[str], text: str) -> _Token:
    value = float(m["digits"].replace(",", ""))
    attached = m["attached"]
    if attached:
        value *= _MAGNITUDE_WORDS[attached.lower()]
    return _Token("number", text, (value, attached is not None))


def _token_from_match(m: re.Match[str]) -> _Token:
    kind = m.lastgroup
    text = m.group()
    key = _phrase_key(text)
    if kind in ("post_hedge", "hedge"):
        # Which table the phrase is read from depends on where it stands (before or after).
        return _Token("hedge", text, key)
    if kind == "rate_per":
        return _Token("rate", text, _RATE_WORDS[m["rate_word"].lower()])
    if kind == "rate_slash":
        return _Token("rate", text, _RATE_SLASH_WORDS[m["rate_slash_word"].lower()])
    if kind == "rate_adverb":
        return _Token("rate", text, _RATE_ADVERBS[key])
    if kind == "oom":
        return _Token("oom", text, ORDERS_OF_MAGNITUDE[key])
    if kind == "vague":
        return _Token("vague", text, VAGUE_MULTIPLIERS[key])
    if kind == "spelled":
        return _Token("number", text, (_spelled_value(key), False))
    if kind == "number":
        return _number_token(m, text)
    if kind == "magnitude":
        return _Token("magnitude", text, _MAGNITUDE_WORDS[key])
    if kind == "currency":
        code = _CURRENCY_SYMBOLS.get(key) or _CURRENCY_WORDS.get(key) or key.upper()
        return _Token("currency", text, code)
    if kind == "code":
        if text in _NOT_CODES:
            return _Token("word", text, key)
        return _Token("currency", text, text)
    return _Token(kind or "word", text, key)


def _tokens(text: str) -> list[_Token]:
    """Split a normalized phrase into tokens; an unknown character is an error."""
    tokens: list[_Token] = []
    pos = 0
    end = len(text)
    while pos < end:
        if text[pos] == " ":
            pos += 1
            continue
        m = _TOKEN_RE.match(text, pos)
        if m is None:
            raise _error(text, f"unexpected '{text[pos]}'")
        tokens.append(_token_from_match(m))
        pos = m.end()
    return tokens


def _spelled_value(key: str) -> float:
    """'thirty' -> 30, 'twenty-five' -> 25, 'a hundred' -> 100, 'two dozen' -> 24,
    'half a' -> 0.5, 'one and a half' -> 1.5."""
    if key.startswith("half"):
        return 0.5
    if key == "a half":
        return 0.5
    if key.startswith("a quarter"):
        return 0.25
    extra = 0.0
    if key.endswith("and a half"):
        key = key[: -len("and a half")].strip()
        extra = 0.5
    total = 0.0
    for word in re.split(r"[\s-]+", key):
        if word == "hundred":
            total = (total or 1) * 100
        elif word == "dozen":
            total = (total or 1) * 12
        elif word != "and":
            total += _WORD_VALUES[word]
    return total + extra


# --- the parser -----------------------------------------------------------------------------


@dataclass(frozen=True)
class _Amount:
    """One figure as written: [low, high] (equal unless vague), and its own markers."""

    low: float
    high: float
    has_magnitude: bool
    currency: str | None
    percent: bool
    vague: bool = False  # an order of magnitude or "a few million": no exact figure


@dataclass
class _Reading:
    """What the parser found; mutable only while the tail of the phrase is being read."""

    low: float
    high: float
    currencies: list[str]
    percent: bool
    per: str | None
    pre_hedge: str | None
    post_hedge: str | None
    words: list[str]
    vague: bool


def _error(raw: str, reason: str) -> ValueParseError:
    return ValueParseError(f"cannot read the value '{raw}': {reason}")


class _Parser:
    """Recursive descent over the tokens of one phrase.

    phrase  := lead* pre_hedge? core tail*
    core    := 'between' amount ('and'|'-'|'to') amount | 'from' amount ('to'|'-') amount
             | amount (('to'|'-'|'or'|'through') amount)?
    amount  := currency? (number magnitude? | vague magnitude | order-of-magnitude)
               percent? currency?
    tail    := post_hedge | rate | 'of'? currency | percent | word | punctuation
    """

    def __init__(self, tokens: list[_Token], raw: str) -> None:
        self.tokens = tokens
        self.raw = raw
        self.i = 0

    def peek(self, offset: int = 0) -> _Token | None:
        j = self.i + offset
        return self.tokens[j] if j < len(self.tokens) else None

    def take(self) -> _Token:
        token = self.tokens[self.i]
        self.i += 1
        return token

    def at(self, kind: str, offset: int = 0) -> bool:
        token = self.peek(offset)
        return token is not None and token.kind == kind

    def error(self, reason: str) -> ValueParseError:
        return _error(self.raw, reason)

    def unexpected(self) -> ValueParseError:
        token = self.peek()
        if token is None:
            return self.error("the phrase ends too early")
        return self.error(f"unexpected '{token.text}'")

    # phrase ---------------------------------------------------------------------------------
    def parse(self) -> _Reading:
        self.skip_lead()
        pre_hedge = None
        if self.at("hedge") and self.peek().value in _PRE_HEDGES:  # type: ignore[union-attr]
            pre_hedge = self.take().value
            self.skip_lead()
        amounts = self.core()
        reading = _Reading(
            low=amounts[0].low,
            high=amounts[-1].high,
            currencies=[a.currency for a in amounts if a.currency],
            percent=any(a.percent for a in amounts),
            per=None,
            pre_hedge=pre_hedge,
            post_hedge=None,
            words=[],
            vague=any(a.vague for a in amounts),
        )
        self.tail(reading)
        return reading

    def skip_lead(self) -> None:
        """'in 2012', 'a 50% increase', 'the': words that carry nothing before the figure."""
        while self.at("word") and self.peek().value in ("in", "the", "a", "an", "of"):  # type: ignore[union-attr]
            self.take()
        while self.at("punct"):
            self.take()

    def core(self) -> list[_Amount]:
        if self.at("between"):
            self.take()
            return self.range_after(self.amount(), ("and", "-", "to"))
        if self.at("from"):
            self.take()
            return self.range_after(self.amount(), ("to", "-", "through", "thru"))
        first = self.amount()
        if self.at("conn") and self.peek().value in ("to", "-", "or", "through", "thru") and self.starts_amount(1):  # type: ignore[union-attr]
            return self.range_after(first, ("to", "-", "or", "through", "thru"))
        return [first]

    def range_after(self, first: _Amount, connectors: tuple[str, ...]) -> list[_Amount]:
        if not (self.at("conn") and self.peek().value in connectors):  # type: ignore[union-attr]
            raise self.error(f"expected '{connectors[0]}' and a second figure after '{self.tokens[self.i - 1].text}'")
        self.take()
        second = self.amount()
        return [_shared_markers(first, second), _shared_markers(second, first, is_high=True)]

    def starts_amount(self, offset: int = 0) -> bool:
        token = self.peek(offset)
        if token is None:
            return False
        if token.kind == "currency":
            return self.starts_amount(offset + 1)
        return token.kind in ("number", "vague", "oom")

    # amount -----------------------------------------------------------------------------------
    def amount(self) -> _Amount:
        currency = self.take().value if self.at("currency") else None
        if self.at("oom"):
            low, high = self.take().value
            vague = True
            has_magnitude = True
        elif self.at("vague"):
            low_k, high_k = self.take().value
            magnitude = self.magnitude()
            if magnitude is None:
                raise self.error("'a few' and 'several' need a magnitude, as in 'several million'")
            low, high, vague, has_magnitude = low_k * magnitude, high_k * magnitude, True, True
        elif self.at("number"):
            value, has_magnitude = self.take().value
            magnitude = self.magnitude()
            if magnitude is not None:
                value *= magnitude
                has_magnitude = True
            low = high = value
            vague = False
        else:
            raise self.no_number()
        percent = False
        if self.at("pct"):
            self.take()
            percent = True
        if currency is None and self.at("currency"):
            currency = self.take().value
        return _Amount(low, high, has_magnitude, currency, percent, vague)

    def magnitude(self) -> float | None:
        if self.at("magnitude"):
            return self.take().value
        # "5 millions": a plural magnitude right after a figure is a magnitude, not a range.
        token = self.peek()
        if token is not None and token.kind == "oom" and token.text.lower() in _MAGNITUDE_WORDS:
            self.take()
            return _MAGNITUDE_WORDS[token.text.lower()]
        return None

    def no_number(self) -> ValueParseError:
        if not any(t.kind in ("number", "oom", "vague") for t in self.tokens):
            return self.error(f"no number found; {_NO_NUMBER_HINT}")
        return self.unexpected()

    # tail -------------------------------------------------------------------------------------
    def tail(self, reading: _Reading) -> None:
        while (token := self.peek()) is not None:
            if token.kind == "hedge" and token.value in _POST_HEDGES and reading.post_hedge is None:
                reading.post_hedge = self.take().value
            elif token.kind == "rate":
                if reading.per is not None:
                    raise self.error(f"two rates ('per {reading.per}' and '{token.text}')")
                reading.per = self.take().value
            elif token.kind == "currency":
                reading.currencies.append(self.take().value)
            elif token.kind == "of" and self.at("currency", 1):
                self.take()
            elif token.kind == "pct":
                self.take()
                reading.percent = True
            elif token.kind in ("word", "of"):
                reading.words.append(self.take().text)
            elif token.kind == "punct":
                self.take()
            else:
                raise self.unexpected()


def _shared_markers(own: _Amount, other: _Amount, is_high: bool = False) -> _Amount:
    """In '$70-100 million' the magnitude, currency and % written once apply to both ends.

    A bare low end takes the high end's magnitude only when that keeps it at or below the
    high end: '5 to 10 million' is [5M, 10M], but '500,000 to 1 million' is [500K, 1M].
    """
    low, high, has_magnitude = own.low, own.high, own.has_magnitude
    if not is_high and not own.has_magnitude and other.has_magnitude and not other.vague:
        magnitude = _magnitude_of(other.low)
        if magnitude > 1 and own.high * magnitude <= other.low:
            low, high, has_magnitude = own.low * magnitude, own.high * magnitude, True
    return _Amount(
        low,
        high,
        has_magnitude,
        own.currency or other.currency,
        own.percent or other.percent,
        own.vague,
    )


def _magnitude_of(x: float) -> float:
    """The magnitude word a written figure used: 1e8 -> 1e6 ('100 million'), 1.5e9 -> 1e9."""
    for magnitude in (1e12, 1e9, 1e6, 1e3):
        if x >= magnitude:
            return magnitude
    return 1.0


# --- from a reading to an interval -------------------------------------------------------------


def _clean(x: float | None) -> float | None:
    """Round away binary noise (1.1 × 1e8 = 110000000.00000001)."""
    return None if x is None else float(f"{x:.12g}")


def _apply_hedge(kind: str, low: float | None, high: float | None) -> tuple[float | None, float | None]:
    h = DEFAULT_HEDGE
    if kind == APPROX:
        return (None if low is None else low * (1 - h)), (None if high is None else high * (1 + h))
    if kind == NEARLY:
        return (None if low is None else low * (1 - h)), high
    if kind == JUST_OVER:
        return low, (None if high is None else high * (1 + h))
    if kind == AT_LEAST:
        return low, None
    return 0.0, high  # AT_MOST: amounts, counts and percentages are never negative


def _resolve_unit(reading: _Reading, expect: Unit | None, raw: str, steps: list[str]) -> Unit:
    currencies = list(dict.fromkeys(reading.currencies))
    if len(currencies) > 1:
        raise _error(raw, f"two currencies ({' and '.join(currencies)}); hirel never converts between currencies")
    if currencies and reading.percent:
        raise _error(raw, f"both a currency ({currencies[0]}) and a percentage")
    if currencies:
        return Unit(currencies[0], reading.per)
    if reading.percent:
        return Unit("percent", reading.per)
    if expect is not None and expect.is_currency:
        # A figure with a magnitude but no currency ("30 million") is read in the
        # proposition's currency; the rate is never assumed (see docs/values.md).
        steps.append(f"no currency written; taken as {expect.base} (the proposition's unit)")
        return Unit(expect.base, reading.per)
    if expect is not None and expect.base == "percent":
        return Unit("percent", reading.per)
    return Unit("count", reading.per)


def _check_words(reading: _Reading, unit: Unit, raw: str, steps: list[str]) -> None:
    """Trailing nouns ('9,000 families', 'a 50% increase') are fine for counts and percentages.

    For money they are refused: a misspelled rate ('$5 million a monht') must not quietly
    turn a rate into a total.
    """
    if not reading.words:
        return
    words = " ".join(reading.words)
    if unit.is_currency:
        raise _error(raw, f"unexpected words '{words}' (write only the amount, e.g. '$30 million a month')")
    steps.append(f"ignored the words '{words}'")


def _check_bounds(low: float | None, high: float | None, unit: Unit, raw: str) -> None:
    for bound in (low, high):
        if bound is None:
            continue
        if math.isnan(bound) or math.isinf(bound):
            raise _error(raw, "not a finite number")
        if bound < 0:
            raise _error(raw, "negative figures are not accepted; write the size and say the direction in the proposition")
        if unit.base == "percent" and bound > MAX_PERCENT:
            raise _error(raw, f"{bound:g}% is absurd (hirel accepts up to {MAX_PERCENT:,.0f}%)")
        if unit.base != "percent" and bound > MAX_AMOUNT:
            raise _error(raw, f"{bound:g} is absurd (hirel accepts figures up to 1e15)")
    if low is not None and high is not None and low > high:
        raise _error(raw, f"the low end ({low:g}) is above the high end ({high:g})")


def _hedge_step(word: str, kind: str, low: float | None, high: float | None, unit: Unit) -> str:
    return f"'{word}' {_HEDGE_EXPLANATIONS[kind]}: {describe_interval(low, high, unit)}"


def _read_phrase(raw: str, expect: Unit | None) -> Interval:
    text = _normalize(raw)
    if not text:
        raise _error(raw, "the value is empty")
    if _NEGATIVE_RE.match(text):
        raise _error(raw, "negative figures are not accepted; write the size and say the direction in the proposition")
    if m := _DECIMAL_COMMA_RE.search(text):
        raise _error(raw, f"'{m.group()}' uses a decimal comma; write decimals with a point ('{m.group().replace(',', '.')}')")
    reading = _Parser(_tokens(text), raw).parse()
    steps: list[str] = []
    unit = _resolve_unit(reading, expect, raw, steps)
    _check_words(reading, unit, raw, steps)
    low, high = _clean(reading.low), _clean(reading.high)
    _check_bounds(low, high, unit, raw)
    read_as = describe_interval(low, high, unit)
    if reading.pre_hedge:
        read_as = f"{reading.pre_hedge} {read_as}"
    if reading.post_hedge:
        read_as = f"{read_as} {reading.post_hedge}"
    steps.insert(0, f"read '{raw.strip()}' as {read_as}")
    applied: set[str] = set()
    for word, table in ((reading.pre_hedge, _PRE_HEDGES), (reading.post_hedge, _POST_HEDGES)):
        if word is None or table[word] in applied:
            continue  # "about $100 million or so" widens once, not twice
        kind = table[word]
        applied.add(kind)
        low, high = _apply_hedge(kind, low, high)
        low, high = _clean(low), _clean(high)
        steps.append(_hedge_step(word, kind, low, high, unit))
    _check_bounds(low, high, unit, raw)
    return Interval(low, high, str(unit), raw, tuple(steps))


# Corpora repeat phrases ("about $100 million per year"); the result is immutable, so a
# small cache is safe. Errors are not cached (lru_cache stores only returned values).
_read_phrase_cached = lru_cache(maxsize=8192)(_read_phrase)


def _read_number(raw: float, expect: Unit | None) -> Interval:
    text = str(raw)
    if math.isnan(raw) or math.isinf(raw):
        raise _error(text, "not a finite number")
    unit = expect if expect is not None else Unit("count")
    x = _clean(float(raw))
    _check_bounds(x, x, unit, text)
    where = "the proposition's unit" if expect is not None else "a count"
    step = f"read {text} as {describe_interval(x, x, unit)} (a bare number is in {where})"
    return Interval(x, x, str(unit), text, (step,))


def _as_float(number: Real, text: str) -> float:
    """A number as YAML gives it, as a float: an integer beyond the float range (a 1 and 309
    zeros) is an unreadable value, not a crash."""
    try:
        return float(number)
    except OverflowError:
        raise _error(text if len(text) <= 40 else text[:37] + "...", "the number is too large") from None


def _mapping_text(raw: Mapping[Any, Any]) -> str:
    return "{" + ", ".join(f"{k}: {v}" for k, v in raw.items()) + "}"


def _mapping_bound(value: Any, name: str, unit: Unit, text: str) -> float | None:
    if value is None:
        return None
    if unit.base == "date":
        try:
            period = parse_period(value)
        except PeriodError as exc:
            raise _error(text, f"{name}: {exc.reason}") from None
        day = period.start if name == "low" else period.end
        return None if day is None else float(day.toordinal())
    if isinstance(value, bool):
        raise _error(text, f"{name} must be a number, not {value}")
    if isinstance(value, Real):
        return _as_float(value, text)
    if isinstance(value, str):
        try:
            # YAML reads 1.0e8 (no sign in the exponent) as a string: accept it as a number.
            return float(value.replace(",", "").replace("_", "").strip())
        except ValueError:
            raise _error(text, f"{name} must be a number, not '{value}'") from None
    raise _error(text, f"{name} must be a number, not {value!r}")


def _read_mapping(raw: Mapping[Any, Any], expect: Unit | None) -> Interval:
    text = _mapping_text(raw)
    unknown = [str(k) for k in raw if k not in ("low", "high", "unit")]
    if unknown:
        raise _error(text, f"unknown key '{unknown[0]}'; a value mapping has low, high and unit")
    if raw.get("unit") is None:
        raise _error(text, "a value mapping needs a unit, like {low: 1.0e8, high: 3.5e8, unit: USD/year}")
    try:
        unit = parse_unit(str(raw["unit"]))
    except UnitError as exc:
        raise _error(text, str(exc)) from None
    low = _mapping_bound(raw.get("low"), "low", unit, text)
    high = _mapping_bound(raw.get("high"), "high", unit, text)
    if low is None and high is None:
        raise _error(text, "a value mapping needs low, high or both")
    if unit.base == "date":
        if low is not None and high is not None and low > high:
            raise _error(text, "the low date is after the high date")
    else:
        _check_bounds(low, high, unit, text)
    step = f"read the mapping as {describe_interval(low, high, unit)}"
    return Interval(_clean(low), _clean(high), str(unit), text, (step,))


def _read_date(raw: Any) -> Interval:
    if isinstance(raw, Mapping):
        return _read_mapping(raw, Unit("date"))
    text = str(raw)
    if isinstance(raw, float):
        if not raw.is_integer():
            raise _error(text, "a date is a year, YYYY-MM, YYYY-MM-DD or a phrase like 'mid-2017'")
        raw = int(raw)
    if not isinstance(raw, (str, int, date)):
        raise _error(text, f"a {type(raw).__name__} is not a date")
    try:
        period = parse_period(raw)
    except PeriodError as exc:
        raise _error(text, exc.reason) from None
    if not period.known:
        raise _error(text, "the value is empty")
    interval = period_to_interval(period, text)
    step = f"read '{text.strip()}' as {describe_interval(interval.low, interval.high, 'date')}"
    return Interval(interval.low, interval.high, "date", text, (step,))


def _expect_unit(expect: Unit | str | None) -> Unit | None:
    if expect is None or isinstance(expect, Unit):
        return expect
    return parse_unit(expect)


def read_value(raw: object, expect: Unit | str | None = None) -> Interval:
    """Read a value as written, in its own unit ('$30 million a month' -> 3e7 USD/month).

    ``expect`` is the proposition's unit. It decides how to read what the phrase leaves
    out: a date unit reads the value as a date; percent or count makes a bare number a
    percentage or a count; a currency is taken for a figure written without one (never the
    rate). Raises ValueParseError with one sentence on anything unreadable.
    """
    expected = _expect_unit(expect)
    if raw is None:
        raise ValueParseError("no value given")
    if isinstance(raw, bool):
        raise _error(str(raw), "a yes/no value is not a figure")
    if expected is not None and expected.base == "date":
        return _read_date(raw)
    if isinstance(raw, Mapping):
        return _read_mapping(raw, expected)
    if isinstance(raw, Real):
        return _read_number(_as_float(raw, str(raw)), expected)
    if isinstance(raw, str):
        return _read_phrase_cached(raw, expected)
    raise _error(
        str(raw), f"a {type(raw).__name__} is not a value; write a phrase or a mapping {{low, high, unit}}"
    )


def normalize_value(raw: object, target: Unit | str, period: Period | None = None) -> Interval:
    """``read_value(raw, expect=target)`` converted into ``target`` (see units.convert)."""
    unit = _expect_unit(target)
    assert unit is not None
    return convert(read_value(raw, expect=unit), unit, period)


def explain_value(raw: object, unit: str | Unit | None = None, period: Period | str | int | date | None = None) -> Interval:
    """For ``hirel value "TEXT" [--unit U] [--when P]``: read, and convert when a unit is given.

    ``period`` may be a Period or anything parse_period reads.
    """
    if period is not None and not isinstance(period, Period):
        period = parse_period(period)
    if unit is None:
        return read_value(raw)
    return normalize_value(raw, unit, period)


# --- tolerance --------------------------------------------------------------------------------


def intervals_overlap(a: Interval, b: Interval, tolerance: float = ROUNDING_TOLERANCE) -> bool:
    """Overlap allowing for rounding: a gap smaller than ``tolerance`` of the larger figure
    does not separate two intervals. Dates are compared exactly (1% of a day ordinal is
    twenty years)."""
    if a.unit == "date" or b.unit == "date":
        tolerance = 0.0
    if a.high is not None and b.low is not None and a.high < b.low:
        return b.low - a.high <= tolerance * max(abs(a.high), abs(b.low))
    if b.high is not None and a.low is not None and b.high < a.low:
        return a.low - b.high <= tolerance * max(abs(b.high), abs(a.low))
    return True


# --- figures in quotes --------------------------------------------------------------------------

_FIGURE_RE = re.compile(
    rf"(?P<figure>\b{_SPELLED_RE}|{_NUMBER_RE})"
    r"(?:\s*(?P<magnitude>(?:thousand|million|billion|trillion)s?\b|(?:mln|mn|bn|tn|mil|bil)\b))?",
    re.IGNORECASE,
)
_FIGURE_JOIN_RE = re.compile(
    r"\s*(?:%|percent|per cent)?\s*(?:-|to|and|or|through)\s*(?:us\$|\$|€|£|¥|₪)?\s*$", re.IGNORECASE
)
_OOM_RE = re.compile(
    rf"(?:{_phrase_pattern(list(VAGUE_MULTIPLIERS))})\s+(?:thousand|million|billion|trillion)\b"
    rf"|{_phrase_pattern(list(ORDERS_OF_MAGNITUDE))}",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class _Figure:
    value: float
    has_magnitude: bool
    shared: float | None  # the value with the next figure's magnitude ('70' in '$70-100 million')


def _scan_figures(text: str) -> list[_Figure]:
    """Every figure a text writes, with magnitudes applied, in order."""
    text = _normalize(text)
    found: list[tuple[float, bool, int, int]] = []
    for m in _FIGURE_RE.finditer(text):
        figure = m["figure"]
        if figure[0].isdigit() or figure[0] == ".":
            inner = re.fullmatch(_NUMBER_RE, figure, re.IGNORECASE)
            assert inner is not None
            value = _number_token(inner, figure).value[0]
            has_magnitude = inner["attached"] is not None
        else:
            value, has_magnitude = _spelled_value(_phrase_key(figure)), False
        if m["magnitude"]:
            value *= _MAGNITUDE_WORDS[m["magnitude"].lower()]
            has_magnitude = True
        found.append((value, has_magnitude, m.start(), m.end()))
    figures = []
    for index, (value, has_magnitude, _start, end) in enumerate(found):
        shared = None
        if not has_magnitude and index + 1 < len(found):
            next_value, next_has, next_start, _ = found[index + 1]
            if next_has and _FIGURE_JOIN_RE.match(text[end:next_start]):
                magnitude = _magnitude_of(next_value)
                if magnitude > 1 and value * magnitude <= next_value:
                    shared = value * magnitude
        figures.append(_Figure(_clean(value), has_magnitude, _clean(shared)))  # type: ignore[arg-type]
    return figures


def figures_in(text: str) -> set[float]:
    """The figures a text mentions, magnitudes applied: 'about $100 million annually' -> {1e8}.

    Where a magnitude is written once for a range ('$70-100 million') both readings of the
    bare end are included ({70, 7e7, 1e8}), since a quote is searched generously.
    """
    result: set[float] = set()
    for figure in _scan_figures(text):
        result.add(figure.value)
        if figure.shared is not None:
            result.add(figure.shared)
    return result


def _written_figures(text: str) -> set[float]:
    """The figures a value writes, each read as the parser reads it."""
    return {f.shared if f.shared is not None else f.value for f in _scan_figures(text)}


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
    date unit, or a date object) need their years in the quote. A mapping is the annotator's
    own arithmetic, not a quotation, so it is always True.
    """
    expected = _expect_unit(expect)
    if isinstance(value_raw, Mapping):
        return True
    if expected is not None and expected.base == "date" or isinstance(value_raw, date):
        years = _years_written(value_raw)
        quote_years = {int(y) for y in _YEAR_IN_TEXT_RE.findall(_normalize(quote))}
        return bool(years) and years <= quote_years
    if isinstance(value_raw, bool) or value_raw is None:
        return False
    quote_figures = figures_in(quote)
    if isinstance(value_raw, Real):
        return _contains_figure(quote_figures, float(value_raw))
    text = str(value_raw)
    written = _written_figures(text)
    if written:
        return all(_contains_figure(quote_figures, x) for x in written)
    phrases = [_phrase_key(m.group()) for m in _OOM_RE.finditer(_normalize(text))]
    if not phrases:
        return False
    quote_key = _phrase_key(_normalize(quote))
    return all(phrase in quote_key for phrase in phrases)
