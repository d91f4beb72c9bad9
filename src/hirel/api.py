"""The library's public functions, re-exported by ``hirel`` (``import hirel``).

    >>> import hirel
    >>> corpus = hirel.load_corpus("data")
    >>> [p.code for p in hirel.check("data")]
    []
    >>> result = hirel.compare(corpus, "funding")
    >>> value = hirel.read_value("$30 million a month", unit="USD/year")
    >>> value.as_written, (value.low, value.high)  # as written; compared (written precision)
    ((360000000.0, 360000000.0), (342000000.0, 378000000.0))

Each takes plain values (``str`` or ``os.PathLike`` paths, strings for units and periods) and
raises only ``hirel.HirelError`` subclasses on bad input.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .comparing.comparison import Comparison
    from .model import Corpus, Interval, Problem


def _data_dir(path: str | os.PathLike[str]) -> Path:
    from .loading.discovery import DataDirError, is_data_dir

    folder = Path(os.fspath(path))
    if not is_data_dir(folder):
        raise DataDirError(f"'{folder}' is not a data directory (a folder with articles/ and claims/)")
    return folder


def load_corpus(path: str | os.PathLike[str]) -> Corpus:
    """The corpus in the data directory ``path`` (a folder holding ``articles/`` and ``claims/``).

    Loading never stops at a broken file: what could be read is returned, and ``check(path)``
    lists the problems. Raises ``DataDirError`` when ``path`` is not a data directory.
    """
    from .loading.loader import load_corpus as load

    corpus, _problems = load(_data_dir(path))
    return corpus


def check(path: str | os.PathLike[str], files: Iterable[str | os.PathLike[str]] = ()) -> list[Problem]:
    """Every problem of the corpus at ``path``, sorted by place, as ``hirel check`` reports them.

    With ``files``, only the problems those files answer for (the whole corpus is still loaded,
    so cross-references are checked). Raises ``DataDirError`` when ``path`` is not a data directory.
    """
    from .rules.checker import check_corpus

    _corpus, problems = check_corpus(_data_dir(path), [Path(os.fspath(f)) for f in files])
    return problems


def compare(corpus: Corpus, subject: str) -> Comparison:
    """Compare every proposition of the topic ``subject``, or the proposition ``subject``.

    Raises ``UnknownName`` (with suggestions) when the corpus has neither.
    """
    from .comparing.comparison import compare as run

    return run(corpus, subject)


def read_value(
    text: object, unit: str | None = None, when: str | None = None, measures: str | None = None
) -> Interval:
    """How hirel reads a value: the interval it means, in ``unit`` when given (converted, using
    the period ``when`` for totals over a period), else in its own unit. ``low``/``high`` are
    the interval compared (widened by the written precision), ``as_written`` the figure as
    written; ``measures="change"`` reads changes ('up 21%', 'doubled').

    Raises ``ValueParseError`` (one sentence, with what to write instead) when the phrase cannot
    be read right.
    """
    from .values import explain_value

    return explain_value(text, unit, when, measures)
