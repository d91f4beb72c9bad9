"""What the first lines of a plain-text or Markdown article say about it.

A story copied out of a page or a wire feed usually starts with its title, then a byline and a
date line, and its first paragraph may open with a wire dateline::

    Iran steps up funding
    By Jane Doe
    Published: March 3, 2024, 10:15 a.m.

    GAZA CITY, March 3 (Reuters) - Iran has ...

Only lines that are nothing but a byline or a date are read (a date must be a whole day, read
by the period reader); a sentence that happens to hold a date is body text. Nothing is guessed:
what is not read is left for the front matter's flags (--author, --published, --outlet).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_HEADER_LINES = 6  # lines after the title that may hold a byline or a date
_BYLINE = re.compile(r"^(?:by|written by|words by)\s*:?\s+(?P<who>\S.{0,118})$", re.IGNORECASE)
_WEEKDAY = r"(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)\.?,?\s+"
_DATE_LINE = re.compile(
    r"^(?:(?:published|posted|updated|last updated|first published|date)(?:\s+on)?\s*:?\s*)?"
    rf"(?:{_WEEKDAY})?(?P<date>[^|]{{6,40}}?)"
    r"(?:,?\s*(?:at\s+)?\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?(?:\s+[A-Z]{2,5})?)?\s*(?:\|.*)?$",
    re.IGNORECASE)
# 'GAZA CITY, March 3 (Reuters) -': the agency in brackets after the place and the day
_WIRE = re.compile(r"^[A-Z][A-Z.' -]{1,40}(?:,\s*[^()\n]{1,30})?\s+\((?P<agency>Reuters|AP|AFP|Reuters/AP|"
                   r"Xinhua|dpa|ANSA|EFE|UPI|Bloomberg|Anadolu|IANS|PTI)\)\s*[-–—]")


@dataclass
class TextHeader:
    author: str | None = None
    published: str | None = None  # YYYY-MM-DD
    agency: str | None = None  # the wire agency of the dateline, as written


def _day(text: str) -> str | None:
    from ..values.periods import PeriodError, parse_period

    try:
        period = parse_period(text.strip().rstrip(",."))
    except PeriodError:
        return None
    if period.start is None or period.start != period.end:
        return None  # a month or a year is not a publication day
    return period.start.isoformat()


def read_header(lines: list[str]) -> TextHeader:
    """The byline, date and wire agency of an article given as lines, its title first."""
    header = TextHeader()
    for line in lines[1:1 + _HEADER_LINES]:
        line = line.strip().strip("*_").strip()
        if not line:
            continue
        byline = _BYLINE.match(line)
        if byline and header.author is None:
            from .metadata import clean_author

            header.author = clean_author(byline["who"])
            continue
        date = _DATE_LINE.match(line)
        if date and header.published is None:
            header.published = _day(date["date"])
    body = next((line.strip() for line in lines[1:] if len(line.split()) > 8), "")
    wire = _WIRE.match(body)
    if wire:
        header.agency = wire["agency"]
    return header


def header_spans(body: str) -> list[tuple[int, int]]:
    """Where the byline and date lines among an article's first lines are (offsets in ``body``):
    what front matter says, not claims (`suggest` offers no stub there)."""
    spans = []
    offset = 0
    for index, line in enumerate(body.split("\n")[:1 + _HEADER_LINES]):
        bare = line.strip().strip("*_").strip()
        if index and bare and (_BYLINE.match(bare) or ((date := _DATE_LINE.match(bare)) and _day(date["date"]))):
            spans.append((offset, offset + len(line)))
        offset += len(line) + 1
    return spans
