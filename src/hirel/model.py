"""The typed, frozen model every other module shares.

Nothing here reads files or prints: the loader builds these objects, the checks and the
comparison engine read them.
"""

from __future__ import annotations

from collections.abc import Mapping
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Any

# What a check reports lives in a module of its own (a warm `hirel check` imports only that).
from .problems import ERROR as ERROR  # noqa: PLC0414 (what a check reports is part of the model)
from .problems import WARNING as WARNING  # noqa: PLC0414
from .problems import Loc as Loc  # noqa: PLC0414
from .problems import Problem as Problem  # noqa: PLC0414
from .problems import Severity as Severity  # noqa: PLC0414

if TYPE_CHECKING:
    from .comparing.entities import EntityIndex
    from .comparing.verdicts import Verdict


class Kind(StrEnum):
    """What a proposition is about: a figure, a yes/no stance, or a date."""

    QUANTITY = "quantity"
    STANCE = "stance"
    DATE = "date"


class Certainty(StrEnum):
    """How sure a claim says it is."""

    CERTAIN = "certain"
    LIKELY = "likely"
    POSSIBLE = "possible"


@dataclass(frozen=True)
class Interval:
    """A normalized value: ``[low, high]`` in ``unit``.

    ``None`` for a bound means unbounded on that side. For the ``date`` unit the bounds are
    proleptic Gregorian ordinals (``date.toordinal()``) of the first and last day.
    ``steps`` records, in words, how the phrase was read (shown by ``hirel value``).

    ``low``/``high`` are the interval used to compare: an exact figure widened by the
    precision of its written digits (docs/values.md). ``written`` keeps the figure as written
    (hedges applied, before that widening) in the same unit, for display; None when the two
    are the same.
    """

    low: float | None
    high: float | None
    unit: str
    text: str = ""
    steps: tuple[str, ...] = ()
    written: tuple[float | None, float | None] | None = None

    @property
    def as_written(self) -> tuple[float | None, float | None]:
        """The figure as written: ``written`` when set, else ``(low, high)``."""
        return self.written if self.written is not None else (self.low, self.high)

    def overlaps(self, other: Interval) -> bool:
        """True when the two intervals share at least one point (units must already agree)."""
        below = self.high is not None and other.low is not None and self.high < other.low
        above = other.high is not None and self.low is not None and other.high < self.low
        return not (below or above)


@dataclass(frozen=True)
class Period:
    """The period a claim is about: first and last day, inclusive. ``None`` = open/unknown."""

    start: date | None = None
    end: date | None = None
    text: str = ""

    @property
    def known(self) -> bool:
        return self.start is not None or self.end is not None

    def overlaps(self, other: Period) -> bool:
        """Unknown or open ends overlap everything on their side."""
        before = self.end is not None and other.start is not None and self.end < other.start
        after = other.end is not None and self.start is not None and other.end < self.start
        return not (before or after)


@dataclass(frozen=True)
class Topic:
    id: str
    text: str
    loc: Loc


@dataclass(frozen=True)
class Proposition:
    id: str
    topic: str
    text: str
    kind: Kind
    unit: str | None
    object: str | None
    changes_over_time: bool
    loc: Loc
    locs: Mapping[str, Loc] = field(default_factory=dict, compare=False, repr=False)
    cumulative: bool = False  # a running total: `when` is the date it is as of; it can only grow
    since: str | None = None  # cumulative only: where the count starts, as written
    measures: str = "level"  # level | change: whether values state a level or a change (up 21%)


@dataclass(frozen=True)
class Entity:
    name: str
    aliases: tuple[str, ...]
    part_of: tuple[str, ...]
    loc: Loc
    description: str | None = None
    locs: Mapping[str, Loc] = field(default_factory=dict, compare=False, repr=False)


@dataclass(frozen=True)
class Article:
    id: str
    path: str
    title: str
    outlet: str
    body: str
    body_line: int  # 1-based line of the file on which the body starts
    loc: Loc
    author: str | None = None
    published: str | None = None
    url: str | None = None
    kind: str | None = None
    reliability: str = "F"
    notes: str | None = None
    locs: Mapping[str, Loc] = field(default_factory=dict, compare=False, repr=False)


@dataclass(frozen=True)
class Claim:
    """One annotated claim, as written (names unresolved, value unparsed)."""

    id: str
    article: str
    proposition: str
    quote: str
    loc: Loc
    claimant: str | None = None  # None: the article's outlet
    via: tuple[str, ...] = ()
    value: Any = None  # a phrase (str), a number, or a mapping {low, high, unit}
    scope: str | None = None  # None: the proposition's object
    when: str | None = None
    certainty: Certainty = Certainty.CERTAIN
    stance: str | None = None
    note: str | None = None
    locs: Mapping[str, Loc] = field(default_factory=dict, compare=False, repr=False)

    def loc_of(self, name: str) -> Loc:
        """Where field ``name`` is written, else where the claim starts."""
        return self.locs.get(name, self.loc)


@dataclass(frozen=True)
class Finding:
    """One pairwise verdict on two claims of a proposition."""

    proposition: str
    verdict: Verdict
    claims: tuple[str, str]
    explanation: str


@dataclass(frozen=True)
class Corpus:
    """Everything a data directory holds, as model objects (the loader builds it, see
    `loading.loader.CorpusBuilder`; once built it is not changed)."""

    root: Path
    articles: Mapping[str, Article]
    claims: Mapping[str, Claim]  # by id; the first of duplicates
    propositions: Mapping[str, Proposition]
    topics: Mapping[str, Topic]
    entities: EntityIndex
    claim_files: Mapping[str, str]  # article id -> display path
    # What the registries declare, even entries too broken to load, and which registries could
    # be read at all: a name is only "unknown" when the registry that would define it was read.
    declared_propositions: AbstractSet[str]
    registries_read: AbstractSet[str]

    def claims_of(self, proposition_id: str) -> list[Claim]:
        return [claim for claim in self.claims.values() if claim.proposition == proposition_id]
