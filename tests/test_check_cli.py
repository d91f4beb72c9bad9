"""`hirel check` on the command line: output formats, exit codes, file arguments, data-dir
discovery, colour, internal errors; and `hirel rule`, `hirel schema`, `--version`."""

from __future__ import annotations

import io
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

import hirel
from conftest import ARTICLE, CLAIMS, ENTITIES
from hirel.model import ERROR, Problem
from hirel.output.reporters import report_github, report_text
from hirel.rules import ALL_RULES

CLAIMS_PATH = "data/claims/test-article.yaml"
REQUIRED_FIELDS = {"path", "line", "column", "code", "severity", "message", "hint"}


def replace_once(source: str, old: str, new: str) -> str:
    assert source.count(old) == 1, old
    return source.replace(old, new)


# In the fixture's claims file the quote of wsj-plot is on line 15 and that of biden-no-intel on
# line 21; both values start at column 12 ('    quote: ' is 11 characters).
WITH_ERROR = replace_once(CLAIMS, "Iran helped plot the attack", "Iran helped plan the attack")  # HR501 15:12
WITH_WARNING = replace_once(  # HR502 21:12: "Hamas was founded" and "Hamas" elsewhere
    CLAIMS, '"The Biden administration says it has no intelligence showing Iranian involvement"', '"Hamas"')
WITH_BOTH = replace_once(WITH_ERROR, '"The Biden administration says it has no intelligence showing Iranian involvement"',
                         '"Hamas"')


def set_claims(corpus, claims: str) -> None:
    corpus.write("claims/test-article.yaml", claims)


def json_places(result) -> list[tuple[str, int, int, str]]:
    return [(p["path"], p["line"], p["column"], p["code"]) for p in json.loads(result.stdout)]


# --- output formats ----------------------------------------------------------------------------


def test_text_format(corpus, run):
    set_claims(corpus, WITH_BOTH)
    result = run("check")
    lines = result.stdout.splitlines()
    assert len(lines) == 4
    assert re.fullmatch(r"data/claims/test-article\.yaml:15:12: HR501 (?!warning: )\S.*", lines[0])
    assert re.fullmatch(r"    hint: \S.*", lines[1])
    assert "line 10" in lines[1]                      # the closest passage
    assert re.fullmatch(r"data/claims/test-article\.yaml:21:12: HR502 warning: \S.*", lines[2])
    assert re.fullmatch(r"    hint: \S.*", lines[3])
    assert "1 error(s), 1 warning(s)" in result.stderr


def test_text_format_clean(corpus, run):
    result = run("check")
    assert result.exit_code == 0
    assert result.stdout == ""
    assert "no problems" in result.stderr


def test_text_format_without_hint_has_no_hint_line():
    stream = io.StringIO()
    report_text([Problem("a.yaml", 3, 4, "HR101", ERROR, "invalid YAML")], stream)
    assert stream.getvalue() == "a.yaml:3:4: HR101 invalid YAML\n"


def test_json_format(corpus, run):
    set_claims(corpus, WITH_BOTH)
    result = run("check", "--format", "json")
    data = json.loads(result.stdout)
    assert [(p["line"], p["column"], p["code"], p["severity"]) for p in data] == [
        (15, 12, "HR501", "error"), (21, 12, "HR502", "warning")]
    for problem in data:
        assert REQUIRED_FIELDS <= problem.keys()
        assert problem["path"] == CLAIMS_PATH
        assert problem["message"] and problem["hint"]


def test_json_format_clean_is_an_empty_array(corpus, run):
    result = run("check", "--format", "json")
    assert result.exit_code == 0
    assert json.loads(result.stdout) == []
    assert result.stdout.strip() == "[]"


def test_jsonl_format(corpus, run):
    set_claims(corpus, WITH_BOTH)
    result = run("check", "-f", "jsonl")
    lines = result.stdout.splitlines()
    assert len(lines) == 2
    objects = [json.loads(line) for line in lines]
    assert [(o["line"], o["code"]) for o in objects] == [(15, "HR501"), (21, "HR502")]
    assert all(REQUIRED_FIELDS <= o.keys() for o in objects)


def test_jsonl_format_clean_is_empty(corpus, run):
    assert run("check", "-f", "jsonl").stdout == ""


