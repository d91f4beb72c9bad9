"""HR3xx, references: every name a file uses is defined where it should be.
"""

from __future__ import annotations

from collections.abc import Generator, Iterator, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..comparing.entities import suggest, suggest_name
from ..loading import fields as F
from ..model import Article, Claim, Loc, Problem, Proposition
from .base import Rule

if TYPE_CHECKING:
    from ..model import Corpus


class UnknownProposition(Rule):
    """A claim names a proposition that `propositions.yaml` does not define. The placeholder
    `CHOOSE` that `hirel suggest` writes is reported as a proposition not chosen yet.

    FAIL:
        proposition: iran-funding-per-yer

    PASS:
        proposition: iran-funding-per-year
    """

    code, name = "HR301", "unknown-proposition"


class UnknownEntity(Rule):
    """A name (claimant, via, scope, outlet, part_of, object) is neither an entity nor an alias.

    Every actor is declared once in `entities.yaml`, with its aliases, so that the same
    source written two ways is recognised as one. The hint names the closest entity, or, when
    none is close, shows the line to add to `entities.yaml`; `hirel entities --unknown` prints
    such stubs for every name used but not defined.

    FAIL:
        claimant: US State Departement

    PASS:
        claimant: US State Department      # an alias of U.S. Department of State
    """

    code, name = "HR302", "unknown-entity"


class UnknownTopic(Rule):
    """A proposition names a topic that is not under `topics:` in `propositions.yaml`.

    FAIL:
        topics: {funding: Iranian money}
        propositions:
          iran-funding: {topic: fundng, text: Money per year, kind: stance}

    PASS:
        propositions:
          iran-funding: {topic: funding, text: Money per year, kind: stance}
    """

    code, name = "HR303", "unknown-topic"


class OrphanClaims(Rule):
    """A claims file has no article with the same id.

    `data/claims/<id>.yaml` annotates `data/articles/<id>.md`; quotes are checked against it.

    FAIL:
        data/claims/al-monitor-2019.yaml   (no data/articles/al-monitor-2019.md)

    PASS:
        data/claims/al-monitor-2019.yaml   with data/articles/al-monitor-2019.md
    """

    code, name = "HR304", "orphan-claims"


class PartOfCycle(Rule):
    """An entity is, through `part_of`, part of itself.

    FAIL:
        Hamas: {part_of: [Qassam Brigades]}
        Qassam Brigades: {part_of: [Hamas]}

    PASS:
        Hamas: {}
        Qassam Brigades: {part_of: [Hamas]}
    """

    code, name = "HR305", "part-of-cycle"


def _stub(name: str) -> str:
    """A one-line entities.yaml entry for ``name`` (quoted where YAML needs it)."""
    import yaml

    return yaml.safe_dump({name: {}}, default_flow_style=True, allow_unicode=True, width=10_000).strip()[1:-1]


def _unknown_entity(corpus: Corpus, name: str, loc: Loc, role: str) -> Problem | None:
    if name in corpus.entities or "entities" not in corpus.registries_read:
        return None  # known, or entities.yaml is unreadable (reported once, on that file)
    close = suggest_name(name, corpus.entities.all_names())
    hint = f"did you mean '{close[0]}'?" if close else f"add it to entities.yaml (with its aliases): {_stub(name)}"
    return UnknownEntity.problem(loc, f"unknown {role} '{name}': not an entity or alias in entities.yaml", hint)


def check_entities(corpus: Corpus) -> Iterator[Problem]:
    for entity in corpus.entities.entities.values():
        for index, parent in enumerate(entity.part_of):
            loc = entity.locs.get(f"part_of.{index}", entity.loc)
            if (problem := _unknown_entity(corpus, parent, loc, "part_of entity")) is not None:
                yield problem
    for name in corpus.entities.cycles():
        entity = corpus.entities.entities[name]
        yield PartOfCycle.problem(entity.locs.get("part_of", entity.loc),
                                  f"'{name}' is, through part_of, part of itself",
                                  "remove one part_of link of the cycle")


