"""This user's own random key, and the keyed checksums (seals) made with it.

The key lives in the user's cache folder (``$XDG_CACHE_HOME/hirel/cache-key``, else
``~/.cache/hirel/cache-key``, mode 600), outside every corpus: a cache file that comes with a
corpus someone else made cannot carry a valid seal. Only `os` and BLAKE2 are imported here (the
pattern store reads this while Python's own modules are still being imported).
"""

from __future__ import annotations

import os

try:  # hashlib's own blake2b, without loading OpenSSL's bindings (a few milliseconds at start-up)
    from _blake2 import blake2b
except ImportError:  # another Python
    from hashlib import blake2b

KEY_SIZE = 32


def digest(data: bytes) -> str:
    """A short hash of ``data`` (not keyed: names and identities, not seals)."""
    return blake2b(data, digest_size=16).hexdigest()


def seal(body: bytes | memoryview, key: bytes) -> bytes:
    """The keyed checksum of ``body``: only a holder of ``key`` can make it."""
    return blake2b(body, digest_size=32, key=key).hexdigest().encode("ascii")


def crc(body: bytes | memoryview) -> int:
    """The CRC-32 of ``body``: no seal, a check against damage (a fifth of a seal's cost)."""
    import zlib

    return zlib.crc32(body)


def owned(st: os.stat_result) -> bool:
    """Whether the file ``st`` describes belongs to this user (never, where users are not told apart)."""
    getuid = getattr(os, "getuid", None)
    return getuid is not None and st.st_uid == getuid()


def user_folder() -> str | None:
    """hirel's folder in the user's cache folder, or None when there is no home to put it in."""
    base = os.environ.get("XDG_CACHE_HOME")
    if not base or not os.path.isabs(base):
        home = os.path.expanduser("~")
        if home == "~":
            return None
        base = os.path.join(home, ".cache")
    return os.path.join(base, "hirel")


def key_file() -> str | None:
    folder = user_folder()
    return None if folder is None else os.path.join(folder, "cache-key")


def user_key() -> bytes | None:
    """This user's random key, made on first use; None if it cannot be had."""
    path = key_file()
    if path is None:
        return None
    try:
        with open(path, "rb") as stream:
            key = stream.read()
        if len(key) == KEY_SIZE:
            return key
    except OSError:
        pass
    try:
        os.makedirs(os.path.dirname(path), mode=0o700, exist_ok=True)
        temporary = os.path.join(os.path.dirname(path), f".tmp-key-{os.getpid()}-{os.urandom(6).hex()}")
        handle = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(handle, "wb") as stream:
            stream.write(os.urandom(KEY_SIZE))
        try:
            os.replace(temporary, path) if _unusable(path) else os.unlink(temporary)
        except OSError:
            os.unlink(temporary)
        with open(path, "rb") as stream:
            key = stream.read()  # the one that won, when two runs make it at once
    except OSError:
        return None
    return key if len(key) == KEY_SIZE else None


def _unusable(path: str) -> bool:
    try:
        return os.stat(path).st_size != KEY_SIZE
    except OSError:
        return True
