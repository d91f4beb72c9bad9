"""The registries as read (entities, topics, propositions) as plain data and back, so that a warm
`hirel check` that must check a file against unchanged registries rebuilds them from its cache
instead of parsing and checking their YAML again (see `incremental`). Anything `plainform` does not
write raises `NotPlain`, and the registries are then read from their files, as without a cache."""

from __future__ import annotations

from typing import Any

from ..model import Entity, Proposition, Topic
from ..records import Record
from .build import CorpusBuilder
from .plainform import NotPlain, plain, rebuilt

_KINDS: dict[str, type[Record]] = {"entities": Entity, "topics": Topic, "propositions": Proposition}


def plain_registries(builder: CorpusBuilder) -> dict[str, Any]:
    """What reading the registries put in ``builder``, as plain data (raises `NotPlain`)."""
    records = {"entities": builder.entities.entities.values(), "topics": builder.topics.values(),
               "propositions": builder.propositions.values()}
    form: dict[str, Any] = {name: [[plain(getattr(record, field)) for field in _KINDS[name].field_names()]
                                   for record in found] for name, found in records.items()}
    form["declared"] = sorted(builder.declared_propositions)
    form["read"] = sorted(builder.registries_read)
    return form


def registries_into(builder: CorpusBuilder, form: Any) -> None:
    """Fill an empty ``builder`` from `plain_registries`'s form (raises `NotPlain` on anything
    unexpected; the builder is then half filled, and to be dropped)."""
    if type(form) is not dict:
        raise NotPlain("not stored registries")
    try:
        for name, kind in _KINDS.items():
            fields = kind.field_names()
            for row in form[name]:
                if type(row) is not list or len(row) != len(fields):
                    raise NotPlain(name)
                record = kind(**{field: rebuilt(item) for field, item in zip(fields, row)})
                if isinstance(record, Entity):
                    builder.entities.add(record)
                elif isinstance(record, Topic):
                    builder.topics[record.id] = record
                elif isinstance(record, Proposition):
                    builder.propositions[record.id] = record
        declared, read = form["declared"], form["read"]
        if not (type(declared) is type(read) is list and set(map(type, declared + read)) <= {str}):
            raise NotPlain("names")
    except (KeyError, TypeError, ValueError) as exc:
        raise NotPlain(str(exc)) from None
    builder.declared_propositions.update(declared)
    builder.registries_read.update(read)
