"""`hirel add` on a text or Markdown article: the byline, date line and wire dateline of its
first lines are read; a sentence that holds a date is not a date line. Expected values by hand."""

from __future__ import annotations

import pytest
import yaml

from hirel.authoring.textheader import TextHeader, read_header

WIRE = "GAZA CITY, March 3 (Reuters) - Iran has stepped up its funding of Hamas, officials said on Sunday."


@pytest.mark.parametrize(("lines", "expected"), [
    (["Title", "By Jane Doe", "Published: March 3, 2024, 10:15 a.m.", "", WIRE],
     TextHeader("Jane Doe", "2024-03-03", "Reuters")),
    (["# Title", "", "Tuesday, 5 March 2024", "By: A. B | Staff", "", "Iran gave money, the minister said."],
     TextHeader("A. B", "2024-03-05", None)),
    (["Title", "*Updated on 2024-03-07 at 09:00 GMT*", "BEIRUT (AP) — Hezbollah said it fired rockets at a base."],
     TextHeader(None, "2024-03-07", "AP")),
    (["Title", "Written by Sam Ortiz", "Mar. 9, 2023"], TextHeader("Sam Ortiz", "2023-03-09", None)),
    # a year or a month is not a publication day; a sentence with a date is body text
    (["Title", "2024"], TextHeader()),
    (["Title", "March 2024"], TextHeader()),
    (["Title", "The talks opened on March 3, 2024, in Doha and went on until late at night."], TextHeader()),
    # an impossible day, a date beyond the header's first lines, a byline without a name
    (["Title", "February 30, 2024"], TextHeader()),
    (["Title", "", "", "", "", "", "", "March 3, 2024"], TextHeader()),
    (["Title", "By"], TextHeader()),
    # brackets that are not an agency after a place in capitals
    (["Title", "GAZA CITY (Local) - Iran has stepped up its funding of Hamas, officials said on Sunday."],
     TextHeader()),
    # the first date line and byline win
    (["Title", "By A", "By B", "1 May 2024", "2 May 2024"], TextHeader("A", "2024-05-01", None)),
])
def test_read_header(lines, expected):
    assert read_header(lines) == expected


def test_add_text_article(tmp_path, monkeypatch, run):
    monkeypatch.chdir(tmp_path)
    run("init")
    source = tmp_path / "story.txt"
    source.write_text("Iran steps up funding\nBy Jane Doe\nPublished: March 3, 2024, 10:15 a.m.\n\n" + WIRE + "\n",
                      encoding="utf-8")
    result = run("add", str(source))
    assert result.exit_code == 0, result.output
    [written] = (tmp_path / "data/articles").glob("*.md")
    front = written.read_text("utf-8").split("---\n")[1]
    assert front == ("title: Iran steps up funding\noutlet: Reuters\nauthor: Jane Doe\npublished: '2024-03-03'\n"
                     "notes: Date read from the article's date line; outlet read from the wire dateline.\n")
    # flags win over what the text says, and the notes say only what was read
    source.write_text("Another story\nBy Jane Doe\n3 March 2024\n\n" + WIRE.replace("Iran", "Tehran") + "\n",
                      encoding="utf-8")
    result = run("add", str(source), "--outlet", "Harbor Times", "--published", "2024-03-04", "--dry-run")
    assert result.exit_code == 0, result.output
    assert "outlet: Harbor Times\n" in result.output and "published: '2024-03-04'\n" in result.output
    assert "notes:" not in result.output


def test_text_article_without_outlet_asks_for_one(tmp_path, monkeypatch, run):
    monkeypatch.chdir(tmp_path)
    run("init")
    source = tmp_path / "story.md"
    source.write_text("# A story\n\nMarch 3, 2024\n\nIran gave Hamas $5 million in 2023, the report said.\n", "utf-8")
    result = run("add", str(source))
    assert result.exit_code != 0
    assert "--outlet" in result.output


def test_suggest_offers_no_stub_on_the_byline_or_date_line(corpus, run):
    corpus.write("articles/cuts.md", "---\ntitle: Cuts\noutlet: Example Times\npublished: 2023-01-06\n---\n"
                 "Amazon planning 18,000 job cuts\nBy Rob Thubron\nPublished: January 6, 2023\n\n"
                 "Amazon will cut 18,000 jobs, the company said on January 5.\n")
    result = run("suggest", "cuts")
    assert result.exit_code == 0, result.output
    quotes = [s["quote"] for s in yaml.safe_load(result.output)["claims"]]
    # the title holds a figure (a headline claims it); the byline and date lines are front matter
    assert quotes == ["Amazon planning 18,000 job cuts", "Amazon will cut 18,000 jobs, the company said on January 5."]
    assert result.output.startswith("# cuts: 0 of 2 checkable sentences covered")
