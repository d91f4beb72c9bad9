"""find_values: the value grammar over free text. Each case lists every phrase expected, with
its kind and reading, checked by hand against docs/values.md. A reading is the grammar's own
(`format_interval(read_value(phrase))`): a change of the grammar's rules moves only those."""

from __future__ import annotations

import pytest

from hirel.authoring.find_values import find_values

CASES = [
    ("Iran provides about $100 million annually to Palestinian militant groups.",
     [("about $100 million annually", "amount", "$90M–$110M/yr")]),
    ("It also paid $651,000 to the families of those killed.", [("$651,000", "amount", "$651K")]),
    ("Iran donated hundreds of thousands of dollars to more than 9,000 families in Gaza.",
     [("hundreds of thousands of dollars", "amount", "$100K–$1M"), ("more than 9,000 families", "count", "≥ 9,000")]),
    # a year before a noun is a year, not the count 2,021
    ("The 2021 conflict resulted in over 250 Palestinian deaths.",
     [("2021", "date", "2021"), ("over 250", "count", "≥ 250")]),
    ("Support rose by over 50% since 2015.", [("over 50%", "percent", "≥ 50%"), ("since 2015", "date", "since 2015")]),
    ("Hamas received $30 million a month, or $360 million per year.",
     [("$30 million a month", "amount", "$30M/mo"), ("$360 million per year", "amount", "$360M/yr")]),
    # a day without its year is not a value (suggest reads it with the article's year)
    ("On July 16, Qassem spoke; on 14 December the movement celebrated.", []),
    ("It began in the early 1990s and grew after mid-2017.",
     [("early 1990s", "date", "1990–1993"), ("mid-2017", "date", "2017-05-01–2017-08-31")]),
    ("Losses were between $1 million and $2 million a year.",
     [("between $1 million and $2 million a year", "amount", "$1M–$2M/yr")]),
    # never '8% to 40' (a range): the magnitude after 40 belongs to 40
    ("Exports fell 8% to 40 million tonnes.", [("8%", "percent", "8%"), ("40 million tonnes", "count", "40M")]),
    ("He sat 2nd from the right at the 34th anniversary.", []),
    ("One of the reasons is that two allies met.", []),
    ("tens of millions of dollars", [("tens of millions of dollars", "amount", "$10M–$100M")]),
    ("The deal, signed on 3 January, 2020, is worth €250,000.",
     [("3 January, 2020", "date", "2020-01-03"), ("€250,000", "amount", "€250K")]),
    ("Over 2000 people came in 2019.", [("Over 2000 people", "count", "≥ 2,000"), ("2019", "date", "2019")]),
    ("", []),
]


@pytest.mark.parametrize("text, expected", CASES, ids=[c[0][:40] for c in CASES])
def test_find_values(text, expected):
    from hirel.values import read_value
    from hirel.values.figures import format_interval

    found = find_values(text)
    assert [(v.text, v.kind) for v in found] == [(phrase, kind) for phrase, kind, _reading in expected]
    for value, (_phrase, kind, reading) in zip(found, expected):
        grammar = format_interval(read_value(value.text, expect="date" if kind == "date" else None))
        assert value.reading == grammar
        assert reading == grammar
    for v in found:  # offsets point at the phrase
        assert text[v.start:v.end] == v.text


def test_offsets_in_a_longer_text():
    text = "First line.\nSecond: about $5 million.\n"
    [value] = find_values(text)
    assert (value.start, value.end) == (20, 36) and text[20:36] == "about $5 million"


def test_unreadable_phrases_give_nothing_rather_than_an_error():
    assert find_values("$$$ 12,34,5 %% 1e999 ten-ish") == []
