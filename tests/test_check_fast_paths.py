"""The short-cuts of a cold `hirel check` give exactly what the general code gives.

- the loaded corpus is set aside from garbage collections while the checks run (gc.freeze):
  the problems are those of loading and checking with the collector left alone, and the
  collector's state is given back as it was;
- the names of a claim are looked up first, and their places made only when one is unknown;
- step texts (describe_interval) are kept per distinct interval and unit.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from pathlib import Path

import pytest

from conftest import CLAIMS, replace_once
from hirel.loading.loader import load_corpus
from hirel.rules import references
from hirel.rules.checker import check_corpus
from hirel.rules.checks import run_checks
from hirel.rules.registry import judge
from hirel.values import units
from hirel.values.units import UnitError, describe_interval, parse_unit

# Unknown names in every role (claimant, the first and third via, scope) beside known ones,
# an unreadable value and a quote not in the article: problems of every family.
BROKEN_CLAIMS = CLAIMS + """\
  - id: many-names
    proposition: iran-foreknowledge
    quote: "Hamas was founded in 1987"
    claimant: Nobody Known
    via: [Unknown Outlet, WSJ, Another Unknown]
    scope: Nowhere Group
    stance: supports
  - id: bad-value
    proposition: iran-funding-per-year
    quote: "not in the article at all"
    value: a great deal of money
"""


def _plain(root: Path) -> list:
    """Loading and every check with the collector left as it is, sorted as check_corpus sorts."""
    corpus, problems = load_corpus(root)
    problems.extend(run_checks(corpus))
    unique = judge(list({(p, p.message): p for p in problems}.values()))
    unique.sort(key=lambda p: p.sort_key())
    return [(p.code, p.path, p.line, p.column, p.message, p.hint, p.severity) for p in unique]


def _shown(problems: list) -> list:
    return [(p.code, p.path, p.line, p.column, p.message, p.hint, p.severity) for p in problems]


@pytest.fixture
def broken(corpus):
    corpus.write("claims/test-article.yaml", BROKEN_CLAIMS)
    return corpus


def test_check_gives_the_problems_of_loading_and_checking_in_the_same_order(broken):
    _corpus, problems = check_corpus(broken.root)
    shown = _shown(problems)
    assert shown == _plain(broken.root)
    codes = [code for code, *_ in shown]
    # checked by hand: 4 unknown names of 'many-names', the unreadable value and the missing quote
    assert codes.count("HR302") == 4
    assert any("a great deal of money" in message for _c, _p, _l, _col, message, *_ in shown)
    assert any("not in" in message and "bad-value" in message for _c, _p, _l, _col, message, *_ in shown)


@pytest.mark.parametrize("enabled", [True, False])
def test_the_collector_is_given_back_as_it_was(broken, enabled):
    was = gc.isenabled()
    try:
        (gc.enable if enabled else gc.disable)()
        before = gc.get_freeze_count()
        check_corpus(broken.root)
        assert gc.isenabled() is enabled
        assert gc.get_freeze_count() == before == 0
    finally:
        (gc.enable if was else gc.disable)()


def test_objects_a_caller_froze_stay_frozen(broken):
    gc.freeze()
    try:
        frozen = gc.get_freeze_count()
        assert frozen > 0
        _corpus, problems = check_corpus(broken.root)
        assert gc.get_freeze_count() >= frozen  # not thawed by the check
        assert _shown(problems) == _plain(broken.root)
    finally:
        gc.unfreeze()


def test_the_collector_is_given_back_when_loading_fails(broken, monkeypatch):
    def fail(_root):
        raise RuntimeError("boom")

    monkeypatch.setattr("hirel.loading.loader.load_corpus", fail)
    with pytest.raises(RuntimeError):
        check_corpus(broken.root)
    assert gc.isenabled()
    assert gc.get_freeze_count() == 0


def _names_the_long_way(corpus, claim) -> Iterator:
    """check_claim_names before its short-cut: every name with its place."""
    for name, loc, role in references._claim_names(claim):
        if (problem := references._unknown_entity(corpus, name, loc, role)) is not None:
            yield problem


def test_claim_names_short_cut_gives_the_same_problems_in_the_same_order(broken):
    corpus, _problems = load_corpus(broken.root)
    found = {}
    for claim in corpus.claims.values():
        fast = list(references.check_claim_names(corpus, claim))
        assert _shown(fast) == _shown(list(_names_the_long_way(corpus, claim)))
        found[claim.id] = fast
    assert [p.message.split("'")[1] for p in found["many-names"]] == [
        "Nobody Known", "Unknown Outlet", "Another Unknown", "Nowhere Group"]
    assert [p.line for p in found["many-names"]] == [31, 32, 32, 33]  # counted by hand in BROKEN_CLAIMS
    assert found["state-dept-100m"] == [] and found["wsj-plot"] == []


def test_claim_names_are_not_checked_when_entities_yaml_is_unreadable(broken):
    broken.write("entities.yaml", "- not: [a mapping\n")
    corpus, _problems = load_corpus(broken.root)
    assert "entities" not in corpus.registries_read
    assert all(list(references.check_claim_names(corpus, c)) == [] for c in corpus.claims.values())


CASES = [
    (3e7, 3e7, "USD/month"), (9e7, 1.1e8, "USD/year"), (1.5e8, None, "USD"), (None, 5e6, "USD"),
    (0, 5e6, "USD"), (None, None, "count"), (0.25, 0.25, "percent"), (-0.0, 0.0, "percent"),
    (12.5, 12.5, "count"), (651000, 651000, "EUR"), (736330.0, 736695.0, "date"), (None, 736330.0, "date"),
    (736330.0, None, "date"), (None, None, "date"), (5, 5, "count"), (5.0, 5.0, "count"),
    (123456789.123, 123456789.123, "USD"),
]


@pytest.mark.parametrize("low, high, unit", CASES)
@pytest.mark.parametrize("digits", [3, 9])
def test_describe_interval_kept_is_describe_interval_worked_out(low, high, unit, digits):
    worked_out = units._describe_interval.__wrapped__
    for given in (unit, parse_unit(unit)):
        assert describe_interval(low, high, given, digits) == worked_out(low, high, given, digits)
        assert describe_interval(low, high, given, digits=digits) == worked_out(low, high, given, digits)


def test_describe_interval_by_hand():
    assert describe_interval(3e7, 3e7, "USD/month") == "30 million USD per month"
    assert describe_interval(9e7, 1.1e8, "USD/year") == "90 million to 110 million USD per year"
    assert describe_interval(0, 5e6, "USD") == "at most 5 million USD"
    assert describe_interval(-0.0, 0.0, "percent") == "0 percent"
    assert describe_interval(123456789.123, 123456789.123, "USD", 9) == "123.456789 million USD"


def test_describe_interval_refuses_what_it_refused_every_time():
    for _ in range(2):  # an error is not kept
        with pytest.raises(UnitError):
            describe_interval(1.0, 2.0, "not a unit/at all/really")
    nan = float("nan")
    assert describe_interval(nan, nan, "USD") == units._describe_interval.__wrapped__(nan, nan, "USD", 3)


def test_quantity_claims_still_report_a_figure_not_in_the_quote(corpus):
    corpus.write("claims/test-article.yaml", replace_once(
        CLAIMS, "value: about $100 million per year", "value: about $200 million per year"))
    _corpus, problems = check_corpus(corpus.root)
    assert [(p.code, p.line) for p in problems] == [("HR408", 6)]
