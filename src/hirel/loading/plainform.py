"""Claims and articles as plain data (what ``marshal`` holds: str, int, float, bool, None, lists,
tuples, dicts) and back, for the cache of the loaded corpus (`corpuscache`).

Only what is known is written: exact strings, numbers, booleans and None, the loader's
positioned mappings and lists (`YamlMap`, `YamlSeq`) with exactly the places they keep, places
(`Loc`, and a claim's `FieldLocs`, read back as a dict of the same places), certainties, and tuples, lists and dicts of those. Anything else (a date, a string of
another type, an attribute this module does not know) raises `NotPlain`, and the file it came
from is not cached: it is read afresh on every call, as without a cache. Reading back checks
every tag and shape; anything unexpected raises `NotPlain` too, and the file is read afresh.
"""

from __future__ import annotations

from typing import Any

from ..model import Article, Certainty, Claim, Kind, Loc
from .yamlfile import YamlMap, YamlSeq
from .yamltypes import FieldLocs

_SCALARS = (str, int, float, bool, type(None))
_SCALAR_SET = frozenset(_SCALARS)
_new_loc = tuple.__new__  # Loc(path, line, column) without the named tuple's argument handling
_CLAIM_FIELDS = Claim.field_names()
_ARTICLE_FIELDS = Article.field_names()


class NotPlain(Exception):
    """A value this module does not write (or a stored form it does not read)."""


def plain(value: Any) -> Any:
    kind = type(value)
    if kind in _SCALARS:
        return value
    if kind is Loc:
        return ("loc", _exact(value.path, str), _exact(value.line, int), _exact(value.column, int))
    if kind is tuple:
        return ("tuple", [plain(item) for item in value])
    if kind is list:
        return ("list", [plain(item) for item in value])
    if kind is FieldLocs:  # the places of a claim's fields: stored as the same places in a dict
        value, kind = dict(value), dict
    if kind is dict:
        if value and set(map(type, value.values())) == {Loc} and len({loc.path for loc in value.values()}) == 1:
            # the places of a claim's fields: one path, stored once, and columns of numbers
            path = _exact(next(iter(value.values())).path, str)
            names, lines, columns = list(value), [loc.line for loc in value.values()], \
                [loc.column for loc in value.values()]
            if set(map(type, names)) == {str} and set(map(type, lines + columns)) == {int}:
                return ("locs", path, names, lines, columns)
        return ("dict", [[_exact(key, str), plain(item)] for key, item in value.items()])
    if kind is YamlMap or kind is YamlSeq:
        try:
            path, places = value.places()  # every place it keeps, as integers
        except AttributeError:  # made by hand, without places
            raise NotPlain(kind.__name__) from None
        if kind is YamlMap:
            return ("map", [[_exact(key, str), plain(item)] for key, item in value.items()], _exact(path, str), places)
        return ("seq", [plain(item) for item in value], _exact(path, str), places)
    if kind is Certainty:
        return ("certainty", str(value.value))
    if kind is Kind:
        return ("kind", str(value.value))
    raise NotPlain(kind.__name__)


def _exact(value: Any, kind: type) -> Any:
    if type(value) is not kind:
        raise NotPlain(type(value).__name__)
    return value


def rebuilt(form: Any) -> Any:
    if type(form) in _SCALARS:
        return form
    if type(form) is not tuple or not form:
        raise NotPlain("not a stored form")
    tag = form[0]
    try:
        if tag == "loc":
            _tag, path, line, column = form
            return _new_loc(Loc, (_exact(path, str), _exact(line, int), _exact(column, int)))
        if tag == "locs":
            _tag, path, names, lines, columns = form
            if not (type(path) is str and type(names) is type(lines) is type(columns) is list
                    and len(names) == len(lines) == len(columns) and set(map(type, names)) <= {str}
                    and set(map(type, lines + columns)) <= {int}):
                raise NotPlain("places")
            return {name: _new_loc(Loc, (path, line, column)) for name, line, column in zip(names, lines, columns)}
        if tag == "tuple":
            return tuple(rebuilt(item) for item in _exact(form[1], list))
        if tag == "list":
            return [rebuilt(item) for item in _exact(form[1], list)]
        if tag == "dict":
            return {_exact(key, str): rebuilt(item) for key, item in _exact(form[1], list)}
        if tag == "map" or tag == "seq":
            _tag, items, path, places = form
            if not (type(places) is list and set(map(type, places)) <= {int}):
                raise NotPlain("places")
            if tag == "map":
                return YamlMap.with_places(((_exact(key, str), rebuilt(item)) for key, item in _exact(items, list)),
                                           _exact(path, str), places)
            return YamlSeq.with_places((rebuilt(item) for item in _exact(items, list)), _exact(path, str), places)
        if tag == "certainty":
            return Certainty(form[1])
        if tag == "kind":
            return Kind(form[1])
    except (TypeError, ValueError, OverflowError) as exc:
        raise NotPlain(str(exc)) from None
    raise NotPlain(f"unknown tag {tag!r}")


def plain_claim(claim: Claim) -> list[Any]:
    return [plain(getattr(claim, name)) for name in _CLAIM_FIELDS]


def plain_article(article: Article) -> list[Any]:
    return [plain(getattr(article, name)) for name in _ARTICLE_FIELDS]


def claim_from(form: Any) -> Claim:
    return Claim(**_fields(form, _CLAIM_FIELDS))


def article_from(form: Any) -> Article:
    return Article(**_fields(form, _ARTICLE_FIELDS))


def _fields(form: Any, names: tuple[str, ...]) -> dict[str, Any]:
    if type(form) is not list or len(form) != len(names):
        raise NotPlain("not a stored claim or article")
    scalars = _SCALAR_SET
    return {name: item if type(item) in scalars else rebuilt(item) for name, item in zip(names, form)}
