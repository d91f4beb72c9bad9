"""Shared output helpers for the commands: safe table cells, JSON, CSV and Markdown writers."""

from __future__ import annotations

import csv
import re
import sys
from collections.abc import Iterable, Sequence
from typing import IO, TYPE_CHECKING, Any

from .terminal import is_tty, json_text, safe, safe_line

if TYPE_CHECKING:
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    from ..comparing.comparison import NormalizedClaim
    from ..comparing.positions import Position
    from ..model import Proposition

# One cell of a CSV or Markdown table: text, a count or a figure; None is an empty cell.
CellValue = str | int | float | None

VERDICT_STYLES = {
    "contradiction": "bold red",
    "agreement": "green",
    "consistent": "green dim",
    "compatible": "cyan",
    "different-period": "blue",
    "same-origin": "yellow",
    "unrelated": "dim",
}


def cell(value: object, style: str = "") -> Text:
    """Untrusted text as a Rich cell: literal (no markup, no emoji), control characters removed."""
    from rich.text import Text

    return Text(safe(value), style=style)


def new_table(*columns: str, title: str | None = None, **options: Any) -> Table:
    """A table whose cells fold instead of ending in '…'."""
    from rich import box
    from rich.table import Table

    table = Table(title=title, title_justify="left", box=box.SIMPLE_HEAD, show_edge=False, **options)
    for column in columns:
        table.add_column(column, overflow="fold")
    return table


# A name column (an id over its wrapped description) is never wider than this, however wide the
# terminal: the counts beside it stay next to the names they count.
NAME_COLUMN_WIDTH = 56


def name_column(table: Table, ids: Iterable[str], console: Console, index: int = 0) -> None:
    """Size a table's name column: at least as wide as its longest id, so that an id is never
    broken (unless the id alone is wider than the terminal less the other columns' headers), and
    at most NAME_COLUMN_WIDTH, or the longest id if that is wider."""
    from rich.cells import cell_len

    longest = max((cell_len(safe_line(i)) for i in ids), default=0)
    others = sum(max(cell_len(line) for line in str(column.header).split("\n")) + 2
                 for number, column in enumerate(table.columns) if number != index)
    column = table.columns[index]
    column.min_width = max(1, min(longest, console.width - others - 2))
    column.max_width = max(column.min_width, NAME_COLUMN_WIDTH)


