"""The structure of each data file as a whole: which records a document holds, and which of their
fields are usable.

A document is what `loading` parsed (a `YamlMap` with positions); each record's fields are
checked by `structure.read_fields`. What is usable is handed back with its positions, and the
loader builds model objects from it alone: the builders in `loading` check nothing. Problems are
added to the list given, in the order they are found in the file.
"""

import re
from collections.abc import Iterator
from typing import Any, NamedTuple

from ..comparing.entities import name_key, suggest
from ..loading import fields as F
from ..loading.yamlfile import REJECTED, YamlMap, YamlSeq
from ..model import Loc, Problem
from .files import FrontMatter
from .references import unknown_topic_problems
from .structure import (
    BadId,
    DuplicateId,
    EmptyValue,
    MissingField,
    UnknownField,
    WrongType,
    check_published,
    check_url,
    expect_mapping,
    read_fields,
    slugify,
    type_name,
)

_ID_RE = re.compile(F.ID_PATTERN)
_CLAIM_NEEDS = frozenset({"id", "proposition", "quote"})  # without these, a claim is not kept


class Fields(NamedTuple):
    """One record's usable fields: its mapping, the values that passed, where every known field
    is written (refused ones included, so that later checks do not call them missing)."""

    record: YamlMap
    values: dict[str, Any]
    locs: dict[str, Loc]


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


# --- claims files -----------------------------------------------------------------------------


def claim_records(data: Any, shown: str, problems: list[Problem]) -> Iterator[Fields]:
    """The usable claims of a claims file, in order (duplicates included): what the file says,
    not how it fits the rest of the corpus. Each claim's mapping is let go from the document as
    it is handed out (a claims file may be large)."""
    if isinstance(data, YamlSeq):
        problems.append(WrongType.problem(
            data.loc, "the claims file must be a mapping with a 'claims:' list, not a bare list",
            "put 'claims:' on the first line and indent the list under it"))
        return
    mapping, wrong = expect_mapping(data, Loc(shown), "the claims file")
    if mapping is None:
        problems += wrong
        return
    for key in mapping:
        if key != "claims":
            close = suggest(key, ["claims"])
            problems.append(UnknownField.problem(
                mapping.key_loc(key), f"unknown top-level key '{key}' in the claims file",
                "did you mean 'claims'?" if close else "a claims file has one key: claims"))
    if "claims" not in mapping:
        problems.append(MissingField.problem(mapping.loc, "the claims file has no 'claims:' list"))
        return
    items = mapping["claims"]
    if items is None or items is REJECTED:
        return
    if not isinstance(items, YamlSeq):
        problems.append(WrongType.problem(
            mapping.value_loc("claims"), f"'claims' must be a list of claims, not {type_name(items)}",
            "start each claim with '- id: …'"))
        return
    for index, item in enumerate(items):
        items[index] = None
        if not isinstance(item, YamlMap):
            problems.append(WrongType.problem(items.item_loc(index),
                                              f"claim {index + 1} must be a mapping, not {type_name(item)}"))
            continue
        claim_id = item.get("id")
        what = f"claim '{claim_id}'" if isinstance(claim_id, str) and claim_id else f"claim {index + 1}"
        values, locs, found = read_fields(item, F.CLAIM_FIELDS, what)
        problems += found
        if values.keys() >= _CLAIM_NEEDS:
            yield Fields(item, values, locs)


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


# --- articles ---------------------------------------------------------------------------------


def article_fields(data: Any, read_problems: bool, shown: str, body: str,
                   body_line: int, problems: list[Problem]) -> tuple[dict[str, Any], dict[str, Loc]]:
    """An article's usable front matter fields and where each is written. ``data``: its front
    matter as parsed (None when empty or unreadable: ``read_problems`` says which)."""
    values: dict[str, Any] = {}
    locs: dict[str, Loc] = {}
    if data is None and not read_problems:
        problems.append(FrontMatter.problem(Loc(shown, 1, 1), "the front matter is empty",
                                            "add at least title: and outlet:"))
    elif data is not None:
        mapping, wrong = expect_mapping(data, Loc(shown, 2, 1), "the front matter")
        problems += wrong
        if mapping is not None:
            values, locs, found = read_fields(mapping, F.ARTICLE_FIELDS, "the article")
            problems += found
            problems += check_published(values, locs)
            problems += check_url(values, locs)
    if not body.strip():
        problems.append(EmptyValue.problem(Loc(shown, body_line - 1, 1), "the article has no text after the front matter"))
    return values, locs
