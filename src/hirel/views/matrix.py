"""The matrix of `hirel matrix`: origins (rows) x the propositions of a topic (columns), an
ACH-style grid of who says what, with tallies per row and column.

Rows are origins (canonical claimants), not articles: in an ACH grid a row is one line of
evidence, and the same outlet or person quoted in two articles is still one source. Each row
lists the articles its claims come from and the other rows it is part of. A cell's
contradictions are counted without enumerating pairs (`attribution.contradictions_involving`).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..comparing.entities import independent_origins
from ..comparing.verdicts import Verdict
from ..model import Proposition, Topic
from .sources import contradictions_involving

if TYPE_CHECKING:
    from ..comparing.comparison import NormalizedClaim
    from .browser import Browser

__all__ = ["Matrix", "MatrixCell", "MatrixColumn", "MatrixRow", "Tally", "matrix"]

CONTRADICTION = Verdict.CONTRADICTION


@dataclass(frozen=True)
class MatrixCell:
    """What one origin says on one proposition (possibly several claims)."""

    claims: list[NormalizedClaim]
    contradictions: int  # contradictions involving these claims
    contradicted: frozenset[str] = frozenset()  # the ids of these claims that take part in one

    @property
    def stances(self) -> list[str]:
        return [nc.claim.stance for nc in self.claims if nc.claim.stance]

    @property
    def supports(self) -> int:
        return self.stances.count("supports")

    @property
    def refutes(self) -> int:
        return self.stances.count("refutes")

    @property
    def values(self) -> int:
        return sum(1 for nc in self.claims if nc.claim.value is not None)


@dataclass(frozen=True)
class Tally:
    """Supports, refutes, values given and contradictions: the summary of a row or a column."""

    supports: int = 0
    refutes: int = 0
    values: int = 0
    contradictions: int = 0
    claims: int = 0


@dataclass(frozen=True)
class MatrixColumn:
    key: str  # "P1", "P2", … as the table heads its columns
    proposition: Proposition
    tally: Tally
    origins: int  # independent origins with a claim on it


@dataclass(frozen=True)
class MatrixRow:
    origin: str
    articles: list[str]
    part_of: list[str]  # other rows' origins this origin is (transitively) part of
    cells: dict[str, MatrixCell]  # by proposition id; missing = nothing said
    tally: Tally


@dataclass(frozen=True)
class Matrix:
    topic: Topic
    columns: list[MatrixColumn]
    rows: list[MatrixRow]
    tally: Tally = field(default_factory=Tally)
    origins: int = 0


def matrix(browser: Browser, topic: str) -> Matrix:
    """Origins × the propositions of ``topic``: who says what, with tallies per row and column.

    Rows: one per origin with a claim in the topic, most claims first (then by name). Columns:
    every proposition of the topic, in file order, including those nobody has claimed yet.
    """
    topic_obj = browser.topic(topic)
    props = browser.propositions_of(topic)
    comparisons = {p.id: browser.comparison(p.id) for p in props}
    by_origin: dict[str, dict[str, list[NormalizedClaim]]] = {}
    for pid, pc in comparisons.items():
        for nc in pc.claims:
            by_origin.setdefault(nc.comparable.origin, {}).setdefault(pid, []).append(nc)
    present = set(by_origin)
    rows = []
    for origin, per_prop in by_origin.items():
        cells = {pid: MatrixCell(claims, contradictions_involving(comparisons[pid], claims),
                                 frozenset(nc.claim.id for nc in claims if comparisons[pid].degrees.get(nc.claim.id)))
                 for pid, claims in per_prop.items()}
        all_claims = [nc for claims in per_prop.values() for nc in claims]
        articles = sorted({nc.claim.article for nc in all_claims})
        rows.append(MatrixRow(
            origin=origin, articles=articles,
            part_of=sorted(browser.entities.ancestors(origin) & present),
            cells=cells,
            tally=_tally(cells.values(), sum(cell.contradictions for cell in cells.values()))))
    rows.sort(key=lambda r: (-r.tally.claims, r.origin.casefold()))
    columns = []
    for number, prop in enumerate(props, 1):
        pc = comparisons[prop.id]
        column_cells = [row.cells[prop.id] for row in rows if prop.id in row.cells]
        columns.append(MatrixColumn(
            key=f"P{number}", proposition=prop, tally=_tally(column_cells, pc.count(CONTRADICTION)),
            origins=len(independent_origins((nc.comparable.origin for nc in pc.claims), browser.entities))))
    all_cells = [cell for row in rows for cell in row.cells.values()]
    total_contradictions = sum(column.tally.contradictions for column in columns)
    return Matrix(topic_obj, columns, rows, _tally(all_cells, total_contradictions),
                  len(independent_origins(present, browser.entities)))


def _tally(cells: Iterable[MatrixCell], contradictions: int) -> Tally:
    cells = list(cells)
    return Tally(
        supports=sum(c.supports for c in cells),
        refutes=sum(c.refutes for c in cells),
        values=sum(c.values for c in cells),
        contradictions=contradictions,
        claims=sum(len(c.claims) for c in cells),
    )
