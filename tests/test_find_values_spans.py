"""`suggest`'s value finder: a number that says when ('the past 12 months') is not a figure."""

from __future__ import annotations

import pytest

from hirel.authoring.find_values import find_values


@pytest.mark.parametrize(("text", "values"), [
    ("In the past 12 months, the stock has plummeted nearly 50%.", ["nearly 50%"]),  # was also 'past 12' (≥ 12)
    ("Over the next five years, Iran will give $100 million.", ["$100 million"]),
    ("Amazon cut 18,000 jobs in the last 2 months.", ["18,000 jobs"]),
    ("In its first 100 days, the government freed 300 prisoners.", ["300 prisoners"]),
    # a figure before a duration word, without a word that starts a span, is still found
    ("The 2 years of talks cost $5 million.", ["2", "$5 million"]),
])
def test_spans_of_time_are_not_figures(text, values):
    assert [v.text for v in find_values(text)] == values
