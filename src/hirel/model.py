"""The typed, frozen model every other module shares.

Nothing here reads files or prints: the loader builds these objects, the checks and the
comparison engine read them.
"""

from __future__ import annotations

from collections.abc import Mapping
from collections.abc import Set as AbstractSet
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
from .records import DICT, REQUIRED, Record, set_field

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


class Interval(Record):
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
    text: str
    steps: tuple[str, ...]
    written: tuple[float | None, float | None] | None

    __slots__ = ("high", "low", "steps", "text", "unit", "written")
    _FIELDS = (("low", REQUIRED), ("high", REQUIRED), ("unit", REQUIRED), ("text", ""), ("steps", ()),
               ("written", None))

    def __init__(self, low: float | None, high: float | None, unit: str, text: str = "",
                 steps: tuple[str, ...] = (), written: tuple[float | None, float | None] | None = None) -> None:
        set_field(self, "low", low)
        set_field(self, "high", high)
        set_field(self, "unit", unit)
        set_field(self, "text", text)
        set_field(self, "steps", steps)
        set_field(self, "written", written)

    @property
    def as_written(self) -> tuple[float | None, float | None]:
        """The figure as written: ``written`` when set, else ``(low, high)``."""
        return self.written if self.written is not None else (self.low, self.high)

    def overlaps(self, other: Interval) -> bool:
        """True when the two intervals share at least one point (units must already agree)."""
        below = self.high is not None and other.low is not None and self.high < other.low
        above = other.high is not None and self.low is not None and other.high < self.low
        return not (below or above)


class Period(Record):
    """The period a claim is about: first and last day, inclusive. ``None`` = open/unknown."""

    start: date | None
    end: date | None
    text: str

    __slots__ = ("end", "start", "text")
    _FIELDS = (("start", None), ("end", None), ("text", ""))

    def __init__(self, start: date | None = None, end: date | None = None, text: str = "") -> None:
        set_field(self, "start", start)
        set_field(self, "end", end)
        set_field(self, "text", text)

    @property
    def known(self) -> bool:
        return self.start is not None or self.end is not None

    def overlaps(self, other: Period) -> bool:
        """Unknown or open ends overlap everything on their side."""
        before = self.end is not None and other.start is not None and self.end < other.start
        after = other.end is not None and self.start is not None and other.end < self.start
        return not (before or after)


class Topic(Record):
    id: str
    text: str
    loc: Loc

    __slots__ = ("id", "loc", "text")
    _FIELDS = (("id", REQUIRED), ("text", REQUIRED), ("loc", REQUIRED))

    def __init__(self, id: str, text: str, loc: Loc) -> None:
        set_field(self, "id", id)
        set_field(self, "text", text)
        set_field(self, "loc", loc)


class Proposition(Record):
    id: str
    topic: str
    text: str
    kind: Kind
    unit: str | None
    object: str | None
    changes_over_time: bool
    loc: Loc
    locs: Mapping[str, Loc]  # not compared nor shown
    cumulative: bool  # a running total: `when` is the date it is as of; it can only grow
    since: str | None  # cumulative only: where the count starts, as written
    measures: str  # level | change: whether values state a level or a change (up 21%)

    __slots__ = (
        "changes_over_time",
        "cumulative",
        "id",
        "kind",
        "loc",
        "locs",
        "measures",
        "object",
        "since",
        "text",
        "topic",
        "unit",
    )
    _FIELDS = (("id", REQUIRED), ("topic", REQUIRED), ("text", REQUIRED), ("kind", REQUIRED), ("unit", REQUIRED),
               ("object", REQUIRED), ("changes_over_time", REQUIRED), ("loc", REQUIRED), ("locs", DICT),
               ("cumulative", False), ("since", None), ("measures", "level"))
    _HIDDEN = frozenset({"locs"})

    def __init__(self, id: str, topic: str, text: str, kind: Kind, unit: str | None,
                 object: str | None, changes_over_time: bool, loc: Loc,
                 locs: Mapping[str, Loc] = DICT, cumulative: bool = False, since: str | None = None,
                 measures: str = "level") -> None:
        set_field(self, "id", id)
        set_field(self, "topic", topic)
        set_field(self, "text", text)
        set_field(self, "kind", kind)
        set_field(self, "unit", unit)
        set_field(self, "object", object)
        set_field(self, "changes_over_time", changes_over_time)
        set_field(self, "loc", loc)
        set_field(self, "locs", {} if locs is DICT else locs)
        set_field(self, "cumulative", cumulative)
        set_field(self, "since", since)
        set_field(self, "measures", measures)


