"""The console examples of README.md and docs/*.md, checked independently of the script that prints them.

tests/test_readme.py compares each block with what hirel prints today, which would also pass if
hirel printed an error and the script copied it in. Here every shown command must succeed (exit 0,
nothing on stderr), and the facts the examples show are recomputed from the YAML files themselves
or by hand.
"""

from __future__ import annotations

import csv
import io
import re
import shlex
from collections import Counter
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
DOCUMENTS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
BLOCK = re.compile(r"```console\n\$ (hirel [^\n]*)\n(.*?)```\n", re.DOTALL)
HEAD = re.compile(r"\s*\|\s*head -n (\d+)\s*$")


def _blocks() -> list[tuple[str, str, str]]:
    found = []
    for document in DOCUMENTS:
        for match in BLOCK.finditer(document.read_text(encoding="utf-8")):
            found.append((document.name, match.group(1), match.group(2)))
    return found


BLOCKS = _blocks()


def _hirel(command: str, monkeypatch: pytest.MonkeyPatch):
    """Run the command in-process (quicker than a process per block) from the repository root."""
    from typer.testing import CliRunner

    from hirel.cli import app

    monkeypatch.chdir(ROOT)
    runner = CliRunner()
    return runner.invoke(app, shlex.split(HEAD.sub("", command))[1:],
                         env={"COLUMNS": "100", "NO_COLOR": "1", "FORCE_COLOR": None})


def _shown(command: str) -> str:
    [text] = [text for _doc, shown, text in BLOCKS if shown == command]
    return text


def test_there_are_console_examples():
    assert len(BLOCKS) >= 10
    assert any(doc == "README.md" for doc, _c, _t in BLOCKS)


@pytest.mark.parametrize(("document", "command", "shown"), BLOCKS,
                         ids=[f"{doc}: {command}" for doc, command, _t in BLOCKS])
def test_every_console_example_succeeds(document, command, shown, monkeypatch):
    result = _hirel(command, monkeypatch)
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert result.exit_code == 0, f"{document}: `{command}` exits {result.exit_code}: {result.stderr}"
    assert result.stderr == ""
    assert result.stdout.strip() and shown.strip()
    for text in (result.stdout, shown):
        assert "Traceback" not in text and "Error:" not in text and "error:" not in text


def _propositions() -> dict:
    return yaml.safe_load((ROOT / "data" / "propositions.yaml").read_text(encoding="utf-8"))


def _claims() -> list[dict]:
    claims = []
    for path in sorted((ROOT / "data" / "claims").glob("*.yaml")):
        claims.extend(yaml.safe_load(path.read_text(encoding="utf-8"))["claims"])
    return claims


def test_topics_table_counts_the_yaml():
    shown = _shown("hirel topics --format csv")
    rows = list(csv.DictReader(io.StringIO(shown)))
    data = _propositions()
    assert [row["topic"] for row in rows] == list(data["topics"])
    topic_of = {pid: p["topic"] for pid, p in data["propositions"].items()}
    propositions = Counter(topic_of.values())
    claims = Counter(topic_of[c["proposition"]] for c in _claims())
    for row in rows:
        assert int(row["propositions"]) == propositions[row["topic"]], row
        assert int(row["claims"]) == claims[row["topic"]], row


def test_stance_example_lists_the_claims_of_the_yaml():
    shown = _shown("hirel compare iran-foreknowledge-oct7")
    mine = [c for c in _claims() if c["proposition"] == "iran-foreknowledge-oct7"]
    assert f"{len(mine)} claims," in shown
    for c in mine:
        # each claim is shown on its own line with its stance
        assert re.search(rf"^  {re.escape(c['id'])}  {c['stance']}  ", shown, re.MULTILINE), c["id"]
    stances = {c["stance"] for c in mine}
    if stances == {"supports", "refutes"}:
        assert "opposite stances" in shown and "1 dispute" in shown


def test_value_example_by_hand():
    # more than 150 million over 2014–2020 (7 years): 150,000,000 / 7 = 21,428,571.43 a year;
    # "more than" is a bound: compared as written (no written precision on it), so the compared
    # floor is the same 21.43 million a year.
    shown = _shown('hirel value "more than $150 million" --unit USD/year --when 2014/2020')
    assert re.search(r"^ low +21,428,571\.4286$", shown, re.MULTILINE)
    assert re.search(r"^ high +unbounded$", shown, re.MULTILINE)
    assert re.search(r"^ compared as +≥ \$21\.4M/yr$", shown, re.MULTILINE)
    assert "a bound is compared as written" in shown and "÷ 7" in shown


def test_bundled_corpus_checks_clean(monkeypatch):
    result = _hirel("hirel check", monkeypatch)
    assert result.exit_code == 0, result.stdout + result.stderr
