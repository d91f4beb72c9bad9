"""Output that fits the terminal, at 80, 100 and 160 columns and piped: the grid of `matrix`,
ids never broken, no Python `None`, hanging indents, `--help` names, the pager, `rule` and
`timeline` layout, hints for YAML slips and for a missing value, and one report per problem
when pre-commit splits a run.

"terminal" runs pretend stdout is a terminal (what hirel does differently there: the width
comes from the terminal, long quotes are shortened, the pager is used); "piped" runs are what
a script or `| less` gets.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import typer

from conftest import ARTICLE, CLAIMS, PROPOSITIONS

REPO = Path(__file__).resolve().parents[1]
BUNDLED = REPO / "data"

SCREENS = [pytest.param((80, True), id="terminal-80"), pytest.param((100, True), id="terminal-100"),
           pytest.param((160, True), id="terminal-160"), pytest.param((100, False), id="piped")]


@pytest.fixture(params=SCREENS)
def screen(request, monkeypatch):
    """(width, on a terminal?) with COLUMNS set and, for a terminal, stdout taken for one (the
    pager is `cat`, i.e. none)."""
    width, terminal = request.param
    monkeypatch.setenv("COLUMNS", str(width))
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("PAGER", "cat")
    monkeypatch.delenv("HIREL_PAGER", raising=False)
    if terminal:
        for module in ("hirel.output.terminal", "hirel.output.render", "hirel.output.browsing.show"):
            monkeypatch.setattr(f"{module}.is_tty", lambda stream: True)
    return width, terminal


def out(run, *args: str) -> str:
    result = run(*args)
    assert result.exit_code == 0, result.stderr
    return result.stdout


def fits(text: str, width: int) -> None:
    from rich.cells import cell_len

    too_long = [line for line in text.splitlines() if cell_len(line) > width]
    assert not too_long, f"lines wider than {width}: {too_long[:3]}"


# --------------------------------------------------------------------------- 1. matrix


def test_matrix_splits_without_losing_a_column_or_a_marker(screen, run):
    width, _terminal = screen
    text = out(run, "--data", str(BUNDLED), "matrix", "funding")
    fits(text, width)
    document = json.loads(out(run, "--data", str(BUNDLED), "matrix", "funding", "--format", "json"))
    keys = [p["key"] for p in document["propositions"]]
    headers = [line.split()[1:] for line in text.splitlines() if line.split()[:1] == ["source"]]
    shown = [key for header in headers for key in header]
    assert shown == keys + ["all"], "every proposition in exactly one grid, in order, then the tally"
    # Every claim that takes part in a contradiction keeps its marker ' !' in the grids: as many
    # markers as claims in the cells that are a party to a contradiction finding of `compare`.
    findings = json.loads(out(run, "--data", str(BUNDLED), "compare", "funding", "--format", "json"))
    parties = {claim for p in findings["propositions"] for f in p["findings"] if f["verdict"] == "contradiction"
               for claim in f["claims"]}
    expected = sum(1 for source in document["sources"] for cell in source["cells"].values()
                   for claim in cell["claims"] if claim["id"] in parties)
    assert expected > 0
    grids = re.split(r"^\s*P1 ", text, maxsplit=1, flags=re.MULTILINE)[0]
    assert grids.count(" !") == expected


@pytest.mark.parametrize("width", [44, 60, 120, 200])
def test_matrix_keeps_every_column_at_other_widths(run, monkeypatch, width):
    # 120 is where a column used to be lost between two grids.
    monkeypatch.setenv("COLUMNS", str(width))
    for topic in ("funding", "reconciliation", "axis-of-resistance"):
        text = out(run, "--data", str(BUNDLED), "--color", "never", "matrix", topic)
        document = json.loads(out(run, "--data", str(BUNDLED), "matrix", topic, "--format", "json"))
        headers = [line.split()[1:] for line in text.splitlines() if line.split()[:1] == ["source"]]
        assert [k for h in headers for k in h] == [p["key"] for p in document["propositions"]] + ["all"]
        fits(text, width)


def test_matrix_marks_each_contradicted_value_of_a_cell(screen, corpus, run):
    width, _terminal = screen
    corpus.write("articles/test-article.md", ARTICLE + "Hamas also gets $40 million a month.\n")
    corpus.write("claims/test-article.yaml", CLAIMS + """\
  - id: hamas-40m-month
    proposition: iran-funding-per-year
    quote: "Hamas also gets $40 million a month"
    value: $40 million a month
