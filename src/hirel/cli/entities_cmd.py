"""`hirel entities`: the actors of the corpus, and stubs for the names used but not defined."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Literal

import typer

from .browsing import write_view
from .common import load
from .typer_app import app

if TYPE_CHECKING:
    from ..authoring.unknown import UnknownName


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

    corpus = load(ctx)
    if unknown:
        _unknown(unknown_names(corpus))
        return
    write_view(ctx, "entities", format, entity_uses(corpus))


def _unknown(groups: list[UnknownName]) -> None:
    from ..authoring.stubs import comment, entity_stub

    out = sys.stdout.write
    if not groups:
        sys.stderr.write("hirel: every name used is in entities.yaml\n")
        return
    out(f"# {len(groups)} name(s) used but not in entities.yaml; check the grouped spellings\n")
    for group in groups:
        places = ", ".join(f"{role} at {loc.path}:{loc.line}" for role, loc in group.uses[:3])
        more = f" and {len(group.uses) - 3} more" if len(group.uses) > 3 else ""
        out(f"# {comment(places)}{more}\n")
        out(entity_stub(group.name, group.aliases))
