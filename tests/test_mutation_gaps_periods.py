"""periods: forms and refusals no other test pinned (found by mutation testing, docs/development.md).
Every span was worked out on a calendar from docs/values.md ("Dates"); every message is the one
`PeriodError` writes, "cannot read the period '<text>': <reason>", with the reason of the module."""

from __future__ import annotations

from datetime import date

import pytest

from hirel.values.periods import PeriodError, parse_period

D = date


@pytest.mark.parametrize(("raw", "start", "end"), [
    # every ordinal a quarter or a half is written with (`_ORDINALS`)
    ("first quarter of 2020", D(2020, 1, 1), D(2020, 3, 31)),
    ("second quarter of 2020", D(2020, 4, 1), D(2020, 6, 30)),
    ("third quarter of 2020", D(2020, 7, 1), D(2020, 9, 30)),
    ("fourth quarter of 2020", D(2020, 10, 1), D(2020, 12, 31)),
    ("1st quarter 2020", D(2020, 1, 1), D(2020, 3, 31)),
    ("2nd quarter of 2020", D(2020, 4, 1), D(2020, 6, 30)),
    ("3rd quarter of 2020", D(2020, 7, 1), D(2020, 9, 30)),
    ("4th quarter of 2020", D(2020, 10, 1), D(2020, 12, 31)),
    ("second half of 2020", D(2020, 7, 1), D(2020, 12, 31)),
    ("2nd half of 2020", D(2020, 7, 1), D(2020, 12, 31)),
    ("1st half 2020", D(2020, 1, 1), D(2020, 6, 30)),
    # the parts of a decade: early 0–3, mid 4–6 ("middle" too), late 7–9
    ("middle of the 1990s", D(1994, 1, 1), D(1996, 12, 31)),
    ("mid-1990s", D(1994, 1, 1), D(1996, 12, 31)),
    ("late 1990s", D(1997, 1, 1), D(1999, 12, 31)),
    # a spaced hyphen between two dates that are not bare years
    ("March 2019 - June 2019", D(2019, 3, 1), D(2019, 6, 30)),
    ("2017-04 - 2017-09", D(2017, 4, 1), D(2017, 9, 30)),
    # a typographic hyphen (not a range dash) is a hyphen: U+2010 and the non-breaking U+2011
    ("mid\u20102017", D(2017, 5, 1), D(2017, 8, 31)),
    ("2019\u201107", D(2019, 7, 1), D(2019, 7, 31)),
    # a range may start and end on the same day
    ("2019-07-22/2019-07-22", D(2019, 7, 22), D(2019, 7, 22)),
    ("2019-07-22 to 2019-07-22", D(2019, 7, 22), D(2019, 7, 22)),
])
def test_span(raw, start, end):
    period = parse_period(raw)
    assert (period.start, period.end, period.text) == (start, end, raw)


@pytest.mark.parametrize(("raw", "reason"), [
    ("winter 2019", "winter spans two years; write both, like 'winter 2019/20', or use START/END"),
    ("winter 2019/21", "a winter runs from one year into the next (e.g. 'winter 2019/20')"),
    ("2017/2018/2019", "an interval has one '/', between START and END"),
    ("/", "both sides of '/' are empty; leave 'when' out if the period is unknown"),
    (True, "a yes/no value is not a period"),
    ("\u20132020", "a range has one dash, between START and END"),
    ("2020\u2013", "a range has one dash, between START and END"),
    ("2014\u20132017\u20132020", "a range has one dash, between START and END"),
])
def test_refused_with_the_whole_reason(raw, reason):
    with pytest.raises(PeriodError) as caught:
        parse_period(raw)
    assert caught.value.reason == reason
    assert str(caught.value) == f"cannot read the period '{raw}': {reason}"
