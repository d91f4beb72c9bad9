"""The Typer application: every command and its options (loaded only when a command needs it)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

import typer
from typer.core import TyperGroup

from .. import __version__
from .common import PAGED_COMMANDS, GlobalOptions, start_pager
from .helptext import use_metavars
from .light_params import install

if TYPE_CHECKING:  # the context type TyperGroup.invoke declares (typer vendors click)
    from typer._click import Context as ClickContext

use_metavars()
install()  # option values converted without importing pydantic

class _Commands(TyperGroup):
    """The command group: a command's return value is its exit code, and the errors it raises
    become one line and an exit code (see `errors`), in-process (CliRunner) as from `main`."""

    def invoke(self, ctx: ClickContext) -> Any:  # Any: what Click's Group.invoke returns (a command's value)
        from ..errors import HirelError

        try:
            code = super().invoke(ctx)
        except HirelError as exc:
            from .errors import report_error

            raise typer.Exit(report_error(exc, sys.stderr)) from None
        except BrokenPipeError:  # the reader stopped early (`| head -1`): Click would exit 1
            from .errors import reader_gone

            raise typer.Exit(reader_gone()) from None
        if isinstance(code, int) and not isinstance(code, bool) and code:
            raise typer.Exit(code)
        return code


app = typer.Typer(
    cls=_Commands,
    name="hirel",
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100},
    help="Compare claims across news sources: check annotations, normalize figures, and show "
    "where sources agree, contradict each other, or differ only in scope or period.\n\n"
    "Example: hirel compare funding",
)


def _version(value: bool) -> None:
    if value:
        from ..output import report_version

        report_version(__version__, sys.stdout)
        raise typer.Exit(0)


@app.callback()
def _global(
    ctx: typer.Context,
    data: Path | None = typer.Option(
        None, "--data", metavar="DIR",
        help="The data directory (else $HIREL_DATA, else the nearest data/ at or above the working directory)."),
    color: Literal["auto", "always", "never"] = typer.Option("auto", "--color", case_sensitive=False,
                              help="Colour: auto (on a terminal; NO_COLOR and FORCE_COLOR honoured), always, never."),
    raw_csv: bool = typer.Option(
        False, "--raw-csv",
        help="CSV cells exactly as the data has them: do not prefix with ' the cells that a spreadsheet "
        "would run as formulas (those starting with = + - @)."),
    no_pager: bool = typer.Option(
        False, "--no-pager",
        help="Never page. On a terminal, long output goes through $HIREL_PAGER, else $PAGER, else `less -FRX`."),
    no_cache: bool = typer.Option(
        False, "--no-cache",
        help="Read every file afresh; neither read nor write the cache (.hirel/cache beside the data "
        "directory, or $HIREL_CACHE_DIR)."),
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True, help="Print the version."),
) -> None:
    from ..output import render

    render.CSV_NEUTRALIZE = not raw_csv
    ctx.obj = GlobalOptions(data=data, color=color.lower(), pager=not no_pager, no_cache=no_cache)
    if ctx.invoked_subcommand in PAGED_COMMANDS:
        start_pager(ctx)


# Importing a command module registers its commands on `app` (F401: the names are not used here).
from . import (  # noqa: F401
    authoring_cmd,
    check_cmd,
    claims_cmd,
    compare_cmd,
    entities_cmd,
    matrix_cmd,
    reference_cmd,
    sources_cmd,
    suggest_cmd,
    timeline_cmd,
    topics_cmd,
)
