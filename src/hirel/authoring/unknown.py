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
    return _merge_short_forms(groups)


# Words after which the rest of a name is not the same entity: 'Supreme Leader of Iran' is not Iran.
_CONNECTORS = frozenset({"of", "for", "in", "at", "on", "to", "and", "the", "de", "del", "al", "el"})


def _merge_short_forms(groups: list[UnknownName]) -> list[UnknownName]:
    """A name that is the last words of exactly one longer unknown name, after a capitalised word
    (a first name or a title: 'Bachelet' in 'Chilean President Michelle Bachelet', 'Michelle
    Bachelet' too) is a short form of it and becomes its alias; the longer name stays the stub's
    name, since a surname alone says less. 'Biden' in 'Biden administration' (first words) and
    'Iran' in 'Supreme Leader of Iran' (after 'of') stay names of their own. Linear: longer names
    are indexed by their last word."""
    by_last_word: dict[str, list[UnknownName]] = {}
    for group in groups:
        for spelling in {group.name, *group.aliases}:
            words = spelling.split()
            if len(words) > 1:
                by_last_word.setdefault(words[-1].casefold(), []).append(group)
    merged_into: dict[int, UnknownName] = {}

    def root(group: UnknownName) -> UnknownName:
        while id(group) in merged_into:
            group = merged_into[id(group)]
        return group

    # Longest first, so that 'Michelle Bachelet' joins 'Chilean President Michelle Bachelet' before
    # 'Bachelet', which then ends one name, not two.
    for group in sorted(groups, key=lambda g: -len(g.name.split())):
        words = group.name.split()
        if not words[0][:1].isupper():
            continue
        targets = {id(root(long)): root(long) for long in by_last_word.get(words[-1].casefold(), ())
                   if long is not group and _is_short_form(words, long)}
        targets.pop(id(group), None)
        if len(targets) == 1:
            (long,) = targets.values()
            long.aliases += [s for s in (group.name, *group.aliases) if s not in long.aliases and s != long.name]
            long.uses += group.uses
            merged_into[id(group)] = long
    return [group for group in groups if id(group) not in merged_into]


def _is_short_form(words: list[str], long: UnknownName) -> bool:
    for spelling in (long.name, *long.aliases):
        longer = spelling.split()
        if len(longer) <= len(words) or [w.casefold() for w in longer[-len(words):]] != \
                [w.casefold() for w in words]:
            continue
        before = longer[-len(words) - 1]
        if before[:1].isupper() and before.casefold() not in _CONNECTORS:
            return True
    return False
