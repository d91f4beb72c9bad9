"""The counting primitives of `counting`: binary search over sorted bounds, and a Fenwick tree
(counts of what was added below a position, in O(log n) each)."""

from __future__ import annotations

from collections.abc import Callable

from .relations import exceeds

__all__ = ["Fenwick", "exceeding", "first_true", "not_exceeded_by"]


class Fenwick:
    """How many positions were added below a given one."""

    def __init__(self, size: int) -> None:
        self.tree = [0] * (size + 1)

    def add(self, position: int) -> None:  # 0-based
        position += 1
        tree = self.tree
        while position < len(tree):
            tree[position] += 1
            position += position & -position

    def total(self, count: int) -> int:  # how many added at positions < count
        tree, result = self.tree, 0
        while count > 0:
            result += tree[count]
            count -= count & -count
        return result


def first_true(keys: list[float], predicate: Callable[[float], bool]) -> int:
    """The first index whose key satisfies a predicate that is False, then True along ``keys``."""
    lo, hi = 0, len(keys)
    while lo < hi:
        mid = (lo + hi) // 2
        if predicate(keys[mid]):
            hi = mid
        else:
            lo = mid + 1
    return lo


def exceeding(high: float, tol: float) -> Callable[[float], bool]:
    """Is a low bound above ``high`` (beyond the tolerance)?"""
    return lambda low: exceeds(low, high, tol)


def not_exceeded_by(low: float, tol: float) -> Callable[[float], bool]:
    """Is a high bound no longer below ``low`` (beyond the tolerance)?"""
    return lambda high: not exceeds(low, high, tol)
