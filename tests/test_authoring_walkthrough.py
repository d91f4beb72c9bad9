"""docs/authoring.md's walk-through is real: every `$ hirel …` of its ```text blocks is replayed
in a fresh directory, with the edits the text describes, and must print what the page shows.

After a change that alters this output on purpose, rewrite the blocks and read the diff:

    HIREL_UPDATE_WALKTHROUGH=1 pytest tests/test_authoring_walkthrough.py
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DOC = ROOT / "docs" / "authoring.md"
BLOCK = re.compile(r"```text\n(\$ .*?)```\n", re.DOTALL)
EDIT = re.compile(r"<!-- edit: (\S+) -->\n```yaml\n(.*?)```\n", re.DOTALL)
ARTICLE = "harbor-times-2024-port-fees-rise-20-trade"


def steps(doc: str) -> list[tuple[str, str]]:
    """(command, expected output) in the order of the page."""
    out = []
    for block in BLOCK.findall(doc):
        parts = re.split(r"^\$ (.*)\n", block, flags=re.MULTILINE)
        for command, output in zip(parts[1::2], parts[2::2]):
            out.append((command, output))
    return out


def apply_edits(name: str, doc: str, cwd: Path) -> None:
    """The edits the page asks for between two commands."""
    edits = dict(EDIT.findall(doc))
    if name == "propositions":
        path = cwd / "data/propositions.yaml"
        text = path.read_text("utf-8")
        assert text.endswith("topics: {}\npropositions: {}\n")
        path.write_text(text[: -len("topics: {}\npropositions: {}\n")] + edits["propositions"], "utf-8")
    elif name == "claims":
        # 'replace each CHOOSE with the first proposition named after it; uncomment Ana Lopes'
        path = cwd / f"data/claims/{ARTICLE}.yaml"
        text = re.sub(r"proposition: CHOOSE  # a \w+ proposition; closest: ([a-z0-9-]+) .*",
                      r"proposition: \1", path.read_text("utf-8"))
        text = text.replace("    # claimant: Ana Lopes  # not in entities.yaml: add the stub below",
                            "    claimant: Ana Lopes")
        path.write_text(text, "utf-8")


def test_walkthrough(tmp_path, monkeypatch, run):
    doc = DOC.read_text(encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("COLUMNS", "100")
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.delenv("HIREL_DATA", raising=False)
    shutil.copy(ROOT / "tests/pages/news-jsonld.html", tmp_path / "port-fees.html")
    # where the page's edits fall: after the command that starts with these words
    edit_after = {"hirel add ../port-fees.html": "propositions", f"hirel suggest {ARTICLE} >": "claims"}
    commands = steps(doc)
    assert len(commands) >= 8
    update = bool(os.environ.get("HIREL_UPDATE_WALKTHROUGH"))
    printed = []
    seen = set()
    for command, expected in commands:
        words = shlex.split(command)
        redirect = None
        if ">" in words or ">>" in words:
            at = words.index(">") if ">" in words else words.index(">>")
            redirect = (words[at], words[at + 1])
            words = words[:at]
        if words[0] == "cd":
            monkeypatch.chdir(Path.cwd() / words[1])
            output = ""
        else:
            assert words[0] == "hirel", command
            result = run(*words[1:])
            output = result.output
            if redirect:
                with (Path.cwd() / redirect[1]).open("a" if redirect[0] == ">>" else "w", encoding="utf-8") as f:
                    f.write(result.stdout)
                output = result.stderr  # only what reaches the terminal
        printed.append((command, output))
        if not update:
            assert output == expected, (f"`{command}` printed:\n{output}\n(if that is right: "
                                        "HIREL_UPDATE_WALKTHROUGH=1 pytest tests/test_authoring_walkthrough.py)")
        for start, edit in edit_after.items():
            if command.startswith(start):
                apply_edits(edit, doc, Path.cwd())
                seen.add(edit)
    assert seen == {"propositions", "claims"}
    if update:
        outputs = iter(printed)

        def rewrite(match: re.Match[str]) -> str:
            parts = re.split(r"^\$ (.*)\n", match.group(1), flags=re.MULTILINE)
            text = "".join(f"$ {command}\n{next(outputs)[1]}" for command in parts[1::2])
            return f"```text\n{text}```\n"

        DOC.write_text(BLOCK.sub(rewrite, doc), encoding="utf-8")


@pytest.mark.parametrize("figure", ["(84%)", "(52%)"])
def test_the_reported_figures_are_there(figure):
    """The recall figures (from benchmarks/bench_authoring.py; the 80% floor is tested in test_suggest)."""
    assert figure in DOC.read_text(encoding="utf-8")
