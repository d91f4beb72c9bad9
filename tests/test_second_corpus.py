"""A second, independent corpus (tests/corpora/trade): invented Valdorian arms exports to Kessaria.

Every verdict occurs in it for a reason stated below, and every pair of every proposition is
listed, so an extra or a changed verdict fails. The figures are worked out by hand from the
YAML in tests/corpora/trade; nothing here is copied from hirel's output.

Entities (tests/corpora/trade/entities.yaml):
    scopes     Kessarian Coastal Guard < Kessarian Navy < Kessarian Armed Forces < Eastern Coalition
               Ostmark Army < Ostmark (not nested with any Kessarian scope)
    claimants  Valdorian Export Control Office < Valdorian Ministry of Trade < Valdorian government
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

TRADE = Path(__file__).resolve().parent / "corpora" / "trade"

# A total over 2014/2020 spread per year: 7 calendar years (2014-01-01..2020-12-31; by the day
# count 2557 days / 365.25 = 7.0007 years). Either way "more than €150 million" is at least
# ~€21.43M a year; rel 1e-3 accepts both counts and nothing else (6 years would be 25M).
PER_YEAR_150M_2014_2020 = 150e6 / 7

# proposition -> {pair of claim ids: verdict}, every pair.
EXPECTED: dict[str, dict[frozenset[str], str]] = {
    # EUR/year, object Kessarian Armed Forces, changes_over_time.
    "arms-sales-per-year": {
        # Same scope (the object), both 2019: €40M/yr vs €5M/month x 12 = €60M/yr, disjoint.
        frozenset({"ministry-40m-2019", "monitor-5m-month-2019"}): "contradiction",
        # The Navy (a part) gets at least €45M/yr, above the whole Armed Forces' €40M/yr.
        frozenset({"ministry-40m-2019", "harbor-navy-over-45m-2019"}): "contradiction",
        # The Navy's >= €45M/yr fits within the Armed Forces' €60M/yr: nested and consistent.
        frozenset({"monitor-5m-month-2019", "harbor-navy-over-45m-2019"}): "compatible",
        # 2012 does not overlap 2019, and the proposition changes over time (the period step
        # comes before the part/whole step, so the Navy pair is a change too).
        frozenset({"ledger-12m-2012", "ministry-40m-2019"}): "different-period",
        frozenset({"ledger-12m-2012", "monitor-5m-month-2019"}): "different-period",
        frozenset({"ledger-12m-2012", "harbor-navy-over-45m-2019"}): "different-period",
    },
    # EUR/year, object Kessarian Armed Forces, no periods given (unknown overlaps everything).
    "ammunition-per-year": {
        # about €50M = [45M, 55M] and between €45M and €55M: overlap, independent claimants.
        frozenset({"lindqvist-about-50m", "monitor-45-55m"}): "agreement",
        frozenset({"lindqvist-roughly-50m", "monitor-45-55m"}): "agreement",
        # Marta Lindqvist quoted in the Baltic Ledger and in the Thames Courier: a repeat.
        frozenset({"lindqvist-about-50m", "lindqvist-roughly-50m"}): "same-origin",
    },
    # EUR/year, object Kessarian Armed Forces, does not change over time.
    "dual-use-per-year": {
        # >= €21.4M/yr (a 2014-2020 total) and [€22.5M, €27.5M]/yr overlap; the Export Control
        # Office is part_of the Ministry of Trade: the same origin.
        frozenset({"ministry-over-150m-2014-2020", "export-office-25m-2018"}): "same-origin",
        # £20M/yr: GBP is never converted to EUR.
        frozenset({"ministry-over-150m-2014-2020", "courier-20m-gbp"}): "unrelated",
        frozenset({"export-office-25m-2018", "courier-20m-gbp"}): "unrelated",
    },
    # percent, object Kessarian Armed Forces: over 60% and 65%, independent.
    "share-of-imports": {
        frozenset({"monitor-over-60pct-2019", "courier-65pct-2019"}): "consistent",  # 'over 60%' is a bound
    },
    # count, no object, changes over time; 2019 and 2014/2020 overlap.
    "vehicles-delivered": {
        # Coastal Guard is three part_of steps below Eastern Coalition; [108, 132] <= [300, ∞).
        frozenset({"monitor-120-coastal-2019", "monitor-300-coalition-2014-2020"}): "compatible",
        # Ostmark Army is not nested with either Kessarian scope.
        frozenset({"monitor-120-coastal-2019", "monitor-90-ostmark-2019"}): "unrelated",
        frozenset({"monitor-300-coalition-2014-2020", "monitor-90-ostmark-2019"}): "unrelated",
    },
    # stance, no object (scope unspecified for all three).
    "embargo-breached": {
        frozenset({"customs-official-breach", "ministry-denies-breach"}): "contradiction",
        frozenset({"lindqvist-breach-possible", "ministry-denies-breach"}): "contradiction",
        frozenset({"customs-official-breach", "lindqvist-breach-possible"}): "agreement",
    },
    # date: 2019, March 2019, late 2018 (= Sep-Dec 2018, 'possible').
    "embargo-imposed": {
        frozenset({"meridian-embargo-2019", "ledger-embargo-march-2019"}): "agreement",
        frozenset({"meridian-embargo-2019", "lindqvist-embargo-late-2018"}): "contradiction",
        frozenset({"ledger-embargo-march-2019", "lindqvist-embargo-late-2018"}): "contradiction",
    },
}

# claim id -> (low, high, unit) of the JSON value, in the proposition's unit.
FIGURES = {
    "ministry-40m-2019": (40e6, 40e6, "EUR/year"),
    "monitor-5m-month-2019": (60e6, 60e6, "EUR/year"),  # €5M/month x 12
    "harbor-navy-over-45m-2019": (45e6, None, "EUR/year"),  # 'more than': lower bound only
    "ledger-12m-2012": (12e6, 12e6, "EUR/year"),
    "lindqvist-about-50m": (45e6, 55e6, "EUR/year"),  # 'about' = ±10%
    "lindqvist-roughly-50m": (45e6, 55e6, "EUR/year"),  # 'roughly' = ±10%
    "monitor-45-55m": (45e6, 55e6, "EUR/year"),
    "export-office-25m-2018": (22.5e6, 27.5e6, "EUR/year"),  # about €25M: ±10%
    "monitor-over-60pct-2019": (60, None, "percent"),
    "courier-65pct-2019": (65, 65, "percent"),
    "monitor-120-coastal-2019": (108, 132, "count"),  # about 120: ±10%
    "monitor-300-coalition-2014-2020": (300, None, "count"),
    "monitor-90-ostmark-2019": (90, 90, "count"),
    "meridian-embargo-2019": ("2019-01-01", "2019-12-31", "date"),
    "ledger-embargo-march-2019": ("2019-03-01", "2019-03-31", "date"),
    "lindqvist-embargo-late-2018": ("2018-09-01", "2018-12-31", "date"),  # 'late' = Sep-Dec
}


def _invoke(*args: str):
    from typer.testing import CliRunner

    from hirel.cli import app

    return CliRunner().invoke(app, ["--data", str(TRADE), *args], catch_exceptions=False)


@pytest.fixture(scope="module")
def documents() -> dict[str, dict]:
    """The compare JSON of both topics: proposition id -> proposition object."""
    out = {}
    for topic in ("trade", "embargo"):
        result = _invoke("compare", topic, "--format", "json")
        assert result.exit_code == 0, result.stderr
        document = json.loads(result.stdout)
        assert document["topic"] == topic
        for prop in document["propositions"]:
            assert prop["topic"] == topic
            out[prop["id"]] = prop
    return out


@pytest.fixture(scope="module")
def claims(documents) -> dict[str, dict]:
    return {c["id"]: c for prop in documents.values() for c in prop["claims"]}


def _finding(documents, prop: str, a: str, b: str) -> dict:
    found = [f for f in documents[prop]["findings"] if set(f["claims"]) == {a, b}]
    assert len(found) == 1, (prop, a, b)
    return found[0]


# --------------------------------------------------------------------------- check


def test_check_has_only_the_expected_other_currency_warning(run):
    result = run("--data", str(TRADE), "check", "--format", "json")
    assert result.exit_code == 0, result.stdout
    problems = json.loads(result.stdout)
    assert [(p["code"], p["severity"]) for p in problems] == [("HR407", "warning")]
    (problem,) = problems
    # courier-20m-gbp: `value: £20 million a year` is line 5 of that file.
    assert problem["path"].endswith("claims/thames-courier-kessaria.yaml")
    assert problem["line"] == 5
    assert "GBP" in problem["message"] and "EUR" in problem["message"]


def test_check_strict_fails_on_the_warning(run):
    assert run("--data", str(TRADE), "check", "--strict").exit_code == 1


# --------------------------------------------------------------------------- verdicts


def test_every_pair_has_the_designed_verdict(documents):
    assert set(documents) == set(EXPECTED)
    for prop_id, expected in EXPECTED.items():
        got = {frozenset(f["claims"]): f["verdict"] for f in documents[prop_id]["findings"]}
        assert got == expected, prop_id
        # One finding per unordered pair: n claims give n(n-1)/2 findings.
        n = len(documents[prop_id]["claims"])
        assert len(documents[prop_id]["findings"]) == n * (n - 1) // 2


def test_counts_per_proposition(documents):
    for prop_id, expected in EXPECTED.items():
        counts = documents[prop_id]["counts"]
        for verdict in ("contradiction", "agreement", "compatible", "different-period", "same-origin",
                        "unrelated"):
            assert counts[verdict] == sum(1 for v in expected.values() if v == verdict), (prop_id, verdict)


def test_contradictions_are_listed_first(documents):
    order = ["contradiction", "agreement", "consistent", "compatible", "different-period", "same-origin", "unrelated"]
    for prop in documents.values():
        ranks = [order.index(f["verdict"]) for f in prop["findings"]]
        assert ranks == sorted(ranks), prop["id"]


# --------------------------------------------------------------------------- figures


def test_normalized_figures(claims):
    for claim_id, (low, high, unit) in FIGURES.items():
        value = claims[claim_id]["value"]
        assert (value["low"], value["high"], value["unit"]) == (low, high, unit), claim_id


def test_monthly_rate_keeps_its_original(claims):
    value = claims["monitor-5m-month-2019"]["value"]
    assert value["text"] == "€5 million a month"
    original = value["original"]
    assert (original["low"], original["high"], original["unit"]) == (5e6, 5e6, "EUR/month")


def test_total_over_a_period_becomes_a_rate(claims):
    value = claims["ministry-over-150m-2014-2020"]["value"]
    assert value["unit"] == "EUR/year"
    assert value["low"] == pytest.approx(PER_YEAR_150M_2014_2020, rel=1e-3)
    assert value["high"] is None
    assert value["original"]["low"] == 150e6 and value["original"]["unit"] == "EUR"
    assert claims["ministry-over-150m-2014-2020"]["when"]["start"] == "2014-01-01"
    assert claims["ministry-over-150m-2014-2020"]["when"]["end"] == "2020-12-31"


def test_other_currency_is_not_converted(claims):
    courier = claims["courier-20m-gbp"]
    assert courier["value"]["text"] == "£20 million a year"
    assert courier["value"]["low"] is None and courier["value"]["high"] is None
    assert "GBP" in courier["problem"]


def test_periods(claims):
    assert claims["ministry-40m-2019"]["when"]["start"] == "2019-01-01"  # `when: 2019`, a YAML int
    assert claims["ministry-40m-2019"]["when"]["end"] == "2019-12-31"
    assert claims["ledger-12m-2012"]["when"]["end"] == "2012-12-31"
    assert claims["monitor-45-55m"]["when"]["start"] is None  # unknown


# --------------------------------------------------------------------------- names


def test_aliases_resolve_to_canonical_names(claims):
    # claimant aliases
    assert claims["ministry-40m-2019"]["claimant"] == "Valdorian Ministry of Trade"  # "Valdoria's trade ministry"
    assert claims["ministry-over-150m-2014-2020"]["claimant"] == "Valdorian Ministry of Trade"  # "Trade Ministry"
    assert claims["export-office-25m-2018"]["claimant"] == "Valdorian Export Control Office"
    assert claims["monitor-45-55m"]["claimant"] == "Nordic Arms Monitor"  # "NAM"
    # scope aliases, and the proposition's object as the default scope
    assert claims["lindqvist-about-50m"]["scope"] == "Kessarian Armed Forces"  # "Kessarian military"
    assert claims["lindqvist-roughly-50m"]["scope"] == "Kessarian Armed Forces"  # object
    assert claims["monitor-120-coastal-2019"]["scope"] == "Kessarian Coastal Guard"  # "Coastal Guard"
    assert claims["monitor-300-coalition-2014-2020"]["scope"] == "Eastern Coalition"
    assert claims["ministry-denies-breach"]["scope"] is None  # stance proposition without object
    # the claimant defaults to the article's outlet
    assert claims["harbor-navy-over-45m-2019"]["claimant"] == "Harbor Review"
    assert claims["courier-20m-gbp"]["outlet"] == "The Thames Courier"
    # via
    assert claims["customs-official-breach"]["via"] == ["Baltic Ledger"]
    assert claims["customs-official-breach"]["claimant"] == "unnamed Valdorian customs official"
    # one claimant, two articles
    assert {claims["lindqvist-about-50m"]["article"], claims["lindqvist-roughly-50m"]["article"]} == {
        "ledger-embargo-analysis", "thames-courier-kessaria"}
    assert claims["lindqvist-breach-possible"]["certainty"] == "possible"


# --------------------------------------------------------------------------- explanations


def test_explanations_name_the_reason(documents):
    def explanation(prop: str, a: str, b: str) -> str:
        return _finding(documents, prop, a, b)["explanation"]

    text = explanation("arms-sales-per-year", "ministry-40m-2019", "monitor-5m-month-2019")
    assert "€60M/yr" in text and "from €5M/mo" in text and "€40M/yr" in text
    assert "do not overlap" in text

    text = explanation("arms-sales-per-year", "ministry-40m-2019", "harbor-navy-over-45m-2019")
    assert text.startswith("part exceeds whole")
    assert "Kessarian Navy" in text and "Kessarian Armed Forces" in text

    text = explanation("arms-sales-per-year", "monitor-5m-month-2019", "harbor-navy-over-45m-2019")
    assert text.startswith("part within whole")

    text = explanation("arms-sales-per-year", "ledger-12m-2012", "ministry-40m-2019")
    assert "2012" in text and "2019" in text and "changes over time" in text

    text = explanation("ammunition-per-year", "lindqvist-about-50m", "lindqvist-roughly-50m")
    assert "Marta Lindqvist" in text and "repeat" in text

    text = explanation("dual-use-per-year", "ministry-over-150m-2014-2020", "export-office-25m-2018")
    assert "Valdorian Ministry of Trade (Valdorian Export Control Office is part of it)" in text
    assert "from ≥ €150M" in text

    text = explanation("dual-use-per-year", "ministry-over-150m-2014-2020", "courier-20m-gbp")
    assert "units cannot be compared" in text and "GBP/year" in text and "EUR/year" in text

    text = explanation("vehicles-delivered", "monitor-120-coastal-2019", "monitor-90-ostmark-2019")
    assert "not nested" in text and "Ostmark Army" in text

    text = explanation("embargo-breached", "customs-official-breach", "ministry-denies-breach")
    assert "opposite stances" in text
    assert "unnamed Valdorian customs official (via Baltic Ledger)" in text
    assert "Valdorian Ministry of Trade" in text
    assert "possible" not in text  # both certain

    text = explanation("embargo-breached", "customs-official-breach", "lindqvist-breach-possible")
    assert "one claim is only 'possible'" in text

    text = explanation("embargo-imposed", "meridian-embargo-2019", "lindqvist-embargo-late-2018")
    assert "dates do not overlap" in text and "one claim is only 'possible'" in text


# --------------------------------------------------------------------------- the command


def test_a_proposition_as_subject_with_only():
    result = _invoke("compare", "arms-sales-per-year", "--only", "contradiction", "--format", "json")
    assert result.exit_code == 0
    document = json.loads(result.stdout)
    (prop,) = document["propositions"]
    assert prop["id"] == "arms-sales-per-year"
    assert {frozenset(f["claims"]) for f in prop["findings"]} == {
        frozenset({"ministry-40m-2019", "monitor-5m-month-2019"}),
        frozenset({"ministry-40m-2019", "harbor-navy-over-45m-2019"}),
    }
    assert len(prop["claims"]) == 4  # --only filters findings, not claims


def test_fail_on():
    assert _invoke("compare", "trade", "--fail-on", "contradiction", "--format", "json").exit_code == 1
    # ammunition-per-year has agreements and a repeat, no contradiction
    assert _invoke("compare", "ammunition-per-year", "--fail-on", "contradiction").exit_code == 0
    assert _invoke("compare", "ammunition-per-year", "--fail-on", "same-origin").exit_code == 1
    # vehicles-delivered has compatible and unrelated only
    assert _invoke("compare", "vehicles-delivered", "--fail-on", "contradiction,agreement").exit_code == 0


def test_other_formats_list_every_finding():
    import csv
    import io

    # trade: 6 + 3 + 3 + 1 + 3 pairs (see EXPECTED); embargo: 3 + 3.
    for topic, pairs in (("trade", 16), ("embargo", 6)):
        result = _invoke("compare", topic, "--format", "csv")
        assert result.exit_code == 0
        rows = list(csv.reader(io.StringIO(result.stdout)))
        assert rows[0][:2] == ["proposition", "verdict"]
        assert len(rows) == 1 + pairs
    markdown = _invoke("compare", "trade", "--format", "markdown").stdout
    assert [line[3:].split(":")[0] for line in markdown.splitlines() if line.startswith("## ")] == [
        "arms-sales-per-year", "ammunition-per-year", "dual-use-per-year", "share-of-imports",
        "vehicles-delivered"]
    table = _invoke("--color", "never", "compare", "trade").stdout
    assert "\x1b" not in table and "…" not in table
    # the table lists disputes and positions, and counts the pairs by verdict. arms-sales: the
    # 2012 figure, the Ministry's and the Monitor's 2019 figures (disjoint), the Navy's bound:
    # four positions; disputes: Ministry vs Monitor, and Navy (part) above the Ministry (whole).
    assert "part exceeds whole" in table
    assert "4 claims, 4 independent origins, 4 positions, 2 disputes\n" in table
    # --pairs lists the pairs and counts them by verdict
    table = " ".join(_invoke("--color", "never", "compare", "trade", "--pairs").stdout.split())
    assert "4 positions, 2 disputes; pairs: 2 contradictions, 1 compatible, 3 different-period" in table
    assert "harbor-navy-over-45m-2019 × ledger-12m-2012" in table or \
        "ledger-12m-2012 × harbor-navy-over-45m-2019" in table
