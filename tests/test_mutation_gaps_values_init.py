"""`hirel.values` loads the module behind each of its names on first use (the package docstring:
"Importing the package is free"). A name already looked up is kept in the package's globals, so
these tests forget it first: each asserts what the lookup itself does."""

from __future__ import annotations

import pytest

from hirel import values
from hirel.values import readers, units, vocabulary


@pytest.mark.parametrize(("name", "home"), [
    ("read_value", readers),
    ("ROUNDING_TOLERANCE", readers),
    ("DEFAULT_HEDGE", vocabulary),
])
def test_a_name_loads_from_its_module_and_is_kept(monkeypatch, name, home):
    monkeypatch.delitem(vars(values), name, raising=False)
    assert getattr(values, name) is getattr(home, name)
    assert vars(values)[name] is getattr(home, name)  # the next lookup does not come back here


def test_conversion_error_is_the_unit_parser_s():
    # not kept in the globals: each lookup goes through the package's __getattr__
    assert "ConversionError" not in vars(values)
    assert values.ConversionError is units.ConversionError


def test_an_unknown_name_is_an_attribute_error_saying_so():
    with pytest.raises(AttributeError) as caught:
        values.read_valeu  # noqa: B018 - the lookup is what is tested
    assert str(caught.value) == "module 'hirel.values' has no attribute 'read_valeu'"
    assert not hasattr(values, "units_of")


def test_dir_lists_the_lazy_names():
    assert set(values.__all__) <= set(dir(values))
