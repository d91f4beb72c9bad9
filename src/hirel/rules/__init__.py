"""The catalogue of every check `hirel check` runs.

Each rule is a class whose docstring is its user documentation (shown by `hirel rule CODE`):
a one-line summary, why it matters, then a FAIL and a PASS example. Codes are stable and
grouped by family:

- HR1xx  files and YAML syntax
- HR2xx  structure: fields, types, ids, choices, dates
- HR3xx  references: propositions, entities, topics, articles
- HR4xx  claim semantics: stance/value by proposition kind, periods, values and units
- HR5xx  quotes anchored in the article text

One module per family (files, structure, references, semantics, values, quotes) holds its
rules, each with its docs, and its checks; `registry` names them all (``get(code)``) and attaches
severity (``judge``); `checker` runs them. The names below are imported on first use, so that
reading a file does not load every check.
"""

from __future__ import annotations

from typing import Any

_FROM_BASE = {"Rule", "doc_parts"}
_FROM_REGISTRY = {"ALL_RULES", "RULES", "get", "judge", "UnknownRule"}


def __getattr__(name: str) -> Any:
    from importlib import import_module

    if name.startswith("__"):
        raise AttributeError(name)
    if name in _FROM_BASE:
        return getattr(import_module("hirel.rules.base"), name)
    if name[:1].islower() and name not in _FROM_REGISTRY:  # a module of the package (`from hirel.rules import
        raise AttributeError(name)  # checker` asks here first): no rule is looked up (nor imported) for it
    registry = import_module("hirel.rules.registry")
    if name in _FROM_REGISTRY:
        return getattr(registry, name)
    for rule in registry.ALL_RULES:
        if rule.__name__ == name:
            return rule
    raise AttributeError(f"module 'hirel.rules' has no attribute {name!r}")
