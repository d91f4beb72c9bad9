"""`hirel topics` and `hirel propositions`: counts per topic and per proposition."""

from __future__ import annotations

import typer

from .browsing import Format, FormatOption, TopicFilter, browser, write_view
from .typer_app import app


@app.command()
def topics(ctx: typer.Context, format: Format = FormatOption) -> None:
    """Topics, with counts of claims, origins and contradictions.

    For each topic: its propositions, claims, the articles they are in, independent origins and
    contradictions. An origin is a canonical claimant (the outlet when a claim names none);
    claimants that are part of one another (Ismail Haniyeh and Hamas) count as one origin.

    Example: hirel topics --format json
    """
    from ..output.reporters import TOPICS
    from ..views import topic_stats
    write_view(ctx, TOPICS, format, topic_stats(browser(ctx)))


@app.command()
def propositions(ctx: typer.Context, topic: str | None = TopicFilter, format: Format = FormatOption) -> None:
    """Propositions, with counts of claims and contradictions.

    Grouped by topic, in the order of propositions.yaml. Origins are counted as by `hirel topics`.

    Example: hirel propositions --topic funding
    """
    from ..output.browsing.topics import Propositions
    from ..views import proposition_stats

    found = browser(ctx)
    rows = proposition_stats(found, topic)  # UnknownName: reported by the error handler
    from ..output.reporters import PROPOSITIONS
    write_view(ctx, PROPOSITIONS, format, Propositions(topic, rows, found.corpus.topics))
