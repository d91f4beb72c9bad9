"""`hirel compare` and `hirel value` on the small corpus of conftest.py.

The fixture corpus (conftest.py), worked out by hand:

* iran-funding-per-year (USD/year, object Hamas, changes over time)
    state-dept-100m   about $100 million per year, scope Palestinian militant groups, 2020
                      -> [9e7, 1.1e8] USD/year ('about' = ±10%)
    hamas-30m-month   $30 million a month, scope Hamas (the object), period unknown
                      -> 3e7 x 12 = 3.6e8 USD/year
  Hamas is part_of Palestinian militant groups; an unknown period overlaps 2020; the part's
  3.6e8 is above the whole's 1.1e8: a part-exceeds-whole contradiction (the only pair).
* iran-foreknowledge (stance): wsj-plot (unnamed Hamas source via WSJ) supports,
  biden-no-intel (Biden administration) refutes: a contradiction, independent origins.
* hamas-founded (date, topic funding): one claim, no pairs.
"""

from __future__ import annotations

import csv
import io
import json

import pytest

from conftest import ARTICLE, CLAIMS, ENTITIES

FUNDING_PAIR = {"state-dept-100m", "hamas-30m-month"}
FORE_PAIR = {"wsj-plot", "biden-no-intel"}


def compare_json(run, *args: str) -> dict:
    result = run("compare", *args, "--format", "json")
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


def add_claims(corpus, article_lines: str, claims_yaml: str, entities: str = "") -> None:
    """Append text to the fixture article, claims to its claims file, entities to entities.yaml."""
    corpus.write("articles/test-article.md", ARTICLE + article_lines)
    corpus.write("claims/test-article.yaml", CLAIMS + claims_yaml)
    if entities:
        corpus.write("entities.yaml", ENTITIES + entities)


# A third foreknowledge claim that reuses a passage already in the article: WSJ itself
# supports -> agreement with wsj-plot (origins unnamed Hamas source vs WSJ: independent) and
# contradiction with biden-no-intel. Findings: 2 contradictions, 1 agreement.
WSJ_CLAIM = """\
  - id: wsj-own
    proposition: iran-foreknowledge
    quote: "The Wall Street Journal reported that Iran helped plot the attack"
    claimant: WSJ
    stance: supports
"""


# --------------------------------------------------------------------------- JSON


def test_json_has_the_stable_fields(corpus, run):
    document = compare_json(run, "funding")
    assert document["topic"] == "funding"
    props = {p["id"]: p for p in document["propositions"]}
    assert set(props) == {"iran-funding-per-year", "hamas-founded"}  # the topic's propositions
    for prop in props.values():
        assert {"id", "text", "kind", "unit", "claims", "findings"} <= set(prop)
        for claim in prop["claims"]:
            assert {"id", "article", "outlet", "claimant", "via", "quote", "stance", "scope", "value",
                    "when"} <= set(claim)
            assert {"text", "low", "high", "unit"} <= set(claim["value"])
            assert {"start", "end"} <= set(claim["when"])
        for finding in prop["findings"]:
            assert {"verdict", "claims", "explanation"} <= set(finding)
    funding = props["iran-funding-per-year"]
    assert (funding["text"], funding["kind"], funding["unit"]) == ("Money Iran gives per year", "quantity",
                                                                   "USD/year")
    claim = next(c for c in funding["claims"] if c["id"] == "state-dept-100m")
    assert claim["article"] == "test-article"
    assert claim["outlet"] == "Example Times"
    assert claim["claimant"] == "U.S. Department of State"  # written "State Department" (alias)
    assert claim["via"] == []
    assert claim["stance"] is None
    assert (claim["when"]["start"], claim["when"]["end"]) == ("2020-01-01", "2020-12-31")  # when: "2020"
    assert claim["quote"] == "Iran provides about $100 million annually to Palestinian militant groups"


