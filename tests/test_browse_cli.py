"""The browsing commands on the small corpus of conftest.py: golden outputs in every format.

The expectations are worked out by hand from the fixture (see the docstring of test_browse.py):
two topics (funding: iran-funding-per-year and hamas-founded; foreknowledge:
iran-foreknowledge), five claims in one article (test-article, Example Times, 2021-12-25, news,
reliability C, body from line 8), and two contradictions: the $360M/yr Hamas figure above the
$90M-$110M/yr for all Palestinian militant groups, and wsj-plot (supports) vs biden-no-intel
(refutes).

Tables are checked line by line as whitespace-separated words (robust to column widths) at a
fixed width (COLUMNS=120) with --color never.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
import typer

from conftest import ARTICLE, CLAIMS, ENTITIES

README = Path(__file__).resolve().parents[1] / "README.md"
COMMANDS_DOC = README.parent / "docs" / "commands.md"
BROWSING = ["topics", "propositions", "claims", "show", "sources", "timeline", "matrix"]


@pytest.fixture(autouse=True)
def fixed_width(monkeypatch):
    monkeypatch.setenv("COLUMNS", "120")


def ok(run, *args: str):
    result = run("--color", "never", *args)
    assert result.exit_code == 0, result.stderr
    return result


def words(stdout: str) -> list[list[str]]:
    """Every line of a table as its words."""
    return [line.split() for line in stdout.splitlines()]


def has_line(stdout: str, *expected: str) -> bool:
    return list(expected) in words(stdout)


def as_json(run, *args: str):
    result = ok(run, *args, "--format", "json")
    return json.loads(result.stdout)


def as_csv(run, *args: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(ok(run, *args, "--format", "csv").stdout)))


def markdown(run, *args: str) -> list[str]:
    return ok(run, *args, "--format", "markdown").stdout.splitlines()


NO_VERDICTS = {"contradiction": 0, "agreement": 0, "consistent": 0, "compatible": 0, "different-period": 0, "same-origin": 0,
               "unrelated": 0}
ONE_CONTRADICTION = NO_VERDICTS | {"contradiction": 1}

STATE_DEPT = {
    "id": "state-dept-100m",
    "proposition": "iran-funding-per-year",
    "article": "test-article",
    "outlet": "Example Times",
    "claimant": "U.S. Department of State",
    "origin": "U.S. Department of State",
    "via": [],
    "quote": "Iran provides about $100 million annually to Palestinian militant groups",
    "stance": None,
    "scope": "Palestinian militant groups",
    "value": {"text": "about $100 million per year", "low": 90000000, "high": 110000000, "unit": "USD/year",
              "display": "$90M–$110M/yr",
              # 'about' (±10%) is wider than the written precision of '100' (±5%): nothing to add
              "compared": {"low": 90000000, "high": 110000000, "display": "$90M–$110M/yr"}},
    "when": {"start": "2020-01-01", "end": "2020-12-31", "text": "2020", "display": "2020"},
    "certainty": "certain",
    "note": None,
    "problem": None,
}
WSJ_PLOT = {
    "id": "wsj-plot",
    "proposition": "iran-foreknowledge",
    "article": "test-article",
    "outlet": "Example Times",
    "claimant": "unnamed Hamas source",
    "origin": "unnamed Hamas source",
    "via": ["The Wall Street Journal"],
    "quote": "Iran helped plot the attack",
    "stance": "supports",
    "scope": None,
    "value": None,
    "when": {"start": None, "end": None, "text": None, "display": "unknown"},
    "certainty": "certain",
    "note": None,
    "problem": None,
}
FUNDING_CONTRADICTION = (
    "part exceeds whole: $360M/yr (from $30M/mo, per Example Times) for Hamas vs $90M–$110M/yr (per U.S. "
    "Department of State) for Palestinian militant groups, of which Hamas is a part")
CLAIMS_HEADER = ["id", "proposition", "article", "outlet", "claimant", "via", "says", "scope", "when", "certainty",
                 "quote", "note"]
STATE_DEPT_ROW = ["state-dept-100m", "iran-funding-per-year", "test-article", "Example Times",
                  "U.S. Department of State", "", "$90M–$110M/yr", "Palestinian militant groups", "2020", "certain",
                  "Iran provides about $100 million annually to Palestinian militant groups", ""]


# --------------------------------------------------------------------------- topics


def test_topics_table(corpus, run):
    out = ok(run, "topics").stdout
    assert has_line(out, "topic", "propositions", "claims", "articles", "origins", "contradictions")
    assert has_line(out, "funding", "2", "3", "1", "2", "1")
    assert has_line(out, "Iranian", "money", "for", "Hamas")
    assert has_line(out, "foreknowledge", "1", "2", "1", "2", "1")
    assert "2 topics, 3 propositions, 5 claims." in out


def test_topics_json(corpus, run):
    assert as_json(run, "topics") == {"topics": [
        {"id": "funding", "text": "Iranian money for Hamas", "propositions": 2,
         "stats": {"claims": 3, "articles": 1, "origins": 2, "contradictions": 1}, "counts": ONE_CONTRADICTION},
        {"id": "foreknowledge", "text": "Whether Iran knew of the attack", "propositions": 1,
         "stats": {"claims": 2, "articles": 1, "origins": 2, "contradictions": 1}, "counts": ONE_CONTRADICTION},
    ]}


def test_topics_csv_and_markdown(corpus, run):
    assert as_csv(run, "topics") == [
        ["topic", "propositions", "claims", "articles", "origins", "contradictions", "text"],
        ["funding", "2", "3", "1", "2", "1", "Iranian money for Hamas"],
        ["foreknowledge", "1", "2", "1", "2", "1", "Whether Iran knew of the attack"],
    ]
    assert markdown(run, "topics") == [
        "| topic | propositions | claims | articles | origins | contradictions | text |",
        "|---|---|---|---|---|---|---|",
        "| funding | 2 | 3 | 1 | 2 | 1 | Iranian money for Hamas |",
        "| foreknowledge | 1 | 2 | 1 | 2 | 1 | Whether Iran knew of the attack |",
    ]


# --------------------------------------------------------------------------- propositions


def test_propositions_table_groups_by_topic(corpus, run):
    out = ok(run, "propositions").stdout
    lines = words(out)
    assert lines.index(["funding", "Iranian", "money", "for", "Hamas"]) < lines.index(
        ["foreknowledge", "Whether", "Iran", "knew", "of", "the", "attack"])
    assert has_line(out, "iran-funding-per-year", "(quantity,", "USD/year)", "2", "1", "2", "1")
    assert has_line(out, "Money", "Iran", "gives", "per", "year")
    assert has_line(out, "hamas-founded", "(date)", "1", "1", "1", "0")
    assert has_line(out, "iran-foreknowledge", "(stance)", "2", "1", "2", "1")


def test_propositions_of_a_topic(corpus, run):
    out = ok(run, "propositions", "--topic", "foreknowledge").stdout
    assert "iran-foreknowledge" in out and "iran-funding-per-year" not in out


def test_propositions_json(corpus, run):
    assert as_json(run, "propositions", "--topic", "funding") == {"topic": "funding", "propositions": [
        {"id": "iran-funding-per-year", "topic": "funding", "text": "Money Iran gives per year", "kind": "quantity",
         "unit": "USD/year", "object": "Hamas", "changes_over_time": True, "measures": "level",
         "stats": {"claims": 2, "articles": 1, "origins": 2, "contradictions": 1}, "counts": ONE_CONTRADICTION},
        {"id": "hamas-founded", "topic": "funding", "text": "When Hamas was founded", "kind": "date", "unit": None,
         "object": None, "changes_over_time": False, "measures": "level",
         "stats": {"claims": 1, "articles": 1, "origins": 1, "contradictions": 0}, "counts": NO_VERDICTS},
    ]}
    assert as_json(run, "propositions")["topic"] is None


def test_propositions_csv_and_markdown(corpus, run):
    assert as_csv(run, "propositions") == [
        ["proposition", "topic", "kind", "unit", "claims", "articles", "origins", "contradictions", "text"],
        ["iran-funding-per-year", "funding", "quantity", "USD/year", "2", "1", "2", "1", "Money Iran gives per year"],
        ["hamas-founded", "funding", "date", "", "1", "1", "1", "0", "When Hamas was founded"],
        ["iran-foreknowledge", "foreknowledge", "stance", "", "2", "1", "2", "1", "Iran knew of the attack in advance"],
    ]
    assert markdown(run, "propositions", "--topic", "foreknowledge")[2] == (
        "| iran-foreknowledge | foreknowledge | stance |  | 2 | 1 | 2 | 1 | Iran knew of the attack in advance |")


# --------------------------------------------------------------------------- claims


def test_claims_table(corpus, run):
    out = ok(run, "claims").stdout
    assert has_line(out, "state-dept-100m", "$90M–$110M/yr", "for", "Palestinian", "militant", "groups", "·", "2020")
    assert has_line(out, "iran-funding-per-year", "·", "U.S.", "Department", "of", "State", "·", "test-article")
    assert has_line(out, "“Iran", "provides", "about", "$100", "million", "annually", "to", "Palestinian",
                    "militant", "groups”")
    assert has_line(out, "hamas-30m-month", "$360M/yr", "(from", "$30M/mo)")
    assert has_line(out, "iran-foreknowledge", "·", "unnamed", "Hamas", "source", "via", "The", "Wall", "Street",
                    "Journal", "·", "test-article")
    assert has_line(out, "founded-1987", "1987")
    assert "5 claims." in out


def test_claims_json(corpus, run):
    document = as_json(run, "claims")
    assert [c["id"] for c in document["claims"]] == ["state-dept-100m", "hamas-30m-month", "wsj-plot",
                                                     "biden-no-intel", "founded-1987"]
    assert document["claims"][0] == STATE_DEPT
    assert document["claims"][2] == WSJ_PLOT
    assert document["claims"][1]["value"]["original"] == {
        "text": "$30 million a month", "low": 30000000, "high": 30000000, "unit": "USD/month", "display": "$30M/mo",
        # '30' is written to the ten million: the cap, ±5%
        "compared": {"low": 28500000, "high": 31500000, "display": "$28.5M–$31.5M/mo"}}


def test_claims_csv_and_markdown(corpus, run):
    rows = as_csv(run, "claims", "--topic", "funding")
    assert rows[0] == CLAIMS_HEADER
    assert rows[1] == STATE_DEPT_ROW
    assert [row[0] for row in rows[1:]] == ["state-dept-100m", "hamas-30m-month", "founded-1987"]
    assert markdown(run, "claims", "--proposition", "iran-foreknowledge") == [
        "| claim | proposition | article | claimant | says | when | quote |",
        "|---|---|---|---|---|---|---|",
        ("| wsj-plot | iran-foreknowledge | test-article | unnamed Hamas source via The Wall Street Journal | supports "
         "| unknown | Iran helped plot the attack |"),
        ("| biden-no-intel | iran-foreknowledge | test-article | Biden administration | refutes | unknown "
         "| The Biden administration says it has no intelligence showing Iranian involvement |"),
    ]


@pytest.mark.parametrize("args, expected", [
    (["--claimant", "State Department"], ["state-dept-100m"]),
    (["--claimant", "Hamas"], ["wsj-plot"]),  # the unnamed Hamas source is part of Hamas
    (["--claimant", "U.S. government"], ["state-dept-100m", "biden-no-intel"]),
    (["--claimant", "WSJ"], []),  # via is not the claimant
    (["--article", "test-article", "--topic", "foreknowledge"], ["wsj-plot", "biden-no-intel"]),
    (["--search", "hundred milion anually"], ["state-dept-100m"]),
    (["-s", "biden no intel"], ["biden-no-intel"]),
])
def test_claims_filters(corpus, run, args, expected):
    assert [c["id"] for c in as_json(run, "claims", *args)["claims"]] == expected


def test_claims_search_shows_scores(corpus, run):
    (claim,) = as_json(run, "claims", "--search", "hundred milion anually")["claims"]
    assert 75 <= claim["score"] <= 100
    out = ok(run, "claims", "--search", "hundred milion anually").stdout
    assert f"(match {claim['score']:.0f}%)" in out
    assert "1 claim (best match first)." in out
    rows = as_csv(run, "claims", "--search", "plot the attack")
    assert rows[0] == CLAIMS_HEADER + ["score"]
    assert (rows[1][0], rows[1][-1]) == ("wsj-plot", "100.0")


def test_claims_none_match(corpus, run):
    assert ok(run, "claims", "--search", "xyzzy quux").stdout == "No claims match.\n"
    assert as_json(run, "claims", "--claimant", "WSJ") == {"claims": []}
    assert as_csv(run, "claims", "--claimant", "WSJ") == [CLAIMS_HEADER]


# --------------------------------------------------------------------------- show


def test_show_table(corpus, run):
    out = ok(run, "show", "state-dept-100m").stdout
    lines = words(out)
    assert lines[0] == ["state-dept-100m", "$90M–$110M/yr"]
    for line in (
        ["proposition", "iran-funding-per-year:", "Money", "Iran", "gives", "per", "year", "(quantity,", "USD/year)"],
        ["article", "test-article:", "A", "test", "article", "(Example", "Times,", "2021-12-25,", "news,",
         "reliability", "C)"],
        ["claimant", "U.S.", "Department", "of", "State", "(written", "'State", "Department')"],
        ["scope", "Palestinian", "militant", "groups"],
        ["when", "2020"],
        ["certainty", "certain"],
        ["value", "about", "$100", "million", "per", "year"],
        ["normalized", "$90M–$110M/yr"],
        ["Quote", "in", "data/articles/test-article.md,", "line", "8:"],
        # The paragraph (the whole short body), numbered with the file's lines; piped, the quote
        # is marked >>like this<<.
        ["8", ">>Iran", "provides", "about", "$100", "million", "annually", "to", "Palestinian", "militant",
         "groups<<,", "the", "State", "Department", "said."],
        ["12", "Hamas", "was", "founded", "in", "1987."],
        ["Findings", "(1):"],
        ["contradiction", "with", "hamas-30m-month", "(Example", "Times)"],
    ):
        assert line in lines, line
    assert " ".join(FUNDING_CONTRADICTION.split()) in " ".join(out.split())
    assert "read 'about $100 million per year' as about 100 million USD per year" in out


def test_show_a_claim_without_findings(corpus, run):
    out = ok(run, "show", "founded-1987").stdout
    assert has_line(out, "claimant", "Example", "Times", "(the", "article's", "outlet)")
    assert has_line(out, "Findings:", "none", "(no", "other", "claim", "on", "this", "proposition).")
    assert has_line(out, "12", ">>Hamas", "was", "founded", "in", "1987<<.")


def test_show_a_quote_not_in_the_article(corpus, run):
    corpus.write("claims/test-article.yaml", CLAIMS.replace('"Hamas was founded in 1987"', '"Hamas was born"'))
    result = run("--color", "never", "show", "founded-1987")
    assert result.exit_code == 0
    assert "Quote (the quote is not in the article text; hirel check says more):" in result.stdout
    assert "“Hamas was born”" in result.stdout


def test_show_json(corpus, run):
    document = as_json(run, "show", "state-dept-100m")
    claim = dict(document["claim"])
    steps = claim["value"].pop("steps")
    assert claim == STATE_DEPT
    assert steps[0] == "read 'about $100 million per year' as about 100 million USD per year"
    assert document["proposition"] == {"id": "iran-funding-per-year", "topic": "funding",
                                       "text": "Money Iran gives per year", "kind": "quantity", "unit": "USD/year",
                                       "object": "Hamas", "changes_over_time": True, "measures": "level"}
    assert document["article"] == {"id": "test-article", "path": "data/articles/test-article.md",
                                   "title": "A test article", "outlet": "Example Times", "author": None,
                                   "published": "2021-12-25", "url": None, "kind": "news", "reliability": "C"}
    context = document["context"]
    assert (context["path"], context["line"], context["paragraph_line"], context["occurrences"]) == (
        "data/articles/test-article.md", 8, 8, 1)
    assert context["paragraph"] == ARTICLE.split("---\n")[2].strip()
    assert context["paragraph"][context["start"]:context["end"]] == STATE_DEPT["quote"]
    assert document["findings"] == [{"verdict": "contradiction", "claims": ["state-dept-100m", "hamas-30m-month"],
                                     "explanation": FUNDING_CONTRADICTION, "proposition": "iran-funding-per-year",
                                     "other": "hamas-30m-month"}]


def test_show_csv_and_markdown(corpus, run):
    assert as_csv(run, "show", "state-dept-100m") == [CLAIMS_HEADER + ["line", "findings"],
                                                      STATE_DEPT_ROW + ["8", "contradiction: hamas-30m-month"]]
    lines = markdown(run, "show", "state-dept-100m")
    assert lines[:4] == ["## state-dept-100m", "", "| field | value |", "|---|---|"]
    assert "| normalized | $90M–$110M/yr |" in lines
    assert "data/articles/test-article.md, line 8:" in lines
    assert any(line.startswith("> **Iran provides about $100 million annually to Palestinian militant groups**, the")
               for line in lines)
    assert lines[-1] == f"| contradiction | hamas-30m-month | {FUNDING_CONTRADICTION} |"


def test_show_unknown_claim(corpus, run):
    result = run("show", "state-dept")
    assert result.exit_code == 2
    assert result.stderr == "hirel: unknown claim 'state-dept'; did you mean 'state-dept-100m'?\n"
    assert result.stdout == ""


# --------------------------------------------------------------------------- sources


def test_sources_table(corpus, run):
    out = ok(run, "sources").stdout
    # own: the article's figure for Hamas (no claimant) above the State Department's whole;
    # reported: the unnamed Hamas source vs the Biden administration.
    assert has_line(out, "test-article", "2021-12-25", "5", "1", "1")
    assert has_line(out, "Example", "Times", "·", "A", "test", "article", "news")
    assert has_line(out, "grade", "C")
    assert has_line(out, "test-article", "with", "itself")
    assert has_line(out, "on", "iran-funding-per-year")
    assert "iran-foreknowledge" not in out  # only reported: not charged to the article
    assert has_line(out, "Example", "Times", "1", "5", "1", "1", "C")


def test_sources_json(corpus, run):
    document = as_json(run, "sources")
    (article,) = document["articles"]
    assert {k: v for k, v in article.items() if k != "contradictions"} == {
        "id": "test-article", "path": "data/articles/test-article.md", "title": "A test article",
        "outlet": "Example Times", "author": None, "published": "2021-12-25", "url": None, "kind": "news",
        "reliability": "C", "stats": {"claims": 5, "contradictions": 1, "reported": 1}, "against": ["test-article"]}
    assert [(f["proposition"], f["verdict"], tuple(f["claims"]), f["role"]) for f in article["contradictions"]] == [
        ("iran-funding-per-year", "contradiction", ("state-dept-100m", "hamas-30m-month"), "own"),
        ("iran-foreknowledge", "contradiction", ("wsj-plot", "biden-no-intel"), "reported"),
    ]
    assert document["outlets"] == [{"name": "Example Times", "articles": ["test-article"],
                                    "stats": {"claims": 5, "contradictions": 1, "reported": 1}, "reliability": ["C"]}]


def test_sources_csv_and_markdown(corpus, run):
    assert as_csv(run, "sources") == [
        ["article", "outlet", "published", "kind", "reliability", "claims", "contradictions", "reported", "against",
         "title"],
        ["test-article", "Example Times", "2021-12-25", "news", "C", "5", "1", "1", "test-article", "A test article"],
    ]
    assert markdown(run, "sources") == [
        "## Articles", "",
        "| article | outlet | published | kind | reliability | claims | contradictions | reported | title |",
        "|---|---|---|---|---|---|---|---|---|",
        "| test-article | Example Times | 2021-12-25 | news | C | 5 | 1 | 1 | A test article |",
        "", "## Outlets", "",
        "| outlet | articles | claims | contradictions | reported | reliability |",
        "|---|---|---|---|---|---|",
        "| Example Times | 1 | 5 | 1 | 1 | C |",
    ]


# --------------------------------------------------------------------------- timeline


def test_timeline_table(corpus, run):
    out = ok(run, "timeline").stdout
    lines = words(out)
    # The order: the founding date (a date claim sorts at its date), 2020, then unknown periods.
    firsts = [line for line in lines if line and line[0] in ("1987", "2020", "unknown")]
    assert firsts == [
        ["1987", "Example", "Times:", "1987"],
        ["2020", "U.S.", "Department", "of", "State:", "$90M–$110M/yr", "for", "Palestinian", "militant", "groups"],
        ["unknown", "Example", "Times:", "$360M/yr", "(from", "$30M/mo)"],
        ["unknown", "unnamed", "Hamas", "source", "via", "The", "Wall", "Street", "Journal", "supports"],
        ["unknown", "Biden", "administration", "refutes"],
    ]
    assert ["(date", "When", "Hamas", "was", "founded"] in lines
    assert ["claimed)", "“Hamas", "was", "founded", "in", "1987”"] in lines
    assert ["founded-1987", "·", "test-article"] in lines
    assert ["Iran", "knew", "of", "the", "attack", "in", "advance"] in lines


def test_timeline_json(corpus, run):
    document = as_json(run, "timeline", "--topic", "funding")
    assert (document["topic"], document["proposition"]) == ("funding", None)
    assert [(c["id"], c["date"]) for c in document["claims"]] == [
        ("founded-1987", {"start": "1987-01-01", "end": "1987-12-31", "display": "1987", "basis": "value"}),
        ("state-dept-100m", {"start": "2020-01-01", "end": "2020-12-31", "display": "2020", "basis": "when"}),
        ("hamas-30m-month", {"start": None, "end": None, "display": "unknown", "basis": "unknown"}),
    ]
    second = dict(document["claims"][1])
    del second["date"]
    assert second == STATE_DEPT


def test_timeline_csv_and_markdown(corpus, run):
    header = ["date", "basis", "claim", "proposition", "says", "scope", "certainty", "claimant", "article", "quote"]
    assert as_csv(run, "timeline", "--proposition", "iran-funding-per-year") == [
        header,
        ["2020", "when", "state-dept-100m", "iran-funding-per-year", "$90M–$110M/yr", "Palestinian militant groups",
         "certain", "U.S. Department of State", "test-article", STATE_DEPT["quote"]],
        ["unknown", "unknown", "hamas-30m-month", "iran-funding-per-year", "$360M/yr (from $30M/mo)", "Hamas",
         "certain", "Example Times", "test-article", 'Hamas receives "$30 million monthly" from Tehran'],
    ]
    assert markdown(run, "timeline", "--topic", "foreknowledge") == [
        "| " + " | ".join(header) + " |",
        "|---|---|---|---|---|---|---|---|---|---|",
        ("| unknown | unknown | wsj-plot | iran-foreknowledge | supports |  | certain | unnamed Hamas source via The "
         "Wall Street Journal | test-article | Iran helped plot the attack |"),
        ("| unknown | unknown | biden-no-intel | iran-foreknowledge | refutes |  | certain | Biden administration "
         "| test-article | The Biden administration says it has no intelligence showing Iranian involvement |"),
    ]


# --------------------------------------------------------------------------- matrix


def test_matrix_table(corpus, run):
    out = ok(run, "matrix", "funding").stdout
    assert has_line(out, "source", "P1", "P2", "all")
    assert has_line(out, "Example", "Times", "A1", "$360M/yr", "!", "1987", "2v", "1!")
    # † the claim is about another scope (all Palestinian militant groups) than the object, Hamas.
    assert has_line(out, "U.S.", "Department", "of", "State", "A1", "$90M–$110M/yr†", "!", "·", "1v", "1!")
    assert has_line(out, "all", "(2", "independent", "origins)", "2v", "1!", "1v", "3v", "1!")
    assert has_line(out, "P1", "iran-funding-per-year:", "Money", "Iran", "gives", "per", "year", "(quantity,",
                    "USD/year)")
    assert has_line(out, "P2", "hamas-founded:", "When", "Hamas", "was", "founded", "(date)")
    assert has_line(out, "A1", "test-article")


def test_matrix_stances(corpus, run):
    out = ok(run, "matrix", "foreknowledge").stdout
    assert has_line(out, "Biden", "administration", "A1", "✗", "!", "✗1", "1!")
    assert has_line(out, "unnamed", "Hamas", "source", "A1", "✓", "!", "✓1", "1!")
    assert has_line(out, "all", "(2", "independent", "origins)", "✓1", "✗1", "1!", "✓1", "✗1", "1!")


def test_matrix_ascii(corpus, run):
    out = ok(run, "matrix", "foreknowledge", "--ascii").stdout
    assert has_line(out, "Biden", "administration", "A1", "-", "!", "-1", "1!")
    assert has_line(out, "unnamed", "Hamas", "source", "A1", "+", "!", "+1", "1!")
    assert out.isascii()
    funding = ok(run, "matrix", "funding", "--ascii").stdout
    assert has_line(funding, "U.S.", "Department", "of", "State", "A1", "$90M-$110M/yr^", "!", ".", "1v", "1!")
    assert funding.isascii()


def test_matrix_ascii_on_a_terminal_that_is_not_utf8(corpus):
    from typer.testing import CliRunner

    from hirel.cli import app

    result = CliRunner(charset="latin-1").invoke(app, ["--color", "never", "matrix", "foreknowledge"])
    assert result.exit_code == 0
    assert has_line(result.stdout, "unnamed", "Hamas", "source", "A1", "+", "!", "+1", "1!")
    assert result.stdout.isascii()


def test_matrix_json(corpus, run):
    document = as_json(run, "matrix", "foreknowledge")
    assert (document["topic"], document["text"], document["origins"]) == (
        "foreknowledge", "Whether Iran knew of the attack", 2)
    assert document["propositions"] == [{
        "id": "iran-foreknowledge", "topic": "foreknowledge", "text": "Iran knew of the attack in advance",
        "kind": "stance", "unit": None, "object": None, "changes_over_time": False, "measures": "level", "key": "P1", "origins": 2,
        "tally": {"claims": 2, "supports": 1, "refutes": 1, "values": 0, "contradictions": 1}}]
    biden, hamas_source = document["sources"]
    assert (biden["origin"], biden["articles"], biden["part_of"], biden["tally"]) == (
        "Biden administration", ["test-article"], [],
        {"claims": 1, "supports": 0, "refutes": 1, "values": 0, "contradictions": 1})
    assert hamas_source["cells"] == {"iran-foreknowledge": {"claims": [WSJ_PLOT], "contradictions": 1}}
    assert document["tally"] == {"claims": 2, "supports": 1, "refutes": 1, "values": 0, "contradictions": 1}


def test_matrix_csv_and_markdown(corpus, run):
    assert as_csv(run, "matrix", "funding") == [
        ["origin", "articles", "part_of", "iran-funding-per-year", "hamas-founded", "supports", "refutes", "values",
         "contradictions"],
        ["Example Times", "test-article", "", "$360M/yr (from $30M/mo)", "1987", "0", "0", "2", "1"],
        ["U.S. Department of State", "test-article", "", "$90M–$110M/yr", "", "0", "0", "1", "1"],
    ]
    assert markdown(run, "matrix", "foreknowledge") == [
        "| source | articles | iran-foreknowledge | all |",
        "|---|---|---|---|",
        "| Biden administration | test-article | ✗ ! | ✗1 1! |",
        "| unnamed Hamas source | test-article | ✓ ! | ✓1 1! |",
        "| all (2 independent origins) |  | ✓1 ✗1 1! | ✓1 ✗1 1! |",
    ]


def test_matrix_splits_a_wide_grid_instead_of_folding_it(corpus, run, monkeypatch):
    monkeypatch.setenv("COLUMNS", "44")
    out = ok(run, "matrix", "funding").stdout
    lines = words(out)
    # Two grids, each with the source column: P1 and P2 in the first, the tally in the second.
    assert ["source", "P1", "P2"] in lines
    assert ["source", "all"] in lines
    assert ["Example", "Times", "$360M/yr", "!", "1987"] in lines
    assert ["Example", "Times", "2v", "1!"] in lines


# --------------------------------------------------------------------------- unknown names


@pytest.mark.parametrize("args, message", [
    (["propositions", "--topic", "fundng"], "unknown topic 'fundng'; did you mean 'funding'?"),
    (["claims", "--topic", "fundng"], "unknown topic 'fundng'; did you mean 'funding'?"),
    (["claims", "--proposition", "iran-foreknowlege"],
     "unknown proposition 'iran-foreknowlege'; did you mean 'iran-foreknowledge'?"),
    (["claims", "--article", "test-artcle"], "unknown article 'test-artcle'; did you mean 'test-article'?"),
    (["claims", "--claimant", "Biden administraton"],
     "unknown claimant 'Biden administraton'; did you mean 'Biden administration'?"),
    (["timeline", "--topic", "forknowledge"], "unknown topic 'forknowledge'; did you mean 'foreknowledge'?"),
    (["timeline", "--proposition", "hamas-founding"],
     "unknown proposition 'hamas-founding'; did you mean 'hamas-founded'?"),
    (["matrix", "fundin"], "unknown topic 'fundin'; did you mean 'funding'?"),
    (["show", "wsj-plt"], "unknown claim 'wsj-plt'; did you mean 'wsj-plot'?"),
])
@pytest.mark.parametrize("fmt", ["table", "json"])
def test_unknown_names_exit_2_with_one_line(corpus, run, args, message, fmt):
    result = run(*args, "--format", fmt)
    assert result.exit_code == 2
    assert result.stderr == f"hirel: {message}\n"
    assert result.stdout == ""


# --------------------------------------------------------------------------- untrusted text

EVIL = "[bold red]x[/] and [/b] :smile: \x1b[31mred"
EVIL_SHOWN = "[bold red]x[/] and [/b] :smile: red"  # literal, the escape sequence removed
EVIL_NAME = "[/b][bold red]x[/] :smile:"


@pytest.fixture
def evil(corpus):
    corpus.write("articles/test-article.md", ARTICLE + f"Evil {EVIL} here.\n")
    corpus.write("entities.yaml", ENTITIES + f'"{EVIL_NAME}": {{}}\n')
    corpus.write("claims/test-article.yaml", CLAIMS + f"""\
  - id: evil-quote
    proposition: iran-foreknowledge
    quote: "[bold red]x[/] and [/b] :smile: \\e[31mred"
    claimant: "{EVIL_NAME}"
    stance: supports
    note: "[blink]note[/blink] :smile:"
  - id: evil-value
    proposition: iran-funding-per-year
    quote: "Evil [bold red]x[/]"
    claimant: "{EVIL_NAME}"
    value: "[bold red]x[/] :smile:"
