"""`hirel suggest`: a day or month written without a year is read in the article's year, or in
the year before when it would fall after the article's date and nothing looks ahead."""

from __future__ import annotations

import pytest
import yaml


@pytest.mark.parametrize(("sentence", "when"), [
    # a past event in a month after the article's date (5 January 2023): the November before
    ("Back in November, the New York Times reported that Amazon would cut 10,000 jobs.", "2022-11"),
    ("On November 16, Jassy said 10,000 jobs would go.", "2022-11-16"),
    ("Since October, 4,000 workers have left.", "2022-10/"),
    # words that look ahead before the month: the article's year
    ("Amazon will cut 8,000 more jobs in February, the company said.", "2023-02"),
    ("Fees would rise by about 20% from April, the port said.", "2023-04/"),
    ("The plan is expected to cut 2,000 jobs by March.", "/2023-03"),
    # not after the article's date: the article's year, whatever the capital letter
    ("In January, 300 workers left.", "2023-01"),
    ("On January 3, 300 workers left.", "2023-01-03"),
])
def test_year_of_a_yearless_date(corpus, run, sentence, when):
    corpus.write("articles/dated.md", f"---\ntitle: Cuts\noutlet: Example Times\npublished: 2023-01-05\n---\n"
                                      f"{sentence}\n")
    result = run("suggest", "dated")
    assert result.exit_code == 0, result.output
    [stub] = [s for s in yaml.safe_load(result.output)["claims"] if "value" not in s or s.get("when")]
    assert stub["when"] == when
