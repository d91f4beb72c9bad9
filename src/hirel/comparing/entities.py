"""The entity registry: names, aliases and the `part_of` hierarchy.

Names are matched case-insensitively and with whitespace collapsed, so `US State Department`
and `us  state department` resolve to the same entity.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from functools import cache

from ..model import Entity


def name_key(name: str) -> str:
    """The form names are compared in."""
    return " ".join(name.split()).casefold()


class EntityIndex:
    """Resolves names and aliases to canonical entity names and answers part-of questions."""

    def __init__(self, entities: Iterable[Entity] = ()) -> None:
        self.entities: dict[str, Entity] = {}
        self._by_key: dict[str, str] = {}
        self._known: dict[str, bool] = {}
        for entity in entities:
            self.add(entity)

    def add(self, entity: Entity) -> None:
        self.entities[entity.name] = entity
        self._by_key.setdefault(name_key(entity.name), entity.name)
        for alias in entity.aliases:
            self._by_key.setdefault(name_key(alias), entity.name)
        self.ancestors.cache_clear()
        self._known.clear()

    def __contains__(self, name: object) -> bool:
        if not isinstance(name, str):
            return False
        known = self._known.get(name)  # the same few names are asked about for every claim
        if known is None:
            known = self._known[name] = name_key(name) in self._by_key
        return known

    def __len__(self) -> int:
        return len(self.entities)

    def resolve(self, name: str | None) -> str | None:
        """The canonical name for a name or alias, or None when unknown."""
        if not name:
            return None
        return self._by_key.get(name_key(name))

    def all_names(self) -> list[str]:
        """Every name and alias a user may write (for suggestions)."""
        names: list[str] = []
        for entity in self.entities.values():
            names.append(entity.name)
            names.extend(entity.aliases)
        return names

    @cache  # noqa: B019 - the index lives as long as the corpus
    def ancestors(self, name: str) -> frozenset[str]:
        """Every entity that ``name`` is transitively part of (cycles are tolerated)."""
        seen: set[str] = set()
        todo = [name]
        while todo:
            current = todo.pop()
            entity = self.entities.get(current)
            if entity is None:
                continue
            for parent_name in entity.part_of:
                parent = self.resolve(parent_name)
                if parent is not None and parent not in seen:
                    seen.add(parent)
                    todo.append(parent)
        seen.discard(name)
        return frozenset(seen)

    def is_part_of(self, part: str, whole: str) -> bool:
        """True when ``part`` is (transitively) part of ``whole``; names or aliases accepted."""
        p, w = self.resolve(part), self.resolve(whole)
        return p is not None and w is not None and p != w and w in self.ancestors(p)

    def cycles(self) -> list[str]:
        """Entities that are (transitively) part of themselves, in registry order.

        Linear in the number of entities and links: the strongly connected components of the
        part_of graph (Tarjan's algorithm, without recursion, so a chain of 10,000 entities
        is fine); an entity is in a cycle when its component has two or more entities, or it
        is part of itself directly.
        """
        parents = {name: [p for p in map(self.resolve, entity.part_of) if p is not None]
                   for name, entity in self.entities.items()}
        index: dict[str, int] = {}
        low: dict[str, int] = {}
        stack: list[str] = []
        on_stack: set[str] = set()
        in_cycle: set[str] = set()
        for start in parents:
            if start in index:
                continue
            work = [(start, 0)]
            while work:
                node, next_parent = work[-1]
                if next_parent == 0:
                    index[node] = low[node] = len(index)
                    stack.append(node)
                    on_stack.add(node)
                if next_parent < len(parents[node]):
                    work[-1] = (node, next_parent + 1)
                    parent = parents[node][next_parent]
                    if parent not in index:
                        work.append((parent, 0))
                    elif parent in on_stack:
                        low[node] = min(low[node], index[parent])
                    continue
                work.pop()
                if work:
                    caller = work[-1][0]
                    low[caller] = min(low[caller], low[node])
                if low[node] == index[node]:
                    component = []
                    while True:
                        member = stack.pop()
                        on_stack.discard(member)
                        component.append(member)
                        if member == node:
                            break
                    if len(component) > 1 or node in parents[node]:
                        in_cycle.update(component)
        return [name for name in self.entities if name in in_cycle]


def suggest(name: str, choices: Iterable[str] | Mapping[str, object], limit: int = 1) -> list[str]:
    """Close matches for a misspelt name (rapidfuzz), best first."""
    from rapidfuzz import fuzz, process, utils

    pool = list(choices)
    if not pool:
        return []
    found = process.extract(
        name, pool, scorer=fuzz.WRatio, processor=utils.default_process, limit=limit, score_cutoff=70
    )
    return [match for match, _score, _idx in found]


# Names differ from keys: WRatio's partial matching scores 86 for one shared word ('World Health
# Organization' / 'World News 24x7', 'International Federation of Red Cross…' / 'The News
# International'), and a "did you mean" between two organisations invites a claim credited to the
# wrong one. For names: the whole spelling ('Ismail Haniya' 89, 'Hamass' 91, 'US Department of
# State' 96), or the words in any order; or every word of the unknown name inside the entity's
# ('Bachelet' in 'Michelle Bachelet'), never the reverse ('Hamas' is not 'unnamed Hamas sorce').
NAME_SCORE_CUTOFF = 80
_INSIDE_SCORE = 90


def _name_score(unknown: str, known: str, *, score_cutoff: float | None = None, **_: object) -> float:
    from rapidfuzz import fuzz

    score = max(fuzz.ratio(unknown, known), fuzz.token_sort_ratio(unknown, known))
    words = set(unknown.split())
    if score < _INSIDE_SCORE and words and words < set(known.split()):
        score = _INSIDE_SCORE
    return score if score_cutoff is None or score >= score_cutoff else 0


def suggest_name(name: str, names: Iterable[str], limit: int = 1) -> list[str]:
    """Entities (or names) close to an unknown name, best first (see `_name_score`)."""
    from rapidfuzz import process, utils

    pool = list(names)
    if not pool:
        return []
    found = process.extract(name, pool, scorer=_name_score, processor=utils.default_process,
                            limit=limit, score_cutoff=NAME_SCORE_CUTOFF)
    return [match for match, _score, _idx in found]


def independent_origins(origins: Iterable[str], entities: EntityIndex) -> list[list[str]]:
    """Group origins that are one source: connected through ``part_of`` within the given set.

    Returns the groups (each sorted), sorted by their first name.
    """
    names = sorted(set(origins))
    parent = {name: name for name in names}

    def root(name: str) -> str:
        while parent[name] != name:
            parent[name] = parent[parent[name]]
            name = parent[name]
        return name

    present = set(names)
    for name in names:
        for whole in entities.ancestors(name) & present:
            parent[root(name)] = root(whole)
    groups: dict[str, list[str]] = {}
    for name in names:
        groups.setdefault(root(name), []).append(name)
    return sorted(groups.values(), key=lambda group: group[0])
