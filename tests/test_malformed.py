"""Malformed input of every kind gives clean problems, never an exception or a traceback.

Each case writes files into the clean fixture corpus (tests/conftest.py) and lists exactly the
problems expected, as (path, line, code), with lines counted by hand from the text written here.
The same cases are run through the CLI, which must exit 1 (0 when only warnings remain).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import pytest

from conftest import ARTICLE, ENTITIES, PROPOSITIONS, QUANTITY_CLAIM, STANCE_CLAIM, replace_once, text
from conftest import CLAIMS as CLAIMS_FIXTURE
from hirel.model import ERROR
from hirel.rules import RULES
from hirel.rules.checker import check_corpus

CLAIMS = "data/claims/test-article.yaml"
ARTICLE_MD = "data/articles/test-article.md"
ENTITIES_YAML = "data/entities.yaml"
PROPOSITIONS_YAML = "data/propositions.yaml"

BODY = ARTICLE.split("---\n", 2)[2]  # the fixture article's text (lines 8-12 of its file)


def stance_with(line6: str) -> str:
    return STANCE_CLAIM + "    " + line6 + "\n"


def stance_replacing(old: str, new: str) -> str:
    return replace_once(STANCE_CLAIM, old, new)


def quantity_value(value: str) -> str:
    return replace_once(QUANTITY_CLAIM, "value: $30 million a month", f"value: {value}")


def article_replacing(old: str, new: str) -> str:
    return replace_once(ARTICLE, old, new)


SECOND_ARTICLE = text("""
    ---
    title: Second
    outlet: WSJ
    ---
    Iran helped plot the attack, sources said.
