"""Explanations: the figure texts and bound words of `hirel.comparing.explain` that no test
asserted whole until a full mutation run of the module.

Each explanation is written out by hand from the rules of `hirel.comparing.verdicts` (step 1:
scopes that are not nested are unrelated, and the pair is shown side by side before any value
is looked at) and the figure texts of `explain._Prepared.figure` ("no comparable value" for a value that could
not be read, "(not convertible)" after one read in another unit).
"""

from __future__ import annotations

import pytest

from hirel.comparing.verdicts import verdict_for
from hirel.model import Interval
from test_verdicts import ENTITIES, FUNDING, claim, exact

M = 1e6
HEZBOLLAH = {"scope": "Hezbollah", "origin": "Al-Monitor"}

CASES = [
    ("unread-value-in-other-scope", FUNDING,
     claim("a"), claim("b", value=exact(100 * M), **HEZBOLLAH),
     "unrelated",
     "scopes Hamas and Hezbollah are not nested: no comparable value (per Reuters) vs $100M/yr (per Al-Monitor)"),
    ("unconvertible-value-in-other-scope", FUNDING,
     claim("a", original=Interval(20 * M, 20 * M, "EUR/year")), claim("b", value=exact(100 * M), **HEZBOLLAH),
     "unrelated",
     ("scopes Hamas and Hezbollah are not nested: €20M/yr (not convertible) (per Reuters) vs $100M/yr "
      "(per Al-Monitor)")),
]


@pytest.mark.parametrize(("name", "proposition", "a", "b", "verdict", "explanation"), CASES,
                         ids=[case[0] for case in CASES])
def test_explanation_whole(name, proposition, a, b, verdict, explanation):
    finding = verdict_for(a, b, proposition, ENTITIES)
    assert (finding.verdict, finding.explanation) == (verdict, explanation)
