"""The words after a figure: refusals with their hints, the noun step, the misspelling rule.

Found untested by a full mutation run of values/words.py. Expected messages and hints follow
docs/values.md ("No word is ignored": every word is read or refused, pointing at the word, with a
hint) and the rules of `nearest_keyword` (words under three letters and known words are never
misspellings; a short word two letters shorter or longer than the keyword is another word).
Character positions are counted by hand, from 1.
"""

from __future__ import annotations

import pytest

from hirel.values import read_value
from hirel.values.tokens import ValueParseError
from hirel.values.words import nearest_keyword

NOUN_HINT = "write only the figure and what it counts"


@pytest.mark.parametrize(("raw", "unit", "reason", "hint"), [
    ("2.33 k", None, "'k' (at character 6) is a lone letter",
     "a one-letter magnitude touches its figure: '2.33k', '$5m'"),
    ("5 xy", None, "'xy' (at character 3) is too short to be sure it is what the figure counts",
     "write only the figure, or the noun in full"),
    ("5 mo.", None, "'mo.' (at character 3) is too short to be sure it is what the figure counts",
     "write only the figure, or the noun in full"),
    # the hint names the rate: 'months' without its plural
    ("5 months", None, "'months' (at character 3) is a period: a figure per period is a rate",
     "write it as a rate, e.g. 'per month', or leave the period to 'when'"),
    ("708 said.", None, "'said.' (at character 5) is a verb, not what the figure counts",
     f"{NOUN_HINT}, e.g. '708 dead'"),
    ("5 the people", None, "'the' (at character 3) cannot be read here",
     f"{NOUN_HINT}; a rate is per hour, day, week, month or year"),
    ("5 people between", None, "'between' (at character 10) cannot be read here", NOUN_HINT),
    ("5 ناس", None, "'ناس' (at character 3) is not a word hirel reads",
     "write the figure in English with digits, e.g. '30 million'"),
    ("5 montth", None, "'montth' (at character 3) looks like a misspelling of 'month'",
     "did you mean 'month'?"),
    ("30 million people", "USD",
     "'people' (at character 12) follows a figure with no currency, and the proposition is in USD",
     "a count cannot be compared with USD; write the amount with its currency"),
    ("$5 million people", None, "'people' (at character 12) cannot be read after an amount of money",
     "write only the amount, e.g. '$30 million a month'"),
    ("44% voters", None, "'voters' (at character 5) cannot be read after a percentage",
     "write only the percentage, e.g. 'about 50%'; a change needs `measures: change`"),
])
def test_refused_words_with_their_hints(raw, unit, reason, hint):
    with pytest.raises(ValueParseError) as caught:
        read_value(raw, unit)
    assert str(caught.value) == f"cannot read the value {raw!r}: {reason}"
    assert caught.value.hint == hint


@pytest.mark.parametrize(("raw", "step"), [
    ("44% of voters", "'of voters' names what the share is of"),
    ("9,000 young families", "'young families' names what is counted"),
    # 'of' right after the figure belongs to the noun ('thousands of people', '5 of people')
    ("5 of people", "'of people' names what is counted"),
])
def test_the_noun_step(raw, step):
    assert read_value(raw).steps[1] == step


@pytest.mark.parametrize(("word", "keyword"), [
    ("montth", "month"),
    # three letters is long enough to be a misspelling
    ("dys", "days"),
    # under three letters: never a misspelling ('ml' would otherwise be 'mln')
    ("ml", None),
    # a short word two letters shorter than the keyword is another word
    ("anul", None),
    # five letters against seven ('billion'): the rule holds at five
    ("illon", None),
])
def test_nearest_keyword_rules(word, keyword):
    assert nearest_keyword(word) == keyword
