"""The verdict engine, as a table of pairs.

Every expected verdict and every expected fragment of an explanation below is worked out by
hand from the contract (data-format.md, "Comparison semantics") and from the documented
formatting of `figures.format_interval` ('$360M/yr', '$90M–$110M/yr', '≥ $25M/yr', '≤ $5M',
per-month as '/mo', dates as '2012', '2019-07', 'since 2017') and `periods.format_period`
('2020', '2014–2020', 'since 2017', 'unknown').
"""

from __future__ import annotations

import dataclasses
import itertools
from datetime import date

import pytest

from hirel.comparing.entities import EntityIndex
from hirel.comparing.verdicts import (
    VERDICTS,
    ComparableClaim,
    compare_claims,
    count_by_verdict,
    exceeds,
    verdict_for,
)
from hirel.model import Entity, Finding, Interval, Loc, Period, Proposition

LOC = Loc("data/entities.yaml")
M = 1e6
ANY_PERIOD = Period()  # unknown start and end: overlaps every period


def _entity(name: str, aliases: tuple[str, ...] = (), part_of: tuple[str, ...] = ()) -> Entity:
    return Entity(name=name, aliases=aliases, part_of=part_of, loc=LOC)


ENTITIES = EntityIndex(
    [
        _entity("Palestinian militant groups"),
        _entity("Hamas", ("Islamic Resistance Movement",), ("Palestinian militant groups",)),
        _entity(
            "Izz ad-Din al-Qassam Brigades",
            ("Qassam Brigades", "al-Qassam Brigades"),
            ("Hamas",),
        ),
        _entity("Hezbollah"),
        _entity("U.S. government"),
        _entity("U.S. Department of State", ("State Department",), ("U.S. government",)),
        _entity("Biden administration", (), ("U.S. government",)),
        _entity("Reuters"),
        _entity("Al-Monitor"),
        _entity("The Wall Street Journal", ("WSJ",)),
        _entity("unnamed Hamas source"),
    ]
)


def _proposition(kind: str, unit: str | None, obj: str | None, changes: bool) -> Proposition:
    return Proposition(
        id=f"p-{kind}",
        topic="t",
        text="…",
        kind=kind,
        unit=unit,
        object=obj,
        changes_over_time=changes,
        loc=LOC,
    )


FUNDING = _proposition("quantity", "USD/year", "Hamas", True)  # changes over time
FIXED = _proposition("quantity", "USD/year", "Hamas", False)  # a fact about a fixed thing
STANCE = _proposition("stance", None, None, False)
STANCE_SCOPED = _proposition("stance", None, "Hamas", True)
DATE = _proposition("date", "date", "Hamas", False)


def years(first: int, last: int | None = None) -> Period:
    return Period(date(first, 1, 1), date(last or first, 12, 31))


def since(year: int) -> Period:
    return Period(date(year, 1, 1), None)


def claim(
    claim_id: str,
    *,
    origin: str = "Reuters",
    scope: str | None = "Hamas",
    value: tuple[float | None, float | None] | None = None,
    unit: str = "USD/year",
    original: Interval | None = None,
    stance: str | None = None,
    period: Period = ANY_PERIOD,
    certainty: str = "certain",
    via: tuple[str, ...] = (),
    label: str = "",
) -> ComparableClaim:
    """Build a claim the way the loader does: names resolved through the entity index."""
    canonical_scope = ENTITIES.resolve(scope) if scope else None
    canonical_origin = ENTITIES.resolve(origin) or origin
    interval = Interval(value[0], value[1], unit) if value is not None else None
    return ComparableClaim(
        claim_id=claim_id,
        origin=canonical_origin,
        scope=canonical_scope,
        period=period,
        stance=stance,
        interval=interval,
        original=original,
        certainty=certainty,
        via=via,
        claimant_label=label or canonical_origin,
    )


def exact(x: float) -> tuple[float, float]:
    return (x, x)


def day(y: int, m: int = 1, d: int = 1) -> int:
    return date(y, m, d).toordinal()


def year_span(first: int, last: int | None = None) -> tuple[float, float]:
    return (day(first), day(last or first, 12, 31))


def on(value: tuple[float | None, float | None], **kw: object) -> dict:
    return {"value": value, **kw}


