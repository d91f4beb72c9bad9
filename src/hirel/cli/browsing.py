"""What the browsing commands share: their options, the browser over the loaded corpus, and
writing a view with the reporter chosen by format name."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Any, Literal

import typer

from .common import load, options

if TYPE_CHECKING:
    from ..views import Browser

Format = Literal["table", "json", "csv", "markdown"]
FormatOption = typer.Option("table", "--format", "-f", case_sensitive=False, help="table, json, csv or markdown.")
TopicFilter = typer.Option(None, "--topic", metavar="TOPIC", help="Only this topic.")
PropositionFilter = typer.Option(None, "--proposition", metavar="PROPOSITION", help="Only this proposition.")


def browser(ctx: typer.Context) -> Browser:
    from ..views import Browser

    return Browser(load(ctx))


def write_view(ctx: typer.Context, view: str, fmt: str, result: Any) -> None:
    """Write what ``view`` computed as ``fmt`` to stdout (the pager's, when one runs)."""
    from ..output.browsing import Target
    from ..output.reporters import view_reporter

    view_reporter(view, fmt)(result, Target(sys.stdout, options(ctx).color))
