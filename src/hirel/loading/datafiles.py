"""Reading one data file: its text, its YAML, and the path it is shown under."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from typing import Any

from ..model import Loc, Problem
from ..rules.files import Encoding, Unreadable
from .paths import display_path as display_path  # noqa: PLC0414 (defined there: it imports nothing)
from .yamlfile import BYTES_FROM, load_yaml, load_yaml_bytes


def read_text(path: Path, shown: str, raw: bytes | None = None) -> tuple[str | None, list[Problem]]:
    """The file as text (``raw``: its bytes, when already read)."""
    if raw is None:
        try:
            raw = path.read_bytes()
        except OSError as exc:
            return None, [Unreadable.problem(Loc(shown), f"cannot read the file: {exc.strerror or exc}")]
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        before = raw[: exc.start]
        line = before.count(b"\n") + 1
        column = exc.start - (before.rfind(b"\n") + 1) + 1
        return None, [Encoding.problem(
            Loc(shown, line, column), f"the file is not UTF-8 (byte 0x{raw[exc.start]:02x} at offset {exc.start})",
            "save the file as UTF-8")]
    return text.replace("\r\n", "\n"), []


def load_yaml_file(path: Path, shown: str | None = None, raw: bytes | None = None) -> tuple[str, Any, list[Problem]]:
    shown = shown or display_path(path)
    if raw is None and not path.exists():
        return shown, None, [Unreadable.problem(Loc(shown), f"{path.name} is missing",
                                                f"create {path.name}; see `hirel schema`")]
    if raw is None and not path.is_file():  # a pipe would block and /dev/zero never ends: only regular files
        kind = "a directory" if path.is_dir() else "not a regular file"
        return shown, None, [Unreadable.problem(Loc(shown), f"{path.name} is {kind}; hirel does not read it",
                                                f"make {path.name} a plain file")]
    if raw is None:
        try:
            raw = path.read_bytes()
        except OSError:
            pass  # reported by read_text
    text, problems = read_text(path, shown, raw)
    if text is None:
        return shown, None, problems
    if raw is not None and BYTES_FROM is not None and len(raw) >= BYTES_FROM:
        del text  # the parser reads the bytes (see load_yaml_bytes)
        data, problems = load_yaml_bytes(raw, shown)
    else:
        data, problems = load_yaml(text, shown)
    return shown, data, problems


def date_text(value: Any) -> str:
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    return str(value)