def check_proposition_object(corpus: Corpus, prop: Proposition) -> Iterator[Problem]:
    if prop.object is not None and (
            problem := _unknown_entity(corpus, prop.object, prop.locs.get("object", prop.loc), "object")):
        yield problem


def check_article(corpus: Corpus, article: Article) -> Iterator[Problem]:
    if article.outlet and (
            problem := _unknown_entity(corpus, article.outlet, article.locs.get("outlet", article.loc), "outlet")):
        yield problem


def check_claim_names(corpus: Corpus, claim: Claim) -> Iterator[Problem]:
    known = corpus.entities
    if "entities" not in corpus.registries_read or (
            (claim.claimant is None or claim.claimant in known)
            and all(name in known for name in claim.via)
            and (claim.scope is None or claim.scope in known)):
        return  # the common case, without the places of names that are all known (see _unknown_entity)
    for name, loc, role in _claim_names(claim):
        if (problem := _unknown_entity(corpus, name, loc, role)) is not None:
            yield problem


def claim_proposition(corpus: Corpus, claim: Claim) -> Generator[Problem, None, Proposition | None]:
    """Yield a problem for an unknown proposition; return the claim's proposition (None if unknown)."""
    prop = corpus.propositions.get(claim.proposition)
    if prop is None and ("propositions" not in corpus.registries_read
                         or claim.proposition in corpus.declared_propositions):
        return None  # propositions.yaml, or this proposition, is broken: reported there
    if prop is None and claim.proposition == F.PROPOSITION_PLACEHOLDER:
        yield UnknownProposition.problem(
            claim.loc_of("proposition"), f"no proposition chosen for '{claim.id}' ({F.PROPOSITION_PLACEHOLDER} is "
            "the placeholder `hirel suggest` writes)",
            "replace it with a key of propositions.yaml; the comment beside it names the closest"
            if corpus.propositions else
            "propositions.yaml declares no proposition yet: add the one this claim answers, then put its key here")
        return None
    if prop is None:
        close = suggest(claim.proposition, corpus.propositions)
        yield UnknownProposition.problem(
            claim.loc_of("proposition"), f"unknown proposition '{claim.proposition}'",
            f"did you mean '{close[0]}'?" if close else "add it to propositions.yaml")
    return prop


def _claim_names(claim: Claim) -> Iterator[tuple[str, Loc, str]]:
    if claim.claimant is not None:
        yield claim.claimant, claim.loc_of("claimant"), "claimant"
    for index, name in enumerate(claim.via):
        yield name, claim.locs.get(f"via.{index}", claim.loc_of("via")), "via entity"
    if claim.scope is not None:
        yield claim.scope, claim.loc_of("scope"), "scope"


def orphan_problems(root: Path, article_id: str, shown: str, loaded_articles: Any) -> list[Problem]:
    """OrphanClaims for a claims file with no article (``loaded_articles``: the ids read)."""
    # An article that exists but could not be read is reported on its own file, not as missing.
    if article_id in loaded_articles or (root / "articles" / f"{article_id}.md").is_file():
        return []
    close = suggest(article_id, loaded_articles)
    return [OrphanClaims.problem(
        Loc(shown), f"no article 'articles/{article_id}.md' for this claims file",
        f"did you mean '{close[0]}.yaml'?" if close else f"add data/articles/{article_id}.md")]


def unknown_topic_problems(prop_id: str, values: dict[str, Any], locs: dict[str, Loc],
                           topics: Mapping[str, Any]) -> list[Problem]:
    """UnknownTopic for a proposition (its fields as read) whose topic is not in ``topics``."""
    if "topic" not in values or values["topic"] in topics:
        return []
    close = suggest(values["topic"], topics)
    return [UnknownTopic.problem(
        locs["topic"], f"proposition '{prop_id}' has the unknown topic '{values['topic']}'",
        f"did you mean '{close[0]}'?" if close else "add it under topics:")]
