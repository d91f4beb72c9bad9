"""`hirel rule` and `hirel schema`: documentation for people and editors."""

from __future__ import annotations

import json
import sys
from typing import TYPE_CHECKING, Literal

import typer

from .common import did_you_mean, stdout_console
from .typer_app import app

if TYPE_CHECKING:
    from ..rules.base import Rule


@app.command()
def rule(
    ctx: typer.Context,
    code: str | None = typer.Argument(None, help="A rule code such as HR501 (or its name, quote-not-found)."),
    format: Literal["table", "json", "markdown"] = typer.Option("table", "--format", "-f", case_sensitive=False,
                               help="table, json or markdown."),
) -> None:
    """Explain the checks and their codes.

    Without CODE, a list of every check; with one, its explanation with a failing and a passing
    example.

    Example: hirel rule HR501
    """
    from ..rules import ALL_RULES, RULES

    if code is None:
        chosen = list(ALL_RULES)
    else:
        by_name = {r.name: r for r in ALL_RULES}
        found = RULES.get(code.upper()) or by_name.get(code.lower())
        if found is None:
            raise did_you_mean("rule", code, [*RULES, *by_name], listing="`hirel rule` lists every code")
        chosen = [found]
    fmt = format.lower()
    if fmt == "json":
        json.dump([{"code": r.code, "name": r.name, "severity": r.severity, "summary": r.summary(),
                    "doc": r.doc()} for r in chosen], sys.stdout, indent=2, ensure_ascii=False)
        sys.stdout.write("\n")
        return
    if fmt == "markdown":
        for r in chosen:
            sys.stdout.write(f"### {r.code} {r.name} ({r.severity})\n\n```\n{r.doc()}\n```\n\n")
        return
    if code is not None:
        _explain(chosen[0], stdout_console(ctx).width)
        return
    from rich.text import Text

    from ..output.render import cell, new_table

    console = stdout_console(ctx)
    # The same light table as every other command; the code and name are never broken.
    table = new_table("code", "name", "severity", "what it checks", collapse_padding=True)
    table.columns[0].no_wrap = table.columns[1].no_wrap = True
    for r in chosen:
        table.add_row(cell(r.code, "bold"), cell(r.name),
                      cell(r.severity, "yellow" if r.severity == "warning" else ""), cell(r.summary()))
    console.print(table)
    console.print(Text(f"{len(chosen)} rules. hirel rule CODE explains one, with examples.", style="dim"))


def _explain(rule: type[Rule], width: int) -> None:
    """A rule's documentation with its prose wrapped to ``width``; the examples as written."""
    import textwrap

    summary, paragraphs, examples = rule.parts()
    out = [f"{rule.code} {rule.name} ({rule.severity})", "", summary]
    for paragraph in paragraphs:
        out += ["", textwrap.fill(paragraph, width=max(40, width), break_long_words=False, break_on_hyphens=False)]
    for label, example in examples:
        out += ["", f"{label}:", textwrap.indent(example, "    ")]
    sys.stdout.write("\n".join(out) + "\n\n")


@app.command()
def schema(
    name: str | None = typer.Argument(
        None, metavar="KIND", help="claims, article, propositions or entities; all four when omitted."),
    format: Literal["json", "markdown"] = typer.Option(
        "json", "--format", "-f", case_sensitive=False,
        help="json (JSON Schema, draft-07) or markdown (a table of the fields, for people)."),
) -> None:
    """JSON Schema of a file kind, for editors.

    Prints JSON Schema (draft-07) for editor validation and completion; --format markdown lists
    the same fields as a table.

    Example: hirel schema claims > schemas/claims.json
    """
    from ..loading.schema import SCHEMA_NAMES, field_rows, json_schema

    if name is not None and name not in SCHEMA_NAMES:
        raise did_you_mean("schema", name, SCHEMA_NAMES)
    names = list(SCHEMA_NAMES) if name is None else [name]
    if format.lower() == "markdown":
        from ..output.render import write_markdown_table

        for index, kind in enumerate(names):
            if len(names) > 1:
                sys.stdout.write(("\n" if index else "") + f"## {kind}\n\n")
            write_markdown_table(["field", "type", "required", "meaning"], field_rows(kind))
        return
    document = json_schema(name) if name is not None else {n: json_schema(n) for n in SCHEMA_NAMES}
    json.dump(document, sys.stdout, indent=2, ensure_ascii=False)
    sys.stdout.write("\n")
