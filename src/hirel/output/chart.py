"""The range chart of `hirel compare`: each position's figure as a bar on one shared axis.

    p1   ███████████████████████▶ ≥ $130M/yr · 2017, per Avigdor Lieberman
    p2 !               █████████ $324M–$396M/yr · likely, per Unknown news website
    p3 ! ████                    $90M–$110M/yr for Palestinian militant groups ·
                                 2020, per U.S. Department of State
         $90M              $396M  (per year)

Each position's line starts with its bar, then says what it is. A bar spans the position's shared figure; an open side runs to the edge with an arrow; a point
is one block. `!` marks a position in a dispute. The axis is logarithmic when the figures span
more than `LOG_SPAN` (a factor of 20), so $10K and $10M are both visible; dates are on a time
axis labelled with years (or months when the span is short). The chart fits 80 columns, and on
a console that cannot encode the block characters it is drawn in ASCII (`#`, `<`, `>`).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rich.console import Console
    from rich.text import Text

    from ..comparing.positions import Dispute, Position
    from ..model import Interval, Proposition

LOG_SPAN = 20.0
MAX_WIDTH = 80

_UNICODE = {"bar": "█", "left": "◀", "right": "▶", "mark": "!"}
_ASCII = {"bar": "#", "left": "<", "right": ">", "mark": "!"}


def _symbols(console: Console) -> dict[str, str]:
    encoding = getattr(console, "encoding", None) or "utf-8"
    try:
        "█◀▶".encode(encoding)
    except (UnicodeEncodeError, LookupError):
        return _ASCII
    return _UNICODE


class _Scale:
    """Figures -> columns 0..width-1, linear or logarithmic."""

    def __init__(self, low: float, high: float, width: int, log: bool) -> None:
        self.log = log
        self.width = width
        self.low, self.high = (math.log10(low), math.log10(high)) if log else (low, high)

    def value(self, x: float) -> float:
        return math.log10(x) if self.log else x

    def column(self, x: float) -> int:
        span = self.high - self.low
        where = (self.value(x) - self.low) / span if span else 0.5
        return max(0, min(self.width - 1, round(where * (self.width - 1))))

    def at(self, column: int) -> float:
        where = self.low + (self.high - self.low) * column / max(1, self.width - 1)
        return 10 ** where if self.log else where


def _domain(intervals: Sequence[Interval]) -> tuple[float, float, bool] | None:
    finite = [x for i in intervals for x in (i.low, i.high) if x is not None]
    if not finite:
        return None
    is_date = intervals[0].unit == "date"
    positive = [x for x in finite if x > 0]
    low, high = min(finite), max(finite)
    log = not is_date and bool(positive) and min(positive) > 0 and max(positive) / min(positive) > LOG_SPAN
    if log:
        low = min(positive)
    if low == high:
        pad = 365.0 if is_date else (abs(low) * 0.1 or 1.0)
        low, high = low - pad, high + pad
        if log or (not is_date and min(finite) >= 0):
            low = max(low, high / 1e3 if log else 0.0)
    # Room beyond the last figure for a bar that is open on that side, so it shows as a bar.
    if any(i.high is None for i in intervals):
        high = high * 2 if log else high + 0.15 * (high - low)
    if any(i.low is None for i in intervals) and not log:
        low = low - 0.15 * (high - low)
        if not is_date and min(finite) >= 0:
            low = max(low, 0.0)
    return low, high, log


def _tick(x: float, unit: str, fine: bool, change: bool = False, step: float | None = None) -> str:
    """A tick label: a year (or month), an amount, or on a change proposition a signed change."""
    if unit == "date":
        day = date.fromordinal(round(x))
        return f"{day.year}-{day.month:02d}" if fine else str(day.year)
    from ..model import Interval
    from ..values.figures import format_figure

    return format_figure(Interval(_round(x, step), _round(x, step), unit.split("/")[0]), change)


def _round(x: float, step: float | None = None) -> float:
    """Two significant digits, or as many as ticks ``step`` apart need to differ (1.15, 1.2, 1.25)."""
    if x == 0:
        return 0.0
    digits = 1 - math.floor(math.log10(abs(x)))
    if step:
        digits = max(digits, -math.floor(math.log10(step)))
    return round(x, digits)


def _axis(scale: _Scale, unit: str, offset: int, change: bool = False) -> str:
    """Tick labels at the ends (and between, where they fit), on one line."""
    fine = unit == "date" and scale.high - scale.low < 3 * 365
    line = [" "] * scale.width
    placed: list[tuple[int, int]] = []

    shown: set[str] = set()
    step = None if scale.log or unit == "date" else (scale.high - scale.low) / 4

    def put(column: int, text: str) -> None:
        start = max(0, min(scale.width - len(text), column - len(text) // 2))
        if text in shown or any(start <= b + 1 and a <= start + len(text) for a, b in placed):
            return  # a label twice would say two places are one figure
        shown.add(text)
        line[start:start + len(text)] = list(text)
        placed.append((start, start + len(text) - 1))

    put(0, _tick(scale.at(0), unit, fine, change, step))
    put(scale.width - 1, _tick(scale.at(scale.width - 1), unit, fine, change, step))
    if scale.log:
        for power in range(math.ceil(scale.low), math.floor(scale.high) + 1):
            put(scale.column(10.0 ** power), _tick(10.0 ** power, unit, fine, change))
    else:
        for quarter in (2, 1, 3):
            column = round((scale.width - 1) * quarter / 4)
            put(column, _tick(scale.at(column), unit, fine, change, step))
    text = " " * offset + "".join(line).rstrip()
    per = unit.split("/")[1] if "/" in unit else ""
    notes = [f"per {per}"] if per else []
    if scale.log:
        notes.append("log scale")
    return text + (f"  ({', '.join(notes)})" if notes else "")


class Chart:
    """Per position, the start of its line (id, dispute mark, bar); and the axis line."""

    def __init__(self, rows: dict[str, Text], axis: Text, indent: int) -> None:
        self.rows, self.axis, self.indent = rows, axis, indent


def range_chart(prop: Proposition, positions: Sequence[Position], disputes: Sequence[Dispute],
                console: Console) -> Chart | None:
    """The bars of the positions with a figure, or None when there are fewer than two to place."""
    from rich.text import Text

    if prop.kind not in ("quantity", "date"):
        return None
    shown = [p.interval for p in positions if p.interval is not None]
    units = {interval.unit for interval in shown}
    if len(shown) < 2 or len(units) != 1:
        return None
    domain = _domain(shown)
    if domain is None:
        return None
    symbols = _symbols(console)
    width = min(getattr(console, "width", MAX_WIDTH) or MAX_WIDTH, MAX_WIDTH)
    id_width = max(len(p.id) for p in positions)
    offset = 2 + id_width + 3
    area = 22 if width >= 70 else 14
    scale = _Scale(domain[0], domain[1], area, domain[2])
    disputed = {pid for d in disputes for pid in d.positions}
    change = prop.measures == "change"  # no change is a figure like any other, not a floor
    rows = {}
    for position in positions:
        mark = symbols["mark"] if position.id in disputed else " "
        text = Text(f"  {position.id:<{id_width}} {mark} ")
        interval = position.interval
        if interval is None or interval.unit not in units:
            text.append(" " * (area + 1))
            rows[position.id] = text
            continue
        low, high = interval.low, interval.high
        open_left = low is None or (scale.log and low <= 0) or (
            low == 0 and high is not None and high > 0 and interval.unit != "date" and not change)
        start = 0 if open_left or low is None else scale.column(low)
        end = area - 1 if high is None else scale.column(high)
        row = [" "] * area
        for column in range(start, end + 1):
            row[column] = symbols["bar"]
        if open_left:
            row[0] = symbols["left"]
        if high is None:
            row[area - 1] = symbols["right"]
        text.append("".join(row), style="bold red" if position.id in disputed else "cyan")
        text.append(" ")
        rows[position.id] = text
    axis = Text(_axis(scale, shown[0].unit, offset, change), style="dim")
    return Chart(rows, axis, offset + area + 1)
