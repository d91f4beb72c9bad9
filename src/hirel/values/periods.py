"""The ``when`` grammar: ISO dates and intervals, and the natural date phrases people write.

Every form becomes a :class:`~hirel.model.Period` with the first and the last day it covers
(both inclusive), or an open side (``None``). Natural forms are accepted only where they
mean one span of days; the spans chosen for vague words (``early``, ``mid``, ``late``,
``end of``, seasons) are fixed here and documented in docs/values.md.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from functools import lru_cache

from hirel.errors import HirelError
from hirel.model import Interval, Period
from hirel.values.figures import format_date_end, format_date_range, format_date_start
from hirel.values.vocabulary import DASHES, ODD_SPACES, RANGE_DASHES

__all__ = [
    "MAX_YEAR",
    "MIN_YEAR",
    "PART_OF_DECADE_YEARS",
    "PART_OF_YEAR_MONTHS",
    "SEASON_MONTHS",
    "PeriodError",
    "format_period",
    "parse_period",
    "period_to_interval",
]

MIN_YEAR = 1000
MAX_YEAR = 2999

_EXPECTED = "expected YYYY, YYYY-MM, YYYY-MM-DD, START/END, or a form like 'mid-2017'"


class PeriodError(HirelError, ValueError):
    """A period hirel cannot read. ``reason`` is the part after the colon, for reuse."""

    def __init__(self, text: str, reason: str = _EXPECTED) -> None:
        self.text = text
        self.reason = reason
        super().__init__(f"cannot read the period '{text}': {reason}")


# First and last month of each part of a year. "end of" is the last two months: narrower
# than "late" (Sep–Dec), because "by the end of 2017" points at the close of the year.
PART_OF_YEAR_MONTHS: dict[str, tuple[int, int]] = {
    "early": (1, 4),
    "beginning": (1, 2),
    "start": (1, 2),
    "mid": (5, 8),
    "middle": (5, 8),
    "late": (9, 12),
    "end": (11, 12),
}

# Northern-hemisphere meteorological seasons. Winter straddles two years, so it is accepted
# only with both years written ("winter 2019/20"): "winter 2019" could mean either.
SEASON_MONTHS: dict[str, tuple[int, int]] = {
    "spring": (3, 5),
    "summer": (6, 8),
    "autumn": (9, 11),
    "fall": (9, 11),
}

# Years of a decade: early 0–3, mid 4–6, late 7–9 (the whole decade has no gap or overlap).
PART_OF_DECADE_YEARS: dict[str, tuple[int, int]] = {
    "early": (0, 3),
    "mid": (4, 6),
    "middle": (4, 6),
    "late": (7, 9),
}

# English names, whatever the locale (`calendar.month_name` follows it; and `calendar` imports
# `locale`, which a warm `hirel check` of one file can do without).
_MONTH_NAMES = ("", "January", "February", "March", "April", "May", "June", "July", "August", "September",
                "October", "November", "December")
_MONTHS: dict[str, int] = {}
for _number, _name in enumerate(_MONTH_NAMES):
    if _number:
        _MONTHS[_name.lower()] = _number
        _MONTHS[_name[:3].lower()] = _number
_MONTHS["sept"] = 9
_MONTH_DAYS = (0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def _days_in(year: int, month: int) -> int:
    """The number of days of ``month`` (1-12) in ``year`` (proleptic Gregorian, as `datetime`)."""
    leap = year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)
    return 29 if month == 2 and leap else _MONTH_DAYS[month]

_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4}

_MONTH = r"(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_YEAR = r"(?P<year>\d+)"

_RE_YEAR = re.compile(r"\d{4}")
_RE_NUMBER = re.compile(r"\d+")
_RE_YEAR_MONTH = re.compile(r"(?P<year>\d{4})-(?P<month>\d{1,2})")
_RE_DAY = re.compile(r"(?P<year>\d{4})-(?P<month>\d{1,2})-(?P<day>\d{1,2})")
_RE_DECADE = re.compile(r"(?:(?P<part>early|mid|middle|late)(?:[- ]|\s+of\s+(?:the\s+)?))?(?P<decade>\d+)'?s")
_RE_PART_OF_YEAR = re.compile(
    r"(?P<part>early|mid|middle|late|end|beginning|start)(?:[- ]|\s+of\s+)" + _YEAR
)
_RE_SEASON = re.compile(r"(?P<season>spring|summer|autumn|fall)(?:\s+of)?\s+" + _YEAR)
_RE_WINTER_BOTH = re.compile(r"winter(?:\s+of)?\s+(?P<first>\d{4})\s*[-/–]\s*(?P<second>\d{2}|\d{4})")
_RE_WINTER = re.compile(r"winter(?:\s+of)?\s+\d+")
_RE_QUARTER = re.compile(
    r"q(?P<q>[1-4])[- ]?" + _YEAR
    + r"|(?P<year2>\d{4})[- ]?q(?P<q2>[1-4])"
    + r"|(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th)\s+quarter(?:\s+of)?\s+(?P<year3>\d+)"
)
_RE_HALF = re.compile(
    r"h(?P<h>[12])[- ]?" + _YEAR
    + r"|(?P<ord>first|second|1st|2nd)\s+half(?:\s+of)?\s+(?P<year2>\d+)"
)
_RE_MONTH_YEAR = re.compile(_MONTH + r",?\s+(?:of\s+)?" + _YEAR)
_RE_MONTH_DAY_YEAR = re.compile(_MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s+" + _YEAR)
_RE_DAY_MONTH_YEAR = re.compile(r"(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MONTH + r",?\s+" + _YEAR)

_RE_PREFIX = re.compile(r"^(?:in|during|the|around the)\s+")
_RE_SINCE = re.compile(r"^(?:since|from|starting(?:\s+in)?|beginning\s+in)\s+(?P<rest>.+?)(?:\s+on(?:wards?)?)?$")
_RE_ONWARDS = re.compile(r"^(?P<rest>.+?)\s+on(?:wards?)?$")
_RE_UNTIL = re.compile(r"^(?:until|till|til|through|up\s+to)\s+(?P<rest>.+)$")
_RE_BEFORE = re.compile(r"^before\s+(?P<rest>.+)$")
_RE_AFTER = re.compile(r"^after\s+(?P<rest>.+)$")
_RE_BETWEEN = re.compile(r"^(?:between\s+(?P<a>.+?)\s+and\s+(?P<b>.+)|from\s+(?P<c>.+?)\s+(?:to|until|till|through)\s+(?P<d>.+))$")
_RE_TO = re.compile(r"^(?P<a>.+?)\s+(?:to|until|till|through)\s+(?P<b>.+)$")
_RE_YEAR_RANGE = re.compile(r"^(?P<a>\d{4})\s*-\s*(?P<b>\d{4})$")
_RE_SPACED_HYPHEN = re.compile(r"^(?P<a>.+?)\s+-\s+(?P<b>.+)$")

# From the one vocabulary: range dashes become '–', every other dash a hyphen.
_DASHES = str.maketrans({**{c: "-" for c in DASHES}, **{c: "–" for c in RANGE_DASHES}})
_SPACES_RE = re.compile(rf"[\s{ODD_SPACES}]+")

Span = tuple[date | None, date | None]


def _year(text: str, original: str) -> int:
    """A year within MIN_YEAR..MAX_YEAR: anything else is a typo (20017) or not a year."""
    year = int(text)
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise PeriodError(original, f"the year {text} is absurd (hirel reads years {MIN_YEAR}–{MAX_YEAR})")
    return year


def _day(year: int, month: int, day: int, original: str) -> date:
    if not 1 <= month <= 12:
        raise PeriodError(original, f"there is no month {month}")
    last = _days_in(year, month)
    if not 1 <= day <= last:
        raise PeriodError(
            original, f"{year:04d}-{month:02d}-{day:02d} is not a date ({_MONTH_NAMES[month]} {year} has {last} days)"
        )
    return date(year, month, day)


def _month_span(year: int, first: int, last: int, original: str) -> Span:
    """First day of month ``first`` to last day of month ``last`` (same year)."""
    start = _day(year, first, 1, original)
    return start, _day(year, last, _days_in(year, last), original)


def _year_span(first: int, last: int) -> Span:
    return date(first, 1, 1), date(last, 12, 31)


def _parse_iso(text: str, original: str) -> Span | None:
    if _RE_YEAR.fullmatch(text):
        year = _year(text, original)
        return _year_span(year, year)
    if m := _RE_YEAR_MONTH.fullmatch(text):
        year, month = _year(m["year"], original), int(m["month"])
        if not 1 <= month <= 12:
            raise PeriodError(original, f"there is no month {month}")
        return _month_span(year, month, month, original)
    if m := _RE_DAY.fullmatch(text):
        day = _day(_year(m["year"], original), int(m["month"]), int(m["day"]), original)
        return day, day
    if _RE_NUMBER.fullmatch(text):
        # A bare number of the wrong length: say why it is not a year.
        _year(text, original)
    return None


def _parse_decade(text: str, original: str) -> Span | None:
    m = _RE_DECADE.fullmatch(text)
    if m is None:
        return None
    decade = _year(m["decade"], original)
    if decade % 10:
        raise PeriodError(original, f"{m['decade']}s is not a decade")
    if m["part"] is None:
        return _year_span(decade, decade + 9)
    first, last = PART_OF_DECADE_YEARS[m["part"]]
    return _year_span(decade + first, decade + last)


def _parse_part_of_year(text: str, original: str) -> Span | None:
    if m := _RE_PART_OF_YEAR.fullmatch(text):
        first, last = PART_OF_YEAR_MONTHS[m["part"]]
        return _month_span(_year(m["year"], original), first, last, original)
    if m := _RE_SEASON.fullmatch(text):
        first, last = SEASON_MONTHS[m["season"]]
        return _month_span(_year(m["year"], original), first, last, original)
    if m := _RE_WINTER_BOTH.fullmatch(text):
        return _parse_winter(m, original)
    if _RE_WINTER.fullmatch(text):
        raise PeriodError(
            original, "winter spans two years; write both, like 'winter 2019/20', or use START/END"
        )
    if m := _RE_QUARTER.fullmatch(text):
        quarter = int(m["q"] or m["q2"] or _ORDINALS[m["ord"]])
        year = _year(m["year"] or m["year2"] or m["year3"], original)
        return _month_span(year, 3 * quarter - 2, 3 * quarter, original)
    if m := _RE_HALF.fullmatch(text):
        half = int(m["h"] or _ORDINALS[m["ord"]])
        year = _year(m["year"] or m["year2"], original)
        return _month_span(year, 6 * half - 5, 6 * half, original)
    return None


def _parse_winter(m: re.Match[str], original: str) -> Span:
    first = _year(m["first"], original)
    second_text = m["second"]
    second = int(second_text) if len(second_text) == 4 else first // 100 * 100 + int(second_text)
    if second != first + 1:
        raise PeriodError(original, "a winter runs from one year into the next (e.g. 'winter 2019/20')")
    return date(first, 12, 1), _day(second, 2, _days_in(second, 2), original)


def _parse_named_month(text: str, original: str) -> Span | None:
    if m := _RE_MONTH_YEAR.fullmatch(text):
        month = _MONTHS[m["month"]]
        return _month_span(_year(m["year"], original), month, month, original)
    m = _RE_MONTH_DAY_YEAR.fullmatch(text) or _RE_DAY_MONTH_YEAR.fullmatch(text)
    if m is not None:
        day = _day(_year(m["year"], original), _MONTHS[m["month"]], int(m["day"]), original)
        return day, day
    return None


def _parse_single(text: str, original: str) -> Span:
    """One period (not a range): its first and last day."""
    text = _strip_prefixes(text)
    for reader in (_parse_iso, _parse_decade, _parse_part_of_year, _parse_named_month):
        span = reader(text, original)
        if span is not None:
            return span
    raise PeriodError(original)


def _days_of_single(text: str, original: str) -> tuple[date, date]:
    """The first and last day of one period, both known (a single period always has both)."""
    start, end = _parse_single(text, original)
    if start is None or end is None:
        raise PeriodError(original)
    return start, end


def _strip_prefixes(text: str) -> str:
    while (m := _RE_PREFIX.match(text)) is not None:
        text = text[m.end():]
    return text


def _range(start_text: str, end_text: str, original: str) -> Span:
    start = _parse_single(start_text, original)[0]
    end = _parse_single(end_text, original)[1]
    return _ordered(start, end, original)


def _ordered(start: date | None, end: date | None, original: str) -> Span:
    if start is not None and end is not None and end < start:
        raise PeriodError(original, f"the end ({end.isoformat()}) is before the start ({start.isoformat()})")
    return start, end


def _parse_interval(text: str, original: str) -> Span:
    """ISO 8601 'START/END', 'START/' (since), '/END' (until)."""
    parts = text.split("/")
    if len(parts) != 2:
        raise PeriodError(original, "an interval has one '/', between START and END")
    start_text, end_text = parts[0].strip(), parts[1].strip()
    if not start_text and not end_text:
        raise PeriodError(original, "both sides of '/' are empty; leave 'when' out if the period is unknown")
    start = _parse_single(start_text, original)[0] if start_text else None
    end = _parse_single(end_text, original)[1] if end_text else None
    return _ordered(start, end, original)


def _parse_open(text: str, original: str) -> Span | None:
    """'since 2017', '2017 onwards', 'until 2019', 'before 2019', 'after 2017'."""
    if (m := _RE_SINCE.fullmatch(text)) and _RE_BETWEEN.fullmatch(text) is None:
        return _parse_single(m["rest"], original)[0], None
    if m := _RE_ONWARDS.fullmatch(text):
        return _parse_single(m["rest"], original)[0], None
    if m := _RE_UNTIL.fullmatch(text):
        return None, _parse_single(m["rest"], original)[1]
    if m := _RE_BEFORE.fullmatch(text):
        # Strictly before: the day before the period named starts.
        return None, _days_of_single(m["rest"], original)[0] - timedelta(days=1)
    if m := _RE_AFTER.fullmatch(text):
        return _days_of_single(m["rest"], original)[1] + timedelta(days=1), None
    return None


def _parse_range(text: str, original: str) -> Span | None:
    """'2014-2020', '2014–2020', 'from 2014 to 2020', 'between 2014 and 2020', 'A – B'."""
    if m := _RE_BETWEEN.fullmatch(text):
        return _range(m["a"] or m["c"], m["b"] or m["d"], original)
    if m := _RE_YEAR_RANGE.fullmatch(text):
        return _range(m["a"], m["b"], original)
    if "–" in text:
        parts = text.split("–")
        if len(parts) != 2 or not parts[0].strip() or not parts[1].strip():
            raise PeriodError(original, "a range has one dash, between START and END")
        return _range(parts[0].strip(), parts[1].strip(), original)
    if m := _RE_TO.fullmatch(text):
        return _range(m["a"], m["b"], original)
    if m := _RE_SPACED_HYPHEN.fullmatch(text):
        return _range(m["a"], m["b"], original)
    return None


_RE_WORD_DASH = re.compile(r"(?<=[a-z])–(?=\d)")


def _normalize(text: str) -> str:
    text = _SPACES_RE.sub(" ", text.translate(_DASHES)).strip().lower().rstrip(".,;")
    # A dash after a word is a hyphen ("mid–2017"), not a range: ranges join two dates.
    return _RE_WORD_DASH.sub("-", text)


def _parse_text(text: str, original: str) -> Span:
    text = _strip_prefixes(_normalize(text))
    if _RE_WINTER_BOTH.fullmatch(text):
        return _parse_single(text, original)
    for reader in (_parse_open, _parse_range):
        span = reader(text, original)
        if span is not None:
            return span
    if "/" in text:
        return _parse_interval(text, original)
    return _parse_single(text, original)


def parse_period(raw: str | int | date | datetime | None) -> Period:
    """Read a ``when``: 'YYYY', 'YYYY-MM', 'YYYY-MM-DD', 'START/END', 'START/', '/END',
    a year as an int, a date, or a natural form ('mid-2017', 'early 1990s', 'since 2017').

    None or blank is the unknown period. ``Period.text`` is the value as written.
    """
    if raw is None:
        return Period()
    if isinstance(raw, bool):
        raise PeriodError(str(raw), "a yes/no value is not a period")
    if isinstance(raw, datetime):
        day = raw.date()
        return Period(day, day, str(raw))
    if isinstance(raw, date):
        return Period(raw, raw, str(raw))
    if isinstance(raw, int):
        year = _year(str(raw), str(raw))
        start, end = _year_span(year, year)
        return Period(start, end, str(raw))
    if not isinstance(raw, str):
        raise PeriodError(str(raw), f"a {type(raw).__name__} is not a period; {_EXPECTED}")
    if not raw.strip():
        return Period(text=raw)
    return _parse_period_text(raw)


@lru_cache(maxsize=4096)  # the same `when` strings recur across a corpus
def _parse_period_text(raw: str) -> Period:
    start, end = _parse_text(raw, raw)
    return Period(start, end, raw)


def format_period(p: Period) -> str:
    """'2020', '2019-07', '2019-07-22', '2014–2020', 'since 2017', 'until 2019', 'unknown'."""
    if p.end is None:
        return "unknown" if p.start is None else "since " + format_date_start(p.start)
    if p.start is None:
        return "until " + format_date_end(p.end)
    return format_date_range(p.start, p.end)


def period_to_interval(p: Period, text: str = "") -> Interval:
    """The period as a ``date`` interval of day ordinals (``None`` where open)."""
    low = None if p.start is None else float(p.start.toordinal())
    high = None if p.end is None else float(p.end.toordinal())
    return Interval(low, high, "date", text or p.text)
