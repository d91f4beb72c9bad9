"""Read YAML safely, keeping the file position of every value.

PyYAML's own loaders lose positions, keep the last of two duplicate keys without a word, and
expand aliases without limit. Here the document is composed into nodes (libyaml's
CSafeLoader when present) and built by hand, so that:

- mappings and lists remember where each key and item is written (1-based line, column);
- a duplicate key is a problem (HR102), and the first value is kept;
- only plain data tags are accepted (HR103), never `!!python/...` or custom tags;
- aliases may not expand beyond ten times the document's own size (HR105);
- scalar keys stay as written (`yes:` is the key "yes", not True).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any, ClassVar

import yaml
import yaml.reader
from yaml.constructor import ConstructorError, SafeConstructor
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from ..model import Loc, Problem
from ..rules.files import AliasExpansion, DuplicateKey, ForbiddenTag, YamlSyntax
from ..values.vocabulary import HIDDEN_CHARACTERS

try:
    _BaseLoader: Any = yaml.CSafeLoader
except AttributeError:  # PyYAML built without libyaml
    _BaseLoader = yaml.SafeLoader

_TAG = "tag:yaml.org,2002:"
_STR = _TAG + "str"
_new_loc = tuple.__new__  # Loc(...) without the named tuple's argument handling: one per node
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

_HIDDEN = re.compile(f"[{HIDDEN_CHARACTERS}]")
# Where an anchor (&name) may be written; a false alarm only costs memory.
_ANCHOR = re.compile(r"(?:^|[\s\[{,])&[^\s\[\]{},]", re.MULTILINE)
MAX_DEPTH = 64
_EXPANSION_FACTOR = 10
_EXPANSION_SLACK = 1000


class YamlMap(dict[str, Any]):
    """A mapping that knows where it, its keys and its values are written."""

    loc: Loc
    key_locs: dict[str, Loc]
    value_locs: dict[str, Loc]

    def key_loc(self, key: str) -> Loc:
        return self.key_locs.get(key, self.loc)

    def value_loc(self, key: str) -> Loc:
        return self.value_locs.get(key, self.key_loc(key))


class YamlSeq(list[Any]):
    """A list that knows where it and each item are written."""

    loc: Loc
    item_locs: list[Loc]

    def item_loc(self, index: int) -> Loc:
        return self.item_locs[index] if index < len(self.item_locs) else self.loc


class _Rejected:
    """Stands for a value refused while reading (a forbidden tag): already reported, not to be
    reported again as empty or of the wrong type."""

    def __repr__(self) -> str:
        return "REJECTED"


REJECTED = _Rejected()


class _AbortRead(Exception):
    def __init__(self, problem: Problem) -> None:
        self.problem = problem


_ctor = SafeConstructor()
_SCALAR_BUILDERS: dict[str, Callable[[ScalarNode], Any]] = {
    _TAG + "null": lambda node: None,
    _TAG + "bool": lambda node: SafeConstructor.construct_yaml_bool(_ctor, node),
    _TAG + "int": lambda node: SafeConstructor.construct_yaml_int(_ctor, node),
    _TAG + "float": lambda node: SafeConstructor.construct_yaml_float(_ctor, node),
    _TAG + "timestamp": lambda node: SafeConstructor.construct_yaml_timestamp(_ctor, node),
}


class _Builder:
    def __init__(self, path: str, line_offset: int, release: bool = False) -> None:
        self.path = path
        self.line_offset = line_offset
        # Without anchors every node is used once: each is let go once built, so that the
        # composed nodes and the built values are not both held whole (a 100 MB claims file).
        self.release = release
        self.problems: list[Problem] = []
        self.visits = 0
        self.unique: set[int] = set()
        self.hidden_found: list[tuple[Loc, str]] = []

    def loc(self, node: Node) -> Loc:
        mark = node.start_mark
        return _new_loc(Loc, (self.path, mark.line + 1 + self.line_offset, mark.column + 1))

    def build(self, node: Node, depth: int = 0) -> Any:
        if not self.release:  # aliases are possible: count how far they expand
            self.visits += 1
            self.unique.add(id(node))
        if self.visits > _EXPANSION_FACTOR * len(self.unique) + _EXPANSION_SLACK:
            raise _AbortRead(AliasExpansion.problem(
                self.loc(node), "YAML aliases expand to far more data than the file holds; file not read",
                "write the values out instead of using anchors (&) and aliases (*)"))
        if depth > MAX_DEPTH:
            raise _AbortRead(YamlSyntax.problem(
                self.loc(node), f"YAML nested deeper than {MAX_DEPTH} levels; file not read"))
        tag = node.tag
        if isinstance(node, ScalarNode):
            if tag == _TAG + "str":
                if _HIDDEN.search(node.value):
                    self.hidden(node)
                return node.value
            builder = _SCALAR_BUILDERS.get(tag)
            if builder is None:
                return self.forbidden(node)
            if ":" in node.value and tag in (_TAG + "int", _TAG + "float"):
                return node.value  # YAML 1.1 base 60 ("20:20" = 1220): kept as the text written
            try:
                return builder(node)
            except (ConstructorError, ValueError, OverflowError) as exc:
                if tag == _TAG + "timestamp":
                    # `2019-02-30` only looks like a date: keep the text, so that the field's
                    # own check (published, when) reports it once, in its own words.
                    return node.value
                self.problems.append(YamlSyntax.problem(self.loc(node), f"cannot read {node.value!r}: {exc}"))
                return node.value
            except (KeyError, AttributeError, TypeError):
                # An explicit tag the text does not fit: `!!bool maybe`, `!!timestamp x`.
                self.problems.append(YamlSyntax.problem(
                    self.loc(node), f"cannot read {node.value!r} as {_shown_tag(tag)}",
                    "remove the tag, or write a value of that type"))
                return REJECTED
        if isinstance(node, SequenceNode):
            if tag != _TAG + "seq":
                return self.forbidden(node)
            seq = YamlSeq()
            seq.loc = self.loc(node)
            seq.item_locs = []
            items = node.value
            for index in range(len(items)):
                item = items[index]
                if self.release:
                    items[index] = None
                seq.append(self.build(item, depth + 1))
                seq.item_locs.append(self.loc(item))
            return seq
        if isinstance(node, MappingNode):
            if tag != _TAG + "map":
                return self.forbidden(node)
            return self.build_mapping(node, depth)
        return self.forbidden(node)  # pragma: no cover - composer yields only these three

    def build_mapping(self, node: MappingNode, depth: int) -> YamlMap:
        mapping = YamlMap()
        mapping.loc = self.loc(node)
        key_locs: dict[str, Loc] = {}
        value_locs: dict[str, Loc] = {}
        mapping.key_locs, mapping.value_locs = key_locs, value_locs
        path, line_base, release = self.path, 1 + self.line_offset, self.release
        # A string value is built here rather than by build() when that changes nothing: no
        # aliases to count (release) and not at the depth limit.
        inline = release and depth < MAX_DEPTH
        pairs = node.value
        for index in range(len(pairs)):
            key_node, value_node = pairs[index]
            if release:
                pairs[index] = None
            mark = key_node.start_mark
            key_loc = _new_loc(Loc, (path, mark.line + line_base, mark.column + 1))
            if key_node.tag != _STR or key_node.__class__ is not ScalarNode:  # (`!!str {a: 1}` is a mapping)
                if key_node.tag == _TAG + "merge":
                    self.problems.append(ForbiddenTag.problem(
                        key_loc, "merge keys (<<) are not supported", "write the fields out in full"))
                    continue
                if not isinstance(key_node, ScalarNode):
                    from ..rules.structure import WrongType  # that module reads this one's types

                    self.problems.append(WrongType.problem(
                        key_loc, "a key must be a plain name, not a list or mapping"))
                    continue
                if key_node.tag not in _SCALAR_BUILDERS:
                    self.forbidden(key_node, "the entry")
                    continue
            key = key_node.value
            if _HIDDEN.search(key):
                self.hidden(key_node)
            if key in mapping:
                first = key_locs[key]
                self.problems.append(DuplicateKey.problem(
                    key_loc, f"duplicate key '{key}' (first at line {first.line}); this value is ignored",
                    f"remove one of the two '{key}' entries"))
                continue
            if inline and value_node.__class__ is ScalarNode and value_node.tag == _STR:
                value = value_node.value
                if _HIDDEN.search(value):
                    self.hidden(value_node)
                mapping[key] = value
            else:
                mapping[key] = self.build(value_node, depth + 1)
            key_locs[key] = key_loc
            mark = value_node.start_mark
            value_locs[key] = _new_loc(Loc, (path, mark.line + line_base, mark.column + 1))
        return mapping

    def hidden(self, node: ScalarNode) -> None:
        """Note a string holding bidi controls or zero-width characters (as is, or YAML escapes)."""
        self.hidden_found.append((self.loc(node), node.value))

    def hidden_problems(self) -> list[Problem]:
        """HR109 for the first strings noted by hidden(); the last one counts the rest."""
        from .safety import MAX_REPORTED, hidden_problem

        found = self.hidden_found
        return [hidden_problem(loc, text, len(found) - MAX_REPORTED if index == MAX_REPORTED - 1 else 0)
                for index, (loc, text) in enumerate(found[:MAX_REPORTED])]

    def forbidden(self, node: Node, ignored: str = "the value") -> _Rejected:
        shown = _shown_tag(node.tag)
        self.problems.append(ForbiddenTag.problem(
            self.loc(node), f"the YAML tag '{shown}' is not allowed; {ignored} is ignored",
            "remove the tag: only strings, numbers, booleans, dates, lists and mappings are read"))
        return REJECTED


def _shown_tag(tag: str) -> str:
    return "!!" + tag[len(_TAG):] if tag.startswith(_TAG) else tag


def _within(text: str, line: int, column: int) -> tuple[int, int]:
    """A 0-based (line, column) moved back onto the text: a parser at the end of a file without
    a final newline points one line past it; the place is then the end of the last line."""
    lines = text.split("\n")  # after a final newline, an empty last line: the end of the file
    if line >= len(lines):
        return len(lines) - 1, len(lines[-1])
    return line, column


def load_yaml(text: str, path: str, line_offset: int = 0) -> tuple[Any, list[Problem]]:
    """Parse one YAML document. Returns (data or None, problems); never raises on bad input.

    ``line_offset`` shifts reported lines (front matter starts below the ``---`` line).
    """
    try:
        node = yaml.compose(text, Loader=_Loader)
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
    if node is None:
        return None, []
    builder = _Builder(path, line_offset, release=_ANCHOR.search(text) is None)
    try:
        data = builder.build(node)
    except _AbortRead as abort:
        return None, builder.problems + [abort.problem]
    return data, builder.problems + builder.hidden_problems()


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
