"""Read YAML safely, keeping the file position of every value.

PyYAML's own loaders lose positions, keep the last of two duplicate keys without a word, and
expand aliases without limit. Here the values are built by hand from the parser's events
(libyaml's when present; see yamlbuild.py), so that:

- mappings and lists remember where each key and item is written (1-based line, column);
- a duplicate key is a problem (HR102), and the first value is kept;
- only plain data tags are accepted (HR103), never `!!python/...` or custom tags;
- aliases may not expand beyond ten times the document's own size (HR105);
- scalar keys stay as written (`yes:` is the key "yes", not True).
"""

from __future__ import annotations

import re
from typing import Any, ClassVar

import yaml
import yaml.reader
from yaml.nodes import ScalarNode

from ..model import Loc, Problem
from ..rules.files import YamlSyntax
from ..values.vocabulary import HIDDEN_CHARACTERS
from .yamlbuild import _C_PARSER, _STR, AbortRead, EventBuilder
from .yamltypes import _HIDDEN, MAX_DEPTH, REJECTED, YamlMap, YamlSeq

__all__ = ["MAX_DEPTH", "REJECTED", "YamlMap", "YamlSeq", "_BaseLoader", "_Loader", "load_yaml", "syntax_hint"]

try:
    _BaseLoader: Any = yaml.CSafeLoader
except AttributeError:  # PyYAML built without libyaml
    _BaseLoader = yaml.SafeLoader

# First characters that may start an implicitly typed plain scalar (null, bool, int, float, date…).
# (A resolver for any first character, None, would make every plain scalar worth looking at.)
_IMPLICIT_STARTS = frozenset(key for key in _BaseLoader.yaml_implicit_resolvers if key)
_SHORT_CUT = None not in _BaseLoader.yaml_implicit_resolvers


class _Loader(_BaseLoader):  # type: ignore[misc]  # _BaseLoader is CSafeLoader or SafeLoader: Any
    """The safe loader, with PyYAML's tag resolution (Python code run for every scalar, even
    under libyaml) short-cut: a plain scalar whose first character starts no implicit type (a
    name, a phrase) is a string, and the others are looked up once per distinct text."""

    _plain_tags: ClassVar[dict[str, str]] = {}  # shared by every load: a cache of plain scalars' tags

    def resolve(self, kind: Any, value: Any, implicit: Any) -> str:
        if kind is ScalarNode:
            if not implicit[0]:
                return _STR  # quoted, or tagged by hand (the tag is then kept by the composer)
            if _SHORT_CUT and value and value[0] not in _IMPLICIT_STARTS:
                return _STR
            cached = self._plain_tags.get(value)
            if cached is not None:
                return cached
            tag: str = super().resolve(kind, value, implicit)
            if len(self._plain_tags) < 100_000:
                self._plain_tags[value] = tag
            return tag
        resolved: str = super().resolve(kind, value, implicit)
        return resolved

    if not _BaseLoader.yaml_path_resolvers:  # none in the safe loader: nothing to track per node
        def descend_resolver(self, current_node: Any, current_index: Any) -> None:
            pass

        def ascend_resolver(self) -> None:
            pass


# Where an anchor (&name) may be written; a false alarm only costs time.
_ANCHOR = re.compile(r"(?:^|[\s\[{,])&[^\s\[\]{},]", re.MULTILINE)
_ANCHOR_BYTES = re.compile(_ANCHOR.pattern.encode(), re.MULTILINE)
# The hidden characters as UTF-8 (all outside ASCII, so no other character's bytes match).
_HIDDEN_BYTES = re.compile(b"|".join(re.escape(character.encode()) for character in re.sub(
    "(.)-(.)", lambda m: "".join(map(chr, range(ord(m[1]), ord(m[2]) + 1))), HIDDEN_CHARACTERS)))
# libyaml reads UTF-8 bytes: given a text, it makes a UTF-8 copy of it first. A large file is
# given its bytes instead, so that the text and its copy are not both held while values are built.
BYTES_FROM = 1 << 20 if _C_PARSER else None


class _NeedAnchors(Exception):
    """An alias in a text read as if it had no anchors: it is read again, with them."""


def _within(text: str, line: int, column: int) -> tuple[int, int]:
    """A 0-based (line, column) moved back onto the text: a parser at the end of a file without
    a final newline points one line past it; the place is then the end of the last line."""
    lines = text.split("\n")  # after a final newline, an empty last line: the end of the file
    if line >= len(lines):
        return len(lines) - 1, len(lines[-1])
    return line, column


def _may_hide(text: str | bytes) -> bool:
    """Whether ``text`` may hold a hidden character, as is or as an escape (which needs a '\\')."""
    if "\\" in text if isinstance(text, str) else b"\\" in text:
        return True
    if text.isascii():  # every hidden character is outside ASCII
        return False
    return (_HIDDEN.search(text) if isinstance(text, str) else _HIDDEN_BYTES.search(text)) is not None


