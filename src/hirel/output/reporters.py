"""The reporters, by name: how `hirel check` prints problems (`checkreport`), and how every
command's view is written in each of its formats (`View`). Every reporter writes only to the
stream it is given."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from importlib import import_module
from typing import TYPE_CHECKING, Generic, Never, TypeVar

# `hirel check`'s reporters, kept apart (they import little)
from .checkreport import REPORTERS as REPORTERS  # noqa: PLC0414
from .checkreport import report_github as report_github  # noqa: PLC0414
from .checkreport import report_json as report_json  # noqa: PLC0414
from .checkreport import report_jsonl as report_jsonl  # noqa: PLC0414
from .checkreport import report_text as report_text  # noqa: PLC0414

if TYPE_CHECKING:
    from ..authoring.unknown import EntityUse, UnknownName
    from ..views import TopicStats
    from .authoring import Added, QuoteFound, Started, Suggested
    from .browsing import Target
    from .browsing.claims import Claims
    from .browsing.compare import Compared
    from .browsing.matrix import Grid
    from .browsing.show import Show
    from .browsing.sources import Sources
    from .browsing.timeline import Timeline
    from .browsing.topics import Propositions
    from .reference import RuleListing, ValueReading


# --------------------------------------------------------------------------- every command's views

T_contra = TypeVar("T_contra", contravariant=True)


@dataclass(frozen=True)
class View(Generic[T_contra]):
    """What a command shows, and how: its name, the module under `hirel.output` that writes it
    (imported only when the view is written: those modules import Rich, which `hirel check` and
    the fast path never pay for), and its formats. The reporter for format F is the function
    ``{name}_{F}`` of that module, called with what the command computed (``T_contra``: the
    type each reporter declares) and a `Target`."""

    name: str
    module: str
    formats: tuple[str, ...]

    def reporter(self, fmt: str) -> Callable[[T_contra, Target], None]:
        """The reporter for ``fmt`` (any case); an unknown format raises ValueError naming it."""
        chosen = fmt.lower()
        if chosen not in self.formats:
            raise ValueError(f"unknown format '{fmt}' for {self.name}; choose one of: {', '.join(self.formats)}")
        module = import_module(f"{__package__}.{self.module}")
        found: Callable[[T_contra, Target], None] = getattr(module, f"{self.name.replace('-', '_')}_{chosen}")
        return found


VIEW_FORMATS = ("table", "json", "csv", "markdown")  # the browsing views'

COMPARE: View[Compared] = View("compare", "browsing.compare", VIEW_FORMATS)
TOPICS: View[Sequence[TopicStats]] = View("topics", "browsing.topics", VIEW_FORMATS)
PROPOSITIONS: View[Propositions] = View("propositions", "browsing.topics", VIEW_FORMATS)
CLAIMS: View[Claims] = View("claims", "browsing.claims", VIEW_FORMATS)
SHOW: View[Show] = View("show", "browsing.show", VIEW_FORMATS)
SOURCES: View[Sources] = View("sources", "browsing.sources", VIEW_FORMATS)
TIMELINE: View[Timeline] = View("timeline", "browsing.timeline", VIEW_FORMATS)
MATRIX: View[Grid] = View("matrix", "browsing.matrix", VIEW_FORMATS)
ENTITIES: View[Sequence[EntityUse]] = View("entities", "browsing.entities", VIEW_FORMATS)
# The authoring commands (output/authoring.py) and the references (output/reference.py).
UNKNOWN_ENTITIES: View[Sequence[UnknownName]] = View("unknown-entities", "authoring", ("yaml",))
SUGGEST: View[Suggested] = View("suggest", "authoring", ("yaml", "table", "json"))
QUOTE: View[QuoteFound] = View("quote", "authoring", ("text",))
INIT: View[Started] = View("init", "authoring", ("text",))
ADD: View[Added] = View("add", "authoring", ("text",))
RULE: View[RuleListing] = View("rule", "reference", ("table", "json", "markdown"))
SCHEMA: View[Sequence[str]] = View("schema", "reference", ("json", "markdown"))
VALUE: View[ValueReading] = View("value", "reference", ("table", "json"))

# Every view by name. A View is contravariant in what it writes, so each is a View[Never]: a
# reporter found by name (rather than through the typed constants above) takes nothing mypy
# could check, and the commands use the constants.
VIEWS: dict[str, View[Never]] = {view.name: view for view in (
    COMPARE, TOPICS, PROPOSITIONS, CLAIMS, SHOW, SOURCES, TIMELINE, MATRIX, ENTITIES,
    UNKNOWN_ENTITIES, SUGGEST, QUOTE, INIT, ADD, RULE, SCHEMA, VALUE)}


def view_reporter(view: str, fmt: str) -> Callable[[Never, Target], None]:
    """The reporter writing the view named ``view`` as ``fmt``. An unknown view or format
    raises ValueError naming it."""
    found = VIEWS.get(view)
    if found is None:
        raise ValueError(f"unknown view '{view}'; choose one of: {', '.join(VIEWS)}")
    return found.reporter(fmt)
