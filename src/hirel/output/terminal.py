"""Everything that touches the terminal: consoles, colour choice, and making untrusted text safe.

Article text, quotes, notes and names come from files anyone may edit. They are always
shown through `safe()`, which removes escape sequences and control characters and makes
invisible characters visible, and through `rich.text.Text` objects (never markup strings),
so `[bold]` or `:smile:` stay literal.
"""

from __future__ import annotations

import errno
import functools
import os
import re
import sys
from typing import IO, TYPE_CHECKING, Any

from ..values.hidden import HIDDEN_CHARACTERS

if TYPE_CHECKING:
    from rich.console import Console

# CSI (ESC [ ... final), OSC (ESC ] ... BEL or ST), other two-character escapes, and C1 CSI.
_ESCAPES = re.compile(r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?|\x1b[@-Z\\-_]|\x9b[0-?]*[ -/]*[@-~]")
_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
# Bidi controls and zero-width characters (HIDDEN_CHARACTERS, declared with the typography).
HIDDEN = re.compile(f"[{HIDDEN_CHARACTERS}]")


def show_hidden(text: str) -> str:
    """``text`` with every bidi control and zero-width character written as ``⟨U+202E⟩``."""
    return HIDDEN.sub(lambda m: f"\u27e8U+{ord(m.group()):04X}\u27e9", text)


def safe(text: object) -> str:
    """``text`` as a string with terminal escape sequences and control characters removed.

    Newlines and tabs are kept; everything else below U+0020 and in U+007F..U+009F goes.
    Bidi controls and zero-width characters are shown as ``⟨U+202E⟩``: the text reads as it
    is written, not as it would display.
    """
    if text is None:
        return ""
    text = str(text)
    if "\x1b" in text or "\x9b" in text:
        text = _ESCAPES.sub("", text)
    return show_hidden(_CONTROLS.sub("", text))


def safe_line(text: object) -> str:
    """Like safe(), on one line: newlines and runs of whitespace become one space."""
    return " ".join(safe(text).split())


def brief(text: object, limit: int = 200) -> str:
    """Like safe_line(), and at most ``limit`` characters: a longer text keeps its start and
    end around "…" (a 5,000-character path or phrase in a message stays one readable line)."""
    line = safe_line(text)
    if len(line) <= limit:
        return line
    head = (limit - 1) * 2 // 3
    return line[:head] + "…" + line[len(line) - (limit - 1 - head):]


def wants_color(color: str, stream: IO[str]) -> bool:
    """Colour for ``stream``? always/never win; auto: not with NO_COLOR, yes with FORCE_COLOR,
    else only on a terminal."""
    if color == "always":
        return True
    if color == "never" or os.environ.get("NO_COLOR"):
        return False
    return bool(os.environ.get("FORCE_COLOR")) or (hasattr(stream, "isatty") and stream.isatty())


def make_console(color: str = "auto", file: IO[str] | None = None, stderr: bool = False) -> Console:
    """A Rich console that never interprets markup, emoji or highlighting in what it prints.

    ``color``: auto (colour on a terminal; NO_COLOR and FORCE_COLOR honoured), always, never.
    """
    options: dict[str, Any] = {"markup": False, "emoji": False, "highlight": False, "stderr": stderr, "file": file}
    if color == "always":
        options["force_terminal"] = True
    elif color == "never" or (color == "auto" and os.environ.get("NO_COLOR")):
        options["no_color"] = True
        options["color_system"] = None
    stream = file or (sys.stderr if stderr else sys.stdout)
    if not is_tty(stream):
        # Piped output: wide enough that tables rarely wrap; cells fold, never end in "…";
        # no trailing spaces from table padding (they make diffs and golden files noisy).
        options["width"] = _columns() or 100
        options["file"] = _TrailingSpaceStripper(stream)
    return _console_class()(**options)


@functools.cache
def _console_class() -> type[Console]:
    from rich.console import Console

    class QuietConsole(Console):
        """Rich's console, except when the reader of its output goes away: Rich exits 1 there
        (SystemExit); hirel raises BrokenPipeError for its one handler (exit 0, no message:
        `hirel.cli.errors.reader_gone`)."""

        def on_broken_pipe(self) -> None:
            self.quiet = True
            raise BrokenPipeError(errno.EPIPE, "the reader of the output went away")

    return QuietConsole


class _TrailingSpaceStripper:
    """A text stream that writes each line without its trailing spaces."""

    def __init__(self, stream: IO[str]) -> None:
        self._stream = stream
        self._pending = ""

    def write(self, text: str) -> int:
        lines = (self._pending + text).split("\n")
        self._pending = lines.pop()
        if lines:
            self._stream.write("\n".join(line.rstrip(" ") for line in lines) + "\n")
        return len(text)

    def flush(self) -> None:
        if self._pending:
            self._stream.write(self._pending)
            self._pending = ""
        self._stream.flush()

    def isatty(self) -> bool:
        return False

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)


def is_tty(stream: object) -> bool:
    """Is ``stream`` really a terminal (whatever colour was forced)?"""
    isatty = getattr(stream, "isatty", None)
    try:
        return callable(isatty) and bool(isatty())
    except (ValueError, OSError):
        return False


def _columns() -> int:
    try:
        return max(20, int(os.environ.get("COLUMNS", "")))
    except ValueError:
        return 0


_C1 = re.compile(f"[\x7f-\x9f{HIDDEN_CHARACTERS}]")


def json_text(document: Any, indent: int | None = 2, stream: IO[str] | None = None) -> str:
    """``document`` as JSON that is safe to print.

    JSON escapes C0 controls itself; DEL and the C1 controls (0x9b is a one-byte CSI), bidi
    controls and zero-width characters are written as \\u escapes too, so no terminal sequence
    or reordering survives (the data is unchanged). On a
    stream that cannot encode UTF-8, everything non-ASCII is escaped rather than mangled.
    """
    encoding = (getattr(stream, "encoding", None) or "utf-8").lower().replace("-", "")
    import json  # here: `hirel check` in text form never needs it

    text = json.dumps(document, indent=indent, ensure_ascii=encoding != "utf8", default=str)
    return _C1.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
