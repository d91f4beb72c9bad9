"""`hirel entities`: every entity with its aliases, part_of, and how many claims and articles use it."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from ..render import CellValue, cell, new_table, write_csv, write_json, write_markdown_table
from . import Target

if TYPE_CHECKING:
    from ...authoring.unknown import EntityUse

__all__ = ["entities_csv", "entities_json", "entities_markdown", "entities_table"]

_HEADER = ("entity", "aliases", "part of", "claims", "articles")


def _rows(uses: Sequence[EntityUse]) -> list[tuple[CellValue, ...]]:
    return [(u.name, ", ".join(u.aliases), ", ".join(u.part_of), u.claims, u.articles) for u in uses]


def entities_json(uses: Sequence[EntityUse], target: Target) -> None:
    from ..serialize import entity_uses_document

    write_json(entity_uses_document(uses), target.stream)


def entities_csv(uses: Sequence[EntityUse], target: Target) -> None:
    write_csv(_HEADER, _rows(uses), target.stream)


def entities_markdown(uses: Sequence[EntityUse], target: Target) -> None:
    write_markdown_table(_HEADER, _rows(uses), target.stream)


def entities_table(uses: Sequence[EntityUse], target: Target) -> None:
    table = new_table(*_HEADER)
    # Names wrap within a readable width, so that a wide terminal keeps the counts near them.
    for column in table.columns[:3]:
        column.max_width = 40
    for column in table.columns[3:]:
        column.justify = "right"
    for row in _rows(uses):
        table.add_row(*(cell(str(v)) for v in row))
    target.console().print(table)
