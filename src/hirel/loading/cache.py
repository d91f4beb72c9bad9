"""Where `hirel check` keeps what it found in each file, and how that is stored safely.

One file per data directory (and per way of showing its paths), in ``$HIREL_CACHE_DIR``, else in
``.hirel/cache/`` beside the data directory (``.hirel/`` gets a ``.gitignore`` of its own).

The content is Python's ``marshal`` format (plain data only: dicts, lists, strings, numbers,
None; reading and writing it is several times faster than JSON). ``marshal`` is not made to read
hostile bytes, and the cache folder may come with an untrusted copy of a corpus, so the file
starts with a line holding a keyed checksum (BLAKE2b) of the rest, made with a random key of
this user's own, kept outside every corpus (``$XDG_CACHE_HOME/hirel/cache-key``, else
``~/.cache/hirel/cache-key``): a cache that was not written by this user's hirel, or that is cut
short or corrupt, is never handed to ``marshal`` and counts as no cache. Without a usable key
there is no cache at all (the answers are the same, only slower). Nothing in the file is ever run:
what ``marshal`` gives back is checked to be a plain mapping, and each entry against its file.

It is written to a temporary file that is then renamed over the old one, so that runs in parallel
(pre-commit splits the file list across several calls) each read a whole file: the last writer
wins, and every entry is checked against the data file it describes before it is used.

A run that changed few entries (a commit's few files) does not write the whole file again: it
writes the entries that differ from it, and the names gone, to a small file beside it
(``….bin.recent``, sealed the same way), which names the large file it applies to by that file's
seal. Reading applies it only to that very file: after a full write, or when the large file was
replaced by another run, an older ``.recent`` file is ignored (its entries are read again from
their data files, which is slower, never wrong). When the changes since the last full write pass
a sixteenth of the entries, the whole file is written again.
"""

from __future__ import annotations

import marshal
import os
import sys
from pathlib import Path
from typing import Any, Literal

from .. import __version__
from ..userkey import crc, digest, key_file, owned, user_key
from ..userkey import seal as _seal

CACHE_ENV = "HIREL_CACHE_DIR"
_FORMAT = "hirel-check-cache 3"
_RECENT_FORMAT = "hirel-check-cache-recent 1"
_RECENT_LEAST = 8  # changes always kept in the small file, however few entries there are
_MARSHAL_VERSION = 4
# Libraries whose behaviour shows in problems (messages of the YAML parser, closest-passage scores).
_LIBRARIES = ("yaml", "rapidfuzz")


def default_cache_dir(root: Path) -> Path:
    """``$HIREL_CACHE_DIR``, else ``.hirel/cache`` beside the data directory ``root``."""
    chosen = os.environ.get(CACHE_ENV)
    if chosen:
        return Path(chosen)
    return Path(os.path.abspath(root)).parent / ".hirel" / "cache"


def key_path() -> Path | None:
    """Where this user's cache key is kept: out of every corpus, in the user's cache folder."""
    path = key_file()
    return None if path is None else Path(path)


def encode(document: dict[str, Any], key: bytes, form: str = _FORMAT) -> bytes:
    """The bytes of a cache file holding ``document`` (plain data only)."""
    body = marshal.dumps(document, _MARSHAL_VERSION)
    return form.encode("ascii") + b" " + _seal(body, key) + b"\n" + body


def decode(raw: bytes, key: bytes, form: str = _FORMAT) -> Any:
    """What a cache file holds, or None when it is not one this user's hirel wrote, whole."""
    end = raw.find(b"\n")
    body = memoryview(raw)[end + 1:]  # not a copy of a megabyte
    if end < 0 or raw[:end] != form.encode("ascii") + b" " + _seal(body, key):
        return None
    try:
        return marshal.loads(body)
    except (ValueError, EOFError, TypeError):
        return None


def code_fingerprint() -> str:
    """What hirel's answers depend on besides the data: its version, Python's, and its own source
    files and those of the libraries it reads YAML and matches quotes with (size and time of
    change, so that an upgrade, a reinstall or an edit of an installed copy all count)."""
    parts: list[str] = [_FORMAT, __version__, sys.version]
    _source_stats(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), parts)  # the whole package
    from importlib.util import find_spec

    for library in _LIBRARIES:
        try:
            spec = find_spec(library)
        except (ImportError, ValueError):
            spec = None
        parts.append(_stat_text(spec.origin) if spec is not None and spec.origin else f"{library}: absent")
    return digest("\n".join(parts).encode("utf-8", "surrogateescape"))


