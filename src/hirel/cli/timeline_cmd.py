"""`hirel timeline`: claims in the order of the period they are about."""

from __future__ import annotations

import typer

from .browsing import Format, FormatOption, PropositionFilter, TopicFilter, browser, write_view
from .typer_app import app


@app.command()
def timeline(
    ctx: typer.Context,
    topic: str | None = TopicFilter,
    proposition: str | None = PropositionFilter,
    format: Format = FormatOption,
) -> None:
    """Claims in the order of the period they are about.

    To see how the story changed over time.
    The order is the start of the claim's `when` (an open "until X" sorts at X). A claim on a
    date proposition without `when` is about the date it gives, so it sorts at that date (shown
    as "date claimed"). Claims whose period is unknown come last.

    Example: hirel timeline --topic reconciliation
    """
    from ..output.browsing.timeline import Timeline
    from ..views import timeline as order_claims

    entries = order_claims(browser(ctx), topic, proposition)  # UnknownName: reported by the error handler
    from ..output.reporters import TIMELINE
    write_view(ctx, TIMELINE, format, Timeline(topic, proposition, entries))
