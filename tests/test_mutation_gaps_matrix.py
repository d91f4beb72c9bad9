"""The matrix of `hirel matrix`: every part of it is a frozen record, as its cells and tallies
are (tests/test_mutation_gaps.py): a view handed to a renderer cannot be changed by it."""

from __future__ import annotations

import dataclasses

import pytest

from hirel.model import Topic
from hirel.views.matrix import Matrix, MatrixColumn, MatrixRow, Tally
from test_verdicts import FIXED


def test_columns_rows_and_the_matrix_are_frozen():
    topic = Topic(id="t", text="t", loc=FIXED.loc)
    column = MatrixColumn("P1", FIXED, Tally(), 0)
    row = MatrixRow("Reuters", [], [], {}, Tally())
    grid = Matrix(topic, [column], [row])
    for record, field in ((column, "key"), (row, "origin"), (grid, "origins")):
        with pytest.raises(dataclasses.FrozenInstanceError):
            setattr(record, field, "changed")
    assert (column.key, row.origin, grid.origins) == ("P1", "Reuters", 0)
