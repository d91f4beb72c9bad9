"""`values.tokens.is_real`: what `isinstance(value, numbers.Real)` says, for every kind of value."""

from __future__ import annotations

import numbers
from decimal import Decimal
from fractions import Fraction

import pytest

from hirel.values.tokens import is_real


class _Registered:
    """A class of someone else's, made a Real by registration only (as numpy's numbers are)."""


numbers.Real.register(_Registered)


@pytest.mark.parametrize("value", [0, -3, 2**80, 1.5, float("nan"), True, False, Fraction(1, 3), _Registered()])
def test_real_numbers(value: object) -> None:
    assert is_real(value) and isinstance(value, numbers.Real)


@pytest.mark.parametrize("value", ["12", "", None, b"1", 1j, Decimal("1.5"), [1], {"low": 1}, object()])
def test_anything_else(value: object) -> None:
    assert not is_real(value) and not isinstance(value, numbers.Real)
