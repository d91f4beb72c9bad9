"""Verdicts: the behaviour that the mutants of `hirel.comparing.verdicts` showed untested.

Explanations are written out by hand from the rules of src/hirel/comparing/verdicts.py's
docstring (a running total "as of" the days of `relations.as_of`), like `test_mutation_gaps`.
"""

from __future__ import annotations

import dataclasses
from datetime import date

import pytest

from hirel.comparing.verdicts import ComparableClaim, verdict_for
from hirel.model import Period
from test_mutation_gaps import TOTAL, _count, _day
from test_verdicts import ENTITIES, STANCE

SEPTEMBER = Period(date(2020, 9, 1), date(2020, 9, 30))  # as of some day of September 2020
PLAIN = "2,000 (per Reuters) vs 1,500 (per Al-Monitor) for Hamas: the figures do not overlap"


def test_a_comparable_claim_built_without_a_certainty_is_certain_and_frozen():
    claim = ComparableClaim(claim_id="a", origin="Reuters", scope=None, period=Period(), stance="supports",
                            interval=None)
    assert claim.certainty == "certain"
    with pytest.raises(dataclasses.FrozenInstanceError):
        claim.certainty = "likely"  # type: ignore[misc]
    # certain claims get no certainty note
    other = dataclasses.replace(claim, claim_id="b", origin="Al-Monitor", scope="Hamas")
    finding = verdict_for(dataclasses.replace(claim, scope="Hamas"), other, STANCE, ENTITIES)
    assert (finding.verdict, finding.explanation) == (
        "agreement", "same stance on Hamas: Reuters and Al-Monitor both support, independently")


@pytest.mark.parametrize(("a_period", "b_period"), [
    (SEPTEMBER, _day(2020, 9, 30)),  # the month's last day: could be the same day
    (SEPTEMBER, _day(2020, 9, 15)),
    (_day(2020, 9, 15), SEPTEMBER),
    (_day(2020, 9, 1), SEPTEMBER),  # the month's first day
])
def test_totals_that_may_be_of_the_same_day_are_a_plain_pair(a_period, b_period):
    # A total as of September and one as of a day of September may be of the same day: the
    # running-total rule (a later total below an earlier one) does not apply; the figures are
    # compared as they are, and 2,000 and 1,500 do not overlap.
    a = _count("a", 2000, period=a_period)
    b = _count("b", 1500, period=b_period, origin="Al-Monitor")
    finding = verdict_for(a, b, TOTAL, ENTITIES)
    assert (finding.verdict, finding.explanation) == ("contradiction", PLAIN)


def test_a_total_as_of_the_day_after_the_month_is_later():
    # the month is written as `format_period` writes one: 2020-09
    a = _count("a", 2000, period=SEPTEMBER)
    b = _count("b", 1500, period=_day(2020, 10, 1), origin="Al-Monitor")
    finding = verdict_for(a, b, TOTAL, ENTITIES)
    assert (finding.verdict, finding.explanation) == ("contradiction", (
        "a running total for Hamas cannot fall: 2,000 (per Reuters) by 2020-09 vs 1,500 (per Al-Monitor) "
        "by 2020-10-01"))


def test_a_running_total_without_a_scope():
    a = _count("a", 2000, period=_day(2020, 3, 5), scope=None)
    b = _count("b", 1500, period=_day(2020, 3, 6), scope=None, origin="Al-Monitor")
    finding = verdict_for(a, b, TOTAL, ENTITIES)
    assert (finding.verdict, finding.explanation) == ("contradiction", (
        "a running total cannot fall: 2,000 (per Reuters) by 2020-03-05 vs 1,500 (per Al-Monitor) by 2020-03-06"))
    grows = verdict_for(dataclasses.replace(a, period=_day(2020, 3, 7)), b, TOTAL, ENTITIES)
    assert (grows.verdict, grows.explanation) == ("different-period", (
        "a running total can grow: 1,500 (per Al-Monitor) by 2020-03-06 and 2,000 (per Reuters) by 2020-03-07 "
        "can both be true"))
