"""Claims built from a claims file's validated records (rules/documents.py checks them; the
loader, loader.py, calls one then the other)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..model import Certainty, Claim, Loc, Problem
from .datafiles import date_text
from .yamltypes import FieldLocs, YamlMap, YamlSeq


def claim_from(item: YamlMap, values: dict[str, Any], locs: dict[str, Loc], article_id: str) -> Claim:
    """A claim from its usable fields; its places are kept as the integers the mapping holds."""
    via_items = item.get("via")
    extra = None
    if isinstance(via_items, YamlSeq) and "via" in values:
        extra = {f"via.{i}": via_items.item_loc(i) for i in range(len(via_items))}
    return Claim(
        id=values["id"], article=article_id, proposition=values["proposition"], quote=values["quote"],
        loc=item.loc, claimant=values.get("claimant"), via=tuple(values.get("via", ())),
        value=values.get("value"), scope=values.get("scope"),
        when=date_text(values["when"]) if "when" in values else None,
        certainty=Certainty(values.get("certainty", "certain")), stance=values.get("stance"), note=values.get("note"),
        locs=FieldLocs(item, locs, extra))


def read_claims(path: Path, shown: str, article_id: str,
                raw: bytes | None = None) -> tuple[list[Claim], list[Problem]]:
    """The claims of one claims file and the problems of the file alone (see `loader.read_claims`,
    where reading, checking and building are put in order)."""
    from .loader import read_claims as read

    return read(path, shown, article_id, raw)
