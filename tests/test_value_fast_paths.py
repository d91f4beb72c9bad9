"""The value reader's shortcuts give what the full patterns give.

Figures in a text are looked for without the spelled-number alternatives when no spelled number
can be written there; a token starting with a digit is matched against the alternatives that can
start with one; the normalization patterns are written to start with a character. Each shortcut
is compared here with the full pattern it stands for, on hand-picked and generated text.
"""

from __future__ import annotations

import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hirel.values import figures_in, quotes, tokens
from hirel.values.readers import normalize_value
from hirel.values.units import parse_unit

# The normalization patterns as first written (each starting with a lookbehind).
_SPACE_GROUPED = re.compile(r"(?<![\d.,])\d{1,3}(?: \d{3})+(?![\d,]|\.\d)")
_HYPHEN_MAGNITUDE = re.compile(tokens._HYPHEN_MAGNITUDE_RE.pattern.replace(r"-(?<=[\da-z]-)", r"(?<=[\da-z])-", 1),
                               re.IGNORECASE)
_SPACED_DOLLAR = re.compile(r"(?<![\w$])(?-i:([A-Z]{2}|[CRS])) \$(?=\s?[\d.])")

WORDS = ("one two seven seventeen twenty ninety half a an quarter of and to or - hundred thousand million "
         "billion lakh crore crores dozen mn bn k m $ US C R S XUS € % percent per cent about over said "
         "point oh zero 5 12 1,000 10 000 1 000 000 3.5 .5 4-million 70-100 2017 mid-2017 one-point-65 "
         "TWENTY-ONE twenty-five fivefold a-million 5bn 7.2bn USD30m 1/3 33 1/3 Million 5-Million").split()
SEPARATORS = [" ", " ", "", "-", ", ", ". ", "  ", "\t", "\u00a0", "–", " $"]
phrases = st.lists(st.tuples(st.sampled_from(WORDS), st.sampled_from(SEPARATORS)), min_size=1, max_size=8).map(
    lambda parts: "".join(word + sep for word, sep in parts).strip())


def _full_scan(text: str) -> list[tuple[float, bool, float | None]]:
    """`_scan_figures` with the full pattern always."""
    original = quotes._figure_pattern
    try:
        quotes._figure_pattern = lambda t: quotes._figure_spoken_re() if "point" in t.lower() else quotes._FIGURE_RE
        return quotes._scan_figures(text)
    finally:
        quotes._figure_pattern = original


def _full_tokens(text: str) -> list[tuple]:
    original = tokens._DIGIT_TOKEN_RE
    try:
        tokens._DIGIT_TOKEN_RE = tokens._TOKEN_RE
        return [(t.kind, t.text, t.value, t.start) for t in tokens.tokens(text, text)]
    finally:
        tokens._DIGIT_TOKEN_RE = original


def _old_normalize(text: str) -> str:
    if not text.isascii():
        text = text.translate(tokens.TYPOGRAPHY)
    text = " ".join(text.split())
    text = _SPACE_GROUPED.sub(lambda m: m.group().replace(" ", ""), text)
    if "," in text:
        text = tokens._INDIAN_GROUPED_RE.sub(lambda m: m.group().replace(",", ""), text)
    if "-" in text:
        text = _HYPHEN_MAGNITUDE.sub(" ", text)
    if "$" in text:
        text = _SPACED_DOLLAR.sub(r"\1$", text)
    return text


def test_figures_by_hand():
    assert figures_in("about $121 million a year") == {121e6}
    assert figures_in("twenty-five million people") == {25e6}
    assert figures_in("a million dollars, then US $7.2bn") == {1e6, 7.2e9}
    assert figures_in("between $70-100 million") == {70.0, 70e6, 100e6}
    assert figures_in("one-point-65 billion") == {1.65e9}
    assert figures_in("the one who said it") == {1.0}  # 'one' is a figure: the full pattern runs


def test_spelled_numbers_are_found_where_the_shortcut_would_skip_them():
    # no spelled word, so digits only
    assert quotes._figure_pattern("gives about $5 million a year") is quotes._DIGIT_FIGURE_RE
    # 'a' right before a magnitude is a spelled 'one'
    assert quotes._figure_pattern("a million a year") is quotes._FIGURE_RE
    # a text beyond ASCII always gets the full pattern
    assert quotes._figure_pattern("über 5 millionen") is quotes._FIGURE_RE


