"""Letters that case-insensitive patterns take for ASCII letters (the long s 'ſ', the Kelvin sign,
dotless and dotted i) are read as those letters everywhere, never a crash."""

from __future__ import annotations

import pytest

from hirel.values import read_value, value_figures_in_quote


@pytest.mark.parametrize("text, expected", [
    ("ſix million", 6e6),
    ("\u212a\u0131lo", None),  # not a figure: refused, not a crash
    ("2 thouſand", 2e3),
    ("six m\u0130llion", 6e6),
])
def test_folded_letters_are_read_as_ascii(text, expected):
    from hirel.values import ValueParseError

    if expected is None:
        with pytest.raises(ValueParseError):
            read_value(text)
    else:
        assert read_value(text).as_written == (expected, expected)


def test_figure_in_a_quote_with_a_long_s():
    assert value_figures_in_quote("six million", "the fund paid ſix million to the families")
    assert value_figures_in_quote("ſix million", "the fund paid six million to the families")
    assert value_figures_in_quote("six million", "the fund paid six m\u0130llion to the families")

