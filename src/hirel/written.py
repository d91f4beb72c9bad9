"""A value from a YAML file shown back as the user wrote it: in YAML's spelling, never Python's."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any


def as_written(raw: Any) -> str:
    """``raw`` as YAML text: a mapping as `{low: 130000000, high: null, unit: USD/year}`, a list
    as `[a, b]`, None as `null`, booleans as `true`/`false`, dates as YYYY-MM-DD, a whole float
    (YAML's `1.3e8`) without `.0`."""
    if isinstance(raw, Mapping):
        return "{" + ", ".join(f"{as_written(key)}: {as_written(value)}" for key, value in raw.items()) + "}"
    if isinstance(raw, (list, tuple)):
        return "[" + ", ".join(as_written(item) for item in raw) + "]"
    if raw is None:
        return "null"
    if isinstance(raw, bool):
        return "true" if raw else "false"
    if isinstance(raw, float) and raw.is_integer() and abs(raw) < 1e16:
        return str(int(raw))
    if isinstance(raw, date):
        return raw.isoformat()
    return str(raw)
