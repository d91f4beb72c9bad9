"""Compiled regular expressions kept from one run of the `hirel` command to the next.

Python compiles a regular expression in two steps: it parses the pattern and generates its
matching code in Python (the slow part: the value reader's patterns take about 17 ms, PyYAML's
about 7 ms at import, on every run), then hands that code to `_sre.compile`, in C, which makes the
`re.Pattern` (well under a millisecond). This store keeps the generated code, per pattern and
flags, in the user's cache folder (beside the check cache's key, never in a corpus), so that a
later run only does the second step.

While the command line runs (`hirel.cli.main`), `re.compile` is this store's `compile`; the
library alone never uses it. It is trusted no more than it has to be:

- A pattern's code is stored only after the pattern made from it has been checked to be equal
  (`==`: same pattern, flags and code) to the one `re.compile` made, with the same groups.
- The file is sealed with this user's key (as the check cache is), and named after the exact
  Python build and its regular-expression engine (`sys.version`, `_sre.MAGIC`), so code made by
  another Python is never read. `_sre.compile` itself refuses code that is not well formed. The
  seal is checked when the file or its folder could have been written by anyone else; in the
  user's own folder (where the key is kept too, so that whoever could write the file could seal
  it) only a checksum is, against a file damaged on disk (a seal over the whole store cost more
  than the rest of reading it).
- Anything unexpected (no key, a file cut short, an engine whose internals differ, a pattern the
  engine refuses) means `re.compile` as usual: the store can make a run slower, never different.

`--no-cache` turns it off with the other caches.
"""

from __future__ import annotations

import marshal
import os
import re
import sys
from typing import Any

_FORMAT = b"hirel-patterns 2"  # then the seal, and a CRC-32 of the rest (hexadecimal)
_MOST = 2000  # patterns kept; past that, only those of the last run (hirel's own change with it)
# What the engine's internals may raise when they are not what this store expects.
_UNEXPECTED = (AttributeError, EOFError, ImportError, IndexError, KeyError, OverflowError, RuntimeError, TypeError,
               ValueError, re.error)
_Key = tuple[str, int]
_Record = tuple[int, list[int], int, dict[str, int], tuple[str | None, ...]]


def _engine() -> Any:
    """CPython's regular-expression engine (loaded with `re`), or None on another Python."""
    engine = sys.modules.get("_sre")
    return engine if hasattr(engine, "compile") and hasattr(engine, "MAGIC") else None


class PatternStore:
    """The stored patterns of one file: ``compile`` as `re.compile` does, from the store when it can."""

    def __init__(self, path: str | None = None, key: bytes | None = None, *, find: str = "") -> None:
        """The store in ``path``, sealed with ``key``; with ``find`` (a kind of run, see `store_path`),
        this user's own, looked up on first use (a run that compiles nothing does not touch it)."""
        self.path = path
        self.key = key
        self.find = find
        self.records: dict[_Key, bytes] | None = None  # each record marshalled alone; read on first use
        self.made: dict[_Key, re.Pattern[str]] = {}
        self.used: set[_Key] = set()
        self.changed = False
        self.key_sought = False  # this user's key looked up (a store that finds its own, once)
        self.original = re.compile
        self.engine = _engine()

    def compile(self, pattern: Any, flags: Any = 0) -> Any:
        """What ``re.compile(pattern, flags)`` gives, made from the store's code when it holds it."""
        if type(pattern) is not str or self.engine is None:  # bytes, a compiled pattern: as usual
            return self.original(pattern, flags)
        try:
            number = int(flags)
        except (TypeError, ValueError):
            return self.original(pattern, flags)
        if number & re.DEBUG:
            return self.original(pattern, flags)
        key = (pattern, number)
        found = self.made.get(key)
        if found is not None:
            return found
        packed = self._records().get(key)
        compiled = None
        if type(packed) is bytes:
            try:
                compiled = self.engine.compile(pattern, *marshal.loads(packed))
            except _UNEXPECTED:  # code this engine refuses: made again below, and replaced
                compiled = None
        if compiled is None:
            compiled = self.original(pattern, flags)  # a bad pattern raises re.error here, as before
            record = _record(self.engine, pattern, number, compiled) if self._may_store() else None
            if record is not None:
                self._records()[key] = marshal.dumps(record, 4)
                self.changed = True
        self.made[key] = compiled
        self.used.add(key)
        return compiled

    def _records(self) -> dict[_Key, bytes]:
        if self.records is None:
            if self.find:
                self.path = store_path(self.find)
            self.records = _read(self.path, self.key, self.find != "")
        return self.records

    def _may_store(self) -> bool:
        """Whether new records can be saved: a file and a key to seal it with (this user's own,
        looked up only now for a store that finds it: a run that adds nothing never reads it)."""
        if self.key is None and self.find and self.path is not None and not self.key_sought:
            from .userkey import user_key

            self.key = user_key()
            self.key_sought = True
        return self.path is not None and self.key is not None

    def save(self) -> None:
        """Write the store back if this run added to it (atomically; silently skipped on failure)."""
        if not self.changed or self.path is None or self.key is None or self.records is None:
            return
        records = self.records
        if len(records) > _MOST:
            records = {key: records[key] for key in self.used if key in records}
        try:
            body = marshal.dumps(records, 4)
        except ValueError:
            return
        from .userkey import seal

        data = _FORMAT + b" " + seal(body, self.key) + b" " + _checksum(body) + b"\n" + body
        temporary = f"{self.path}.tmp-{os.getpid()}-{os.urandom(6).hex()}"
        try:
            os.makedirs(os.path.dirname(self.path), mode=0o700, exist_ok=True)
            handle = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            with os.fdopen(handle, "wb") as stream:
                stream.write(data)
            os.replace(temporary, self.path)
        except OSError:
            try:
                os.unlink(temporary)
            except OSError:
                pass


