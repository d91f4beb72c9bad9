"""A value that says how likely a figure is ("could reach 20,000") is refused with a hint to
write the figure and the claim's certainty; it is never read as the figure alone."""

from __future__ import annotations

import pytest

from hirel import ValueParseError, read_value


@pytest.mark.parametrize(("phrase", "word", "certainty"), [
    ("could reach 20,000", "could", "possible"),          # a mayor's projection of a flood's toll
    ("may have reached 20,000", "may", "possible"),
    ("might top 1 million", "might", "possible"),
    ("is expected to rise to 18,000", "expected", "likely"),
    ("is set to reach $5 billion", "set", "likely"),
    ("projected $5m", "projected", "likely"),
    ("feared to be 300", "feared", "possible"),
])
def test_refused_with_the_certainty(phrase, word, certainty):
    with pytest.raises(ValueParseError) as caught:
        read_value(phrase, unit="USD" if "$" in phrase else "count")
    message = str(caught.value)
    assert f"'{word}' says how likely the figure is, not what it is" in message
    assert f"'certainty: {certainty}' on the claim" in message


def test_check_reports_it_on_the_value(corpus, run):
    corpus.write("claims/test-article.yaml", """\
claims:
  - id: projected
    proposition: iran-funding-per-year
    quote: "Iran provides about $100 million annually to Hamas"
    value: could reach $100 million a year
""")
    result = run("check")
    assert result.exit_code == 1
    assert "data/claims/test-article.yaml:5:12: HR405" in result.output
    assert "'could' says how likely the figure is" in result.output


def test_a_verb_after_the_count_keeps_its_message():
    with pytest.raises(ValueParseError, match="'could' .at character 8. is a verb, not what the figure counts"):
        read_value("20,000 could", unit="count")
