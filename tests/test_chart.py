"""The range chart of `hirel compare`: bars on one axis, log scale for wide spans, time axis for
dates, ASCII where the console cannot encode blocks, never wider than 80 columns."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from datetime import date
from pathlib import Path

from rich.console import Console

from hirel.comparing.positions import Dispute, Position
from hirel.model import Interval, Loc, Period, Proposition
from hirel.output.chart import range_chart

LOC = Loc("p.yaml")
COUNT = Proposition(id="p", topic="t", text="…", kind="quantity", unit="count", object=None,
                    changes_over_time=False, loc=LOC)
DATES = Proposition(id="d", topic="t", text="…", kind="date", unit="date", object=None,
                    changes_over_time=False, loc=LOC)
OUTBREAK = Path(__file__).resolve().parent / "corpora" / "outbreak"


def position(pid: str, low, high, unit: str = "count") -> Position:
    return Position(id=pid, claims=(pid,), origins=("X",), scope=None, period=Period(), stance=None,
                    interval=Interval(low, high, unit), certainty="certain")


def console(width: int = 80, encoding: str = "utf-8") -> Console:
    stream = io.TextIOWrapper(io.BytesIO(), encoding=encoding)
    return Console(file=stream, width=width, color_system=None)


def rows(chart) -> list[str]:
    return [chart.rows[pid].plain for pid in sorted(chart.rows)]


def test_bars_on_one_linear_axis():
    positions = [position("p1", 10_000, 10_000), position("p2", 100_000, 100_000), position("p3", 150_000, None)]
    chart = range_chart(COUNT, positions, [Dispute(("p1", "p2"), "…")], console())
    p1, p2, p3 = rows(chart)
    bars = [row[7:] for row in (p1, p2, p3)]  # after "  p1 ! "
    assert p1.startswith("  p1 ! ") and p3.startswith("  p3   ")  # ! marks the positions in a dispute
    assert bars[0].index("█") == 0  # the smallest figure at the left end
    assert bars[1].rstrip().endswith("█") and bars[1].count("█") == 1  # a point is one block
    assert bars[2].rstrip().endswith("▶")  # open to the right: runs to the edge with an arrow
    assert bars[2].index("█") > bars[1].index("█")  # 150,000 is right of 100,000
    assert "log scale" not in chart.axis.plain  # 150,000 / 10,000 = 15: linear
    assert chart.axis.plain.split()[0] == "10,000"


def test_log_scale_when_the_span_is_wide():
    positions = [position("p1", 10_000, 10_000), position("p2", 1_000_000, 1_000_000),
                 position("p3", 10_000_000, 10_000_000)]
    chart = range_chart(COUNT, positions, [], console())
    assert "log scale" in chart.axis.plain
    columns = [row.index("█") for row in rows(chart)]
    # 10K, 1M, 10M on a log axis: 1M is two thirds of the way (linear: a tenth).
    assert columns[0] < columns[1] < columns[2]
    width = columns[2] - columns[0]
    assert abs((columns[1] - columns[0]) / width - 2 / 3) < 0.1


def test_upper_bound_from_zero_runs_to_the_left_edge():
    positions = [position("p1", 0, 300_000), position("p2", 10_000, 10_000), position("p3", 450_000, None)]
    chart = range_chart(COUNT, positions, [], console())
    assert rows(chart)[0][7] == "◀"  # 'as many as 300,000': no lower bound to draw


def test_dates_on_a_time_axis():
    def year(y: int) -> tuple[float, float]:
        return float(date(y, 1, 1).toordinal()), float(date(y, 12, 31).toordinal())

    positions = [position("p1", *year(1987), unit="date"), position("p2", *year(2012), unit="date")]
    chart = range_chart(DATES, positions, [], console())
    ticks = chart.axis.plain.split()
    assert ticks[0] == "1987" and ticks[-1] == "2012"


def test_ascii_where_blocks_cannot_be_encoded():
    positions = [position("p1", 0, 300_000), position("p2", 10_000, 10_000), position("p3", 450_000, None)]
    chart = range_chart(COUNT, positions, [], console(encoding="ascii"))
    text = "\n".join([*rows(chart), chart.axis.plain])
    text.encode("ascii")  # no block, no arrow
    assert "#" in text and "<" in text and ">" in text


def test_no_chart_for_stances_or_a_single_figure():
    assert range_chart(COUNT, [position("p1", 1, 1)], [], console()) is None
    stance = Proposition(id="s", topic="t", text="…", kind="stance", unit=None, object=None,
                         changes_over_time=False, loc=LOC)
    assert range_chart(stance, [position("p1", 1, 1), position("p2", 2, 2)], [], console()) is None


def test_compare_fits_80_columns_and_degrades_to_ascii():
    env = {**os.environ, "COLUMNS": "80", "NO_COLOR": "1", "PYTHONIOENCODING": "ascii:replace"}
    done = subprocess.run([sys.executable, "-m", "hirel", "--data", str(OUTBREAK), "compare", "outbreak"],
                          capture_output=True, env=env, check=False)
    assert done.returncode == 0, done.stderr
    out = done.stdout.decode("ascii")
    assert "#" in out and "█" not in out
    assert max(len(line) for line in out.splitlines()) <= 80
