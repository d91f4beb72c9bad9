"""The documentation covers what exists: every command and each of its options in
docs/commands.md, every rule in docs/rules.md (generated from the rules' docstrings and up to
date), every field of every file kind in docs/data-format.md, and the pre-commit recipes of
docs/check.md are complete hooks."""

from __future__ import annotations

import re
import runpy
import sys
from pathlib import Path

import pytest
import typer
import yaml

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"


def commands() -> dict:
    from hirel.cli import app

    return typer.main.get_command(app).commands


def sections(path: Path) -> dict[str, str]:
    """The text under each `## ` heading of a Markdown file, by heading."""
    text = path.read_text(encoding="utf-8")
    parts = re.split(r"^## (.+)$", text, flags=re.MULTILINE)
    return {parts[i].strip(): parts[i + 1] for i in range(1, len(parts), 2)}


def options_of(command) -> list[str]:
    """The long option names (or the only name) of a command's options, without --help."""
    names = []
    for param in command.params:
        opts = [o for o in getattr(param, "opts", []) if o.startswith("--")] if param.param_type_name == "option" \
            else []
        if opts and opts[0] != "--help":
            names.append(opts[0])
    return names


@pytest.mark.parametrize("name", sorted(commands()))
def test_every_command_has_a_section_in_the_command_reference(name):
    assert f"hirel {name}" in sections(DOCS / "commands.md"), f"no '## hirel {name}' in docs/commands.md"


@pytest.mark.parametrize("name", sorted(commands()))
def test_every_option_is_documented_in_its_command_section(name):
    section = sections(DOCS / "commands.md")[f"hirel {name}"]
    missing = [option for option in options_of(commands()[name]) if f"`{option}" not in section]
    assert not missing, f"docs/commands.md, hirel {name}: options not documented: {missing}"


def test_global_options_are_documented():
    from hirel.cli import app

    section = sections(DOCS / "commands.md")["Global options"]
    missing = [o for o in options_of(typer.main.get_command(app)) if f"`{o}" not in section]
    assert not missing


def test_rules_doc_is_generated_and_up_to_date(monkeypatch, capsys):
    script = runpy.run_path(str(ROOT / "scripts" / "update_rules_doc.py"))
    monkeypatch.setattr(sys, "argv", ["update_rules_doc.py", "--check"])
    assert script["main"]() == 0, capsys.readouterr().out


def test_every_rule_has_its_section_with_examples():
    from hirel.rules import ALL_RULES

    text = (DOCS / "rules.md").read_text(encoding="utf-8")
    for rule in ALL_RULES:
        section = text.split(f"### {rule.code} {rule.name}\n", 1)[1].split("\n### ", 1)[0]
        assert "FAIL:" in section and "PASS:" in section, rule.code
        assert rule.summary() in section


def test_a_rule_docstring_splits_into_summary_prose_and_examples():
    from hirel.rules import doc_parts

    summary, paragraphs, examples = doc_parts(
        "One line.\n\nWhy it\nmatters.\n\nFAIL:\n    a: 1\n      b: 2\n\nPASS:\n    a: 2\n")
    assert summary == "One line."
    assert paragraphs == ["Why it matters."]
    assert examples == [("FAIL", "a: 1\n  b: 2"), ("PASS", "a: 2")]


@pytest.mark.parametrize("specs", ["CLAIM_FIELDS", "ARTICLE_FIELDS", "PROPOSITION_FIELDS", "ENTITY_FIELDS"])
def test_data_format_documents_every_field(specs):
    from hirel.loading import fields

    text = (DOCS / "data-format.md").read_text(encoding="utf-8")
    for spec in getattr(fields, specs):
        assert f"| `{spec.name}` |" in text, f"{spec.name} is not in the field tables of docs/data-format.md"


def test_data_format_documents_the_second_contract():
    text = (DOCS / "data-format.md").read_text(encoding="utf-8")
    for field in ("cumulative", "since", "measures"):
        assert f"| `{field}` |" in text
    for verdict in ("contradiction", "agreement", "consistent", "compatible", "different-period", "same-origin",
                    "unrelated"):
        assert f"| `{verdict}` |" in text
    assert "(values.md)" in text and "(comparing.md)" in text


def test_pre_commit_recipes_are_complete_hooks():
    section = sections(DOCS / "check.md")["pre-commit"]
    blocks = [yaml.safe_load(b) for b in re.findall(r"```yaml\n(.*?)```", section, re.DOTALL)]
    assert len(blocks) == 3
    local_languages = set()
    for block in blocks:
        (repo,) = block["repos"]
        (hook,) = repo["hooks"]
        assert hook["id"] == "hirel-check"
        if repo["repo"] == "local":
            assert (hook["entry"], hook["files"]) == ("hirel check", "^data/")
            local_languages.add(hook["language"])
        else:
            assert repo["rev"] and not str(repo["rev"]).startswith("<")
    assert local_languages == {"system", "python"}
    shipped = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert [h["id"] for h in shipped] == ["hirel-check"]


def test_ci_runs_the_readme_commands_exactly():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    first_two = re.findall(r"```sh\n(.*?)\n```", readme, re.DOTALL)[:2]
    assert first_two[0].startswith("python3 -m venv .venv && . .venv/bin/activate && pip install -e . && ")
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    for command in first_two:
        assert "\n" not in command
        assert any(line == command or line.startswith(command + " || ") for line in ci), command
    assert "upgrade" not in "\n".join(ci)
