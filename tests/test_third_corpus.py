"""A third corpus (tests/corpora/outbreak): an invented cholera outbreak in an invented country,
with a running total (`cumulative: true`) relayed by several outlets, a bound, a nested scope
and a stance. Positions, disputes, the running-total verdicts and who contradicts whom are
worked out by hand below from the YAML; nothing is copied from hirel's output.

Claims on cholera-cases-to-date (as of `when`; the Health Ministry is one origin):
    c1 wire-ministry-4000            4,000     2024-04     Ministry            Valley Wire
    c2 wire-mwb-over-12000           > 12,000  2024-04     Medics W. Borders   Valley Wire
    c3 gazette-ministry-4000         4,000     2024-04     Ministry via Wire   Northern Gazette
    c4 gazette-eastern-at-least-9000 >= 9,000  2024-04     (own voice) for Eastern Province, part of Varnholm
    c5 herald-ministry-april-4000    4,000     2024-04     Ministry            Coastal Herald
    c6 herald-ministry-15000         15,000    2024-06     Ministry            Coastal Herald
    c7 herald-who-14000              14,000    2024-05     WHO                 Coastal Herald
    c8 ledger-ministry-3500          3,500     2024-06-01  Ministry via Ledger Daily Ledger
Stances on outbreak-from-water-plant: the Ministry refutes (Valley Wire); Ilse Maren, the
Gazette's author, supports (her own voice); MWB supports (Coastal Herald).

Figures are compared with their written precision (docs/values.md): half a unit of the last
significant digit, capped at 5%: 4,000 is [3,800, 4,200], 3,500 [3,450, 3,550], 14,000
[13,500, 14,500], 15,000 [14,500, 15,500]; "more than 12,000" is at least 11,500 and "at least
9,000" at least 8,550. None of the relations below depends on that widening. Positions and
explanations show the figures as written (4,000, not 3,800–4,200).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from hirel.cli import app
from hirel.comparing.comparison import compare
from hirel.loading.loader import load_corpus
from hirel.views import Browser, charges, sources

OUTBREAK = Path(__file__).resolve().parent / "corpora" / "outbreak"


@pytest.fixture(scope="module")
def corpus():
    loaded, problems = load_corpus(OUTBREAK)
    assert problems == []
    return loaded


def _run(*args: str):
    return CliRunner().invoke(app, ["--data", str(OUTBREAK), *args])


def test_checks_clean():
    result = _run("check")
    assert result.exit_code == 0, result.output


def test_positions_of_the_running_total(corpus):
    (cases, _stance) = compare(corpus, "outbreak").propositions
    found = cases.positions
    # Each position shows its figure as the sources wrote it. Blocks: scope and as-of date. April: the Ministry's 4,000 from three outlets is one
    # position; MWB's bound has another origin, so it is its own. Then May, June 1 (a day,
    # before the month of June in the order of periods), June, and Eastern Province.
    assert [(p.id, set(p.claims), p.origins, p.display, p.scope) for p in found.positions] == [
        ("p1", {"wire-ministry-4000", "gazette-ministry-4000", "herald-ministry-april-4000"},
         ("Varnholm Health Ministry",), "4,000", "Varnholm"),
        ("p2", {"wire-mwb-over-12000"}, ("Medics Without Borders",), "≥ 12,000", "Varnholm"),
        ("p3", {"herald-who-14000"}, ("World Health Organization",), "14,000", "Varnholm"),
        ("p4", {"ledger-ministry-3500"}, ("Varnholm Health Ministry",), "3,500", "Varnholm"),
        ("p5", {"herald-ministry-15000"}, ("Varnholm Health Ministry",), "15,000", "Varnholm"),
        ("p6", {"gazette-eastern-at-least-9000"}, ("Northern Gazette",), "≥ 9,000", "Eastern Province"),
    ]
    assert found.positions[0].reports == 3
    # Disputes: 4,000 vs > 12,000 in April; every earlier total above the Ledger's 3,500 of
    # June 1 (4,000, > 12,000, 14,000, and the Eastern Province's >= 9,000 in April); 3,500
    # vs 15,000 in June (the same date); the province's >= 9,000 above the country's 4,000.
    # Not disputes: growth (4,000 in April, 14,000 in May, 15,000 in June; > 12,000 in April
    # then 14,000 in May), and the province's >= 9,000 within the country's later totals.
    # Each pair in the order its explanation names the positions: the earlier total first, the
    # part before the whole.
    assert [d.positions for d in found.disputes] == [
        ("p1", "p2"), ("p1", "p4"), ("p6", "p1"), ("p2", "p4"), ("p3", "p4"), ("p4", "p5"), ("p6", "p4")]
    explanations = {tuple(sorted(d.positions)): d.explanation for d in found.disputes}
    assert explanations[("p3", "p4")].startswith("a running total for Varnholm cannot fall: 14,000 (per World Health Organization) by 2024-05")
    assert "by 2024-05 vs 3,500 (per Varnholm Health Ministry (via Daily Ledger)) by 2024-06-01" in explanations[("p3", "p4")]
    assert explanations[("p1", "p4")].endswith("a source is on both sides")  # the Ministry, twice
    assert explanations[("p1", "p6")].startswith("part exceeds whole: ≥ 9,000 (per Northern Gazette) for Eastern Province vs 4,000")


def test_pairs_of_the_running_total(corpus):
    (cases, _stance) = compare(corpus, "outbreak").propositions
    # Contradicting pairs: 3 x 1 (p1, p2) + 3 x 1 (p1, p4) + 3 x 1 (p1, p6) + 1 each for
    # (p2, p4), (p3, p4), (p4, p5), (p4, p6) = 13.
    assert cases.counts["contradiction"] == 13
    verdicts = {frozenset(f.claims): f.verdict for f in cases.findings}
    assert verdicts[frozenset({"wire-ministry-4000", "herald-who-14000"})] == "different-period"  # growth
    assert verdicts[frozenset({"wire-mwb-over-12000", "herald-who-14000"})] == "different-period"
    assert verdicts[frozenset({"wire-ministry-4000", "gazette-ministry-4000"})] == "same-origin"  # relayed
    assert verdicts[frozenset({"herald-ministry-15000", "ledger-ministry-3500"})] == "contradiction"
    assert verdicts[frozenset({"gazette-eastern-at-least-9000", "herald-ministry-15000"})] == "different-period"
    assert sum(v == "contradiction" for v in verdicts.values()) == 13
    assert cases.counts == {v: sum(x == v for x in verdicts.values()) for v in cases.counts}


def test_who_contradicts_whom(corpus):
    browser = Browser(corpus)
    report = sources(browser)
    rows = {r.article.id: (r.contradictions, r.reported) for r in report.articles}
    # Valley Wire reports the Ministry vs MWB (c1-c2, c2-c3, c2-c5), c1 vs the Ledger and the
    # province, c2 vs the Ledger, and the Ministry's stance against two supporters: 8, none
    # its own. The Gazette's own voice (the province's >= 9,000; its author's stance) is in
    # c4-c1, c4-c3, c4-c5, c4-c8 and the stance dispute with the Ministry: 5; it reports c3
    # vs c2 and vs c8: 2. The Herald: c5 vs c2, c8, c4; c6 vs c8; c7 vs c8; MWB's stance vs
    # the Ministry: 6. The Ledger: c8 against c1, c2, c3, c4, c5, c6, c7: 7.
    assert rows == {"valley-wire-april": (0, 8), "northern-gazette-april": (5, 2),
                    "coastal-herald-june": (0, 6), "daily-ledger-june": (0, 7)}
    own = [(c.finding.proposition, c.finding.claims, c.other_articles)
           for c in charges(browser, "northern-gazette-april") if c.role == "own"]
    assert ("outbreak-from-water-plant", ("gazette-water-plant", "wire-ministry-not-water-plant"),  # corpus order
            ["valley-wire-april"]) in own
    assert len(own) == 5
    assert all(c.role == "reported" for c in charges(browser, "valley-wire-april"))


def test_the_stance_dispute(corpus):
    (_cases, stance) = compare(corpus, "outbreak").propositions
    found = stance.positions
    assert [(p.display, set(p.claims)) for p in found.positions] == [
        ("refutes", {"wire-ministry-not-water-plant"}), ("supports", {"gazette-water-plant", "herald-mwb-water-plant"})]
    (dispute,) = found.disputes
    assert dispute.explanation == ("opposite stances on Varnholm: Varnholm Health Ministry refutes, "
                                   "Ilse Maren and Medics Without Borders support")
    assert stance.counts["contradiction"] == 2 and stance.counts["agreement"] == 1


def test_compare_json_has_positions_and_disputes():
    result = _run("compare", "cholera-cases-to-date", "--format", "json")
    assert result.exit_code == 0
    (prop,) = json.loads(result.stdout)["propositions"]
    assert (prop["cumulative"], prop["since"]) == (True, "2024-03")
    first = prop["positions"][0]
    assert {k: first[k] for k in ("id", "origins", "reports", "scope", "display", "certainty")} == {
        "id": "p1", "origins": ["Varnholm Health Ministry"], "reports": 3, "scope": "Varnholm",
        "display": "4,000", "certainty": "certain"}
    # As for a claim: low/high as written, `compared` with written precision (4,000 is ±5%).
    assert first["value"] == {"low": 4000, "high": 4000, "unit": "count",
                              "compared": {"low": 3800, "high": 4200, "display": "3,800–4,200"}}
    assert first["when"]["start"] == "2024-04-01" and first["when"]["end"] == "2024-04-30"
    assert [d["positions"] for d in prop["disputes"]][:2] == [["p1", "p2"], ["p1", "p4"]]
    assert len(prop["findings"]) == 28  # every pair of 8 claims
    assert prop["counts"]["contradiction"] == 13


def test_fail_on_and_only():
    assert _run("compare", "outbreak", "--fail-on", "contradiction").exit_code == 1
    assert _run("compare", "outbreak", "--fail-on", "consistent").exit_code == 0  # no bound fits another
    result = _run("compare", "outbreak", "--only", "different-period")
    assert result.exit_code == 0
    assert "different-period" in result.stdout and "a running total for Varnholm can grow" in result.stdout
