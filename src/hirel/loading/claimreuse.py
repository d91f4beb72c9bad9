"""Reusing, in a claims file that changed, what the checks of its unchanged claims found.

A claim's checks see the claim (its fields and where each is written) and what it depends on
(the registries, its article), never the other claims of the file. So when a claims file changes
but its dependencies do not, a claim written in exactly the same text as before gives the same
problems, moved by as many lines as the claim moved. "The same text" is the claim's lines: from
the line of its ``- `` to the line before the next claim (to the end of the file for the last).

That holds only where a claim's lines alone decide what it is, so the keys are given only for
files in the usual block layout: every claim starts a line with ``- `` (block sequence entries
at one indentation, which end where the next one starts), no anchors (an alias could take its
value from another claim), no directives (they change how tags read), and only ``\\n`` line breaks
(so that lines are counted as YAML counts them). Anything else: the whole file is checked again.
"""

from __future__ import annotations

from array import array
from typing import Any

from .idpack import id_count

try:
    from _blake2 import blake2b
except ImportError:  # another Python
    from hashlib import blake2b

KEY_SIZE = 16
NO_KEY = bytes(KEY_SIZE)  # a claim whose problems cannot be reused

# Bytes that make a file's claims depend on more than their own lines, or lines count otherwise.
_UNSAFE = (b"&", b"\r", b"\xc2\x85", b"\xe2\x80\xa8", b"\xe2\x80\xa9")


def claim_keys(raw: bytes, starts: list[tuple[int, int]]) -> list[bytes] | None:
    """A key of each claim's text (``starts``: the line and column where each claim's mapping
    starts, in file order), or None when the file's layout does not allow reusing claims."""
    if raw.startswith(b"%") or b"\n%" in raw or any(unsafe in raw for unsafe in _UNSAFE):
        return None
    lines = raw.split(b"\n")
    previous = 0
    for line, column in starts:
        if not previous < line <= len(lines) or column < 3:
            return None
        if lines[line - 1][:column - 1] != b" " * (column - 3) + b"- ":
            return None
        previous = line
    # the last claim ends with the file (its final line break left out: the last claim of a file
    # is then written as it would be before another claim)
    ends = [line for line, _column in starts[1:]] + [len(lines) + (0 if lines[-1] == b"" else 1)]
    return [blake2b(b"\n".join(lines[line - 1:end - 1]), digest_size=KEY_SIZE).digest()
            for (line, _column), end in zip(starts, ends)]


def spans(starts: list[int], last_line: int) -> list[tuple[int, int]]:
    """(first line, line after the last) of each claim."""
    return list(zip(starts, [*starts[1:], last_line + 1]))


def keepable(rows: list[list[Any]], shown: str, first: int, after: int) -> bool:
    """Whether the problems of a claim all lie within its lines (so that they move with it)."""
    return all(first <= row[1] < after for row in rows if row[0] == shown)


def moved(rows: list[list[Any]], shown: str, by: int) -> list[list[Any]]:
    """The problems of a claim that moved ``by`` lines."""
    if not by:
        return rows
    return [[row[0], row[1] + by, *row[2:]] if row[0] == shown else row for row in rows]


# Where a claims file's claims are written (the line and column of each id, the first line of
# each claim), kept in the cache as one block of bytes: what a run reads for every file it does
# not read again is then one object instead of three lists of integers, and these are decoded
# only when asked for (a duplicate id to report, a changed file whose claims may be reused).
# Any block of the right length reads as integers, so checking its length checks its shape.
_PLACE = array("i")
PLACES_SIZE = 3 * _PLACE.itemsize  # bytes of packed places a claim (line and column of its id, first line)


def pack_places(lines: list[int], columns: list[int], starts: list[int]) -> bytes | None:
    """The three lists (of one length) as one block, or None when a number does not fit."""
    try:
        return array("i", [*lines, *columns, *starts]).tobytes()
    except OverflowError:  # a line beyond 2**31: never in a real file, and then nothing is stored
        return None


def places_ok(places: Any, count: int) -> bool:
    return type(places) is bytes and len(places) == PLACES_SIZE * count


def unpack_places(places: bytes, count: int) -> tuple[list[int], list[int], list[int]]:
    """(lines, columns, starts) of a block that passed `places_ok` for ``count`` claims."""
    numbers = array("i")
    numbers.frombytes(places)
    every = numbers.tolist()
    return every[:count], every[count:2 * count], every[2 * count:]


def places_of(entry: dict[str, Any]) -> tuple[list[int], list[int], list[int]]:
    """The lines and columns of a claims file's ids, and the first line of each claim, from its
    cache entry (one that passed the cache's shape check, or one just made and not stored)."""
    unpacked = entry.get("unpacked")
    return unpacked if unpacked is not None else unpack_places(entry["places"], id_count(entry["ids"]))

