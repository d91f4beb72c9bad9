"""`hirel show`: one claim in full, its quote in context and its findings."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..render import (
    VERDICT_STYLES,
    cell,
    markdown_text,
    new_table,
    print_hanging,
    print_indented,
    says,
    who,
    write_csv,
    write_json,
    write_markdown_table,
)
from ..terminal import is_tty, safe, safe_line
from . import Target
from .cards import kind, when
from .claims import CSV_HEADER, csv_row

if TYPE_CHECKING:
    from rich.console import Console
    from rich.table import Table

    from ...views import Browser, ClaimDetail, QuoteContext

__all__ = ["Show", "show_csv", "show_fields", "show_json", "show_markdown", "show_table"]


@dataclass(frozen=True)
class Show:
    """One claim's detail, and the browser it came from (for the other claims of its findings)."""

    detail: ClaimDetail
    browser: Browser


def show_fields(detail: ClaimDetail) -> list[tuple[str, str]]:
    """(label, text) for every field of the claim, in the order of the data format."""
    nc, prop, article = detail.claim, detail.proposition, detail.article
    claim = nc.claim
    rows = [("proposition", f"{claim.proposition}: {prop.text}" + (f" ({kind(prop)})" if prop else "")
             if prop else f"{claim.proposition} (not in propositions.yaml)")]
    if article is not None:
        about = ", ".join(part for part in (article.outlet, article.published or "undated", article.kind,
                                            f"reliability {article.reliability}") if part)
        rows.append(("article", f"{article.id}: {article.title} ({about})"))
    else:
        rows.append(("article", f"{claim.article} (no such article)"))
    claimant = nc.comparable.claimant_label
    if claim.claimant is None:
        claimant += " (the article's outlet)"
    elif claim.claimant != claimant:
        claimant += f" (written '{claim.claimant}')"
    rows.append(("claimant", claimant))
    if nc.comparable.via:
        rows.append(("via", ", ".join(nc.comparable.via)))
    scope = nc.comparable.scope
    if scope:
        rows.append(("scope", scope + (" (the proposition's object)" if claim.scope is None else "")))
    rows.append(("when", when(nc) + (f" (written '{claim.when}')" if claim.when and str(claim.when) != when(nc) else "")))
    rows.append(("certainty", claim.certainty))
    if claim.stance is not None:
        rows.append(("stance", claim.stance))
    if claim.value is not None:
        from ..serialize import value_text

        rows.append(("value", value_text(claim.value)))
        if nc.interval is not None:
            rows.append(("normalized", says(nc)))
            if nc.interval.written is not None and nc.interval.written != (nc.interval.low, nc.interval.high):
                from ...values.figures import format_figure

                compared = format_figure(nc.interval, nc.measures == "change", compared=True)
                rows.append(("compared as", f"{compared} (the precision of the written figure)"))
            if nc.interval.steps:
                rows.append(("read as", "; ".join(nc.interval.steps)))
        else:
            rows.append(("normalized", f"unreadable: {nc.problem}" if nc.problem else "unreadable"))
    elif nc.problem:
        rows.append(("problem", nc.problem))
    if claim.note:
        rows.append(("note", claim.note))
    return rows



def show_json(report: Show, target: Target) -> None:
    from ..serialize import show_document

    write_json(show_document(report.detail), target.stream)


def show_csv(report: Show, target: Target) -> None:
    detail = report.detail
    row = csv_row(detail.claim)
    line = detail.context.line if detail.context else None
    findings = "; ".join(f"{f.verdict}: {detail.other(f)}" for f in detail.findings)
    write_csv(CSV_HEADER + ["line", "findings"], [row + [line, findings]], target.stream)


def show_markdown(report: Show, target: Target) -> None:
    detail, out = report.detail, target.stream
    out.write(f"## {detail.claim.claim.id}\n\n")
    write_markdown_table(["field", "value"], show_fields(detail), out)
    if detail.context is not None and detail.article is not None:
        context = detail.context
        out.write(f"\n{markdown_text(detail.article.path)}, line {context.line}:\n\n")
        text = (markdown_text(context.before) + "**" + markdown_text(context.quote) + "**"
                + markdown_text(context.after))
        out.write("> " + text.strip() + "\n")
    if detail.findings:
        out.write("\n")
        write_markdown_table(["verdict", "with", "explanation"],
                             [[f.verdict, detail.other(f), f.explanation] for f in detail.findings], out)


