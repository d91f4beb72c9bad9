"""`hirel matrix`: sources × the propositions of a topic, an ACH-style grid."""

from __future__ import annotations

import typer

from .browsing import Format, FormatOption, write_view
from .browsing import browser as _browser
from .typer_app import app


@app.command()
def matrix(
    ctx: typer.Context,
    topic: str = typer.Argument(..., metavar="TOPIC", help="A topic id."),
    ascii_only: bool = typer.Option(False, "--ascii", help="Plain ASCII symbols (+ - ? ! ^) and lines, e.g. for old terminals."),
    format: Format = FormatOption,
) -> None:
    """Sources × propositions of a topic: an ACH grid.

    Who supports or refutes each proposition, or what value they give, as in an Analysis of
    Competing Hypotheses.

    A row is an origin (the canonical claimant; the outlet when a claim names none), with the
    articles its claims are in and the other rows it is part of (not an independent source):
    the same person quoted by two outlets is one line of evidence. Columns are the topic's
    propositions P1, P2, … (listed under the grid). In a cell: ✓ supports, ✗ refutes, or the
    normalized value; ? only likely or possible; † about another scope than the proposition's
    object; ! takes part in a contradiction. The last column and row add up: ✓ and ✗ counts,
    values given (v) and contradictions (!). Symbols are plain ASCII (+ - ^) with --ascii or when
    the terminal is not UTF-8. CSV has one row per origin, with values and stances as words.

    Example: hirel matrix foreknowledge
    """
    from ..output.browsing.matrix import Grid
    from ..views import matrix as build_matrix

    result = build_matrix(_browser(ctx), topic)  # UnknownName: reported by the error handler
    from ..output.reporters import MATRIX
    write_view(ctx, MATRIX, format, Grid(result, ascii_only))
