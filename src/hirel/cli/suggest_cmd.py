"""`hirel suggest` and `hirel quote`: the mechanical part of annotating an article."""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

import typer

from .common import did_you_mean, load, write_view
from .errors import CommandError
from .typer_app import app

if TYPE_CHECKING:
    from ..model import Article, Corpus


def _article(corpus: Corpus, article_id: str) -> Article:
    article = corpus.articles.get(article_id)
    if article is None:
        raise did_you_mean("article", article_id, corpus.articles)
    return article


@app.command()
def suggest(
    ctx: typer.Context,
    article_id: str = typer.Argument(..., metavar="ARTICLE", help="The article id (its file name without .md)."),
    format: Literal["yaml", "table", "json"] = typer.Option("yaml", "--format", "-f", case_sensitive=False,
                                                           help="yaml (claim stubs to paste), table or json."),
    include_covered: bool = typer.Option(False, "--all", help="Include the sentences a claim already covers, marked."),
) -> None:
    """Sentences worth a claim, each with a claim stub to paste.

    The checkable sentences of an article that no claim covers yet. Checkable: a figure or a
    date, a statement attributed to someone, or two actors of entities.yaml. Each stub has the
    exact quote (the shortest span of the sentence that holds the figure and its attribution),
    the value as written (its reading in a comment), when, claimant and via from the
    attribution, certainty from hedges, and the closest propositions. Replace CHOOSE with a proposition id; `hirel check` then passes.

    Example: hirel suggest al-monitor-2019-mutual-military-support > stubs.yaml
    """
    from ..authoring.suggest import Suggester, has_claims
    from ..output.authoring import Suggested
    from ..output.reporters import SUGGEST

    corpus = load(ctx)
    article = _article(corpus, article_id)
    result = Suggester(corpus).for_article(article.id)
    write_view(ctx, SUGGEST, format, Suggested(article.id, result, include_covered, has_claims(corpus, article.id)))


@app.command()
def quote(
    ctx: typer.Context,
    article_id: str = typer.Argument(..., metavar="ARTICLE", help="The article id."),
    text: str = typer.Argument(..., metavar="TEXT", help="The words to find (as remembered or retyped)."),
) -> None:
    """The exact passage closest to TEXT, ready to paste as a quote.

    With its line and score, and the words where it differs from TEXT.

    Exit 1 when nothing close enough is found.

    Example: hirel quote al-monitor-2019-mutual-military-support "paid 651000 dollars to families"
    """
    from ..authoring.quote import find_quote
    from ..output.authoring import QuoteFound
    from ..output.reporters import QUOTE

    corpus = load(ctx)
    article = _article(corpus, article_id)
    found = find_quote(article, text)
    if found is None:
        raise CommandError(f"no passage of {article.id} is close to that text", exit_code=1)
    write_view(ctx, QUOTE, "text", QuoteFound(article.path, found))