MONTHLY_30M = Interval(30 * M, 30 * M, "USD/month")
EUR_20M = Interval(20 * M, 20 * M, "EUR/year")
STATE = {"origin": "State Department"}  # an alias: resolves to U.S. Department of State

# (id, proposition, claim a, claim b, verdict, fragments the explanation must contain)
CASES = [
    # --- agreement and contradiction on one scope -----------------------------------------
    (
        "exact-same-figure-agree",
        FUNDING,
        claim("a", value=exact(100 * M)),
        claim("b", value=exact(100 * M), **STATE),
        "agreement",
        ["$100M/yr", "Reuters", "U.S. Department of State", "independent"],
    ),
    (
        "two-percent-apart-contradict",  # points 2M apart (written precision: test_precision_and_changes.py)
        FUNDING,
        claim("a", value=exact(100 * M)),
        claim("b", value=exact(102 * M), **STATE),
        "contradiction",
        ["$100M/yr", "$102M/yr", "do not overlap"],
    ),
    (
        "ten-percent-apart-contradict",
        FUNDING,
        claim("a", value=exact(100 * M)),
        claim("b", value=exact(110 * M), **STATE),
        "contradiction",
        ["$100M/yr (per Reuters)", "$110M/yr (per U.S. Department of State)", "for Hamas"],
    ),
    (
        "overlapping-ranges-agree",
        FUNDING,
        claim("a", value=(90 * M, 110 * M)),
        claim("b", value=(105 * M, 120 * M), **STATE),
        "agreement",
        ["$90M–$110M/yr", "$105M–$120M/yr"],
    ),
    (
        "disjoint-ranges-contradict",
        FUNDING,
        claim("a", value=(10 * M, 100 * M)),
        claim("b", value=(150 * M, 350 * M), **STATE),
        "contradiction",
        ["$10M–$100M/yr", "$150M–$350M/yr", "the figures do not overlap"],
    ),
    (
        "at-least-vs-at-most-overlap",
        FUNDING,
        claim("a", value=(50 * M, None)),
        claim("b", value=(None, 60 * M), **STATE),
        "consistent",
        ["≥ $50M/yr", "≤ $60M/yr"],
    ),
    (
        "at-least-vs-at-most-disjoint",
        FUNDING,
        claim("a", value=(50 * M, None)),
        claim("b", value=(0, 40 * M), **STATE),
        "contradiction",
        ["≥ $50M/yr", "≤ $40M/yr"],
    ),
    (
        "two-lower-bounds-consistent",
        FUNDING,
        claim("a", value=(25 * M, None)),
        claim("b", value=(300 * M, None), **STATE),
        "consistent",
        ["≥ $25M/yr", "≥ $300M/yr"],
    ),
    (
        "unbounded-overlaps-everything",
        FUNDING,
        claim("a", value=(None, None)),
        claim("b", value=exact(360 * M), **STATE),
        "consistent",
        ["any value", "$360M/yr"],
    ),
    (
        "monthly-rate-shown-with-original",
        FUNDING,
        claim("a", value=exact(360 * M), original=MONTHLY_30M, origin="Al-Monitor"),
        claim("b", value=exact(100 * M), **STATE),
        "contradiction",
        ["$360M/yr (from $30M/mo, per Al-Monitor)", "$100M/yr (per U.S. Department of State)"],
    ),
    (
        "original-in-same-unit-not-repeated",
        FUNDING,
        claim("a", value=exact(100 * M), original=Interval(100 * M, 100 * M, "USD/year")),
        claim("b", value=exact(100 * M), **STATE),
        "agreement",
        ["$100M/yr (per Reuters)"],
    ),
    # --- origins ---------------------------------------------------------------------------
    (
        "same-claimant-two-articles-same-origin",
        FUNDING,
        claim("a", value=exact(100 * M), **STATE),
        claim("b", value=(90 * M, 110 * M), origin="U.S. Department of State"),
        "same-origin",
        ["both from U.S. Department of State", "a repeat, not a corroboration", "$90M–$110M/yr"],
    ),
    (
        "claimant-part-of-other-claimant-same-origin",
        FUNDING,
        claim("a", value=exact(100 * M), **STATE),
        claim("b", value=exact(100 * M), origin="U.S. government"),
        "same-origin",
        ["both from U.S. government (U.S. Department of State is part of it)"],
    ),
    (
        "whole-claimant-first-same-origin",
        FUNDING,
        claim("a", value=exact(100 * M), origin="U.S. government"),
        claim("b", value=exact(100 * M), **STATE),
        "same-origin",
        ["both from U.S. government (U.S. Department of State is part of it)"],
    ),
    (
        "sibling-claimants-are-independent",  # both part of the U.S. government, neither of the other
        FUNDING,
        claim("a", value=exact(100 * M), **STATE),
        claim("b", value=exact(100 * M), origin="Biden administration"),
        "agreement",
        ["U.S. Department of State", "Biden administration"],
    ),
    (
        "same-origin-still-contradicts",
        FUNDING,
        claim("a", value=exact(100 * M), **STATE),
        claim("b", value=exact(300 * M), **STATE),
        "contradiction",
        ["$100M/yr", "$300M/yr", "the same source contradicts itself"],
    ),
    (
        "unresolvable-claimant-compared-by-raw-name",
        FUNDING,
        claim("a", value=exact(100 * M), origin="Some Blog"),
        claim("b", value=exact(100 * M), origin="Some Blog"),
        "same-origin",
        ["both from Some Blog"],
    ),
    # --- units -----------------------------------------------------------------------------
    (
        "other-currency-unrelated",
        FUNDING,
        claim("a", value=None, original=EUR_20M),
        claim("b", value=exact(100 * M), **STATE),
        "unrelated",
        ["units cannot be compared: EUR/year", "USD/year"],
    ),
    (
        "both-unconvertible-unrelated",
        FUNDING,
        claim("a", value=None, original=EUR_20M),
        claim("b", value=None, original=EUR_20M, **STATE),
        "unrelated",
        ["units cannot be compared"],
    ),
    (
        "unreadable-value-unrelated",
        FUNDING,
        claim("a", value=None, original=None),
        claim("b", value=exact(100 * M), **STATE),
        "unrelated",
        ["no value to compare", "Reuters"],
    ),
    # --- scopes ----------------------------------------------------------------------------
    (
        "unnested-scopes-unrelated",
        FUNDING,
        claim("a", value=exact(100 * M)),
        claim("b", value=exact(700 * M), scope="Hezbollah", **STATE),
        "unrelated",
        ["scopes Hamas and Hezbollah are not nested", "$700M/yr"],
    ),
    (
        "unspecified-vs-named-scope-unrelated",
        FUNDING,
        claim("a", value=exact(100 * M), scope=None),
        claim("b", value=exact(100 * M), **STATE),
        "unrelated",
        ["are not nested"],
    ),
    (
        "both-scopes-unspecified-compared",
        FUNDING,
        claim("a", value=exact(100 * M), scope=None),
        claim("b", value=exact(300 * M), scope=None, **STATE),
        "contradiction",
        ["$100M/yr", "$300M/yr"],
    ),
    (
        "scope-alias-is-the-same-scope",
        FUNDING,
        claim("a", value=exact(100 * M), scope="Islamic Resistance Movement"),
        claim("b", value=exact(300 * M), **STATE),
        "contradiction",
        ["for Hamas"],
    ),
    (
        "part-exceeds-whole",
        FUNDING,
        claim("a", value=exact(360 * M), original=MONTHLY_30M),
        claim("b", value=(90 * M, 110 * M), scope="Palestinian militant groups", **STATE),
        "contradiction",
        [
            "part exceeds whole",
            "$360M/yr (from $30M/mo, per Reuters) for Hamas",
            "$90M–$110M/yr (per U.S. Department of State) for Palestinian militant groups",
            "of which Hamas is a part",
        ],
    ),
    (
        "whole-first-part-exceeds-whole",
        FUNDING,
        claim("a", value=exact(100 * M), scope="Palestinian militant groups", **STATE),
        claim("b", value=exact(360 * M)),
        "contradiction",
        ["part exceeds whole: $360M/yr (per Reuters) for Hamas", "of which Hamas is a part"],
    ),
    (
        "part-below-whole-compatible",
        FUNDING,
        claim("a", value=exact(50 * M)),
        claim("b", value=exact(100 * M), scope="Palestinian militant groups", **STATE),
        "compatible",
        ["$50M/yr", "$100M/yr", "of which Hamas is a part"],
    ),
    (
        "whole-first-part-below-whole-compatible",
        FUNDING,
        claim("a", value=exact(100 * M), scope="Palestinian militant groups", **STATE),
        claim("b", value=exact(50 * M)),
        "compatible",
        ["of which Hamas is a part"],
    ),
    (
        "part-equal-whole-compatible",
        FUNDING,
        claim("a", value=exact(100 * M)),
        claim("b", value=exact(100 * M), scope="Palestinian militant groups", **STATE),
        "compatible",
        [],
    ),
    (
        "part-above-whole-beyond-tolerance-contradicts",
        FUNDING,
        claim("a", value=exact(110 * M)),
        claim("b", value=exact(100 * M), scope="Palestinian militant groups", **STATE),
        "contradiction",
        ["$110M/yr", "$100M/yr", "part exceeds whole"],
    ),
    (
        "part-range-reaching-above-whole-compatible",  # not *certainly* above
        FUNDING,
        claim("a", value=(50 * M, 150 * M)),
        claim("b", value=exact(100 * M), scope="Palestinian militant groups", **STATE),
        "compatible",
        ["$50M–$150M/yr"],
    ),
    (
        "part-at-least-below-whole-compatible",
        FUNDING,
        claim("a", value=(25 * M, None)),
        claim("b", value=exact(100 * M), scope="Palestinian militant groups", **STATE),
        "compatible",
        ["≥ $25M/yr"],
    ),
    (
        "whole-open-above-compatible",
        FUNDING,
        claim("a", value=exact(360 * M)),
        claim("b", value=(50 * M, None), scope="Palestinian militant groups", **STATE),
        "compatible",
        ["≥ $50M/yr"],
    ),
    (
        "transitive-part-exceeds-whole",  # Qassam ⊂ Hamas ⊂ Palestinian militant groups
        FUNDING,
        claim("a", value=exact(360 * M), scope="Qassam Brigades"),
        claim("b", value=exact(100 * M), scope="Palestinian militant groups", **STATE),
        "contradiction",
        ["for Izz ad-Din al-Qassam Brigades", "of which Izz ad-Din al-Qassam Brigades is a part"],
    ),
    (
        "transitive-part-below-whole-compatible",
        FUNDING,
        claim("a", value=exact(20 * M), scope="al-Qassam Brigades"),
        claim("b", value=exact(100 * M), scope="Palestinian militant groups", **STATE),
        "compatible",
        ["$20M/yr", "of which Izz ad-Din al-Qassam Brigades is a part"],
    ),
    (
        "nested-same-origin-part-exceeds-whole",
        FUNDING,
        claim("a", value=exact(360 * M), **STATE),
        claim("b", value=exact(100 * M), scope="Palestinian militant groups", **STATE),
        "contradiction",
        ["part exceeds whole", "the same source contradicts itself"],
    ),
    (
        "nested-same-origin-consistent-stays-compatible",
        FUNDING,
        claim("a", value=exact(50 * M), **STATE),
        claim("b", value=exact(100 * M), scope="Palestinian militant groups", **STATE),
        "compatible",
        [],
    ),
    # --- periods ---------------------------------------------------------------------------
    (
        "disjoint-periods-change-over-time",
        FUNDING,
        claim("a", value=exact(100 * M), period=years(2018)),
        claim("b", value=exact(300 * M), period=years(2023), **STATE),
        "different-period",
        ["periods 2018 and 2023 do not overlap", "$100M/yr", "$300M/yr"],
    ),
    (
        "disjoint-periods-even-when-figures-agree",
        FUNDING,
        claim("a", value=exact(100 * M), period=years(2014, 2016)),
        claim("b", value=exact(100 * M), period=years(2020), **STATE),
        "different-period",
        ["periods 2014–2016 and 2020 do not overlap"],
    ),
    (
        "disjoint-periods-fixed-fact-contradicts",
        FIXED,
        claim("a", value=exact(100 * M), period=years(2018)),
        claim("b", value=exact(300 * M), period=years(2023), **STATE),
        "contradiction",
        ["$100M/yr", "$300M/yr"],
    ),
    (
        "disjoint-periods-fixed-fact-agrees",
        FIXED,
        claim("a", value=exact(100 * M), period=years(2018)),
        claim("b", value=exact(100 * M), period=years(2023), **STATE),
        "agreement",
        [],
    ),
    (
        "unknown-period-overlaps-everything",
        FUNDING,
        claim("a", value=exact(100 * M)),
        claim("b", value=exact(300 * M), period=years(2023), **STATE),
        "contradiction",
        [],
    ),
    (
        "overlapping-periods-compared",
        FUNDING,
        claim("a", value=exact(100 * M), period=years(2014, 2020)),
        claim("b", value=exact(300 * M), period=years(2020), **STATE),
        "contradiction",
        [],
    ),
    (
        "open-period-after-other",
        FUNDING,
        claim("a", value=exact(100 * M), period=since(2017)),
        claim("b", value=exact(300 * M), period=years(2014, 2016), **STATE),
        "different-period",
        ["periods since 2017 and 2014–2016 do not overlap"],
    ),
    (
        "open-period-overlapping",
        FUNDING,
        claim("a", value=exact(100 * M), period=since(2017)),
        claim("b", value=exact(100 * M), period=years(2020), **STATE),
        "agreement",
        [],
    ),
    (
        "nested-disjoint-periods-change-over-time",  # a part's later figure is no contradiction
        FUNDING,
        claim("a", value=exact(360 * M), period=years(2023)),
        claim(
            "b",
            value=exact(100 * M),
            scope="Palestinian militant groups",
            period=years(2018),
            **STATE,
        ),
        "different-period",
        ["periods 2023 and 2018 do not overlap"],
    ),
    (
        "nested-disjoint-periods-fixed-fact-contradicts",
        FIXED,
        claim("a", value=exact(360 * M), period=years(2023)),
        claim(
            "b",
            value=exact(100 * M),
            scope="Palestinian militant groups",
            period=years(2018),
            **STATE,
        ),
        "contradiction",
        ["part exceeds whole"],
    ),
    # --- stances ---------------------------------------------------------------------------
    (
        "opposite-stances-contradict",
        STANCE,
        claim(
            "wsj",
            scope=None,
            stance="supports",
            origin="unnamed Hamas source",
            via=("The Wall Street Journal",),
        ),
        claim("biden", scope=None, stance="refutes", origin="Biden administration"),
        "contradiction",
        [
            "opposite stances",
            "unnamed Hamas source (via The Wall Street Journal) supports",
            "Biden administration refutes",
        ],
    ),
    (
        "same-stance-agree",
        STANCE,
        claim("a", scope=None, stance="refutes", origin="Biden administration"),
        claim("b", scope=None, stance="refutes", origin="Reuters"),
        "agreement",
        ["Biden administration", "Reuters", "both refute"],
    ),
    (
        "same-stance-same-origin-through-different-outlets",
        STANCE,
        claim("a", scope=None, stance="supports", origin="unnamed Hamas source", via=("WSJ",)),
        claim("b", scope=None, stance="supports", origin="unnamed Hamas source", via=("Reuters",)),
        "same-origin",
        ["both from unnamed Hamas source", "a repeat"],
    ),
    (
        "opposite-stances-same-origin",
        STANCE,
        claim("a", scope=None, stance="supports", **STATE),
        claim("b", scope=None, stance="refutes", **STATE),
        "contradiction",
        ["the same source contradicts itself"],
    ),
    (
        "custom-labels-name-the-claims",
        STANCE,
        claim("a", scope=None, stance="supports", origin="Reuters", label="Reuters wire"),
        claim("b", scope=None, stance="refutes", **STATE, label="the State Department"),
        "contradiction",
        ["Reuters wire supports", "the State Department refutes"],
    ),
    (
        "nested-same-stance-compatible",
        STANCE_SCOPED,
        claim("a", stance="supports", scope="Qassam Brigades"),
        claim("b", stance="supports", **STATE),
        "compatible",
        ["for Izz ad-Din al-Qassam Brigades", "for Hamas"],
    ),
    (
        "nested-opposite-stances-unrelated",
        STANCE_SCOPED,
        claim("a", stance="refutes", scope="Qassam Brigades"),
        claim("b", stance="supports", **STATE),
        "unrelated",
        ["not a contradiction", "Reuters refutes", "U.S. Department of State supports"],
    ),
    (
        "stances-unnested-scopes-unrelated",
        STANCE_SCOPED,
        claim("a", stance="refutes"),
        claim("b", stance="supports", scope="Hezbollah", **STATE),
        "unrelated",
        ["scopes Hamas and Hezbollah are not nested"],
    ),
    (
        "stances-disjoint-periods-change-over-time",
        STANCE_SCOPED,
        claim("a", stance="refutes", period=years(2018)),
        claim("b", stance="supports", period=years(2023), **STATE),
        "different-period",
        ["periods 2018 and 2023 do not overlap"],
    ),
    # --- dates -----------------------------------------------------------------------------
    (
        "same-year-agree",
        DATE,
        claim("a", value=year_span(2012), unit="date"),
        claim("b", value=year_span(2012), unit="date", **STATE),
        "agreement",
        ["2012 (per Reuters)", "the dates overlap"],
    ),
    (
        "month-inside-year-agree",
        DATE,
        claim("a", value=year_span(2012), unit="date"),
        claim("b", value=(day(2012, 6, 1), day(2012, 6, 30)), unit="date", **STATE),
        "agreement",
        ["2012", "2012-06"],
    ),
    (
        "consecutive-years-contradict",  # no rounding tolerance on dates
        DATE,
        claim("a", value=year_span(2012), unit="date"),
        claim("b", value=year_span(2013), unit="date", **STATE),
        "contradiction",
        ["2012 (per Reuters) vs 2013 (per U.S. Department of State)", "the dates do not overlap"],
    ),
    (
        "open-date-overlaps",
        DATE,
        claim("a", value=(day(2017), None), unit="date"),
        claim("b", value=year_span(2019), unit="date", **STATE),
        "consistent",
        ["since 2017", "2019"],
    ),
    (
        "dates-on-nested-scopes-compatible",
        DATE,
        claim("a", value=year_span(1987), unit="date"),
        claim("b", value=year_span(1991), unit="date", scope="Qassam Brigades", **STATE),
        "compatible",
        ["1991", "1987", "of which Izz ad-Din al-Qassam Brigades is a part"],
    ),
    # --- certainty -------------------------------------------------------------------------
    (
        "one-possible-claim",
        FUNDING,
        claim("a", value=exact(100 * M), certainty="possible"),
        claim("b", value=exact(300 * M), **STATE),
        "contradiction",
        ["one claim is only 'possible'"],
    ),
    (
        "both-likely-claims",
        FUNDING,
        claim("a", value=exact(100 * M), certainty="likely"),
        claim("b", value=exact(100 * M), certainty="likely", **STATE),
        "agreement",
        ["both claims are only 'likely'"],
    ),
    (
        "likely-and-possible-claims",
        STANCE,
        claim("a", scope=None, stance="supports", certainty="likely"),
        claim("b", scope=None, stance="supports", certainty="possible", **STATE),
        "agreement",
        ["one claim is only 'likely', the other only 'possible'"],
    ),
]