def test_github_format(corpus, run):
    set_claims(corpus, WITH_BOTH)
    result = run("check", "--format", "github")
    lines = result.stdout.splitlines()
    assert len(lines) == 2
    assert lines[0].startswith(f"::error file={CLAIMS_PATH},line=15,col=12,title=HR501::")
    assert lines[1].startswith(f"::warning file={CLAIMS_PATH},line=21,col=12,title=HR502::")
    assert "(hint: " in lines[0]


def test_github_escaping():
    stream = io.StringIO()
    problem = Problem("data/a,b:c\nd.yaml", 2, 3, "HR501", ERROR, "100% sure\nsecond line", "use 50%")
    report_github([problem], stream)
    output = stream.getvalue()
    assert output.count("\n") == 1                       # one annotation, one line
    assert output.startswith("::error file=data/a%2Cb%3Ac%0Ad.yaml,line=2,col=3,title=HR501::")
    message = output.split("::", 2)[2]
    assert "100%25 sure" in message and "50%25" in message
    assert "second line" in message
    assert re.search(r"%(?!25|0A|0D)", message) is None    # every literal % is escaped


# --- exit codes --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "claims, args, code",
    [
        (CLAIMS, (), 0),
        (WITH_ERROR, (), 1),
        (WITH_WARNING, (), 0),
        (WITH_WARNING, ("--strict",), 1),
        (CLAIMS, ("--strict",), 0),
        (WITH_ERROR, ("--exit-zero",), 0),
        (WITH_BOTH, ("--format", "json"), 1),
        (WITH_ERROR, ("--format", "github"), 1),
    ],
    ids=["clean", "errors", "warnings-only", "warnings-strict", "clean-strict", "exit-zero", "json", "github"],
)
def test_exit_codes(corpus, run, claims, args, code):
    set_claims(corpus, claims)
    assert run("check", *args).exit_code == code


def test_nonexistent_file_argument(corpus, run):
    result = run("check", "data/claims/no-such-file.yaml")
    assert result.exit_code == 2
    assert "no-such-file.yaml" in result.stderr
    assert "Traceback" not in result.stderr


def test_no_data_directory(tmp_path, monkeypatch, run):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("HIREL_DATA", raising=False)
    result = run("check")
    assert result.exit_code == 2
    assert "no data directory" in result.stderr
    assert result.stdout == ""


def test_data_option_that_is_not_a_data_directory(corpus, run, tmp_path):
    empty = tmp_path / "empty"
    empty.mkdir()
    assert run("--data", str(empty), "check").exit_code == 2
    assert run("--data", str(tmp_path / "missing"), "check").exit_code == 2


def test_unknown_format(corpus, run):
    result = run("check", "--format", "xml")
    assert result.exit_code == 2
    assert "xml" in result.stderr


# --- file arguments (pre-commit) ---------------------------------------------------------------

OTHER_ARTICLE = "---\ntitle: Other\noutlet: WSJ\n---\nIran helped plot the attack, a source said.\n"
OTHER_CLAIMS = (
    "claims:\n"
    "  - id: other-plot\n"
    "    proposition: iran-plotted\n"      # line 3: not a proposition (HR301, column 18)
    '    quote: "Iran helped plot the attack"\n'
    "    stance: supports\n"
)


@pytest.fixture
def two_files(corpus):
    corpus.write("articles/other.md", OTHER_ARTICLE)
    corpus.write("claims/other.yaml", OTHER_CLAIMS)
    corpus.write("entities.yaml", ENTITIES + "Iran: {}\n")   # HR102 on line 20
    return corpus


def test_whole_corpus_reports_every_file(two_files, run):
    assert json_places(run("check", "-f", "json")) == [
        ("data/claims/other.yaml", 3, 18, "HR301"), ("data/entities.yaml", 20, 1, "HR102")]


def test_one_file_reports_only_that_file(two_files, run):
    # The claims reference propositions.yaml and entities.yaml, which are still loaded.
    result = run("check", "-f", "json", "data/claims/test-article.yaml")
    assert result.exit_code == 0
    assert json.loads(result.stdout) == []


def test_one_file_with_a_problem(two_files, run):
    result = run("check", "-f", "json", "data/claims/other.yaml")
    assert result.exit_code == 1
    assert json_places(result) == [("data/claims/other.yaml", 3, 18, "HR301")]