# Around a long paragraph, how much text a terminal shows on each side of the quote.
_CONTEXT_CHARS = 320


def _trim_context(before: str, after: str, console: Console) -> tuple[str, str]:
    """On a terminal, a long paragraph cut at word boundaries around the quote; piped, whole."""
    if not is_tty(console.file):
        return before, after
    if len(before) > _CONTEXT_CHARS:
        cut = before.find(" ", len(before) - _CONTEXT_CHARS)
        before = "… " + before[cut + 1 if cut >= 0 else len(before) - _CONTEXT_CHARS:]
    if len(after) > _CONTEXT_CHARS:
        cut = after.rfind(" ", 0, _CONTEXT_CHARS)
        after = after[: cut if cut > 0 else _CONTEXT_CHARS] + " …"
    return before, after


def _context_table(detail: ClaimDetail, context: QuoteContext, console: Console) -> Table:
    """The paragraph with the quote highlighted, one row per line of the file, numbered.

    Without colour (piped, NO_COLOR, --color never) the quote is marked >>like this<<.
    """
    from rich.table import Table
    from rich.text import Text

    plain = console.color_system is None
    before, after = _trim_context(safe(context.before), safe(context.after), console)
    quote = safe(context.quote)
    text = Text()
    text.append(before)
    if plain:
        text.append(">>")
    text.append(quote, style="bold yellow underline")
    if plain:
        text.append("<<")
    text.append(after)
    table = Table(box=None, show_header=False, show_edge=False, pad_edge=False, padding=(0, 1, 0, 0))
    table.add_column(justify="right", style="dim", no_wrap=True)
    table.add_column(overflow="fold")
    cut_before = before.startswith("… ")
    line = context.first_line if not cut_before else context.line - before.count("\n")
    for piece in text.split("\n", allow_blank=True):
        table.add_row(str(line), piece)
        line += 1
    return table


def show_table(report: Show, target: Target) -> None:
    from rich.padding import Padding
    from rich.text import Text

    detail, browser = report.detail, report.browser
    console = target.console()
    nc = detail.claim
    heading = Text(safe_line(nc.claim.id), style="bold underline")
    said = says(nc)
    if said:
        heading.append("  ")
        heading.append(safe_line(said), style="bold cyan")
    print_hanging(console, heading, 0, len(nc.claim.id) + 2)
    table = new_table("", "")
    table.show_header = False
    table.columns[0].style = "bold"
    table.columns[0].no_wrap = True
    for label, text in show_fields(detail):
        table.add_row(label, cell(safe_line(text)))
    console.print(table)
    console.print()
    if detail.context is None or detail.article is None:
        reason = "the article is missing" if detail.article is None else "the quote is not in the article text"
        console.print(Text(f"Quote ({reason}; hirel check says more):", style="bold"))
        print_indented(console, Text(f"“{safe_line(nc.claim.quote)}”", style="italic"), 2)
    else:
        context = detail.context
        where = Text("Quote", style="bold")
        where.append(f" in {safe_line(detail.article.path)}, line {context.line}")
        if context.occurrences > 1:
            where.append(f" (first of {context.occurrences} occurrences)")
        where.append(":")
        console.print(where)
        console.print(Padding(_context_table(detail, context, console), (0, 0, 0, 2), expand=False))
    console.print()
    if not detail.findings:
        only = detail.proposition is not None and len(browser.corpus.claims_of(detail.proposition.id)) <= 1
        console.print(Text("Findings: none" + (" (no other claim on this proposition)" if only else "") + ".",
                           style="bold"))
        return
    console.print(Text(f"Findings ({len(detail.findings)}):", style="bold"))
    for f in detail.findings:
        line = Text()
        line.append(f"{f.verdict:<17}", style=VERDICT_STYLES.get(f.verdict, ""))
        line.append("with ")
        line.append(safe_line(detail.other(f)), style="bold")
        other = browser.corpus.claims.get(detail.other(f))
        if other is not None:
            line.append(f" ({safe_line(who(browser.normalized(other)))})", style="dim")
        print_hanging(console, line, 2, 17)
        print_indented(console, Text(safe_line(f.explanation)))
