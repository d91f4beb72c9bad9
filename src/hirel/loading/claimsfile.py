"""Reading one claims file into claims (its ties to the rest of the corpus are checked in rules/)."""

from __future__ import annotations

from pathlib import Path

from ..model import Certainty, Claim, Loc, Problem
from ..rules.structure import MissingField, UnknownField, WrongType, expect_mapping, read_fields, type_name
from . import fields as F
from .datafiles import date_text, load_yaml_file
from .yamlfile import REJECTED, YamlMap, YamlSeq
from .yamltypes import FieldLocs

_NEEDED = frozenset({"id", "proposition", "quote"})  # without these, a claim is not kept


def read_claims(path: Path, shown: str, article_id: str,
                raw: bytes | None = None) -> tuple[list[Claim], list[Problem]]:
    """The claims of one claims file, in order (duplicates included), and the problems of the file
    alone: what it says, not how it fits the rest of the corpus."""
    shown, data, problems = load_yaml_file(path, shown, raw)
    if data is None:
        return [], problems
    if isinstance(data, YamlSeq):
        return [], problems + [WrongType.problem(
            data.loc, "the claims file must be a mapping with a 'claims:' list, not a bare list",
            "put 'claims:' on the first line and indent the list under it")]
    mapping, wrong = expect_mapping(data, Loc(shown), "the claims file")
    if mapping is None:
        return [], problems + wrong
    for key in mapping:
        if key != "claims":
            from ..comparing.entities import suggest

            close = suggest(key, ["claims"])
            problems.append(UnknownField.problem(
                mapping.key_loc(key), f"unknown top-level key '{key}' in the claims file",
                "did you mean 'claims'?" if close else "a claims file has one key: claims"))
    if "claims" not in mapping:
        return [], problems + [MissingField.problem(mapping.loc, "the claims file has no 'claims:' list")]
    items = mapping["claims"]
    if items is None or items is REJECTED:
        return [], problems
    if not isinstance(items, YamlSeq):
        return [], problems + [WrongType.problem(
            mapping.value_loc("claims"), f"'claims' must be a list of claims, not {type_name(items)}",
            "start each claim with '- id: …'")]
    claims: list[Claim] = []
    for index, item in enumerate(items):
        items[index] = None  # let each claim's mapping go once read: a claims file may be large
        loc = items.item_loc(index)
        if not isinstance(item, YamlMap):
            problems.append(WrongType.problem(loc, f"claim {index + 1} must be a mapping, not {type_name(item)}"))
            continue
        claim_id = item.get("id")
        what = f"claim '{claim_id}'" if isinstance(claim_id, str) and claim_id else f"claim {index + 1}"
        values, locs, found = read_fields(item, F.CLAIM_FIELDS, what)
        problems += found
        if not values.keys() >= _NEEDED:
            continue
        via_items = item.get("via")
        extra = None
        if isinstance(via_items, YamlSeq) and "via" in values:
            extra = {f"via.{i}": via_items.item_loc(i) for i in range(len(via_items))}
        claims.append(Claim(
            id=values["id"], article=article_id, proposition=values["proposition"], quote=values["quote"],
            loc=item.loc, claimant=values.get("claimant"), via=tuple(values.get("via", ())),
            value=values.get("value"), scope=values.get("scope"),
            when=date_text(values["when"]) if "when" in values else None,
            certainty=Certainty(values.get("certainty", "certain")), stance=values.get("stance"), note=values.get("note"),
            locs=FieldLocs(item, locs, extra)))
    return claims, problems
