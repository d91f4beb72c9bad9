"""`hirel matrix`: the ACH-style grid of origins × a topic's propositions, as JSON, CSV (values
and stances as words), Markdown, or grids that fit the terminal."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..render import print_hanging, says, write_csv, write_json, write_markdown_table
from ..terminal import safe_line
from . import Target
from .cards import kind as _kind
from .cards import plural as _plural

if TYPE_CHECKING:
    from rich.box import Box
    from rich.console import Console
    from rich.table import Table

    from ...model import Proposition
    from ...views import Matrix, MatrixCell, Tally

__all__ = ["Grid", "matrix_csv", "matrix_json", "matrix_markdown", "matrix_table"]


@dataclass(frozen=True)
class Grid:
    """A topic's matrix, and whether --ascii asks for plain symbols."""

    result: Matrix
    ascii_only: bool


_UNICODE_SYMBOLS = {"supports": "✓", "refutes": "✗", "uncertain": "?", "contradiction": "!", "scope": "†",
                    "empty": "·"}
_ASCII_SYMBOLS = {"supports": "+", "refutes": "-", "uncertain": "?", "contradiction": "!", "scope": "^",
                  "empty": "."}
_TO_ASCII = str.maketrans({"–": "-", "—": "-", "−": "-", "≥": ">=", "≤": "<=", "·": ".", "…": "...", "×": "x",
                           "€": "EUR ", "£": "GBP ", "¥": "JPY ", "₪": "ILS ", "“": '"', "”": '"', "’": "'"})


class _Symbols:
    """The matrix's symbols: Unicode, or plain ASCII (--ascii, or a terminal that is not UTF-8)."""

    def __init__(self, ascii_only: bool, encoding: str) -> None:
        self.ascii = ascii_only
        self.encoding = encoding
        self.marks = _ASCII_SYMBOLS if ascii_only else _UNICODE_SYMBOLS

    def __getitem__(self, name: str) -> str:
        return self.marks[name]

    def text(self, value: object) -> str:
        """Untrusted or formatted text on one line, made safe and, in ASCII mode, free of our
        symbols; on a terminal that cannot encode a character, a '?' instead."""
        text = safe_line(value)
        if self.ascii:
            text = text.translate(_TO_ASCII)
            if not self.encoding.lower().replace("_", "-").startswith("utf"):
                text = text.encode(self.encoding or "ascii", "replace").decode(self.encoding or "ascii")
        return text


def _cell_text(cell_data: MatrixCell, prop: Proposition, symbols: _Symbols) -> str:
    """One cell: a symbol per stance, the normalized value per value claim; '?' when the claim
    is only likely or possible, '†' when it is about another scope than the proposition's
    object, ' !' after each claim that takes part in a contradiction (a cell with several
    values has one line per value, each marked on its own)."""
    from ...values.figures import format_figure
    from ..serialize import value_text

    parts = []
    for nc in cell_data.claims:
        claim = nc.claim
        if claim.stance is not None:
            part = symbols[claim.stance] if claim.stance in ("supports", "refutes") else claim.stance
        elif nc.interval is not None:
            part = format_figure(nc.interval, nc.measures == "change")
        elif claim.value is not None:
            part = f"{value_text(claim.value)}{symbols['uncertain']}"
        else:
            part = symbols["uncertain"]
        if claim.certainty != "certain":
            part += symbols["uncertain"]
        if nc.comparable.scope and prop.object and nc.comparable.scope != prop.object:
            part += symbols["scope"]
        if claim.id in cell_data.contradicted or (cell_data.contradictions and not cell_data.contradicted):
            part += " " + symbols["contradiction"]
        parts.append(symbols.text(part))
    return " ".join(parts) if all(nc.claim.stance for nc in cell_data.claims) else "\n".join(parts)


