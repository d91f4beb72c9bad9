"""The rules package: one module per family, an explicit registry, severity attached by the checker."""

from __future__ import annotations

import dataclasses
import json

import pytest

from conftest import CLAIMS, CorpusDir, replace_once
from hirel.errors import HirelError
from hirel.loading.fields import CERTAINTIES, PROPOSITION_KINDS
from hirel.loading.loader import load_corpus
from hirel.model import Certainty, Corpus, Kind, Loc, Problem, Severity
from hirel.rules import files, quotes, references, registry, semantics, structure, values
from hirel.rules.base import UNJUDGED
from hirel.rules.checker import check_corpus

FAMILY_OF_HUNDREDS = {"1": (files,), "2": (structure,), "3": (references,), "4": (semantics, values), "5": (quotes,)}


def test_get_gives_the_rule_of_a_code():
    assert registry.get("HR501") is quotes.QuoteNotFound
    assert registry.get("HR102") is files.DuplicateKey
    assert registry.get("HR201").name == "wrong-type"


@pytest.mark.parametrize("code", ["HR999", "hr501", "", "quote-not-found"])
def test_an_unknown_code_fails_naming_it(code):
    with pytest.raises(registry.UnknownRule) as caught:
        registry.get(code)
    assert str(caught.value) == f"unknown rule code {code!r}: `hirel rule` lists every code"
    assert isinstance(caught.value, HirelError)


@pytest.mark.parametrize("rule", registry.ALL_RULES, ids=[rule.code for rule in registry.ALL_RULES])
def test_each_rule_lives_in_the_module_of_its_family(rule):
    modules = FAMILY_OF_HUNDREDS[rule.code[2]]
    assert rule.__module__ in {module.__name__ for module in modules}
    assert rule.__doc__ and "FAIL:" in rule.__doc__ and "PASS:" in rule.__doc__


def test_the_registry_lists_every_rule_once_in_code_order():
    codes = [rule.code for rule in registry.ALL_RULES]
    assert codes == sorted(codes) and len(set(codes)) == len(codes) == len(registry.RULES) == 35


def test_a_rule_names_its_problem_and_the_checker_attaches_severity():
    raw = quotes.AmbiguousQuote.problem(Loc("a.yaml", 3, 5), "twice", "lengthen it")
    assert raw.severity == UNJUDGED
    [judged] = registry.judge([raw])
    assert (judged.code, judged.severity, judged.message, judged.hint) == ("HR502", "warning", "twice", "lengthen it")
    [error] = registry.judge([quotes.QuoteNotFound.problem(Loc("a.yaml", 3, 5), "missing")])
    assert error.severity == Severity.ERROR == "error"


def test_a_severity_already_given_is_kept():
    given = Problem("a.yaml", 1, 1, "HR501", "warning", "m")
    assert registry.judge([given])[0].severity == "warning"


def test_check_reports_judged_problems(corpus: CorpusDir):
    corpus.write("claims/test-article.yaml", replace_once(CLAIMS, "proposition: hamas-founded", "proposition: hamas-fundd"))
    _corpus, problems = check_corpus(corpus.root)
    assert [(p.code, p.severity) for p in problems] == [("HR301", "error")]


def test_severities_kinds_and_certainties_are_their_strings():
    assert Severity.WARNING == "warning" and json.dumps([Severity.ERROR]) == '["error"]'
    assert f"{Severity.ERROR}" == "error"
    assert tuple(Kind) == PROPOSITION_KINDS and tuple(Certainty) == CERTAINTIES


def test_the_loaded_corpus_is_frozen(corpus: CorpusDir):
    loaded, _problems = load_corpus(corpus.root)
    assert isinstance(loaded, Corpus)
    with pytest.raises(dataclasses.FrozenInstanceError):
        loaded.claims = {}  # type: ignore[misc]
    for mapping in (loaded.articles, loaded.claims, loaded.propositions, loaded.topics, loaded.claim_files):
        with pytest.raises(TypeError):  # read-only views: nothing is changed through the corpus
            mapping["x"] = None  # type: ignore[index]
    assert [c.id for c in loaded.claims_of("iran-funding-per-year")] == ["state-dept-100m", "hamas-30m-month"]
    assert loaded.propositions["iran-foreknowledge"].kind is Kind.STANCE
    assert loaded.claims["wsj-plot"].certainty is Certainty.CERTAIN