IDS = [case[0] for case in CASES]


@pytest.mark.parametrize(("name", "proposition", "a", "b", "verdict", "fragments"), CASES, ids=IDS)
def test_verdict_for(name, proposition, a, b, verdict, fragments):
    finding = verdict_for(a, b, proposition, ENTITIES)
    assert finding == Finding(proposition.id, verdict, (a.claim_id, b.claim_id), finding.explanation)
    for fragment in fragments:
        assert fragment in finding.explanation
    assert "\n" not in finding.explanation


@pytest.mark.parametrize(("name", "proposition", "a", "b", "verdict", "fragments"), CASES, ids=IDS)
def test_verdict_does_not_depend_on_order(name, proposition, a, b, verdict, fragments):
    assert verdict_for(b, a, proposition, ENTITIES).verdict == verdict


def test_certain_claims_say_nothing_about_certainty():
    finding = verdict_for(claim("a", value=exact(M)), claim("b", value=exact(M)), FUNDING, ENTITIES)
    assert "only" not in finding.explanation


def test_alias_in_comparable_claim_is_resolved_again():
    # The loader hands canonical names, but an alias slipping through must not change the verdict.
    raw = dataclasses.replace(claim("a", value=exact(360 * M)), scope="Qassam Brigades")
    whole = claim("b", value=exact(100 * M), **STATE)
    assert verdict_for(raw, whole, FUNDING, ENTITIES).verdict == "contradiction"


