"""`hirel sources`: articles and outlets, who contradicts whom kept apart from who reports it."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..render import (
    CellValue,
    cell,
    name_column,
    new_table,
    print_hanging,
    print_indented,
    write_csv,
    write_json,
    write_markdown_table,
)
from ..terminal import safe_line
from . import Target
from .cards import contradictions_cell, right

if TYPE_CHECKING:
    from ...views import ArticleRow, Browser, Charge
    from ...views import Sources as SourcesReport
    from ...views.sources import Coverage

__all__ = ["Sources", "sources_csv", "sources_json", "sources_markdown", "sources_table"]


@dataclass(frozen=True)
class Sources:
    """The articles and outlets, each article's coverage when asked (else None), and the
    browser (the contradictions listed in JSON and CSV, and the pairs a table shows, are
    computed only by the formats that show them)."""

    report: SourcesReport
    coverage: Mapping[str, Coverage] | None
    browser: Browser


_HEADER = ["article", "outlet", "published", "kind", "reliability", "claims", "contradictions", "reported",
           "against", "title"]
_OUTLET_HEADER = ["outlet", "articles", "claims", "contradictions", "reported", "reliability"]


def _charges(listing: Sources) -> tuple[dict[str, list[Charge]], dict[str, list[str]]]:
    """Per article: its contradictions, and the articles on their other side."""
    from ...views import charges

    listed = {r.article.id: charges(listing.browser, r.article.id) for r in listing.report.articles}
    against = {key: sorted({a for c in found for a in c.other_articles}) for key, found in listed.items()}
    return listed, against


def _coverage_cells(listing: Sources) -> Callable[[ArticleRow], list[str]]:
    covered = listing.coverage
    if covered is None:
        return lambda r: []
    return lambda r: [covered[r.article.id].text]


def sources_json(listing: Sources, target: Target) -> None:
    from ..serialize import sources_document

    listed, against = _charges(listing)
    write_json(sources_document(listing.report, listed, against, listing.coverage), target.stream)


def sources_csv(listing: Sources, target: Target) -> None:
    _listed, against = _charges(listing)
    extra = _coverage_cells(listing)
    write_csv(_HEADER + (["coverage"] if listing.coverage is not None else []),
              [[r.article.id, r.outlet, r.article.published, r.article.kind, r.article.reliability,
                r.claims, r.contradictions, r.reported, " ".join(against[r.article.id]), r.article.title,
                *extra(r)] for r in listing.report.articles], target.stream)


def _outlet_rows(listing: Sources) -> list[list[CellValue]]:
    return [[o.outlet, len(o.articles), o.claims, o.contradictions, o.reported, " ".join(o.reliability)]
            for o in listing.report.outlets]


def sources_markdown(listing: Sources, target: Target) -> None:
    extra = _coverage_cells(listing)
    header = _HEADER[:8] + _HEADER[9:] + (["coverage"] if listing.coverage is not None else [])
    target.stream.write("## Articles\n\n")
    write_markdown_table(header, [[r.article.id, r.outlet, r.article.published, r.article.kind,
                                   r.article.reliability, r.claims, r.contradictions, r.reported, r.article.title,
                                   *extra(r)] for r in listing.report.articles], target.stream)
    target.stream.write("\n## Outlets\n\n")
    write_markdown_table(_OUTLET_HEADER, _outlet_rows(listing), target.stream)


def sources_table(listing: Sources, target: Target) -> None:
    from rich.text import Text

    from ...views.sources import own_contradiction_pairs

    report, browser, covered = listing.report, listing.browser, listing.coverage or {}
    coverage = listing.coverage is not None
    console = target.console()
    if not report.articles:
        console.print(Text("No articles."))
        return
    # The id column is as wide as the longest id: kind and grade go under the date, and the
    # coverage under the title, so that the other columns fit beside a 44-character id at 80
    # columns.
    table = new_table("article", "published", "claims", "own", "reported", title="Articles",
                      collapse_padding=True, pad_edge=False)
    name_column(table, [r.article.id for r in report.articles], console)
    right(table, 2, 3, 4)
    for r in report.articles:
        name = Text(safe_line(r.article.id), style="bold")
        name.append("\n" + safe_line(r.outlet))
        name.append(" · " + safe_line(r.article.title), style="dim")
        if coverage:
            name.append("\ncovered: " + covered[r.article.id].text, style="cyan")
        published = Text(safe_line(r.article.published or "undated"))
        if r.article.kind:
            published.append("\n" + safe_line(r.article.kind), style="dim")
        published.append("\ngrade " + safe_line(r.article.reliability), style="dim")
        table.add_row(name, published, str(r.claims), contradictions_cell(r.contradictions),
                      cell(r.reported, "" if r.reported else "dim"))
    console.print(table)
    console.print(Text("own: contradictions to which the article's own voice is a party; reported: "
                       "contradictions between others that it reports", style="dim"))
    pairs, more = own_contradiction_pairs(browser)
    if pairs:
        console.print()
        console.print(Text("Articles whose own voice is contradicted", style="italic"))
        for (a, b), propositions in pairs.items():
            line = Text()
            line.append(safe_line(a), style="bold")
            line.append(" with itself" if a == b else " vs ")
            if a != b:
                line.append(safe_line(b), style="bold")
            print_hanging(console, line, 2, 2)
            on = Text("on " + ", ".join(safe_line(p) for p in propositions), style="dim")
            print_indented(console, on)
        if more:
            print_indented(console, Text("… and more: hirel sources --format json lists every one", style="dim"), 2)
    console.print()
    outlets = new_table("outlet", "articles", "claims", "own", "reported", "grades", title="Outlets",
                        collapse_padding=True)
    right(outlets, 1, 2, 3, 4)
    for o in report.outlets:
        outlets.add_row(cell(o.outlet, "bold"), str(len(o.articles)), str(o.claims),
                        contradictions_cell(o.contradictions), cell(o.reported, "" if o.reported else "dim"),
                        cell(" ".join(o.reliability)))
    console.print(outlets)