def test_funding_part_exceeds_whole_contradiction(corpus, run):
    document = compare_json(run, "funding")
    funding = next(p for p in document["propositions"] if p["id"] == "iran-funding-per-year")
    claims = {c["id"]: c for c in funding["claims"]}

    monthly = claims["hamas-30m-month"]
    assert monthly["claimant"] == "Example Times"  # no claimant: the article's outlet
    assert monthly["scope"] == "Hamas"  # no scope: the proposition's object
    assert monthly["value"]["text"] == "$30 million a month"
    # $30M a month x 12 = $360M a year
    assert (monthly["value"]["low"], monthly["value"]["high"], monthly["value"]["unit"]) == (3.6e8, 3.6e8,
                                                                                          "USD/year")
    # compared: '30' is written to the ten million, so ±5% (the cap): 28.5M..31.5M a month x 12
    assert (monthly["value"]["compared"]["low"], monthly["value"]["compared"]["high"]) == (3.42e8, 3.78e8)
    assert monthly["when"]["start"] is None and monthly["when"]["end"] is None

    yearly = claims["state-dept-100m"]
    assert yearly["scope"] == "Palestinian militant groups"
    # about $100M = ±10%
    assert (yearly["value"]["low"], yearly["value"]["high"], yearly["value"]["unit"]) == (9e7, 1.1e8, "USD/year")

    (finding,) = funding["findings"]
    assert finding["verdict"] == "contradiction"
    assert set(finding["claims"]) == FUNDING_PAIR
    explanation = finding["explanation"]
    assert explanation.startswith("part exceeds whole")
    assert "$360M/yr" in explanation and "from $30M/mo" in explanation and "$90M–$110M/yr" in explanation
    assert "Palestinian militant groups" in explanation and "Hamas" in explanation


def test_foreknowledge_contradiction_names_both_claimants(corpus, run):
    document = compare_json(run, "foreknowledge")
    (prop,) = document["propositions"]
    assert prop["kind"] == "stance" and prop["unit"] is None
    claims = {c["id"]: c for c in prop["claims"]}
    assert claims["wsj-plot"]["via"] == ["The Wall Street Journal"]
    assert claims["wsj-plot"]["stance"] == "supports" and claims["wsj-plot"]["value"] is None
    (finding,) = prop["findings"]
    assert finding["verdict"] == "contradiction"
    assert set(finding["claims"]) == FORE_PAIR
    assert "unnamed Hamas source" in finding["explanation"]
    assert "The Wall Street Journal" in finding["explanation"]
    assert "Biden administration" in finding["explanation"]
    assert "contradicts itself" not in finding["explanation"]  # independent origins


def test_a_proposition_id_is_a_subject(corpus, run):
    document = compare_json(run, "iran-foreknowledge")
    assert [p["id"] for p in document["propositions"]] == ["iran-foreknowledge"]
    (finding,) = document["propositions"][0]["findings"]
    assert set(finding["claims"]) == FORE_PAIR


def test_only_filters_findings(corpus, run):
    add_claims(corpus, "", WSJ_CLAIM)
    everything = compare_json(run, "foreknowledge")["propositions"][0]
    assert sorted(f["verdict"] for f in everything["findings"]) == ["agreement", "contradiction",
                                                                   "contradiction"]
    only = compare_json(run, "foreknowledge", "--only", "contradiction")["propositions"][0]
    assert [f["verdict"] for f in only["findings"]] == ["contradiction", "contradiction"]
    assert {frozenset(f["claims"]) for f in only["findings"]} == {
        frozenset(FORE_PAIR), frozenset({"wsj-own", "biden-no-intel"})}
    assert len(only["claims"]) == 3  # claims are all still listed
    agreement = compare_json(run, "foreknowledge", "--only", "agreement,same-origin")["propositions"][0]
    assert [(f["verdict"], set(f["claims"])) for f in agreement["findings"]] == [
        ("agreement", {"wsj-plot", "wsj-own"})]


def test_only_with_an_unknown_verdict(corpus, run):
    result = run("compare", "funding", "--only", "bogus")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert "bogus" in result.stderr and "did you mean" in result.stderr
    assert "contradiction" in result.stderr and "same-origin" in result.stderr  # the choices
    assert "Traceback" not in result.stderr
    result = run("compare", "funding", "--only", "contradicton")
    assert result.exit_code == 2
    assert "did you mean 'contradiction'" in result.stderr


def test_fail_on(corpus, run):
    result = run("compare", "funding", "--fail-on", "contradiction", "--format", "json")
    assert result.exit_code == 1
    assert json.loads(result.stdout)["topic"] == "funding"  # the output is still complete
    # hamas-founded has one claim, so no finding at all
    assert run("compare", "hamas-founded", "--fail-on", "contradiction").exit_code == 0
    # funding has a contradiction but no agreement
    assert run("compare", "funding", "--fail-on", "agreement").exit_code == 0
    assert run("compare", "funding", "--fail-on", "agreement,contradiction").exit_code == 1


def test_unknown_topic(corpus, run):
    result = run("compare", "fundng")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert "did you mean 'funding'" in result.stderr
    assert "Traceback" not in result.stderr