class Entity(Record):
    name: str
    aliases: tuple[str, ...]
    part_of: tuple[str, ...]
    loc: Loc
    description: str | None
    locs: Mapping[str, Loc]  # not compared nor shown

    __slots__ = ("aliases", "description", "loc", "locs", "name", "part_of")
    _FIELDS = (("name", REQUIRED), ("aliases", REQUIRED), ("part_of", REQUIRED), ("loc", REQUIRED),
               ("description", None), ("locs", DICT))
    _HIDDEN = frozenset({"locs"})

    def __init__(self, name: str, aliases: tuple[str, ...], part_of: tuple[str, ...], loc: Loc,
                 description: str | None = None, locs: Mapping[str, Loc] = DICT) -> None:
        set_field(self, "name", name)
        set_field(self, "aliases", aliases)
        set_field(self, "part_of", part_of)
        set_field(self, "loc", loc)
        set_field(self, "description", description)
        set_field(self, "locs", {} if locs is DICT else locs)


class Article(Record):
    id: str
    path: str
    title: str
    outlet: str
    body: str
    body_line: int  # 1-based line of the file on which the body starts
    loc: Loc
    author: str | None
    published: str | None
    url: str | None
    kind: str | None
    reliability: str
    notes: str | None
    locs: Mapping[str, Loc]  # not compared nor shown

    __slots__ = (
        "author",
        "body",
        "body_line",
        "id",
        "kind",
        "loc",
        "locs",
        "notes",
        "outlet",
        "path",
        "published",
        "reliability",
        "title",
        "url",
    )
    _FIELDS = (("id", REQUIRED), ("path", REQUIRED), ("title", REQUIRED), ("outlet", REQUIRED), ("body", REQUIRED),
               ("body_line", REQUIRED), ("loc", REQUIRED), ("author", None), ("published", None), ("url", None),
               ("kind", None), ("reliability", "F"), ("notes", None), ("locs", DICT))
    _HIDDEN = frozenset({"locs"})

    def __init__(self, id: str, path: str, title: str, outlet: str, body: str, body_line: int,
                 loc: Loc, author: str | None = None, published: str | None = None, url: str | None = None,
                 kind: str | None = None, reliability: str = "F", notes: str | None = None,
                 locs: Mapping[str, Loc] = DICT) -> None:
        set_field(self, "id", id)
        set_field(self, "path", path)
        set_field(self, "title", title)
        set_field(self, "outlet", outlet)
        set_field(self, "body", body)
        set_field(self, "body_line", body_line)
        set_field(self, "loc", loc)
        set_field(self, "author", author)
        set_field(self, "published", published)
        set_field(self, "url", url)
        set_field(self, "kind", kind)
        set_field(self, "reliability", reliability)
        set_field(self, "notes", notes)
        set_field(self, "locs", {} if locs is DICT else locs)