""")
    text = out(run, "matrix", "funding")
    fits(text, width)
    # $360M/yr and $480M/yr contradict each other (and the State Department's whole): both
    # lines of the cell are marked, not only the last.
    assert re.search(r"\$360M/yr !", text) and re.search(r"\$480M/yr !", text)


# --------------------------------------------------------------------------- 2. ids and wide tables


def article_ids() -> list[str]:
    return sorted(p.stem for p in (BUNDLED / "articles").glob("*.md"))


@pytest.mark.parametrize("extra", [[], ["--coverage"]], ids=["plain", "coverage"])
def test_sources_never_breaks_an_article_id(screen, run, extra):
    width, _terminal = screen
    text = out(run, "--data", str(BUNDLED), "sources", *extra)
    fits(text, width)
    first_column = {line.split()[0] for line in text.splitlines() if line.strip()}
    for article in article_ids():
        assert article in first_column, f"{article} broken or missing"
    if extra:
        assert len(re.findall(r"^covered: \d+/\d+ \(\d+%\)", text, re.MULTILINE)) == len(article_ids())


def test_topics_keep_counts_next_to_the_names(screen, run):
    from hirel.output.render import NAME_COLUMN_WIDTH

    width, _terminal = screen
    text = out(run, "--data", str(BUNDLED), "topics")
    fits(text, width)
    rows = [line for line in text.splitlines() if re.match(r"^ [a-z][a-z0-9-]* +\d", line)]
    assert rows
    for line in rows:
        # The first count starts within the capped name column plus the "propositions" column.
        assert re.search(r"\d", line).start() <= NAME_COLUMN_WIDTH + len("propositions") + 4, line


def test_a_long_id_is_not_broken_in_propositions(screen, corpus, run):
    width, _terminal = screen
    long_id = "iran-funding-per-year-as-officials-report"  # 41 characters
    corpus.write("propositions.yaml", PROPOSITIONS.replace("iran-funding-per-year:", f"{long_id}:"))
    corpus.write("claims/test-article.yaml", CLAIMS.replace("proposition: iran-funding-per-year",
                                                            f"proposition: {long_id}"))
    text = out(run, "propositions")
    fits(text, width)
    assert long_id in text


# --------------------------------------------------------------------------- 3. no Python None

MAPPING_CLAIM = """\
  - id: mapping-open-high
    proposition: iran-funding-per-year
    quote: "Hamas receives “$30 million monthly” from Tehran"
    value: {low: 1.3e+8, high: null, unit: USD/year}
