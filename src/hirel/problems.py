"""What `hirel check` reports: a place in a file (`Loc`), a problem found there (`Problem`) and
how bad it is (`Severity`). Part of the model (`hirel.model` re-exports all of it), kept in a
module of its own that imports almost nothing: a warm `hirel check` builds problems from its
cache and prints them without loading the rest of the model.
"""

from enum import StrEnum
from typing import Any, NamedTuple


class Severity(StrEnum):
    """How bad a problem is: an error fails `hirel check`, a warning does not (unless --strict)."""

    ERROR = "error"
    WARNING = "warning"


ERROR = Severity.ERROR
WARNING = Severity.WARNING
UNJUDGED = ""  # the severity of a problem until the checker attaches its rule's (`rules.registry.judge`)


class Loc(NamedTuple):
    """A place in a file: path as given to hirel, 1-based line and column.

    A named tuple rather than a dataclass: the loader makes one for every YAML node.
    """

    path: str
    line: int = 1
    column: int = 1


class Problem:
    """One thing `hirel check` reports.

    Equality (like yamllint's LintProblem) compares place and code only, so tests do not
    break when a message is reworded.

    Written by hand with what ``@dataclass(frozen=True)`` gave it (the constructor, the
    representation, frozen attributes that raise ``dataclasses.FrozenInstanceError``, copies and
    pickles through the instance ``__dict__``), because importing `dataclasses` costs more than a
    warm `hirel check` does.
    """

    __match_args__ = ("path", "line", "column", "code", "severity", "message", "hint")

    path: str
    line: int
    column: int
    code: str
    severity: str
    message: str
    hint: str | None

    def __init__(self, path: str, line: int, column: int, code: str, severity: str, message: str,
                 hint: str | None = None) -> None:
        # the dataclass's own way of setting the fields of a frozen instance
        state = self.__dict__
        state["path"] = path
        state["line"] = line
        state["column"] = column
        state["code"] = code
        state["severity"] = severity
        state["message"] = message
        state["hint"] = hint

    def __setattr__(self, name: str, value: Any) -> None:
        from dataclasses import FrozenInstanceError

        raise FrozenInstanceError(f"cannot assign to field {name!r}")

    def __delattr__(self, name: str) -> None:
        from dataclasses import FrozenInstanceError

        raise FrozenInstanceError(f"cannot delete field {name!r}")

    def __repr__(self) -> str:
        return (f"{type(self).__qualname__}(path={self.path!r}, line={self.line!r}, column={self.column!r}, "
                f"code={self.code!r}, severity={self.severity!r}, message={self.message!r}, hint={self.hint!r})")

    def _key(self) -> tuple[str, int, int, str]:
        return (self.path, self.line, self.column, self.code)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Problem):
            return NotImplemented
        return self._key() == other._key()

    def __hash__(self) -> int:
        return hash(self._key())

    def sort_key(self) -> tuple[str, int, int, str]:
        return self._key()

    def as_dict(self) -> dict[str, Any]:
        return {
            "path": self.path,
            "line": self.line,
            "column": self.column,
            "code": self.code,
            "severity": self.severity,
            "message": self.message,
            "hint": self.hint,
        }