""")
    return corpus


def assert_literal(out: str) -> None:
    assert "\x1b" not in out and "\x9b" not in out
    assert "😄" not in out
    assert EVIL_NAME in out


@pytest.mark.parametrize("args", [
    ["show", "evil-quote"], ["claims"], ["claims", "--search", "smile red"], ["timeline"],
])
def test_quotes_and_names_are_shown_literally(evil, run, args):
    out = ok(run, *args).stdout
    assert_literal(out)
    assert EVIL_SHOWN in out


def test_show_shows_notes_literally(evil, run):
    out = ok(run, "show", "evil-quote").stdout
    assert has_line(out, "note", "[blink]note[/blink]", ":smile:")
    assert f">>{EVIL_SHOWN}<<" in out


@pytest.mark.parametrize("topic", ["foreknowledge", "funding"])
def test_matrix_shows_names_and_values_literally(evil, run, topic):
    out = ok(run, "matrix", topic).stdout
    assert_literal(out)
    if topic == "funding":  # the unreadable value as written, marked '?'
        assert "[bold red]x[/] :smile:?" in out


@pytest.mark.parametrize("args", [["claims"], ["show", "evil-quote"], ["timeline"], ["matrix", "foreknowledge"]])
def test_json_keeps_the_text_and_prints_only_json(evil, run, args):
    result = run(*args, "--format", "json")
    assert result.exit_code == 0
    document = json.loads(result.stdout)
    # Data keeps the text as written; JSON encodes the escape character as \u001b.
    assert repr(EVIL)[1:-1] in repr(document)
    assert "\x1b" not in result.stdout


@pytest.mark.parametrize("command", [["topics"], ["propositions"], ["claims"], ["show", "wsj-plot"], ["sources"],
                                     ["timeline"], ["matrix", "funding"]])
def test_json_is_alone_on_stdout_when_the_corpus_has_errors(corpus, run, command):
    corpus.write("claims/test-article.yaml", CLAIMS + "    colour: red\n")  # an unknown field: a load error
    result = run(*command, "--format", "json")
    assert result.exit_code == 0
    json.loads(result.stdout)
    assert "hirel: note: the corpus has 1 error(s)" in result.stderr


def test_csv_and_markdown_drop_escapes(evil, run):
    for fmt, shown in (("csv", EVIL_SHOWN), ("markdown", EVIL_SHOWN.replace("[", "\\[").replace("]", "\\]"))):
        out = run("claims", "--format", fmt).stdout
        assert "\x1b" not in out
        assert shown in out


# --------------------------------------------------------------------------- output rules


LONG_QUOTE = "Iran and Hamas " + " ".join(f"word{n}" for n in range(80)) + " end of the long quote"


def test_nothing_is_cut_off_when_piped(corpus, run, monkeypatch):
    monkeypatch.setenv("COLUMNS", "80")
    corpus.write("articles/test-article.md", ARTICLE + LONG_QUOTE + ".\n")
    corpus.write("claims/test-article.yaml", CLAIMS + f"""\
  - id: long-quote
    proposition: iran-foreknowledge
    quote: "{LONG_QUOTE}"
    stance: supports
