"""The words a misspelling of which is refused after a count (`vocabulary.keywords`): the periods of
more than three letters and the rate adverbs written as one plain word, no others (docs/values.md:
rarer words are read as written, too many ordinary nouns being one letter away from them)."""

from __future__ import annotations

import pytest

from hirel import read_value
from hirel.values.tokens import ValueParseError


@pytest.mark.parametrize("written, counted", [
    ("5 million pay", "pay"),  # one letter from 'day', a period of three letters: a noun here
    ("5 million dray", "dray"),  # 'day' with a letter more (close enough to 'day' to be taken for it)
    ("5 million people a-dsy", "people a-dsy"),  # one letter from the adverb 'a-day', written with '-'
    ("5 million people perannum", "people perannum"),  # one letter from 'per annum', two words
])
def test_a_word_near_a_short_or_written_out_period_is_what_is_counted(written: str, counted: str) -> None:
    value = read_value(written)
    assert (value.low, value.high, value.unit) == (4_750_000, 5_250_000, "count")  # 5 million, ±5%
    assert f"'{counted}' names what is counted" in value.steps


@pytest.mark.parametrize("written, meant", [
    ("5 million dollars anually", "annually"), ("5 million dollars weekley", "weekly"),
    ("5 million dollars montly", "monthly"), ("5 million dollars dayly", "daily"),
])
def test_a_misspelt_rate_adverb_of_one_word_is_refused(written: str, meant: str) -> None:
    word = written.split()[-1]
    with pytest.raises(ValueParseError) as refused:
        read_value(written)
    assert str(refused.value) == (f"cannot read the value '{written}': '{word}' (at character 19) looks like "
                                  f"a misspelling of '{meant}'")


@pytest.mark.parametrize("word", ["p.m.", "p.ax"])
def test_a_word_near_the_abbreviation_p_a_is_not_taken_for_it(word: str) -> None:
    written = f"5 million people {word}"
    with pytest.raises(ValueParseError) as refused:
        read_value(written)
    assert str(refused.value) == (f"cannot read the value '{written}': '{word}' (at character 18) "
                                  "is not a word hirel reads")