"""


@pytest.mark.parametrize("fmt", ["table", "json", "csv", "markdown"])
def test_a_value_mapping_is_shown_as_written_in_yaml(screen, corpus, run, fmt):
    corpus.write("claims/test-article.yaml", CLAIMS + MAPPING_CLAIM)
    text = out(run, "show", "mapping-open-high", "--format", fmt)
    assert "None" not in text
    if fmt == "csv":
        return  # CSV gives the value normalized only
    assert "{low: 130000000, high: null, unit: USD/year}" in text
    if fmt == "json":
        assert json.loads(text)["claim"]["value"]["text"] == "{low: 130000000, high: null, unit: USD/year}"


def test_as_written_spells_yaml():
    from datetime import date

    from hirel.written import as_written

    assert as_written({"low": None, "high": True, "unit": "USD"}) == "{low: null, high: true, unit: USD}"
    assert as_written([1.0e8, date(2020, 1, 2), "x"]) == "[100000000, 2020-01-02, x]"
    assert as_written(2.5) == "2.5"


# --------------------------------------------------------------------------- 4. hanging indents


def test_value_steps_wrap_under_their_text(screen, run):
    width, _terminal = screen
    text = out(run, "value", "more than $150 million", "--unit", "USD/year", "--when", "2014/2020")
    fits(text, width)
    steps = text.split("unit")[1].splitlines()[1:]
    assert steps and steps[0].startswith("  1. ")
    for line in steps:
        assert re.match(r"^  \d\. ", line) or line.startswith("     "), f"not indented: {line!r}"


def test_compare_wraps_with_a_hanging_indent(screen, corpus, run):
    width, _terminal = screen
    long_text = "Money Iran gives per year " + "to all of the armed groups it backs in Gaza " * 3
    corpus.write("propositions.yaml", PROPOSITIONS.replace("text: Money Iran gives per year",
                                                           f"text: {long_text.strip()}"))
    text = out(run, "compare", "funding")
    fits(text, width)
    for line in text.splitlines():
        if line and not line.startswith(" "):
            # Only the first line of a heading starts at column 0: it starts with an id.
            assert re.match(r"^[a-z][a-z0-9-]*  ", line), f"wrapped to column 0: {line!r}"


def test_print_hanging_indents_continuations():
    from rich.console import Console
    from rich.text import Text

    from hirel.output.render import print_hanging

    console = Console(width=30, file=__import__("io").StringIO(), color_system=None)
    print_hanging(console, Text("word " * 14 + "\nsecond line"), 2, 3)
    lines = console.file.getvalue().splitlines()
    assert lines[0].startswith("  word")
    assert all(line.startswith("     ") for line in lines[1:])
    assert lines[-1] == "     second line"
    assert all(len(line) <= 30 and line == line.rstrip() for line in lines)


# --------------------------------------------------------------------------- 5. --help


def command_names() -> list[str]:
    from hirel.cli import app

    return sorted(typer.main.get_command(app).commands)


@pytest.mark.parametrize("name", [""] + command_names())
def test_help_names_parameters_as_the_text_does(screen, run, name):
    args = [name, "--help"] if name else ["--help"]
    text = out(run, *args)
    for bad in ("<str>", "<list[", "<Path>", "<int>", "[[", "{", "<text|", "<table|", "<json|"):
        assert bad not in text, f"{bad!r} in the help of {name or 'hirel'}"
    usage = text.splitlines()[0]
    assert usage == usage.replace("[code]", "").replace("[name]", ""), usage
    assert not re.search(r"\[[a-z_]+\]", usage), usage


def test_help_shows_metavars():
    from typer.testing import CliRunner

    from hirel.cli import app

    runner = CliRunner()
    assert runner.invoke(app, ["rule", "--help"]).stdout.splitlines()[0] == "Usage: hirel rule [OPTIONS] [CODE]"
    assert runner.invoke(app, ["show", "--help"]).stdout.splitlines()[0] == "Usage: hirel show [OPTIONS] CLAIM_ID"
    check = runner.invoke(app, ["check", "--help"]).stdout
    assert "Usage: hirel check [OPTIONS] [FILES]..." in check and "-f, --format FORMAT" in check
    assert "-u, --unit UNIT" in runner.invoke(app, ["value", "--help"]).stdout


# --------------------------------------------------------------------------- 6. pre-commit


def git(cwd: Path, *args: str) -> None:
    subprocess.run(["git", "-c", "user.email=t@example.org", "-c", "user.name=t", *args], cwd=cwd, check=True,
                   capture_output=True)


def check_call(root: Path, files: list[str], pre_commit: bool = True) -> list[tuple[str, int, str]]:
    env = {k: v for k, v in os.environ.items() if k not in ("PRE_COMMIT", "HIREL_DATA")}
    if pre_commit:
        env["PRE_COMMIT"] = "1"
    result = subprocess.run([sys.executable, "-m", "hirel", "check", "--format", "json", *files], cwd=root,
                            env=env, capture_output=True, text=True, check=False)
    assert result.returncode in (0, 1), result.stderr
    return [(p["path"], p["line"], p["code"]) for p in json.loads(result.stdout)]


@pytest.fixture
def repository(corpus):
    """The small corpus in a git repository, committed, with a claim naming an unknown entity."""
    root = corpus.root.parent
    corpus.write("claims/test-article.yaml", CLAIMS.replace("claimant: State Department", "claimant: State Dept"))
    git(root, "init", "-q")
    git(root, "add", "-A")
    git(root, "commit", "-qm", "corpus")
    return root


def test_pre_commit_all_files_split_in_two_calls_reports_each_problem_once(repository):
    files = sorted(str(p.relative_to(repository)) for p in (repository / "data").rglob("*") if p.is_file())
    whole = check_call(repository, [], pre_commit=False)
    assert whole  # the unknown claimant
    # As `pre-commit run --all-files` may split them: the article with the registries, its
    # claims file in another call.
    first = [f for f in files if not f.startswith("data/claims/")]
    second = [f for f in files if f.startswith("data/claims/")]
    reported = check_call(repository, first) + check_call(repository, second)
    assert sorted(reported) == sorted(whole)
    # Without pre-commit's environment the same calls answer for each other's files: twice.
    assert len(check_call(repository, first, False) + check_call(repository, second, False)) == 2 * len(whole)


def test_pre_commit_commit_of_an_article_reports_what_it_breaks_in_its_claims(repository):
    article = repository / "data" / "articles" / "test-article.md"
    article.write_text(ARTICLE.replace("Iran provides about", "Iran gives about"), encoding="utf-8")
    git(repository, "add", "-A")
    reported = check_call(repository, ["data/articles/test-article.md"])
    codes = {code for _path, _line, code in reported}
    assert {"HR501", "HR302"} <= codes  # the broken quote and the old problem, both in the claims file
    assert all(path == "data/claims/test-article.yaml" for path, _line, _code in reported)


def test_pre_commit_commit_of_article_and_registry_in_two_calls(repository):
    article = repository / "data" / "articles" / "test-article.md"
    article.write_text(ARTICLE.replace("Iran provides about", "Iran gives about"), encoding="utf-8")
    entities = repository / "data" / "entities.yaml"
    entities.write_text(entities.read_text(encoding="utf-8") + "Another: {}\n", encoding="utf-8")
    git(repository, "add", "-A")
    first = check_call(repository, ["data/articles/test-article.md"])
    second = check_call(repository, ["data/entities.yaml"])
    # The claims file is not in the commit: its article, first in path order, owns its problems.
    assert first and not second
    assert len(set(first)) == len(first)


# --------------------------------------------------------------------------- 7. hints

SYNTAX_SLIPS = [
    ("    note: Source: the WSJ\n", 'put it in quotes, note: "Source: the WSJ"'),
    ("  id: second\n", "start a new item with '- '"),
    ("    note: x\n        quote: too far in\n", "indented more than the key above"),
    ("\tnote: a tab\n", "YAML does not allow tabs"),
    ('    note: "never closed\n', "close the quote"),
]


@pytest.mark.parametrize("slip, hint", SYNTAX_SLIPS, ids=["colon", "dash", "indent", "tab", "quote"])
def test_yaml_syntax_errors_have_a_hint(screen, corpus, run, slip, hint):
    _width, _terminal = screen
    corpus.write("claims/test-article.yaml", CLAIMS + slip)
    result = run("check", "--format", "json")
    (problem,) = [p for p in json.loads(result.stdout) if p["code"] == "HR101"]
    assert hint in problem["hint"]
    assert problem["path"] == "data/claims/test-article.yaml"


@pytest.mark.parametrize("unit, example", [
    ("count", "value: about 9,000"),
    ("count/day", "value: about 9,000 per day"),
    ("percent", "value: about 30%"),
    ("USD/year", "value: about $100 million per year"),
    ("EUR", "value: about 100 million EUR"),
])
def test_missing_value_hint_fits_the_unit(screen, corpus, run, unit, example):
    corpus.write("propositions.yaml", PROPOSITIONS.replace("unit: USD/year", f"unit: {unit}"))
    corpus.write("claims/test-article.yaml", CLAIMS + """\
  - id: no-value
    proposition: iran-funding-per-year
    quote: "Hamas was founded in 1987"
