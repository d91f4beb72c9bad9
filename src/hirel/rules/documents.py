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

from ..comparing.entities import suggest
from ..loading import fields as F
from ..loading.yamlfile import REJECTED, YamlMap, YamlSeq
from ..model import Loc, Problem
from .files import FrontMatter
from .structure import (
    EmptyValue,
    MissingField,
    UnknownField,
    WrongType,
    check_published,
    check_url,
    expect_mapping,
    read_fields,
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
