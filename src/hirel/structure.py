"""Check a YAML mapping against its field declarations and keep what is usable.

Every problem is reported at the key or value it concerns; a field with a wrong type is
dropped (and reported) so the rest of the record can still be checked.
"""

from __future__ import annotations

import re
from functools import lru_cache
from datetime import date, datetime
from typing import Any, Iterable

from .entities import suggest
from .fields import FieldSpec
from .model import Loc, Problem
from .rules import BadChoice, BadId, EmptyValue, MissingField, UnknownField, WrongType
from .yamlfile import REJECTED, YamlMap, YamlSeq

_TYPE_WORDS = {
    "string": "a string",
    "names": "a list of names",
    "boolean": "true or false",
    "period": "a period (string such as 2019-07 or 2014/2020)",
    "date": "a date (YYYY, YYYY-MM or YYYY-MM-DD)",
    "value": "a value phrase, a number or a {low, high, unit} mapping",
    "number": "a number",
}


def type_name(value: Any) -> str:
    if value is REJECTED:
        return "a refused value"
    if value is None:
        return "nothing (null)"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, (date, datetime)):
        return "a date"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return type(value).__name__  # pragma: no cover


def _fits(spec: FieldSpec, value: Any) -> bool:
    kind = spec.type
    if kind == "string":
        return isinstance(value, str)
    if kind == "names":
        return isinstance(value, list) and all(isinstance(item, str) for item in value)
    if kind == "boolean":
        return isinstance(value, bool)
    if kind in ("period", "date"):
        return isinstance(value, (str, date)) or (isinstance(value, int) and not isinstance(value, bool))
    if kind == "value":  # a date object is a date value, as YAML reads an unquoted 1987-12-14
        return isinstance(value, (str, dict, date)) or (isinstance(value, (int, float)) and not isinstance(value, bool))
    if kind == "number":
        return isinstance(value, (int, float)) and not isinstance(value, bool)
    raise AssertionError(kind)  # pragma: no cover


def read_fields(
    mapping: YamlMap, specs: Iterable[FieldSpec], what: str
) -> tuple[dict[str, Any], dict[str, Loc], list[Problem]]:
    """Validate ``mapping`` against ``specs``.

    Returns the fields that passed (as Python values), where every known field is written
    (including those refused, so that later checks do not call them missing), and problems.
    ``what`` names the record in messages ("claim 'x'", "article").
    """
    specs, by_name, required = _prepared(specs)
    values: dict[str, Any] = {}
    locs: dict[str, Loc] = {}
    problems: list[Problem] = []
    value_locs = mapping.value_locs
    for key, value in mapping.items():
        spec = by_name.get(key)
        if spec is None:
            close = suggest(key, by_name)
            hint = f"did you mean '{close[0]}'?" if close else "known fields: " + ", ".join(by_name)
            problems.append(UnknownField.problem(mapping.key_loc(key), f"unknown field '{key}' in {what}", hint))
            continue
        # Where the value is written; also for a value refused below: it was written.
        loc = locs[key] = value_locs.get(key) or mapping.key_loc(key)
        if value.__class__ is str and spec.type == "string" and spec.choices is None and spec.pattern is None:
            stripped = value.strip()  # the common case: a plain text field
            if stripped:
                values[key] = stripped
                continue
        if value is REJECTED:
            continue
        if value is None or (isinstance(value, str) and not value.strip()) or value == []:
            if spec.required:
                problems.append(EmptyValue.problem(loc, f"'{key}' of {what} is empty"))
            elif spec.type != "names":
                # An optional field written with no value is almost always unfinished.
                problems.append(EmptyValue.problem(loc, f"'{key}' of {what} is empty",
                                                   f"give '{key}' a value or remove the line"))
            continue
        if not _fits(spec, value):
            hint = None
            if spec.type == "names" and isinstance(value, str):
                hint = f"write a list: {key}: [{value}]"
            elif spec.type == "names" and isinstance(value, list):
                bad = next(i for i, item in enumerate(value) if not isinstance(item, str))
                loc = value.item_loc(bad) if isinstance(value, YamlSeq) else loc
                problems.append(WrongType.problem(
                    loc, f"'{key}' of {what} must be a list of names; item {bad + 1} is {type_name(value[bad])}"))
                continue
            elif spec.type == "string" and isinstance(value, (int, float, date)):
                hint = f"quote it: {key}: \"{value}\""
            problems.append(WrongType.problem(
                loc, f"'{key}' of {what} must be {_TYPE_WORDS[spec.type]}, not {type_name(value)}", hint))
            continue
        if spec.choices is not None and value not in spec.choices:
            close = suggest(value, spec.choices)
            hint = f"did you mean '{close[0]}'?" if close else "one of: " + ", ".join(spec.choices)
            problems.append(BadChoice.problem(
                loc, f"'{key}' of {what} is '{value}'; expected one of: {', '.join(spec.choices)}", hint))
            continue
        if spec.pattern is not None and not _compiled(spec.pattern).fullmatch(value):
            problems.append(BadId.problem(
                loc, f"'{key}' '{value}' is not a valid id (lowercase letters, digits and '-')",
                f"try '{slugify(value)}'" if slugify(value) else None))
            continue
        if isinstance(value, str):
            value = value.strip()
        values[key] = value
    for spec in required:
        if spec.name not in mapping:
            problems.append(MissingField.problem(mapping.loc, f"{what} has no '{spec.name}'",
                                                 f"add '{spec.name}: …'"))
    return values, locs, problems


_PREPARED: dict[int, tuple[tuple[FieldSpec, ...], dict[str, FieldSpec], tuple[FieldSpec, ...]]] = {}


def _prepared(specs: Iterable[FieldSpec]) -> tuple[tuple[FieldSpec, ...], dict[str, FieldSpec], tuple[FieldSpec, ...]]:
    """(the specs, by name, the required ones), worked out once per declaration (``specs`` is kept
    in the value, so its id stays its own)."""
    found = _PREPARED.get(id(specs))
    if found is None or found[0] is not specs:
        kept = specs if isinstance(specs, tuple) else tuple(specs)
        found = (kept, {spec.name: spec for spec in kept}, tuple(spec for spec in kept if spec.required))
        if kept is specs:
            _PREPARED[id(specs)] = found
    return found


@lru_cache(maxsize=None)
def _compiled(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)


def slugify(text: str) -> str:
    """A valid id built from ``text`` (for hints)."""
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def expect_mapping(value: Any, loc: Loc, what: str) -> tuple[YamlMap | None, list[Problem]]:
    if isinstance(value, YamlMap):
        return value, []
    if value is REJECTED:
        return None, []
    return None, [WrongType.problem(loc, f"{what} must be a mapping, not {type_name(value)}")]
