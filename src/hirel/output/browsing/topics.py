"""`hirel topics` and `hirel propositions`: counts of claims, origins and contradictions."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..render import CellValue, name_column, new_table, print_hanging, write_csv, write_json, write_markdown_table
from ..terminal import safe_line
from . import Target
from .cards import contradictions_cell, kind, plural, right

if TYPE_CHECKING:
    from ...model import Topic
    from ...views import PropositionStats, TopicStats

__all__ = [
    "Propositions",
    "propositions_csv",
    "propositions_json",
    "propositions_markdown",
    "propositions_table",
    "topics_csv",
    "topics_json",
    "topics_markdown",
    "topics_table",
]


# --------------------------------------------------------------------------- topics

# Below this width, the table's long headers wrap onto two lines.
NARROW = 120

_TOPICS_HEADER = ["topic", "propositions", "claims", "articles", "origins", "contradictions", "text"]


def _topic_rows(rows: Sequence[TopicStats]) -> list[list[CellValue]]:
    return [[r.topic.id, r.propositions, r.stats.claims, r.stats.articles, r.stats.origins,
             r.stats.contradictions, r.topic.text] for r in rows]


def topics_json(rows: Sequence[TopicStats], target: Target) -> None:
    from ..serialize import topics_document

    write_json(topics_document(rows), target.stream)


def topics_csv(rows: Sequence[TopicStats], target: Target) -> None:
    write_csv(_TOPICS_HEADER, _topic_rows(rows), target.stream)


def topics_markdown(rows: Sequence[TopicStats], target: Target) -> None:
    write_markdown_table(_TOPICS_HEADER, _topic_rows(rows), target.stream)


def topics_table(rows: Sequence[TopicStats], target: Target) -> None:
    from rich.text import Text

    console = target.console()
    if not rows:
        console.print(Text("No topics: propositions.yaml defines none."))
        return
    # On a narrow terminal the long headers wrap (as `propositions` always wraps its last), so
    # that the counts leave the descriptions a readable width (32 columns at 80, not 22; 48 at 100).
    narrow = console.width < NARROW
    table = new_table("topic", "propo-\nsitions" if narrow else "propositions", "claims", "articles", "origins",
                      "contra-\ndictions" if narrow else "contradictions", collapse_padding=True)
    name_column(table, [r.topic.id for r in rows], console)
    right(table, 1, 2, 3, 4, 5)
    for r in rows:
        name = Text(safe_line(r.topic.id), style="bold")
        name.append("\n" + safe_line(r.topic.text), style="dim")
        table.add_row(name, str(r.propositions), str(r.stats.claims), str(r.stats.articles),
                      str(r.stats.origins), contradictions_cell(r.stats.contradictions))
    console.print(table)
    print_hanging(console, Text(f"{plural(len(rows), 'topic')}, "
                                f"{plural(sum(r.propositions for r in rows), 'proposition')}, "
                                f"{plural(sum(r.stats.claims for r in rows), 'claim')}. "
                                "hirel propositions --topic TOPIC lists a topic's propositions.", style="dim"), 0, 2)


# --------------------------------------------------------------------------- propositions


@dataclass(frozen=True)
class Propositions:
    """The propositions listed (of ``topic``, or all), and the corpus's topics for their titles."""

    topic: str | None
    rows: Sequence[PropositionStats]
    topics: Mapping[str, Topic]


_PROPOSITIONS_HEADER = ["proposition", "topic", "kind", "unit", "claims", "articles", "origins", "contradictions",
                        "text"]


def _proposition_rows(listing: Propositions) -> list[list[CellValue]]:
    return [[r.proposition.id, r.proposition.topic, r.proposition.kind, r.proposition.unit, r.stats.claims,
             r.stats.articles, r.stats.origins, r.stats.contradictions, r.proposition.text] for r in listing.rows]


def propositions_json(listing: Propositions, target: Target) -> None:
    from ..serialize import propositions_document

    write_json(propositions_document(listing.topic, listing.rows), target.stream)


def propositions_csv(listing: Propositions, target: Target) -> None:
    write_csv(_PROPOSITIONS_HEADER, _proposition_rows(listing), target.stream)


def propositions_markdown(listing: Propositions, target: Target) -> None:
    write_markdown_table(_PROPOSITIONS_HEADER, _proposition_rows(listing), target.stream)


def propositions_table(listing: Propositions, target: Target) -> None:
    from rich.text import Text

    console = target.console()
    rows, topic = listing.rows, listing.topic
    if not rows:
        console.print(Text(f"No propositions in topic '{safe_line(topic)}'." if topic else "No propositions."))
        return
    groups: dict[str, list[PropositionStats]] = {}
    for r in rows:
        groups.setdefault(r.proposition.topic, []).append(r)
    for index, (topic_id, members) in enumerate(groups.items()):
        topic_obj = listing.topics.get(topic_id)
        title = Text(safe_line(topic_id), style="bold underline")
        if topic_obj is not None:
            title.append("  " + safe_line(topic_obj.text))
        if index:
            console.print()
        print_hanging(console, title, 0, len(topic_id) + 2)
        table = new_table("proposition", "claims", "articles", "origins", "contra-\ndictions",
                          collapse_padding=True)
        name_column(table, [r.proposition.id for r in rows], console)
        right(table, 1, 2, 3, 4)
        for r in members:
            name = Text(safe_line(r.proposition.id), style="bold")
            name.append(f"  ({kind(r.proposition)})", style="magenta")
            name.append("\n" + safe_line(r.proposition.text), style="dim")
            table.add_row(name, str(r.stats.claims), str(r.stats.articles), str(r.stats.origins),
                          contradictions_cell(r.stats.contradictions))
        console.print(table)