def _record(engine: Any, pattern: str, flags: int, compiled: re.Pattern[str]) -> _Record | None:
    """The code `re` generated for ``pattern``, if the pattern made from it equals ``compiled``."""
    try:
        from re import _compiler, _parser  # type: ignore[attr-defined]

        parsed = _parser.parse(pattern, flags)
        code = [int(op) for op in _compiler._code(parsed, flags)]
        groupindex = {str(name): int(number) for name, number in parsed.state.groupdict.items()}
        indexgroup: list[str | None] = [None] * parsed.state.groups
        for name, number in groupindex.items():
            indexgroup[number] = name
        record: _Record = (int(flags | parsed.state.flags), code, parsed.state.groups - 1, groupindex,
                           tuple(indexgroup))
        again = engine.compile(pattern, *record)
    except _UNEXPECTED:  # internals not as expected: this pattern is not stored
        return None
    if again != compiled or again.groupindex != compiled.groupindex or again.groups != compiled.groups:
        return None
    return record


def _read(path: str | None, key: bytes | None, find_key: bool = False) -> dict[_Key, bytes]:
    """What the store file holds, or {} when it is missing, not sealed with ``key`` (this user's
    own with ``find_key``) or not whole.

    In a folder only this user can write to (the user's cache folder, as hirel makes it), a file of
    this user's own is read without its seal being worked out again: whoever could have written it
    could also read the key beside it, so the seal would tell nothing more there (and `_sre`
    refuses code that is not well formed). Anywhere else the seal is checked."""
    if path is None:
        return {}
    try:
        with open(path, "rb") as stream:
            private = _private(os.fstat(stream.fileno()), path)
            raw = stream.read()
    except OSError:
        return {}
    end = raw.find(b"\n")
    body = memoryview(raw)[end + 1:]
    header = raw[:end].split(b" ") if end > 0 else []
    if len(header) != 4 or header[0] + b" " + header[1] != _FORMAT or header[3] != _checksum(body):
        return {}  # not this kind of file, or not whole (the checksum: a file damaged on disk)
    if not private:
        if key is None and find_key:
            from .userkey import user_key

            key = user_key()
        if key is None:
            return {}
        from .userkey import seal

        if header[2] != seal(body, key):
            return {}
    try:
        records = marshal.loads(body)
    except (ValueError, EOFError, TypeError):
        return {}
    return records if type(records) is dict else {}


def _checksum(body: bytes | memoryview) -> bytes:
    from .userkey import crc

    return b"%08x" % crc(body)


def _private(st: os.stat_result, path: str) -> bool:
    """Whether the file (``st``) and its folder belong to this user, and no one else may write to
    either (a system without users: never)."""
    from .userkey import owned

    if not owned(st) or st.st_mode & 0o022:
        return False
    try:
        folder = os.stat(os.path.dirname(path))
    except OSError:
        return False
    return owned(folder) and not folder.st_mode & 0o022


def store_path(kind: str = "check") -> str | None:
    """This Python's store file for a kind of run, in the user's cache folder (beside the check
    cache's key): "check" (`hirel check`, answered without Typer) and "commands" (the others, which
    compile Typer's, Click's and Rich's patterns too) each read only what they use."""
    engine = _engine()
    from .userkey import digest, user_folder

    folder = user_folder()
    if engine is None or folder is None:
        return None
    # (the store's own format too: two versions of hirel side by side keep a file each)
    build = f"{sys.version}\0{sys.implementation.cache_tag}\0{engine.MAGIC}\0{engine.CODESIZE}\0{engine.MAXREPEAT}" \
        f"\0{_FORMAT.decode('ascii')}"
    return os.path.join(folder, f"patterns-{kind}-{digest(build.encode('utf-8', 'replace'))}.bin")


class StoredPatterns:
    """While active, `re.compile` uses the store (the command line only); saved on leaving."""

    def __init__(self, enabled: bool = True, kind: str = "check") -> None:
        self.store = PatternStore(find=kind) if enabled else None

    def __enter__(self) -> PatternStore | None:
        if self.store is not None:
            re.compile = self.store.compile
        return self.store

    def __exit__(self, *_exc: object) -> None:
        if self.store is not None:
            re.compile = self.store.original
            self.store.save()
