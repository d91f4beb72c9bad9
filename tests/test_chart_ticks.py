"""The chart's axis: tick labels close together get the digits that tell them apart, and no
label is printed twice."""

from __future__ import annotations

from hirel.model import Loc, Proposition
from hirel.output.chart import range_chart
from test_chart import console, position

SHARE = Proposition(id="s", topic="t", text="…", kind="quantity", unit="percent", object=None,
                    changes_over_time=False, loc=Loc("p.yaml"))


def test_close_figures_keep_their_digits():
    # 1.08%–1.1% and 1.15%–1.25%: two significant digits gave "1.1%  1.2%  1.2%"
    positions = [position("p1", 1.08, 1.1, "percent"), position("p2", 1.15, 1.25, "percent")]
    labels = range_chart(SHARE, positions, [], console()).axis.plain.split()
    assert len(labels) == len(set(labels))
    assert labels[0] == "1.08%" and labels[-1] == "1.25%"
    values = [float(label.rstrip("%")) for label in labels]
    assert values == sorted(values)


def test_wide_figures_stay_short():
    positions = [position("p1", 10_000, 10_000), position("p2", 20_000, 20_000)]
    labels = range_chart(Proposition(id="c", topic="t", text="…", kind="quantity", unit="count", object=None,
                                     changes_over_time=False, loc=Loc("p.yaml")), positions, [], console()).axis.plain.split()
    # the ends and the middle (the quarters do not fit beside them at 80 columns), no extra digits
    assert labels == ["10,000", "15,000", "20,000"]
