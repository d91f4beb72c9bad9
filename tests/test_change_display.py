"""A value on a proposition that `measures: change` is shown as a change, never as a level.

"increased by over 50%" was shown as "≥ 50%", which reads as a level of 50% or more; it is a
rise of at least 50% ("up at least 50%"). Tables, `show`, positions, the matrix and the chart's
axis show changes signed or in words; JSON keeps its fields and adds an optional ``change``.
"""

from __future__ import annotations

import json

import pytest

from conftest import PROPOSITIONS, replace_once, text
from hirel.model import Interval
from hirel.values.figures import format_change, format_figure


@pytest.mark.parametrize("low, high, unit, expected", [
    (50, None, "percent", "up at least 50%"),      # 'up more than 50%'
    (None, -50, "percent", "down at least 50%"),
    (-100, -50, "percent", "down 50%–100%"),       # 'down more than 50%': nothing falls by more than all
    (-33, -27, "percent", "down 27%–33%"),         # 'down about 30%'
    (10, 20, "percent", "up 10%–20%"),
    (21, 21, "percent", "+21%"),
    (-50, -50, "percent", "-50%"),                 # 'halved'
    (0, 0, "percent", "no change"),
    (-5, 10, "percent", "-5% to +10%"),
    (0, 5, "percent", "0% to +5%"),                # zero is a change like any other, not a floor
    (-30, None, "percent", "≥ -30%"),
    (None, 20, "percent", "≤ +20%"),
    (None, None, "percent", "any change"),
    (5e8, 5e8, "USD/year", "+$500M/yr"),           # 'up $500 million' (absolute)
    (-5e8, -5e8, "USD", "-$500M"),
    (4e8, 6e8, "USD/year", "up $400M–$600M/yr"),
    (1000, None, "count", "up at least 1,000"),
])
def test_format_change(low, high, unit, expected):
    assert format_change(Interval(low, high, unit)) == expected


def test_as_written_and_as_compared():
    interval = Interval(47.5, None, "percent", written=(50, None))
    assert format_change(interval) == "up at least 50%"
    assert format_change(interval, compared=True) == "up at least 47.5%"
    assert format_figure(interval) == "≥ 50%"  # a level: as before
    assert format_figure(interval, change=True, compared=True) == "up at least 47.5%"


# A corpus with a change proposition and two claims on it: one rise of at least 50%, one fall
# of about 30% (read as -33 to -27), from two outlets (so they are two positions, in dispute).
CHANGE_PROPOSITION = """\
  support-change:
    topic: funding
    text: Change in Iran's support since 2015
    kind: quantity
    unit: percent
    measures: change
    object: Hamas
"""

ARTICLE_B = text("""
    ---
    title: Another article
    outlet: The Wall Street Journal
    published: 2022-01-05
    ---
    Iran's support for Hamas is down about 30% since 2015, officials said.
""")


@pytest.fixture
def changes(corpus):
    corpus.write("propositions.yaml", PROPOSITIONS + CHANGE_PROPOSITION)
    corpus.write("articles/test-article.md", replace_once(
        (corpus.path("articles/test-article.md")).read_text(encoding="utf-8"),
        "Hamas was founded in 1987.\n",
        "Hamas was founded in 1987.\nIran has increased its support to Hamas by over 50% since 2015.\n"))
    corpus.write("claims/test-article.yaml", corpus.path("claims/test-article.yaml").read_text(encoding="utf-8") + (
        "  - id: up-over-50\n"
        "    proposition: support-change\n"
        '    quote: "Iran has increased its support to Hamas by over 50%"\n'
        "    value: increased by over 50%\n"
        '    when: "2015/"\n'))
    corpus.write("articles/other.md", ARTICLE_B)
    corpus.write("claims/other.yaml", text("""
        claims:
          - id: down-about-30
            proposition: support-change
            quote: "Iran's support for Hamas is down about 30% since 2015"
            value: down about 30%
            when: "2015/"
    """))
    return corpus


def test_the_corpus_is_clean(changes, run):
    result = run("check")
    assert result.exit_code == 0, result.stdout