def _identity(st: os.stat_result) -> list[int] | None:
    """What tells one file from every other: its device, inode, size, and times of last change
    (``ctime``, which the system alone sets, to the time of any write or rename); None when it
    does not belong to this user, or where users are not told apart (another system).

    The ``.recent`` file (sealed) records the identity of the large file it applies to, as its
    writer saw it, and the CRC-32 of its content: a large file with that identity is the one this
    user's hirel wrote, untouched since, and its seal need not be checked again (the most of a
    `hirel check FILE`'s reading). A file put in its place, or changed in any way, has another
    identity (another inode or ctime); the CRC-32 (a fifth of the seal's cost) catches what the
    identity cannot: a file damaged on disk, or written within the same tick of a coarse clock."""
    if not owned(st):
        return None
    return [st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino, st.st_dev]


def _source_stats(folder: str, parts: list[str]) -> None:
    """Add the size and time of change of each ``.py`` file under ``folder`` to ``parts``, in name
    order, folders after the files beside them (as `os.walk` lists them), ``__pycache__`` left out."""
    try:
        with os.scandir(folder) as scan:
            entries = sorted(scan, key=_entry_name)
    except OSError:
        parts.append(f"{folder}: unreadable")
        return
    subfolders = []
    for entry in entries:
        if entry.is_dir():
            if entry.name != "__pycache__":
                subfolders.append(entry.path)
        elif entry.name.endswith(".py"):
            parts.append(_stat_text(entry.path))
    for subfolder in subfolders:
        _source_stats(subfolder, parts)


def _entry_name(entry: os.DirEntry[str]) -> str:
    return entry.name


def _stat_text(path: str) -> str:
    try:
        st = os.stat(path)
    except OSError:
        return f"{path}: unreadable"
    return f"{path}: {st.st_size} {st.st_mtime_ns}"


