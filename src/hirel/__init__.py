"""hirel: compare claims across news sources.

The library API (see ``hirel.api``): ``load_corpus``, ``check``, ``compare``, ``read_value``, and the
exceptions ``HirelError`` (the base of every error on bad input), ``DataDirError``, ``UnknownName``,
``ValueParseError``. Names are imported on first use, so ``import hirel`` stays light for the CLI.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

_EXPORTS = {
    "load_corpus": "hirel.api",
    "check": "hirel.api",
    "compare": "hirel.api",
    "read_value": "hirel.api",
    "HirelError": "hirel.errors",
    "DataDirError": "hirel.loading.discovery",
    "UnknownName": "hirel.comparing.comparison",
    "ValueParseError": "hirel.values",
    "Corpus": "hirel.model",
    "Problem": "hirel.model",
    "Interval": "hirel.model",
    "Comparison": "hirel.comparing.comparison",
}

# Written out (not built from _EXPORTS) so that type checkers and linters read it; a test keeps
# the two lists equal.
__all__ = [
    "Comparison",
    "Corpus",
    "DataDirError",
    "HirelError",
    "Interval",
    "Problem",
    "UnknownName",
    "ValueParseError",
    "__version__",
    "check",
    "compare",
    "load_corpus",
    "read_value",
]

if TYPE_CHECKING:
    from .api import check, compare, load_corpus, read_value
    from .comparing.comparison import Comparison, UnknownName
    from .errors import HirelError
    from .loading.discovery import DataDirError
    from .model import Corpus, Interval, Problem
    from .values import ValueParseError


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'hirel' has no attribute {name!r}")
    from importlib import import_module

    value = getattr(import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)