# --------------------------------------------------------------------------- CSV, Markdown, table


def test_csv_has_a_header_and_one_row_per_finding(corpus, run):
    add_claims(corpus, "", WSJ_CLAIM)
    result = run("compare", "foreknowledge", "--format", "csv")
    assert result.exit_code == 0
    rows = list(csv.reader(io.StringIO(result.stdout)))
    header, body = rows[0], rows[1:]
    assert {"proposition", "verdict", "claim_a", "claim_b", "explanation"} <= set(header)
    assert len(body) == 3  # three claims, three pairs
    records = [dict(zip(header, row)) for row in body]
    assert all(len(row) == len(header) for row in body)
    assert sorted(r["verdict"] for r in records) == ["agreement", "contradiction", "contradiction"]
    assert {r["proposition"] for r in records} == {"iran-foreknowledge"}

    result = run("compare", "funding", "--format", "csv")
    (record,) = [dict(zip(rows[0], row)) for row in list(csv.reader(io.StringIO(result.stdout)))[1:]]
    assert record["verdict"] == "contradiction"
    assert {record["claim_a"], record["claim_b"]} == FUNDING_PAIR
    assert "part exceeds whole" in record["explanation"]


def test_markdown_has_a_heading_and_tables_per_proposition(corpus, run):
    result = run("compare", "funding", "--format", "markdown")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    headings = [line for line in lines if line.startswith("## ")]
    assert len(headings) == 2
    assert headings[0].startswith("## iran-funding-per-year") and headings[1].startswith("## hamas-founded")
    assert any(line.startswith("| claim |") for line in lines)
    assert any(line.startswith("|---") for line in lines)
    finding_rows = [line for line in lines if line.startswith("| contradiction |")]
    assert len(finding_rows) == 1 and "part exceeds whole" in finding_rows[0]


LONG_QUOTE = (
    "In a long and winding statement that went on for a very long time, a spokesman for the "
    "ministry said that Iran had known nothing whatsoever about the attack, that the reports "
    "were fabrications, and that anyone who said otherwise was repeating enemy propaganda endlessly"
)


def test_table_piped_has_no_escape_and_nothing_cut(corpus, run):
    # A quote longer than the 220 characters a terminal would show.
    assert len(LONG_QUOTE) > 220
    add_claims(corpus, LONG_QUOTE + ".\n", f"""\
  - id: long-denial
    proposition: iran-foreknowledge
    quote: "{LONG_QUOTE}"
    claimant: Iran
    stance: refutes
""")
    assert run("check").exit_code == 0
    result = run("--color", "never", "compare", "foreknowledge")
    assert result.exit_code == 0
    out = result.stdout
    assert "\x1b" not in out
    assert "…" not in out
    assert "repeating enemy propaganda endlessly" in out  # the end of the long quote is there
    assert "wsj-plot" in out and "biden-no-intel" in out and "dispute" in out
    result = run("--color", "never", "compare", "funding")
    assert "\x1b" not in result.stdout and "…" not in result.stdout


# Rich markup, an emoji code and a terminal escape, in a quote and in an entity name.
MARKUP_ARTICLE = "Officials said [bold red]x[/] :smile: \x1b[31mred alert\x1b[0m was raised.\n"
MARKUP_CLAIM = """\
  - id: markup-quote
    proposition: iran-foreknowledge
    quote: "Officials said [bold red]x[/] :smile: \\e[31mred alert"
    claimant: Markup Agency
    stance: supports
"""
MARKUP_ENTITY = """\
"Agency [bold red]x[/] :smile: \\e[31mRed":
  aliases: [Markup Agency]
"""


@pytest.fixture
def markup_corpus(corpus, run):
    add_claims(corpus, MARKUP_ARTICLE, MARKUP_CLAIM, MARKUP_ENTITY)
    result = run("check")
    assert result.exit_code == 0, result.stdout
    return corpus


@pytest.mark.parametrize("fmt", ["table", "markdown", "csv"])
def test_untrusted_text_is_shown_literally(markup_corpus, run, fmt):
    result = run("--color", "never", "compare", "foreknowledge", "--format", fmt)
    assert result.exit_code == 0
    out = result.stdout
    assert "\x1b" not in out and "\x9b" not in out
    if fmt == "markdown":  # Markdown escapes its own special characters: \[ shows as [
        out = out.replace("\\[", "[").replace("\\]", "]")
    assert "[bold red]x[/]" in out
    assert ":smile:" in out and "😄" not in out
    # the entity name (in the claimant column/line and in explanations)
    assert "Agency [bold red]x[/] :smile: Red" in out
    if fmt != "csv":  # CSV rows are findings: no quotes
        assert "Officials said [bold red]x[/] :smile: red alert" in out


