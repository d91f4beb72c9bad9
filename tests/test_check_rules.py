"""Every rule of `hirel check`: one failing change to the fixture corpus each, and the clean pass.

Each case replaces (or adds, or removes) files of the clean fixture corpus (tests/conftest.py)
and expects exactly one problem: the rule's code at a line and column counted by hand from the
text written here. The meta-test at the end fails when a rule is added without a case.
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from conftest import ARTICLE, ENTITIES, PROPOSITIONS, QUANTITY_CLAIM, STANCE_CLAIM, replace_once, text
from hirel.model import ERROR, WARNING, Problem
from hirel.rules import ALL_RULES, RULES
from hirel.rules.checker import check_corpus

CLAIMS_PATH = "data/claims/test-article.yaml"
ARTICLE_PATH = "data/articles/test-article.md"
ENTITIES_PATH = "data/entities.yaml"
PROPOSITIONS_PATH = "data/propositions.yaml"


def stance_claim_with(extra_line: str) -> str:
    """STANCE_CLAIM plus one field on line 6."""
    return STANCE_CLAIM + "    " + extra_line + "\n"


def quantity_claim_with_value(value: str) -> str:
    return replace_once(QUANTITY_CLAIM, "value: $30 million a month", f"value: {value}")


# Nine anchors of nine aliases each on one line: whatever node the reader stops at, it is on line 1.
ALIAS_BOMB = (
    "{a0: &a0 [" + ", ".join(["lol"] * 9) + "], "
    + ", ".join(f"a{n}: &a{n} [" + ", ".join([f"*a{n - 1}"] * 9) + "]" for n in range(1, 9))
    + ", claims: *a8}\n"
)


@dataclass(frozen=True)
class Case:
    code: str
    files: dict[str, str | bytes | None]  # relative to data/; None removes the file
    path: str
    line: int
    column: int | None  # None: the column is not meaningful for this case
    severity: str = ERROR


FAILING = [
    # --- HR1xx: files and YAML
    Case("HR101", {"claims/test-article.yaml": text("""
        claims:
          - id: wsj-plot
           proposition: iran-foreknowledge
    """)}, CLAIMS_PATH, 3, 4),  # the key indented one space too far
    Case("HR102", {"claims/test-article.yaml": stance_claim_with("stance: refutes")}, CLAIMS_PATH, 6, 5),
    Case("HR103", {"claims/test-article.yaml": "claims: !claims []\n"}, CLAIMS_PATH, 1, 9),
    Case("HR104", {"claims/test-article.yaml": b"claims:\n  - id: wsj-plot\n    note: caf\xe9\n"},
         CLAIMS_PATH, 3, 14),  # "    note: caf" is 13 bytes; the Latin-1 byte 0xe9 is the 14th
    Case("HR105", {"claims/test-article.yaml": ALIAS_BOMB}, CLAIMS_PATH, 1, None),
    Case("HR106", {"claims/Test-Article.yaml": "claims: []\n"}, "data/claims/Test-Article.yaml", 1, 1),
    Case("HR107", {"articles/test-article.md": ARTICLE.removeprefix("---\n")}, ARTICLE_PATH, 1, 1),
    Case("HR108", {"propositions.yaml": None, "claims/test-article.yaml": "claims: []\n"},
         PROPOSITIONS_PATH, 1, 1),
    Case("HR109", {"claims/test-article.yaml": stance_claim_with('note: "Hamas\\u200b"')},  # a YAML escape
         CLAIMS_PATH, 6, 11, WARNING),
    # --- HR2xx: structure
    Case("HR201", {"claims/test-article.yaml": stance_claim_with("via: The Wall Street Journal")},
         CLAIMS_PATH, 6, 10),
    Case("HR202", {"claims/test-article.yaml": replace_once(
        STANCE_CLAIM, '    quote: "Iran helped plot the attack"\n', "")}, CLAIMS_PATH, 2, 5),  # the claim's start
    Case("HR203", {"claims/test-article.yaml": stance_claim_with("claimaint: unnamed Hamas source")},
         CLAIMS_PATH, 6, 5),
    Case("HR204", {"claims/test-article.yaml": replace_once(STANCE_CLAIM, "id: wsj-plot", "id: WSJ Plot")},
         CLAIMS_PATH, 2, 9),
    Case("HR205", {"claims/test-article.yaml": STANCE_CLAIM + (
        "  - id: wsj-plot\n"
        "    proposition: iran-foreknowledge\n"
        '    quote: "The Biden administration says it has no intelligence showing Iranian involvement"\n'
        "    stance: refutes\n"
    )}, CLAIMS_PATH, 6, 9),  # the second claim starts on line 6
    Case("HR206", {"claims/test-article.yaml": stance_claim_with("certainty: sure")}, CLAIMS_PATH, 6, 16),
    Case("HR207", {"articles/test-article.md": replace_once(ARTICLE, "published: 2021-12-25", "published: 22/08/2019")},
         ARTICLE_PATH, 4, 12),
    Case("HR208", {"claims/test-article.yaml": replace_once(
        STANCE_CLAIM, 'quote: "Iran helped plot the attack"', 'quote: ""')}, CLAIMS_PATH, 4, 12),
    Case("HR209", {"articles/test-article.md": replace_once(
        ARTICLE, "reliability: C\n", "reliability: C\nurl: www.example.com/a\n")},
         ARTICLE_PATH, 7, 6, severity=WARNING),
    # --- HR3xx: references
    Case("HR301", {"claims/test-article.yaml": replace_once(
        STANCE_CLAIM, "proposition: iran-foreknowledge", "proposition: iran-foreknowlege")}, CLAIMS_PATH, 3, 18),
    Case("HR302", {"claims/test-article.yaml": stance_claim_with("claimant: unnamed Hamas sorce")},
         CLAIMS_PATH, 6, 15),
    Case("HR303", {"propositions.yaml": replace_once(PROPOSITIONS, "topic: foreknowledge", "topic: foreknowlege")},
         PROPOSITIONS_PATH, 13, 12),
    Case("HR304", {"claims/other-article.yaml": "claims: []\n"}, "data/claims/other-article.yaml", 1, 1),
    Case("HR305", {"entities.yaml": replace_once(ENTITIES, "Iran: {}", "Iran: {part_of: [Iran]}")},
         ENTITIES_PATH, 8, 17),  # "Iran: {part_of: " is 16 characters; the list starts at 17
    # --- HR4xx: claim semantics
    Case("HR401", {"claims/test-article.yaml": replace_once(STANCE_CLAIM, "    stance: supports\n", "")},
         CLAIMS_PATH, 2, 5),
    Case("HR402", {"claims/test-article.yaml": text("""
        claims:
          - id: founded-1987
            proposition: hamas-founded
            quote: "Hamas was founded in 1987"
    """)}, CLAIMS_PATH, 2, 5),
    Case("HR403", {"claims/test-article.yaml": stance_claim_with("when: 2021/2019")}, CLAIMS_PATH, 6, 11),
    Case("HR404", {"propositions.yaml": replace_once(PROPOSITIONS, "unit: USD/year", "unit: dollars a fortnight")},
         PROPOSITIONS_PATH, 9, 11),
    Case("HR405", {"claims/test-article.yaml": quantity_claim_with_value("lots of money")}, CLAIMS_PATH, 5, 12),
    Case("HR406", {"claims/test-article.yaml": quantity_claim_with_value("over 50%")}, CLAIMS_PATH, 5, 12),
    Case("HR407", {"claims/test-article.yaml": quantity_claim_with_value("€30 million a month")},
         CLAIMS_PATH, 5, 12, severity=WARNING),
    Case("HR408", {"claims/test-article.yaml": quantity_claim_with_value("$40 million a month")},
         CLAIMS_PATH, 5, 12, severity=WARNING),
    Case("HR409", {"claims/test-article.yaml": quantity_claim_with_value("up $30 million a month")},
         CLAIMS_PATH, 5, 12),
    Case("HR410", {"claims/test-article.yaml": quantity_claim_with_value("$30 million\n    when: 2020-03")},
         CLAIMS_PATH, 5, 12, severity=WARNING),
    # --- HR5xx: quotes
    Case("HR501", {"claims/test-article.yaml": replace_once(
        STANCE_CLAIM, "Iran helped plot the attack", "Iran helped plan the attack")}, CLAIMS_PATH, 4, 12),
    Case("HR502", {"claims/test-article.yaml": replace_once(
        STANCE_CLAIM, '"Iran helped plot the attack"', '"Hamas"')}, CLAIMS_PATH, 4, 12, severity=WARNING),
]


def apply(corpus, files: dict[str, str | bytes | None]) -> None:
    for relative, content in files.items():
        if content is None:
            corpus.path(relative).unlink()
        else:
            corpus.write(relative, content)


def check(corpus) -> list[Problem]:
    _corpus, problems = check_corpus(corpus.root)
    return problems


@pytest.mark.parametrize("case", FAILING, ids=[case.code for case in FAILING])
def test_failing_case(corpus, case: Case):
    apply(corpus, case.files)
    problems = check(corpus)
    assert [(p.path, p.line, p.code) for p in problems] == [(case.path, case.line, case.code)], problems
    [found] = problems
    if case.column is not None:
        assert found.column == case.column
    assert found.severity == case.severity == RULES[case.code].severity
    assert found.message


@pytest.mark.parametrize("rule", ALL_RULES, ids=[rule.code for rule in ALL_RULES])
def test_passing_case(corpus, rule):
    assert rule.code not in {p.code for p in check(corpus)}


def test_clean_fixture_has_no_problems(corpus):
    assert check(corpus) == []


def test_every_rule_has_a_failing_case():
    assert sorted(case.code for case in FAILING) == sorted(RULES)


def test_rule_codes_are_unique_and_documented():
    assert len(RULES) == len(ALL_RULES)
    for rule in ALL_RULES:
        doc = rule.doc()
        assert rule.summary(), rule.code
        assert "FAIL:" in doc and "PASS:" in doc, rule.code
        assert rule.severity in (ERROR, WARNING)


# --- a few rules in more than one place --------------------------------------------------------


def test_duplicate_claim_id_across_files(corpus):
    corpus.write("articles/second.md", text("""
        ---
        title: Second
        outlet: WSJ
        ---
        Iran helped plot the attack, sources said.
    """))
    corpus.write("claims/second.yaml", STANCE_CLAIM)
    # Files are read in name order: second.yaml defines wsj-plot first, so the fixture's
    # wsj-plot (line 13 of its claims file, value column 9) is the duplicate; second.yaml is
    # told too (line 2), so that checking either file alone sees it.
    problems = check(corpus)
    assert problems == [Problem("data/claims/second.yaml", 2, 9, "HR205", ERROR, ""),
                        Problem(CLAIMS_PATH, 13, 9, "HR205", ERROR, "")]
    assert "data/claims/test-article.yaml:13" in problems[0].message
    assert "data/claims/second.yaml:2" in problems[1].message


def test_duplicate_entity_alias(corpus):
    corpus.write("entities.yaml", replace_once(ENTITIES, "aliases: [WSJ]", "aliases: [WSJ, State Department]"))
    # Line 16 "  aliases: [WSJ, State Department]": the second item starts at column 18.
    [problem] = check(corpus)
    assert problem == Problem(ENTITIES_PATH, 16, 18, "HR205", ERROR, "")
    assert "line 11" in problem.message  # where State Department was first named


def test_missing_article_fields_are_each_reported(corpus):
    corpus.write("articles/test-article.md", replace_once(
        replace_once(ARTICLE, "title: A test article\n", ""), "outlet: Example Times\n", ""))
    problems = check(corpus)
    assert [(p.line, p.column, p.code) for p in problems] == [(2, 1, "HR202"), (2, 1, "HR202")]
    assert {"'title'" in p.message for p in problems} == {True, False}


def test_total_without_period_hints_at_when(corpus):
    corpus.write("claims/test-article.yaml", quantity_claim_with_value("$30 million"))
    [problem] = check(corpus)
    assert (problem.line, problem.code) == (5, "HR406")
    assert "when:" in problem.hint


def test_percentage_for_money_does_not_hint_at_when(corpus):
    corpus.write("claims/test-article.yaml", quantity_claim_with_value("over 50%"))
    [problem] = check(corpus)
    assert (problem.line, problem.code) == (5, "HR406")
    assert problem.hint is None or "when" not in problem.hint


def test_article_that_cannot_be_read_is_not_called_missing(corpus):
    # The claims file has its article; the article's own problem is the only one reported.
    corpus.write("articles/test-article.md", ARTICLE.replace("\u201c", '"').replace("\u201d", '"')
                 .replace("A test article", "A t\u00e9st article").encode("latin-1"))
    assert [(p.path, p.line, p.code) for p in check(corpus)] == [(ARTICLE_PATH, 2, "HR104")]


def test_empty_claims_file_is_fine(corpus):
    corpus.write("claims/test-article.yaml", "")
    assert check(corpus) == []


def test_hidden_files_are_ignored_and_folders_reported(corpus):
    corpus.write("claims/.hidden.yaml", "not: [valid\n")
    (corpus.root / "claims" / "subdir").mkdir()
    assert check(corpus) == [Problem("data/claims/subdir", 1, 1, "HR108", ERROR, "")]


def test_only_the_files_asked_for_are_reported(corpus):
    corpus.write("claims/test-article.yaml", stance_claim_with("claimant: unnamed Hamas sorce"))
    corpus.write("entities.yaml", ENTITIES + "Iran: {}\n")  # a duplicate key in another file
    _c, problems = check_corpus(corpus.root, [corpus.path("claims/test-article.yaml")])
    assert [(p.path, p.line, p.code) for p in problems] == [(CLAIMS_PATH, 6, "HR302")]