@pytest.mark.parametrize(
    ("x", "y", "expected"),
    [
        (100.5, 100, False),
        (101, 100, False),
        (102, 100, True),
        (110, 100, True),
        (100, 110, False),
        (0.0, 0.0, False),
    ],
    ids=["half-percent", "one-percent", "two-percent", "ten-percent", "below", "zeros"],
)
def test_exceeds_with_one_percent_tolerance(x, y, expected):
    assert exceeds(x, y, 0.01) is expected


# --------------------------------------------------------------------------- compare_claims


def _mixed_claims() -> list[ComparableClaim]:
    return [
        claim("d-state-100", value=exact(100 * M), **STATE),
        claim("c-reuters-360", value=exact(360 * M), original=MONTHLY_30M),
        claim("b-state-100-again", value=exact(100 * M), **STATE),
        claim("a-hezbollah", value=exact(700 * M), scope="Hezbollah"),
        claim("e-2018", value=exact(100 * M), origin="Al-Monitor", period=years(2018)),
    ]


def test_compare_claims_every_pair_once_in_verdict_order():
    claims = _mixed_claims()
    findings = compare_claims(claims, FUNDING, ENTITIES)
    assert len(findings) == 5 * 4 // 2
    pairs = {frozenset(f.claims) for f in findings}
    assert len(pairs) == 10
    # each pair keeps the input order of its claims
    position = {c.claim_id: i for i, c in enumerate(claims)}
    assert all(position[f.claims[0]] < position[f.claims[1]] for f in findings)
    ranks = [VERDICTS.index(f.verdict) for f in findings]
    assert ranks == sorted(ranks)
    for _verdict, group in itertools.groupby(findings, key=lambda f: f.verdict):
        claim_pairs = [f.claims for f in group]
        assert claim_pairs == sorted(claim_pairs)
    assert all(f.proposition == FUNDING.id for f in findings)


