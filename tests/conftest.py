"""Shared fixtures: a small corpus written into tmp_path, and a CLI runner."""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

import pytest
from typer.testing import CliRunner

ENTITIES = """\
Hamas:
  aliases: [Islamic Resistance Movement]
  part_of: [Palestinian militant groups]
Izz ad-Din al-Qassam Brigades:
  aliases: [Qassam Brigades]
  part_of: [Hamas]
Palestinian militant groups: {}
Iran: {}
U.S. government: {}
U.S. Department of State:
  aliases: [State Department]
  part_of: [U.S. government]
Biden administration:
  part_of: [U.S. government]
The Wall Street Journal:
  aliases: [WSJ]
unnamed Hamas source:
  part_of: [Hamas]
Example Times: {}
"""

PROPOSITIONS = """\
topics:
  funding: Iranian money for Hamas
  foreknowledge: Whether Iran knew of the attack
propositions:
  iran-funding-per-year:
    topic: funding
    text: Money Iran gives per year
    kind: quantity
    unit: USD/year
    object: Hamas
    changes_over_time: true
  iran-foreknowledge:
    topic: foreknowledge
    text: Iran knew of the attack in advance
    kind: stance
  hamas-founded:
    topic: funding
    text: When Hamas was founded
    kind: date
"""

ARTICLE = """\
---
title: A test article
outlet: Example Times
published: 2021-12-25
kind: news
reliability: C
---
Iran provides about $100 million annually to Palestinian militant groups, the State Department said.
Hamas receives “$30 million monthly” from Tehran, a Hamas official claimed.
Citing a Hamas source, The Wall Street Journal reported that Iran helped plot the attack.
The Biden administration says it has no intelligence showing Iranian involvement.
Hamas was founded in 1987.
"""

CLAIMS = """\
claims:
  - id: state-dept-100m
    proposition: iran-funding-per-year
    quote: "Iran provides about $100 million annually to Palestinian militant groups"
    claimant: State Department
    value: about $100 million per year
    scope: Palestinian militant groups
    when: "2020"
  - id: hamas-30m-month
    proposition: iran-funding-per-year
    quote: "Hamas receives \\"$30 million monthly\\" from Tehran"
    value: $30 million a month
  - id: wsj-plot
    proposition: iran-foreknowledge
    quote: "Iran helped plot the attack"
    claimant: unnamed Hamas source
    via: [The Wall Street Journal]
    stance: supports
  - id: biden-no-intel
    proposition: iran-foreknowledge
    quote: "The Biden administration says it has no intelligence showing Iranian involvement"
    claimant: Biden administration
    stance: refutes
  - id: founded-1987
    proposition: hamas-founded
    quote: "Hamas was founded in 1987"
    value: "1987"
"""


def text(block: str) -> str:
    """A dedented block without its leading newline, so that its first line is line 1."""
    return textwrap.dedent(block).lstrip("\n")


def replace_once(source: str, old: str, new: str) -> str:
    assert source.count(old) == 1, old
    return source.replace(old, new)


# A claims file with one stance claim; every line and column below is counted from it.
#   line 1  claims:
#   line 2    - id: wsj-plot                          ('-' col 3, key col 5, value col 9)
#   line 3      proposition: iran-foreknowledge       (value col 18)
#   line 4      quote: "Iran helped plot the attack"  (value col 12)
#   line 5      stance: supports                      (value col 13)
#   line 6      <the extra line of a case>
STANCE_CLAIM = text("""
    claims:
      - id: wsj-plot
        proposition: iran-foreknowledge
        quote: "Iran helped plot the attack"
        stance: supports
""")

# A claims file with one quantity claim (value on line 5, column 12).
QUANTITY_CLAIM = text("""
    claims:
      - id: hamas-30m-month
        proposition: iran-funding-per-year
        quote: "Hamas receives \\"$30 million monthly\\" from Tehran"
        value: $30 million a month
""")


class CorpusDir:
    """A data directory in tmp_path, written from strings; files can be replaced per test."""

    def __init__(self, root: Path) -> None:
        self.root = root
        (root / "articles").mkdir(parents=True)
        (root / "claims").mkdir()
        self.write("entities.yaml", ENTITIES)
        self.write("propositions.yaml", PROPOSITIONS)
        self.write("articles/test-article.md", ARTICLE)
        self.write("claims/test-article.yaml", CLAIMS)

    def write(self, relative: str, text: str | bytes) -> Path:
        path = self.root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(textwrap.dedent(text) if text.startswith("\n") else text, encoding="utf-8")
        return path

    def path(self, relative: str) -> Path:
        return self.root / relative


@pytest.fixture(autouse=True)
def _own_user_cache(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """The check cache's key (kept in the user's cache folder) in a folder of the test run's own."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path_factory.getbasetemp() / "user-cache"))


@pytest.fixture
def corpus(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> CorpusDir:
    """A clean small corpus at tmp_path/data; the working directory is tmp_path."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("HIREL_DATA", raising=False)
    monkeypatch.setenv("NO_COLOR", "1")
    return CorpusDir(tmp_path / "data")


@pytest.fixture
def run():
    """Run the hirel CLI in-process: run("check", "--format", "json") -> Result."""
    from hirel.cli import app

    runner = CliRunner()

    def invoke(*args: str, input: str | None = None):
        return runner.invoke(app, list(args), input=input, catch_exceptions=False)

    return invoke


def parse_json(text: str):
    return json.loads(text)
