"""The gates (ruff, mypy --strict) are configured once, in pyproject.toml, and CI and the
repository's pre-commit hooks run the same commands (docs/development.md)."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent


def _pyproject() -> dict:
    return tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))


def test_the_lint_extra_pins_the_gate_tools_and_the_test_extra_stays_lean():
    extras = _pyproject()["project"]["optional-dependencies"]
    names = {spec.split(">")[0].split("<")[0].split("=")[0].strip().lower() for spec in extras["lint"]}
    assert names == {"ruff", "mypy", "types-pyyaml"}
    assert all("<" in spec for spec in extras["lint"]), "every gate tool is pinned to a compatible range"
    assert not any(spec.lower().startswith(("ruff", "mypy")) for spec in extras["test"])


def test_mypy_is_strict_on_the_whole_package_and_ruff_keeps_its_default_rules():
    tool = _pyproject()["tool"]
    assert tool["mypy"]["strict"] is True
    assert tool["mypy"]["files"] == ["src/hirel"]
    lint = tool["ruff"].get("lint", {})
    assert "select" not in lint and "ignore" not in lint and "extend-select" not in lint
    assert "select" not in tool["ruff"] and "ignore" not in tool["ruff"]


def test_the_pre_commit_hooks_run_the_gates_with_the_tools_of_the_environment():
    config = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text("utf-8"))
    hooks = {hook["id"]: hook for repo in config["repos"] if repo["repo"] == "local" for hook in repo["hooks"]}
    assert hooks["ruff"]["entry"].split()[:2] == ["ruff", "check"]
    assert hooks["mypy"]["entry"] == "mypy"  # the files come from pyproject.toml
    assert hooks["mypy"]["pass_filenames"] is False
    assert {hooks[name]["language"] for name in ("ruff", "mypy", "hirel-check")} == {"system"}
    assert hooks["hirel-check"]["entry"] == "hirel check"


def test_ci_runs_the_gates_after_the_readme_commands_and_hirel_check():
    lines = [line.strip() for line in (ROOT / ".ci" / "run").read_text("utf-8").splitlines()]
    commands = [line for line in lines if line and not line.startswith(("#", "echo"))]
    check = commands.index("hirel check")
    after = commands[check + 1:]
    assert after == ["pip install -e '.[lint]' || fail \"installing the lint extra\"",
                     "ruff check || fail \"ruff check\"",
                     "mypy || fail \"mypy --strict\""]


def test_every_ignore_names_what_it_ignores():
    """A bare type-ignore or noqa comment would hide any error on its line, also future ones."""
    bare = []
    for folder in ("src", "tests", "benchmarks", "scripts"):
        for path in sorted((ROOT / folder).rglob("*.py")):
            for number, line in enumerate(path.read_text("utf-8").splitlines(), 1):
                if re.search(r"#\s*type:\s*ignore(?!\[)", line) or re.search(r"#\s*noqa(?!:\s*[A-Z])", line):
                    bare.append(f"{path.relative_to(ROOT)}:{number}")
    assert bare == []
