"""`hirel rule` and `hirel schema`: documentation for people and editors."""

from __future__ import annotations

from typing import Literal

import typer

from .common import did_you_mean, write_view
from .typer_app import app


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
    from ..output.reference import RuleListing
    from ..output.reporters import RULE
    from ..rules import ALL_RULES, RULES

    if code is None:
        write_view(ctx, RULE, format, RuleListing(list(ALL_RULES), one=False))
        return
    by_name = {r.name: r for r in ALL_RULES}
    found = RULES.get(code.upper()) or by_name.get(code.lower())
    if found is None:
        raise did_you_mean("rule", code, [*RULES, *by_name], listing="`hirel rule` lists every code")
    write_view(ctx, RULE, format, RuleListing([found], one=True))


@app.command()
def schema(
    ctx: typer.Context,
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
    from ..loading.schema import SCHEMA_NAMES
    from ..output.reporters import SCHEMA

    if name is not None and name not in SCHEMA_NAMES:
        raise did_you_mean("schema", name, SCHEMA_NAMES)
    write_view(ctx, SCHEMA, format, list(SCHEMA_NAMES) if name is None else [name])
