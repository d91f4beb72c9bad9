"""The browsing commands: `topics`, `propositions`, `claims`, `show`, `sources`, `timeline`,
`matrix`. Each calls one function of `hirel.browse` and renders what it returns."""

from __future__ import annotations

import sys
from typing import Any, Literal, NoReturn, Optional

import typer

from .typer_app import app
from .common import die, load, stdout_console
from .render import (VERDICT_STYLES, cell, name_column, new_table, print_hanging, print_indented, shorten, write_csv,
                     write_json, write_markdown_table, write_plain, says, who)
from ..terminal import is_tty, safe, safe_line

Format = Literal["table", "json", "csv", "markdown"]
FormatOption = typer.Option("table", "--format", "-f", case_sensitive=False, help="table, json, csv or markdown.")
TopicFilter = typer.Option(None, "--topic", metavar="TOPIC", help="Only this topic.")
PropositionFilter = typer.Option(None, "--proposition", metavar="PROPOSITION", help="Only this proposition.")


# --------------------------------------------------------------------------- shared helpers


def _browser(ctx: typer.Context) -> Any:
    from ..browse import Browser

    return Browser(load(ctx))


def _unknown(exc: Exception) -> NoReturn:
    die(str(exc))


def _plural(n: int, word: str, plural: str | None = None) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {plural or word + 's'}"


def _kind(prop: Any) -> str:
    return f"{prop.kind}, {prop.unit}" if prop.unit else prop.kind


def _when(nc: Any) -> str:
    from ..values.periods import format_period

    return format_period(nc.period)


def _claim_json(nc: Any, **extra: Any) -> dict[str, Any]:
    """serialize.claim_dict with the proposition id (the browsing commands list claims of
    several propositions) and any extra fields."""
    from ..serialize import claim_dict

    data = claim_dict(nc)
    return {"id": data.pop("id"), "proposition": nc.claim.proposition, **data, **extra}


def _finding_json(finding: Any, **extra: Any) -> dict[str, Any]:
    from ..serialize import finding_dict

    return {**finding_dict(finding), "proposition": finding.proposition, **extra}


def _stats_json(stats: Any) -> dict[str, Any]:
    return {"stats": {"claims": stats.claims, "articles": stats.articles, "origins": stats.origins,
                      "contradictions": stats.contradictions},
            "counts": dict(stats.counts)}


def _proposition_json(prop: Any) -> dict[str, Any]:
    return {"id": prop.id, "topic": prop.topic, "text": prop.text, "kind": prop.kind, "unit": prop.unit,
            "object": prop.object, "changes_over_time": prop.changes_over_time,
            "measures": prop.measures}


def _contradictions_cell(n: int) -> Any:
    return cell(n, "bold red" if n else "dim")


def _right(table: Any, *indexes: int) -> None:
    for index in indexes:
        table.columns[index].justify = "right"


def _claim_card(console: Any, nc: Any, prop: Any, score: float | None = None) -> None:
    """A claim in three lines, as `compare` shows it: id and what it says; proposition,
    claimant, article; the quote."""
    from rich.text import Text

    line = Text()
    line.append(safe_line(nc.claim.id), style="bold")
    said = says(nc)
    if said:
        line.append("  ")
        line.append(safe_line(said), style="bold cyan")
    scope = nc.comparable.scope
    if scope and (prop is None or scope != prop.object):
        line.append(f" for {safe_line(scope)}")
    period = _when(nc)
    if period != "unknown":
        line.append(f" · {period}")
    if nc.claim.certainty != "certain":
        line.append(f" · {safe_line(nc.claim.certainty)}", style="yellow")
    if score is not None:
        line.append(f"  (match {score:.0f}%)", style="dim")
    print_hanging(console, line, 0, len(nc.claim.id) + 2)
    detail = Text()
    detail.append(safe_line(nc.claim.proposition), style="magenta")
    detail.append(" · " + safe_line(who(nc)))
    detail.append(" · " + safe_line(nc.claim.article), style="dim")
    detail.append("\n")
    detail.append(f"“{shorten(nc.claim.quote, console, 220)}”", style="italic")
    print_indented(console, detail)