def _tally_text(tally: Tally, symbols: _Symbols) -> str:
    parts = []
    if tally.supports:
        parts.append(f"{symbols['supports']}{tally.supports}")
    if tally.refutes:
        parts.append(f"{symbols['refutes']}{tally.refutes}")
    if tally.values:
        parts.append(f"{tally.values}v")
    if tally.contradictions:
        parts.append(f"{tally.contradictions}{symbols['contradiction']}")
    return " ".join(parts) or symbols["empty"]


def _cell_words(cell_data: MatrixCell) -> str:
    """A cell for CSV: stances as words, values normalized, separated by '; '."""
    return "; ".join(says(nc) for nc in cell_data.claims)


def _ascii_box() -> Box:
    """rich.box.SIMPLE_HEAD drawn with '-' (Rich picks ASCII boxes itself only when the terminal
    is not UTF-8; --ascii asks for them on any terminal)."""
    from rich.box import Box

    return Box("    \n    \n -- \n    \n    \n    \n    \n    \n", ascii=True)


# The source column of the grid folds beyond this width (names of long entities).
_LABEL_WIDTH = 30


def _matrix_table(console: Console, result: Matrix, symbols: _Symbols) -> None:
    """The grid, split into several grids (each with the source column) when the propositions'
    columns do not fit the width of the terminal: never folded, never cut. Each grid is measured
    as Rich will draw it; a column that does not fit beside the source column even alone gets a
    grid of its own (and only then folds)."""
    from rich.cells import cell_len
    from rich.text import Text

    title = Text(symbols.text(result.topic.id), style="bold underline")
    title.append("  " + symbols.text(result.topic.text))
    print_hanging(console, title, 0, cell_len(symbols.text(result.topic.id)) + 2)
    if not result.rows:
        console.print(Text("No claims on this topic yet." if result.columns else "No propositions in this topic."))
        return
    article_keys = {article: f"A{n}" for n, article in enumerate(
        sorted({a for r in result.rows for a in r.articles}), 1)}
    labels = []
    for r in result.rows:
        label = Text(symbols.text(r.origin), style="bold")
        label.append("  " + " ".join(article_keys[a] for a in r.articles), style="dim")
        if r.part_of:
            label.append("\npart of " + symbols.text(", ".join(r.part_of)), style="italic")
        labels.append(label)
    labels.append(Text(f"all ({_plural(result.origins, 'independent origin')})", style="bold"))
    # Per column of the grid: its header and its cells (one per row, then the column's tally);
    # the rows' tallies are the last column, "all".
    columns: list[tuple[str, list[Text]]] = []
    for c in result.columns:
        cells = []
        for r in result.rows:
            data = r.cells.get(c.proposition.id)
            if data is None:
                cells.append(Text(symbols["empty"], style="dim"))
                continue
            style = "bold red" if data.contradictions else (
                "green" if data.supports and not data.refutes else "red" if data.refutes and not data.supports else "")
            cells.append(Text(_cell_text(data, c.proposition, symbols), style=style))
        cells.append(Text(_tally_text(c.tally, symbols)))
        columns.append((c.key, cells))
    columns.append(("all", [Text(_tally_text(r.tally, symbols)) for r in result.rows]
                    + [Text(_tally_text(result.tally, symbols), style="bold")]))

    longest_label = max(cell_len(line) for t in labels for line in t.plain.split("\n"))
    label_width = max(cell_len("source"), min(_LABEL_WIDTH, longest_label, max(12, console.width // 3)))

    def grid(page: list[int]) -> Table:
        table = _new_grid(["source"] + [columns[i][0] for i in page], symbols)
        table.columns[0].min_width = table.columns[0].max_width = label_width + 1  # + its padding
        for row_index, label in enumerate(labels):
            if row_index == len(labels) - 1:
                table.add_section()
            table.add_row(label, *(columns[i][1][row_index] for i in page))
        return table

    pages: list[list[int]] = [[]]
    for index in range(len(columns)):
        if pages[-1] and not _fits(console, grid(pages[-1] + [index])):
            pages.append([])
        pages[-1].append(index)
    for number, page in enumerate(pages):
        if number:
            console.print()
        console.print(grid(page))
    console.print()
    _key(console, result, article_keys, symbols)


def _new_grid(headers: list[str], symbols: _Symbols) -> Table:
    from rich import box
    from rich.table import Table

    table = Table(box=_ascii_box() if symbols.ascii else box.SIMPLE_HEAD, show_edge=False, collapse_padding=True)
    for header in headers:
        # Only the source column folds (long names), unless a column does not fit beside it alone.
        table.add_column(header, overflow="fold")
    return table


def _fits(console: Console, table: Table) -> bool:
    """Does ``table`` fit the console's width without folding a cell?"""
    from rich.measure import Measurement

    unbounded = console.options.update_width(10_000)
    return Measurement.get(console, unbounded, table).maximum <= console.width


def _key(console: Console, result: Matrix, article_keys: dict[str, str], symbols: _Symbols) -> None:
    """Under the grid: what P1, P2, … and A1, A2, … stand for, and the symbols."""
    from rich.table import Table
    from rich.text import Text

    key_table = Table.grid(padding=(0, 1))
    key_table.add_column(justify="right", style="bold", no_wrap=True)
    key_table.add_column(overflow="fold")
    for c in result.columns:
        text = Text(symbols.text(c.proposition.id), style="magenta")
        text.append(": " + symbols.text(c.proposition.text) + f" ({_kind(c.proposition)})")
        key_table.add_row(c.key, text)
    for article, key in article_keys.items():
        key_table.add_row(Text(key, style="dim"), Text(symbols.text(article), style="dim"))
    console.print(key_table)
    legend = (f"{symbols['supports']} supports, {symbols['refutes']} refutes, {symbols['uncertain']} only likely or "
              f"possible, {symbols['scope']} about another scope, {symbols['contradiction']} in a contradiction; "
              "all: v values given")
    print_hanging(console, Text(symbols.text(legend), style="dim"), 0, 2)


def matrix_json(grid: Grid, target: Target) -> None:
    from ..serialize import matrix_document

    write_json(matrix_document(grid.result), target.stream)


def matrix_csv(grid: Grid, target: Target) -> None:
    result = grid.result
    header = ["origin", "articles", "part_of"] + [c.proposition.id for c in result.columns] + [
        "supports", "refutes", "values", "contradictions"]
    write_csv(header, [
        [r.origin, " ".join(r.articles), "; ".join(r.part_of)]
        + [_cell_words(r.cells[c.proposition.id]) if c.proposition.id in r.cells else "" for c in result.columns]
        + [r.tally.supports, r.tally.refutes, r.tally.values, r.tally.contradictions]
        for r in result.rows], target.stream)


def _symbols_for(grid: Grid, encoding: str | None) -> _Symbols:
    encoding = encoding or "utf-8"
    is_utf = encoding.lower().replace("_", "-").startswith("utf")
    return _Symbols(grid.ascii_only or not is_utf, encoding)


def matrix_markdown(grid: Grid, target: Target) -> None:
    result = grid.result
    symbols = _symbols_for(grid, getattr(target.stream, "encoding", None))
    header = ["source", "articles"] + [c.proposition.id for c in result.columns] + ["all"]
    rows = [[symbols.text(r.origin) + (f" (part of {', '.join(r.part_of)})" if r.part_of else ""),
             " ".join(r.articles)]
            + [_cell_text(r.cells[c.proposition.id], c.proposition, symbols).replace("\n", "; ")
               if c.proposition.id in r.cells else "" for c in result.columns]
            + [_tally_text(r.tally, symbols)] for r in result.rows]
    rows.append([f"all ({_plural(result.origins, 'independent origin')})", ""]
                + [_tally_text(c.tally, symbols) for c in result.columns] + [_tally_text(result.tally, symbols)])
    write_markdown_table(header, rows, target.stream)


def matrix_table(grid: Grid, target: Target) -> None:
    console = target.console()
    _matrix_table(console, grid.result, _symbols_for(grid, console.encoding))
