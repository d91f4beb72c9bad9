"""The registries as documents (`entities.yaml`, `propositions.yaml`): which of their records are
usable, as `documents` does for claims files and articles. A module of its own: a warm `hirel
check` that rebuilds the registries from its cache never needs it (nor its record types).
"""

from typing import Any, NamedTuple

from ..comparing.entities import name_key
from ..loading import fields as F
from ..loading.yamlfile import YamlMap, YamlSeq
from ..model import Loc, Problem
from .documents import _ID_RE, Fields
from .references import unknown_topic_problems
from .structure import (
    BadId,
    DuplicateId,
    MissingField,
    UnknownField,
    WrongType,
    expect_mapping,
    read_fields,
    slugify,
    type_name,
)


class EntityFields(NamedTuple):
    name: str
    loc: Loc
    fields: Fields
    aliases: tuple[str, ...]  # the aliases kept: not already naming another entity


class TopicFields(NamedTuple):
    id: str
    text: str
    loc: Loc


class PropositionFields(NamedTuple):
    id: str
    loc: Loc
    fields: Fields


class Propositions(NamedTuple):
    topics: list[TopicFields]
    declared: list[str]  # every proposition id written, usable or not
    propositions: list[PropositionFields]


# --- entities.yaml ----------------------------------------------------------------------------


def entity_records(data: Any, shown: str, problems: list[Problem]) -> list[EntityFields] | None:
    """The usable entities of entities.yaml; None when the file is not a mapping at all."""
    mapping, wrong = expect_mapping(data, Loc(shown), "entities.yaml")
    if mapping is None:
        problems += wrong
        return None
    records: list[EntityFields] = []
    owner: dict[str, tuple[str, Loc]] = {}  # each name and alias, folded: the entity it names
    for name, body in mapping.items():
        key_loc = mapping.key_loc(name)
        if body is None:
            body = YamlMap.empty_at(key_loc)
        elif not isinstance(body, YamlMap):
            problems.append(WrongType.problem(
                mapping.value_loc(name), f"entity '{name}' must be a mapping (or {{}}), not {type_name(body)}",
                f"write '{name}: {{}}' or give aliases/part_of"))
            continue
        values, locs, found = read_fields(body, F.ENTITY_FIELDS, f"entity '{name}'")
        problems += found
        alias_items = body.get("aliases")
        kept: list[str] = []
        for index, written in enumerate((name, *values.get("aliases", ()))):
            loc = key_loc if index == 0 else (
                alias_items.item_loc(index - 1) if isinstance(alias_items, YamlSeq) else key_loc)
            key = name_key(written)
            if key in owner and owner[key][0] != name:
                first_name, first_loc = owner[key]
                problems.append(DuplicateId.problem(
                    loc, f"'{written}' already names the entity '{first_name}' (line {first_loc.line})",
                    "an alias must belong to one entity only"))
                continue
            owner.setdefault(key, (name, loc))
            if index:
                kept.append(written)
        records.append(EntityFields(name, key_loc, Fields(body, values, locs), tuple(kept)))
    return records


# --- propositions.yaml ------------------------------------------------------------------------


def proposition_records(data: Any, shown: str, problems: list[Problem]) -> Propositions | None:
    """The usable topics and propositions of propositions.yaml; None when the file is not a
    mapping at all."""
    mapping, wrong = expect_mapping(data, Loc(shown), "propositions.yaml")
    if mapping is None:
        problems += wrong
        return None
    for key in mapping:
        if key not in ("topics", "propositions"):
            problems.append(UnknownField.problem(
                mapping.key_loc(key), f"unknown section '{key}' in propositions.yaml",
                "propositions.yaml has two sections: topics and propositions"))
    for section in ("topics", "propositions"):
        if section not in mapping:
            problems.append(MissingField.problem(mapping.loc, f"propositions.yaml has no '{section}:' section"))
    given, wrong = expect_mapping(mapping.get("topics", YamlMap()), mapping.value_loc("topics"), "'topics'")
    problems += wrong
    topics_map = given if given is not None else YamlMap()
    topics: dict[str, TopicFields] = {}
    for topic_id, text in topics_map.items():
        loc = topics_map.key_loc(topic_id)
        if not _ID_RE.fullmatch(topic_id):
            problems.append(BadId.problem(loc, f"topic '{topic_id}' is not a valid id (lowercase letters, digits and '-')"))
            continue
        if not isinstance(text, str) or not text.strip():
            problems.append(WrongType.problem(
                topics_map.value_loc(topic_id), f"topic '{topic_id}' must have a description string, not {type_name(text)}"))
            text = topic_id if not isinstance(text, str) else text
        topics[topic_id] = TopicFields(topic_id, text.strip() or topic_id, loc)
    given, wrong = expect_mapping(mapping.get("propositions", YamlMap()), mapping.value_loc("propositions"),
                                  "'propositions'")
    problems += wrong
    props = given if given is not None else YamlMap()
    records: list[PropositionFields] = []
    for prop_id, body in props.items():
        loc = props.key_loc(prop_id)
        if not _ID_RE.fullmatch(prop_id):
            problems.append(BadId.problem(loc, f"proposition '{prop_id}' is not a valid id "
                                               "(lowercase letters, digits and '-')", f"try '{slugify(prop_id)}'"))
            continue
        body_map, wrong = expect_mapping(body, props.value_loc(prop_id), f"proposition '{prop_id}'")
        if body_map is None:
            problems += wrong
            continue
        values, locs, found = read_fields(body_map, F.PROPOSITION_FIELDS, f"proposition '{prop_id}'")
        problems += found
        if "topics" in mapping:  # else reported as a missing section
            problems += unknown_topic_problems(prop_id, values, locs, topics)
        if "kind" in values and "text" in values:
            records.append(PropositionFields(prop_id, loc, Fields(body_map, values, locs)))
    return Propositions(list(topics.values()), list(props), records)
