"""Values found in real reporting of earthquake death tolls: every figure read right or refused,
never read wrong (verbs after a count, casualty nouns, unknown currency prefixes, a count on a
money proposition), and `hirel suggest` keeping bounds and skipping ratios and magnitudes."""

from __future__ import annotations

import pytest
import yaml

from conftest import parse_json
from hirel.authoring.find_values import find_values
from hirel.values import ValueParseError, read_value

# --- 1. verbs and reporting words are not the noun a count counts ------------------------------

@pytest.mark.parametrize("phrase, word", [
    ('708," said', ','),
    ("708 said", "said"),
    ("19,136 people died", "died"),
    ("300 people were", "were"),
    ("300 told", "told"),
    ("about 700 according", "according"),
    ("708 dead, officials said", "said"),
    ("12 reported", "reported"),
    ("5,000 had", "had"),
    ("300 people who", "who"),
    ("700 after", "after"),
])
def test_verbs_after_a_count_are_refused(phrase, word):
    with pytest.raises(ValueParseError) as caught:
        read_value(phrase)
    assert f"'{word}'" in str(caught.value)


@pytest.mark.parametrize("phrase, low, high", [
    ("708 dead", 708, 708),
    ("300 dead", 300, 300),
    ("19,136 people", 19136, 19136),
    ("more than 2,000 injured", 2000, None),
    ("1,200 missing", 1200, 1200),
    ("9,000 families", 9000, 9000),
    ("40 killed", 40, 40),
    ("500,000 homeless", 500000, 500000),
    ("3,000 deaths", 3000, 3000),
])
def test_casualty_nouns_are_read(phrase, low, high):
    interval = read_value(phrase)
    assert interval.written == (low, high)
    assert interval.unit == "count"


def test_dead_is_not_a_misspelling_of_decade_but_misspellings_still_are():
    assert read_value("708 dead").written == (708, 708)
    for phrase, close in (("30 milion", "million"), ("5 montth", "month"), ("2 anually", "annually")):
        with pytest.raises(ValueParseError) as caught:
            read_value(phrase)
        assert f"misspelling of '{close}'" in str(caught.value)


# --- 3. unknown currency prefixes are named --------------------------------------------------

@pytest.mark.parametrize("phrase, prefix", [("P867.24 million", "P"), ("R1.5 billion", "R"), ("K20", "K")])
def test_unknown_currency_prefix_is_named(phrase, prefix):
    with pytest.raises(ValueParseError) as caught:
        read_value(phrase)
    message = str(caught.value)
    assert f"'{prefix}' before" in message and "not a currency hirel knows" in message
    assert "no number found" not in message


def test_ambiguous_r_says_why_and_known_codes_read():
    with pytest.raises(ValueParseError) as caught:
        read_value("R1.5 billion")
    assert "rand" in str(caught.value) and "R$" in str(caught.value)
    assert read_value("ZAR 1.5 billion").unit == "ZAR"
    assert read_value("PHP 867.24 million").written[0] == pytest.approx(867.24e6)
    with pytest.raises(ValueParseError) as caught:
        read_value("nothing here")
    assert "no number found" in str(caught.value)


# --- 4. a count on a money proposition ------------------------------------------------------

def test_a_count_on_a_usd_proposition_says_it_has_no_currency():
    with pytest.raises(ValueParseError) as caught:
        read_value("700 people", expect="USD")
    message = str(caught.value)
    assert "no currency" in message and "USD" in message
    assert "after an amount of money" not in message
    with pytest.raises(ValueParseError) as caught:  # money written: the old message stands
        read_value("$700 people", expect="USD")
    assert "after an amount of money" in str(caught.value)
    assert read_value("30 million", expect="USD").written == (30e6, 30e6)


# --- 5. suggest: bounds, ratios, magnitudes ---------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("Death toll tops 700", [("tops 700", 700, None)]),
    ("Death Toll Soars Past 700", [("Past 700", 700, None)]),
    ("The toll rose beyond 1,000 on Monday", [("beyond 1,000", 1000, None)]),
    ("Officials said nearly 700 died", [("nearly 700", 630, 700)]),
    ("up to 300 dead and as many as 2,000 missing", [("up to 300 dead", 0, 300), ("as many as 2,000 missing", 0, 2000)]),
    ("More than half a million homes were destroyed in an event scientists said was 500 times stronger",
     [("More than half a million homes", 500000, None)]),
    ("The quake, measuring 8.8 on the Richter scale, struck; the death toll reached 708.", [("708", 708, 708)]),
    ("A magnitude 7.8 quake killed 19,136 people", [("19,136 people", 19136, 19136)]),
])
def test_find_values_keeps_bounds_and_skips_ratios_and_magnitudes(text, expected):
    found = [(f.text, *f.interval.written) for f in find_values(text)]
    assert found == expected


def test_left_words_come_from_the_value_vocabulary():
    from hirel.authoring.find_values import _LEFT_WORDS

    assert {"tops", "topped", "past", "passed", "surpassed", "exceeds", "exceeded", "beyond",
            "nearly", "almost", "up", "to", "as", "many"} <= _LEFT_WORDS
    assert not {"in", "the", "of", "on"} & _LEFT_WORDS  # never widen a figure over 'in 2012'


QUAKE = """\
---
title: Quake
outlet: Example Times
published: 2010-02-28
---
Quake
The quake, measuring 8.8 on the Richter scale, struck the coast, and the death toll reached 708.
Death toll tops 700 after the quake.
"""


def test_suggest_stubs_keep_the_bound_and_skip_the_magnitude(corpus, run):
    corpus.write("articles/quake.md", QUAKE)
    result = run("suggest", "quake")
    assert result.exit_code == 0, result.output
    values = [stub.get("value") for stub in yaml.safe_load(result.output)["claims"]]
    assert values == ["708", "tops 700"]
    data = parse_json(run("suggest", "quake", "--format", "json").output)
    assert all("8.8" not in str(s.get("value")) for s in data["suggestions"])


def test_each_figure_of_a_sentence_gets_its_own_stub(corpus, run):
    corpus.write("articles/toll.md", "---\ntitle: Toll\noutlet: Example Times\npublished: 2010-02-28\n---\n"
                 "Toll\nThe quake killed 708 people and left 2,000 homeless.\n")
    result = run("suggest", "toll")
    assert result.exit_code == 0, result.output
    stubs = yaml.safe_load(result.output)["claims"]
    assert [s["value"] for s in stubs] == ["708 people", "2,000 homeless"]
    assert len({s["id"] for s in stubs}) == 2
