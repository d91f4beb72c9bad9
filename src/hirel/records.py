"""A base for the model's frozen classes, written by hand instead of with ``@dataclass``.

Building a dataclass runs generated code for each class (about a millisecond each), and
`dataclasses` imports `inspect`; a warm `hirel check` that reads one changed file imports the
model, so the model's classes are plain classes with ``__slots__`` that keep what
``@dataclass(frozen=True)`` gave them:

- the same constructor (each class writes its ``__init__``: same fields, order and defaults);
- ``repr``, equality (same class, the compared fields in order) and hash (of those fields);
- frozen attributes (assigning or deleting raises ``dataclasses.FrozenInstanceError``);
- copies and pickles (``__getstate__``/``__setstate__``, as a dataclass with slots has);
- ``__match_args__``; and ``dataclasses.fields``, ``replace``, ``asdict`` and ``is_dataclass``
  work on them: ``__dataclass_fields__`` is made, with `dataclasses`, when first asked for.

A subclass lists its fields in ``_FIELDS``: ``(name, default)`` pairs in constructor order, where
the default is ``REQUIRED`` or ``DICT`` (a new empty dict, like ``field(default_factory=dict)``);
the names in ``_HIDDEN`` are left out of equality, hash and repr (``compare=False, repr=False``).
"""

from __future__ import annotations

from operator import attrgetter
from typing import Any, ClassVar

REQUIRED: Any = type("Required", (), {"__repr__": lambda self: "REQUIRED"})()
DICT: Any = type("DictFactory", (), {"__repr__": lambda self: "DICT"})()
set_field = object.__setattr__  # how a constructor sets a field of its frozen instance


def _frozen(name: str) -> Exception:
    from dataclasses import FrozenInstanceError

    return FrozenInstanceError(f"cannot assign to field {name!r}")


class _DataclassFields:
    """``__dataclass_fields__``, made with `dataclasses` the first time a class is asked for it."""

    def __get__(self, instance: Any, owner: type[Record]) -> dict[str, Any]:
        made = owner.__dict__.get("_dataclass_fields")
        if made is None:
            made = _make_fields(owner)
            type.__setattr__(owner, "_dataclass_fields", made)
        return made


def _make_fields(owner: type[Record]) -> dict[str, Any]:
    import dataclasses

    specs = []
    for name, default in owner._FIELDS:
        hidden = name in owner._HIDDEN
        if default is DICT:
            spec = dataclasses.field(default_factory=dict, compare=not hidden, repr=not hidden)
        elif default is REQUIRED:
            spec = dataclasses.field(compare=not hidden, repr=not hidden)
        else:
            spec = dataclasses.field(default=default, compare=not hidden, repr=not hidden)
        specs.append((name, owner.__annotations__.get(name, "Any"), spec))
    mirror: Any = dataclasses.make_dataclass(owner.__name__, specs, frozen=True)
    return dict(mirror.__dataclass_fields__)


class Record:
    """A frozen record; see the module's documentation."""

    __slots__ = ()
    _FIELDS: ClassVar[tuple[tuple[str, Any], ...]] = ()
    _HIDDEN: ClassVar[frozenset[str]] = frozenset()
    _compared: ClassVar[Any]  # attrgetter of the compared fields: a tuple of their values
    _names: ClassVar[tuple[str, ...]]
    _shown: ClassVar[tuple[str, ...]]
    __dataclass_fields__: ClassVar[Any] = _DataclassFields()

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        names = tuple(name for name, _ in cls._FIELDS)
        cls._names = names
        cls._shown = tuple(name for name in names if name not in cls._HIDDEN)
        compared = [name for name in names if name not in cls._HIDDEN]
        # the tuple of the compared values, as dataclasses compare and hash (an attrgetter of two
        # names or more gives one)
        if len(compared) > 1:
            cls._compared = attrgetter(*compared)
        else:
            cls._compared = staticmethod(lambda record: tuple(getattr(record, name) for name in compared))
        type.__setattr__(cls, "__match_args__", names)

    @classmethod
    def field_names(cls) -> tuple[str, ...]:
        """The fields, in constructor order (what ``dataclasses.fields`` names)."""
        return cls._names

    def __setattr__(self, name: str, value: Any) -> None:
        raise _frozen(name)

    def __delattr__(self, name: str) -> None:
        raise _frozen(name)

    def __repr__(self) -> str:
        shown = ", ".join(f"{name}={getattr(self, name)!r}" for name in self._shown)
        return f"{type(self).__qualname__}({shown})"

    def __eq__(self, other: object) -> bool:
        if other.__class__ is self.__class__:
            return self._compared(self) == self._compared(other)  # type: ignore[no-any-return]
        return NotImplemented

    def __hash__(self) -> int:
        return hash(self._compared(self))

    def __getstate__(self) -> list[Any]:
        return [getattr(self, name) for name in self._names]

    def __setstate__(self, state: list[Any]) -> None:
        for name, value in zip(self._names, state):
            set_field(self, name, value)
