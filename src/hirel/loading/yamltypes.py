"""The values read from YAML: mappings and lists that know where they are written.

Positions are kept as integers, a few per mapping or list (an array: 4 bytes each), and a `Loc`
is made only when asked for: a claims file of 400,000 claims would otherwise hold millions of
location objects.
"""

from __future__ import annotations

import re
from array import array
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import Any

from yaml.constructor import SafeConstructor
from yaml.nodes import ScalarNode

from ..model import Loc
from ..values.vocabulary import HIDDEN_CHARACTERS

_HIDDEN = re.compile(f"[{HIDDEN_CHARACTERS}]")
MAX_DEPTH = 64
_new_loc = tuple.__new__  # Loc(...) without the named tuple's argument handling
_SMALL = 12  # up to this many keys, a key's place is found by walking the keys
_TAG = "tag:yaml.org,2002:"

# How a scalar of each plain data tag becomes a value (the others are refused: HR103).
_ctor = SafeConstructor()
_SCALAR_BUILDERS: dict[str, Callable[[ScalarNode], Any]] = {
    _TAG + "null": lambda node: None,
    _TAG + "bool": lambda node: SafeConstructor.construct_yaml_bool(_ctor, node),
    _TAG + "int": lambda node: SafeConstructor.construct_yaml_int(_ctor, node),
    _TAG + "float": lambda node: SafeConstructor.construct_yaml_float(_ctor, node),
    _TAG + "timestamp": lambda node: SafeConstructor.construct_yaml_timestamp(_ctor, node),
}


def _shown_tag(tag: str) -> str:
    return "!!" + tag[len(_TAG):] if tag.startswith(_TAG) else tag


class YamlMap(dict[str, Any]):
    """A mapping that knows where it, its keys and its values are written.

    ``_pos`` holds the mapping's own line and column, then for each key in order its line and
    column and its value's line and column."""

    __slots__ = ("_index", "_path", "_pos")

    _path: str
    _pos: array[int]
    _index: dict[str, int] | None

    def places(self) -> tuple[str, list[int]]:
        """The path and every position kept, as plain data (see `with_places`)."""
        return self._path, self._pos.tolist()

    @classmethod
    def with_places(cls, items: Iterable[tuple[str, Any]], path: str, places: list[int]) -> YamlMap:
        """A mapping from ``items`` and what `places` gave; ValueError when they do not fit."""
        mapping = cls(items)
        if len(places) != 2 + 4 * len(mapping):
            raise ValueError("the places do not fit the mapping")
        mapping._path, mapping._pos, mapping._index = path, array("I", places), None
        return mapping

    @classmethod
    def empty_at(cls, loc: Loc) -> YamlMap:
        """An empty mapping standing at ``loc`` (for a value written as nothing)."""
        mapping = cls()
        mapping.loc = loc
        return mapping

    @property
    def loc(self) -> Loc:
        pos = self._pos
        return _new_loc(Loc, (self._path, pos[0], pos[1]))

    @loc.setter
    def loc(self, loc: Loc) -> None:
        if len(self):
            raise ValueError("the place of a mapping with keys is set when it is read")
        self._path, self._pos, self._index = loc.path, array("I", (loc.line, loc.column)), None

    def _find(self, key: str) -> int:
        """The place of ``key`` among the keys, or -1."""
        if key not in self:
            return -1
        index = self._index
        if index is None:
            if len(self) <= _SMALL:
                for at, written in enumerate(self):
                    if written == key:
                        return at
            index = self._index = {written: at for at, written in enumerate(self)}
        return index[key]

    def key_loc(self, key: str) -> Loc:
        at = self._find(key)
        if at < 0:
            return self.loc
        pos = self._pos
        return _new_loc(Loc, (self._path, pos[2 + 4 * at], pos[3 + 4 * at]))

    def value_loc(self, key: str) -> Loc:
        at = self._find(key)
        if at < 0:
            return self.loc
        pos = self._pos
        return _new_loc(Loc, (self._path, pos[4 + 4 * at], pos[5 + 4 * at]))

    def located_items(self) -> Iterator[tuple[str, Any, Loc]]:
        """(key, value, where the value is written) for every entry, in order."""
        path, pos = self._path, self._pos
        places = [_new_loc(Loc, (path, line, column)) for line, column in zip(pos[4::4], pos[5::4])]
        return zip(self.keys(), self.values(), places)

    @property
    def key_locs(self) -> dict[str, Loc]:
        return {key: self.key_loc(key) for key in self}

    @property
    def value_locs(self) -> dict[str, Loc]:
        return {key: loc for key, _value, loc in self.located_items()}


