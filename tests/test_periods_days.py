"""The days of a month, written without `calendar` (which follows the locale and imports `locale`)."""

from __future__ import annotations

import calendar

import pytest

from hirel.values import periods
from hirel.values.periods import PeriodError, parse_period


def test_days_of_every_month_of_every_year() -> None:
    assert all(periods._days_in(year, month) == calendar.monthrange(year, month)[1]
               for year in range(1, 10000) for month in range(1, 13))


@pytest.mark.parametrize(("text", "message"), [
    ("2023-02-29", "2023-02-29 is not a date (February 2023 has 28 days)"),
    ("1900-02-29", "1900-02-29 is not a date (February 1900 has 28 days)"),
    ("2023-04-31", "2023-04-31 is not a date (April 2023 has 30 days)"),
])
def test_a_day_that_does_not_exist_is_named_in_english(text: str, message: str) -> None:
    with pytest.raises(PeriodError) as caught:
        parse_period(text)
    assert message in str(caught.value)


def test_leap_days_exist() -> None:
    assert str(parse_period("2024-02-29").start) == "2024-02-29"
    assert str(parse_period("February 2024").end) == "2024-02-29"
    assert str(parse_period("winter 2023/24").end) == "2024-02-29"
