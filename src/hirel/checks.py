"""Checks that need the whole corpus: references, claim semantics, values, quotes.

Each check is a generator of Problems over a loaded Corpus; `run_checks` chains them.
"""

from __future__ import annotations

from typing import Generator, Iterator

from .anchoring import MAX_FUZZY_QUOTE, MIN_HINT_SCORE, ArticleText
from .entities import suggest
from .loader import Corpus
from .model import Claim, Loc, Period, Problem, Proposition
from .rules import (
    AmbiguousQuote, BadPeriod, BadUnit, FigureNotInQuote, IncompatibleUnit, MissingField, OtherCurrency,
    PartOfCycle, QuoteNotFound, StanceByKind, UnknownEntity, UnknownProposition, UnreadableValue, ValueByKind,
)


def run_checks(corpus: Corpus) -> Iterator[Problem]:
    yield from check_entities(corpus)
    yield from check_propositions(corpus)
    yield from check_articles(corpus)
    yield from check_claims(corpus)
    yield from check_quotes(corpus)


def _stub(name: str) -> str:
    """A one-line entities.yaml entry for ``name`` (quoted where YAML needs it)."""
    import yaml

    return yaml.safe_dump({name: {}}, default_flow_style=True, allow_unicode=True, width=10_000).strip()[1:-1]


def _unknown_entity(corpus: Corpus, name: str, loc: Loc, role: str) -> Problem | None:
    if name in corpus.entities or "entities" not in corpus.registries_read:
        return None  # known, or entities.yaml is unreadable (reported once, on that file)
    close = suggest(name, corpus.entities.all_names())
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


def check_propositions(corpus: Corpus) -> Iterator[Problem]:
    from .units import UnitError, parse_unit

    for prop in corpus.propositions.values():
        if prop.object is not None and (
                problem := _unknown_entity(corpus, prop.object, prop.locs.get("object", prop.loc), "object")):
            yield problem
        if prop.kind == "quantity":
            if prop.unit is None:
                yield MissingField.problem(prop.loc, f"quantity proposition '{prop.id}' has no 'unit'",
                                           "add e.g. unit: USD/year, percent or count")
                continue
            try:
                unit = parse_unit(prop.unit)
            except UnitError as exc:
                yield BadUnit.problem(prop.locs.get("unit", prop.loc), str(exc),
                                      "write e.g. USD/year, EUR, percent, count or count/month")
                continue
            if unit.base == "date":
                yield BadUnit.problem(prop.locs.get("unit", prop.loc),
                                      f"a quantity proposition cannot have the unit 'date'", "use kind: date")
        elif prop.unit is not None:
            yield BadUnit.problem(prop.locs.get("unit", prop.loc),
                                  f"a {prop.kind} proposition takes no unit (unit: {prop.unit})", "remove the unit")


def check_articles(corpus: Corpus) -> Iterator[Problem]:
    for article in corpus.articles.values():
        if article.outlet and (
                problem := _unknown_entity(corpus, article.outlet, article.locs.get("outlet", article.loc), "outlet")):
            yield problem


def check_claims(corpus: Corpus) -> Iterator[Problem]:
    for claim in corpus.claims.values():
        for name, loc, role in _claim_names(claim):
            if (problem := _unknown_entity(corpus, name, loc, role)) is not None:
                yield problem
        period = yield from _read_period(claim)
        prop = corpus.propositions.get(claim.proposition)
        if prop is None and ("propositions" not in corpus.registries_read
                             or claim.proposition in corpus.declared_propositions):
            continue  # propositions.yaml, or this proposition, is broken: reported there
        if prop is None:
            close = suggest(claim.proposition, corpus.propositions)
            yield UnknownProposition.problem(
                claim.loc_of("proposition"), f"unknown proposition '{claim.proposition}'",
                f"did you mean '{close[0]}'?" if close else "add it to propositions.yaml")
            continue
        yield from _check_kind(claim, prop, period)


def _claim_names(claim: Claim) -> Iterator[tuple[str, Loc, str]]:
    if claim.claimant is not None:
        yield claim.claimant, claim.loc_of("claimant"), "claimant"
    for index, name in enumerate(claim.via):
        yield name, claim.locs.get(f"via.{index}", claim.loc_of("via")), "via entity"
    if claim.scope is not None:
        yield claim.scope, claim.loc_of("scope"), "scope"


def _read_period(claim: Claim) -> Generator[Problem, None, Period | None]:
    """Yield a problem for an unreadable `when`; return the period (None if unknown or unreadable)."""
    from .periods import PeriodError, parse_period

    if claim.when is None:
        return None
    try:
        return parse_period(claim.when)
    except PeriodError as exc:
        yield BadPeriod.problem(claim.loc_of("when"), str(exc),
                                "write e.g. 2019, 2019-07, 2019-07-22, 2014/2020, 2017/ or mid-2017")
        return None


