"""`hirel init` and `hirel add`: start a corpus, add an article to it."""

from __future__ import annotations

import sys
from pathlib import Path

import typer

from .common import data_dir, write_view
from .errors import CommandError
from .typer_app import app


@app.command()
def init(
    ctx: typer.Context,
    directory: Path = typer.Argument(Path("."), metavar="DIR", help="Where to start the corpus (default: here)."),
) -> None:
    """Start a new corpus that passes hirel check at once.

    Writes data/ with commented propositions.yaml and entities.yaml, empty articles/ and
    claims/, JSON Schemas for editors, and a .pre-commit-config.yaml.

    Never overwrites: refuses when any corpus file exists; a .pre-commit-config.yaml or
    .editorconfig already there is kept.

    Example: hirel init my-corpus
    """
    from ..authoring.start import init_corpus
    from ..output.authoring import Started
    from ..output.reporters import INIT

    written, kept = init_corpus(directory)  # AuthoringError: reported by the error handler
    write_view(ctx, INIT, "text", Started(directory, written, kept))


@app.command()
def add(
    ctx: typer.Context,
    source: str = typer.Argument(..., metavar="SOURCE",
                                 help="A saved web page (.html), a URL, a text or Markdown file, or - (standard input)."),
    article_id: str | None = typer.Option(None, "--id", metavar="ID", help="The article id (default: outlet, year and title words)."),
    outlet: str | None = typer.Option(None, "--outlet", metavar="NAME", help="The outlet (an entity name or alias; a new name is added)."),
    published: str | None = typer.Option(None, "--published", metavar="DATE", help="Publication date: YYYY, YYYY-MM or YYYY-MM-DD."),
    kind: str | None = typer.Option(None, "--kind", help="news, analysis, opinion, explainer, blog or reference."),
    reliability: str | None = typer.Option(None, "--reliability", metavar="GRADE", help="Source-reliability grade A to F."),
    url: str | None = typer.Option(None, "--url", help="Where the page was published (for a saved page)."),
    title: str | None = typer.Option(None, "--title", metavar="TEXT", help="The title (default: the page's)."),
    dry_run: bool = typer.Option(False, "--dry-run", help="Print the article file instead of writing it."),
) -> None:
    """Add an article from a saved web page, a URL, or a text file.

    The text is extracted verbatim; the front matter comes from the page's metadata. The outlet is resolved to an entity by name or alias; a new outlet is added to
    entities.yaml. Never overwrites; an article already in the corpus (same address or nearly
    the same text) is reported with its id (exit 1).

    Example: hirel add saved-page.html --reliability B
    """
    from ..authoring.add import AlreadyInCorpus, Overrides, plan_article, write_article
    from ..authoring.extract import extract_source
    from ..loading.loader import load_corpus
    from ..output.authoring import Added
    from ..output.reporters import ADD

    root = data_dir(ctx)
    overrides = Overrides(article_id, outlet, published, kind.lower() if kind else None, reliability, url, title)
    try:
        stdin_text = sys.stdin.read() if source == "-" else None
        extracted = extract_source(source, stdin_text, url)
        corpus, _problems = load_corpus(root)
        plan = plan_article(extracted, root, overrides, corpus)
        written = None if dry_run else write_article(plan, root)
    except AlreadyInCorpus as exc:
        raise CommandError(str(exc), exit_code=1) from exc
    write_view(ctx, ADD, "text", Added(plan, written))
    if written is None:  # --dry-run: the file on stdout, what to add to it on stderr
        from ..output.terminal import safe_line

        sys.stderr.writelines(f"note: {safe_line(remark)}\n" for remark in plan.remarks)
