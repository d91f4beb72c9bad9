"""The output layer and the command layer's contract.

Reporters are chosen by view and format name from one registry and write only to the stream
they are given; commands return exit codes and raise library errors, which one handler turns
into ``hirel: message`` and an exit code, in-process (CliRunner) as from the console script.
Expected values are from the small corpus of conftest.py (see the docstring of test_browse.py).
"""

from __future__ import annotations

import io
import json

import pytest

from hirel.comparing.verdicts import VERDICTS, Verdict
from hirel.loading.loader import load_corpus
from hirel.output.browsing import Target
from hirel.output.reporters import VIEW_FORMATS, VIEWS, view_reporter
from hirel.views import Browser, topic_stats


def browser_for(corpus) -> Browser:
    loaded, _problems = load_corpus(corpus.root)
    return Browser(loaded)


# --------------------------------------------------------------------------- the registry


@pytest.mark.parametrize("view", ["compare", "topics", "propositions", "claims", "show", "sources", "timeline",
                                  "matrix", "entities"])
@pytest.mark.parametrize("fmt", ["table", "json", "csv", "markdown"])
def test_every_view_has_a_reporter_for_every_format(view, fmt):
    assert callable(view_reporter(view, fmt))
    assert view_reporter(view, fmt.upper()) is view_reporter(view, fmt)  # format names as typed


@pytest.mark.parametrize("view, fmt, message", [
    ("topics", "xml", "unknown format 'xml' for topics; choose one of: table, json, csv, markdown"),
    ("topic", "json", ("unknown view 'topic'; choose one of: compare, topics, propositions, claims, show, sources, "
                        "timeline, matrix, entities, unknown-entities, suggest, quote, init, add, rule, schema, value")),
    ("rule", "csv", "unknown format 'csv' for rule; choose one of: table, json, markdown"),
])
def test_an_unknown_view_or_format_is_named(view, fmt, message):
    with pytest.raises(ValueError) as caught:
        view_reporter(view, fmt)
    assert str(caught.value) == message


def test_the_registry_lists_four_formats_per_browsing_view_and_each_commands_own():
    assert VIEW_FORMATS == ("table", "json", "csv", "markdown")
    browsing = ["compare", "topics", "propositions", "claims", "show", "sources", "timeline", "matrix", "entities"]
    assert all(VIEWS[name].formats == VIEW_FORMATS for name in browsing)
    assert {name: view.formats for name, view in VIEWS.items() if name not in browsing} == {
        "unknown-entities": ("yaml",), "suggest": ("yaml", "table", "json"), "quote": ("text",), "init": ("text",),
        "add": ("text",), "rule": ("table", "json", "markdown"), "schema": ("json", "markdown"),
        "value": ("table", "json")}


@pytest.mark.parametrize("view", sorted(VIEWS))
def test_every_registered_format_has_its_reporter(view):
    for fmt in VIEWS[view].formats:
        assert callable(view_reporter(view, fmt))


# --------------------------------------------------------------------------- reporters write to the stream given


def test_reporters_write_to_the_stream_they_are_given(corpus, capsys):
    rows = topic_stats(browser_for(corpus))
    stream = io.StringIO()
    view_reporter("topics", "json")(rows, Target(stream))
    assert capsys.readouterr().out == ""  # nothing on stdout
    topics = {t["id"]: t for t in json.loads(stream.getvalue())["topics"]}
    assert topics["funding"]["propositions"] == 2
    assert topics["funding"]["stats"] == {"claims": 3, "articles": 1, "origins": 2, "contradictions": 1}
    assert topics["foreknowledge"]["stats"] == {"claims": 2, "articles": 1, "origins": 2, "contradictions": 1}


def test_csv_and_table_reporters_write_to_the_stream_too(corpus, capsys):
    rows = topic_stats(browser_for(corpus))
    csv_stream, table_stream = io.StringIO(), io.StringIO()
    view_reporter("topics", "csv")(rows, Target(csv_stream))
    view_reporter("topics", "table")(rows, Target(table_stream, "never"))
    assert capsys.readouterr().out == ""
    lines = csv_stream.getvalue().splitlines()
    assert lines[0] == "topic,propositions,claims,articles,origins,contradictions,text"
    assert sorted(line.split(",")[0] for line in lines[1:]) == ["foreknowledge", "funding"]
    table = table_stream.getvalue()
    assert "\x1b[" not in table  # colour never
    assert "2 topics, 3 propositions, 5 claims." in " ".join(table.split())