# --------------------------------------------------------------------------- topics


@app.command()
def topics(ctx: typer.Context, format: Format = FormatOption) -> None:
    """Topics, with counts of claims, origins and contradictions.

    For each topic: its propositions, claims, the articles they are in, independent origins and
    contradictions. An origin is a canonical claimant (the outlet when a claim names none);
    claimants that are part of one another (Ismail Haniyeh and Hamas) count as one origin.

    Example: hirel topics --format json
    """
    from ..browse import topic_stats

    rows = topic_stats(_browser(ctx))
    fmt = format.lower()
    if fmt == "json":
        write_json({"topics": [{"id": r.topic.id, "text": r.topic.text, "propositions": r.propositions,
                                **_stats_json(r.stats)} for r in rows]})
        return
    header = ["topic", "propositions", "claims", "articles", "origins", "contradictions", "text"]
    values = [[r.topic.id, r.propositions, r.stats.claims, r.stats.articles, r.stats.origins,
               r.stats.contradictions, r.topic.text] for r in rows]
    if write_plain(fmt, header, values):
        return
    from rich.text import Text

    console = stdout_console(ctx)
    if not rows:
        console.print(Text("No topics: propositions.yaml defines none."))
        return
    table = new_table("topic", "propositions", "claims", "articles", "origins", "contradictions",
                      collapse_padding=True)
    name_column(table, [r.topic.id for r in rows], console)
    _right(table, 1, 2, 3, 4, 5)
    for r in rows:
        name = Text(safe_line(r.topic.id), style="bold")
        name.append("\n" + safe_line(r.topic.text), style="dim")
        table.add_row(name, str(r.propositions), str(r.stats.claims), str(r.stats.articles),
                      str(r.stats.origins), _contradictions_cell(r.stats.contradictions))
    console.print(table)
    print_hanging(console, Text(f"{_plural(len(rows), 'topic')}, "
                                f"{_plural(sum(r.propositions for r in rows), 'proposition')}, "
                                f"{_plural(sum(r.stats.claims for r in rows), 'claim')}. "
                                "hirel propositions --topic TOPIC lists a topic's propositions.", style="dim"), 0, 2)


# --------------------------------------------------------------------------- propositions


@app.command()
def propositions(ctx: typer.Context, topic: Optional[str] = TopicFilter, format: Format = FormatOption) -> None:
    """Propositions, with counts of claims and contradictions.

    Grouped by topic, in the order of propositions.yaml. Origins are counted as by `hirel topics`.

    Example: hirel propositions --topic funding
    """
    from ..browse import proposition_stats
    from ..comparing.comparison import UnknownName

    browser = _browser(ctx)
    try:
        rows = proposition_stats(browser, topic)
    except UnknownName as exc:
        _unknown(exc)
    fmt = format.lower()
    if fmt == "json":
        write_json({"topic": topic, "propositions": [{**_proposition_json(r.proposition), **_stats_json(r.stats)}
                                                     for r in rows]})
        return
    header = ["proposition", "topic", "kind", "unit", "claims", "articles", "origins", "contradictions", "text"]
    values = [[r.proposition.id, r.proposition.topic, r.proposition.kind, r.proposition.unit, r.stats.claims,
               r.stats.articles, r.stats.origins, r.stats.contradictions, r.proposition.text] for r in rows]
    if write_plain(fmt, header, values):
        return
    from rich.text import Text

    console = stdout_console(ctx)
    if not rows:
        console.print(Text(f"No propositions in topic '{safe_line(topic)}'." if topic else "No propositions."))
        return
    groups: dict[str, list[Any]] = {}
    for r in rows:
        groups.setdefault(r.proposition.topic, []).append(r)
    for index, (topic_id, members) in enumerate(groups.items()):
        topic_obj = browser.corpus.topics.get(topic_id)
        title = Text(safe_line(topic_id), style="bold underline")
        if topic_obj is not None:
            title.append("  " + safe_line(topic_obj.text))
        if index:
            console.print()
        print_hanging(console, title, 0, len(topic_id) + 2)
        table = new_table("proposition", "claims", "articles", "origins", "contra-\ndictions",
                          collapse_padding=True)
        name_column(table, [r.proposition.id for r in rows], console)
        _right(table, 1, 2, 3, 4)
        for r in members:
            name = Text(safe_line(r.proposition.id), style="bold")
            name.append(f"  ({_kind(r.proposition)})", style="magenta")
            name.append("\n" + safe_line(r.proposition.text), style="dim")
            table.add_row(name, str(r.stats.claims), str(r.stats.articles), str(r.stats.origins),
                          _contradictions_cell(r.stats.contradictions))
        console.print(table)


