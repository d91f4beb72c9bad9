"""`hirel entities`: the actors of the corpus, and stubs for the names used but not defined."""

from __future__ import annotations

from typing import Literal

import typer

from .common import load, note, write_view
from .typer_app import app


@app.command()
def entities(
    ctx: typer.Context,
    unknown: bool = typer.Option(False, "--unknown", help="Print YAML stubs for names used but not in entities.yaml."),
    format: Literal["table", "json", "csv", "markdown"] = typer.Option(
        "table", "--format", "-f", case_sensitive=False, help="table, json, csv or markdown (not with --unknown)."),
) -> None:
    """Entities and their use; stubs for the names used but not defined.

    Every entity with its aliases, part_of, and how many claims (and articles, as outlet) use it.

    With --unknown: a YAML stub, ready to paste into entities.yaml, for every name a claim,
    an article's outlet, a proposition's object or a part_of uses but entities.yaml does not
    define; likely spellings of one name are grouped as aliases (check them).

    Example: hirel entities --unknown >> data/entities.yaml
    """
    from ..authoring.unknown import entity_uses, unknown_names
    from ..output.reporters import ENTITIES, UNKNOWN_ENTITIES

    corpus = load(ctx)
    if unknown:
        groups = unknown_names(corpus)
        if not groups:
            note("every name used is in entities.yaml")
        write_view(ctx, UNKNOWN_ENTITIES, "yaml", groups)
        return
    write_view(ctx, ENTITIES, format, entity_uses(corpus))