def test_normalize_by_hand():
    assert tokens.normalize("US $7 and C $5 but XUS $3") == "US$7 and C$5 but XUS $3"
    assert tokens.normalize("10 000 people, 1,75,000 rupees") == "10000 people, 175000 rupees"
    assert tokens.normalize("a 4-million budget") == "a 4 million budget"
    assert tokens.phrase_key("  About\u00a0 $5\tMillion ") == "about $5 million"


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(phrases)
def test_shortcuts_match_the_full_patterns(text):
    assert tokens.normalize(text) == _old_normalize(text)
    assert quotes._scan_figures(text) == _full_scan(text)
    normalized = tokens.normalize(text)
    try:
        fast = [(t.kind, t.text, t.value, t.start) for t in tokens.tokens(normalized, normalized)]
    except tokens.ValueParseError as exc:
        fast = [("error", str(exc))]
    try:
        full = _full_tokens(normalized)
    except tokens.ValueParseError as exc:
        full = [("error", str(exc))]
    assert fast == full


def test_cached_reading_keeps_types_apart():
    year = normalize_value(2017, parse_unit("date"))
    again = normalize_value("2017", parse_unit("date"))
    assert (year.low, year.high) == (again.low, again.high)
    assert year.text == again.text == "2017"
    first = normalize_value("about $5 million a year", "USD/year")
    assert normalize_value("about $5 million a year", "USD/year") is first  # the same immutable reading
    assert first.low < 5e6 < first.high


# Phrases whose last character is a letter share one end guard, ``(?:a|b)(?![a-z])`` for
# ``a(?![a-z])|b(?![a-z])`` (`tokens._guarded`); here the pattern as first written.
def _unfactored(phrases: list[str], end: str = r"\b") -> str:
    parts = []
    for phrase in sorted(phrases, key=len, reverse=True):
        pattern = r"\s+".join(re.escape(word) for word in phrase.split())
        if phrase[-1].isalnum():
            pattern += end
        if phrase[0].isalnum():
            pattern = r"\b" + pattern
        parts.append(pattern)
    return "|".join(parts)


CURRENCIES = list(tokens.CURRENCY_SYMBOLS) + list(tokens.LOWERCASE_CODES)
_GUARD = r"(?![a-z])"
_CURRENCY_FACTORED = re.compile(tokens.phrase_pattern(CURRENCIES, end=_GUARD), re.IGNORECASE)
_CURRENCY_FIRST = re.compile(_unfactored(CURRENCIES, end=_GUARD), re.IGNORECASE)
_TOKEN_FIRST = re.compile("|".join(part if not part.startswith("(?P<currency>")
                                   else f"(?P<currency>{_unfactored(CURRENCIES, end=_GUARD)})"
                                   for part in tokens._TOKEN_PARTS), re.IGNORECASE)
currency_texts = st.lists(st.sampled_from(CURRENCIES + ["s", "d", "K", "\u212a", "\u017f", "1", " ", "$", "30m",
                                                        "U.S.", "USD30m", "usds", "eu", "ro"]),
                          min_size=1, max_size=5).map("".join)


def test_factored_guards_by_hand():
    # longest first, then in code-point order (the same text whatever order a set gives them in);
    # a run of phrases ending in a letter shares the guard, a lone one keeps its own
    assert tokens.phrase_pattern(["usd", "eur", "$", "a$", "zł"], end=_GUARD) == \
        r"(?:\beur|\busd)(?![a-z])|\ba\$|\bzł(?![a-z])|\$"
    assert tokens.phrase_pattern(["usd", "eur", "a$", "cad"], end=_GUARD) == \
        r"(?:\bcad|\beur|\busd)(?![a-z])|\ba\$"
    assert tokens.phrase_pattern(["usd", "eur", "a$", "cad"], end=_GUARD) == \
        tokens.phrase_pattern(["cad", "a$", "usd", "eur"], end=_GUARD)
    assert tokens.phrase_pattern(["per annum", "yearly"]) == _unfactored(["per annum", "yearly"])  # \b: as before
    for text, span in [("usd30m", (0, 3)), ("usds", None), ("eur", (0, 3)), ("EUR ", (0, 3)), ("us$5", (0, 3)),
                       ("nzd\u212a", None)]:  # the Kelvin sign is a 'k' to IGNORECASE
        m = _CURRENCY_FACTORED.match(text)
        assert (m.span() if m else None) == span, text


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(currency_texts)
def test_factored_guards_match_as_first_written(text):
    for pos in range(len(text)):
        new, old = _CURRENCY_FACTORED.match(text, pos), _CURRENCY_FIRST.match(text, pos)
        assert (new and new.span()) == (old and old.span())
        new, old = tokens._TOKEN_RE.match(text, pos), _TOKEN_FIRST.match(text, pos)
        assert (new and (new.span(), new.lastgroup)) == (old and (old.span(), old.lastgroup))


def test_real_world_phrases_tokenize_as_with_the_pattern_first_written():
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).parent))
    from real_world_phrases import GROUPS

    for entries in GROUPS.values():
        for phrase, *_ in entries:
            text = tokens.normalize(phrase)
            for pos in range(len(text)):
                new, old = tokens._TOKEN_RE.match(text, pos), _TOKEN_FIRST.match(text, pos)
                assert (new and (new.span(), new.lastgroup)) == (old and (old.span(), old.lastgroup)), phrase
