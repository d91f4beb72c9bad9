"""HR4xx, claim semantics: what a claim gives fits its proposition's kind; periods; propositions.

The checks of the values themselves (units, figures, extrapolation) are in `rules/values.py`.
"""

from __future__ import annotations

from collections.abc import Generator, Iterator
from typing import TYPE_CHECKING

from ..model import Claim, Period, Problem, Proposition
from .base import Rule
from .references import check_proposition_object
from .structure import MissingField, WrongType
from .values import BadUnit, ChangeOrLevel, check_value, value_example

if TYPE_CHECKING:
    from ..model import Corpus


class StanceByKind(Rule):
    """`stance` is missing on a stance proposition, or given on a quantity or date proposition.

    FAIL:
        proposition: iran-foreknowledge-oct7      # kind: stance
        quote: "..."

    PASS:
        proposition: iran-foreknowledge-oct7
        quote: "..."
        stance: supports
    """

    code, name = "HR401", "stance-by-kind"


class ValueByKind(Rule):
    """`value` is missing on a quantity or date proposition, or given on a stance proposition.

    FAIL:
        proposition: iran-funding-per-year        # kind: quantity
        quote: "Iran provides about $100 million annually"

    PASS:
        proposition: iran-funding-per-year
        quote: "Iran provides about $100 million annually"
        value: about $100 million per year
    """

    code, name = "HR402", "value-by-kind"


class BadPeriod(Rule):
    """`when` cannot be read as a period.

    Accepted: `YYYY`, `YYYY-MM`, `YYYY-MM-DD`, `START/END`, `START/`, `/END`, and natural
    forms such as `early 1990s`, `mid-2017`, `end 2017`. The end may not precede the start.

    FAIL:
        when: sometime around 2019
        when: 2021/2019

    PASS:
        when: "2019"
        when: 2014/2020
        when: mid-2017
    """

    code, name = "HR403", "bad-period"


def check_propositions(corpus: Corpus) -> Iterator[Problem]:
    from ..values.units import UnitError, parse_unit

    for prop in corpus.propositions.values():
        yield from check_proposition_object(corpus, prop)
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
                                      "a quantity proposition cannot have the unit 'date'", "use kind: date")
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
    from ..values.periods import PeriodError, parse_period

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


def read_period(claim: Claim) -> Generator[Problem, None, Period | None]:
    """Yield a problem for an unreadable `when`; return the period (None if unknown or unreadable)."""
    if claim.when is None:
        return None
    from ..values.periods import PeriodError, parse_period

    try:
        return parse_period(claim.when)
    except PeriodError as exc:
        yield BadPeriod.problem(claim.loc_of("when"), str(exc),
                                "write e.g. 2019, 2019-07, 2019-07-22, 2014/2020, 2017/ or mid-2017")
        return None


def check_kind(claim: Claim, prop: Proposition, period: Period | None) -> Iterator[Problem]:
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
    yield from check_value(claim, prop, period)
