"""JSON Schema (draft-07) for each file kind, derived from the field declarations."""

from __future__ import annotations

from typing import Any

from . import fields as F

SCHEMA_NAMES = ("claims", "article", "propositions", "entities")
_DRAFT = "http://json-schema.org/draft-07/schema#"


def _field_schema(spec: F.FieldSpec) -> dict[str, Any]:
    kind = spec.type
    if kind == "string":
        schema: dict[str, Any] = {"type": "string", "minLength": 1}
    elif kind == "names":
        schema = {"type": "array", "items": {"type": "string", "minLength": 1}}
    elif kind == "boolean":
        schema = {"type": "boolean"}
    elif kind == "number":
        schema = {"type": "number"}
    elif kind == "bound":
        schema = {"type": ["number", "string", "null"]}  # null: unbounded, as when omitted
    elif kind in ("period", "date"):
        schema = {"type": ["string", "integer"]}
    elif kind == "value":
        schema = {"oneOf": [{"type": "string", "minLength": 1}, {"type": "number"}, _object(F.VALUE_MAPPING_FIELDS)]}
    else:  # pragma: no cover
        raise AssertionError(kind)
    if spec.choices:
        schema["enum"] = list(spec.choices)
    if spec.pattern:
        schema["pattern"] = spec.pattern
    schema["description"] = spec.description
    return schema


def _object(specs: tuple[F.FieldSpec, ...]) -> dict[str, Any]:
    schema: dict[str, Any] = {
        "type": "object",
        "properties": {spec.name: _field_schema(spec) for spec in specs},
        "additionalProperties": False,
    }
    required = [spec.name for spec in specs if spec.required]
    if required:
        schema["required"] = required
    return schema


def json_schema(name: str) -> dict[str, Any]:
    """The schema for ``name`` (one of SCHEMA_NAMES)."""
    if name == "claims":
        claim = _object(F.CLAIM_FIELDS)
        body = {"type": "object", "properties": {"claims": {"type": "array", "items": claim}},
                "required": ["claims"], "additionalProperties": False}
        title = "hirel claims file (data/claims/<article-id>.yaml)"
    elif name == "article":
        body = _object(F.ARTICLE_FIELDS)
        title = "hirel article front matter (data/articles/<article-id>.md, between the --- lines)"
    elif name == "propositions":
        proposition = _object(F.PROPOSITION_FIELDS)
        body = {
            "type": "object",
            "properties": {
                "topics": {"type": "object", "propertyNames": {"pattern": F.ID_PATTERN},
                           "additionalProperties": {"type": "string", "minLength": 1}},
                "propositions": {"type": "object", "propertyNames": {"pattern": F.ID_PATTERN},
                                 "additionalProperties": proposition},
            },
            "required": ["topics", "propositions"],
            "additionalProperties": False,
        }
        title = "hirel propositions registry (data/propositions.yaml)"
    elif name == "entities":
        body = {"type": "object", "additionalProperties": {
            "oneOf": [{"type": "null"}, _object(F.ENTITY_FIELDS)]}}
        title = "hirel entities registry (data/entities.yaml)"
    else:
        raise KeyError(name)
    return {"$schema": _DRAFT, "$id": f"https://hirel.invalid/schema/{name}.json", "title": title, **body}


_TYPE_WORDS = {"string": "text", "names": "list of names", "boolean": "true/false", "number": "number",
               "bound": "number or date", "period": "period", "date": "date", "value": "value phrase or mapping"}


def field_rows(name: str) -> list[tuple[str, str, str, str]]:
    """(field, type, required, meaning) for every field of the file kind ``name``, for people:
    the same declarations as the JSON Schema."""
    specs = {"claims": F.CLAIM_FIELDS, "article": F.ARTICLE_FIELDS, "propositions": F.PROPOSITION_FIELDS,
             "entities": F.ENTITY_FIELDS}[name]
    rows = []
    for spec in specs:
        kind = " | ".join(spec.choices) if spec.choices else _TYPE_WORDS[spec.type]
        rows.append((spec.name, kind, "required" if spec.required else "optional", spec.description))
    return rows
