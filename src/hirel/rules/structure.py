"""Check a YAML mapping against its field declarations and keep what is usable.

Every problem is reported at the key or value it concerns; a field with a wrong type is
dropped (and reported) so the rest of the record can still be checked.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date, datetime
from functools import cache
from typing import Any

from ..comparing.entities import suggest
from ..loading.datafiles import date_text
from ..loading.fields import FieldSpec
from ..loading.yamlfile import REJECTED, YamlMap, YamlSeq
from ..model import WARNING, Loc, Problem
from .base import Rule

_DATE_RE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


class WrongType(Rule):
    """A value has the wrong type: a list where a mapping is expected, a number for a name...

    FAIL:
        claims:
          id: a            # claims must be a list of mappings
        via: The Wall Street Journal      # via must be a list

    PASS:
        claims:
          - id: a
        via: [The Wall Street Journal]
    """

    code, name = "HR201", "wrong-type"


class MissingField(Rule):
    """A required field is missing.

    Claims need `id`, `proposition` and `quote`; articles need `title` and `outlet`;
    propositions need `topic`, `text` and `kind` (and `unit` when the kind is `quantity`).

    FAIL:
        - id: state-dept-100m-2020
          proposition: iran-funding-per-year

    PASS:
        - id: state-dept-100m-2020
          proposition: iran-funding-per-year
          quote: "Iran provides about $100 million annually"
    """

    code, name = "HR202", "missing-field"


class UnknownField(Rule):
    """A field that the data format does not define (usually a typo).

    FAIL:
        - id: a
          claimaint: U.S. Department of State

    PASS:
        - id: a
          claimant: U.S. Department of State
    """

    code, name = "HR203", "unknown-field"


class BadId(Rule):
    """An id is not of the form `^[a-z0-9][a-z0-9-]*$`.

    Ids are typed on the command line (`hirel show ID`) and used as file names: lowercase
    letters, digits and `-`, starting with a letter or digit.

    FAIL:
        - id: State Dept 100M

    PASS:
        - id: state-dept-100m-2020
    """

    code, name = "HR204", "bad-id"


class DuplicateId(Rule):
    """Two claims (anywhere in the corpus) or two entity names/aliases share an id or name.

    Claim ids are unique across the whole corpus so that `hirel show ID` is unambiguous.
    An entity alias may not also be another entity's name or alias.

    FAIL:
        # data/claims/a.yaml
        - id: iran-funds-hamas
        # data/claims/b.yaml
        - id: iran-funds-hamas

    PASS:
        - id: a-iran-funds-hamas
        - id: b-iran-funds-hamas
    """

    code, name = "HR205", "duplicate-id"


class BadChoice(Rule):
    """A field that takes one of a fixed set of words has another.

    `stance`: supports | refutes. `certainty`: certain | likely | possible. Article `kind`:
    news | analysis | opinion | explainer | blog | reference. `reliability`: A..F.
    Proposition `kind`: quantity | stance | date.

    FAIL:
        stance: agrees

    PASS:
        stance: supports
    """

    code, name = "HR206", "bad-choice"


class BadDate(Rule):
    """An article's `published` date is not YYYY, YYYY-MM or YYYY-MM-DD, or is impossible.

    A date in the future or before the year 1000 is also refused.

    FAIL:
        published: 22/08/2019

    PASS:
        published: 2019-08-22
    """

    code, name = "HR207", "bad-date"


class EmptyValue(Rule):
    """A field is present but empty.

    FAIL:
        quote: ""

    PASS:
        quote: "Iran provides about $100 million annually"
    """

    code, name = "HR208", "empty-value"


class BadUrl(Rule):
    """An article `url` is not an http(s) address.

    FAIL:
        url: www.al-monitor.com/originals/2019/08/iran-hamas.html

    PASS:
        url: https://www.al-monitor.com/originals/2019/08/iran-hamas.html
    """

    code, name = "HR209", "bad-url"
    severity = WARNING


# --- the checks ---------------------------------------------------------------------------

_TYPE_WORDS = {
    "string": "a string",
    "names": "a list of names",
    "boolean": "true or false",
    "period": "a period (string such as 2019-07 or 2014/2020)",
    "date": "a date (YYYY, YYYY-MM or YYYY-MM-DD)",
    "value": "a value phrase, a number or a {low, high, unit} mapping",
    "number": "a number",
}


def type_name(value: Any) -> str:
    if value is REJECTED:
        return "a refused value"
    if value is None:
        return "nothing (null)"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, (date, datetime)):
        return "a date"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return type(value).__name__  # pragma: no cover


def _fits(spec: FieldSpec, value: Any) -> bool:
    kind = spec.type
    if kind == "string":
        return isinstance(value, str)
    if kind == "names":
        return isinstance(value, list) and all(isinstance(item, str) for item in value)
    if kind == "boolean":
        return isinstance(value, bool)
    if kind in ("period", "date"):
        return isinstance(value, (str, date)) or (isinstance(value, int) and not isinstance(value, bool))
    if kind == "value":  # a date object is a date value, as YAML reads an unquoted 1987-12-14
        return isinstance(value, (str, dict, date)) or (isinstance(value, (int, float)) and not isinstance(value, bool))
    if kind == "number":
        return isinstance(value, (int, float)) and not isinstance(value, bool)
    raise AssertionError(kind)  # pragma: no cover


def read_fields(
    mapping: YamlMap, specs: Iterable[FieldSpec], what: str
) -> tuple[dict[str, Any], dict[str, Loc], list[Problem]]:
    """Validate ``mapping`` against ``specs``.

    Returns the fields that passed (as Python values), where every known field is written
    (including those refused, so that later checks do not call them missing), and problems.
    ``what`` names the record in messages ("claim 'x'", "article").
    """
    specs, by_name, required = _prepared(specs)
    values: dict[str, Any] = {}
    locs: dict[str, Loc] = {}
    problems: list[Problem] = []
    for key, value, value_loc in mapping.located_items():
        spec = by_name.get(key)
        if spec is None:
            close = suggest(key, by_name)
            hint: str | None = f"did you mean '{close[0]}'?" if close else "known fields: " + ", ".join(by_name)
            problems.append(UnknownField.problem(mapping.key_loc(key), f"unknown field '{key}' in {what}", hint))
            continue
        # Where the value is written; also for a value refused below: it was written.
        loc = locs[key] = value_loc
        if value.__class__ is str and spec.type == "string" and spec.choices is None and spec.pattern is None:
            stripped = value.strip()  # the common case: a plain text field
            if stripped:
                values[key] = stripped
                continue
        if value is REJECTED:
            continue
        if value is None or (isinstance(value, str) and not value.strip()) or value == []:
            if spec.required:
                problems.append(EmptyValue.problem(loc, f"'{key}' of {what} is empty"))
            elif spec.type != "names":
                # An optional field written with no value is almost always unfinished.
                problems.append(EmptyValue.problem(loc, f"'{key}' of {what} is empty",
                                                   f"give '{key}' a value or remove the line"))
            continue
        if not _fits(spec, value):
            hint = None
            if spec.type == "names" and isinstance(value, str):
                hint = f"write a list: {key}: [{value}]"
            elif spec.type == "names" and isinstance(value, list):
                bad = next(i for i, item in enumerate(value) if not isinstance(item, str))
                loc = value.item_loc(bad) if isinstance(value, YamlSeq) else loc
                problems.append(WrongType.problem(
                    loc, f"'{key}' of {what} must be a list of names; item {bad + 1} is {type_name(value[bad])}"))
                continue
            elif spec.type == "string" and isinstance(value, (int, float, date)):
                hint = f"quote it: {key}: \"{value}\""
            problems.append(WrongType.problem(
                loc, f"'{key}' of {what} must be {_TYPE_WORDS[spec.type]}, not {type_name(value)}", hint))
            continue
        if spec.choices is not None and value not in spec.choices:
            close = suggest(value, spec.choices)
            hint = f"did you mean '{close[0]}'?" if close else "one of: " + ", ".join(spec.choices)
            problems.append(BadChoice.problem(
                loc, f"'{key}' of {what} is '{value}'; expected one of: {', '.join(spec.choices)}", hint))
            continue
        if spec.pattern is not None and not _compiled(spec.pattern).fullmatch(value):
            problems.append(BadId.problem(
                loc, f"'{key}' '{value}' is not a valid id (lowercase letters, digits and '-')",
                f"try '{slugify(value)}'" if slugify(value) else None))
            continue
        if isinstance(value, str):
            value = value.strip()
        values[key] = value
    for spec in required:
        if spec.name not in mapping:
            problems.append(MissingField.problem(mapping.loc, f"{what} has no '{spec.name}'",
                                                 f"add '{spec.name}: …'"))
    return values, locs, problems


_PREPARED: dict[int, tuple[tuple[FieldSpec, ...], dict[str, FieldSpec], tuple[FieldSpec, ...]]] = {}


def _prepared(specs: Iterable[FieldSpec]) -> tuple[tuple[FieldSpec, ...], dict[str, FieldSpec], tuple[FieldSpec, ...]]:
    """(the specs, by name, the required ones), worked out once per declaration (``specs`` is kept
    in the value, so its id stays its own)."""
    found = _PREPARED.get(id(specs))
    if found is None or found[0] is not specs:
        kept = specs if isinstance(specs, tuple) else tuple(specs)
        found = (kept, {spec.name: spec for spec in kept}, tuple(spec for spec in kept if spec.required))
        if kept is specs:
            _PREPARED[id(specs)] = found
    return found


@cache
def _compiled(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)


# Terminal escape sequences (CSI 'ESC[31m', OSC 'ESC]…BEL', and two-character ones): what they
# spell is not text, so no id is made of it ('ESC[31mRed' is 'red', not '31m-red').
_ESCAPES = re.compile(r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?|\x1b.?|\x9b[0-?]*[ -/]*[@-~]")


def slugify(text: str) -> str:
    """A valid id built from ``text`` (for hints and new ids)."""
    return re.sub(r"[^a-z0-9]+", "-", _ESCAPES.sub("", text).lower()).strip("-")


def expect_mapping(value: Any, loc: Loc, what: str) -> tuple[YamlMap | None, list[Problem]]:
    if isinstance(value, YamlMap):
        return value, []
    if value is REJECTED:
        return None, []
    return None, [WrongType.problem(loc, f"{what} must be a mapping, not {type_name(value)}")]


def duplicate_id_problems(claim_id: str, loc: Loc, shown: str, first_loc: Loc, first_shown: str,
                          same_file: bool) -> list[Problem]:
    """A claim id used a second time: reported on the second use, and on the first when in another file."""
    problems = [DuplicateId.problem(
        loc, f"claim id '{claim_id}' is already used at {first_shown}:{first_loc.line}",
        "claim ids are unique across the corpus; rename one")]
    if not same_file:
        # Reported in both files, so that checking either alone (pre-commit) sees it.
        problems.append(DuplicateId.problem(
            first_loc, f"claim id '{claim_id}' is used again at {shown}:{loc.line}",
            "claim ids are unique across the corpus; rename one"))
    return problems


def check_published(values: dict[str, Any], locs: dict[str, Loc]) -> list[Problem]:
    """BadDate for an article's 'published' that is not a real past date (the value is then dropped)."""
    if "published" not in values:
        return []
    value = values["published"]
    loc = locs["published"]
    text = date_text(value)
    match = _DATE_RE.fullmatch(text)
    problem = None
    if not match:
        problem = f"published '{text}' is not YYYY, YYYY-MM or YYYY-MM-DD"
    else:
        year_text, month_text, day_text = match.groups()
        year, month, day = int(year_text), int(month_text or 0) or 1, int(day_text or 0) or 1
        try:
            when = date(year, month, day)
        except ValueError as exc:
            problem = f"published '{text}' is not a real date ({exc})"
        else:
            if year < 1000:
                problem = f"published '{text}' is before the year 1000"
            elif when > date.today():
                problem = f"published '{text}' is in the future"
    if problem is None:
        return []
    values.pop("published")
    return [BadDate.problem(loc, problem, "write e.g. published: 2019-08-22, 2019-08 or 2019")]


def check_url(values: dict[str, Any], locs: dict[str, Loc]) -> list[Problem]:
    if "url" in values and not re.fullmatch(r"https?://\S+", values["url"]):
        return [BadUrl.problem(locs["url"], f"url '{values['url']}' is not an http(s) address",
                               "write the full address, starting with https://")]
    return []
