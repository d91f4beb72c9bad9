"""Written precision: the interval an exact figure's written digits imply.

``$1.7bn`` is written to a tenth of a billion: it means [1.65bn, 1.75bn] (half a unit of the
last written digit). Two caps keep that honest:

- ``PRECISION_CAP`` (5%): the trailing zeros of a round figure are not a promise of
  sloppiness, so ``$100 million`` is [95M, 105M], not [50M, 150M];
- ``PRECISION_FLOOR`` (1%): no bound is taken as sharper than 1%, which absorbs the rounding
  of conversions (``$150M`` over 7 years = $21,428,571/yr vs "$21.4 million a year").

A hedge widens around that: each side is the wider of the hedge's bound and the written
precision's (``about $100 million`` stays [90M, 110M]), except a side that a bound sets, which
is compared as written (``more than 150 million`` is at least 150M, ``nearly 50%`` at most 50%:
see ``readers.with_precision``). Orders of magnitude and mappings get the floor; bare YAML numbers the precision of their
digits, like a phrase.
"""

from __future__ import annotations

__all__ = ["PRECISION_CAP", "PRECISION_FLOOR", "describe_precision", "relative_precision", "widen"]

PRECISION_CAP = 0.05
PRECISION_FLOOR = 0.01


def relative_precision(x: float, half: float | None) -> float:
    """Half a unit of the last written digit, relative to the figure, within floor and cap."""
    if x == 0:
        return 0.0
    if half is None:
        return PRECISION_CAP
    return min(PRECISION_CAP, max(PRECISION_FLOOR, half / abs(x)))


def widen(
    low: float | None, high: float | None, rel_low: float, rel_high: float
) -> tuple[float | None, float | None]:
    """[low, high] widened outward by its relative precisions (a bound of 0 stays 0)."""
    new_low = None if low is None else low - rel_low * abs(low)
    new_high = None if high is None else high + rel_high * abs(high)
    return new_low, new_high


def union(
    written: tuple[float | None, float | None], precise: tuple[float | None, float | None]
) -> tuple[float | None, float | None]:
    """Each side the wider of the two; an unbounded side stays unbounded."""
    (w_low, w_high), (p_low, p_high) = written, precise
    low = None if w_low is None or p_low is None else min(w_low, p_low)
    high = None if w_high is None or p_high is None else max(w_high, p_high)
    return low, high


def describe_precision(rel: float, half: float | None, x: float) -> str:
    """'±2.9% (half a unit of the last written digit)', '±5% (the cap for a round figure)'."""
    if half is None or (x and half / abs(x) >= PRECISION_CAP):
        return f"±{PRECISION_CAP:.0%} (the cap: a round figure's trailing zeros are not taken at face value)"
    if x and half / abs(x) <= PRECISION_FLOOR:
        return f"±{PRECISION_FLOOR:.0%} (the floor: no figure is compared more sharply)"
    return f"±{_percent(rel)} (half a unit of the last written digit)"


def _percent(rel: float) -> str:
    text = f"{rel * 100:.2g}"
    return f"{text}%"
