"""The reporters, by name: how `hirel check` prints problems, and how each browsing view is
written in each format. Every reporter writes only to the stream it is given."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from importlib import import_module
from typing import IO, Any

from ..model import ERROR, Problem
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


# The browsing views, by view and format: (module under hirel.output.browsing, function). The
# modules are imported only when a view is written (they import Rich), so `hirel check` and
# the fast path never pay for them.
VIEW_FORMATS = ("table", "json", "csv", "markdown")
VIEW_REPORTERS: dict[str, dict[str, tuple[str, str]]] = {
    view: {fmt: (module, f"{view}_{fmt}") for fmt in VIEW_FORMATS}
    for view, module in (("compare", "compare"), ("topics", "topics"), ("propositions", "topics"), ("claims", "claims"),
                         ("show", "show"), ("sources", "sources"), ("timeline", "timeline"), ("matrix", "matrix"),
                         ("entities", "entities"))
}


def view_reporter(view: str, fmt: str) -> Callable[[Any, Any], None]:
    """The reporter writing ``view`` as ``fmt``: called with what the view computed and a
    `hirel.output.browsing.Target`. An unknown view or format raises ValueError naming it."""
    formats = VIEW_REPORTERS.get(view)
    if formats is None:
        raise ValueError(f"unknown view '{view}'; choose one of: {', '.join(VIEW_REPORTERS)}")
    found = formats.get(fmt.lower())
    if found is None:
        raise ValueError(f"unknown format '{fmt}' for {view}; choose one of: {', '.join(formats)}")
    module, name = found
    reporter: Callable[[Any, Any], None] = getattr(import_module(f"{__package__}.browsing.{module}"), name)
    return reporter