def test_untrusted_text_with_color_always(markup_corpus, run):
    out = run("--color", "always", "compare", "foreknowledge").stdout
    assert "\x1b[" in out  # styled
    assert "[bold red]x[/]" in out  # markup not interpreted
    assert "\x1b[31mred alert" not in out  # the quote's own escape is gone
    assert "😄" not in out


def test_json_keeps_the_quote_as_data(markup_corpus, run):
    result = run("compare", "foreknowledge", "--format", "json")
    assert "\x1b" not in result.stdout  # JSON escapes control characters
    claims = {c["id"]: c for c in json.loads(result.stdout)["propositions"][0]["claims"]}
    assert claims["markup-quote"]["quote"] == "Officials said [bold red]x[/] :smile: \x1b[31mred alert"


# --------------------------------------------------------------------------- hirel value


def value_json(run, *args: str) -> dict:
    result = run("value", *args, "--format", "json")
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


def test_value_monthly_rate_to_yearly(run):
    document = value_json(run, "$30 million a month", "--unit", "USD/year")
    assert {"low", "high", "unit", "steps"} <= set(document)
    assert (document["low"], document["high"], document["unit"]) == (3.6e8, 3.6e8, "USD/year")
    assert any("× 12" in step for step in document["steps"])


def test_value_without_unit_keeps_its_own(run):
    document = value_json(run, "$30 million a month")
    assert (document["low"], document["high"], document["unit"]) == (3e7, 3e7, "USD/month")


def test_value_one_sided_has_null_high(run):
    document = value_json(run, "over 50%")
    assert (document["low"], document["high"], document["unit"]) == (50, None, "percent")
    # a bound is compared as written (no written precision on the side its words set)
    assert (document["compared"]["low"], document["compared"]["high"]) == (50, None)


def test_value_total_over_a_period_as_a_rate(run):
    document = value_json(run, "--when", "2014/2020", "more than $150 million", "--unit", "USD/year")
    # 2014-01-01..2020-12-31 is 2557 days = 7.0007 years of 365.25 days (or 7 calendar years):
    # at least 150e6 / 7.0007 ≈ 21.43M a year; rel 1e-3 accepts both ways of counting.
    assert document["low"] == pytest.approx(150e6 / (2557 / 365.25), rel=1e-3)
    assert document["high"] is None
    assert document["unit"] == "USD/year"


def test_value_total_without_a_period_cannot_be_a_rate(run):
    result = run("value", "more than $150 million", "--unit", "USD/year")
    assert result.exit_code == 1
    assert "when" in result.stderr or "period" in result.stderr
    assert "Traceback" not in result.stderr


def test_value_unreadable(run):
    result = run("value", "lots of money")
    assert result.exit_code == 1
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1
    assert "lots of money" in lines[0]
    assert "Traceback" not in result.stderr


def test_value_unknown_unit(run):
    result = run("value", "$30 million a month", "--unit", "bogus")
    assert result.exit_code == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1
    assert "unknown unit 'bogus'" in lines[0]
    assert "Traceback" not in result.stderr


def test_value_other_currency_is_not_converted(run):
    result = run("value", "€30 million a year", "--unit", "USD/year")
    assert result.exit_code == 1
    assert "EUR" in result.stderr and "USD" in result.stderr


# --------------------------------------------------------------------------- positions and disputes


def test_table_opens_with_the_dispute_then_positions_then_claims(corpus, run):
    out = run("--color", "never", "compare", "iran-funding-per-year").stdout
    lines = out.splitlines()
    # hamas-30m-month (Hamas, the object: p1) and the State Department's figure for all
    # Palestinian militant groups (p2): the part above the whole is the one dispute.
    # The dispute shows the figures as written ($30 million a month = $360M a year), not the
    # interval compared ([$28.5M, $31.5M] a month by written precision).
    assert lines[1].startswith("  dispute p1 × p2: part exceeds whole: $360M/yr (from $30M/mo, per Example Times)")
    first_position = next(i for i, line in enumerate(lines) if line.startswith("  p1 "))
    first_claim = next(i for i, line in enumerate(lines) if "hamas-30m-month" in line)
    assert 1 < first_position < first_claim
    assert any(line.startswith("  p2 ! ") and "$90M–$110M/yr for Palestinian militant groups" in line
               for line in lines)
    assert "  2 claims, 2 independent origins, 2 positions, 1 dispute" in lines
    assert "contradiction " not in out  # pairs only with --pairs


