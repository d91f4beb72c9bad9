"""`hirel claims --search`: a number in the query matches the same number or nothing; words may
be misspelt. Grouped digits and number words are read as the number they write."""

from __future__ import annotations

import pytest

from conftest import ARTICLE, CLAIMS, parse_json
from hirel.views.claims import _search_words

TOLLS = """
The toll rose to 11,300 dead in the city, officials said.
Another 10,100 people are missing.
Earlier, 5,500 deaths had been counted.
"""

TOLL_CLAIMS = """\
  - id: toll-11300
    proposition: iran-foreknowledge
    quote: "The toll rose to 11,300 dead in the city"
    stance: supports
  - id: missing-10100
    proposition: iran-foreknowledge
    quote: "Another 10,100 people are missing."
    stance: supports
  - id: earlier-5500
    proposition: iran-foreknowledge
    quote: "Earlier, 5,500 deaths had been counted."
    stance: supports
"""


@pytest.mark.parametrize(("text", "words"), [
    ("11,300 dead", ["11300", "dead"]),
    ("eleven thousand three hundred", ["11300"]),
    ("three hundred and five", ["305"]),
    ("two thousand", ["2000"]),
    ("hundred milion", ["100", "milion"]),  # 'million' stays a word, as '$100 million' writes it
    ("$1.5 billion", ["1.5", "billion"]),
    ("1 000 000 people", ["1000000", "people"]),
    ("Iran and Hamas", ["iran", "and", "hamas"]),
    ("in 2019 300 people", ["in", "2019", "300", "people"]),
    ("thousands of", ["1000s", "of"]),
])
def test_search_words(text, words):
    assert _search_words(text) == words


@pytest.mark.parametrize(("query", "expected"), [
    ("11300", ["toll-11300"]),
    ("11,300", ["toll-11300"]),
    ("eleven thousand three hundred", ["toll-11300"]),
    ("toll 11300 deaths", ["toll-11300"]),  # the words may be near, the number must be exact
    ("10,100 misisng", ["missing-10100"]),
    ("11,400", []),  # no fuzzy number: 11,300 and 10,100 are other figures
    ("5500", ["earlier-5500"]),
])
def test_numbers_match_exactly(corpus, run, query, expected):
    corpus.write("articles/test-article.md", ARTICLE + TOLLS)
    corpus.write("claims/test-article.yaml", CLAIMS + TOLL_CLAIMS)
    result = run("claims", "--search", query, "--format", "json")
    assert result.exit_code == 0, result.output
    assert [c["id"] for c in parse_json(result.output)["claims"]] == expected
