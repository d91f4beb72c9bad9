"""The command modules stay thin: no command builds JSON or writes to stdout itself.

Commands under ``src/hirel/cli/`` call the library and hand what it computed to a reporter
(``common.write_view``); JSON is built in ``output/serialize.py`` and written by reporters to the
stream they are given. An ``ast`` scan finds what would break that: ``import json``, a
``json.dump``/``json.dumps`` call, ``print()``, ``typer.echo``, a write on ``sys.stdout``, or a
Rich console made in a command (it would print to stdout on its own).
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import hirel.cli

CLI = Path(hirel.cli.__file__).parent


def _dotted(node: ast.AST) -> str:
    """``sys.stdout.write`` for the expression ``sys.stdout.write`` (else "")."""
    parts = []
    while isinstance(node, ast.Attribute):
        parts.append(node.attr)
        node = node.value
    if isinstance(node, ast.Name):
        parts.append(node.id)
        return ".".join(reversed(parts))
    return ""


FORBIDDEN_CALLS = {"json.dump": "builds JSON", "json.dumps": "builds JSON", "print": "prints",
                   "typer.echo": "prints", "click.echo": "prints", "make_console": "makes a console on stdout",
                   "Console": "makes a console on stdout"}
# What writes through sys.stdout (fileno, isatty, encoding describe it; flush sends what reporters wrote).
WRITING = {"write", "writelines", "buffer"}


def offences(source: str) -> list[str]:
    """Each place in ``source`` where a command would write output itself, as 'line: what'."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found += [f"{node.lineno}: imports json" for alias in node.names if alias.name == "json"]
        elif isinstance(node, ast.ImportFrom) and node.module == "json":
            found.append(f"{node.lineno}: imports from json")
        elif isinstance(node, ast.Call):
            name = _dotted(node.func)
            short = name.rsplit(".", 1)[-1]
            if name in FORBIDDEN_CALLS or (short in ("make_console", "Console") and name):
                found.append(f"{node.lineno}: {name}() {FORBIDDEN_CALLS.get(name) or FORBIDDEN_CALLS[short]}")
        elif isinstance(node, ast.Attribute) and _dotted(node.value) == "sys.stdout" and node.attr in WRITING:
            found.append(f"{node.lineno}: uses sys.stdout.{node.attr}")
    return sorted(found)


@pytest.mark.parametrize("path", sorted(CLI.glob("*.py")), ids=lambda p: p.name)
def test_no_command_module_writes_json_or_stdout_itself(path):
    # Passing sys.stdout to a reporter (as write_view and check do) is how output is written;
    # the pager (common.py) replaces sys.stdout and restores it, which is not writing to it.
    assert offences(path.read_text(encoding="utf-8")) == []


@pytest.mark.parametrize("source, expected", [
    ("import json\njson.dump(doc, sys.stdout)\n", ["1: imports json", "2: json.dump() builds JSON"]),
    ("from json import dumps\n", ["1: imports from json"]),
    ("text = json.dumps(doc)\n", ["1: json.dumps() builds JSON"]),
    ("sys.stdout.write('x')\n", ["1: uses sys.stdout.write"]),
    ("out = sys.stdout.write\nout('x')\n", ["1: uses sys.stdout.write"]),
    ("sys.stdout.buffer.write(b'x')\n", ["1: uses sys.stdout.buffer"]),
    ("print('x')\n", ["1: print() prints"]),
    ("typer.echo('x')\n", ["1: typer.echo() prints"]),
    ("console = make_console('auto')\n", ["1: make_console() makes a console on stdout"]),
    ("from rich.console import Console\nConsole().print(x)\n", ["2: Console() makes a console on stdout"]),
    # What commands do: hand sys.stdout to a reporter, or write a diagnostic to stderr.
    ("reporter(result, Target(sys.stdout, color))\n", []),
    ("sys.stderr.write('hirel: note\\n')\n", []),
    ("if not is_tty(sys.stdout):\n    pass\n", []),
    ("os.dup2(devnull, sys.stdout.fileno())\n", []),
])
def test_the_scan_finds_each_way_of_writing(source, expected):
    assert offences(source) == expected


