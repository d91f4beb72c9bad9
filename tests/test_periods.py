"""periods: the `when` grammar. Every span below was worked out on a calendar by hand."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from hirel.model import Interval, Period
from hirel.values.periods import PeriodError, format_period, parse_period, period_to_interval

D = date


@pytest.mark.parametrize(
    "raw, start, end",
    [
        # ISO forms
        pytest.param("2020", D(2020, 1, 1), D(2020, 12, 31), id="year"),
        pytest.param(2020, D(2020, 1, 1), D(2020, 12, 31), id="year-int"),
        pytest.param("2019-07", D(2019, 7, 1), D(2019, 7, 31), id="month"),
        pytest.param("2019-02", D(2019, 2, 1), D(2019, 2, 28), id="february"),
        pytest.param("2020-02", D(2020, 2, 1), D(2020, 2, 29), id="leap-february"),
        pytest.param("2019-7", D(2019, 7, 1), D(2019, 7, 31), id="month-one-digit"),
        pytest.param("2019-07-22", D(2019, 7, 22), D(2019, 7, 22), id="day"),
        pytest.param("2020-02-29", D(2020, 2, 29), D(2020, 2, 29), id="leap-day"),
        pytest.param(D(2019, 7, 22), D(2019, 7, 22), D(2019, 7, 22), id="date-object"),
        pytest.param(datetime(2019, 7, 22, 15, 30), D(2019, 7, 22), D(2019, 7, 22), id="datetime-object"),
        pytest.param("2014/2020", D(2014, 1, 1), D(2020, 12, 31), id="interval-years"),
        pytest.param("2017-04-01/2017-09-30", D(2017, 4, 1), D(2017, 9, 30), id="interval-days"),
        pytest.param("2019-07/2019-09", D(2019, 7, 1), D(2019, 9, 30), id="interval-months"),
        pytest.param("2017/2017", D(2017, 1, 1), D(2017, 12, 31), id="interval-same-year"),
        pytest.param("2014 / 2020", D(2014, 1, 1), D(2020, 12, 31), id="interval-spaces"),
        pytest.param("2017/", D(2017, 1, 1), None, id="open-end"),
        pytest.param("/2019", None, D(2019, 12, 31), id="open-start"),
        pytest.param("2019-07-22/", D(2019, 7, 22), None, id="open-end-day"),
        pytest.param("mid-2017/2019", D(2017, 5, 1), D(2019, 12, 31), id="interval-natural-side"),
        # ranges of years
        pytest.param("2014-2020", D(2014, 1, 1), D(2020, 12, 31), id="years-hyphen"),
        pytest.param("2014–2020", D(2014, 1, 1), D(2020, 12, 31), id="years-en-dash"),
        pytest.param("2014—2020", D(2014, 1, 1), D(2020, 12, 31), id="years-em-dash"),
        pytest.param("2014 - 2020", D(2014, 1, 1), D(2020, 12, 31), id="years-spaced-hyphen"),
        pytest.param("2014 to 2020", D(2014, 1, 1), D(2020, 12, 31), id="years-to"),
        pytest.param("from 2014 to 2020", D(2014, 1, 1), D(2020, 12, 31), id="from-to"),
        pytest.param("between 2014 and 2020", D(2014, 1, 1), D(2020, 12, 31), id="between"),
        pytest.param("2017-04-01–2017-09-30", D(2017, 4, 1), D(2017, 9, 30), id="days-en-dash"),
        pytest.param("2019-07 to 2019-09", D(2019, 7, 1), D(2019, 9, 30), id="months-to"),
        # parts of a year
        pytest.param("early 2017", D(2017, 1, 1), D(2017, 4, 30), id="early"),
        pytest.param("Early 2017", D(2017, 1, 1), D(2017, 4, 30), id="early-capital"),
        pytest.param("mid-2017", D(2017, 5, 1), D(2017, 8, 31), id="mid-hyphen"),
        pytest.param("mid 2017", D(2017, 5, 1), D(2017, 8, 31), id="mid-space"),
        pytest.param("mid–2017", D(2017, 5, 1), D(2017, 8, 31), id="mid-en-dash"),
        pytest.param("middle of 2017", D(2017, 5, 1), D(2017, 8, 31), id="middle-of"),
        pytest.param("late 2017", D(2017, 9, 1), D(2017, 12, 31), id="late"),
        pytest.param("end 2017", D(2017, 11, 1), D(2017, 12, 31), id="end"),
        pytest.param("end of 2017", D(2017, 11, 1), D(2017, 12, 31), id="end-of"),
        pytest.param("the end of 2017", D(2017, 11, 1), D(2017, 12, 31), id="the-end-of"),
        pytest.param("end-2017", D(2017, 11, 1), D(2017, 12, 31), id="end-hyphen"),
        pytest.param("beginning of 2017", D(2017, 1, 1), D(2017, 2, 28), id="beginning-of"),
        pytest.param("start of 2016", D(2016, 1, 1), D(2016, 2, 29), id="start-of-leap"),
        pytest.param("spring 2019", D(2019, 3, 1), D(2019, 5, 31), id="spring"),
        pytest.param("summer 2019", D(2019, 6, 1), D(2019, 8, 31), id="summer"),
        pytest.param("summer of 2019", D(2019, 6, 1), D(2019, 8, 31), id="summer-of"),
        pytest.param("autumn 2019", D(2019, 9, 1), D(2019, 11, 30), id="autumn"),
        pytest.param("fall 2019", D(2019, 9, 1), D(2019, 11, 30), id="fall"),
        pytest.param("winter 2019/20", D(2019, 12, 1), D(2020, 2, 29), id="winter-both-years"),
        pytest.param("winter 2018-2019", D(2018, 12, 1), D(2019, 2, 28), id="winter-full-years"),
        pytest.param("Q1 2020", D(2020, 1, 1), D(2020, 3, 31), id="q1"),
        pytest.param("2020 Q3", D(2020, 7, 1), D(2020, 9, 30), id="year-q3"),
        pytest.param("fourth quarter of 2020", D(2020, 10, 1), D(2020, 12, 31), id="fourth-quarter"),
        pytest.param("H2 2020", D(2020, 7, 1), D(2020, 12, 31), id="h2"),
        pytest.param("first half of 2020", D(2020, 1, 1), D(2020, 6, 30), id="first-half"),
        # decades
        pytest.param("1990s", D(1990, 1, 1), D(1999, 12, 31), id="decade"),
        pytest.param("the 1990s", D(1990, 1, 1), D(1999, 12, 31), id="the-decade"),
        pytest.param("1990's", D(1990, 1, 1), D(1999, 12, 31), id="decade-apostrophe"),
        pytest.param("early 1990s", D(1990, 1, 1), D(1993, 12, 31), id="early-decade"),
        pytest.param("mid-1990s", D(1994, 1, 1), D(1996, 12, 31), id="mid-decade"),
        pytest.param("the mid-1990s", D(1994, 1, 1), D(1996, 12, 31), id="the-mid-decade"),
        pytest.param("late 1990s", D(1997, 1, 1), D(1999, 12, 31), id="late-decade"),
        pytest.param("late 2000s", D(2007, 1, 1), D(2009, 12, 31), id="late-2000s"),
        # named months and days
        pytest.param("January 2020", D(2020, 1, 1), D(2020, 1, 31), id="month-name"),
        pytest.param("Jan 2020", D(2020, 1, 1), D(2020, 1, 31), id="month-abbr"),
        pytest.param("Sept. 2019", D(2019, 9, 1), D(2019, 9, 30), id="sept-dot"),
        pytest.param("February 2020", D(2020, 2, 1), D(2020, 2, 29), id="february-name"),
        pytest.param("July 22, 2019", D(2019, 7, 22), D(2019, 7, 22), id="month-day-year"),
        pytest.param("July 22 2019", D(2019, 7, 22), D(2019, 7, 22), id="month-day-year-no-comma"),
        pytest.param("Jul. 22nd, 2019", D(2019, 7, 22), D(2019, 7, 22), id="ordinal-suffix"),
        pytest.param("22 July 2019", D(2019, 7, 22), D(2019, 7, 22), id="day-month-year"),
        pytest.param("22nd of July 2019", D(2019, 7, 22), D(2019, 7, 22), id="day-of-month"),
        # open forms
        pytest.param("since 2017", D(2017, 1, 1), None, id="since"),
        pytest.param("since mid-2017", D(2017, 5, 1), None, id="since-natural"),
        pytest.param("from 2017", D(2017, 1, 1), None, id="from"),
        pytest.param("2017 onwards", D(2017, 1, 1), None, id="onwards"),
        pytest.param("from 2017 onward", D(2017, 1, 1), None, id="from-onward"),
        pytest.param("until 2019", None, D(2019, 12, 31), id="until"),
        pytest.param("till July 2019", None, D(2019, 7, 31), id="till-month"),
        pytest.param("through 2019", None, D(2019, 12, 31), id="through"),
        pytest.param("before 2019", None, D(2018, 12, 31), id="before-is-strict"),
        pytest.param("before 2019-07-22", None, D(2019, 7, 21), id="before-day"),
        pytest.param("after 2017", D(2018, 1, 1), None, id="after-is-strict"),
        # tolerance
        pytest.param("in 2012", D(2012, 1, 1), D(2012, 12, 31), id="in"),
        pytest.param("during 2012", D(2012, 1, 1), D(2012, 12, 31), id="during"),
        pytest.param("  2012  ", D(2012, 1, 1), D(2012, 12, 31), id="spaces"),
        pytest.param("2012.", D(2012, 1, 1), D(2012, 12, 31), id="trailing-period"),
        pytest.param("mid\u00a02017", D(2017, 5, 1), D(2017, 8, 31), id="nbsp"),
    ],
)
def test_parse_period(raw: object, start: date | None, end: date | None) -> None:
    period = parse_period(raw)  # type: ignore[arg-type]
    assert (period.start, period.end) == (start, end)
    assert period.text == str(raw)


@pytest.mark.parametrize("raw", [None, "", "   "], ids=["none", "empty", "blank"])
def test_unknown_period(raw: str | None) -> None:
    period = parse_period(raw)
    assert period.start is None and period.end is None
    assert not period.known


@pytest.mark.parametrize(
    "raw, fragment",
    [
        pytest.param("mid 20017", "the year 20017 is absurd", id="absurd-natural"),
        pytest.param("20017", "the year 20017 is absurd", id="absurd-five-digits"),
        pytest.param("999", "the year 999 is absurd", id="absurd-three-digits"),
        pytest.param(3000, "the year 3000 is absurd", id="absurd-int"),
        pytest.param("0999-01", "the year 0999 is absurd", id="absurd-iso"),
        pytest.param("2019-02-30", "2019-02-30 is not a date (February 2019 has 28 days)", id="feb-30"),
        pytest.param("2019-02-29", "2019-02-29 is not a date", id="not-leap"),
        pytest.param("2019-04-31", "2019-04-31 is not a date (April 2019 has 30 days)", id="april-31"),
        pytest.param("2019-13", "there is no month 13", id="month-13"),
        pytest.param("2019-00", "there is no month 0", id="month-0"),
        pytest.param("2019-13-01", "there is no month 13", id="day-month-13"),
        pytest.param("February 30, 2019", "2019-02-30 is not a date", id="named-feb-30"),
        pytest.param("2020/2014", "the end (2014-12-31) is before the start (2020-01-01)", id="end-before-start"),
        pytest.param("2020-2014", "is before the start", id="years-backwards"),
        pytest.param("2019-07-22/2019-07-21", "is before the start", id="days-backwards"),
        pytest.param("/", "both sides of '/' are empty", id="empty-interval"),
        pytest.param(" / ", "both sides of '/' are empty", id="empty-interval-spaces"),
        pytest.param("2019/2020/2021", "an interval has one '/'", id="two-slashes"),
        pytest.param("2014–2016–2020", "a range has one dash", id="two-dashes"),
        pytest.param("foo", "expected YYYY, YYYY-MM, YYYY-MM-DD, START/END, or a form like 'mid-2017'", id="word"),
        pytest.param("recently", "expected YYYY", id="vague-word"),
        pytest.param("mid", "expected YYYY", id="part-without-year"),
        pytest.param("2017-mid", "expected YYYY", id="reversed"),
        pytest.param("winter 2019", "winter spans two years", id="winter-one-year"),
        pytest.param("winter 2019/21", "a winter runs from one year into the next", id="winter-gap"),
        pytest.param("1995s", "1995s is not a decade", id="not-a-decade"),
        pytest.param("Smarch 2019", "expected YYYY", id="unknown-month"),
        pytest.param("2019-07-22T10:00", "expected YYYY", id="time-of-day"),
        pytest.param(True, "a yes/no value is not a period", id="bool"),
        pytest.param(2020.5, "a float is not a period", id="float"),
        pytest.param(["2019"], "a list is not a period", id="list"),
    ],
)
def test_parse_period_errors(raw: object, fragment: str) -> None:
    with pytest.raises(PeriodError) as excinfo:
        parse_period(raw)  # type: ignore[arg-type]
    message = str(excinfo.value)
    assert message.startswith(f"cannot read the period '{raw}': ")
    assert fragment in message


def test_period_error_is_a_value_error_with_reason() -> None:
    with pytest.raises(ValueError) as excinfo:
        parse_period("mid 20017")
    assert isinstance(excinfo.value, PeriodError)
    assert excinfo.value.reason == "the year 20017 is absurd (hirel reads years 1000–2999)"


@pytest.mark.parametrize(
    "period, expected",
    [
        pytest.param(Period(D(2020, 1, 1), D(2020, 12, 31)), "2020", id="year"),
        pytest.param(Period(D(2019, 7, 1), D(2019, 7, 31)), "2019-07", id="month"),
        pytest.param(Period(D(2019, 7, 22), D(2019, 7, 22)), "2019-07-22", id="day"),
        pytest.param(Period(D(2014, 1, 1), D(2020, 12, 31)), "2014–2020", id="years"),
        pytest.param(Period(D(2017, 5, 1), D(2017, 8, 31)), "2017-05-01–2017-08-31", id="months"),
        pytest.param(Period(D(2017, 1, 1), None), "since 2017", id="since"),
        pytest.param(Period(D(2017, 5, 1), None), "since 2017-05", id="since-month"),
        pytest.param(Period(None, D(2019, 12, 31)), "until 2019", id="until"),
        pytest.param(Period(None, D(2019, 7, 21)), "until 2019-07-21", id="until-day"),
        pytest.param(Period(), "unknown", id="unknown"),
    ],
)
def test_format_period(period: Period, expected: str) -> None:
    assert format_period(period) == expected


@pytest.mark.parametrize(
    "raw", ["2020", "2019-07", "2019-07-22", "2014/2020", "2017/", "/2019", "early 1990s", "mid-2017"]
)
def test_format_period_round_trips(raw: str) -> None:
    period = parse_period(raw)
    again = parse_period(format_period(period))
    assert (again.start, again.end) == (period.start, period.end)


@pytest.mark.parametrize(
    "period, low, high",
    [
        pytest.param(Period(D(2012, 1, 1), D(2012, 12, 31), "2012"), 734503.0, 734868.0, id="closed"),
        pytest.param(Period(D(2017, 1, 1), None, "since 2017"), 736330.0, None, id="open-end"),
        pytest.param(Period(None, D(2019, 12, 31), "until 2019"), None, 737424.0, id="open-start"),
        pytest.param(Period(), None, None, id="unknown"),
    ],
)
def test_period_to_interval(period: Period, low: float | None, high: float | None) -> None:
    interval = period_to_interval(period)
    assert interval == Interval(low, high, "date", period.text)


def test_period_to_interval_ordinals_are_dates() -> None:
    interval = period_to_interval(parse_period("mid-2017"), text="mid-2017 (as written)")
    assert interval.low == D(2017, 5, 1).toordinal()
    assert interval.high == D(2017, 8, 31).toordinal()
    assert interval.text == "mid-2017 (as written)"
