"""Quote anchoring: what normalization forgives, where a quote is found, and the fuzzy hint."""

from __future__ import annotations

import random

import pytest

from hirel.rules.anchoring import MIN_HINT_SCORE, ArticleText, _normalize_with_offsets, normalize_for_match

# --- normalization -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        ("It\u2019s", "it's"),                                # right single quote as apostrophe
        ("\u2018quoted\u2019", "'quoted'"),                   # ‘ ’
        ("\u201cHamas\u201d", '"hamas"'),                     # “ ”
        ("\u201eLow\u201c", '"low"'),                         # „ “ (German)
        ("\u00abguillemets\u00bb", '"guillemets"'),           # « »
        ("2014\u20132020", "2014-2020"),                      # en dash
        ("war \u2014 again", "war - again"),                  # em dash
        ("non\u2011breaking", "non-breaking"),                # non-breaking hyphen
        ("minus \u22125", "minus -5"),                        # minus sign
        ("a\u00a0b", "a b"),                                  # no-break space
        ("a\u2009b", "a b"),                                  # thin space
        ("a\u202fb", "a b"),                                  # narrow no-break space
        ("a\u00a0\u00a0 b", "a b"),                           # mixed run of spaces
        ("zero\u200bwidth", "zerowidth"),                     # zero-width space
        ("join\u200dme", "joinme"),                           # zero-width joiner
        ("\ufeffBOM", "bom"),                                 # byte-order mark inside text
        ("soft\u00adhyphen", "softhyphen"),                   # soft hyphen
        ("HAMAS Hamas hamas", "hamas hamas hamas"),           # case
        ("Stra\u00dfe", "strasse"),                           # ß casefolds to ss
        ("STRA\u1e9eE", "strasse"),                           # capital ẞ too
        ("\u0130stanbul", "i\u0307stanbul"),                  # İ casefolds to two characters
        ("a  b", "a b"),                                      # repeated spaces
        ("a\n\nb", "a b"),                                    # newlines
        ("a \t\n b", "a b"),                                  # mixed whitespace
        ("  padded  ", "padded"),                             # ends stripped
        ("", ""),
    ],
    ids=[
        "apostrophe", "single-quotes", "double-quotes", "low-double-quote", "guillemets", "en-dash",
        "em-dash", "nb-hyphen", "minus", "nbsp", "thin-space", "narrow-nbsp", "space-run", "zero-width-space",
        "zwj", "bom", "soft-hyphen", "case", "sharp-s", "capital-sharp-s", "dotted-capital-i", "double-space",
        "newlines", "mixed-whitespace", "strip", "empty",
    ],
)
def test_normalize_for_match(text, expected):
    assert normalize_for_match(text) == expected


@pytest.mark.parametrize(
    "text",
    ["Iran's", "word-word", "don't stop", "$100", "50%"],
    ids=["ascii-apostrophe", "ascii-hyphen", "plain", "dollar", "percent"],
)
def test_plain_ascii_is_only_lowercased(text):
    assert normalize_for_match(text) == text.lower()


@pytest.mark.parametrize(
    "a, b",
    [("provides", "provided"), ("$100", "$10"), ("plot", "plan"), ("Iran, Hamas", "Iran Hamas")],
    ids=["word-form", "figure", "word", "punctuation"],
)
def test_nothing_else_is_forgiven(a, b):
    assert normalize_for_match(a) != normalize_for_match(b)


ALPHABET = (
    "aZß\u1e9e\u0130 \n\t.,-'\""                      # letters with odd casefolds, ASCII punctuation
    "\u2019\u2018\u201c\u201d\u2013\u2014\u2011"        # typographic quotes and dashes
    "\u00a0\u2009\u202f\u3000"                          # special spaces
    "\u200b\u200d\u00ad\ufeff"                          # invisible characters
)


def test_offset_normalization_agrees_with_normalize_for_match():
    rng = random.Random(20240521)
    for _ in range(3000):
        text = "".join(rng.choice(ALPHABET) for _ in range(rng.randint(0, 24)))
        normalized, offsets = _normalize_with_offsets(text)
        assert normalized == normalize_for_match(text), repr(text)
        assert len(offsets) == len(normalized), repr(text)
        assert offsets == sorted(offsets), repr(text)
        assert all(0 <= offset < len(text) for offset in offsets), repr(text)


# --- find and count ----------------------------------------------------------------------------

BODY = (
    "First line.\n"                                   # offsets 0..11; line first_line
    "He said \u201cit\u2019s   done\u201d today.\n"   # starts at offset 12; line first_line + 1
    "Hamas and hamas and HAMAS.\n"                    # line first_line + 2
    "alpha beta\n"                                    # line first_line + 3
    "gamma delta\n"                                   # line first_line + 4
)


def test_find_returns_original_offsets_and_text():
    text = ArticleText(BODY)
    [passage] = text.find('he said "it\'s done"')
    # "First line.\n" is 12 characters; "He said " is 8, so “ is at 20 and ” at 32.
    assert (passage.start, passage.end) == (12, 33)
    assert passage.text == "He said \u201cit\u2019s   done\u201d"
    assert BODY[passage.start:passage.end] == passage.text
    assert passage.line == 2
    assert passage.score == 100


