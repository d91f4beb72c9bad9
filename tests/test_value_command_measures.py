"""`hirel value` has no proposition: a change read without --change (or a level with it) says
which flag reads it, not what a proposition measures."""

from __future__ import annotations


def test_change_without_flag(run):
    result = run("value", "plummeted nearly 50%")
    assert result.exit_code == 1
    assert result.output == "hirel: 'plummeted nearly 50%' states a change; `hirel value --change` reads changes\n"
    assert run("value", "plummeted nearly 50%", "--change").exit_code == 0


def test_level_with_flag(run):
    result = run("value", "50%", "--change")
    assert result.exit_code == 1
    assert result.output == "hirel: '50%' states a level; without --change, `hirel value` reads levels\n"


def test_hostile_phrase_is_inert(run):
    result = run("value", "plummeted \x1b[31m 50%")
    assert "\x1b" not in result.output
