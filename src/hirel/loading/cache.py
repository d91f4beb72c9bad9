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
"""

from __future__ import annotations

import marshal
import os
import sys
from pathlib import Path
from typing import Any

from .. import __version__
from ..userkey import digest, key_file, user_key
from ..userkey import seal as _seal

CACHE_ENV = "HIREL_CACHE_DIR"
_FORMAT = "hirel-check-cache 3"
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


def encode(document: dict[str, Any], key: bytes) -> bytes:
    """The bytes of a cache file holding ``document`` (plain data only)."""
    body = marshal.dumps(document, _MARSHAL_VERSION)
    return _FORMAT.encode("ascii") + b" " + _seal(body, key) + b"\n" + body


def decode(raw: bytes, key: bytes) -> Any:
    """What a cache file holds, or None when it is not one this user's hirel wrote, whole."""
    end = raw.find(b"\n")
    body = memoryview(raw)[end + 1:]  # not a copy of a megabyte
    if end < 0 or raw[:end] != _FORMAT.encode("ascii") + b" " + _seal(body, key):
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
    package = Path(__file__).parent.parent  # the whole hirel package
    for folder, subfolders, names in os.walk(package):
        subfolders[:] = sorted(d for d in subfolders if d != "__pycache__")
        for name in sorted(names):
            if name.endswith(".py"):
                parts.append(_stat_text(os.path.join(folder, name)))
    from importlib.util import find_spec

    for library in _LIBRARIES:
        try:
            spec = find_spec(library)
        except (ImportError, ValueError):
            spec = None
        parts.append(_stat_text(spec.origin) if spec is not None and spec.origin else f"{library}: absent")
    return digest("\n".join(parts).encode("utf-8", "surrogateescape"))


def _stat_text(path: str) -> str:
    try:
        st = os.stat(path)
    except OSError:
        return f"{path}: unreadable"
    return f"{path}: {st.st_size} {st.st_mtime_ns}"


class CheckCache:
    """The cache file of one data directory: ``load`` what a previous run stored, ``save`` anew."""

    def __init__(self, directory: Path, root: Path, shown_root: str, kind: str = "check") -> None:
        """``kind``: "check" (what checking each file found) or "corpus" (what reading it gave)."""
        self.directory = directory
        self.shown_root = shown_root
        key = digest(f"{os.path.abspath(root)}\0{shown_root}".encode("utf-8", "surrogateescape"))
        self.path = directory / f"{kind}-{key}.bin"
        self._key: bytes | None | bool = False  # not looked up yet

    @property
    def key(self) -> bytes | None:
        if self._key is False:
            self._key = user_key()
        return self._key  # type: ignore[return-value]

    def load(self, fingerprint: str) -> dict[str, Any]:
        """The entries stored by a run of the same hirel, or {} (missing, unreadable, corrupt)."""
        try:
            raw = self.path.read_bytes()
        except OSError:
            return {}
        key = self.key
        document = decode(raw, key) if key is not None else None
        if not isinstance(document, dict) or document.get("fingerprint") != fingerprint:
            return {}
        entries = document.get("files")
        return entries if isinstance(entries, dict) else {}

    def save(self, fingerprint: str, entries: dict[str, Any]) -> None:
        """Store ``entries`` atomically; a cache that cannot be written is silently skipped."""
        key = self.key
        if key is None:
            return
        try:
            data = encode({"fingerprint": fingerprint, "files": entries}, key)
        except ValueError:  # not plain data (never expected): no cache rather than a crash
            return
        # A name of its own for each writer (tempfile would cost more to import than this takes).
        temporary = self.directory / f".tmp-{os.getpid()}-{os.urandom(6).hex()}"
        try:
            self._make_directory()
            handle = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
        except OSError:
            return
        try:
            with os.fdopen(handle, "wb") as stream:
                stream.write(data)
            os.replace(temporary, self.path)
        except OSError:
            try:
                os.unlink(temporary)
            except OSError:
                pass

    def _make_directory(self) -> None:
        if self.directory.is_dir():
            return
        self.directory.mkdir(parents=True, exist_ok=True)
        hidden = self.directory.parent
        if hidden.name == ".hirel" and not (hidden / ".gitignore").exists():
            # Like .pytest_cache: the folder keeps itself out of version control.
            (hidden / ".gitignore").write_text("# written by hirel: its cache is not to be committed\n*\n",
                                               encoding="utf-8")
