"""Changes: the behaviour that the mutants of `hirel.values.changes` showed untested.

Intervals and steps worked out by hand from docs/values.md: a change is read as its figure
(a round figure widened by the 5% cap; a bound compared as written: `up to x` is [0, x]), signed by its verb (a decrease
negates and swaps the ends, and nothing falls by more than 100%); a multiplier ×m is a change
of (m − 1) × 100 percent, widened by the cap.
"""

from __future__ import annotations

import math

import pytest

from hirel.values import MeasureMismatch, read_value


def change(raw: str, unit: str | None = None):
    return read_value(raw, expect=unit, measures="change")


def test_nothing_falls_by_more_than_all_of_it():
    # 100% ± 5% = [95, 105]; down: [−105, −95], and −105 is cut to −100.
    value = change("down 100%")
    assert (value.low, value.high) == (-100.0, -95.0)
    assert value.steps[-1] == "'down' makes it a decrease, a relative change: −100 percent to −95 percent"
    # 100.0% is written to a tenth: ±0.05%, below the 1% floor: [99, 101]; down: [−101, −99],
    # and −101 is cut to −100 too.
    precise = change("down 100.0%")
    assert (precise.low, precise.high) == (-100.0, -99.0)


def test_a_fall_of_up_to_a_figure_ends_at_a_plain_zero():
    # up to 10% = [0, 10] (a bound is compared as written); fell: [−10, 0], a zero without a sign.
    value = change("fell by up to 10%")
    assert (value.low, value.high) == (-10.0, 0.0)
    assert math.copysign(1.0, value.high) == 1.0
    assert value.steps[-1] == "'fell' makes it a decrease, a relative change: −10 percent to 0 percent"


def test_an_increase_and_an_absolute_change_are_said():
    value = change("up $500 million", "USD")
    assert (value.low, value.high) == (475e6, 525e6)
    assert value.steps[-1] == ("'up' makes it an increase, an absolute change: "
                               "+475 million USD to +525 million USD")


def test_changes_below_one_percent_carry_their_sign():
    # 0.5% ± 5% = [0.475, 0.525]
    assert change("up 0.5%").steps[-1] == "'up' makes it an increase, a relative change: +0.475 percent to +0.525 percent"
    assert change("down 0.5%").steps[-1] == (
        "'down' makes it a decrease, a relative change: −0.525 percent to −0.475 percent")


def test_open_ended_changes():
    # at least 10%: at least 10 (a bound is compared as written)
    assert change("up at least 10%").steps[-1] == "'up' makes it an increase, a relative change: at least +10 percent"
    # more than $500 million: at least 500M; down: at most −500M
    value = change("down more than $500 million", "USD")
    assert (value.low, value.high) == (None, -500e6)
    assert value.steps[-1] == "'down' makes it a decrease, an absolute change: at most −500 million USD"


def test_hedged_multipliers():
    # "up to doubled": ×1 to ×2, no fall: 0% to +100%, the cap at the top: +105%
    # (a multiplying verb gets the cap, hedged or not).
    value = change("up to doubled")
    assert (value.low, value.high) == (0.0, 105.0)
    assert value.steps == ("read 'up to doubled' as ×2 the level before", "'up to': ×1 to ×2",
                           "as a change: 0 percent to +100 percent",
                           "written precision ±5% of the change: compared as 0 percent to +105 percent")
    more = change("more than doubled")
    assert (more.low, more.high) == (95.0, None)
    assert more.steps[1] == "'more than': ×2 to ×any"


def test_a_number_of_times_is_a_multiplier():
    # ×3: +200%, the cap: [190, 210]
    value = change("up three times")
    assert (value.low, value.high) == (190.0, 210.0)
    assert value.steps[0] == "read 'up three times' as ×3 the level before"


def test_the_level_after_a_change_keeps_its_steps():
    # "rose to 5%" on a level: 5%, widened by the cap to [4.75, 5.25]
    value = read_value("rose to 5%")
    assert (value.low, value.high) == (4.75, 5.25)
    assert value.steps == (
        "'rose to' states the level after a change: 5 percent",
        ("written precision ±5% (the cap: a round figure's trailing zeros are not taken at face value): "
         "compared as 4.75 to 5.25 percent"))


def test_a_change_where_a_level_is_measured_and_the_reverse_are_refused_with_a_hint():
    with pytest.raises(MeasureMismatch) as level:
        read_value("up 5%")
    assert str(level.value) == ("cannot read the value 'up 5%': 'up 5%' states a change ('up'), "
                                "but the proposition measures a level")
    assert level.value.hint == "write the level the source gives, or use a proposition with `measures: change`"
    with pytest.raises(MeasureMismatch) as changed:
        change("5%")
    assert str(changed.value) == "cannot read the value '5%': the proposition measures a change, but this is a level"
    assert changed.value.hint == ("write the change, e.g. 'up 21%', 'a 21% increase', 'doubled', "
                                  "'down $500 million'")


def test_a_verb_of_two_words():
    # 5% ± 5% = [4.75, 5.25]; "went up" is one verb of change, said as written
    value = change("went up 5%")
    assert (value.low, value.high) == (4.75, 5.25)
    assert value.steps[-1] == "'went up' makes it an increase, a relative change: +4.75 percent to +5.25 percent"


def test_once_the_level_before_is_no_change():
    # ×1 = 0%: a zero is widened by nothing, so no step of written precision
    value = change("up 1-fold")
    assert (value.low, value.high, value.unit) == (0.0, 0.0, "percent")
    assert value.steps == ("read 'up 1-fold' as ×1 the level before", "as a change: 0 percent")


def test_level_after_a_change_with_as_in_its_figure():
    # "as much as" holds " as ": the step names the whole reading, not what follows its first " as "
    value = read_value("rose to as much as 5%")
    assert (value.low, value.high) == (0, 5)  # a bound, compared as written
    assert value.steps[0] == "'rose to' states the level after a change: as much as 5 percent"