def test_the_scan_would_have_caught_the_old_rule_command():
    old = '''
import json
import sys

def rule(chosen):
    json.dump([r.code for r in chosen], sys.stdout, indent=2, ensure_ascii=False)
    sys.stdout.write("\\n")
'''
    assert offences(old) == ["2: imports json", "6: json.dump() builds JSON", "7: uses sys.stdout.write"]


# --------------------------------------------------------------------------- the new views' reporters


def _bundles(corpus_root):
    """What each authoring and reference command computes, for the small corpus of conftest."""
    from pathlib import Path

    from hirel.authoring.add import NewArticle
    from hirel.authoring.quote import find_quote
    from hirel.authoring.suggest import Suggester
    from hirel.authoring.unknown import UnknownName
    from hirel.loading.loader import load_corpus
    from hirel.model import Loc
    from hirel.output.authoring import Added, QuoteFound, Started, Suggested
    from hirel.output.reference import RuleListing, ValueReading
    from hirel.rules import ALL_RULES
    from hirel.values import explain_value

    corpus, _problems = load_corpus(corpus_root)
    article = corpus.articles["test-article"]
    found = find_quote(article, "Hamas was founded in 1987")
    plan = NewArticle("new-one", corpus_root / "articles/new-one.md", {"title": "New"}, "Body.\n")
    return {
        "suggest": Suggested("test-article", Suggester(corpus).for_article("test-article"), True, True),
        "quote": QuoteFound(article.path, found),
        "init": Started(Path("x"), [Path("x/data/propositions.yaml")], [Path("x/.editorconfig")]),
        "add": Added(plan, [corpus_root / "articles/new-one.md"]),
        "unknown-entities": [UnknownName("Zed", ["Zedd"], [("claimant", Loc("data/claims/a.yaml", 4, 5))])],
        "rule": RuleListing(list(ALL_RULES)[:3], one=False),
        "schema": ["claims"],
        "value": ValueReading("up 21%", explain_value("up 21%", None, None, "change"), change=True),
    }


NEW_VIEWS = ["suggest", "quote", "init", "add", "unknown-entities", "rule", "schema", "value"]


@pytest.mark.parametrize("name", NEW_VIEWS)
def test_the_new_reporters_write_only_to_the_stream_given(corpus, capsys, name):
    import io

    from hirel.output.browsing import Target
    from hirel.output.reporters import VIEWS

    bundle = _bundles(corpus.root)[name]
    for fmt in VIEWS[name].formats:
        stream = io.StringIO()
        VIEWS[name].reporter(fmt)(bundle, Target(stream, "never"))
        assert stream.getvalue(), (name, fmt)
        assert capsys.readouterr() == ("", ""), (name, fmt)


def test_what_the_new_reporters_write(corpus):
    """A few of them in full, checked by hand."""
    import io

    from hirel.output.browsing import Target
    from hirel.output.reporters import ADD, INIT, QUOTE, UNKNOWN_ENTITIES, VALUE

    bundles = _bundles(corpus.root)

    def write(view, bundle, fmt="text"):
        stream = io.StringIO()
        view.reporter(fmt)(bundle, Target(stream, "never"))
        return stream.getvalue()

    # The article's body starts on line 8: the founding sentence is its fifth line.
    assert write(QUOTE, bundles["quote"]) == ("data/articles/test-article.md:12: exact\n"
                                              "quote: \"Hamas was founded in 1987\"\n")
    assert write(INIT, bundles["init"]) == (
        "created x/data/propositions.yaml\n"
        "kept your x/.editorconfig\n"
        "next: cd x && hirel add PAGE.html (or a URL), then hirel check\n")
    assert write(ADD, bundles["add"]).splitlines() == [
        "added data/articles/new-one.md (1 paragraph)", "  title: New", "next: hirel suggest new-one"]  # was "1 paragraphs"
    assert write(UNKNOWN_ENTITIES, bundles["unknown-entities"], "yaml") == (
        "# 1 name(s) used but not in entities.yaml; check the grouped spellings\n"
        "# claimant at data/claims/a.yaml:4\n"
        "Zed:\n  aliases: [Zedd]\n")
    assert write(UNKNOWN_ENTITIES, [], "yaml") == ""
    value = write(VALUE, bundles["value"], "table").splitlines()
    assert value[0].split(None, 2)[2] == "+21%"
    assert [line.split()[0] for line in value[:5]] == ["reads", "low", "high", "compared", "unit"]
