"""`hirel suggest` and `hirel quote`: the mechanical part of annotating an article."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Literal

import typer

from .common import did_you_mean, load, stdout_console
from .errors import CommandError
from .typer_app import app

if TYPE_CHECKING:
    from ..authoring.suggest import ArticleSuggestions, Stub, Suggestion
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
    from ..authoring.stubs import suggestions_yaml
    from ..authoring.suggest import Suggester

    corpus = load(ctx)
    article = _article(corpus, article_id)
    result = Suggester(corpus).for_article(article.id)
    fmt = format.lower()
    if fmt == "yaml":
        has_claims = any(c.article == article.id for c in corpus.claims.values()) or \
            (corpus.root / "claims" / f"{article.id}.yaml").exists()
        sys.stdout.write(suggestions_yaml(result, include_covered, has_claims))
        return
    rows = [(s, stub) for s in result.suggestions if include_covered or not s.covered for stub in s.stubs]
    if fmt == "json":
        from ..output.render import write_json
        from ..output.serialize import suggestions_document

        write_json(suggestions_document(article.id, result, rows))
        return
    _table(ctx, result, rows)


def _table(ctx: typer.Context, result: ArticleSuggestions, rows: list[tuple[Suggestion, Stub]]) -> None:
    from ..output.render import cell, new_table

    console = stdout_console(ctx)
    table = new_table("line", "why", "quote", "value", "claimant", "closest proposition")
    for s, stub in rows:
        value = "" if stub.value is None else f"{stub.value.text} = {stub.value.reading}"
        best = f"{stub.propositions[0][0]} ({stub.propositions[0][1]:g})" if stub.propositions else ""
        why = ", ".join(s.reasons) + (" (covered)" if s.covered else "")
        table.add_row(cell(str(stub.line)), cell(why), cell(stub.quote), cell(value),
                      cell(stub.attribution.claimant or ""), cell(best))
    console.print(table)
    coverage = "" if result.coverage is None else f" ({result.coverage:.0%})"
    console.print(cell(f"{result.article_id}: {result.covered} of {result.checkable} checkable sentences "
                       f"covered{coverage}"))


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
    from ..output.terminal import json_text, safe_line

    corpus = load(ctx)
    article = _article(corpus, article_id)
    found = find_quote(article, text)
    if found is None:
        raise CommandError(f"no passage of {article.id} is close to that text", exit_code=1)
    out = sys.stdout.write
    state = "exact" if found.exact else f"score {found.passage.score:g}"
    if found.occurrences > 1:
        state += f", {found.occurrences} occurrences (this is the first; lengthen the quote to name one)"
    out(f"{safe_line(article.path)}:{found.passage.line}: {state}\n")
    out(f"quote: {json_text(found.passage.text, indent=None)}\n")  # C1, bidi, zero-width as \\u escapes
    if found.differences:
        out("differs: " + safe_line(found.differences) + "\n")