def test_cross_reference_is_checked_against_the_other_files(two_files, run):
    # A claimant unknown to entities.yaml is a problem of the claims file given.
    set_claims(two_files, replace_once(CLAIMS, "claimant: Biden administration", "claimant: Bidn administration"))
    result = run("check", "-f", "json", "data/claims/test-article.yaml")
    assert json_places(result) == [(CLAIMS_PATH, 22, 15, "HR302")]


def test_several_files_like_pre_commit(two_files, run):
    result = run("check", "-f", "json", "data/claims/test-article.yaml", "data/articles/test-article.md")
    assert result.exit_code == 0
    assert json.loads(result.stdout) == []


def test_a_registry_answers_for_the_whole_corpus(two_files, run):
    # Changing entities.yaml can break any claims file: all problems are reported.
    result = run("check", "-f", "json", "data/entities.yaml")
    assert result.exit_code == 1
    assert json_places(result) == [("data/claims/other.yaml", 3, 18, "HR301"), ("data/entities.yaml", 20, 1, "HR102")]


def test_an_article_answers_for_its_claims_file(two_files, run):
    # Editing an article can unanchor the quotes of its claims file.
    result = run("check", "-f", "json", "data/articles/other.md")
    assert result.exit_code == 1
    assert json_places(result) == [("data/claims/other.yaml", 3, 18, "HR301")]


@pytest.mark.parametrize("folder", ["data", "data/", "data/claims", "."])
def test_a_directory_stands_for_the_files_under_it(two_files, run, folder):
    result = run("check", "-f", "json", folder)
    assert result.exit_code == 1
    places = json_places(result)
    assert ("data/claims/other.yaml", 3, 18, "HR301") in places
    assert (("data/entities.yaml", 20, 1, "HR102") in places) == (folder != "data/claims")


def test_a_file_outside_the_data_directory_is_noted(two_files, run, tmp_path):
    stray = tmp_path / "notes.yaml"
    stray.write_text("x: 1\n", encoding="utf-8")
    result = run("check", "--format", "json", "data/claims/test-article.yaml", str(stray))
    assert result.exit_code == 0
    assert "notes.yaml is not in the data directory" in result.stderr


def test_file_argument_spelled_differently(two_files, run):
    result = run("check", "-f", "json", "./data/articles/../claims/other.yaml")
    assert json_places(result) == [("data/claims/other.yaml", 3, 18, "HR301")]


# --- data-directory discovery ------------------------------------------------------------------


@pytest.fixture
def outside(corpus, tmp_path_factory, monkeypatch):
    """A working directory with no data/ at or above it; the corpus has one error."""
    set_claims(corpus, WITH_ERROR)
    elsewhere = tmp_path_factory.mktemp("elsewhere")
    monkeypatch.chdir(elsewhere)
    return elsewhere


def _absolute(corpus, relative: str) -> str:
    return corpus.path(relative).resolve().as_posix()


def test_outside_without_hints_finds_nothing(outside, run):
    assert run("check").exit_code == 2


def test_data_option(corpus, outside, run):
    result = run("--data", str(corpus.root), "check", "-f", "json")
    assert result.exit_code == 1
    # Paths outside the working directory are shown in full.
    assert json_places(result) == [(_absolute(corpus, "claims/test-article.yaml"), 15, 12, "HR501")]


def test_hirel_data_environment_variable(corpus, outside, run, monkeypatch):
    monkeypatch.setenv("HIREL_DATA", str(corpus.root))
    result = run("check", "-f", "json")
    assert result.exit_code == 1
    assert json_places(result) == [(_absolute(corpus, "claims/test-article.yaml"), 15, 12, "HR501")]


def test_data_option_wins_over_the_environment(corpus, outside, run, monkeypatch, tmp_path):
    monkeypatch.setenv("HIREL_DATA", str(tmp_path / "missing"))
    assert run("--data", str(corpus.root), "check").exit_code == 1


def test_data_directory_from_the_file_argument(corpus, outside, run):
    # A decoy data/ in the working directory must not be used for a file of another corpus.
    decoy = outside / "data"
    (decoy / "articles").mkdir(parents=True)
    (decoy / "claims").mkdir()
    claims_file = str(corpus.path("claims/test-article.yaml"))
    result = run("check", "-f", "json", claims_file)
    assert result.exit_code == 1
    assert json_places(result) == [(_absolute(corpus, "claims/test-article.yaml"), 15, 12, "HR501")]