# --------------------------------------------------------------------------- one error handler


def test_an_unknown_name_is_one_line_and_exit_2_in_process(corpus, run):
    result = run("show", "wsj-plott")
    assert result.exit_code == 2
    assert result.stderr == "hirel: unknown claim 'wsj-plott'; did you mean 'wsj-plot'?\n"
    assert result.stdout == ""


def test_a_commands_own_refusal_goes_through_the_same_handler(corpus, run):
    result = run("compare", "funding", "--only", "contradictoin")
    assert result.exit_code == 2
    assert result.stderr == ("hirel: unknown verdict in --only 'contradictoin'; "
                             "did you mean 'contradiction'?\n")


def test_a_commands_return_value_is_its_exit_code(corpus, run):
    assert run("compare", "funding", "--fail-on", "contradiction", "--format", "json").exit_code == 1
    assert run("compare", "funding", "--fail-on", "same-origin", "--format", "json").exit_code == 0
    assert run("compare", "funding", "--format", "json").exit_code == 0


def test_a_bad_data_directory_is_reported_by_the_handler(corpus, run, tmp_path):
    result = run("--data", str(tmp_path / "nowhere"), "topics")
    assert result.exit_code == 2
    assert result.stderr.startswith("hirel: --data: ") and result.stderr.count("\n") == 1


def test_report_error_writes_one_line_and_returns_the_code():
    from hirel.cli.errors import CommandError, report_error
    from hirel.errors import HirelError

    stream = io.StringIO()
    assert report_error(CommandError("no passage\nof x", exit_code=1), stream) == 1
    assert report_error(HirelError("bad"), stream) == 2
    assert stream.getvalue() == "hirel: no passage of x\nhirel: bad\n"


# --------------------------------------------------------------------------- Verdict


def test_verdicts_are_strings_in_listing_order():
    assert VERDICTS == (Verdict.CONTRADICTION, Verdict.AGREEMENT, Verdict.CONSISTENT, Verdict.COMPATIBLE,
                        Verdict.DIFFERENT_PERIOD, Verdict.SAME_ORIGIN, Verdict.UNRELATED)
    assert [str(v) for v in VERDICTS] == ["contradiction", "agreement", "consistent", "compatible",
                                          "different-period", "same-origin", "unrelated"]
    assert Verdict.DIFFERENT_PERIOD == "different-period"
    assert json.dumps({"verdict": Verdict.SAME_ORIGIN}) == '{"verdict": "same-origin"}'
    assert f"{Verdict.AGREEMENT:<11}|" == "agreement  |"


def test_findings_carry_verdict_members(corpus):
    browser = browser_for(corpus)
    findings = browser.comparison("iran-foreknowledge").findings
    assert [f.verdict for f in findings] == ["contradiction"]
    assert findings[0].verdict is Verdict.CONTRADICTION


def test_commands_do_not_exit_from_inside():
    """Only the application (cli/typer_app.py) and the console entry point (cli/__init__.py)
    turn return values and errors into exits; command modules return or raise."""
    from pathlib import Path

    import hirel.cli

    folder = Path(hirel.cli.__file__).parent
    exiting = [path.name for path in sorted(folder.glob("*.py"))
               if path.name not in ("__init__.py", "typer_app.py")
               and any(word in path.read_text(encoding="utf-8") for word in ("typer.Exit", "sys.exit(", "die("))]
    assert exiting == []


def test_each_views_declared_type_is_what_its_reporters_take():
    """`View[T]` is what mypy checks the commands against; a reporter is found by name
    (getattr), so this test checks that every reporter of a view declares the same ``T`` for
    what it writes, and a `Target` for where (annotations compared as written)."""
    import inspect

    from hirel.output import reporters

    declared = {view.name: reporters.__annotations__[constant] for constant, view in vars(reporters).items()
                if isinstance(view, reporters.View)}
    assert set(declared) == set(VIEWS)
    for name, annotation in declared.items():
        assert annotation.startswith("View[") and annotation.endswith("]"), annotation
        takes = annotation[len("View["):-1]
        for fmt in VIEWS[name].formats:
            parameters = list(inspect.signature(view_reporter(name, fmt)).parameters.values())
            assert [p.annotation for p in parameters] == [takes, "Target"], (name, fmt)