def test_pairs_lists_every_finding_and_counts_them(corpus, run):
    out = run("--color", "never", "compare", "iran-funding-per-year", "--pairs").stdout
    assert "contradiction    state-dept-100m × hamas-30m-month" in out
    assert "1 dispute; pairs: 1 contradiction" in out


def test_json_positions_and_disputes(corpus, run):
    document = json.loads(run("compare", "funding", "--format", "json").stdout)
    funding = document["propositions"][0]
    assert [(p["id"], p["claims"], p["origins"], p["scope"], p["display"]) for p in funding["positions"]] == [
        ("p1", ["hamas-30m-month"], ["Example Times"], "Hamas", "$360M/yr"),
        ("p2", ["state-dept-100m"], ["U.S. Department of State"], "Palestinian militant groups", "$90M–$110M/yr"),
    ]
    assert [d["positions"] for d in funding["disputes"]] == [["p1", "p2"]]
    assert funding["disputes"][0]["explanation"].startswith("part exceeds whole: $360M/yr (from $30M/mo, per Ex")
    assert funding["counts"]["consistent"] == 0
    founded = document["propositions"][1]
    assert [p["display"] for p in founded["positions"]] == ["1987"] and founded["disputes"] == []


def test_markdown_has_positions_and_disputes(corpus, run):
    lines = run("compare", "iran-funding-per-year", "--format", "markdown").stdout.splitlines()
    assert "| position | says | scope | when | origins | claims |" in lines
    assert any(line.startswith("| p1 vs p2 | part exceeds whole") for line in lines)


def test_only_consistent(corpus, run):
    # "up to $400 million a year" (an upper bound: [0, $400M]) from an independent claimant can
    # be true with the article's $360M/yr, but does not confirm it.
    add_claims(corpus, "Officials put it at up to $400 million a year.\n", """\
  - id: officials-up-to-400m
    proposition: iran-funding-per-year
    quote: "up to $400 million a year"
    claimant: Biden administration
    value: up to $400 million a year
""")
    out = run("--color", "never", "compare", "iran-funding-per-year", "--only", "consistent").stdout
    assert "consistent       hamas-30m-month × officials-up-to-400m" in out
    assert "the figure per Biden administration is only an upper bound" in " ".join(out.split())
    assert run("compare", "iran-funding-per-year", "--fail-on", "consistent").exit_code == 1


def test_a_proposition_with_many_positions_shows_the_leading_ones(corpus, run):
    # 70 figures a year, each about 5% above the last and never round ($1,053M, $1,103M, …): each
    # compared within 1% (the floor of written precision), all disjoint: 70 positions (plus the
    # fixture's two). Each has one origin except estimate 7 ($1,403M a year), also said by the
    # State Department: it leads.
    lines = "".join(f"Estimate {n}: ${round(1000 * 1.05 ** n) // 10 * 10 + 3:,} million a year.\n" for n in range(1, 71))
    claims = "".join(f"""\
  - id: estimate-{n}
    proposition: iran-funding-per-year
    quote: "Estimate {n}: ${round(1000 * 1.05 ** n) // 10 * 10 + 3:,} million a year"
    value: ${round(1000 * 1.05 ** n) // 10 * 10 + 3:,} million a year
""" for n in range(1, 71)) + """\
  - id: state-7m
    proposition: iran-funding-per-year
    quote: "Estimate 7: $1,403 million a year"
    claimant: State Department
    value: $1,403 million a year
"""
    add_claims(corpus, lines, claims)
    out = run("--color", "never", "compare", "iran-funding-per-year").stdout
    position_lines = [line for line in out.splitlines() if line.startswith("  p")]
    assert len(position_lines) == 12
    assert any("per Example Times, U.S. Department of State" in line for line in position_lines)
    # 66 disputes among the 12 shown, of which the table prints 20
    assert len([line for line in out.splitlines() if line.startswith("  dispute ")]) == 20
    assert "… and 46 more disputes among these positions" in out
    # 73 claims in 72 positions: 12 shown, 60 more; the claims of the shown positions only (13).
    assert "… and 60 more positions with fewer origins" in out
    assert "… and 60 more claims (hirel claims --proposition iran-funding-per-year lists them all)" in out
    assert "72 positions (12 shown), 66 disputes among those shown" in out
    document = json.loads(run("compare", "iran-funding-per-year", "--format", "json").stdout)
    assert len(document["propositions"][0]["positions"]) == 72
