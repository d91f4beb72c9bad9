"""`hirel entities`: every entity and how many claims use it; and the names used but not
defined, grouped so that likely spellings of one name become one stub with aliases."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..model import Loc

if TYPE_CHECKING:
    from ..model import Corpus


# rapidfuzz ratio (0-100, whole strings) from which two unknown names are spellings of one:
# 'Ismail Haniyeh'/'Ismail Haniya' 89, 'Qassem'/'Qasem Soleimani' 97; but 'Iran'/'Iraq' 75, and a
# name inside a longer one ('Biden'/'Biden administration' 40) is another entity, not a spelling.
SAME_NAME_SCORE = 85.0


@dataclass
class EntityUse:
    name: str
    aliases: tuple[str, ...]
    part_of: tuple[str, ...]
    claims: int
    articles: int  # as an outlet


@dataclass
class UnknownName:
    name: str  # the spelling used most often (first seen on a tie)
    aliases: list[str] = field(default_factory=list)
    uses: list[tuple[str, Loc]] = field(default_factory=list)  # (role, where)


def _names_used(corpus: Corpus) -> Iterator[tuple[str, str, Loc]]:
    """(name, role, where) for every name written in the corpus."""
    for article in corpus.articles.values():
        if article.outlet:
            yield article.outlet, "outlet", article.locs.get("outlet", article.loc)
    for claim in corpus.claims.values():
        if claim.claimant:
            yield claim.claimant, "claimant", claim.loc_of("claimant")
        for index, name in enumerate(claim.via):
            yield name, "via", claim.locs.get(f"via.{index}", claim.loc_of("via"))
        if claim.scope:
            yield claim.scope, "scope", claim.loc_of("scope")
    for prop in corpus.propositions.values():
        if prop.object:
            yield prop.object, "object", prop.locs.get("object", prop.loc)
    for entity in corpus.entities.entities.values():
        for index, parent in enumerate(entity.part_of):
            yield parent, "part_of", entity.locs.get(f"part_of.{index}", entity.loc)


def entity_uses(corpus: Corpus) -> list[EntityUse]:
    claims: dict[str, set[str]] = {}
    outlets: dict[str, int] = {}
    for article in corpus.articles.values():
        name = corpus.entities.resolve(article.outlet)
        if name:
            outlets[name] = outlets.get(name, 0) + 1
    for claim in corpus.claims.values():
        claim_article = corpus.articles.get(claim.article)
        claimant = claim.claimant or (claim_article.outlet if claim_article else None)  # the default claimant
        for written in (claimant, claim.scope, *claim.via):
            name = corpus.entities.resolve(written)
            if name:
                claims.setdefault(name, set()).add(claim.id)
    return [EntityUse(e.name, e.aliases, e.part_of, len(claims.get(e.name, ())), outlets.get(e.name, 0))
            for e in corpus.entities.entities.values()]


def unknown_names(corpus: Corpus) -> list[UnknownName]:
    """Names used but not defined, likely spellings of one name grouped, in order of first use."""
    from rapidfuzz import fuzz, utils

    seen: dict[str, UnknownName] = {}
    counts: dict[str, int] = {}
    groups: list[UnknownName] = []
    for name, role, loc in _names_used(corpus):
        if name in corpus.entities:
            continue
        key = " ".join(name.split())
        counts[key] = counts.get(key, 0) + 1
        group = seen.get(key)
        if group is None:
            processed = utils.default_process(key)
            group = next((g for g in groups for spelling in (g.name, *g.aliases)
                          if fuzz.ratio(processed, utils.default_process(spelling)) >= SAME_NAME_SCORE), None)
            if group is None:
                group = UnknownName(key)
                groups.append(group)
            elif key != group.name and key not in group.aliases:
                group.aliases.append(key)
            seen[key] = group
        group.uses.append((role, loc))
    for group in groups:  # the most used spelling names the entity
        spellings = [group.name, *group.aliases]
        best = max(spellings, key=lambda s: (counts[s], -spellings.index(s)))
        group.aliases = [s for s in spellings if s != best]
        group.name = best
    return groups
