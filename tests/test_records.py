"""The model's classes and the value reader's are written by hand (`hirel.records`), not with
``@dataclass``: they must keep everything ``@dataclass(frozen=True)`` gave them. Expected values
below are written out by hand from the dataclass declarations they replace."""

from __future__ import annotations

import copy
import dataclasses
import inspect
import pickle
import subprocess
import sys

import pytest

from hirel.loading.fields import FieldSpec
from hirel.model import (
    Article,
    Certainty,
    Claim,
    Corpus,
    Entity,
    Finding,
    Interval,
    Kind,
    Loc,
    Period,
    Proposition,
    Topic,
)
from hirel.values.changes import Change
from hirel.values.parser import Amount
from hirel.values.tokens import Token
from hirel.values.units import Unit

HERE = Loc("claims/a.yaml", 3, 5)


def _claim(**changes: object) -> Claim:
    fields: dict[str, object] = {"id": "a-1", "article": "a", "proposition": "p", "quote": "q", "loc": HERE}
    return Claim(**(fields | changes))  # type: ignore[arg-type]


# Each class's constructor as the dataclass wrote it: (name, default or REQUIRED) in order.
R = inspect.Parameter.empty
SIGNATURES = {
    Interval: [("low", R), ("high", R), ("unit", R), ("text", ""), ("steps", ()), ("written", None)],
    Period: [("start", None), ("end", None), ("text", "")],
    Topic: [("id", R), ("text", R), ("loc", R)],
    Proposition: [("id", R), ("topic", R), ("text", R), ("kind", R), ("unit", R), ("object", R),
                  ("changes_over_time", R), ("loc", R), ("locs", "factory"), ("cumulative", False), ("since", None),
                  ("measures", "level")],
    Entity: [("name", R), ("aliases", R), ("part_of", R), ("loc", R), ("description", None), ("locs", "factory")],
    Article: [("id", R), ("path", R), ("title", R), ("outlet", R), ("body", R), ("body_line", R), ("loc", R),
              ("author", None), ("published", None), ("url", None), ("kind", None), ("reliability", "F"),
              ("notes", None), ("locs", "factory")],
    Claim: [("id", R), ("article", R), ("proposition", R), ("quote", R), ("loc", R), ("claimant", None),
            ("via", ()), ("value", None), ("scope", None), ("when", None), ("certainty", Certainty.CERTAIN),
            ("stance", None), ("note", None), ("locs", "factory")],
    Finding: [("proposition", R), ("verdict", R), ("claims", R), ("explanation", R)],
    Corpus: [("root", R), ("articles", R), ("claims", R), ("propositions", R), ("topics", R), ("entities", R),
             ("claim_files", R), ("declared_propositions", R), ("registries_read", R)],
    Token: [("kind", R), ("text", R), ("value", None), ("start", 0)],
    Amount: [("low", R), ("high", R), ("has_magnitude", R), ("currency", R), ("percent", R), ("vague", False),
             ("half_low", None), ("half_high", None), ("subunit", False)],
    Change: [("direction", R), ("figure", R), ("words", R), ("multiplier", None), ("hedge", None),
             ("level_after", False), ("than", None)],
    Unit: [("base", R), ("per", None)],
    FieldSpec: [("name", R), ("type", R), ("description", R), ("required", False), ("choices", None),
                ("pattern", None)],
}


@pytest.mark.parametrize("cls", list(SIGNATURES), ids=lambda cls: cls.__name__)
def test_constructor_fields_and_match_args_as_the_dataclass_had(cls):
    expected = SIGNATURES[cls]
    parameters = list(inspect.signature(cls).parameters.values())
    assert [p.name for p in parameters] == [name for name, _ in expected]
    for parameter, (_, default) in zip(parameters, expected):
        if default != "factory":
            assert parameter.default == default, parameter.name
    fields = dataclasses.fields(cls)
    assert [f.name for f in fields] == [name for name, _ in expected]
    hidden = {f.name for f in fields if not f.compare}
    assert hidden == ({"locs"} if any(d == "factory" for _, d in expected) else set())
    assert hidden == {f.name for f in fields if not f.repr}
    assert all(f.default_factory is dict for f in fields if f.name in hidden)
    assert cls.__match_args__ == tuple(name for name, _ in expected)
    assert dataclasses.is_dataclass(cls)
    assert not hasattr(cls(*[None] * sum(d is R for _, d in expected)), "__dict__")  # slots only


def test_repr_equality_and_hash_leave_out_the_places():
    claim = _claim(value="$5 billion", locs={"value": Loc("claims/a.yaml", 4, 12)})
    assert repr(claim) == ("Claim(id='a-1', article='a', proposition='p', quote='q', "
                           "loc=Loc(path='claims/a.yaml', line=3, column=5), claimant=None, via=(), "
                           "value='$5 billion', scope=None, when=None, certainty=<Certainty.CERTAIN: 'certain'>, "
                           "stance=None, note=None)")
    same = _claim(value="$5 billion")
    assert claim == same and hash(claim) == hash(same)
    assert claim.locs == {"value": Loc("claims/a.yaml", 4, 12)} and same.locs == {}
    assert claim != _claim(value="$6 billion")
    assert claim != _claim(value="$5 billion", loc=Loc("claims/a.yaml", 9, 5))  # the claim's own place counts
    # the hash is that of the compared fields in order, as a dataclass's
    assert hash(Unit("USD", "year")) == hash(("USD", "year"))
    assert hash(Period(None, None, "2020")) == hash((None, None, "2020"))
    # another class with the same fields is not equal (a dataclass compares classes first)
    assert Interval(1.0, 2.0, "USD") != Unit("USD")
    assert (Interval(1.0, 2.0, "USD") == (1.0, 2.0, "USD", "", (), None)) is False
    assert str(Unit("USD", "year")) == "USD/year"  # a method of its own stays
    assert repr(Unit("USD")) == "Unit(base='USD', per=None)"


def test_frozen_copied_pickled_replaced():
    claim = _claim(locs={"quote": HERE})
    with pytest.raises(dataclasses.FrozenInstanceError):
        claim.id = "b"  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError):
        del claim.quote  # type: ignore[misc]
    with pytest.raises(AttributeError):
        claim.extra = 1  # type: ignore[attr-defined]
    for twin in (copy.copy(claim), copy.deepcopy(claim), pickle.loads(pickle.dumps(claim))):
        assert twin == claim and twin.locs == claim.locs and twin is not claim
    changed = dataclasses.replace(claim, stance="refutes")
    assert changed.stance == "refutes" and changed.locs is claim.locs and changed.id == "a-1"
    assert dataclasses.asdict(Unit("USD"))["base"] == "USD"
    assert dataclasses.astuple(Period(text="x")) == (None, None, "x")
    match claim:
        case Claim(claim_id, "a"):
            assert claim_id == "a-1"
        case _:
            pytest.fail("positional match")
    prop = Proposition("p", "t", "x", Kind.QUANTITY, "USD", None, False, HERE)
    assert prop.locs == {} and prop.measures == "level"
    assert Proposition("p", "t", "x", Kind.QUANTITY, "USD", None, False, HERE).locs is not prop.locs  # a new dict


def test_importing_the_model_does_not_import_dataclasses():
    code = "import sys, hirel.model, hirel.loading.plainform; print('dataclasses' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False"