# --------------------------------------------------------------------------- claims


def _claims_csv_header() -> list[str]:
    return ["id", "proposition", "article", "outlet", "claimant", "via", "says", "scope", "when", "certainty",
            "quote", "note"]


def _claims_csv_row(nc: Any) -> list[Any]:
    return [nc.claim.id, nc.claim.proposition, nc.claim.article, nc.article.outlet if nc.article else None,
            nc.comparable.claimant_label, ", ".join(nc.comparable.via), says(nc), nc.comparable.scope, _when(nc),
            nc.claim.certainty, nc.claim.quote, nc.claim.note]


@app.command()
def claims(
    ctx: typer.Context,
    topic: Optional[str] = TopicFilter,
    proposition: Optional[str] = PropositionFilter,
    article: Optional[str] = typer.Option(None, "--article", metavar="ARTICLE", help="Only claims in this article."),
    claimant: Optional[str] = typer.Option(
        None, "--claimant", metavar="NAME",
        help="Only claims made by this entity (a name or alias) or by an entity that is part of it."),
    search: Optional[str] = typer.Option(
        None, "--search", "-s", metavar="TEXT",
        help="Fuzzy search in ids, quotes and notes; typos tolerated; best matches first."),
    format: Format = FormatOption,
) -> None:
    """List claims, filtered or fuzzy-searched.

    Each claim with what it says (normalized), who says it, where, and the quote. Filters combine. --claimant includes the claims of every entity that is part of the one
    named (--claimant Hamas includes Ismail Haniyeh, who is part of Hamas), as the comparison
    treats them as one origin; who only passed a claim on (via) does not count. --search ranks
    claims by how well their id, quote or note match the text (typos, word order and number
    words are forgiven) and shows the score (0-100; 75 or more is a match).

    Example: hirel claims --search "hundred milion anually"
    """
    from ..browse import find_claims
    from ..comparing.comparison import UnknownName

    browser = _browser(ctx)
    try:
        matches = find_claims(browser, topic=topic, proposition=proposition, article=article,
                              claimant=claimant, search=search)
    except UnknownName as exc:
        _unknown(exc)
    searching = search is not None
    fmt = format.lower()
    if fmt == "json":
        write_json({"claims": [_claim_json(m.claim, **({"score": m.score} if searching else {}))
                               for m in matches]})
        return
    if fmt == "csv":
        header = _claims_csv_header() + (["score"] if searching else [])
        write_csv(header, [_claims_csv_row(m.claim) + ([m.score] if searching else []) for m in matches])
        return
    if fmt == "markdown":
        header = ["claim", "proposition", "article", "claimant", "says", "when", "quote"] + (
            ["score"] if searching else [])
        write_markdown_table(header, [
            [m.claim.claim.id, m.claim.claim.proposition, m.claim.claim.article, who(m.claim), says(m.claim),
             _when(m.claim), m.claim.claim.quote] + ([m.score] if searching else []) for m in matches])
        return
    from rich.text import Text

    console = stdout_console(ctx)
    if not matches:
        console.print(Text("No claims match."))
        return
    props = browser.corpus.propositions
    for m in matches:
        _claim_card(console, m.claim, props.get(m.claim.claim.proposition), m.score)
    print_hanging(console, Text(_plural(len(matches), "claim") + (" (best match first)" if searching else "")
                                + ". hirel show CLAIM_ID shows one in full.", style="dim"), 0, 2)


