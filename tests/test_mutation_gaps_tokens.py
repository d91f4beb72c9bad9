"""The value grammar's tokenizer (`hirel.values.tokens`): behaviour found untested by mutation.

Every expected value is worked out by hand from the docstrings of src/hirel/values/tokens.py and
from docs/values.md: the phrase echoed at most 120 characters long (its first 80, '…', its last
39), the 1-based character of an unexpected one, half a unit of the last written digit, the
spoken decimals, the shares below one written with a slash, `XX$` with two letters, the
currency names joined into one token.
"""

from __future__ import annotations

import dataclasses
import inspect

import pytest

from hirel.values import ValueParseError, read_value
from hirel.values.tokens import Token, half_unit, normalize, spoken_value, tokens


def _kinds(phrase: str) -> list[tuple[str, str, object]]:
    return [(t.kind, t.text, t.value) for t in tokens(normalize(phrase), phrase)]


# --- the phrase in an error message ---------------------------------------------------------

TENS = "1234567890"


def test_a_phrase_of_121_characters_is_echoed_as_its_first_80_an_ellipsis_and_its_last_39():
    raw = "#" + TENS * 12  # 121 characters; raw[k] is the digit k % 10 for k >= 1
    assert len(raw) == 121
    # raw[:80] is '#' and the digits 1..79; raw[80] ('0') and raw[81] ('1') are left out;
    # raw[-39:] is raw[82:], the digits 2..9, 0, then three more tens
    shown = "#" + TENS * 7 + "123456789" + "…" + "234567890" + TENS * 3
    assert len(shown) == 120
    with pytest.raises(ValueParseError) as caught:
        read_value(raw)
    assert str(caught.value) == f"cannot read the value '{shown}': unexpected '#' at character 1"


def test_a_phrase_of_120_characters_is_echoed_whole():
    raw = "#" + TENS * 11 + "123456789"
    assert len(raw) == 120
    with pytest.raises(ValueParseError) as caught:
        read_value(raw)
    assert str(caught.value) == f"cannot read the value '{raw}': unexpected '#' at character 1"


@pytest.mark.parametrize(("phrase", "character"), [
    ("#5", 1),          # the first character
    ("about 5 #", 9),   # 'about' 1-5, space 6, '5' 7, space 8, '#' 9
    ("5 # 6", 3),
])
def test_an_unexpected_character_is_named_with_its_1_based_position(phrase, character):
    with pytest.raises(ValueParseError) as caught:
        read_value(phrase)
    assert str(caught.value) == f"cannot read the value '{phrase}': unexpected '#' at character {character}"


# --- precision: half a unit of the last written digit -------------------------------------------

def test_a_written_zero_is_precise_to_half_a_unit():
    # '44' -> 0.5 (the docstring): the last written digit of '0' is the units digit too
    assert half_unit("0") == 0.5
    assert half_unit("000") == 0.5
    assert _kinds("0") == [("number", "0", (0.0, False, 0.5))]


def test_spoken_decimals_are_precise_to_half_a_unit_of_their_last_spoken_digit():
    # the docstring's examples: ('one', '65') -> (1.65, 0.005); ('43', 'four') -> (43.4, 0.05)
    value, half = spoken_value("one", "65")
    assert value == pytest.approx(1.65)
    assert half == pytest.approx(0.005)
    value, half = spoken_value("43", "four")
    assert value == pytest.approx(43.4)
    assert half == pytest.approx(0.05)
    assert spoken_value("three", "eight two five") == (pytest.approx(3.825), pytest.approx(0.0005))


def test_a_spoken_decimal_between_floor_and_cap_is_compared_to_its_written_precision():
    # docs/values.md: 'three point eight billion' is 3.8 B; half a unit of the tenths digit is
    # 0.05 B, 1.3% of 3.8 B (between the 1% floor and the 5% cap): compared as 3.75 B to 3.85 B
    reading = read_value("three point eight billion")
    assert (reading.low, reading.high) == (pytest.approx(3.75e9), pytest.approx(3.85e9))
    assert reading.steps[-1] == ("written precision ±1.3% (half a unit of the last written digit): "
                                 "compared as 3.75 billion to 3.85 billion")


