"""Fuzzing: mutated corpora through `check` and the browsing commands, in every format.

Hypothesis starts from the small fixture corpus (tests/conftest.py) and applies a few mutations
of the kinds people and attackers produce: byte flips, deleted and duplicated lines, changed
indentation, values of another type, huge numbers, empty files, a BOM, CRLF, NUL, invalid UTF-8,
deep nesting, anchors and aliases, YAML tags, and hostile text (escape sequences, C1 controls,
bidi overrides, formula and Markdown openers). The properties, whatever the input:

- the exit code is 0, 1 or 2, and no exception escapes ("internal error");
- `check` locates every problem: a path and a line;
- JSON output parses;
- human output (text, tables, CSV, Markdown, GitHub annotations, stderr) carries no escape
  character, C1 control, bidi control or zero-width character.

The suite runs a few dozen examples (a few seconds). A longer run, with every command in every
format for each example:

    HIREL_FUZZ_EXAMPLES=3000 HIREL_FUZZ_ALL=1 pytest tests/test_fuzz.py -q
"""

from __future__ import annotations

import json
import os
import re
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from conftest import ARTICLE, CLAIMS, ENTITIES, PROPOSITIONS

EXAMPLES = int(os.environ.get("HIREL_FUZZ_EXAMPLES", "20"))
EVERY_COMMAND = bool(os.environ.get("HIREL_FUZZ_ALL"))

FILES = {
    "entities.yaml": ENTITIES,
    "propositions.yaml": PROPOSITIONS,
    "articles/test-article.md": ARTICLE,
    "claims/test-article.yaml": CLAIMS,
}

# What may never reach a human format: ESC, C1 controls, bidi controls, zero-width characters.
FORBIDDEN = re.compile("[\x1b\x80-\x9f\u202a-\u202e\u2066-\u2069\u200b-\u200d\u2060\ufeff]")

HOSTILE = [
    "\x1b[31mred\x1b[0m", "\x1b]0;title\x07", "\x9b31m", "\x85", "\u202eevil\u202c", "\u2066x\u2069", "a\u200bb",
    "\ufeff", "=HYPERLINK(\"http://evil.example\")", "+cmd", "@SUM(A1)", "<b>x</b>", "[x](http://evil.example)",
    "| cell |", "[bold]x[/]", ":smile:", "\x00", "\x7f", "\\e[31m", "\u0085",
]
REPLACEMENTS = [
    "[a, b]", "{a: 1}", "12", "-3", "1.5e3", "yes", "~", "2020-01-01", "''", "\"\"", "1" + "0" * 309,
    "{low: " + "9" * 320 + ", unit: USD/year}", "1e999", ".nan", "-.inf", "!!bool maybe", "!!timestamp x",
    "!!python/object/apply:os.system ['echo hi']", "!custom x", "!!binary aGk=", "&a [1, 2]", "*a",
    "[" * 80 + "]" * 80, "{x: " * 70 + "1" + "}" * 70, "|\n  block\n  text", ">-\n  folded",
    "\"\\u202e\\x1b[31m\"", "'=1+1'", "0x1F", "0o17", "1_000", "20:20", "2019-02-30",
]

COMMANDS = [["topics"], ["propositions"], ["claims"], ["claims", "--search", "hundred milion"],
            ["show", "wsj-plot"], ["show", "state-dept-100m"], ["sources"], ["timeline"],
            ["matrix", "funding"], ["matrix", "foreknowledge"], ["compare", "funding"],
            ["compare", "foreknowledge", "--pairs"], ["value", "about $30 million a month"], ["entities"],
            ["entities", "--unknown"], ["suggest", "test-article"], ["quote", "test-article", "Iran helped plot"]]
FORMATS = ["table", "json", "csv", "markdown"]
# The formats of the commands that do not have all four; None: the command has no --format.
OWN_FORMATS = {"value": ["table", "json"], "suggest": ["yaml", "table", "json"], "quote": [None],
               "entities --unknown": [None]}


def formats_of(command: list[str]) -> list:
    return OWN_FORMATS.get(" ".join(command[:2]), OWN_FORMATS.get(command[0], FORMATS))


