"""Build positioned values straight from PyYAML's parser events.

PyYAML's composer would first build a node for every value of the document (about 19 bytes of
nodes per byte of YAML, all held until the end); here the values are built as the parser reports
them, so a node never exists. What the composer checks is checked here the same way: aliases
refer to an anchor read before them, an anchor is defined once, the stream holds one document.

An anchored value's events are recorded while it is read, and an alias replays them: the value is
built again where the alias stands, with the anchor's positions, as the composer's shared node was.
Replays are counted against the document's own size (HR105).
"""

from __future__ import annotations

from array import array
from collections.abc import Callable
from typing import Any, NoReturn

import yaml
from yaml.composer import ComposerError
from yaml.constructor import ConstructorError
from yaml.events import (
    AliasEvent,
    DocumentEndEvent,
    DocumentStartEvent,
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
    StreamEndEvent,
)
from yaml.nodes import ScalarNode

from ..model import Loc, Problem
from ..rules.files import AliasExpansion, DuplicateKey, ForbiddenTag, YamlSyntax
from .yamltypes import _HIDDEN, _SCALAR_BUILDERS, _TAG, MAX_DEPTH, REJECTED, YamlMap, YamlSeq, _Rejected, _shown_tag

_C_PARSER = hasattr(yaml, "CSafeLoader")  # libyaml words some composer errors differently
_STR = _TAG + "str"
_MAP = _TAG + "map"
_SEQ = _TAG + "seq"
_MERGE = _TAG + "merge"
_new_loc = tuple.__new__  # Loc(...) without the named tuple's argument handling
_EXPANSION_FACTOR = 10
_EXPANSION_SLACK = 1000
_STARTS = (MappingStartEvent, SequenceStartEvent)
_ENDS = (MappingEndEvent, SequenceEndEvent)


class AbortRead(Exception):
    def __init__(self, problem: Problem) -> None:
        self.problem = problem


class _Alias:
    """An alias as read: where it stands, and the events of the value its anchor names."""

    __slots__ = ("event", "events")

    def __init__(self, event: Any, events: list[Any]) -> None:
        self.event, self.events = event, events


def _unknown_alias(event: Any) -> NoReturn:
    """An alias met in the parser's own events: its anchor is unknown (an alias whose anchor is
    known comes as an `_Alias`)."""
    raise ComposerError(None, None, "found undefined alias" if _C_PARSER
                        else f"found undefined alias {event.anchor!r}", event.start_mark)


