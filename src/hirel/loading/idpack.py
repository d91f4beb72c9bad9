"""A claims file's ids as its cache entry keeps them."""

from __future__ import annotations


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
