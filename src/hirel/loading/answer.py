"""The answer of the last `hirel check` of a data directory, given again when no file changed.

A run of `incremental` reuses each file's entry when the file is unchanged (its `stat` signature
is the one recorded, and it was last changed well before it was read). When every article and
claims file was kept in the cache so, their `stat` signatures (with the names listed) and the
registries' content decide the whole answer: the cross-file checks (claims files without an
article, duplicate ids) depend on nothing else. So the run also stores, in a small file of its
own, a digest of those signatures, the registries' key, the `stat` signature of the large cache
file and the problems found; the next run that finds the same signatures (and the same
registries, the same large cache file and the same hirel) prints those problems without reading
the large cache, the YAML reader or any check.

Stored only when every file's entry was stored with a time of change well before its reading
(the condition under which that entry alone would be reused); the file is sealed and written
like the large cache (`cache`). Anything unexpected in it: it counts as no answer.
"""

from __future__ import annotations

import marshal
import os
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from ..problems import Problem
from ..userkey import digest
from .cache import CheckCache

Listed = Sequence[tuple[str, str, str]]  # (path, path as shown, stem) of each data file, as listed


def state(files: Listed, signature_of: Callable[[str, str], Any]) -> str | None:
    """A digest of the files listed and their signatures (``signature_of(path, shown)``: a list of
    four integers, or None when there is none)."""
    parts = []
    for path, shown, _stem in files:
        signature = signature_of(path, shown)
        if type(signature) is not list or len(signature) != 4:
            return None
        parts.append((shown, *signature))
    try:
        return digest(marshal.dumps(parts, 4))  # (marshal: plain data, exactly; hirel and Python in the key)
    except ValueError:
        return None


class Answers:
    """The answer file of one data directory (beside its large cache)."""

    def __init__(self, directory: Path, root: Path, shown_root: str) -> None:
        self.file = CheckCache(directory, root, shown_root, kind="answer")

    def reuse(self, fingerprint: str, registries: str, cache: list[int] | None,
              current: Callable[[], str | None], probes: Sequence[Path] = ()) -> list[Problem] | None:
        """The problems stored for this state of the files and registries, or None. ``cache``: the
        `stat` signature of the large cache file, which must be the one it had when the answer was
        stored (a cache rewritten, damaged or removed since is read, and rewritten, again);
        ``current()``: the `state` of the files now (asked last: it costs a `stat` of each).
        ``probes``: files likely changed (those asked about), looked at first: one changed after
        the answer was written means no answer, without a look at the others."""
        if cache is None:
            return None
        if probes and self._changed_since(probes):
            return None
        found = self.file.load(fingerprint)
        rows = found.get("problems")
        if not found or found.get("registries") != registries or found.get("cache") != cache \
                or type(rows) is not list or not all(map(_row_ok, rows)):
            return None
        now = current()
        if now is None or found.get("state") != now:
            return None
        return [Problem(*row) for row in rows]

    def _changed_since(self, probes: Sequence[Path]) -> bool:
        """Whether one of ``probes`` changed after the answer file was written (a later time of
        change; an equal or earlier one proves nothing, and the full comparison decides)."""
        try:
            written = os.stat(self.file.path).st_mtime_ns
        except OSError:
            return True  # no answer to reuse
        for probe in probes:
            try:
                st = os.stat(probe)
            except OSError:
                continue
            if max(st.st_mtime_ns, st.st_ctime_ns) > written:
                return True
        return False

    def store(self, fingerprint: str, registries: str, current: str | None, cache: list[int] | None,
              rows: list[list[Any]]) -> None:
        if current is not None and cache is not None:
            self.file.save(fingerprint, {"state": current, "registries": registries, "cache": cache, "problems": rows})


def _row_ok(row: Any) -> bool:
    return (type(row) is list and len(row) == 7 and type(row[0]) is str and type(row[1]) is int
            and type(row[2]) is int and type(row[3]) is str and type(row[4]) is str and type(row[5]) is str
            and (row[6] is None or type(row[6]) is str))
