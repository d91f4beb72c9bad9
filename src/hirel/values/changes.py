"""Changes: ``up 21%``, ``a 21% increase``, ``doubled``, ``fell by a third``, ``up $500 million``.

On a proposition that ``measures: change`` a value is a change: a relative change is a signed
percent change (``doubled`` = +100, ``halved`` = −50, ``down 80%`` = −80), an absolute change
is signed in the proposition's unit (``up $500 million`` = +500M USD). On a proposition about
a level a change phrase is refused (``about 30% less than in 2022`` is not "about 30%"), and on
a change proposition a level is refused: ``MeasureMismatch``, a ValueParseError.

``rose to 5%`` and ``fell to $3 billion`` state the level after a change: read as that level.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from functools import lru_cache

from ..model import Interval
from ..records import REQUIRED, Record, set_field
from .precision import PRECISION_CAP, union, widen
from .tokens import ValueParseError, error, normalize
from .units import Unit, describe_interval, parse_unit
from .vocabulary import (
    AT_MOST,
    CHANGE_COMPARATIVES,
    CHANGE_NOUNS,
    CHANGE_VERBS,
    MULTIPLIERS,
    PRE_HEDGES,
)

__all__ = ["MeasureMismatch", "find_change", "read_change_or_level"]


class MeasureMismatch(ValueParseError):
    """A change where the proposition measures a level, or a level where it measures a change."""

    def __init__(self, message: str, hint: str) -> None:
        super().__init__(message)
        self.hint: str | None = hint


def _alternation(words: Iterable[str]) -> str:
    return "|".join(r"\s+".join(map(re.escape, w.split())) for w in sorted(words, key=len, reverse=True))


# Compiled on first use, and only for a phrase with a word of change in it: most values state
# levels, and these patterns (every verb and hedge) cost more to compile than to run.
_CHANGE_WORDS = frozenset(
    w for phrase in [*CHANGE_VERBS, *CHANGE_NOUNS, *CHANGE_COMPARATIVES, *MULTIPLIERS, "times", "fold"]
    for w in phrase.split()
) - {"has", "have", "had", "was", "were", "is", "are", "by"}
_WORD_RE = re.compile(r"[a-z]+")


@lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern[str]]:
    hedge = _alternation(PRE_HEDGES)
    verb = _alternation(CHANGE_VERBS)
    noun = _alternation(CHANGE_NOUNS)
    comparative = _alternation(CHANGE_COMPARATIVES)
    mult = _alternation(MULTIPLIERS)
    aux = r"(?:(?:has|have|had|was|were|is|are)\s+)?"
    flags = re.IGNORECASE
    return {
        "multiplier": re.compile(rf"^{aux}(?:(?P<hedge>{hedge})\s+)?{aux}(?P<mult>{mult})$", flags),
        "level_after": re.compile(rf"^{aux}(?P<verb>(?!up\b)(?:{verb}))\s+to\s+(?P<figure>.+)$", flags),
        "verb": re.compile(rf"^{aux}(?P<verb>{verb})(?:\s+by)?\s+(?!to\b)(?P<figure>.+)$", flags),
        "noun": re.compile(rf"^(?:an?\s+)?(?P<noun>{noun})\s+(?:of|by)\s+(?P<figure>.+)$", flags),
        "after": re.compile(
            rf"^(?P<figure>.+?)(?<!\bor)(?<!\band)(?<!\bgive)\s+(?P<noun>{comparative})"
            r"(?:\s+(?P<than>than\b.*))?$", flags),
        "numberish": re.compile(
            r"\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|twenty|thirty|forty|fifty|hundred"
            r"|thousand|million|billion|half|third|quarter|dozen)\b", flags),
        "times": re.compile(r"^(?P<figure>.+?)\s*(?:-\s*)?(?:times|fold)$", flags),
    }


class Change(Record):
    direction: int  # +1 up, -1 down, 0 a multiplier (the figure says which way)
    figure: str  # the words that state the size
    words: str  # the words that say it is a change, for the steps
    multiplier: float | None  # doubled: 2
    hedge: str | None  # "more than doubled"
    level_after: bool  # "rose to 5%": the level after the change
    than: str | None  # "30% less than in 2022": a baseline written in the value

    __slots__ = ("direction", "figure", "hedge", "level_after", "multiplier", "than", "words")
    _FIELDS = (("direction", REQUIRED), ("figure", REQUIRED), ("words", REQUIRED), ("multiplier", None),
               ("hedge", None), ("level_after", False), ("than", None))

    def __init__(self, direction: int, figure: str, words: str, multiplier: float | None = None,
                 hedge: str | None = None, level_after: bool = False, than: str | None = None) -> None:
        set_field(self, "direction", direction)
        set_field(self, "figure", figure)
        set_field(self, "words", words)
        set_field(self, "multiplier", multiplier)
        set_field(self, "hedge", hedge)
        set_field(self, "level_after", level_after)
        set_field(self, "than", than)


def find_change(text: str) -> Change | None:
    """The change a normalized phrase states, if it states one."""
    text = text.strip().rstrip(".")
    if _CHANGE_WORDS.isdisjoint(_WORD_RE.findall(text.lower())):
        return None
    patterns = _patterns()
    if m := patterns["multiplier"].match(text):
        key = m["mult"].lower()
        hedge = m["hedge"].lower() if m["hedge"] else None
        return Change(0, "", m["mult"], MULTIPLIERS[key], hedge)
    if m := patterns["level_after"].match(text):
        return Change(CHANGE_VERBS[_key(m["verb"])], m["figure"], m["verb"], level_after=True)
    if m := patterns["noun"].match(text):
        return Change(CHANGE_NOUNS[m["noun"].lower()], m["figure"], m["noun"])
    if m := patterns["verb"].match(text):
        return Change(CHANGE_VERBS[_key(m["verb"])], m["figure"], m["verb"])
    if (m := patterns["after"].match(text)) and patterns["numberish"].search(m["figure"]):
        return Change(CHANGE_COMPARATIVES[m["noun"].lower()], m["figure"], m["noun"], than=m["than"])
    return None


def _key(words: str) -> str:
    key = " ".join(words.lower().split())
    for aux in ("has ", "have ", "had ", "was ", "were ", "is ", "are "):
        if key.startswith(aux) and key not in CHANGE_VERBS:
            key = key[len(aux):]
    return key


def read_change_or_level(raw: str, expect: Unit | None, measures: str | None) -> Interval:
    """A phrase on a proposition that measures a level (``measures`` None) or a change."""
    from .readers import read_level

    change = find_change(normalize(raw))
    if measures != "change":
        if change is None:
            return read_level(raw, expect)
        if change.level_after:
            level = read_level(change.figure, expect)
            first = level.steps[0]  # "read '<figure>' as <reading>"; the figure may hold " as " itself
            prefix = f"read '{change.figure.strip()}' as "
            reading = first[len(prefix):] if first.startswith(prefix) else first.split("' as ", 1)[-1]
            step = f"'{change.words} to' states the level after a change: {reading}"
            return Interval(level.low, level.high, level.unit, raw, (step,) + level.steps[1:], level.written)
        raise MeasureMismatch(
            error(raw, f"'{raw.strip()}' states a change ('{change.words}'), but the proposition "
                       "measures a level").args[0],
            "write the level the source gives, or use a proposition with `measures: change`",
        )
    if change is None or change.level_after:
        raise MeasureMismatch(
            error(raw, "the proposition measures a change, but this is a level").args[0],
            "write the change, e.g. 'up 21%', 'a 21% increase', 'doubled', 'down $500 million'",
        )
    if change.than is not None:
        raise error(raw, f"the baseline '{change.than}' cannot be read here; the proposition says what "
                         "the change is measured against")
    if change.multiplier is not None:
        return _read_multiplier(raw, change)
    return _read_sized(raw, change, expect)


def _read_multiplier(raw: str, change: Change) -> Interval:
    from .readers import apply_hedge, clean

    m = change.multiplier
    assert m is not None
    low: float | None = m
    high: float | None = m
    steps = [f"read '{raw.strip()}' as ×{m:g} the level before"]
    if change.hedge is not None:
        low, high = apply_hedge(PRE_HEDGES[change.hedge], low, high)
        if PRE_HEDGES[change.hedge] == AT_MOST:
            low = 1.0  # "up to doubled": no fall
        steps.append(f"'{change.hedge}': ×{_bound(low)} to ×{_bound(high)}")
    return _as_percent_change(raw, low, high, steps, clean)


def _bound(x: float | None) -> str:
    return "any" if x is None else f"{x:g}"


def _as_percent_change(raw: str, low: float | None, high: float | None, steps: list[str],
                       clean: Callable[[float | None], float | None]) -> Interval:
    unit = parse_unit("percent")
    w_low = None if low is None else clean((low - 1) * 100)
    w_high = None if high is None else clean((high - 1) * 100)
    steps.append(f"as a change: {_signed(w_low, w_high, unit)}")
    precise = widen(w_low, w_high, PRECISION_CAP, PRECISION_CAP)
    c_low, c_high = union((w_low, w_high), precise)
    c_low, c_high = clean(c_low), clean(c_high)
    if (c_low, c_high) != (w_low, w_high):
        steps.append(f"written precision ±{PRECISION_CAP:.0%} of the change: compared as {_signed(c_low, c_high, unit)}")
        return Interval(c_low, c_high, "percent", raw, tuple(steps), (w_low, w_high))
    return Interval(w_low, w_high, "percent", raw, tuple(steps))


def _read_sized(raw: str, change: Change, expect: Unit | None) -> Interval:
    from .readers import check_bounds, read_level

    figure_text = change.figure
    times = _patterns()["times"].match(figure_text)
    if times is not None:
        from .readers import clean

        inner = read_level(times["figure"], Unit("count"))
        times_steps = [f"read '{raw.strip()}' as ×{describe_interval(*inner.as_written, 'count')} the level before"]
        return _as_percent_change(raw, *inner.as_written, times_steps, clean)
    inner = read_level(figure_text, expect)
    unit = parse_unit(inner.unit)
    relative = unit.base == "percent"
    direction = change.direction
    low, high = _signed_bounds(inner.low, inner.high, direction, relative)
    written = None
    if inner.written is not None:
        written = _signed_bounds(inner.written[0], inner.written[1], direction, relative)
    check_bounds(low, high, unit, raw, signed=True)
    kind = "an increase" if direction > 0 else "a decrease"
    what = "a relative change" if relative else "an absolute change"
    steps = (f"'{change.words}' makes it {kind}, {what}: {_signed(low, high, unit)}",)
    return Interval(low, high, inner.unit, raw, inner.steps + steps, written)


def _signed_bounds(low: float | None, high: float | None, direction: int, relative: bool) -> tuple[float | None, float | None]:
    if direction > 0:
        return low, high
    new_low = None if high is None else -high
    new_high = None if low is None else -low
    if relative and (new_low is None or new_low < -100):
        new_low = -100.0  # nothing falls by more than all of it
    if new_high == 0:
        new_high = 0.0
    return new_low, new_high


def _signed(low: float | None, high: float | None, unit: Unit) -> str:
    def one(x: float) -> str:
        text = describe_interval(abs(x), abs(x), unit)
        return f"+{text}" if x > 0 else (f"−{text}" if x < 0 else text)

    if low is None:
        return "any change" if high is None else f"at most {one(high)}"
    if high is None:
        return f"at least {one(low)}"
    if low == high:
        return one(low)
    return f"{one(low)} to {one(high)}"