def test_claims_and_show_show_changes(changes, run):
    listed = run("claims", "--proposition", "support-change", "--format", "csv").stdout.splitlines()
    header = listed[0].split(",")
    says = {row.split(",")[0]: row.split(",")[header.index("says")] for row in listed[1:]}
    assert says == {"up-over-50": "up at least 50%", "down-about-30": "down 27%–33%"}
    shown = run("show", "up-over-50").stdout
    assert "normalized    up at least 50%" in shown
    # a bound is compared as written: no second figure to show
    assert " compared as   " not in shown  # (the steps say "a bound is compared as written")
    assert "a bound is compared as written: at least 50 percent" in shown
    assert "≥ 50%" not in shown


def test_positions_and_the_chart_show_changes(changes, run):
    out = run("compare", "support-change").stdout
    # The dispute and the finding explain with changes too.
    explanation = ("down 27%–33% (per The Wall Street Journal) vs up at least 50% (per Example Times) for Hamas: "
                   "the figures do not overlap")
    document = json.loads(run("compare", "support-change", "--format", "json").stdout)["propositions"][0]
    assert [d["explanation"] for d in document["disputes"]] == [explanation]
    assert [f["explanation"] for f in document["findings"]] == [explanation]
    assert "up-over-50  up at least 50% · since 2015  (p2)" in out
    assert "down-about-30  down 27%–33% · since 2015  (p1)" in out
    lines = out.splitlines()
    # The chart: a bar per position, labelled with its figure as a change, and an axis of signed
    # changes from the fall (-33%, the left end) to the rise.
    bars = {line.split()[0]: line.split("▶")[-1].split("█")[-1].strip() for line in lines
            if line.startswith("  p") and "█" in line}
    assert bars == {"p1": "down 27%–33%, per The Wall Street Journal", "p2": "up at least 50%, per Example Times"}
    axis = lines[lines.index(next(line for line in lines if line.startswith("  p2"))) + 1].split()
    assert axis[0] == "-33%" and all(tick.startswith(("+", "-")) for tick in axis), axis
    markdown = run("compare", "support-change", "--format", "markdown").stdout
    assert "| p1 | down 27%–33% |" in markdown and "| p2 | up at least 50% |" in markdown


def test_the_matrix_shows_changes(changes, run):
    out = run("matrix", "funding", "--format", "csv").stdout
    assert "up at least 50%" in out and "down 27%–33%" in out


def test_json_keeps_its_fields_and_adds_change(changes, run):
    document = json.loads(run("compare", "support-change", "--format", "json").stdout)
    prop = document["propositions"][0]
    claims = {c["id"]: c["value"] for c in prop["claims"]}
    assert claims["up-over-50"]["display"] == "≥ 50%"  # unchanged
    assert claims["up-over-50"]["change"] == {"display": "up at least 50%", "compared": "up at least 50%"}
    assert claims["down-about-30"]["change"] == {"display": "down 27%–33%", "compared": "down 27%–33%"}
    position = next(p for p in prop["positions"] if p["claims"] == ["up-over-50"])
    assert position["display"] == "≥ 50%"
    assert position["value"]["change"] == {"display": "up at least 50%", "compared": "up at least 50%"}
    # A level proposition's values have no change field.
    funding = json.loads(run("compare", "iran-funding-per-year", "--format", "json").stdout)
    assert all("change" not in c["value"] for c in funding["propositions"][0]["claims"])
    assert all("change" not in p["value"] for p in funding["propositions"][0]["positions"])


def test_value_change(run):
    out = run("value", "--change", "up more than 50%").stdout
    assert out.splitlines()[0].split(None, 2)[2] == "up at least 50%"
    assert "compared as   up at least 50%" in out  # a bound as written
    document = json.loads(run("value", "--change", "halved", "--format", "json").stdout)
    assert document["change"] == {"display": "-50%", "compared": "down 47.5%–52.5%"}
    assert "change" not in json.loads(run("value", "50%", "--format", "json").stdout)
