"""The README's Python session is real: every ```pycon block runs as a doctest from the
repository root, on the bundled corpus."""

from __future__ import annotations

import doctest
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
README = ROOT / "README.md"
BLOCK = re.compile(r"```pycon\n(.*?)```\n", re.DOTALL)


def test_readme_has_a_python_session():
    assert BLOCK.search(README.read_text(encoding="utf-8"))


@pytest.mark.parametrize("index", range(len(BLOCK.findall(README.read_text(encoding="utf-8")))))
def test_readme_python_session_runs(index, monkeypatch):
    monkeypatch.chdir(ROOT)
    monkeypatch.delenv("HIREL_DATA", raising=False)
    source = BLOCK.findall(README.read_text(encoding="utf-8"))[index]
    parser = doctest.DocTestParser()
    test = parser.get_doctest(source, {}, f"README.md pycon block {index + 1}", str(README), 0)
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    runner.run(test)
    failed, attempted = runner.summarize(verbose=False)
    assert attempted > 0
    assert failed == 0, f"README.md pycon block {index + 1}: {failed} of {attempted} examples fail (see output above)"


def test_readme_walkthrough_excerpt_is_the_real_walkthrough():
    """The stub the README shows is part of docs/authoring.md, whose walk-through
    tests/test_authoring_walkthrough.py replays."""
    readme = README.read_text(encoding="utf-8")
    walkthrough = (ROOT / "docs" / "authoring.md").read_text(encoding="utf-8")
    excerpts = re.findall(r"```text\n(.*?)```\n", readme, re.DOTALL)
    assert excerpts
    for excerpt in excerpts:
        assert excerpt in walkthrough, f"README excerpt not in docs/authoring.md:\n{excerpt}"
