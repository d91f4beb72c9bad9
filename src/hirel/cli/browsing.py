"""What the browsing commands share: their options and the browser over the loaded corpus.
(Views are written by `common.write_view`.)"""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

import typer

from .common import load, write_view

if TYPE_CHECKING:
    from ..views import Browser

Format = Literal["table", "json", "csv", "markdown"]
FormatOption = typer.Option("table", "--format", "-f", case_sensitive=False, help="table, json, csv or markdown.")
TopicFilter = typer.Option(None, "--topic", metavar="TOPIC", help="Only this topic.")
PropositionFilter = typer.Option(None, "--proposition", metavar="PROPOSITION", help="Only this proposition.")


def browser(ctx: typer.Context) -> Browser:
    from ..views import Browser

    return Browser(load(ctx))


__all__ = ["Format", "FormatOption", "PropositionFilter", "TopicFilter", "browser", "write_view"]