def _check_kind(claim: Claim, prop: Proposition, period: Period | None) -> Iterator[Problem]:
    if prop.kind == "stance":
        if claim.stance is None and "stance" not in claim.locs:  # a refused stance is reported already
            yield StanceByKind.problem(claim.loc, f"claim '{claim.id}' on the stance proposition '{prop.id}' "
                                                  "has no stance", "add stance: supports or stance: refutes")
        if claim.value is not None:
            yield ValueByKind.problem(claim.loc_of("value"), f"claim '{claim.id}' gives a value, but '{prop.id}' "
                                                             "is a stance proposition", "use stance: supports|refutes")
        return
    if claim.stance is not None:
        yield StanceByKind.problem(claim.loc_of("stance"), f"claim '{claim.id}' gives a stance, but '{prop.id}' "
                                                           f"is a {prop.kind} proposition", "remove the stance")
    if claim.value is None:
        if "value" in claim.locs:
            return  # written but refused (wrong type, empty): reported already
        example = "mid-2017" if prop.kind == "date" else "about $100 million per year"
        yield ValueByKind.problem(claim.loc, f"claim '{claim.id}' on the {prop.kind} proposition '{prop.id}' "
                                             "has no value", f"add e.g. value: {example}")
        return
    yield from _check_value(claim, prop, period)


def _check_value(claim: Claim, prop: Proposition, period: Period | None) -> Iterator[Problem]:
    from .units import ConversionError, UnitError, parse_unit
    from .values import ValueParseError, normalize_value, read_value, value_figures_in_quote

    try:
        target = parse_unit("date" if prop.kind == "date" else prop.unit or "")
    except UnitError:
        return  # reported on the proposition
    loc = claim.loc_of("value")
    try:
        normalize_value(claim.value, target, period)
    except ValueParseError as exc:
        yield UnreadableValue.problem(loc, str(exc), "see how hirel reads it: hirel value \"PHRASE\"")
        return
    except ConversionError as exc:
        written = read_value(claim.value, expect=target)
        try:
            unit = parse_unit(written.unit)
        except UnitError:
            unit = None
        if unit is not None and unit.is_currency and target.is_currency and unit.base != target.base:
            yield OtherCurrency.problem(loc, f"{exc}; this claim is not compared by figure")
        else:
            hint = None
            if unit is not None and unit.per is None and target.per is not None and unit.base == target.base:
                hint = "give the period the total covers, e.g. when: 2014/2020"
            yield IncompatibleUnit.problem(loc, str(exc), hint)
        return
    if isinstance(claim.value, str) and not value_figures_in_quote(claim.value, claim.quote, expect=target):
        yield FigureNotInQuote.problem(loc, f"the figure of '{claim.value}' does not appear in the quote",
                                       "check the value against the quote")


def check_quotes(corpus: Corpus) -> Iterator[Problem]:
    texts: dict[str, ArticleText] = {}
    for claim in corpus.claims.values():
        article = corpus.articles.get(claim.article)
        if article is None:
            continue  # the claims file is reported as an orphan
        text = texts.get(article.id)
        if text is None:
            text = texts[article.id] = ArticleText(article.body, article.body_line)
        count = text.count(claim.quote)
        if count == 1:
            continue
        loc = claim.loc_of("quote")
        if count > 1:
            shown = list(dict.fromkeys(p.line for p in text.find(claim.quote, limit=10)))
            lines = ", ".join(map(str, shown)) + (", …" if count > 10 else "")
            yield AmbiguousQuote.problem(loc, f"the quote of '{claim.id}' occurs {count} times in "
                                              f"{article.path} (lines {lines})", "lengthen the quote")
            continue
        best = text.closest(claim.quote)
        if best is not None and best.score >= MIN_HINT_SCORE:
            hint = f"closest passage, line {best.line} (score {best.score:g}): \"{' '.join(best.text.split())}\""
        elif len(claim.quote) > MAX_FUZZY_QUOTE:
            hint = f"quotes over {MAX_FUZZY_QUOTE} characters are not searched approximately; quote less"
        elif not text.searched_in_full(claim.quote):
            hint = ("too long to search: the article is too long to compare with the quote everywhere, and no "
                    "passage around the quote's rarest words is similar; copy the words exactly")
        else:
            hint = "no similar passage in the article; copy the words exactly"
        yield QuoteNotFound.problem(loc, f"the quote of '{claim.id}' is not in {article.path}", hint)