def shorten(text: str, console: Console, limit: int = 110) -> str:
    """On a terminal, a long text cut at a word boundary; piped, the whole text."""
    text = safe_line(text)
    if not is_tty(console.file) or len(text) <= limit:
        return text
    cut = text.rfind(" ", 0, limit - 1)
    return text[: cut if cut > limit // 2 else limit - 1] + " …"


def print_indented(console: Console, text: Text, indent: int = 4) -> None:
    """Print a Text wrapped to the console width, every line indented, no trailing spaces."""
    from rich.text import Text

    width = max(20, console.width - indent)
    for line in text.wrap(console, width):
        line.rstrip()
        console.print(Text(" " * indent) + line, soft_wrap=True)


def print_hanging(console: Console, text: Text, indent: int = 0, hang: int = 4) -> None:
    """Print a Text wrapped to the console width with a hanging indent: its first line starts at
    column ``indent``, every line it wraps onto (and every further line of a multi-line Text) at
    ``indent + hang``. No trailing spaces. A hang wider than half the width is cut to 4."""
    from rich.text import Text

    width = max(20, console.width)
    if indent + hang > width // 2:
        hang = min(hang, 4)
    first_width, rest_width = max(10, width - indent), max(10, width - indent - hang)
    out: list[Text] = []
    for number, segment in enumerate(text.split("\n", allow_blank=True)):
        if number == 0:
            lines = segment.wrap(console, first_width)
            head = lines[0] if lines else Text()
            out.append(Text(" " * indent) + head)
            rest = segment[len(head.plain):]
            rest = rest[len(rest.plain) - len(rest.plain.lstrip(" ")):]
        else:
            rest = segment
        if rest.plain:
            out.extend(Text(" " * (indent + hang)) + line for line in rest.wrap(console, rest_width))
        elif number:
            out.append(Text())
    for line in out:
        line.rstrip()
        console.print(line, soft_wrap=True)


def says(nc: NormalizedClaim) -> str:
    """What a claim says, normalized: 'supports', '$360M/yr (from $30M/mo)', a change as a
    change ('+21%', 'up at least 50%'), or the value as written with the reason it could not be
    read or compared."""
    from ..values.figures import format_figure
    from .serialize import value_text

    claim = nc.claim
    if claim.stance is not None:
        return claim.stance
    change = nc.measures == "change"
    original = nc.comparable.original
    if nc.interval is None:
        if original is not None:  # read, but not convertible to the proposition's unit
            return f"{format_figure(original, change)} (not compared: {nc.problem})"
        if claim.value is None:
            return ""
        return f"{value_text(claim.value)} (unreadable: {nc.problem})" if nc.problem else value_text(claim.value)
    shown = format_figure(nc.interval, change)
    if original is not None and original.unit != nc.interval.unit:
        shown += f" (from {format_figure(original, change)})"
    return shown


def position_says(position: Position, proposition: Proposition) -> str:
    """A position's figure or stance ('$324M–$396M/yr', 'supports'); on a proposition that
    measures a change, the figure as a change ('up at least 50%')."""
    from ..values.figures import format_figure

    if position.stance is not None or position.interval is None:
        return position.display
    return format_figure(position.interval, proposition.measures == "change")


def who(nc: NormalizedClaim) -> str:
    """The claimant, and who passed the claim on: 'unnamed Hamas source via The Wall Street Journal'."""
    comparable = nc.comparable
    return comparable.claimant_label + (" via " + ", ".join(comparable.via) if comparable.via else "")


def write_json(document: Any, stream: IO[str] | None = None) -> None:
    # One write: json.dump to a stream makes a write call per token (millions on a big compare).
    out = sys.stdout if stream is None else stream
    out.write(json_text(document, stream=out) + "\n")


# Whether CSV cells that a spreadsheet would run as formulas are neutralized (the global
# option --raw-csv turns it off for pipelines that want the values as they are).
CSV_NEUTRALIZE = True
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_PLAIN_NUMBER = re.compile(r"[+-]?(?:\d[\d,]*(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?%?")


def csv_cell(value: CellValue, neutralize: bool | None = None) -> CellValue:
    """One CSV cell: text on one line, with escapes and control characters removed and
    invisible characters shown; a text a spreadsheet would read as a formula (it starts with
    = + - @, a tab or a carriage return) gets a leading ' (OWASP), unless it is a plain number."""
    if value is None:
        return ""
    if not isinstance(value, str):
        return value
    text = safe_line(value)
    if (CSV_NEUTRALIZE if neutralize is None else neutralize) and text.startswith(_FORMULA_START) \
            and not _PLAIN_NUMBER.fullmatch(text):
        text = "'" + text
    return text


def write_csv(header: Sequence[str], rows: Iterable[Sequence[CellValue]], stream: IO[str] | None = None) -> None:
    """Every CSV output goes through here: a header row, then each cell through csv_cell()."""
    writer = csv.writer(sys.stdout if stream is None else stream, lineterminator="\n")
    writer.writerow(header)
    for row in rows:
        writer.writerow([csv_cell(v) for v in row])


# Characters with a meaning in Markdown or HTML; each is written backslash-escaped, so that
# a quote holding <b>, [x](http://…), `code` or *stars* shows as written, never as markup.
# An underscore inside a word (changes_over_time) is not emphasis and stays as it is.
_MARKDOWN_SPECIAL = re.compile(r"[\\`*\[\]<>&~|]|(?<![^\W_])_|_(?![^\W_])|^[#+-]")
# Bare addresses that GitHub-flavoured Markdown turns into links by itself.
_AUTOLINK = re.compile(r"(?i)\b(https?|ftp)://|\bwww\.")


def markdown_text(value: CellValue) -> str:
    """Untrusted text for a Markdown paragraph or table cell: one line, escapes and control
    characters removed, invisible characters shown, every Markdown and HTML special character
    escaped (and a leading # + -), bare addresses defused: no HTML, link or image in it is live."""
    text = _MARKDOWN_SPECIAL.sub(lambda m: "\\" + m.group(), safe_line("" if value is None else value))
    return _AUTOLINK.sub(lambda m: m.group().replace(":", "\\:").replace(".", "\\."), text)


def markdown_escape(value: CellValue) -> str:
    """A Markdown table cell (see markdown_text; '|' cannot end the cell)."""
    return markdown_text(value)


def write_markdown_table(header: Sequence[str], rows: Iterable[Sequence[CellValue]],
                         stream: IO[str] | None = None) -> None:
    out = sys.stdout if stream is None else stream
    out.write("| " + " | ".join(header) + " |\n")
    out.write("|" + "|".join("---" for _ in header) + "|\n")
    for row in rows:
        out.write("| " + " | ".join(markdown_escape(v) for v in row) + " |\n")


def write_plain(fmt: str, header: Sequence[str], rows: Sequence[Sequence[CellValue]],
                stream: IO[str] | None = None) -> bool:
    """Write ``rows`` as CSV or a Markdown table when ``fmt`` asks for one; False otherwise."""
    if fmt == "csv":
        write_csv(header, rows, stream)
        return True
    if fmt == "markdown":
        write_markdown_table(header, rows, stream)
        return True
    return False