def test_a_whole_number_and_a_fraction_is_compared_to_the_floor():
    # docs/values.md: '33 1/3%' is the number 33.33 to the floor's precision (±1%):
    # 100/3 × 0.99 = 33, 100/3 × 1.01 = 33.667
    assert _kinds("33 1/3%") == [("number", "33 1/3", (pytest.approx(100 / 3), False, 0.0)), ("pct", "%", "%")]
    reading = read_value("33 1/3%")
    assert (reading.low, reading.high) == (pytest.approx(33.0), pytest.approx(33.6666667))
    assert reading.unit == "percent"


def test_a_whole_number_and_a_fraction_takes_the_magnitude_written_once_on_the_high_end():
    # '5 to 10 million' is [5M, 10M] (docs/values.md): a mixed number has no magnitude of its own,
    # so the low end of '33 1/3 to 50 million' is 33.33 million (at the floor: 33 million),
    # the high end 50 million (a round 50: the cap, 52.5 million)
    reading = read_value("33 1/3 to 50 million")
    assert (reading.low, reading.high) == (pytest.approx(33e6), pytest.approx(52.5e6))
    assert reading.written == (pytest.approx(1e8 / 3), 5e7)


# --- shares and names -------------------------------------------------------------------------

@pytest.mark.parametrize("phrase", ["1/1", "2/2"])
def test_a_slash_fraction_of_one_is_not_a_share(phrase):
    # docs/values.md: '1/3', '2/3', a fraction *below one* written with a slash
    assert _kinds(phrase) == [("word", phrase, phrase)]
    with pytest.raises(ValueParseError, match="no number found"):
        read_value(phrase, "percent")
    assert _kinds("1/2") == [("fraction", "1/2", 50.0)]


def test_the_majority_is_not_read_as_half():
    # 'more than half' is a share (>= 50); 'the majority' is not in the list of shares: no number
    assert [k for k, _, _ in _kinds("the majority")] == ["word", "word"]
    with pytest.raises(ValueParseError, match="no number found"):
        read_value("the majority", "percent")


@pytest.mark.parametrize("phrase", ["x$5", "abc$5"])
def test_only_two_letters_before_a_dollar_sign_name_a_country_dollar(phrase):
    # docs/values.md: any XX$ (two letters and '$') is ISO 4217 country code + D; one or three
    # letters are a word, refused where it stands
    word = phrase[:-1]
    assert _kinds(phrase)[0] == ("word", word, word)
    with pytest.raises(ValueParseError) as caught:
        read_value(phrase)
    assert str(caught.value) == f"cannot read the value '{phrase}': unexpected '{word}' at character 1"
    assert _kinds("TT$5")[0] == ("currency", "TT$", "TTD")


def test_a_three_letter_code_starting_with_rs_is_a_code_not_rupees():
    # 'Rs' is the rupee family; 'RSD' (three capitals) is a code like any other
    assert _kinds("RSD 5 million")[0] == ("currency", "RSD", "RSD")
    assert read_value("RSD 5 million").unit == "RSD"
    assert _kinds("Rs 5")[0] == ("currency", "Rs", "family:rs")
    assert _kinds("Rs. 5")[0] == ("currency", "Rs.", "family:rs")


def test_a_currency_name_is_one_token_with_its_words_as_written():
    found = tokens(normalize("5 million  Chinese   yuan"), "5 million  Chinese   yuan")
    assert [(t.kind, t.text, t.value, t.start) for t in found] == [
        ("number", "5", (5.0, False, 0.5), 0),
        ("magnitude", "million", 1e6, 2),
        ("currency", "Chinese yuan", "CNY", 10),  # normalized: '5 million Chinese yuan'
    ]


def test_a_plus_sign_touching_a_word_is_a_hedge_and_a_word():
    # '+' is a hedge after a figure; the word beside it stays a word, whatever its letters (the
    # hedges that stand after a figure are read by an alternative of their own, then by the one
    # of every hedge: only text around the '+' shows a change to the first one's pattern)
    assert _kinds("+xxxx") == [("hedge", "+", "+"), ("word", "xxxx", "xxxx")]
    assert _kinds("xx+") == [("word", "xx", "xx"), ("hedge", "+", "+")]


# --- the record ---------------------------------------------------------------------------------

def test_the_token_fields_have_the_constructor_defaults():
    # records.py: dataclasses.fields works on a Record, with the defaults of its constructor
    defaults = {f.name: f.default for f in dataclasses.fields(Token)}
    assert defaults["value"] is None and defaults["start"] == 0
    parameters = inspect.signature(Token).parameters
    assert (parameters["value"].default, parameters["start"].default) == (None, 0)
    assert Token("word", "x").start == 0
