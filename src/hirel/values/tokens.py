"""Tokens of a value phrase: one precompiled regular expression over the normalized text.

``normalize`` unifies the typography (dashes, quotes, spaces) and rewrites a few spellings
into the form the grammar reads (``4-million`` → ``4 million``, ``US $7.2bn`` → ``US$7.2bn``,
``10 000`` → ``10000``, ``1,75,000`` → ``175000``); ``tokens`` splits the result.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any, TypeGuard

from ..errors import HirelError
from ..records import REQUIRED, Record, set_field
from .vocabulary import (
    ATTACHED_MAGNITUDES,
    CURRENCY_FAMILIES,
    CURRENCY_SYMBOLS,
    CURRENCY_WORDS,
    FRACTION_SHARES,
    LOWERCASE_CODES,
    MAGNITUDE_WORDS,
    NOT_CODES,
    ORDERS_OF_MAGNITUDE,
    POST_HEDGES,
    PRE_HEDGES,
    RATE_ADVERBS,
    RATE_SLASH_WORDS,
    RATE_WORDS,
    SPACED_MAGNITUDES,
    SUBUNIT_WORDS,
    TEEN_WORDS,
    TENS_WORDS,
    TYPOGRAPHY,
    UNIT_WORDS,
    VAGUE_MULTIPLIERS,
    VALUE_FOLDS,
    WORD_VALUES,
)

if TYPE_CHECKING:
    from numbers import Real


class ValueParseError(HirelError, ValueError):
    """A value hirel cannot read, with one sentence saying why (and, where there is one, a
    ``hint``: the keyword a misspelt word stands for)."""

    hint: str | None = None
    position: int | None = None  # where the refused word starts in the phrase (0-based)
    word: str | None = None  # the refused word


def is_real(value: object) -> TypeGuard[Real]:
    """``isinstance(value, numbers.Real)``, without importing `numbers` (its abstract classes cost
    more to make than a warm `hirel check FILE` spends reading a value) for what YAML hands over."""
    kind = type(value)
    if kind is int or kind is float or kind is bool:
        return True
    if kind is str or value is None:
        return False
    from numbers import Real

    return isinstance(value, Real)


def error(raw: str, reason: str) -> ValueParseError:
    # The phrase is echoed at most 120 characters long (its start and end), so the reason, which
    # says what to write instead, always fits on the one line a message gets.
    shown = raw if len(raw) <= 120 else raw[:80] + "…" + raw[-39:]
    return ValueParseError(f"cannot read the value '{shown}': {reason}")


def phrase_pattern(phrases: list[str], end: str = r"\b") -> str:
    """An alternation of literal phrases, longest first, tolerant of spacing, whole words.

    ``end`` guards a phrase ending in a letter; currencies use "no letter follows" so that a
    code may touch its figure ("USD30m").
    """
    parts = []
    guarded: list[str] = []  # the phrases just before, each of which ends in a letter
    for phrase in sorted(phrases, key=lambda phrase: (-len(phrase), phrase)):  # the same text every run
        # (a word of letters and digits is its own pattern: re.escape, asked of hundreds of words
        # on every import, would give it back unchanged)
        pattern = r"\s+".join(word if word.isalnum() else re.escape(word) for word in phrase.split())
        if phrase[0].isalnum():
            pattern = r"\b" + pattern
        if phrase[-1].isalnum() and end != r"\b":
            guarded.append(pattern)
            continue
        if guarded:
            parts.append(_guarded(guarded, end))
            guarded = []
        parts.append(pattern + end if phrase[-1].isalnum() else pattern)
    if guarded:
        parts.append(_guarded(guarded, end))
    return "|".join(parts)


def _guarded(patterns: list[str], end: str) -> str:
    """``(?:a|b)END`` for ``aEND|bEND``: the same matches, tried in the same order (each
    alternative is followed by the guard either way), but the guard is compiled once: a
    lookahead such as ``(?![a-z])`` costs far more to compile than a word boundary, and the
    currency phrases wrote it about fifty times."""
    if len(patterns) == 1:
        return patterns[0] + end
    return "(?:" + "|".join(patterns) + ")" + end


_UNITS_RE = "|".join(UNIT_WORDS)
_BELOW_HUNDRED_RE = rf"(?:(?:{'|'.join(TENS_WORDS)})(?:[- ](?:{_UNITS_RE}))?|{'|'.join(TEEN_WORDS)}|{_UNITS_RE})"
_ARTICLE_AS_ONE_RE = r"an?(?=\s+(?:hundred|thousand|million|billion|trillion|dozen|lakh|crore)\b)"
SPELLED_RE = (
    r"(?:half\s+an?(?=\s+(?:hundred|thousand|million|billion|trillion|dozen|lakh|crore)\b)"
    r"|a\s+quarter\s+of\s+an?(?=\s+(?:hundred|thousand|million|billion|trillion|dozen)\b)"
    rf"|(?:{_BELOW_HUNDRED_RE}|{_ARTICLE_AS_ONE_RE})"
    rf"(?:\s+hundred(?:\s+(?:and\s+)?{_BELOW_HUNDRED_RE})?)?"
    r"(?:\s+and\s+a\s+half)?)(?![\w-])"
)
_DIGIT_WORD_RE = r"(?:zero|oh|one|two|three|four|five|six|seven|eight|nine)"
# "one-point-65", "43-point-four", "three point eight": a decimal said aloud.
SPOKEN_RE = (
    rf"(?P<spoken_int>\d+|{_BELOW_HUNDRED_RE}|zero)[- ]point[- ]"
    rf"(?P<spoken_frac>\d+|{_DIGIT_WORD_RE}(?:[- ]{_DIGIT_WORD_RE})*)(?![\w])"
)
NUMBER_RE = (
    r"(?P<digits>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)"
    rf"(?P<attached>{'|'.join(sorted(ATTACHED_MAGNITUDES, key=len, reverse=True))})?(?!(?!pc\b)[a-z])"
)
_FRACTION_RE = phrase_pattern([f for f in FRACTION_SHARES if f != "the majority"])

_TOKEN_PARTS = [
    rf"(?P<post_hedge>{phrase_pattern([p for p in POST_HEDGES if p.startswith(('or ', 'and ', 'more ', 'give ', '+', 'plus'))])})",
    rf"(?P<hedge>{phrase_pattern(sorted(set(PRE_HEDGES) | set(POST_HEDGES)))})",
    r"(?P<pct>%|\bper\s*-?\s*cent\b|\bpercent(?:age\s+points?)?\b|\bpct\b|\bpercentage\s+points?\b|(?<=\d)pc\b|\bpc\b)",
    rf"(?P<rate_per>\b(?:per|a|an|each|every)\s+(?P<rate_word>{'|'.join(RATE_WORDS)})\b)",
    rf"(?P<rate_slash>/\s*(?P<rate_slash_word>{'|'.join(re.escape(w) for w in sorted(RATE_SLASH_WORDS, key=len, reverse=True))})(?![\w]))",
    rf"(?P<rate_adverb>{phrase_pattern(list(RATE_ADVERBS))})",
    r"(?P<between>\bbetween\b)",
    r"(?P<from>\bfrom\b)",
    rf"(?P<oom>{phrase_pattern(list(ORDERS_OF_MAGNITUDE))})",
    rf"(?P<vague>{phrase_pattern(list(VAGUE_MULTIPLIERS))})",
    rf"(?P<spoken>\b{SPOKEN_RE})",
    rf"(?P<fraction>{_FRACTION_RE})(?!\s+(?:of\s+)?an?\s+(?:hundred|thousand|million|billion|trillion|dozen))",
    rf"(?P<spelled>\b{SPELLED_RE})",
    r"(?P<mixed>\b(?P<mixed_int>\d+)\s+(?P<mixed_num>[1-9])/(?P<mixed_den>[1-9]\d?)(?![\d/]))",
    r"(?P<slash_share>\b(?P<share_num>[1-9])/(?P<share_den>[1-9]\d?)(?![\d/]))",
    rf"(?P<number>{NUMBER_RE})",
    rf"(?P<magnitude>\b(?:{'|'.join(SPACED_MAGNITUDES)})\b)",
    rf"(?P<subunit>\b(?:{'|'.join(SUBUNIT_WORDS)})\b)",
    rf"(?P<family>\b(?:rs\.?(?![a-z])|(?:{'|'.join(w for w in CURRENCY_FAMILIES if not w.startswith('rs'))})\b))",
    # Currency names ('Chinese yuan') are words here, joined by ``_join_currency_names``:
    # a regular expression of every name costs more to compile than all the rest.
    rf"(?P<currency>{phrase_pattern(list(CURRENCY_SYMBOLS) + list(LOWERCASE_CODES), end=r'(?![a-z])')})",
    r"(?P<xx_dollar>\b[a-z]{1,3}\$)",
    r"(?P<conn>\bto\b|-|\band\b|\bor\b|\bthrough\b|\bthru\b)",
    r"(?P<of>\bof\b)",
    r"(?P<code>(?-i:\b[A-Z]{3}(?![A-Za-z])))",
    r"(?P<word>[^\W\d_][\w'.-]*)",
    r"(?P<punct>[,;:.!?()\[\]\"'…*])",
]
_TOKEN_RE = re.compile("|".join(_TOKEN_PARTS), re.IGNORECASE)
# At a digit only these alternatives can match (every other one starts with a letter, a symbol
# or a letter's word boundary), in the same order: the same token, without trying every word.
_DIGIT_KINDS = ("spoken", "mixed", "slash_share", "number")
_DIGIT_TOKEN_RE = re.compile(
    "|".join(part for part in _TOKEN_PARTS if part.startswith(tuple(f"(?P<{kind}>" for kind in _DIGIT_KINDS))),
    re.IGNORECASE,
)

# Each pattern below starts with a character (a digit, '-', ' ') so that the search skips to
# it; the lookbehind after it says what may stand before the match.
_SPACE_GROUPED_RE = re.compile(r"\d(?<![\d.,]\d)\d{0,2}(?: \d{3})+(?![\d,]|\.\d)")
_INDIAN_GROUPED_RE = re.compile(r"(?<![\d.,])\d{1,2}(?:,\d{2})+,\d{3}(?![\d,])")
_HYPHEN_MAGNITUDE_RE = re.compile(
    r"-(?<=[\da-z]-)(?=(?:thousand|million|billion|trillion|lakh|lakhs|crore|crores|mn|bn|mln|dozen"
    r"|dollars?|percent|per cent)\b)",
    re.IGNORECASE,
)
# The space in 'US $7' or 'C $7': two capitals or one of C, R, S, not after a letter or a '$'.
_SPACED_DOLLAR_RE = re.compile(r" (?=\$\s?[\d.])(?:(?<=[A-Z]{2} )(?<![\w$][A-Z]{2} )|(?<=[CRS] )(?<![\w$][CRS] ))")


class Token(Record):
    kind: str
    text: str
    value: Any  # number, (low, high), code, per, or hedge kind, by kind
    start: int  # offset in the normalized phrase

    __slots__ = ("kind", "start", "text", "value")
    _FIELDS = (("kind", REQUIRED), ("text", REQUIRED), ("value", None), ("start", 0))

    def __init__(self, kind: str, text: str, value: Any = None, start: int = 0) -> None:
        set_field(self, "kind", kind)
        set_field(self, "text", text)
        set_field(self, "value", value)
        set_field(self, "start", start)


def normalize(text: str) -> str:
    """Unify dashes, quotes and odd spaces; rewrite spellings the grammar reads another way."""
    if not text.isascii():
        text = text.translate(TYPOGRAPHY).translate(VALUE_FOLDS)
    text = " ".join(text.split())
    text = _SPACE_GROUPED_RE.sub(_join_spaced, text)
    if "," in text:
        text = _INDIAN_GROUPED_RE.sub(_join_commas, text)
    if "-" in text:
        text = _HYPHEN_MAGNITUDE_RE.sub(" ", text)
    if " $" in text:
        text = _SPACED_DOLLAR_RE.sub("", text)
    return text


def _join_spaced(m: re.Match[str]) -> str:
    return m.group().replace(" ", "")


def _join_commas(m: re.Match[str]) -> str:
    return m.group().replace(",", "")


def phrase_key(text: str) -> str:
    return " ".join(text.lower().split())  # str.split and \s agree on what is a space


def number_token(m: re.Match[str], text: str, start: int = 0) -> Token:
    digits = m["digits"].replace(",", "")
    value = float(digits)
    attached = m["attached"]
    half = half_unit(digits)
    if attached:
        value *= MAGNITUDE_WORDS[attached.lower()]
        half *= MAGNITUDE_WORDS[attached.lower()]
    return Token("number", text, (value, attached is not None, half), start)


def half_unit(digits: str) -> float:
    """Half a unit of the last written significant digit: '1.7' → 0.05, '44' → 0.5,
    '300' → 50 (trailing zeros of a whole number are not taken as written precision),
    '3.0' → 0.05 (a zero after the point is)."""
    if "." in digits:
        decimals = len(digits.split(".", 1)[1])
        return 0.5 * 10.0 ** -decimals
    stripped = digits.lstrip("0")
    if not stripped:
        return 0.5
    zeros = len(stripped) - len(stripped.rstrip("0"))
    return 0.5 * 10.0 ** zeros


def spoken_value(int_part: str, frac_part: str) -> tuple[float, float]:
    """('one', '65') → (1.65, 0.005); ('43', 'four') → (43.4, 0.05)."""
    whole = float(int_part) if int_part.isdigit() else spelled_value(int_part.lower())
    if frac_part.isdigit():
        digits = frac_part
    else:
        digits = "".join(str(WORD_VALUES[w]) for w in re.split(r"[\s-]+", frac_part.lower()))
    return whole + float("0." + digits), 0.5 * 10.0 ** -len(digits)


def spelled_value(key: str) -> float:
    """'thirty' -> 30, 'twenty-five' -> 25, 'a hundred' -> 100, 'half a' -> 0.5,
    'a quarter of a' -> 0.25, 'one and a half' -> 1.5."""
    if key.startswith("half"):
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
        elif word != "and":
            total += WORD_VALUES[word]
    return total + extra


def _xx_dollar(text: str) -> str | None:
    key = text.lower()
    if key in CURRENCY_SYMBOLS:
        return CURRENCY_SYMBOLS[key]
    prefix = key[:-1]
    if len(prefix) == 2 and prefix.isalpha():
        return prefix.upper() + "D"  # ISO 4217: the country code and D for its dollar
    return None


def token_from_match(m: re.Match[str]) -> Token:
    kind = m.lastgroup
    text = m.group()
    start = m.start()
    key = phrase_key(text)
    if kind in ("post_hedge", "hedge"):
        # Which table the phrase is read from depends on where it stands (before or after).
        return Token("hedge", text, key, start)
    if kind == "rate_per":
        return Token("rate", text, RATE_WORDS[m["rate_word"].lower()], start)
    if kind == "rate_slash":
        return Token("rate", text, RATE_SLASH_WORDS[m["rate_slash_word"].lower()], start)
    if kind == "rate_adverb":
        return Token("rate", text, RATE_ADVERBS[key], start)
    if kind == "oom":
        return Token("oom", text, ORDERS_OF_MAGNITUDE[key], start)
    if kind == "vague":
        return Token("vague", text, VAGUE_MULTIPLIERS[key], start)
    if kind == "spoken":
        value, half = spoken_value(m["spoken_int"], m["spoken_frac"])
        return Token("number", text, (value, False, half), start)
    if kind == "fraction":
        return Token("fraction", text, FRACTION_SHARES[key], start)
    if kind == "mixed":
        # '33 1/3%': a whole number and a fraction, as precise as written (the floor)
        value = int(m["mixed_int"]) + int(m["mixed_num"]) / int(m["mixed_den"])
        return Token("number", text, (value, False, 0.0), start)
    if kind == "slash_share":
        num, den = int(m["share_num"]), int(m["share_den"])
        if num >= den:
            return Token("word", text, key, start)
        return Token("fraction", text, 100 * num / den, start)
    if kind == "spelled":
        spelled = spelled_value(key)
        spelled_half = half_unit(f"{spelled:.0f}") if spelled.is_integer() else None
        return Token("number", text, (spelled, False, spelled_half), start)
    if kind == "number":
        return number_token(m, text, start)
    if kind == "magnitude":
        return Token("magnitude", text, MAGNITUDE_WORDS[key], start)
    if kind == "subunit":
        return Token("subunit", text, SUBUNIT_WORDS[key], start)
    if kind == "family":
        return Token("currency", text, "family:" + key.rstrip("."), start)
    if kind == "currency":
        code = CURRENCY_SYMBOLS.get(key) or CURRENCY_WORDS.get(key) or key.upper()
        return Token("currency", text, code, start)
    if kind == "xx_dollar":
        dollar = _xx_dollar(text)
        if dollar is None:
            return Token("word", text, key, start)
        return Token("currency", text, dollar, start)
    if kind == "code":
        if text in NOT_CODES:
            return Token("word", text, key, start)
        return Token("currency", text, text, start)
    return Token(kind or "word", text, key, start)


def tokens(text: str, raw: str) -> list[Token]:
    """Split a normalized phrase into tokens; an unknown character is an error."""
    found: list[Token] = []
    pos = 0
    end = len(text)
    while pos < end:
        if text[pos] == " ":
            pos += 1
            continue
        m = (_DIGIT_TOKEN_RE if text[pos] in "0123456789" else _TOKEN_RE).match(text, pos)
        if m is None:
            raise error(raw, f"unexpected '{text[pos]}' at character {pos + 1}")
        found.append(token_from_match(m))
        pos = m.end()
    return _join_currency_names(found)


_LONGEST_NAME = max(len(name.split()) for name in CURRENCY_WORDS)


def _join_currency_names(found: list[Token]) -> list[Token]:
    """Words that make a currency name ('Chinese yuan', 'U.S. dollars', 'NIS') become one
    currency token, the longest name first."""
    if not any(t.kind == "word" or (t.kind == "currency" and t.text.isalpha()) for t in found):
        return found
    joined: list[Token] = []
    i = 0
    while i < len(found):
        token = found[i]
        if token.kind == "word" or (token.kind == "currency" and token.text.isalpha()):
            for size in range(min(_LONGEST_NAME, len(found) - i), 0, -1):
                words = found[i:i + size]
                if any(w.kind not in ("word", "currency") for w in words):
                    continue
                name = " ".join(w.text.lower() for w in words)
                code = CURRENCY_WORDS.get(name)
                if code is not None:
                    text = " ".join(w.text for w in words)
                    joined.append(Token("currency", text, code, token.start))
                    i += size
                    break
            else:
                joined.append(token)
                i += 1
            continue
        joined.append(token)
        i += 1
    return joined
