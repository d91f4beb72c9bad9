"""How `hirel check` prints problems: one reporter per format (`REPORTERS`). A module of its own,
which imports neither the model nor Rich, so that a warm `hirel check` loads nothing else to print."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import IO

from ..problems import ERROR, Problem
from .terminal import json_text, safe, safe_line


def report_text(problems: Sequence[Problem], stream: IO[str], color: bool = False) -> None:
    """``path:line:col: CODE message`` (warnings say so), then an indented hint line."""
    red, yellow, dim, bold, reset = ("\x1b[31m", "\x1b[33m", "\x1b[2m", "\x1b[1m", "\x1b[0m") if color else ("",) * 5
    for p in problems:
        tint = red if p.severity == ERROR else yellow
        label = "" if p.severity == ERROR else "warning: "
        stream.write(f"{bold}{safe_line(p.path)}:{p.line}:{p.column}:{reset} {tint}{p.code}{reset} "
                     f"{label}{safe_line(p.message)}\n")
        if p.hint:
            stream.write(f"    {dim}hint:{reset} {safe_line(p.hint)}\n")


def report_json(problems: Sequence[Problem], stream: IO[str], color: bool = False) -> None:
    stream.write(json_text([p.as_dict() for p in problems], stream=stream) + "\n")


def report_jsonl(problems: Sequence[Problem], stream: IO[str], color: bool = False) -> None:
    for p in problems:
        stream.write(json_text(p.as_dict(), indent=None, stream=stream) + "\n")


def _github_escape(text: str, prop: bool = False) -> str:
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return text.replace(":", "%3A").replace(",", "%2C") if prop else text


def report_github(problems: Sequence[Problem], stream: IO[str], color: bool = False) -> None:
    """GitHub Actions workflow commands: annotations on the pull request's files."""
    for p in problems:
        level = "error" if p.severity == ERROR else "warning"
        message = p.message + (f" (hint: {p.hint})" if p.hint else "")
        stream.write(f"::{level} file={_github_escape(safe(p.path), True)},line={p.line},col={p.column},"
                     f"title={p.code}::{_github_escape(safe_line(message))}\n")


REPORTERS: dict[str, Callable[[Sequence[Problem], IO[str], bool], None]] = {
    "text": report_text,
    "json": report_json,
    "jsonl": report_jsonl,
    "github": report_github,
}