class YamlSeq(list[Any]):
    """A list that knows where it and each item are written (``_pos``: its own line and column,
    then each item's)."""

    __slots__ = ("_path", "_pos")

    _path: str
    _pos: array[int]

    @property
    def loc(self) -> Loc:
        pos = self._pos
        return _new_loc(Loc, (self._path, pos[0], pos[1]))

    def places(self) -> tuple[str, list[int]]:
        """The path and every position kept, as plain data (see `with_places`)."""
        return self._path, self._pos.tolist()

    @classmethod
    def with_places(cls, items: Iterable[Any], path: str, places: list[int]) -> YamlSeq:
        """A list from ``items`` and what `places` gave; ValueError when they do not fit."""
        sequence = cls(items)
        if len(places) != 2 + 2 * len(sequence):
            raise ValueError("the places do not fit the list")
        sequence._path, sequence._pos = path, array("I", places)
        return sequence

    def item_loc(self, index: int) -> Loc:
        pos = self._pos
        at = 2 + 2 * index
        if 0 <= index and at < len(pos):
            return _new_loc(Loc, (self._path, pos[at], pos[at + 1]))
        return self.loc

    @property
    def item_locs(self) -> list[Loc]:
        return [self.item_loc(index) for index in range(len(self._pos) // 2 - 1)]


class _Rejected:
    """Stands for a value refused while reading (a forbidden tag): already reported, not to be
    reported again as empty or of the wrong type."""

    def __repr__(self) -> str:
        return "REJECTED"


REJECTED = _Rejected()


_KEY_SETS: dict[tuple[str, ...], tuple[str, ...]] = {}  # one tuple per distinct set of field names


class FieldLocs(Mapping[str, Loc]):
    """Where each field of a record is written, kept as integers; a `Loc` is made when asked for.

    ``keys``: the fields, in the order the mapping holds them (usually all its keys). ``_pos``
    holds the line of each field's value, then the column of each (an exact-size array, cut from
    the mapping's own with two slices). ``extra`` holds places added by name (the items of a
    list field: ``via.0``…)."""

    __slots__ = ("_extra", "_keys", "_path", "_pos")

    def __init__(self, mapping: YamlMap, keys: Iterable[str], extra: dict[str, Loc] | None = None) -> None:
        names = tuple(keys)
        pos = mapping._pos
        if len(names) == len(mapping):
            pos = pos[4::4] + pos[5::4]
        else:  # some keys are not fields: keep the fields' places only
            at = {key: index for index, key in enumerate(mapping)}
            pos = array("I", [pos[4 + 4 * at[name]] for name in names] + [pos[5 + 4 * at[name]] for name in names])
        if len(_KEY_SETS) < 1000:
            names = _KEY_SETS.setdefault(names, names)
        self._path, self._keys, self._pos, self._extra = mapping._path, names, pos, extra

    def __getitem__(self, key: str) -> Loc:
        keys = self._keys
        if key in keys:
            at = keys.index(key)
            return _new_loc(Loc, (self._path, self._pos[at], self._pos[len(keys) + at]))
        if self._extra is not None:
            return self._extra[key]
        raise KeyError(key)

    def __contains__(self, key: object) -> bool:
        return key in self._keys or (self._extra is not None and key in self._extra)

    def __iter__(self) -> Iterator[str]:
        yield from self._keys
        if self._extra is not None:
            yield from (key for key in self._extra if key not in self._keys)

    def __len__(self) -> int:
        return sum(1 for _key in self)

    def __repr__(self) -> str:
        return f"FieldLocs({dict(self)!r})"