""")

ONE_LINE_BOMB = (
    "{a0: &a0 [" + ", ".join(["lol"] * 9) + "], "
    + ", ".join(f"a{n}: &a{n} [" + ", ".join([f"*a{n - 1}"] * 9) + "]" for n in range(1, 9))
    + ", claims: *a8}\n"
)

MARKER = "hirel-was-here"  # a file the forbidden python tag would create in the working directory


@dataclass(frozen=True)
class Bad:
    id: str
    files: dict[str, str | bytes | None]
    expected: list[tuple[str, int, str]]
    hint: str | None = None  # expected in the hint of the first expected problem


CASES = [
    # --- YAML syntax
    Bad("bad-indentation", {"claims/test-article.yaml": text("""
        claims:
          - id: wsj-plot
           proposition: iran-foreknowledge
    """)}, [(CLAIMS, 3, "HR101")]),
    # The plain scalar "The Wall Street Journal quote" runs into line 5, where ':' cannot follow.
    Bad("unclosed-bracket", {"claims/test-article.yaml": text("""
        claims:
          - id: wsj-plot
            proposition: iran-foreknowledge
            via: [The Wall Street Journal
            quote: "Iran helped plot the attack"
            stance: supports
    """)}, [(CLAIMS, 5, "HR101")]),
    Bad("unclosed-bracket-at-end", {"claims/test-article.yaml": "claims: [\n"}, [(CLAIMS, 2, "HR101")]),
    Bad("two-documents", {"claims/test-article.yaml": "claims: []\n---\nclaims: []\n"}, [(CLAIMS, 2, "HR101")]),
    Bad("control-character", {"claims/test-article.yaml": stance_with("note: a\x07b")}, [(CLAIMS, 6, "HR101")]),
    # --- duplicate keys
    Bad("duplicate-key-claim", {"claims/test-article.yaml": stance_with("stance: refutes")}, [(CLAIMS, 6, "HR102")]),
    Bad("duplicate-key-entities", {"entities.yaml": ENTITIES + "Iran: {}\n"}, [(ENTITIES_YAML, 20, "HR102")]),
    # --- tags, merge keys and aliases
    Bad("python-tag", {"claims/test-article.yaml": f'claims: !!python/object/apply:os.system ["touch {MARKER}"]\n'},
        [(CLAIMS, 1, "HR103")]),
    Bad("custom-tag", {"claims/test-article.yaml": stance_with("via: !names [The Wall Street Journal]")},
        [(CLAIMS, 6, "HR103")]),
    Bad("custom-tag-on-key", {"claims/test-article.yaml": stance_with("!custom note: x")}, [(CLAIMS, 6, "HR103")]),
    # The copy starts on line 7; without the merge it lacks both proposition and quote.
    Bad("merge-key", {"claims/test-article.yaml": text("""
        claims:
          - &first
            id: wsj-plot
            proposition: iran-foreknowledge
            quote: "Iran helped plot the attack"
            stance: supports
          - <<: *first
            id: wsj-plot-copy
    """)}, [(CLAIMS, 7, "HR103"), (CLAIMS, 7, "HR202"), (CLAIMS, 7, "HR202")]),
    Bad("billion-laughs", {"claims/test-article.yaml": ONE_LINE_BOMB}, [(CLAIMS, 1, "HR105")]),
    # --- wrong shapes
    Bad("top-level-list", {"claims/test-article.yaml": text("""
        - id: wsj-plot
          proposition: iran-foreknowledge
    """)}, [(CLAIMS, 1, "HR201")], hint="claims:"),
    Bad("top-level-scalar", {"claims/test-article.yaml": "just some words\n"}, [(CLAIMS, 1, "HR201")]),
    Bad("claims-is-a-mapping", {"claims/test-article.yaml": "claims:\n  id: wsj-plot\n"}, [(CLAIMS, 2, "HR201")]),
    Bad("claim-is-a-string", {"claims/test-article.yaml": "claims:\n  - wsj-plot\n"}, [(CLAIMS, 2, "HR201")]),
    Bad("top-level-key-typo", {"claims/test-article.yaml": "claim: []\n"},
        [(CLAIMS, 1, "HR202"), (CLAIMS, 1, "HR203")]),
    # --- encodings
    Bad("latin-1", {"claims/test-article.yaml": stance_with("note: caf\u00e9").encode("latin-1")},
        [(CLAIMS, 6, "HR104")]),
    Bad("utf-16", {"claims/test-article.yaml": STANCE_CLAIM.encode("utf-16")}, [(CLAIMS, 1, "HR104")]),
    Bad("latin-1-article", {"articles/test-article.md": article_replacing("A test article", "A t\u00e9st article")
                            .replace("\u201c", '"').replace("\u201d", '"').encode("latin-1")},
        [(ARTICLE_MD, 2, "HR104")]),
    # --- front matter
    Bad("no-front-matter", {"articles/test-article.md": ARTICLE.removeprefix("---\n")}, [(ARTICLE_MD, 1, "HR107")]),
    Bad("unclosed-front-matter", {"articles/test-article.md": article_replacing("reliability: C\n---\n",
                                                                                "reliability: C\n")},
        [(ARTICLE_MD, 1, "HR107")]),
    Bad("front-matter-list", {"articles/test-article.md": "---\n- title: A test article\n- outlet: Example Times\n---\n"
                              + BODY}, [(ARTICLE_MD, 2, "HR201")]),
    Bad("front-matter-scalar", {"articles/test-article.md": "---\nA test article\n---\n" + BODY},
        [(ARTICLE_MD, 2, "HR201")]),
    Bad("front-matter-empty", {"articles/test-article.md": "---\n---\n" + BODY}, [(ARTICLE_MD, 1, "HR107")]),
    # Front matter lines are counted from the file: the broken line 2 fails at line 3's ':'.
    Bad("front-matter-bad-yaml", {"articles/test-article.md": "---\ntitle: [A test article\noutlet: Example Times\n"
                                  "---\n" + BODY}, [(ARTICLE_MD, 3, "HR101")]),
    Bad("article-without-text", {"articles/test-article.md": ARTICLE.split("---\n")[1].join(["---\n", "---\n"]),
                                 "claims/test-article.yaml": "claims: []\n"}, [(ARTICLE_MD, 7, "HR208")]),
    # --- wrong types
    Bad("via-as-string", {"claims/test-article.yaml": stance_with("via: The Wall Street Journal")},
        [(CLAIMS, 6, "HR201")], hint="[The Wall Street Journal]"),
    Bad("quote-as-number", {"claims/test-article.yaml": stance_replacing('"Iran helped plot the attack"', "1987")},
        [(CLAIMS, 4, "HR201")], hint='"1987"'),
    Bad("changes-over-time-as-string", {"propositions.yaml": replace_once(
        PROPOSITIONS, "changes_over_time: true", 'changes_over_time: "yes"')}, [(PROPOSITIONS_YAML, 11, "HR201")]),
    Bad("when-as-list", {"claims/test-article.yaml": stance_with("when: [2019, 2020]")}, [(CLAIMS, 6, "HR201")]),
    Bad("value-as-list", {"claims/test-article.yaml": stance_with("note: [a, b]")}, [(CLAIMS, 6, "HR201")]),
    # --- ids and file names
    Bad("id-uppercase", {"claims/test-article.yaml": stance_replacing("id: wsj-plot", "id: WSJ-Plot")},
        [(CLAIMS, 2, "HR204")], hint="wsj-plot"),
    Bad("id-with-spaces", {"claims/test-article.yaml": stance_replacing("id: wsj-plot", "id: wsj plot")},
        [(CLAIMS, 2, "HR204")], hint="wsj-plot"),
    # second.yaml is read first, so the fixture's wsj-plot (line 13) is the duplicate; both files are told.
    Bad("duplicate-id-across-files", {"articles/second.md": SECOND_ARTICLE, "claims/second.yaml": STANCE_CLAIM},
        [("data/claims/second.yaml", 2, "HR205"), (CLAIMS, 13, "HR205")]),
    Bad("claims-without-article", {"claims/second.yaml": stance_replacing("id: wsj-plot", "id: second-plot")},
        [("data/claims/second.yaml", 1, "HR304")]),
    Bad("uppercase-file-name", {"claims/Second.yaml": "claims: []\n"}, [("data/claims/Second.yaml", 1, "HR106")],
        hint="second.yaml"),
    Bad("yml-claims-file", {"claims/test-article.yaml": None, "claims/test-article.yml": STANCE_CLAIM},
        [("data/claims/test-article.yml", 1, "HR106")], hint="test-article.yaml"),
    Bad("article-not-md", {"articles/notes.txt": "some notes\n"}, [("data/articles/notes.txt", 1, "HR106")]),
    # --- absurd values
    Bad("negative-amount", {"claims/test-article.yaml": quantity_value("-$30 million a month")},
        [(CLAIMS, 5, "HR405")]),
    Bad("negative-interval", {"claims/test-article.yaml": quantity_value("{low: -1.0e+8, high: 1.0e+8, unit: USD/year}")},
        [(CLAIMS, 5, "HR405")]),
    Bad("published-in-the-future", {"articles/test-article.md": article_replacing(
        "published: 2021-12-25", "published: 2999-01-01")}, [(ARTICLE_MD, 4, "HR207")]),
    Bad("published-impossible-date", {"articles/test-article.md": article_replacing(
        "published: 2021-12-25", "published: 2021-02-30")}, [(ARTICLE_MD, 4, "HR207")]),
    Bad("published-before-1000", {"articles/test-article.md": article_replacing(
        "published: 2021-12-25", "published: 0999")}, [(ARTICLE_MD, 4, "HR207")]),
    Bad("when-year-20017", {"claims/test-article.yaml": stance_with('when: "20017"')}, [(CLAIMS, 6, "HR403")]),
    Bad("when-end-before-start", {"claims/test-article.yaml": stance_with("when: 2021/2019")}, [(CLAIMS, 6, "HR403")]),
    Bad("when-impossible-date", {"claims/test-article.yaml": stance_with("when: 2019-02-29")}, [(CLAIMS, 6, "HR403")]),
    # --- quotes
    Bad("empty-quote", {"claims/test-article.yaml": stance_replacing('"Iran helped plot the attack"', '""')},
        [(CLAIMS, 4, "HR208")]),
    Bad("blank-quote", {"claims/test-article.yaml": stance_replacing('"Iran helped plot the attack"', '"   "')},
        [(CLAIMS, 4, "HR208")]),
    # The closest passage is on line 10 of the article.
    Bad("quote-not-in-text", {"claims/test-article.yaml": stance_replacing("helped plot", "helped plan")},
        [(CLAIMS, 4, "HR501")], hint="line 10"),
    Bad("quote-twice", {"claims/test-article.yaml": stance_replacing('"Iran helped plot the attack"', '"a Hamas"')},
        [(CLAIMS, 4, "HR502")]),
    # --- one mistake, one problem: a refused field is not reported again as missing or empty
    Bad("bad-stance-not-also-missing", {"claims/test-article.yaml": stance_replacing("supports", "agrees")},
        [(CLAIMS, 5, "HR206")]),
    Bad("tagged-stance-not-also-missing",
        {"claims/test-article.yaml": stance_replacing("stance: supports", "stance: !custom supports")},
        [(CLAIMS, 5, "HR103")]),
    Bad("boolean-value-not-also-missing", {"claims/test-article.yaml": quantity_value("true")},
        [(CLAIMS, 5, "HR201")]),
    # Without a topics: section, the propositions' topics are not each reported as unknown.
    Bad("no-topics-section", {"propositions.yaml": "propositions:\n" + PROPOSITIONS.split("propositions:\n", 1)[1]},
        [(PROPOSITIONS_YAML, 1, "HR202")]),
]


def apply(corpus, files: dict[str, str | bytes | None]) -> None:
    for relative, content in files.items():
        if content is None:
            corpus.path(relative).unlink()
        else:
            corpus.write(relative, content)


def places(problems) -> list[tuple[str, int, str]]:
    return [(p.path, p.line, p.code) for p in problems]


def test_there_are_enough_distinct_cases():
    assert len({case.id for case in CASES}) == len(CASES) >= 15


@pytest.mark.parametrize("case", CASES, ids=[case.id for case in CASES])
def test_malformed_input_gives_clean_problems(corpus, case: Bad):
    apply(corpus, case.files)
    _corpus, problems = check_corpus(corpus.root)
    assert places(problems) == case.expected, problems
    for problem in problems:
        assert problem.message and "\n" not in problem.message
    if case.hint is not None:
        assert case.hint in (problems[0].hint or "")
    assert not Path(MARKER).exists()


@pytest.mark.parametrize("case", CASES, ids=[case.id for case in CASES])
def test_malformed_input_through_the_cli(corpus, run, case: Bad):
    apply(corpus, case.files)
    result = run("check")
    errors = any(RULES[code].severity == ERROR for _path, _line, code in case.expected)
    assert result.exit_code == (1 if errors else 0)
    assert "Traceback" not in result.stdout + result.stderr
    assert result.stdout.count("\n") >= len(case.expected)
    as_json = run("check", "--format", "json")
    assert [(p["path"], p["line"], p["code"]) for p in json.loads(as_json.stdout)] == case.expected
    assert not Path(MARKER).exists()


# --- typos: every kind of name, with the "did you mean" hint ---------------------------------

TYPOS = [
    # (id, files, path, line, code, the right name)
    ("claimant", {"claims/test-article.yaml": stance_with("claimant: unnamed Hamas sorce")},
     CLAIMS, 6, "HR302", "unnamed Hamas source"),
    ("claimant-alias", {"claims/test-article.yaml": stance_with("claimant: State Departmnt")},
     CLAIMS, 6, "HR302", "State Department"),
    ("via-item", {"claims/test-article.yaml": stance_with("via: [WSJ, The Wall Street Journa]")},
     CLAIMS, 6, "HR302", "The Wall Street Journal"),
    ("scope", {"claims/test-article.yaml": stance_with("scope: Palestinian militant group")},
     CLAIMS, 6, "HR302", "Palestinian militant groups"),
    ("outlet", {"articles/test-article.md": article_replacing("outlet: Example Times", "outlet: Exemple Times")},
     ARTICLE_MD, 3, "HR302", "Example Times"),
    ("part-of", {"entities.yaml": replace_once(ENTITIES, "part_of: [Palestinian militant groups]",
                                               "part_of: [Palestinian militant grups]")},
     ENTITIES_YAML, 3, "HR302", "Palestinian militant groups"),
    ("proposition-object", {"propositions.yaml": replace_once(PROPOSITIONS, "object: Hamas", "object: Hamaz")},
     PROPOSITIONS_YAML, 10, "HR302", "Hamas"),
    ("proposition-reference", {"claims/test-article.yaml": stance_replacing(
        "proposition: iran-foreknowledge", "proposition: iran-foreknowlege")},
     CLAIMS, 3, "HR301", "iran-foreknowledge"),
    ("topic", {"propositions.yaml": replace_once(PROPOSITIONS, "topic: foreknowledge", "topic: foreknowlege")},
     PROPOSITIONS_YAML, 13, "HR303", "foreknowledge"),
    ("claim-field", {"claims/test-article.yaml": stance_with("claimaint: unnamed Hamas source")},
     CLAIMS, 6, "HR203", "claimant"),
    ("article-field", {"articles/test-article.md": article_replacing("reliability: C", "reliabilty: C")},
     ARTICLE_MD, 6, "HR203", "reliability"),
    ("proposition-field", {"propositions.yaml": replace_once(
        PROPOSITIONS, "changes_over_time: true", "changes_overtime: true")},
     PROPOSITIONS_YAML, 11, "HR203", "changes_over_time"),
    ("entity-field", {"entities.yaml": replace_once(ENTITIES, "aliases: [WSJ]", "alias: [WSJ]")},
     ENTITIES_YAML, 16, "HR203", "aliases"),
    ("claims-key", {"claims/test-article.yaml": STANCE_CLAIM.replace("claims:", "claim:", 1)},
     CLAIMS, 1, "HR203", "claims"),  # also HR202: the file then has no claims: list
    ("certainty", {"claims/test-article.yaml": stance_with("certainty: likley")}, CLAIMS, 6, "HR206", "likely"),
    ("article-kind", {"articles/test-article.md": article_replacing("kind: news", "kind: newz")},
     ARTICLE_MD, 5, "HR206", "news"),
    ("article-file", {"claims/test-artcle.yaml": "claims: []\n"}, "data/claims/test-artcle.yaml", 1, "HR304",
     "test-article.yaml"),
]


@pytest.mark.parametrize("case", TYPOS, ids=[case[0] for case in TYPOS])
def test_typo_gets_did_you_mean(corpus, case):
    _id, files, path, line, code, right = case
    apply(corpus, files)
    _corpus, problems = check_corpus(corpus.root)
    also = [(CLAIMS, 1, "HR202")] if _id == "claims-key" else []
    assert places(problems) == sorted(also + [(path, line, code)])
    [problem] = [p for p in problems if p.code == code]
    assert f"did you mean '{right}'" in (problem.hint or "")


# --- cases that need more than a table row ------------------------------------------------------


def test_python_tag_in_a_field_is_not_executed(corpus, run, tmp_path):
    marker = tmp_path / "executed"
    corpus.write("claims/test-article.yaml", stance_with(f'note: !!python/object/apply:os.system ["touch {marker}"]'))
    _corpus, problems = check_corpus(corpus.root)
    assert (CLAIMS, 6, "HR103") in places(problems)
    assert run("check").exit_code == 1
    assert not marker.exists()


def test_classic_billion_laughs_finishes(corpus, run):
    lines = ['a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for prev, name in zip("abcdefgh", "bcdefghi"):
        lines.append(f"{name}: &{name} [" + ", ".join([f"*{prev}"] * 9) + "]")
    lines.append("claims: *i")
    corpus.write("claims/test-article.yaml", "\n".join(lines) + "\n")
    _corpus, problems = check_corpus(corpus.root)
    assert [(p.path, p.code) for p in problems] == [(CLAIMS, "HR105")]
    assert run("check").exit_code == 1


def test_quote_hint_shows_the_closest_passage(corpus):
    corpus.write("claims/test-article.yaml", stance_replacing(
        '"Iran helped plot the attack"', '"The Biden administration says it has intelligence of Iranian involvement"'))
    _corpus, problems = check_corpus(corpus.root)
    [problem] = problems
    assert (problem.path, problem.line, problem.column, problem.code) == (CLAIMS, 4, 12, "HR501")
    assert "line 11" in problem.hint
    assert "The Biden administration says it has no intelligence" in problem.hint


def test_quote_twice_is_a_warning_naming_both_lines(corpus, run):
    # "a Hamas" occurs on line 9 ("a Hamas official") and line 10 ("a Hamas source").
    corpus.write("claims/test-article.yaml", stance_replacing('"Iran helped plot the attack"', '"a Hamas"'))
    _corpus, [problem] = check_corpus(corpus.root)
    assert problem.severity == "warning"
    assert "lines 9, 10" in problem.message
    assert run("check").exit_code == 0
    assert run("check", "--strict").exit_code == 1


def test_unreadable_file(corpus):
    # A directory where a registry file should be: it exists but cannot be read.
    corpus.path("propositions.yaml").unlink()
    corpus.path("propositions.yaml").mkdir()
    corpus.write("claims/test-article.yaml", "claims: []\n")
    _corpus, problems = check_corpus(corpus.root)
    assert places(problems) == [(PROPOSITIONS_YAML, 1, "HR108")]


def test_entries_that_are_not_regular_files_are_reported(corpus):
    import os

    (corpus.path("articles/test-article.md")).unlink()
    corpus.path("articles/test-article.md").mkdir()
    os.mkfifo(corpus.path("claims/pipe.yaml"))  # reading it would block: it must never be opened
    _corpus, problems = check_corpus(corpus.root)
    assert [(p.path, p.line, p.code) for p in problems] == [
        (ARTICLE_MD, 1, "HR108"),
        ("data/claims/pipe.yaml", 1, "HR108"),
        (CLAIMS, 1, "HR304"),  # its article is a directory, so it has none
    ]


@pytest.mark.parametrize("broken, expected", [
    # One YAML error in entities.yaml: that error, not one "unknown entity" per name in use.
    # The unclosed '[' is noticed at the end of the text, line 3.
    ("entities.yaml", [(ENTITIES_YAML, 3, "HR101")]),
    # One YAML error in propositions.yaml: that error, not one "unknown proposition" per claim.
    ("propositions.yaml", [(PROPOSITIONS_YAML, 3, "HR101")]),
], ids=["entities", "propositions"])
def test_a_broken_registry_is_one_problem(corpus, broken, expected):
    corpus.write(broken, "Hamas:\n  aliases: [unclosed\n")
    _corpus, problems = check_corpus(corpus.root)
    assert [(p.path, p.line, p.code) for p in problems] == expected


def test_a_broken_proposition_is_reported_once(corpus):
    # kind: quantities is refused on the proposition; its claims are not "unknown proposition".
    corpus.write("propositions.yaml", replace_once(PROPOSITIONS, "kind: quantity", "kind: quantities"))
    _corpus, problems = check_corpus(corpus.root)
    assert [(p.path, p.line, p.code) for p in problems] == [(PROPOSITIONS_YAML, 8, "HR206")]


def test_an_unquoted_date_value_is_read_as_a_date(corpus):
    # YAML reads `value: 1987-12-14` as a date object; on a date proposition that is what it is.
    corpus.write("claims/test-article.yaml", replace_once(CLAIMS_FIXTURE, 'value: "1987"', "value: 1987-12-14"))
    _corpus, problems = check_corpus(corpus.root)
    assert problems == []


def test_base_60_numbers_stay_text(corpus):
    # YAML 1.1 reads 20:20 as the number 1220; hirel keeps what was written, so it is a bad period.
    corpus.write("claims/test-article.yaml", stance_with("when: 20:20"))
    _corpus, problems = check_corpus(corpus.root)
    assert [(p.path, p.line, p.code) for p in problems] == [(CLAIMS, 6, "HR403")]
    assert "20:20" in problems[0].message
