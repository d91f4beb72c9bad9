"""The registry: every rule by code, in the order `hirel rule` lists them.

Explicit, like yamllint's: a rule exists when it is named here. ``get(code)`` fails on an
unknown code with a message naming it. The checker attaches severity here (``judge``): the code
that finds a problem names its rule, never its severity.
"""

from __future__ import annotations

from collections.abc import Iterable

from ..errors import HirelError
from ..model import Problem
from .base import UNJUDGED, Rule
from .files import (
    AliasExpansion,
    DuplicateKey,
    Encoding,
    FileName,
    ForbiddenTag,
    FrontMatter,
    HiddenCharacter,
    Unreadable,
    YamlSyntax,
)
from .quotes import AmbiguousQuote, QuoteNotFound
from .references import OrphanClaims, PartOfCycle, UnknownEntity, UnknownProposition, UnknownTopic
from .semantics import BadPeriod, StanceByKind, ValueByKind
from .structure import BadChoice, BadDate, BadId, BadUrl, DuplicateId, EmptyValue, MissingField, UnknownField, WrongType
from .values import (
    BadUnit,
    ChangeOrLevel,
    Extrapolation,
    FigureNotInQuote,
    IncompatibleUnit,
    OtherCurrency,
    UnreadableValue,
)

ALL_RULES: tuple[type[Rule], ...] = (
    YamlSyntax, DuplicateKey, ForbiddenTag, Encoding, AliasExpansion, FileName, FrontMatter, Unreadable,
    HiddenCharacter,
    WrongType, MissingField, UnknownField, BadId, DuplicateId, BadChoice, BadDate, EmptyValue, BadUrl,
    UnknownProposition, UnknownEntity, UnknownTopic, OrphanClaims, PartOfCycle,
    StanceByKind, ValueByKind, BadPeriod, BadUnit, UnreadableValue, IncompatibleUnit, OtherCurrency,
    FigureNotInQuote, ChangeOrLevel, Extrapolation,
    QuoteNotFound, AmbiguousQuote,
)

RULES: dict[str, type[Rule]] = {rule.code: rule for rule in ALL_RULES}


class UnknownRule(HirelError, KeyError):
    """A rule code that no rule has."""

    def __str__(self) -> str:
        return str(self.args[0]) if self.args else "unknown rule"


def get(code: str) -> type[Rule]:
    """The rule with this code (e.g. 'HR501'); UnknownRule, naming the code, if there is none."""
    try:
        return RULES[code]
    except KeyError:
        raise UnknownRule(f"unknown rule code {code!r}: `hirel rule` lists every code") from None


def judge(problems: Iterable[Problem]) -> list[Problem]:
    """The problems with each one's severity attached: its rule's level, unless already given."""
    judged = []
    for p in problems:
        if p.severity == UNJUDGED:
            p = Problem(p.path, p.line, p.column, p.code, get(p.code).severity, p.message, p.hint)
        judged.append(p)
    return judged
