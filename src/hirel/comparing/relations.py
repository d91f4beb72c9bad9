"""How two figures relate, the rules shared by the verdicts, the positions and the counts:
one certainly above the other (`exceeds`, beyond the rounding tolerance), `disjoint`, a figure
that `pins` a value (bounded on both sides), and the days a running total is `as_of`."""

from __future__ import annotations

from datetime import date, timedelta

from ..model import Interval, Period
from ..values import ROUNDING_TOLERANCE  # the one tolerance of comparisons, declared with the values

__all__ = ["ROUNDING_TOLERANCE", "as_of", "disjoint", "exceeds", "pins"]


def exceeds(x: float, y: float, tolerance: float = ROUNDING_TOLERANCE) -> bool:
    """True when ``x`` is above ``y`` by more than ``tolerance`` of the larger magnitude.

    The one-sided test behind `disjoint`. With a tolerance of 1%, 100.5M would not exceed
    100M but 110M would; the comparisons use `ROUNDING_TOLERANCE` (0: figures carry their
    written precision as intervals).
    """
    return x > y and (x - y) > tolerance * max(abs(x), abs(y))


def disjoint(a: Interval, b: Interval, tolerance: float = ROUNDING_TOLERANCE) -> bool:
    """True when one interval is certainly above the other (`exceeds`, beyond the tolerance).
    The one definition of "the figures do not overlap" for the verdicts and the counts."""
    if a.high is not None and b.low is not None and exceeds(b.low, a.high, tolerance):
        return True
    return b.high is not None and a.low is not None and exceeds(a.low, b.high, tolerance)


def pins(interval: Interval) -> bool:
    """True when a figure pins a value: bounded on both sides. A floor of zero is no bound
    (`as many as 300,000` is [0, 300,000]: it says only how high, like `up to`)."""
    low, high = interval.low, interval.high
    if low is None or high is None:
        return False
    return not (interval.unit != "date" and low == 0 and high > 0)


def as_of(period: Period) -> tuple[date, date] | None:
    """The days a running total may be "as of": the last calendar unit of its period.

    `when` on a cumulative proposition is the date the total is as of, the end of the period:
    `2008` is some day of 2008, `2017/2023-10` some day of October 2023, `2008-04-15` that day.
    The unit is read from the period's bounds: a year when the end is December 31 and the
    start a January 1 (or open), a month when the end is a month's last day and the start a
    first; else the day. None when the end is open or unknown.
    """
    end, start = period.end, period.start
    if end is None:
        return None
    first_day = start is None or start.day == 1
    if end.month == 12 and end.day == 31 and (start is None or (start.month == 1 and start.day == 1)):
        return date(end.year, 1, 1), end
    if (end + timedelta(days=1)).day == 1 and first_day:
        return end.replace(day=1), end
    return end, end