class Claim(Record):
    """One annotated claim, as written (names unresolved, value unparsed)."""

    id: str
    article: str
    proposition: str
    quote: str
    loc: Loc
    claimant: str | None  # None: the article's outlet
    via: tuple[str, ...]
    value: Any  # a phrase (str), a number, or a mapping {low, high, unit}
    scope: str | None  # None: the proposition's object
    when: str | None
    certainty: Certainty
    stance: str | None
    note: str | None
    locs: Mapping[str, Loc]  # not compared nor shown

    __slots__ = (
        "article",
        "certainty",
        "claimant",
        "id",
        "loc",
        "locs",
        "note",
        "proposition",
        "quote",
        "scope",
        "stance",
        "value",
        "via",
        "when",
    )
    _FIELDS = (("id", REQUIRED), ("article", REQUIRED), ("proposition", REQUIRED), ("quote", REQUIRED),
               ("loc", REQUIRED), ("claimant", None), ("via", ()), ("value", None), ("scope", None), ("when", None),
               ("certainty", Certainty.CERTAIN), ("stance", None), ("note", None), ("locs", DICT))
    _HIDDEN = frozenset({"locs"})

    def __init__(self, id: str, article: str, proposition: str, quote: str, loc: Loc,
                 claimant: str | None = None, via: tuple[str, ...] = (), value: Any = None,
                 scope: str | None = None, when: str | None = None, certainty: Certainty = Certainty.CERTAIN,
                 stance: str | None = None, note: str | None = None, locs: Mapping[str, Loc] = DICT) -> None:
        set_field(self, "id", id)
        set_field(self, "article", article)
        set_field(self, "proposition", proposition)
        set_field(self, "quote", quote)
        set_field(self, "loc", loc)
        set_field(self, "claimant", claimant)
        set_field(self, "via", via)
        set_field(self, "value", value)
        set_field(self, "scope", scope)
        set_field(self, "when", when)
        set_field(self, "certainty", certainty)
        set_field(self, "stance", stance)
        set_field(self, "note", note)
        set_field(self, "locs", {} if locs is DICT else locs)

    def loc_of(self, name: str) -> Loc:
        """Where field ``name`` is written, else where the claim starts."""
        return self.locs.get(name, self.loc)


class Finding(Record):
    """One pairwise verdict on two claims of a proposition."""

    proposition: str
    verdict: Verdict
    claims: tuple[str, str]
    explanation: str

    __slots__ = ("claims", "explanation", "proposition", "verdict")
    _FIELDS = (("proposition", REQUIRED), ("verdict", REQUIRED), ("claims", REQUIRED), ("explanation", REQUIRED))

    def __init__(self, proposition: str, verdict: Verdict, claims: tuple[str, str], explanation: str) -> None:
        set_field(self, "proposition", proposition)
        set_field(self, "verdict", verdict)
        set_field(self, "claims", claims)
        set_field(self, "explanation", explanation)


class Corpus(Record):
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

    __slots__ = (
        "articles",
        "claim_files",
        "claims",
        "declared_propositions",
        "entities",
        "propositions",
        "registries_read",
        "root",
        "topics",
    )
    _FIELDS = (("root", REQUIRED), ("articles", REQUIRED), ("claims", REQUIRED), ("propositions", REQUIRED),
               ("topics", REQUIRED), ("entities", REQUIRED), ("claim_files", REQUIRED),
               ("declared_propositions", REQUIRED), ("registries_read", REQUIRED))

    def __init__(self, root: Path, articles: Mapping[str, Article], claims: Mapping[str, Claim],
                 propositions: Mapping[str, Proposition], topics: Mapping[str, Topic], entities: EntityIndex,
                 claim_files: Mapping[str, str], declared_propositions: AbstractSet[str],
                 registries_read: AbstractSet[str]) -> None:
        set_field(self, "root", root)
        set_field(self, "articles", articles)
        set_field(self, "claims", claims)
        set_field(self, "propositions", propositions)
        set_field(self, "topics", topics)
        set_field(self, "entities", entities)
        set_field(self, "claim_files", claim_files)
        set_field(self, "declared_propositions", declared_propositions)
        set_field(self, "registries_read", registries_read)

    def claims_of(self, proposition_id: str) -> list[Claim]:
        return [claim for claim in self.claims.values() if claim.proposition == proposition_id]