""")
    problems = json.loads(run("check", "--format", "json").stdout)
    (problem,) = [p for p in problems if p["code"] == "HR402"]
    assert problem["hint"] == f"add e.g. {example}"
    # and the example is itself a value hirel reads in that unit
    from hirel.values import normalize_value
    from hirel.values.units import parse_unit

    assert normalize_value(example.split(": ", 1)[1], parse_unit(unit)) is not None


# --------------------------------------------------------------------------- 8. pager


def test_pager_choice_follows_git(monkeypatch):
    from hirel.cli.common import pager_command

    assert pager_command({}) == ["less"] or pager_command({}) is None  # None only without less
    assert pager_command({"PAGER": "cat"}) is None
    assert pager_command({"PAGER": ""}) is None
    assert pager_command({"HIREL_PAGER": "", "PAGER": "less"}) is None
    assert pager_command({"HIREL_PAGER": f"{sys.executable} -u", "PAGER": "cat"}) == [sys.executable, "-u"]
    assert pager_command({"PAGER": "no-such-pager-anywhere"}) is None
    assert pager_command({"PAGER": "less 'unbalanced"}) is None  # not a command line: no pager, no crash


@pytest.fixture
def pager_file(tmp_path, monkeypatch):
    """HIREL_PAGER: a program that saves what it is given, so the test can read what was paged."""
    target = tmp_path / "paged.txt"
    script = tmp_path / "pager.py"
    script.write_text(f"import sys\nopen({str(target)!r}, 'w').write(sys.stdin.read())\n", encoding="utf-8")
    monkeypatch.setenv("HIREL_PAGER", f"{sys.executable} {script}")
    return target


@pytest.mark.parametrize("width", [80, 100, 160])
def test_terminal_output_goes_through_the_pager(corpus, run, monkeypatch, pager_file, width):
    monkeypatch.setenv("COLUMNS", str(width))
    monkeypatch.setattr("hirel.output.terminal.is_tty", lambda stream: True)
    result = run("compare", "funding")
    assert result.exit_code == 0
    assert result.stdout == ""
    paged = pager_file.read_text(encoding="utf-8")
    assert "iran-funding-per-year" in paged and "dispute" in paged
    fits(paged, width)


def test_no_pager_option_and_piped_output_are_never_paged(corpus, run, monkeypatch, pager_file):
    piped = run("compare", "funding")
    assert "iran-funding-per-year" in piped.stdout and not pager_file.exists()
    monkeypatch.setattr("hirel.output.terminal.is_tty", lambda stream: True)
    direct = run("--no-pager", "compare", "funding")
    assert "iran-funding-per-year" in direct.stdout and not pager_file.exists()


def test_a_pager_that_fails_to_start_leaves_the_output_on_the_terminal(corpus, run, monkeypatch, tmp_path):
    not_executable = tmp_path / "pager"
    not_executable.write_text("#!/bin/sh\n", encoding="utf-8")  # found on PATH-less lookup, but cannot run
    monkeypatch.setenv("HIREL_PAGER", str(not_executable))
    monkeypatch.setattr("hirel.output.terminal.is_tty", lambda stream: True)
    monkeypatch.setattr("shutil.which", lambda name: name)
    result = run("compare", "funding")
    assert result.exit_code == 0
    assert "iran-funding-per-year" in result.stdout


def test_no_pager_for_an_error_or_for_check(corpus, run, monkeypatch, pager_file):
    monkeypatch.setattr("hirel.output.terminal.is_tty", lambda stream: True)
    assert run("compare", "fundng").exit_code == 2
    assert run("check").exit_code == 0
    assert not pager_file.exists()


# --------------------------------------------------------------------------- 9. rule, timeline


def test_rule_uses_the_light_table(screen, run):
    width, _terminal = screen
    text = out(run, "rule")
    fits(text, width)
    assert not set("┃━┏┓┗┛│┡┩") & set(text)
    assert re.search(r"^ HR101 +yaml-syntax +error ", text, re.MULTILINE)


def test_timeline_entries_are_separated(screen, corpus, run):
    width, _terminal = screen
    text = out(run, "timeline")
    fits(text, width)
    body = text.split("─\n", 1)[1].rstrip("\n").split("\n")
    starts = [i for i, line in enumerate(body) if re.match(r"^ (\d{4}|unknown)", line)]
    assert len(starts) >= 3
    for index in starts[1:]:
        assert body[index - 1].strip() == "", "a blank line before every entry but the first"


# --------------------------------------------------------------------------- schema


@pytest.mark.parametrize("kind", ["claims", "article", "propositions", "entities"])
def test_schema_markdown_lists_the_fields_of_the_json_schema(run, kind):
    text = out(run, "schema", kind, "--format", "markdown")
    schema = json.loads(out(run, "schema", kind))
    fields = [line.split("|")[1].strip() for line in text.splitlines()[2:]]
    properties = schema.get("properties", {})
    if kind == "claims":
        properties = properties["claims"]["items"]["properties"]
    elif kind == "propositions":
        properties = properties["propositions"]["additionalProperties"]["properties"]
    elif kind == "entities":
        properties = schema["additionalProperties"]["oneOf"][1]["properties"]
    assert fields == list(properties)


def test_schema_unknown_kind_and_format(run):
    result = run("schema", "claim")
    assert result.exit_code == 2 and "did you mean 'claims'" in result.stderr
    assert run("schema", "--format", "yaml").exit_code == 2


def test_changed_files_reads_git_status(repository):
    from hirel.rules.precommit import GONE, changed_files

    data = repository / "data"
    (data / "articles" / "test-article.md").write_text(ARTICLE + "More text.\n", encoding="utf-8")
    (data / "articles" / "new-article.md").write_text(ARTICLE, encoding="utf-8")
    git(repository, "mv", "data/claims/test-article.yaml", "data/claims/renamed.yaml")
    (data / "entities.yaml").unlink()
    assert changed_files(data) == {"data/articles/test-article.md", "data/articles/new-article.md",
                                   "data/claims/renamed.yaml",
                                   # gone: no call is given them, one answers for them (tests below)
                                   GONE + "data/claims/test-article.yaml", GONE + "data/entities.yaml"}


def test_outside_git_or_pre_commit_nothing_changes(corpus, monkeypatch):
    from hirel.rules.precommit import files_in_run

    files = [corpus.path("claims/test-article.yaml")]
    assert files_in_run(corpus.root, files, {}) is None
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(corpus.root.parent.parent))
    assert files_in_run(corpus.root, files, {"PRE_COMMIT": "1"}) is None  # not a git repository


@pytest.mark.parametrize("args", [
    ["topics"], ["propositions"], ["claims", "--topic", "funding"], ["show", "state-dept-100m-2020"], ["sources"],
    ["timeline", "--topic", "syria-rift"], ["compare", "reconciliation"], ["entities"], ["rule"],
    ["rule", "HR501"], ["value", "$30 million a month", "--unit", "USD/year"],
], ids=lambda args: "-".join(args[:2]))
def test_every_table_fits_the_screen(screen, run, args):
    width, _terminal = screen
    text = out(run, "--data", str(BUNDLED), *args)
    assert text.strip()
    fits(text, width)


# --- a commit that deletes or renames a data file (the hook runs on every commit) ------------------


def test_pre_commit_commit_that_only_deletes_an_article_reports_its_orphan(repository):
    (repository / "data" / "articles" / "kept.md").write_text(ARTICLE, encoding="utf-8")  # (a corpus stays)
    git(repository, "add", "-A")
    git(repository, "commit", "-qm", "another article")
    git(repository, "rm", "-q", "data/articles/test-article.md")
    # pre-commit hands no file to the hook (a deleted file is never handed): the call given none
    # answers for the claims file, as the article's call would (its unknown claimant included).
    found = check_call(repository, [])
    assert sorted((path, code) for path, _line, code in found) == [
        ("data/claims/test-article.yaml", "HR302"), ("data/claims/test-article.yaml", "HR304")]
    assert check_call(repository, [], pre_commit=False) != []  # (a plain check reports everything)


def test_pre_commit_rename_of_an_article_reports_its_orphan_once(repository):
    git(repository, "mv", "data/articles/test-article.md", "data/articles/other-article.md")
    given = check_call(repository, ["data/articles/other-article.md"])
    assert ("data/claims/test-article.yaml", "HR304") in [(path, code) for path, _line, code in given]
    assert check_call(repository, []) == []  # (no call is given no file here; one that were would say nothing)


def test_pre_commit_commit_without_data_files_says_nothing(repository):
    (repository / "README.md").write_text("notes\n", encoding="utf-8")
    git(repository, "add", "README.md")
    assert check_call(repository, []) == []  # the unknown claimant is not this commit's business
