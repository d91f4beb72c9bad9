"""The entries of the check cache (`incremental`): their rows of problems, their shape checked
before any use (a damaged entry is recomputed, never half-used), and what a claims file's previous
entry lets a new reading reuse."""

from __future__ import annotations

import os
from typing import Any

from ..problems import Problem
from .claimreuse import KEY_SIZE, NO_KEY, PLACES_SIZE, places_of


def rows_of(problems: list[Problem]) -> list[list[Any]]:
    """Problems as plain data (``str`` and ``int`` exactly, which is all the cache can hold), each
    with its rule's severity (so that problems taken from the cache need no rule to be judged)."""
    if any(not p.severity for p in problems):
        from ..rules.registry import judge  # (loading imports no rule but to stamp severities)

        problems = judge(problems)
    return [[str(p.path), int(p.line), int(p.column), str(p.code), str(p.severity), str(p.message),
             None if p.hint is None else str(p.hint)] for p in problems]


def problems_of(entry: dict[str, Any]) -> list[Problem]:
    return [Problem(*row) for row in entry["problems"]]


def reusable_rows(previous: dict[str, Any] | None) -> dict[bytes, tuple[int, list[list[Any]]]]:
    """What the claims of a file's previous entry found, by the key of each claim's text."""
    if previous is None or "keys" not in previous:
        return {}
    found = dict(previous["checked"])
    keys = previous["keys"]
    _, _, starts = places_of(previous)
    return {keys[at:at + KEY_SIZE]: (start, found.get(index, []))
            for index, (at, start) in enumerate(zip(range(0, len(keys), KEY_SIZE), starts))
            if keys[at:at + KEY_SIZE] != NO_KEY}


def well_formed(entry: dict[str, Any]) -> bool:
    """An entry of the expected shape (a damaged one is recomputed, never half-used).

    Asked of every entry a warm run reuses (thousands), so written out in full: what `id_count`
    and `places_ok` say, without their calls."""
    try:
        problems = entry["problems"]
        if type(problems) is not list or (problems and not all(map(row_ok, problems))):
            return False
        if "ids" in entry:  # a claims file: where each claim's id is written, and what its checks found
            ids = entry["ids"]
            if type(ids) is str:
                count = ids.count("\n") + 1 if ids else 0
            elif type(ids) is list and all(type(claim_id) is str for claim_id in ids):
                count = len(ids)
            else:
                return False
            checked, keys, places = entry["checked"], entry["keys"], entry["places"]
            if type(checked) is not list or type(keys) is not bytes or len(keys) != KEY_SIZE * count \
                    or type(places) is not bytes or len(places) != PLACES_SIZE * count:
                return False
            for index, rows in checked:
                if not (type(index) is int and 0 <= index < count and type(rows) is list
                        and all(map(row_ok, rows))):
                    return False
        return type(entry.get("loaded", False)) is bool
    except (TypeError, ValueError, KeyError):
        return False


def row_ok(row: Any) -> bool:
    return (type(row) is list and len(row) == 7 and type(row[0]) is str and type(row[1]) is int
            and type(row[2]) is int and type(row[3]) is str and type(row[4]) is str and type(row[5]) is str
            and (row[6] is None or type(row[6]) is str))


def signature(path: str, _shown: str = "") -> list[int] | None:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return [st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino]