def test_find_uses_first_line():
    # The body of an article whose front matter takes lines 1-7 starts on line 8.
    text = ArticleText(BODY, first_line=8)
    [passage] = text.find("it\u2019s done")
    assert passage.line == 9
    [first] = text.find("first line")
    assert first.line == 8


def test_find_across_a_line_break():
    text = ArticleText(BODY, first_line=8)
    [passage] = text.find("beta gamma")
    assert passage.text == "beta\ngamma"
    assert passage.line == 11            # the line where the passage starts


def test_find_every_occurrence_in_order():
    text = ArticleText(BODY, first_line=8)
    found = text.find("hamas")
    assert [p.text for p in found] == ["Hamas", "hamas", "HAMAS"]
    assert [p.line for p in found] == [10, 10, 10]
    assert [p.start for p in found] == sorted(p.start for p in found)


@pytest.mark.parametrize(
    "quote, expected",
    [("hamas", 3), ("Hamas and hamas", 1), ("HAMAS.", 1), ("not there", 0), ("", 0), ("   ", 0),
     ("\u201cit's done\u201d", 1)],
    ids=["three", "one", "with-period", "none", "empty", "blank", "typographic"],
)
def test_count(quote, expected):
    assert ArticleText(BODY).count(quote) == expected


def test_find_nothing():
    assert ArticleText(BODY).find("omega") == []
    assert ArticleText(BODY).find("") == []


# --- closest (the hint for a quote that is not found) -------------------------------------------

ARTICLE = (
    "Iran provides about $100 million annually to Palestinian militant groups, the State Department said.\n"
    "Hamas receives \u201c$30 million monthly\u201d from Tehran, a Hamas official claimed.\n"
    "Citing a Hamas source, The Wall Street Journal reported that Iran helped plot the attack.\n"
    "The Biden administration says it has no intelligence showing Iranian involvement.\n"
    "Hamas was founded in 1987.\n"
)


def _is_whole_words(body: str, start: int, end: int) -> bool:
    return (start == 0 or body[start - 1].isspace()) and (end == len(body) or body[end].isspace())


@pytest.mark.parametrize(
    "quote, expected_part, line",
    [
        ("Iran helped plan the attack", "Iran helped plot the attack", 10),
        ("Iran helped fund the attack", "Iran helped plot the attack", 10),
        ("The Biden administration says it has intelligence showing Iranian involvement",
         "The Biden administration says it has no intelligence showing Iranian involvement", 11),
        ("Hamas receives $30 million per month from Tehran", "Hamas receives \u201c$30 million monthly\u201d", 9),
        ("Iran provides about $100 milion annually", "Iran provides about $100 million annually", 8),
    ],
    ids=["typo-word", "changed-word", "dropped-word", "reworded", "misspelt"],
)
def test_closest_finds_the_passage(quote, expected_part, line):
    text = ArticleText(ARTICLE, first_line=8)
    assert text.count(quote) == 0
    best = text.closest(quote)
    assert best is not None
    assert expected_part in best.text
    assert best.line == line
    assert MIN_HINT_SCORE <= best.score < 100
    assert ARTICLE[best.start:best.end] == best.text
    assert _is_whole_words(ARTICLE, best.start, best.end)


def test_closest_widens_a_partial_word_match_to_whole_words():
    body = "The ministry transferred the money quickly.\n"
    best = ArticleText(body).closest("ministry transfered")
    assert best is not None
    assert best.text.startswith("ministry transferred")
    assert _is_whole_words(body, best.start, best.end)


@pytest.mark.parametrize("quote", ["zzzz qqqq xxxx", "0000 1111 2222 3333"], ids=["letters", "digits"])
def test_closest_with_nothing_similar(quote):
    best = ArticleText(ARTICLE).closest(quote)
    assert best is None or best.score < MIN_HINT_SCORE


@pytest.mark.parametrize("body, quote", [("", "anything"), ("Some text.", ""), ("Some text.", "  ")],
                         ids=["empty-body", "empty-quote", "blank-quote"])
def test_closest_with_empty_input(body, quote):
    assert ArticleText(body).closest(quote) is None


@pytest.mark.parametrize("quote, count", [
    ("ording to a 2020 report", 0),       # starts inside "According"
    ("According to a 2020 rep", 0),       # ends inside "report"
    ("According to a 2020 report", 1),
    ("Iran", 1),                          # "Iranian" does not count as "Iran"
    ("report, Iran", 1),                  # ends on a letter at a word's end
    ("“According", 1),                    # starts with a quote mark: no boundary needed before it
], ids=["starts-mid-word", "ends-mid-word", "whole-words", "word-inside-word", "comma-inside", "quote-mark"])
def test_quotes_match_whole_words_only(quote, count):
    text = ArticleText("He said: “According to a 2020 report, Iran gives.” Iranian officials agreed.")
    assert text.count(quote) == count
    assert len(text.find(quote)) == count


def test_a_very_long_quote_is_not_searched_approximately():
    from hirel.rules.anchoring import MAX_FUZZY_QUOTE

    text = ArticleText("word " * 3000)
    assert text.closest("wrd " * (MAX_FUZZY_QUOTE // 4 + 1)) is None
    assert text.closest("wrd " * 10) is not None
