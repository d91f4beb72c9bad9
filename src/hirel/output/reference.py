"""How the reference commands report: `rule` (the checks), `schema` (the file kinds) and `value`
(how a phrase is read). Each reporter writes only to the stream of its `Target`."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .browsing import Target
from .render import cell, new_table, print_hanging, write_json
from .terminal import safe_line

if TYPE_CHECKING:
    from ..model import Interval
    from ..rules.base import Rule

__all__ = ["RuleListing", "ValueReading", "rule_json", "rule_markdown", "rule_table", "schema_json",
           "schema_markdown", "value_json", "value_table"]


# --------------------------------------------------------------------------- rule


@dataclass(frozen=True)
class RuleListing:
    """The rules to show, and whether one was asked for by its code (the table then explains
    it in full, with its examples)."""

    rules: Sequence[type[Rule]]
    one: bool


def rule_json(listing: RuleListing, target: Target) -> None:
    from .serialize import rules_document

    write_json(rules_document(listing.rules), target.stream)


def rule_markdown(listing: RuleListing, target: Target) -> None:
    for r in listing.rules:
        target.stream.write(f"### {r.code} {r.name} ({r.severity})\n\n```\n{r.doc()}\n```\n\n")


def rule_table(listing: RuleListing, target: Target) -> None:
    from rich.text import Text

    console = target.console()
    if listing.one:
        _explain(listing.rules[0], console.width, target)
        return
    # The same light table as every other command; the code and name are never broken.
    table = new_table("code", "name", "severity", "what it checks", collapse_padding=True)
    table.columns[0].no_wrap = table.columns[1].no_wrap = True
    for r in listing.rules:
        table.add_row(cell(r.code, "bold"), cell(r.name),
                      cell(r.severity, "yellow" if r.severity == "warning" else ""), cell(r.summary()))
    console.print(table)
    console.print(Text(f"{len(listing.rules)} rules. hirel rule CODE explains one, with examples.", style="dim"))


def _explain(rule: type[Rule], width: int, target: Target) -> None:
    """A rule's documentation with its prose wrapped to ``width``; the examples as written."""
    import textwrap

    summary, paragraphs, examples = rule.parts()
    out = [f"{rule.code} {rule.name} ({rule.severity})", "", summary]
    for paragraph in paragraphs:
        out += ["", textwrap.fill(paragraph, width=max(40, width), break_long_words=False, break_on_hyphens=False)]
    for label, example in examples:
        out += ["", f"{label}:", textwrap.indent(example, "    ")]
    target.stream.write("\n".join(out) + "\n\n")


# --------------------------------------------------------------------------- schema


def schema_json(names: Sequence[str], target: Target) -> None:
    """One kind's JSON Schema, or (several kinds) an object of them by kind."""
    from .serialize import schema_document

    write_json(schema_document(names), target.stream)


def schema_markdown(names: Sequence[str], target: Target) -> None:
    """A table of each kind's fields, under a heading per kind when there are several."""
    from ..loading.schema import field_rows
    from .render import write_markdown_table

    for index, kind in enumerate(names):
        if len(names) > 1:
            target.stream.write(("\n" if index else "") + f"## {kind}\n\n")
        write_markdown_table(["field", "type", "required", "meaning"], field_rows(kind), target.stream)


# --------------------------------------------------------------------------- value


@dataclass(frozen=True)
class ValueReading:
    """A phrase as `hirel value` read it."""

    text: str
    interval: Interval
    change: bool = False  # read as on a proposition that measures a change (--change)


def value_json(reading: ValueReading, target: Target) -> None:
    from .serialize import value_reading_dict

    write_json(value_reading_dict(reading.text, reading.interval, reading.change), target.stream)


def value_table(reading: ValueReading, target: Target) -> None:
    """The reading, its bounds, the interval compared and the unit; then each step, numbered."""
    from rich.text import Text

    from ..values.figures import format_figure
    from .serialize import bound

    interval = reading.interval
    low, high = interval.as_written
    console = target.console()
    table = new_table("", "")
    table.show_header = False
    table.add_row(cell("reads as", "bold"), cell(format_figure(interval, reading.change)))
    table.add_row(cell("low", "bold"), cell(_plain(bound(low, interval.unit))))
    table.add_row(cell("high", "bold"), cell(_plain(bound(high, interval.unit))))
    if interval.written is not None:
        table.add_row(cell("compared as", "bold"), cell(format_figure(interval, reading.change, compared=True)))
    table.add_row(cell("unit", "bold"), cell(interval.unit))
    console.print(table)
    for number, step in enumerate(interval.steps, 1):
        print_hanging(console, Text(f"{number}. {safe_line(step)}"), 2, len(f"{number}. "))


def _plain(x: object) -> str:
    if x is None:
        return "unbounded"
    return f"{x:,}" if isinstance(x, (int, float)) else str(x)