# --------------------------------------------------------------------------- show


def _article_json(article: Any) -> dict[str, Any] | None:
    if article is None:
        return None
    return {"id": article.id, "path": article.path, "title": article.title, "outlet": article.outlet,
            "author": article.author, "published": article.published, "url": article.url, "kind": article.kind,
            "reliability": article.reliability}


def _show_json(detail: Any, browser: Any) -> dict[str, Any]:
    nc = detail.claim
    data = _claim_json(nc)
    if data["value"] is not None and nc.interval is not None:
        data["value"]["steps"] = list(nc.interval.steps)
    context = detail.context
    return {
        "claim": data,
        "proposition": _proposition_json(detail.proposition) if detail.proposition else None,
        "article": _article_json(detail.article),
        "context": None if context is None else {
            "path": detail.article.path, "line": context.line, "paragraph_line": context.first_line,
            "paragraph": context.paragraph, "start": context.start, "end": context.end,
            "occurrences": context.occurrences},
        "findings": [_finding_json(f, other=detail.other(f)) for f in detail.findings],
    }


def _show_fields(detail: Any) -> list[tuple[str, str]]:
    """(label, text) for every field of the claim, in the order of the data format."""
    from ..values.figures import format_interval

    nc, prop, article = detail.claim, detail.proposition, detail.article
    claim = nc.claim
    rows = [("proposition", f"{claim.proposition}: {prop.text}" + (f" ({_kind(prop)})" if prop else "")
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
    rows.append(("when", _when(nc) + (f" (written '{claim.when}')" if claim.when and str(claim.when) != _when(nc) else "")))
    rows.append(("certainty", claim.certainty))
    if claim.stance is not None:
        rows.append(("stance", claim.stance))
    if claim.value is not None:
        from ..serialize import value_text

        rows.append(("value", value_text(claim.value)))
        if nc.interval is not None:
            rows.append(("normalized", says(nc)))
            if nc.interval.written is not None:
                from ..values.figures import format_compared

                rows.append(("compared as", f"{format_compared(nc.interval)} (the precision of the written figure)"))
            if nc.interval.steps:
                rows.append(("read as", "; ".join(nc.interval.steps)))
        else:
            rows.append(("normalized", f"unreadable: {nc.problem}" if nc.problem else "unreadable"))
    elif nc.problem:
        rows.append(("problem", nc.problem))
    if claim.note:
        rows.append(("note", claim.note))
    return rows


# Around a long paragraph, how much text a terminal shows on each side of the quote.
_CONTEXT_CHARS = 320


def _trim_context(before: str, after: str, console: Any) -> tuple[str, str]:
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


def _context_table(detail: Any, console: Any) -> Any:
    """The paragraph with the quote highlighted, one row per line of the file, numbered.

    Without colour (piped, NO_COLOR, --color never) the quote is marked >>like this<<.
    """
    from rich.table import Table
    from rich.text import Text

    context = detail.context
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


def _md_inline(text: str) -> str:
    """Article text for a Markdown paragraph: one line, its own emphasis and links made literal."""
    from .render import markdown_text

    return markdown_text(text)


def _show_markdown(detail: Any) -> None:
    out = sys.stdout
    out.write(f"## {detail.claim.claim.id}\n\n")
    write_markdown_table(["field", "value"], _show_fields(detail))
    if detail.context is not None:
        context = detail.context
        out.write(f"\n{_md_inline(detail.article.path)}, line {context.line}:\n\n")
        text = (_md_inline(context.before) + "**" + _md_inline(context.quote) + "**" + _md_inline(context.after))
        out.write("> " + text.strip() + "\n")
    if detail.findings:
        out.write("\n")
        write_markdown_table(["verdict", "with", "explanation"],
                             [[f.verdict, detail.other(f), f.explanation] for f in detail.findings])


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
    from ..browse import claim_detail
    from ..comparing.comparison import UnknownName

    browser = _browser(ctx)
    try:
        detail = claim_detail(browser, claim_id)
    except UnknownName as exc:
        _unknown(exc)
    fmt = format.lower()
    if fmt == "json":
        write_json(_show_json(detail, browser))
        return
    if fmt == "csv":
        row = _claims_csv_row(detail.claim)
        line = detail.context.line if detail.context else None
        findings = "; ".join(f"{f.verdict}: {detail.other(f)}" for f in detail.findings)
        write_csv(_claims_csv_header() + ["line", "findings"], [row + [line, findings]])
        return
    if fmt == "markdown":
        _show_markdown(detail)
        return
    _show_table(ctx, detail, browser)


def _show_table(ctx: typer.Context, detail: Any, browser: Any) -> None:
    from rich.padding import Padding
    from rich.text import Text

    console = stdout_console(ctx)
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
    for label, text in _show_fields(detail):
        table.add_row(label, cell(safe_line(text)))
    console.print(table)
    console.print()
    if detail.context is None:
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
        console.print(Padding(_context_table(detail, console), (0, 0, 0, 2), expand=False))
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


# --------------------------------------------------------------------------- sources


def _coverage(corpus) -> dict:
    """Per article: checkable sentences, those a claim covers, and the share (hirel suggest's count)."""
    from ..authoring.suggest import Suggester

    suggester = Suggester(corpus)
    out = {}
    for article_id in corpus.articles:
        result = suggester.for_article(article_id, stubs=False)
        out[article_id] = {"checkable": result.checkable, "covered": result.covered, "share": result.coverage}
    return out


def _coverage_text(c: dict) -> str:
    share = "" if c["share"] is None else f" ({c['share']:.0%})"
    return f"{c['covered']}/{c['checkable']}{share}"


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
    from ..browse import charges, sources as list_sources

    browser = _browser(ctx)
    report = list_sources(browser)
    covered = _coverage(browser.corpus) if coverage else {}
    fmt = format.lower()
    if fmt in ("json", "csv"):
        listed = {r.article.id: charges(browser, r.article.id) for r in report.articles}
        against = {key: sorted({a for c in found for a in c.other_articles}) for key, found in listed.items()}
    if fmt == "json":
        write_json({
            "articles": [{**_article_json(r.article), "outlet": r.outlet,
                          "stats": {"claims": r.claims, "contradictions": r.contradictions, "reported": r.reported},
                          "contradictions": [_finding_json(c.finding, role=c.role, against=c.other_articles)
                                             for c in listed[r.article.id]],
                          "against": against[r.article.id],
                          **({"coverage": covered[r.article.id]} if coverage else {})}
                         for r in report.articles],
            "outlets": [{"name": o.outlet, "articles": o.articles,
                         "stats": {"claims": o.claims, "contradictions": o.contradictions, "reported": o.reported},
                         "reliability": o.reliability} for o in report.outlets],
        })
        return
    header = ["article", "outlet", "published", "kind", "reliability", "claims", "contradictions", "reported",
              "against", "title"]
    outlet_header = ["outlet", "articles", "claims", "contradictions", "reported", "reliability"]
    outlet_values = [[o.outlet, len(o.articles), o.claims, o.contradictions, o.reported, " ".join(o.reliability)]
                     for o in report.outlets]
    extra = (lambda r: [_coverage_text(covered[r.article.id])]) if coverage else (lambda r: [])
    if fmt == "csv":
        write_csv(header + (["coverage"] if coverage else []),
                  [[r.article.id, r.outlet, r.article.published, r.article.kind, r.article.reliability,
                    r.claims, r.contradictions, r.reported, " ".join(against[r.article.id]), r.article.title,
                    *extra(r)] for r in report.articles])
        return
    if fmt == "markdown":
        header = header[:8] + header[9:] + (["coverage"] if coverage else [])
        sys.stdout.write("## Articles\n\n")
        write_markdown_table(header, [[r.article.id, r.outlet, r.article.published, r.article.kind,
                                       r.article.reliability, r.claims, r.contradictions, r.reported, r.article.title,
                                       *extra(r)] for r in report.articles])
        sys.stdout.write("\n## Outlets\n\n")
        write_markdown_table(outlet_header, outlet_values)
        return
    from rich.text import Text

    console = stdout_console(ctx)
    if not report.articles:
        console.print(Text("No articles."))
        return
    # The id column is as wide as the longest id: kind and grade go under the date, and the
    # coverage under the title, so that the other columns fit beside a 44-character id at 80
    # columns.
    table = new_table("article", "published", "claims", "own", "reported", title="Articles",
                      collapse_padding=True, pad_edge=False)
    name_column(table, [r.article.id for r in report.articles], console)
    _right(table, 2, 3, 4)
    for r in report.articles:
        name = Text(safe_line(r.article.id), style="bold")
        name.append("\n" + safe_line(r.outlet))
        name.append(" · " + safe_line(r.article.title), style="dim")
        if coverage:
            name.append("\ncovered: " + _coverage_text(covered[r.article.id]), style="cyan")
        published = Text(safe_line(r.article.published or "undated"))
        if r.article.kind:
            published.append("\n" + safe_line(r.article.kind), style="dim")
        published.append("\ngrade " + safe_line(r.article.reliability), style="dim")
        table.add_row(name, published, str(r.claims), _contradictions_cell(r.contradictions),
                      cell(r.reported, "" if r.reported else "dim"))
    console.print(table)
    console.print(Text("own: contradictions to which the article's own voice is a party; reported: "
                       "contradictions between others that it reports", style="dim"))
    pairs, more = _own_contradiction_pairs(browser)
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
    _right(outlets, 1, 2, 3, 4)
    for o in report.outlets:
        outlets.add_row(cell(o.outlet, "bold"), str(len(o.articles)), str(o.claims),
                        _contradictions_cell(o.contradictions), cell(o.reported, "" if o.reported else "dim"),
                        cell(" ".join(o.reliability)))
    console.print(outlets)


def _own_contradiction_pairs(browser: Any, limit: int = 30) -> tuple[dict[tuple[str, str], list[str]], bool]:
    """(article, other article) -> the propositions on which one's own voice is contradicted by
    the other; at most ``limit`` pairs of articles (True when there are more). Only claims in an
    article's own voice are judged, each against the positions disputed with its own."""
    from ..browse import own_voice
    from ..comparing.verdicts import compare_between

    corpus = browser.corpus
    pairs: dict[tuple[str, str], list[str]] = {}
    for pid, prop in corpus.propositions.items():
        pc = browser.comparison(pid)
        if not pc.count("contradiction"):
            continue
        own = [nc for nc in pc.claims if own_voice(nc.claim, nc.article, browser.entities)]
        if not own:
            continue
        found = pc.positions
        where = found.of_claim()
        members: dict[str, list[Any]] = {}
        by_id = {nc.claim.id: nc for nc in pc.claims}
        for position in found.positions:
            members[position.id] = [by_id[c].comparable for c in position.claims]
        disputed: dict[str, list[str]] = {}
        for dispute in found.disputes:
            a, b = dispute.positions
            disputed.setdefault(a, []).append(b)
            disputed.setdefault(b, []).append(a)
        for nc in own:
            others = [c for q in disputed.get(where.get(nc.claim.id, ""), []) for c in members[q]]
            for f in compare_between([nc.comparable], others, prop, browser.entities, only="contradiction"):
                key = tuple(sorted(corpus.claims[c].article for c in f.claims))
                if key not in pairs:
                    if len(pairs) == limit:
                        return dict(sorted(pairs.items())), True
                    pairs[key] = []  # type: ignore[index]
                if pid not in pairs[key]:  # type: ignore[index]
                    pairs[key].append(pid)  # type: ignore[index]
    return dict(sorted(pairs.items())), False


# --------------------------------------------------------------------------- timeline


def _entry_when(entry: Any) -> str:
    from ..values.periods import format_period
    from ..model import Period

    if not entry.known:
        return "unknown"
    return format_period(Period(entry.start, entry.end))


def _entry_lines(entry: Any, console: Any) -> Any:
    """Who says what (stance or value), on which proposition, the quote, and the ids."""
    from rich.text import Text

    nc, prop = entry.claim, entry.proposition
    text = Text(safe_line(who(nc)), style="bold")
    said = says(nc)
    if nc.claim.stance is not None:
        text.append(" " + safe_line(said), style="cyan")
    elif said:
        text.append(": ")
        text.append(safe_line(said), style="cyan")
    scope = nc.comparable.scope
    if scope and (prop is None or scope != prop.object):
        text.append(f" for {safe_line(scope)}")
    if nc.claim.certainty != "certain":
        text.append(f" ({safe_line(nc.claim.certainty)})", style="yellow")
    text.append("\n" + safe_line(prop.text if prop is not None else nc.claim.proposition))
    text.append("\n“" + shorten(nc.claim.quote, console, 160) + "”", style="italic")
    text.append("\n" + safe_line(nc.claim.id) + " · " + safe_line(nc.claim.article), style="dim")
    return text


@app.command()
def timeline(
    ctx: typer.Context,
    topic: Optional[str] = TopicFilter,
    proposition: Optional[str] = PropositionFilter,
    format: Format = FormatOption,
) -> None:
    """Claims in the order of the period they are about.

    To see how the story changed over time.
    The order is the start of the claim's `when` (an open "until X" sorts at X). A claim on a
    date proposition without `when` is about the date it gives, so it sorts at that date (shown
    as "date claimed"). Claims whose period is unknown come last.

    Example: hirel timeline --topic reconciliation
    """
    from ..browse import timeline as order_claims
    from ..comparing.comparison import UnknownName

    browser = _browser(ctx)
    try:
        entries = order_claims(browser, topic, proposition)
    except UnknownName as exc:
        _unknown(exc)
    fmt = format.lower()
    if fmt == "json":
        write_json({"topic": topic, "proposition": proposition, "claims": [
            _claim_json(e.claim, date={"start": e.start.isoformat() if e.start else None,
                                       "end": e.end.isoformat() if e.end else None,
                                       "display": _entry_when(e), "basis": e.basis})
            for e in entries]})
        return
    header = ["date", "basis", "claim", "proposition", "says", "scope", "certainty", "claimant", "article", "quote"]
    rows = [[_entry_when(e), e.basis, e.claim.claim.id, e.claim.claim.proposition, says(e.claim),
             e.claim.comparable.scope, e.claim.claim.certainty, who(e.claim), e.claim.claim.article,
             e.claim.claim.quote] for e in entries]
    if write_plain(fmt, header, rows):
        return
    from rich.text import Text

    console = stdout_console(ctx)
    if not entries:
        console.print(Text("No claims."))
        return
    table = new_table("date", "claim", collapse_padding=True)
    table.columns[0].no_wrap = True
    for index, e in enumerate(entries):
        shown = _entry_when(e)
        when = Text(shown.replace("–", "–\n") if len(shown) > 12 else shown, style="bold" if e.known else "dim")
        if e.basis == "value":
            when.append("\n(date\nclaimed)", style="dim")
        if index:
            table.add_row("", "")  # a blank line between entries
        table.add_row(when, _entry_lines(e, console))
    console.print(table)
