"""Reading one claims file, and what ties it to the rest of the corpus (its article, unique ids)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from . import fields as F
from .datafiles import date_text, load_yaml_file
from .model import Claim, Loc, Problem
from .rules import DuplicateId, MissingField, OrphanClaims, UnknownField, WrongType
from .structure import expect_mapping, read_fields, type_name
from .yamlfile import REJECTED, YamlMap, YamlSeq

_NEEDED = frozenset({"id", "proposition", "quote"})  # without these, a claim is not kept


def orphan_problems(root: Path, article_id: str, shown: str, loaded_articles: Any) -> list[Problem]:
    """OrphanClaims for a claims file with no article (``loaded_articles``: the ids read)."""
    # An article that exists but could not be read is reported on its own file, not as missing.
    if article_id in loaded_articles or (root / "articles" / f"{article_id}.md").is_file():
        return []
    from .entities import suggest

    close = suggest(article_id, loaded_articles)
    return [OrphanClaims.problem(
        Loc(shown), f"no article 'articles/{article_id}.md' for this claims file",
        f"did you mean '{close[0]}.yaml'?" if close else f"add data/articles/{article_id}.md")]


def duplicate_id_problems(claim_id: str, loc: Loc, shown: str, first_loc: Loc, first_shown: str,
                          same_file: bool) -> list[Problem]:
    """A claim id used a second time: reported on the second use, and on the first when in another file."""
    problems = [DuplicateId.problem(
        loc, f"claim id '{claim_id}' is already used at {first_shown}:{first_loc.line}",
        "claim ids are unique across the corpus; rename one")]
    if not same_file:
        # Reported in both files, so that checking either alone (pre-commit) sees it.
        problems.append(DuplicateId.problem(
            first_loc, f"claim id '{claim_id}' is used again at {shown}:{loc.line}",
            "claim ids are unique across the corpus; rename one"))
    return problems


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
            from .entities import suggest

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
        if isinstance(via_items, YamlSeq) and "via" in values:
            locs |= {f"via.{i}": via_items.item_loc(i) for i in range(len(via_items))}
        claims.append(Claim(
            id=values["id"], article=article_id, proposition=values["proposition"], quote=values["quote"],
            loc=item.loc, claimant=values.get("claimant"), via=tuple(values.get("via", ())),
            value=values.get("value"), scope=values.get("scope"),
            when=date_text(values["when"]) if "when" in values else None,
            certainty=values.get("certainty", "certain"), stance=values.get("stance"), note=values.get("note"),
            locs=locs))
    return claims, problems