def mutate(data: bytes, kind: str, position: int, payload: str) -> bytes:
    """One mutation of ``data``; ``position`` (any integer) picks the place."""
    lines = data.split(b"\n")
    line = position % max(len(lines), 1)
    encoded = payload.encode("utf-8", "surrogatepass")
    if kind == "flip" and data:
        at = position % len(data)
        return data[:at] + bytes([(data[at] + 1 + position // 7) % 256]) + data[at + 1:]
    if kind == "delete-line":
        return b"\n".join(lines[:line] + lines[line + 1:])
    if kind == "duplicate-line":
        return b"\n".join(lines[:line + 1] + lines[line:])
    if kind == "indent":
        return b"\n".join(lines[:line] + [b" " * (position % 3 + 1) + lines[line]] + lines[line + 1:])
    if kind == "dedent":
        return b"\n".join(lines[:line] + [lines[line][position % 3 + 1:]] + lines[line + 1:])
    if kind == "replace-value":
        target = lines[line]
        colon = target.find(b": ")
        if colon < 0:
            return b"\n".join(lines[:line] + [target + b" " + encoded] + lines[line + 1:])
        return b"\n".join(lines[:line] + [target[:colon + 2] + encoded] + lines[line + 1:])
    if kind == "insert-text":
        target = lines[line]
        at = position % (len(target) + 1)
        return b"\n".join(lines[:line] + [target[:at] + encoded + target[at:]] + lines[line + 1:])
    if kind == "empty":
        return b""
    if kind == "bom":
        return b"\xef\xbb\xbf" + data
    if kind == "crlf":
        return data.replace(b"\n", b"\r\n")
    if kind == "nul":
        at = position % (len(data) + 1)
        return data[:at] + b"\x00" + data[at:]
    if kind == "invalid-utf8":
        at = position % (len(data) + 1)
        return data[:at] + b"\xff\xfe\xc3" + data[at:]
    if kind == "truncate":
        return data[: position % (len(data) + 1)]
    if kind == "alias-bomb":
        bomb = "a0: &a0 [x, x, x, x, x, x, x, x, x]\n" + "".join(
            f"a{n}: &a{n} [" + ", ".join([f"*a{n - 1}"] * 9) + "]\n" for n in range(1, 9))
        return bomb.encode() + data
    return data


MUTATION = st.tuples(
    st.sampled_from(sorted(FILES)),
    st.sampled_from(["flip", "delete-line", "duplicate-line", "indent", "dedent", "replace-value", "replace-value",
                     "insert-text", "insert-text", "empty", "bom", "crlf", "nul", "invalid-utf8", "truncate",
                     "alias-bomb"]),
    st.integers(min_value=0, max_value=10_000),
    st.one_of(st.sampled_from(REPLACEMENTS), st.sampled_from(HOSTILE), st.text(max_size=12)),
)


def write_corpus(root: Path, mutations: list) -> None:
    files = {name: text.encode() for name, text in FILES.items()}
    for name, kind, position, payload in mutations:
        files[name] = mutate(files[name], kind, position, payload)
    (root / "articles").mkdir(parents=True)
    (root / "claims").mkdir()
    for name, data in files.items():
        (root / name).write_bytes(data)


def assert_safe(result, args: list[str], fmt: str) -> None:
    shown = " ".join(args)
    assert result.exit_code in (0, 1, 2), (shown, result.exit_code, result.output[-500:])
    assert "internal error" not in result.stderr, (shown, result.stderr)
    if fmt == "json":
        if result.exit_code != 2:
            json.loads(result.stdout)
    elif fmt == "jsonl":
        for line in result.stdout.splitlines():
            json.loads(line)
    else:
        assert not FORBIDDEN.search(result.stdout), (shown, FORBIDDEN.search(result.stdout))
    assert not FORBIDDEN.search(result.stderr), (shown, result.stderr)


@settings(max_examples=EXAMPLES, deadline=None, database=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(mutations=st.lists(MUTATION, min_size=1, max_size=4),
       commands=st.lists(st.tuples(st.sampled_from(COMMANDS), st.sampled_from(FORMATS)), min_size=2, max_size=3))
def test_mutated_corpora_never_crash_or_leak(mutations, commands):
    from hirel.cli import app

    runner = CliRunner()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "data"
        write_corpus(root, mutations)
        env = {"NO_COLOR": "1", "HIREL_DATA": str(root), "COLUMNS": "100"}

        def invoke(args: list[str]):
            return runner.invoke(app, args, env=env, catch_exceptions=False)

        for fmt in ("json", "text", "github", "jsonl"):
            result = invoke(["check", "--format", fmt])
            assert_safe(result, ["check", fmt], fmt)
            if fmt == "json":
                for problem in json.loads(result.stdout):
                    assert problem["path"] and isinstance(problem["line"], int) and problem["line"] >= 1, problem
        chosen = [(c, f) for c in COMMANDS for f in formats_of(c)] if EVERY_COMMAND else commands
        for command, fmt in chosen:
            if fmt not in formats_of(command):
                fmt = formats_of(command)[-1]
            args = [*command, "--format", fmt] if fmt else command
            assert_safe(invoke(args), args, fmt or "text")