def _read(text: str | bytes, path: str, line_offset: int, anchors: bool) -> tuple[Any, list[Problem]]:
    loader = _Loader(text)
    try:
        builder = EventBuilder(loader, path, line_offset, anchors, _may_hide(text))
        try:
            data = builder.document()
        except AbortRead as abort:
            builder.drain()  # an error further on is reported instead, as when composing first
            return None, builder.problems + [abort.problem]
        except yaml.composer.ComposerError as exc:
            if not anchors and "undefined alias" in (exc.problem or ""):
                raise _NeedAnchors from None
            raise
        return data, builder.problems + builder.hidden_problems()
    finally:
        loader.dispose()


def load_yaml_bytes(raw: bytes, path: str) -> tuple[Any, list[Problem]]:
    """`load_yaml` for the bytes of a whole file already known to be UTF-8 (a BOM and CRLF line
    ends are read as in the text). Values and positions are those of the text; on a syntax error
    the text is decoded and read again, so that the error is reported exactly as from the text."""
    try:
        try:
            return _read(raw, path, 0, b"&" in raw and _ANCHOR_BYTES.search(raw) is not None)
        except _NeedAnchors:
            return _read(raw, path, 0, True)
    except (yaml.YAMLError, RecursionError):
        return load_yaml(raw.decode("utf-8-sig").replace("\r\n", "\n"), path)


def load_yaml(text: str, path: str, line_offset: int = 0) -> tuple[Any, list[Problem]]:
    """Parse one YAML document. Returns (data or None, problems); never raises on bad input.

    ``line_offset`` shifts reported lines (front matter starts below the ``---`` line).
    """
    try:
        try:
            return _read(text, path, line_offset, "&" in text and _ANCHOR.search(text) is not None)
        except _NeedAnchors:
            return _read(text, path, line_offset, True)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        at_line, at_column = _within(text, mark.line, mark.column) if mark else (0, 0)
        line, column = at_line + 1 + line_offset, at_column + 1
        message = " ".join(part for part in (exc.context, exc.problem) if part) or str(exc)
        if "single document" in message:
            message += " (only one YAML document per file; remove the extra '---')"
        lines = text.split("\n")
        hint = syntax_hint(message, lines, mark.line if mark else 0, mark.column if mark else 0)
        return None, [YamlSyntax.problem(Loc(path, line, column), f"invalid YAML: {message}", hint)]
    except yaml.reader.ReaderError as exc:
        # Raised for control characters; it gives a character offset, not a mark.
        before = text[: exc.position]
        line = before.count("\n") + 1 + line_offset
        column = exc.position - (before.rfind("\n") + 1) + 1
        return None, [YamlSyntax.problem(
            Loc(path, line, column), f"invalid YAML: control character #x{exc.character:04x} is not allowed",
            "remove the character (it is invisible in most editors)")]
    except yaml.YAMLError as exc:
        return None, [YamlSyntax.problem(Loc(path, 1 + line_offset, 1), f"invalid YAML: {_one_line(exc)}")]
    except RecursionError:
        return None, [YamlSyntax.problem(Loc(path, 1 + line_offset, 1), "YAML nested too deeply; file not read")]


_KEY_VALUE = re.compile(r"^(\s*(?:-\s+)?)([A-Za-z_][\w-]*):\s+(.*)$")


def syntax_hint(message: str, lines: list[str], index: int, column: int) -> str | None:
    """What to do about a YAML syntax error, from PyYAML's message and the line it points at
    (0-based ``index`` and ``column``): the usual slips are an unquoted ': ' in a value, an item
    without its '- ', a line indented differently from its neighbours, a tab, an unclosed quote."""
    line = lines[index] if 0 <= index < len(lines) else ""
    if "cannot start any token" in message and "\t" in line[: column + 1]:
        return "indent with spaces: YAML does not allow tabs"
    if "mapping values are not allowed" in message:
        match = _KEY_VALUE.match(line)
        if match and ": " in match.group(3) and not match.group(3)[:1] in "'\"":
            key, value = match.group(2), match.group(3).rstrip()
            quoted = '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
            return f"the value of '{key}' contains ': ': put it in quotes, {key}: {quoted}"
        return ("this line is indented more than the key above it, or the line above has no ':' "
                "after its key: align the keys of one item, and quote a value that contains ': '")
    if "expected '-' indicator" in message:
        return ("this line is not indented like the list around it: start a new item with '- ' "
                "at the same indentation as the other items, or indent it like the keys of the item above")
    if "quoted scalar" in message and "end of stream" in message:
        return "a quoted value is opened and never closed: close the quote at the end of the value"
    if "unknown escape character" in message:
        return "in double quotes a backslash starts an escape: write \\\\ for a backslash, or use single quotes"
    if "did not find expected key" in message:
        return ("text follows a closing quote, or the line is indented unlike its neighbours: "
                "quote the whole value ('\"x\" said he') and align the keys of one item")
    if "could not find expected ':'" in message:
        return "a key needs ': ' after it (id: my-claim), and a value that spans lines needs quotes"
    return None


def _one_line(exc: BaseException) -> str:
    return " ".join(str(exc).split())
