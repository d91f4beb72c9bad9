"""A claims file's ids as its cache entry keeps them."""

from __future__ import annotations

from typing import Any


def pack_ids(ids: list[str]) -> str | list[str]:
    """A claims file's ids as the cache keeps them: one string, a line each (one object to read
    back instead of one an id), or the list itself when an id holds a line break or is empty."""
    return ids if any("\n" in claim_id or not claim_id for claim_id in ids) else "\n".join(ids)


def ids_of(packed: str | list[str]) -> list[str]:
    """The ids `pack_ids` packed."""
    if isinstance(packed, str):
        return packed.split("\n") if packed else []
    return packed


def id_count(packed: str | list[str]) -> int:
    """How many ids `pack_ids` packed."""
    if isinstance(packed, str):
        return packed.count("\n") + 1 if packed else 0
    return len(packed)


def all_distinct(packed: list[str | list[str]]) -> bool:
    """Whether no id is used twice across these files' packed ids (one pass at C speed: the usual
    answer, yes, needs nothing more). False also when one of them is not packed as one string."""
    texts = [ids for ids in packed if isinstance(ids, str)]
    if len(texts) != len(packed):
        return False
    every = "\n".join(ids for ids in texts if ids).split("\n")
    return len(set(every)) == len(every)


_MOST_SEARCHED = 24  # new ids looked for one by one at most; beyond that, the one pass is quicker


def still_distinct(packed: list[str | list[str]], changes: list[tuple[str | list[str], Any]]) -> bool:
    """Whether no id is used twice across these files' packed ids, worked out from what changed,
    when the ids the files had when last stored were all distinct: True only when that is sure.

    ``changes``: for each file whose ids may have changed, its packed ids now and as last stored
    (None for a file not stored then). The ids of the other files are those stored then, distinct
    among themselves; an id a changed file had then was distinct from all of them too. So only an
    id a file did not have before can be used twice: each such id must be found once in all the
    ids now (a search of one string, at C speed), and a file's own ids must be distinct. False
    means "not known": the caller makes the one pass of `all_distinct`."""
    fresh: list[str] = []
    for now, before in changes:
        if now == before:
            continue
        if not isinstance(now, str):
            return False
        ids = ids_of(now)
        if len(set(ids)) != len(ids):
            return False
        had = set(ids_of(before)) if type(before) is str or (type(before) is list and all(
            type(claim_id) is str for claim_id in before)) else set()
        fresh += (claim_id for claim_id in ids if claim_id not in had)
        if len(fresh) > _MOST_SEARCHED:
            return False
    if not fresh:
        return True
    texts = [ids for ids in packed if isinstance(ids, str)]
    if len(texts) != len(packed):
        return False
    every = "\n" + "\n".join(ids for ids in texts if ids) + "\n"
    for claim_id in fresh:
        needle = "\n" + claim_id + "\n"
        first = every.find(needle)
        if first < 0 or every.find(needle, first + 1) >= 0:  # (from first + 1: they may share a line break)
            return False
    return True
