"""Where `hirel check` keeps what it found in each file, and how that is stored safely.

One JSON file per data directory (and per way of showing its paths), in ``$HIREL_CACHE_DIR``, else
in ``.hirel/cache/`` beside the data directory (``.hirel/`` gets a ``.gitignore`` of its own). The
file starts with a line holding a checksum of the rest: a file that is cut short, corrupt, or from
another hirel is ignored and rewritten, never trusted. It is written to a temporary file that is
then renamed over the old one, so that runs in parallel (pre-commit splits the file list across
several calls) each read a whole file: the last writer wins, and every entry is checked against
the data file it describes before it is used.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Any

try:  # hashlib's own blake2b, without loading OpenSSL's bindings (a few milliseconds at start-up)
    from _blake2 import blake2b
except ImportError:  # another Python
    from hashlib import blake2b

from .. import __version__

CACHE_ENV = "HIREL_CACHE_DIR"
_FORMAT = "hirel-check-cache 1"
# Libraries whose behaviour shows in problems (messages of the YAML parser, closest-passage scores).
_LIBRARIES = ("yaml", "rapidfuzz")


def default_cache_dir(root: Path) -> Path:
    """``$HIREL_CACHE_DIR``, else ``.hirel/cache`` beside the data directory ``root``."""
    chosen = os.environ.get(CACHE_ENV)
    if chosen:
        return Path(chosen)
    return Path(os.path.abspath(root)).parent / ".hirel" / "cache"


def digest(data: bytes) -> str:
    return blake2b(data, digest_size=16).hexdigest()


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

    def __init__(self, directory: Path, root: Path, shown_root: str) -> None:
        self.directory = directory
        key = digest(f"{os.path.abspath(root)}\0{shown_root}".encode("utf-8", "surrogateescape"))
        self.path = directory / f"check-{key}.json"

    def load(self, fingerprint: str) -> dict[str, Any]:
        """The entries stored by a run of the same hirel, or {} (missing, unreadable, corrupt)."""
        try:
            raw = self.path.read_bytes()
            head, _, body = raw.partition(b"\n")
            if head.decode("ascii") != f"{_FORMAT} {digest(body)}":
                return {}
            document = json.loads(body)
        except (OSError, ValueError):
            return {}
        if not isinstance(document, dict) or document.get("fingerprint") != fingerprint:
            return {}
        entries = document.get("files")
        return entries if isinstance(entries, dict) else {}

    def save(self, fingerprint: str, entries: dict[str, Any]) -> None:
        """Store ``entries`` atomically; a cache that cannot be written is silently skipped."""
        body = json.dumps({"fingerprint": fingerprint, "files": entries}, ensure_ascii=True,
                          separators=(",", ":")).encode("ascii")
        # A name of its own for each writer (tempfile would cost more to import than this takes).
        temporary = self.directory / f".tmp-{os.getpid()}-{os.urandom(6).hex()}.json"
        try:
            self._make_directory()
            handle = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
        except OSError:
            return
        try:
            with os.fdopen(handle, "wb") as stream:
                stream.write(f"{_FORMAT} {digest(body)}\n".encode("ascii"))
                stream.write(body)
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