def test_data_directory_upward_from_inside_it(corpus, run, monkeypatch):
    set_claims(corpus, WITH_ERROR)
    monkeypatch.chdir(corpus.path("claims"))
    result = run("check", "-f", "json")
    assert result.exit_code == 1
    assert json_places(result) == [("test-article.yaml", 15, 12, "HR501")]  # relative to the cwd


def test_data_directory_upward_from_a_subdirectory_of_the_repo(corpus, run, monkeypatch, tmp_path):
    set_claims(corpus, WITH_ERROR)
    deep = tmp_path / "docs" / "notes"
    deep.mkdir(parents=True)
    monkeypatch.chdir(deep)
    result = run("check", "-f", "json")
    assert result.exit_code == 1
    assert json_places(result) == [(_absolute(corpus, "claims/test-article.yaml"), 15, 12, "HR501")]


# --- colour ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "env, args, coloured",
    [
        ({}, ("--color", "always"), True),
        ({"FORCE_COLOR": "1"}, (), True),
        ({"FORCE_COLOR": "1", "NO_COLOR": "1"}, (), False),
        ({"FORCE_COLOR": "1"}, ("--color", "never"), False),
        ({"NO_COLOR": "1"}, (), False),
        ({}, ("--color", "never"), False),
        ({}, (), False),   # not a terminal
    ],
    ids=["always", "force-color", "no-color-beats-force", "never-beats-force", "no-color", "never", "pipe"],
)
def test_colour(corpus, run, monkeypatch, env, args, coloured):
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.delenv("FORCE_COLOR", raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    set_claims(corpus, WITH_BOTH)
    result = run(*args, "check")
    assert result.stdout  # there is something to colour
    assert ("\x1b[" in result.stdout) is coloured


def test_json_is_never_coloured(corpus, run):
    set_claims(corpus, WITH_BOTH)
    result = run("--color", "always", "check", "-f", "json")
    assert "\x1b" not in result.stdout
    json.loads(result.stdout)


# --- untrusted text ----------------------------------------------------------------------------

MARKUP = "[bold red]x[/] :smile:"


def test_untrusted_text_is_shown_literally(corpus, run):
    corpus.write("articles/test-article.md",
                 ARTICLE + f"Officials called it {MARKUP} \x1b[31mred\x1b[0m in public.\n")   # line 13
    claims = replace_once(CLAIMS, "claimant: Biden administration", f'claimant: "{MARKUP} \\e[31m"')
    claims = replace_once(claims, '"Iran helped plot the attack"', f'"Officials called it {MARKUP} \\e[31m in pubic"')
    set_claims(corpus, claims)
    result = run("--color", "never", "check")
    output = result.stdout + result.stderr
    assert result.exit_code == 1
    assert "\x1b" not in output
    assert "\U0001f604" not in output                           # :smile: not turned into an emoji
    [quote_line] = [line for line in result.stdout.splitlines() if ":15:12: HR501" in line]
    [hint] = [line for line in result.stdout.splitlines() if "line 13" in line]
    assert f"Officials called it {MARKUP} red in public." in hint
    [claimant_line] = [line for line in result.stdout.splitlines() if ":22:15: HR302" in line]
    assert MARKUP in claimant_line
    assert quote_line


# --- internal errors ---------------------------------------------------------------------------


def _crash(*_args, **_kwargs):
    raise RuntimeError("boom")


def test_internal_error_is_one_line_and_exit_2(corpus, monkeypatch, capsys):
    from hirel.cli import main

    monkeypatch.setattr("hirel.rules.checker.check_corpus", _crash)
    monkeypatch.setattr(sys, "argv", ["hirel", "check"])
    monkeypatch.delenv("HIREL_DEBUG", raising=False)
    with pytest.raises(SystemExit) as exit_info:
        main()
    assert exit_info.value.code == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert "internal error" in err and "RuntimeError" in err and "boom" in err
    assert "HIREL_DEBUG=1" in err
    assert "Traceback" not in err


def test_internal_error_with_debug_propagates(corpus, monkeypatch):
    from hirel.cli import main

    monkeypatch.setattr("hirel.rules.checker.check_corpus", _crash)
    monkeypatch.setattr(sys, "argv", ["hirel", "check"])
    monkeypatch.setenv("HIREL_DEBUG", "1")
    with pytest.raises(RuntimeError, match="boom"):
        main()


def test_main_exit_codes_pass_through(corpus, monkeypatch):
    from hirel.cli import main

    set_claims(corpus, WITH_ERROR)
    monkeypatch.setattr(sys, "argv", ["hirel", "check", "-f", "json"])
    with pytest.raises(SystemExit) as exit_info:
        main()
    assert exit_info.value.code == 1


# --- hirel rule --------------------------------------------------------------------------------


def test_rule_lists_every_code(run):
    result = run("rule")
    assert result.exit_code == 0
    for rule in ALL_RULES:
        assert rule.code in result.stdout
        assert rule.name in result.stdout


def test_rule_json_lists_every_code(run):
    data = json.loads(run("rule", "--format", "json").stdout)
    assert [r["code"] for r in data] == [rule.code for rule in ALL_RULES]


@pytest.mark.parametrize("name", ["HR501", "hr501", "quote-not-found"], ids=["code", "lowercase", "name"])
def test_rule_shows_fail_and_pass(run, name):
    result = run("rule", name)
    assert result.exit_code == 0
    assert "HR501" in result.stdout and "quote-not-found" in result.stdout
    assert "FAIL:" in result.stdout and "PASS:" in result.stdout
    assert result.stdout.index("FAIL:") < result.stdout.index("PASS:")


def test_unknown_rule_close_to_a_code(run):
    result = run("rule", "HR50")
    assert result.exit_code == 2
    assert "did you mean 'HR501'" in result.stderr


def test_unknown_rule(run):
    result = run("rule", "HR999")
    assert result.exit_code == 2
    assert "HR999" in result.stderr
    assert result.stdout == ""


def test_unknown_rule_suggests_something(run):
    result = run("rule", "HR999")
    assert "`hirel rule` lists every code" in result.stderr
    close = run("rule", "quote-not-fund")
    assert close.exit_code == 2
    assert "did you mean 'quote-not-found'?" in close.stderr


# --- hirel schema ------------------------------------------------------------------------------

DRAFT_07 = "http://json-schema.org/draft-07/schema#"


@pytest.mark.parametrize("kind", ["claims", "article", "propositions", "entities"])
def test_schema(run, kind):
    result = run("schema", kind)
    assert result.exit_code == 0
    schema = json.loads(result.stdout)
    assert schema["$schema"] == DRAFT_07
    assert schema["type"] == "object"


def test_schema_claims_describes_the_claim_fields(run):
    schema = json.loads(run("schema", "claims").stdout)
    claim = schema["properties"]["claims"]["items"]
    assert set(claim["required"]) == {"id", "proposition", "quote"}
    assert {"claimant", "via", "value", "scope", "when", "certainty", "stance", "note"} <= claim["properties"].keys()
    assert claim["additionalProperties"] is False


def test_schema_all_kinds(run):
    document = json.loads(run("schema").stdout)
    assert set(document) == {"claims", "article", "propositions", "entities"}
    assert all(schema["$schema"] == DRAFT_07 for schema in document.values())


def test_schema_unknown_kind(run):
    result = run("schema", "claim")
    assert result.exit_code == 2
    assert "did you mean 'claims'" in result.stderr


# --- version -----------------------------------------------------------------------------------


def test_python_m_hirel_version():
    completed = subprocess.run([sys.executable, "-m", "hirel", "--version"], capture_output=True, text=True,
                               timeout=60, check=False)
    assert completed.returncode == 0
    assert completed.stdout == f"hirel {hirel.__version__}\n"
    assert completed.stderr == ""


def test_version_option(run):
    result = run("--version")
    assert result.exit_code == 0
    assert result.stdout.strip() == f"hirel {hirel.__version__}"


# --- the pre-commit hook definition ------------------------------------------------------------


def test_pre_commit_hook_is_declared():
    import yaml

    hooks = Path(__file__).resolve().parents[1] / ".pre-commit-hooks.yaml"

    [hook] = [h for h in yaml.safe_load(hooks.read_text()) if h["id"] == "hirel-check"]
    assert hook["entry"] == "hirel check"
    assert hook["language"] == "python"


def test_start_up_imports_stay_light():
    # `hirel check` runs on every commit: the command line must not import the comparison
    # engine, rich or rapidfuzz before a command needs them.
    code = ("import sys, hirel.cli; heavy = sorted(m for m in sys.modules if m.split('.')[0] in "
            "('rich', 'rapidfuzz') or m in ('hirel.values', 'hirel.comparing.comparison', 'hirel.comparing.verdicts', "
            "'hirel.loading.loader')); print(heavy)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