""")
    for args in (["claims"], ["timeline"], ["show", "long-quote"]):
        out = ok(run, *args).stdout
        assert "…" not in out, args
        flowing = " ".join(out.split())  # table cells wrap at 80 columns
        assert "word0 word1 word2" in flowing and "word79 end of the long quote" in flowing, args


def test_no_colour_codes_with_no_color(corpus, run):
    # The corpus fixture sets NO_COLOR; --color auto must honour it.
    for command in (["topics"], ["claims"], ["show", "wsj-plot"], ["sources"], ["timeline"], ["matrix", "funding"]):
        result = run(*command)
        assert result.exit_code == 0
        assert "\x1b[" not in result.stdout, command


def test_colour_when_asked(corpus, run):
    result = run("--color", "always", "show", "wsj-plot")
    assert "\x1b[" in result.stdout
    assert ">>" not in result.stdout  # the quote is highlighted by colour, not marked


# --------------------------------------------------------------------------- help and docs


def registered_commands() -> dict:
    from hirel.cli import app

    return typer.main.get_command(app).commands


def test_every_browsing_command_is_registered():
    assert set(BROWSING) <= set(registered_commands())


@pytest.mark.parametrize("name", sorted(registered_commands()))
def test_every_command_help_ends_with_an_example(name):
    command = registered_commands()[name]
    lines = [line.strip() for line in (command.help or "").strip().splitlines() if line.strip()]
    assert lines, f"{name} has no help"
    assert lines[-1].startswith("Example: hirel "), f"{name}: the help's last line is {lines[-1]!r}"


@pytest.mark.parametrize("name", sorted(registered_commands()))
def test_every_command_is_in_the_readme_and_the_reference(name):
    assert f"`hirel {name}" in README.read_text(encoding="utf-8"), f"README.md does not list `hirel {name}`"
    assert f"hirel {name}" in COMMANDS_DOC.read_text(encoding="utf-8"), f"docs/commands.md does not document `hirel {name}`"


@pytest.mark.parametrize("name", BROWSING)
def test_browsing_commands_share_option_names(name):
    options = {opt for param in registered_commands()[name].params for opt in getattr(param, "opts", [])}
    assert {"--format", "-f"} <= options
    if name in ("propositions", "claims", "timeline"):
        assert "--topic" in options


def test_a_terminal_gets_a_long_paragraph_shortened_around_the_quote(corpus, run, monkeypatch):
    before = " ".join(f"before{n}" for n in range(120))
    after = " ".join(f"after{n}" for n in range(120))
    corpus.write("articles/test-article.md", ARTICLE + f"{before} Iran knew it all along. {after}\n")
    corpus.write("claims/test-article.yaml", CLAIMS + """\
  - id: in-a-long-line
    proposition: iran-foreknowledge
    quote: "Iran knew it all along."
    stance: supports
