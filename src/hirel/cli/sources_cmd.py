"""`hirel sources`: articles and outlets, who contradicts whom."""

from __future__ import annotations

import typer

from .browsing import Format, FormatOption, browser, write_view
from .typer_app import app


@app.command()
def sources(ctx: typer.Context, format: Format = FormatOption,
            coverage: bool = typer.Option(False, "--coverage",
                                          help="Add each article's annotation coverage (as hirel suggest counts it).")) -> None:
    """Articles and outlets: who contradicts whom, kept apart from who reports it.

    Articles by publication date (undated last) with outlet, kind, reliability grade and claim
    count; "own" counts the contradictions to which the article's own voice is a party (a claim
    with no claimant, or its outlet or author as claimant), "reported" those between others that
    it only reports. Then the articles whose own voices contradict each other, and totals per
    outlet. JSON lists each article's contradictions with "role": "own" or "reported"; CSV has
    one row per article ("against": the articles on the other side); JSON and Markdown also
    have the outlets. --coverage adds the share of each article's checkable sentences that a
    claim covers.

    Example: hirel sources --format markdown
    """
    from ..output.browsing.sources import Sources
    from ..views import coverage as coverage_of
    from ..views import sources as list_sources

    found = browser(ctx)
    covered = coverage_of(found.corpus) if coverage else None
    from ..output.reporters import SOURCES
    write_view(ctx, SOURCES, format, Sources(list_sources(found), covered, found))
