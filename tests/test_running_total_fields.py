"""`cumulative` and `since` on a proposition: read, checked, in the JSON Schema."""

from __future__ import annotations

import json

from conftest import PROPOSITIONS, replace_once
from hirel.rules.checker import check_corpus

PROPOSITIONS_PATH = "data/propositions.yaml"
FUNDING_HEAD = "    object: Hamas\n    changes_over_time: true\n"


def with_fields(lines: str, after: str = FUNDING_HEAD) -> str:
    return replace_once(PROPOSITIONS, after, after + lines)


def check(corpus):
    return check_corpus(corpus.root)[1]


def test_cumulative_and_since_are_read(corpus):
    corpus.write("propositions.yaml", with_fields("    cumulative: true\n    since: 2017\n"))
    loaded, problems = check_corpus(corpus.root)
    assert problems == []
    prop = loaded.propositions["iran-funding-per-year"]
    assert (prop.cumulative, prop.since) == (True, "2017")
    assert loaded.propositions["hamas-founded"].cumulative is False


def test_since_without_cumulative(corpus):
    corpus.write("propositions.yaml", with_fields("    since: 2017\n"))
    [problem] = check(corpus)
    # line 12: the 'since' line, after the six lines of iran-funding-per-year's fields
    assert (problem.path, problem.line, problem.code) == (PROPOSITIONS_PATH, 12, "HR202")
    assert "cumulative: true" in problem.hint


def test_since_that_is_no_period(corpus):
    corpus.write("propositions.yaml", with_fields("    cumulative: true\n    since: the war\n"))
    [problem] = check(corpus)
    assert (problem.line, problem.code) == (13, "HR403")


def test_cumulative_must_be_a_boolean(corpus):
    corpus.write("propositions.yaml", with_fields("    cumulative: sometimes\n"))
    [problem] = check(corpus)
    assert (problem.line, problem.code) == (12, "HR201")


def test_only_a_quantity_can_be_cumulative(corpus):
    corpus.write("propositions.yaml", replace_once(PROPOSITIONS, "    kind: date\n", "    kind: date\n    cumulative: true\n"))
    [problem] = check(corpus)
    assert problem.code == "HR201" and "only a quantity proposition" in problem.message


def test_schema_has_the_fields(run):
    schema = json.loads(run("schema", "propositions").stdout)
    text = json.dumps(schema)
    assert '"cumulative"' in text and '"since"' in text