""")
    piped = ok(run, "show", "in-a-long-line").stdout
    assert "…" not in piped and "before0 " in piped and "after119" in piped
    forced = ok(run, "--color", "always", "show", "in-a-long-line").stdout  # colour forced, still piped
    assert "…" not in forced and "before0 " in forced and "after119" in forced
    monkeypatch.setattr("hirel.output.browsing.show.is_tty", lambda stream: True)  # now a terminal
    out = run("show", "in-a-long-line").stdout
    assert "…" in out
    assert "before119" in out and "before0 " not in out
    assert "after0" in out and "after119" not in out


def test_matrix_cell_with_several_claims(corpus, run):
    corpus.write("articles/test-article.md", ARTICLE + "Hamas also gets $40 million a month.\n")
    corpus.write("claims/test-article.yaml", CLAIMS + """\
  - id: hamas-40m-month
    proposition: iran-funding-per-year
    quote: "Hamas also gets $40 million a month"
    value: $40 million a month
    certainty: possible
""")
    out = ok(run, "matrix", "funding").stdout
    # Example Times now gives two values on P1, one per line; the second only 'possible'.
    # 3 contradictions: each figure exceeds the whole's, and the two figures contradict each other.
    # Each value that takes part in a contradiction is marked on its own line.
    assert has_line(out, "Example", "Times", "A1", "$360M/yr", "!", "1987", "3v", "3!")
    assert has_line(out, "$480M/yr?", "!")
    assert as_csv(run, "matrix", "funding")[1][3] == "$360M/yr (from $30M/mo); $480M/yr (from $40M/mo)"