class CheckCache:
    """The cache file of one data directory: ``load`` what a previous run stored, ``save`` anew."""

    def __init__(self, directory: Path, root: Path, shown_root: str, kind: str = "check",
                 recent: bool | None = None) -> None:
        """``kind``: "check" (what checking each file found), "corpus" (what reading it gave) or
        "answer"; ``recent``: whether few changes go to the small ``.recent`` file (by default,
        for the per-file kinds)."""
        self.directory = directory
        self.shown_root = shown_root
        key = digest(f"{os.path.abspath(root)}\0{shown_root}".encode("utf-8", "surrogateescape"))
        self.path = directory / f"{kind}-{key}.bin"
        self.recent_path = directory / f"{kind}-{key}.bin.recent"
        self.uses_recent = kind in ("check", "corpus") if recent is None else recent
        self._key: bytes | None | bool = False  # not looked up yet
        self._base: dict[str, Any] | None = None  # the entries of the large file, as read
        self._base_seal = b""  # its first line, which names it
        self._base_fingerprint = ""
        self._base_identity: list[int] | None = None  # its identity when read (see `_identity`) and CRC-32
        # Whether what `load` gave comes from files this hirel's `save` wrote, untouched since (the
        # large file vouched for by the sealed small one): every entry then has the shape `save`
        # gave it (which `entries.well_formed` checks of entries from anywhere else).
        self.vouched = False

    @property
    def key(self) -> bytes | None:
        if self._key is False:
            self._key = user_key()
        return self._key  # type: ignore[return-value]

    def load(self, fingerprint: str) -> dict[str, Any]:
        """The entries stored by a run of the same hirel, or {} (missing, unreadable, corrupt)."""
        self._base = None
        self._base_identity = None
        self.vouched = False
        try:
            with open(self.path, "rb") as stream:
                identity = _identity(os.fstat(stream.fileno()))  # of the very bytes read
                raw = stream.read()
        except OSError:
            return {}
        key = self.key
        if key is None:
            return {}
        recent = self._recent(fingerprint) if self.uses_recent else None
        base_seal = raw[:max(raw.find(b"\n"), 0)]
        if recent is not None and recent.get("base") != base_seal:
            recent = None  # it names another large file (one replaced since, or an older one)
        document = None
        body = memoryview(raw)[len(base_seal) + 1:]
        checksum = crc(body)  # (a fraction of what its seal costs)
        vouch = recent.get("vouch") if recent is not None else None
        if identity is not None and vouch == [*identity, checksum]:
            # The large file this user's hirel wrote, untouched since (see `_identity`), and whole
            # (its CRC-32, against damage on disk): its seal need not be worked out again.
            try:
                document = marshal.loads(body)
                self.vouched = True
            except (ValueError, EOFError, TypeError):
                document = None
        if document is None:
            document = decode(raw, key)
        if not isinstance(document, dict) or document.get("fingerprint") != fingerprint:
            return {}
        entries = document.get("files")
        if not isinstance(entries, dict):
            return {}
        self._base, self._base_seal, self._base_fingerprint = entries, base_seal, fingerprint
        self._base_identity = None if identity is None else [*identity, checksum]
        if recent is not None:
            return self._with_recent(entries, recent)
        return entries

    def _recent(self, fingerprint: str) -> dict[str, Any] | None:
        """What the ``.recent`` file holds, if this user's hirel wrote it for this fingerprint."""
        try:
            raw = self.recent_path.read_bytes()
        except OSError:
            return None
        assert self.key is not None
        recent = decode(raw, self.key, _RECENT_FORMAT)
        if not isinstance(recent, dict) or recent.get("fingerprint") != fingerprint:
            return None
        return recent

    @staticmethod
    def _with_recent(entries: dict[str, Any], recent: dict[str, Any]) -> dict[str, Any]:
        """``entries`` with the changes of the ``.recent`` file that names this very large file."""
        changed, removed = recent.get("changed"), recent.get("removed")
        if not isinstance(changed, dict) or not isinstance(removed, list):
            return entries
        merged = entries | changed
        for name in removed:
            if isinstance(name, str):
                merged.pop(name, None)
        return merged

    def signature(self) -> list[int] | None:
        """The `stat` signatures of the large file and its ``.recent`` file (zeros when there is
        none), or None when there is no large file: a change to either shows in it."""
        found: list[int] = []
        for path in (self.path, self.recent_path):
            try:
                st = os.stat(path)
                found += [st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino]
            except OSError:
                if path == self.path:
                    return None
                found += [0, 0, 0, 0]
        return found

    def save(self, fingerprint: str, entries: dict[str, Any]) -> None:
        """Store ``entries`` atomically; a cache that cannot be written is silently skipped. Few
        changes since the large file was written go to the ``.recent`` file only."""
        key = self.key
        if key is None:
            return
        base = self._base
        if self.uses_recent and base is not None and self._base_fingerprint == fingerprint:
            changed = {name: entry for name, entry in entries.items() if base.get(name) is not entry}
            removed = [name for name in base if name not in entries]
            if len(changed) + len(removed) <= max(_RECENT_LEAST, len(base) // 16):
                self._write_recent(fingerprint, self._base_seal, self._base_identity, changed, removed)
                return
        try:
            data = encode({"fingerprint": fingerprint, "files": entries}, key)
        except ValueError:  # not plain data (never expected): no cache rather than a crash
            return
        identity = self._write(self.path, data)
        if identity is not False and self.uses_recent:
            if identity is not None:
                identity = [*identity, crc(memoryview(data)[data.find(b"\n") + 1:])]
            # A fresh small file (no change yet) that vouches for the large one just written; when
            # it cannot be written, the one there names the file just replaced and is ignored.
            self._write_recent(fingerprint, data[:data.find(b"\n")], identity, {}, [])

    def _write_recent(self, fingerprint: str, base_seal: bytes, identity: list[int] | None,
                      changed: dict[str, Any], removed: list[str]) -> None:
        recent = {"fingerprint": fingerprint, "base": base_seal, "changed": changed, "removed": removed}
        if identity is not None:
            recent["vouch"] = identity
        assert self.key is not None
        try:
            self._write(self.recent_path, encode(recent, self.key, _RECENT_FORMAT))
        except ValueError:  # not plain data (never expected)
            pass

    def _write(self, path: Path, data: bytes) -> list[int] | None | Literal[False]:
        """Write ``data`` to ``path`` atomically: False when it could not be written, else the
        identity of the file written (see `_identity`), taken once it has its name."""
        # A name of its own for each writer (tempfile would cost more to import than this takes).
        temporary = self.directory / f".tmp-{os.getpid()}-{os.urandom(6).hex()}"
        try:
            self._make_directory()
            handle = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
        except OSError:
            return False
        try:
            with os.fdopen(handle, "wb") as stream:
                stream.write(data)
                stream.flush()
                os.replace(temporary, path)
                # (of this very file, even if another run has replaced it since: renaming changes
                # its ctime, so it is taken after)
                return _identity(os.fstat(stream.fileno()))
        except OSError:
            try:
                os.unlink(temporary)
            except OSError:
                pass
            return False

    def _make_directory(self) -> None:
        if self.directory.is_dir():
            return
        self.directory.mkdir(parents=True, exist_ok=True)
        hidden = self.directory.parent
        if hidden.name == ".hirel" and not (hidden / ".gitignore").exists():
            # Like .pytest_cache: the folder keeps itself out of version control.
            (hidden / ".gitignore").write_text("# written by hirel: its cache is not to be committed\n*\n",
                                               encoding="utf-8")