def test_compare_claims_verdicts_by_hand():
    findings = compare_claims(_mixed_claims(), FUNDING, ENTITIES)
    got = {f.claims: f.verdict for f in findings}
    # d=State 100 (unknown period), c=Reuters 360, b=State 100, a=Hezbollah, e=Al-Monitor 100 in 2018
    assert got == {
        ("d-state-100", "c-reuters-360"): "contradiction",
        ("c-reuters-360", "b-state-100-again"): "contradiction",
        ("c-reuters-360", "e-2018"): "contradiction",  # unknown period overlaps 2018
        ("d-state-100", "e-2018"): "agreement",
        ("b-state-100-again", "e-2018"): "agreement",
        ("d-state-100", "b-state-100-again"): "same-origin",
        ("d-state-100", "a-hezbollah"): "unrelated",
        ("c-reuters-360", "a-hezbollah"): "unrelated",
        ("b-state-100-again", "a-hezbollah"): "unrelated",
        ("a-hezbollah", "e-2018"): "unrelated",
    }
    assert count_by_verdict(findings) == {
        "contradiction": 3,
        "agreement": 2,
        "consistent": 0,
        "compatible": 0,
        "different-period": 0,
        "same-origin": 1,
        "unrelated": 4,
    }


def test_compare_claims_agrees_with_verdict_for():
    claims = _mixed_claims()
    for finding in compare_claims(claims, FUNDING, ENTITIES):
        a, b = (next(c for c in claims if c.claim_id == cid) for cid in finding.claims)
        assert verdict_for(a, b, FUNDING, ENTITIES) == finding


def test_compare_claims_trivial_inputs():
    assert compare_claims([], FUNDING, ENTITIES) == []
    assert compare_claims([claim("only", value=exact(M))], FUNDING, ENTITIES) == []


def test_count_by_verdict_lists_every_verdict_in_display_order():
    counts = count_by_verdict([])
    assert list(counts) == list(VERDICTS)
    assert set(counts.values()) == {0}


def test_verdicts_display_order():
    assert VERDICTS == (
        "contradiction",
        "agreement",
        "consistent",
        "compatible",
        "different-period",
        "same-origin",
        "unrelated",
    )
