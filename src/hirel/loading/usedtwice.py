"""Claim ids used twice across the claims files of a cached `hirel check` (`incremental`): whether
any is, worked out from what changed when the last run found none, and where each is reported."""

from __future__ import annotations

from typing import Any

from ..problems import Loc, Problem
from .claimreuse import places_of
from .idpack import all_distinct, ids_of, still_distinct

Files = list[tuple[dict[str, Any], str, str]]  # each claims file's entry, path as shown, article id


def ids_distinct(files: Files, old: dict[str, Any], were_distinct: bool) -> bool:
    """Whether no claim id is used twice in ``files``: from the ids that changed since the entries
    ``old`` (a few searches) when those ``were_distinct``, else in one pass over them all."""
    packed = [entry["ids"] for entry, _shown, _article in files]
    if were_distinct:
        changes = []
        for entry, shown, _article in files:
            before = old.get(shown)
            if entry is not before:
                changes.append((entry["ids"], before.get("ids") if type(before) is dict else None))
        if still_distinct(packed, changes):  # (False: not known; the one pass says)
            return True
    return all_distinct(packed)


def duplicate_claims(entry: dict[str, Any], shown: str, article_id: str, firsts: dict[str, int], files: Files,
                     number: int, problems: list[Problem]) -> set[int]:
    """The claims of file ``number`` whose id was used before (reported here, in ``problems``), by
    index; ``firsts``: claim id -> the file where it is first used (index in ``files``), filled as
    the files are gone through in order."""
    from ..rules.structure import duplicate_id_problems

    duplicates = set()
    lines, columns, _ = places_of(entry)
    ids = ids_of(entry["ids"])
    for index, claim_id in enumerate(ids):
        first = firsts.get(claim_id)
        if first is None:
            firsts[claim_id] = number
            continue
        if first == number:  # earlier in this same file
            first_entry, first_shown, first_article = entry, shown, article_id
        else:
            first_entry, first_shown, first_article = files[first]
        at = (ids if first_entry is entry else ids_of(first_entry["ids"])).index(claim_id)
        duplicates.add(index)  # checked as the first use only, like load_corpus does
        first_lines, first_columns, _ = places_of(first_entry)
        problems += duplicate_id_problems(
            claim_id, Loc(shown, lines[index], columns[index]), shown,
            Loc(first_shown, first_lines[at], first_columns[at]), first_shown,
            same_file=first_article == article_id)
    return duplicates
