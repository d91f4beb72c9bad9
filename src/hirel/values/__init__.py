"""The value grammar: how a figure written by a person becomes an interval.

``read_value`` reads a phrase ("about $100 million per year", "tens of millions of dollars",
"over 50%", "up 21%", "mid-2017"), a number, or a mapping ``{low, high, unit}`` into an
:class:`~hirel.model.Interval` in the unit the phrase itself is written in;
``normalize_value`` then converts it into the proposition's unit with ``units.convert``.
Every decision is recorded in ``Interval.steps`` so ``hirel value`` can show its work.

The package, by job:

- ``vocabulary``: every word and symbol (units, currencies, magnitudes, rates, hedges,
  dashes, quotes), shared with the unit parser, the period parser and the quote matcher;
- ``tokens``: normalizing a phrase and splitting it into tokens;
- ``parser``: the recursive-descent parser;
- ``words``: the words after a figure (the noun a count counts, or a refusal);
- ``precision``: the interval an exact figure's written digits imply;
- ``changes``: changes (``up 21%``, ``doubled``) on propositions that ``measures: change``;
- ``readers``: from a phrase, number, mapping or date to an interval;
- ``quotes``: is the value's figure in the quote?

Importing the package is free: the names below load their module on first use, so the unit
and period parsers can import ``hirel.values.vocabulary`` without compiling the grammar.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # what the lazy names below are, for type checkers (nothing is imported at run time)
    from hirel.values.units import ConversionError

    from .changes import MeasureMismatch
    from .precision import PRECISION_CAP, PRECISION_FLOOR
    from .quotes import figures_in, value_figures_in_quote
    from .readers import (
        MAX_AMOUNT,
        MAX_PERCENT,
        ROUNDING_TOLERANCE,
        explain_value,
        intervals_overlap,
        normalize_value,
        read_value,
    )
    from .tokens import ValueParseError
    from .vocabulary import DEFAULT_HEDGE, ORDERS_OF_MAGNITUDE, VAGUE_MULTIPLIERS

__all__ = [
    "DEFAULT_HEDGE",
    "MAX_AMOUNT",
    "MAX_PERCENT",
    "ORDERS_OF_MAGNITUDE",
    "PRECISION_CAP",
    "PRECISION_FLOOR",
    "ROUNDING_TOLERANCE",
    "VAGUE_MULTIPLIERS",
    "ConversionError",
    "MeasureMismatch",
    "ValueParseError",
    "explain_value",
    "figures_in",
    "intervals_overlap",
    "normalize_value",
    "read_value",
    "value_figures_in_quote",
]

_HOME = {
    "ValueParseError": "tokens",
    "MeasureMismatch": "changes",
    "read_value": "readers",
    "normalize_value": "readers",
    "explain_value": "readers",
    "intervals_overlap": "readers",
    "ROUNDING_TOLERANCE": "readers",
    "MAX_AMOUNT": "readers",
    "MAX_PERCENT": "readers",
    "PRECISION_CAP": "precision",
    "PRECISION_FLOOR": "precision",
    "figures_in": "quotes",
    "value_figures_in_quote": "quotes",
    "DEFAULT_HEDGE": "vocabulary",
    "ORDERS_OF_MAGNITUDE": "vocabulary",
    "VAGUE_MULTIPLIERS": "vocabulary",
}


def __getattr__(name: str) -> Any:
    if name == "ConversionError":
        from hirel.values.units import ConversionError

        return ConversionError
    module = _HOME.get(name)
    if module is None:
        raise AttributeError(f"module 'hirel.values' has no attribute '{name}'")
    value = getattr(import_module(f"hirel.values.{module}"), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
