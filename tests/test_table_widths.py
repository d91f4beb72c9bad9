"""The browsing tables at 80 and 120 columns: nothing wider than the terminal, and the
descriptions under the names keep a readable width.

At 80 columns `hirel topics` gave its descriptions 22 columns ("Dated / background / events -
/ Hamas's"): the headers of the five counts took the rest. Below 120 columns those headers now
wrap onto two lines ("propo-/sitions", "contra-/dictions"), as `propositions` does.
"""

from __future__ import annotations

import pytest

from conftest import PROPOSITIONS, replace_once

LONG = ("Iranian money for Hamas and other Palestinian groups, and the other sources of the money "
        "Hamas spends on its government and its armed wing")


@pytest.fixture
def described(corpus):
    corpus.write("propositions.yaml", replace_once(PROPOSITIONS, "funding: Iranian money for Hamas",
                                                   f"funding: {LONG}"))
    return corpus


def _table(run, monkeypatch, width: int, *args: str) -> list[str]:
    monkeypatch.setenv("COLUMNS", str(width))
    result = run(*args)
    assert result.exit_code == 0, result.stderr
    return result.stdout.splitlines()


def _description_lines(lines: list[str]) -> list[str]:
    """The lines of the funding topic's description (between its row and the next topic's)."""
    start = next(i for i, line in enumerate(lines) if line.startswith(" funding ")) + 1
    end = next(i for i, line in enumerate(lines) if line.startswith(" foreknowledge "))
    return [line.strip() for line in lines[start:end]]


@pytest.mark.parametrize("width, narrowest", [(80, 30), (100, 45), (120, 50)])
def test_topics_descriptions_keep_a_readable_width(described, run, monkeypatch, width, narrowest):
    lines = _table(run, monkeypatch, width, "topics")
    assert max(len(line) for line in lines) <= width
    description = _description_lines(lines)
    assert " ".join(description) == LONG  # all of it, wrapped at word boundaries
    # Every line but the last is filled to at least ``narrowest`` columns.
    assert min(len(line) for line in description[:-1]) >= narrowest - 12
    assert max(len(line) for line in description) >= narrowest


def test_topics_headers_wrap_below_120_columns(described, run, monkeypatch):
    narrow = _table(run, monkeypatch, 80, "topics")
    assert narrow[0].split() == ["propo-", "contra-"]
    assert narrow[1].split() == ["topic", "sitions", "claims", "articles", "origins", "dictions"]
    # The counts stay under their headers, right-aligned: "2" (propositions) ends where "sitions" does.
    funding = next(line for line in narrow if line.startswith(" funding "))
    assert funding.split() == ["funding", "2", "3", "1", "2", "1"]
    assert funding.index(" 2 ") + 2 == narrow[1].index("sitions") + len("sitions")
    wide = _table(run, monkeypatch, 120, "topics")
    assert wide[0].split() == ["topic", "propositions", "claims", "articles", "origins", "contradictions"]


@pytest.mark.parametrize("width", [80, 120])
@pytest.mark.parametrize("command", [["propositions"], ["claims"], ["sources"], ["timeline"], ["entities"],
                                     ["compare", "funding"], ["show", "hamas-30m-month"], ["rule"]])
def test_no_browsing_table_is_wider_than_the_terminal(described, run, monkeypatch, width, command):
    lines = _table(run, monkeypatch, width, *command)
    assert [line for line in lines if len(line) > width] == []


@pytest.mark.parametrize("width", [80, 120])
def test_suggest_table_is_a_card_per_stub_at_any_width(corpus, run, monkeypatch, width):
    """The six-column table left quotes a dozen columns at 80 and broke proposition ids; each
    stub is now a card: line, reasons and closest proposition; the whole quote; value and
    claimant."""
    lines = _table(run, monkeypatch, width, "suggest", "test-article", "--format", "table", "--all")
    assert max(len(line) for line in lines) <= width
    heads = [line.split(" · ")[:2] for line in lines if line.startswith("line ")]
    # The article's body starts on line 8 (after 7 lines of front matter), one sentence a line.
    assert heads == [["line 8", "figure, attribution, actors (covered)"], ["line 9", "figure, attribution (covered)"],
                     ["line 10", "attribution, actors (covered)"], ["line 11", "attribution (covered)"],
                     ["line 12", "date (covered)"]]
    cards = " ".join(line.strip() for line in lines)
    assert "“Hamas receives “$30 million monthly” from Tehran, a Hamas official claimed.”" in cards
    # 'a Hamas official claimed': an unnamed person of Hamas, not Hamas itself
    assert "value: $30 million monthly = $30M/mo · claimant: unnamed Hamas official" in cards
    assert "claimant: unnamed Hamas source" in cards
    assert lines[-1] == "test-article: 5 of 5 checkable sentences covered (100%)"
