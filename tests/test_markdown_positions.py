"""`compare --format markdown`: a position's `when` is "any" where the proposition does not
compare periods (not "unknown", which would say the sources gave none)."""

from __future__ import annotations

import re


def _position_whens(output: str) -> list[str]:
    return [[cell.strip() for cell in line.split("|")][4] for line in output.splitlines()
            if re.match(r"^\| p\d+ \|", line)]


def test_positions_when_any(corpus, run):
    result = run("compare", "iran-foreknowledge", "--format", "markdown")
    assert result.exit_code == 0, result.output
    whens = _position_whens(result.output)
    assert whens and set(whens) == {"any"}


def test_positions_when_of_a_proposition_over_time(corpus, run):
    # iran-funding-per-year changes over time: each position has its block's period
    whens = _position_whens(run("compare", "iran-funding-per-year", "--format", "markdown").output)
    assert whens and "any" not in whens
