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
