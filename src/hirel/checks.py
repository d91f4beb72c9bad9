"""Checks that need the whole corpus: references, claim semantics, values, quotes.

Each check is a generator of Problems over a loaded Corpus; `run_checks` chains them.
"""

from __future__ import annotations

from typing import Generator, Iterator

from .anchoring import MAX_FUZZY_QUOTE, MIN_HINT_SCORE, ArticleText
from .entities import suggest
from .loader import Corpus
from .model import Article, Claim, Loc, Period, Problem, Proposition
from .written import as_written
from .rules import (
    AmbiguousQuote, BadPeriod, BadUnit, ChangeOrLevel, Extrapolation, FigureNotInQuote, IncompatibleUnit, MissingField, OtherCurrency,
    PartOfCycle, QuoteNotFound, StanceByKind, UnknownEntity, UnknownProposition, UnreadableValue, ValueByKind,
    WrongType,
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
        if prop.measures == "change" and prop.kind != "quantity":
            yield ChangeOrLevel.problem(prop.locs.get("measures", prop.loc),
                                        f"a {prop.kind} proposition does not measure a change",
                                        "remove measures: change, or make it a quantity proposition")
        yield from _check_running_total(prop)


def _check_running_total(prop: Proposition) -> Iterator[Problem]:
    """`cumulative` is for figures (a running total); `since` only says where one starts."""
    from .periods import PeriodError, parse_period

    if prop.cumulative and prop.kind != "quantity":
        yield WrongType.problem(prop.locs.get("cumulative", prop.loc),
                                f"only a quantity proposition can be cumulative ('{prop.id}' is a {prop.kind} "
                                "proposition)", "remove cumulative: true")
    if prop.since is None:
        return
    loc = prop.locs.get("since", prop.loc)
    if not prop.cumulative:
        yield MissingField.problem(loc, f"proposition '{prop.id}' has 'since' but is not cumulative",
                                   "add cumulative: true (a running total), or remove since")
    try:
        parse_period(prop.since)
    except PeriodError as exc:
        yield BadPeriod.problem(loc, str(exc), "write where the count starts, e.g. since: 2017")


def check_articles(corpus: Corpus) -> Iterator[Problem]:
    for article in corpus.articles.values():
        yield from check_article(corpus, article)


def check_article(corpus: Corpus, article: Article) -> Iterator[Problem]:
    if article.outlet and (
            problem := _unknown_entity(corpus, article.outlet, article.locs.get("outlet", article.loc), "outlet")):
        yield problem


def check_claims(corpus: Corpus) -> Iterator[Problem]:
    for claim in corpus.claims.values():
        yield from check_claim(corpus, claim)


def check_claim(corpus: Corpus, claim: Claim) -> Iterator[Problem]:
    """The problems of one claim against the registries: names, period, proposition, value."""
    for name, loc, role in _claim_names(claim):
        if (problem := _unknown_entity(corpus, name, loc, role)) is not None:
            yield problem
    period = yield from _read_period(claim)
    prop = corpus.propositions.get(claim.proposition)
    if prop is None and ("propositions" not in corpus.registries_read
                         or claim.proposition in corpus.declared_propositions):
        return  # propositions.yaml, or this proposition, is broken: reported there
    if prop is None:
        close = suggest(claim.proposition, corpus.propositions)
        yield UnknownProposition.problem(
            claim.loc_of("proposition"), f"unknown proposition '{claim.proposition}'",
            f"did you mean '{close[0]}'?" if close else "add it to propositions.yaml")
        return
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
        example = value_example(prop)
        yield ValueByKind.problem(claim.loc, f"claim '{claim.id}' on the {prop.kind} proposition '{prop.id}' "
                                             "has no value", f"add e.g. value: {example}")
        return
    yield from _check_value(claim, prop, period)


def _word_loc(loc: Loc, exc: Exception) -> Loc:
    """The place of the refused word itself when the value is written on its line as read
    (plain or quoted); else the value's place. Only read on an error."""
    word, position = getattr(exc, "word", None), getattr(exc, "position", None)
    if not word or position is None:
        return loc
    try:
        with open(loc.path, encoding="utf-8") as handle:
            for number, line in enumerate(handle, 1):
                if number == loc.line:
                    break
            else:
                return loc
    except (OSError, UnicodeDecodeError):
        return loc
    start = loc.column - 1 + (1 if line[loc.column - 1:loc.column] in ("'", '"') else 0) + position
    if line[start:start + len(word)] == word:
        return Loc(loc.path, loc.line, start + 1)
    return loc


# A total over less than half the rate's period (scaled up ×2 or more) is warned about (HR410);
# a total over ten months as a yearly rate (×1.2) is a fair approximation, noted in the steps only.
EXTRAPOLATION_WARNING = 2.0


def value_example(prop: Proposition) -> str:
    """A value that fits the proposition, for a hint: a date, a change, or a figure in its unit
    ('about $100 million per year' for USD/year, 'about 9,000' for count, 'about 30%' for percent)."""
    from .units import UnitError, parse_unit

    if prop.kind == "date":
        return "mid-2017"
    if getattr(prop, "measures", None) == "change":
        return "up about 20%"
    try:
        unit = parse_unit(prop.unit or "count")
    except UnitError:
        return "about 100"
    per = f" per {unit.per}" if unit.per else ""
    if unit.base == "percent":
        return "about 30%" + per
    if unit.base == "count":
        return "about 9,000" + per
    if unit.base == "USD":
        return "about $100 million" + per
    return f"about 100 million {unit.base}{per}"


def _check_value(claim: Claim, prop: Proposition, period: Period | None) -> Iterator[Problem]:
    from .units import ConversionError, UnitError, extrapolation_factor, parse_unit
    from .values.changes import MeasureMismatch
    from .values.quotes import value_figures_in_quote
    from .values.readers import normalize_value, read_value
    from .values.tokens import ValueParseError

    try:
        target = parse_unit("date" if prop.kind == "date" else prop.unit or "")
    except UnitError:
        return  # reported on the proposition
    loc = claim.loc_of("value")
    measures = prop.measures if prop.kind == "quantity" else None
    try:
        normalize_value(claim.value, target, period, measures)
    except MeasureMismatch as exc:
        yield ChangeOrLevel.problem(loc, str(exc), exc.hint)
        return
    except ValueParseError as exc:
        hint = exc.hint or "see how hirel reads it: hirel value \"PHRASE\""
        yield UnreadableValue.problem(_word_loc(loc, exc), str(exc), hint)
        return
    except ConversionError as exc:
        written = read_value(claim.value, expect=target, measures=measures)
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
    if not value_figures_in_quote(claim.value, claim.quote, expect=target):
        yield FigureNotInQuote.problem(loc, f"the figure of '{as_written(claim.value)}' does not appear in the quote",
                                       "check the value against the quote")
    factor = extrapolation_factor(period, target) if target.per else None
    if factor is not None and factor >= EXTRAPOLATION_WARNING and parse_unit(read_value(claim.value, expect=target, measures=measures).unit).per is None:
        yield Extrapolation.problem(
            loc, f"the total '{claim.value}' over {period.text or 'its period'} is scaled up ×{factor:.3g} "  # type: ignore[union-attr]
                 f"into a rate per {target.per}: an extrapolation",
            "if the figure is a total to date, give the whole period it covers in when (e.g. 2023-01/2023-10)")


def check_quotes(corpus: Corpus) -> Iterator[Problem]:
    texts: dict[str, ArticleText] = {}
    for claim in corpus.claims.values():
        yield from check_quote(corpus, claim, texts)


def check_quote(corpus: Corpus, claim: Claim, texts: dict[str, ArticleText]) -> Iterator[Problem]:
    """Whether the claim's quote is in its article, once (``texts``: articles prepared so far)."""
    article = corpus.articles.get(claim.article)
    if article is None:
        return  # the claims file is reported as an orphan
    text = texts.get(article.id)
    if text is None:
        text = texts[article.id] = ArticleText(article.body, article.body_line)
    count = text.count(claim.quote)
    if count == 1:
        return
    loc = claim.loc_of("quote")
    if count > 1:
        shown = list(dict.fromkeys(p.line for p in text.find(claim.quote, limit=10)))
        lines = ", ".join(map(str, shown)) + (", …" if count > 10 else "")
        yield AmbiguousQuote.problem(loc, f"the quote of '{claim.id}' occurs {count} times in "
                                          f"{article.path} (lines {lines})", "lengthen the quote")
        return
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
