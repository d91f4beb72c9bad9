"""`hirel claims` (claims listed or searched) and `hirel show` (one claim in full)."""

from __future__ import annotations

import typer

from .browsing import Format, FormatOption, PropositionFilter, TopicFilter, browser, write_view
from .typer_app import app


@app.command()
def claims(
    ctx: typer.Context,
    topic: str | None = TopicFilter,
    proposition: str | None = PropositionFilter,
    article: str | None = typer.Option(None, "--article", metavar="ARTICLE", help="Only claims in this article."),
    claimant: str | None = typer.Option(
        None, "--claimant", metavar="NAME",
        help="Only claims made by this entity (a name or alias) or by an entity that is part of it."),
    search: str | None = typer.Option(
        None, "--search", "-s", metavar="TEXT",
        help="Fuzzy search in ids, quotes and notes; typos tolerated; best matches first."),
    format: Format = FormatOption,
) -> None:
    """List claims, filtered or fuzzy-searched.

    Each claim with what it says (normalized), who says it, where, and the quote. Filters combine. --claimant includes the claims of every entity that is part of the one
    named (--claimant Hamas includes Ismail Haniyeh, who is part of Hamas), as the comparison
    treats them as one origin; who only passed a claim on (via) does not count. --search ranks
    claims by how well their id, quote or note match the text (typos, word order and number
    words are forgiven; a number must be there exactly) and shows the score (0-100; 75 or more is
    a match).

    Example: hirel claims --search "hundred milion anually"
    """
    from ..output.browsing.claims import Claims
    from ..views import find_claims

    found = browser(ctx)
    matches = find_claims(found, topic=topic, proposition=proposition, article=article,
                          claimant=claimant, search=search)  # UnknownName: reported by the error handler
    from ..output.reporters import CLAIMS
    write_view(ctx, CLAIMS, format, Claims(matches, search is not None, found.corpus.propositions))


@app.command()
def show(
    ctx: typer.Context,
    claim_id: str = typer.Argument(..., metavar="CLAIM_ID", help="A claim id."),
    format: Format = FormatOption,
) -> None:
    """One claim in full, its quote in context and its findings.

    Every field, the normalized value and how it was read, the quote inside its paragraph of the
    article (with the file's line numbers; marked >>like this<< when there is no colour), and
    every finding that involves the claim. On a terminal a long paragraph is shortened around the
    quote; piped, it is shown whole.

    Example: hirel show state-dept-100m-2020
    """
    from ..output.browsing.show import Show
    from ..views import claim_detail

    found = browser(ctx)
    from ..output.reporters import SHOW
    write_view(ctx, SHOW, format, Show(claim_detail(found, claim_id), found))