class EventBuilder:
    """One document's values, built from ``loader``'s events.

    ``anchors``: whether the text may hold anchors. Without them every event is taken straight
    from the parser, and an alias names no anchor (the caller reads the text again with them when
    it only looked anchor-free). ``hidden``: whether the text may hold hidden characters (as is,
    or written as escapes); without them no string is searched for one."""

    def __init__(self, loader: Any, path: str, line_offset: int, anchors: bool, hidden: bool = True) -> None:
        self.loader = loader
        self.check_hidden = hidden  # False: the text holds no hidden character, nor any escape
        resolvers = loader.yaml_implicit_resolvers
        # First characters that may start an implicitly typed plain scalar (null, bool, int,
        # float, date…): a plain scalar starting otherwise is a string, without asking PyYAML.
        self.starts = frozenset(key for key in resolvers if key)
        self.short_cut = None not in resolvers
        self.path = path
        self.base = 1 + line_offset
        self.tracking = anchors
        self.problems: list[Problem] = []
        self.hidden_found: list[tuple[Loc, str]] = []
        self.visits = 0  # values built, replays included
        self.unique = 0  # values built from the parser's own events
        self.anchors: dict[str, list[Any]] = {}  # anchor -> its events (growing while it is read)
        self.recording: list[list[Any]] = []  # [events, nesting] of the anchored values being read
        self.replaying: list[Any] = []  # iterators over recorded events, innermost last
        self.key_texts: dict[str, str] = {}  # one string per distinct key text (the first few)
        self.start_mark: Any = None
        self.resolve = loader.resolve
        self.next: Callable[[], Any] = self._next_tracked if anchors else loader.get_event

    # --- events ---------------------------------------------------------------------------------

    def _next_tracked(self) -> Any:
        if self.replaying:
            return next(self.replaying[-1])
        event = self.loader.get_event()
        cls = event.__class__
        if cls is AliasEvent:
            events = self.anchors.get(event.anchor)
            if events is None:
                _unknown_alias(event)
            event = _Alias(event, events)
        if self.recording:
            change = 1 if cls in _STARTS else -1 if cls in _ENDS else 0
            for open_one in self.recording:
                open_one[0].append(event)
                open_one[1] += change
            if change < 0:
                self.recording = [open_one for open_one in self.recording if open_one[1] > 0]
        anchor = getattr(event, "anchor", None) if cls is not AliasEvent else None
        if anchor is not None:
            first = self.anchors.get(anchor)
            if first is not None:
                raise ComposerError("found duplicate anchor; first occurrence" if _C_PARSER
                                    else f"found duplicate anchor {anchor!r}; first occurrence",
                                    first[0].start_mark, "second occurrence", event.start_mark)
            events = self.anchors[anchor] = [event]
            if cls in _STARTS:
                self.recording.append([events, 1])
        return event

    def document(self) -> Any:
        """The document's value (None when the stream is empty); the stream is read to its end."""
        get = self.loader.get_event
        get()  # stream start
        if self.loader.check_event(StreamEndEvent):
            get()
            return None
        start = get()  # document start
        self.start_mark = start.start_mark
        value = self.build(self.next(), 0)
        get()  # document end
        if not self.loader.check_event(StreamEndEvent):
            event = get()
            raise ComposerError("expected a single document in the stream", start.start_mark,
                                "but found another document", event.start_mark)
        get()
        return value

    def drain(self) -> None:
        """Read the rest of the stream after reading stopped, so that an error the composer would
        have met further on (it read everything first) is still the one reported."""
        self.replaying.clear()
        get: Callable[[], Any] = self._next_tracked if self.tracking else self.loader.get_event
        ended = False
        while not self.loader.check_event(StreamEndEvent):
            event: Any = get()
            if event.__class__ is DocumentEndEvent:
                ended = True
            elif ended and event.__class__ is DocumentStartEvent:
                mark: Any = event.start_mark
                raise ComposerError("expected a single document in the stream", self.start_mark,
                                    "but found another document", mark)

    def skip(self, event: Any) -> None:
        """Read past the value that starts with ``event`` without building it."""
        if event.__class__ in _STARTS:
            nesting, get = 1, self.next
            while nesting:
                event = get()
                cls = event.__class__
                if cls in _STARTS:
                    nesting += 1
                elif cls in _ENDS:
                    nesting -= 1
                elif cls is AliasEvent:
                    _unknown_alias(event)
        elif event.__class__ is AliasEvent:
            _unknown_alias(event)

    # --- values ---------------------------------------------------------------------------------

    def loc(self, event: Any) -> Loc:
        mark = event.start_mark
        return _new_loc(Loc, (self.path, mark.line + self.base, mark.column + 1))

    def tag(self, event: Any) -> str:
        tag: str | None = event.tag
        if tag is None or tag == "!":
            cls = event.__class__
            if cls is ScalarEvent:
                return self.resolve(ScalarNode, event.value, event.implicit)  # type: ignore[no-any-return]
            return _MAP if cls is MappingStartEvent else _SEQ
        return tag

    def build(self, event: Any, depth: int) -> Any:
        cls = event.__class__
        if cls is AliasEvent:
            _unknown_alias(event)
        if cls is _Alias:
            events = event.events
            replay = iter(events)
            self.replaying.append(replay)
            try:
                return self.build(next(replay), depth)
            finally:
                self.replaying.pop()
        if self.tracking:  # aliases are possible: count how far they expand
            self.visits += 1
            if not self.replaying:
                self.unique += 1
            if self.visits > _EXPANSION_FACTOR * self.unique + _EXPANSION_SLACK:
                raise AbortRead(AliasExpansion.problem(
                    self.loc(event), "YAML aliases expand to far more data than the file holds; file not read",
                    "write the values out instead of using anchors (&) and aliases (*)"))
        if depth > MAX_DEPTH:
            raise AbortRead(YamlSyntax.problem(
                self.loc(event), f"YAML nested deeper than {MAX_DEPTH} levels; file not read"))
        tag = self.tag(event)
        if cls is ScalarEvent:
            return self.scalar(event, tag)
        if cls is SequenceStartEvent:
            if tag != _SEQ:
                self.skip(event)
                return self.forbidden(event, tag)
            return self.sequence(event, depth)
        if cls is MappingStartEvent:
            if tag != _MAP:
                self.skip(event)
                return self.forbidden(event, tag)
            return self.mapping(event, depth)
        raise AssertionError(event)  # pragma: no cover - a value starts with one of these

    def scalar(self, event: Any, tag: str) -> Any:
        value: str = event.value
        if tag == _STR:
            if self.check_hidden and _HIDDEN.search(value):
                self.hidden(event)
            return value
        builder = _SCALAR_BUILDERS.get(tag)
        if builder is None:
            return self.forbidden(event, tag)
        if ":" in value and tag in (_TAG + "int", _TAG + "float"):
            return value  # YAML 1.1 base 60 ("20:20" = 1220): kept as the text written
        try:
            return builder(ScalarNode(tag, value, event.start_mark, event.end_mark, event.style))
        except (ConstructorError, ValueError, OverflowError) as exc:
            if tag == _TAG + "timestamp":
                # `2019-02-30` only looks like a date: keep the text, so that the field's
                # own check (published, when) reports it once, in its own words.
                return value
            self.problems.append(YamlSyntax.problem(self.loc(event), f"cannot read {value!r}: {exc}"))
            return value
        except (KeyError, AttributeError, TypeError, IndexError):
            # An explicit tag the text does not fit: `!!bool maybe`, `!!timestamp x`.
            self.problems.append(YamlSyntax.problem(
                self.loc(event), f"cannot read {value!r} as {_shown_tag(tag)}",
                "remove the tag, or write a value of that type"))
            return REJECTED

    def sequence(self, start: Any, depth: int) -> YamlSeq:
        base, get, build = self.base, self.next, self.build
        mark = start.start_mark
        positions = array("I", (mark.line + base, mark.column + 1))
        seq = YamlSeq()
        seq._path, seq._pos = self.path, positions
        append = seq.append
        while True:
            event = get()
            if event.__class__ is SequenceEndEvent:
                break
            mark = (event.events[0] if event.__class__ is _Alias else event).start_mark
            positions.append(mark.line + base)
            positions.append(mark.column + 1)
            append(build(event, depth + 1))
        return seq

    def mapping(self, start: Any, depth: int) -> YamlMap:
        base, get, path = self.base, self.next, self.path
        mark = start.start_mark
        positions = array("I", (mark.line + base, mark.column + 1))
        mapping = YamlMap()
        mapping._path, mapping._pos, mapping._index = path, positions, None
        key_texts = self.key_texts
        resolve = self.resolve
        # A string value is built here rather than by build() when that changes nothing: no
        # aliases to count and not at the depth limit.
        inline = not self.tracking and depth < MAX_DEPTH
        starts, short_cut, check_hidden = self.starts, self.short_cut, self.check_hidden
        while True:
            key_event = get()
            cls = key_event.__class__
            if cls is ScalarEvent:  # the usual key: a plain name
                key_node, key_class, tag = key_event, cls, key_event.tag
                if tag is None or tag == "!":
                    text = key_event.value
                    if not key_event.implicit[0] or (short_cut and text and text[0] not in starts):
                        tag = _STR
                    else:
                        tag = resolve(ScalarNode, text, key_event.implicit)
            elif cls is MappingEndEvent:
                break
            else:
                if cls is AliasEvent:
                    _unknown_alias(key_event)
                key_node = key_event.events[0] if cls is _Alias else key_event
                key_class = key_node.__class__
                tag = key_node.tag
                if key_class is ScalarEvent and (tag is None or tag == "!"):
                    tag = resolve(ScalarNode, key_node.value, key_node.implicit)
                elif tag is None or tag == "!":
                    tag = _MAP if key_class is MappingStartEvent else _SEQ
                if cls is not _Alias:
                    self.skip(key_event)
            # A key that is not a plain name (`!!str {a: 1}` is a mapping) is reported and skipped.
            if (tag != _STR or key_class is not ScalarEvent) and self.key_problem(key_node, key_class, tag):
                self.skip(get())
                continue
            key_mark = key_node.start_mark
            key = key_node.value
            if len(key_texts) < 1000:
                key = key_texts.setdefault(key, key)
            if check_hidden and _HIDDEN.search(key):
                self.hidden(key_node)
            if key in mapping:
                self.problems.append(DuplicateKey.problem(
                    self.loc(key_node),
                    f"duplicate key '{key}' (first at line {mapping.key_loc(key).line}); this value is ignored",
                    f"remove one of the two '{key}' entries"))
                self.skip(get())
                continue
            value_event = get()
            value_class = value_event.__class__
            value_node = value_event.events[0] if value_class is _Alias else value_event
            if inline and value_class is ScalarEvent and value_event.tag is None and (
                    not value_event.implicit[0]
                    or (short_cut and (text := value_event.value) and text[0] not in starts)
                    or resolve(ScalarNode, value_event.value, value_event.implicit) == _STR):
                value = value_event.value
                if check_hidden and _HIDDEN.search(value):
                    self.hidden(value_event)
                mapping[key] = value
            else:
                mapping[key] = self.build(value_event, depth + 1)
            value_mark = value_node.start_mark
            positions.extend((key_mark.line + base, key_mark.column + 1, value_mark.line + base, value_mark.column + 1))
            if mapping._index is not None:  # looked up for a duplicate: kept up to date
                mapping._index[key] = len(mapping) - 1
        return mapping

    def key_problem(self, key_node: Any, key_class: Any, tag: str) -> bool:
        """Report a key that is not a plain name; True when the entry is to be ignored."""
        if tag == _MERGE:
            self.problems.append(ForbiddenTag.problem(
                self.loc(key_node), "merge keys (<<) are not supported", "write the fields out in full"))
            return True
        if key_class is not ScalarEvent:
            from ..rules.registry import get  # a structure rule, which reads this module's values

            self.problems.append(get("HR201").problem(
                self.loc(key_node), "a key must be a plain name, not a list or mapping"))
            return True
        if tag not in _SCALAR_BUILDERS:
            self.forbidden(key_node, tag, "the entry")
            return True
        return False

    def hidden(self, event: Any) -> None:
        """Note a string holding bidi controls or zero-width characters (as is, or YAML escapes)."""
        self.hidden_found.append((self.loc(event), event.value))

    def hidden_problems(self) -> list[Problem]:
        """HR109 for the first strings noted by hidden(); the last one counts the rest."""
        from .safety import MAX_REPORTED, hidden_problem

        found = self.hidden_found
        return [hidden_problem(loc, text, len(found) - MAX_REPORTED if index == MAX_REPORTED - 1 else 0)
                for index, (loc, text) in enumerate(found[:MAX_REPORTED])]

    def forbidden(self, event: Any, tag: str, ignored: str = "the value") -> _Rejected:
        self.problems.append(ForbiddenTag.problem(
            self.loc(event), f"the YAML tag '{_shown_tag(tag)}' is not allowed; {ignored} is ignored",
            "remove the tag: only strings, numbers, booleans, dates, lists and mappings are read"))
        return REJECTED


