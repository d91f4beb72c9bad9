"""Options are converted without pydantic, to the very values (and errors) Typer's converter gives."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

SAMPLES = ["json", "JSON", "Table", "xml", "", "data", "data/claims/x.yaml", "HR501", "-", "ü", "a b",
           "never", "ALWAYS", "sometimes", "funding", "USD/year"]


def _parameters():
    import typer.main

    from hirel.cli import app

    group = typer.main.get_command(app)
    for param in group.params:
        yield "(global)", param
    for name, command in group.commands.items():
        for param in command.params:
            yield name, param


@pytest.mark.parametrize("where,param", list(_parameters()), ids=lambda x: x if isinstance(x, str) else x.name)
def test_every_option_converts_as_typer_does(where, param, tmp_path, monkeypatch):
    import typer.main
    from typer._click import Context
    from typer._coercion import build_runtime_param

    from hirel.cli import app  # installs the light converter

    if not hasattr(param, "type_descriptor"):
        pytest.skip("not a converted parameter")
    monkeypatch.chdir(tmp_path)
    (tmp_path / "data" / "claims").mkdir(parents=True)
    (tmp_path / "data" / "claims" / "x.yaml").write_text("claims: []\n", encoding="utf-8")
    ctx = Context(typer.main.get_command(app))
    light, full = param.get_runtime_param(), build_runtime_param(param.type_descriptor)
    assert type(light).__name__ == "LightParam"
    multiple = param.multiple or param.nargs == -1
    values = [tuple(SAMPLES[:3]), (), None] if multiple else [*SAMPLES, None, True, False]
    for value in values:
        outcomes = []
        for converter in (light, full):
            try:
                outcomes.append(("value", converter.coerce(value, param=param, ctx=ctx)))
            except Exception as exc:  # noqa: BLE001 - the error must be the same one
                outcomes.append(("error", type(exc).__name__, str(exc)))
        assert outcomes[0] == outcomes[1], (where, param.name, value)
        if outcomes[0][0] == "value" and isinstance(outcomes[0][1], (list, Path)):
            assert type(outcomes[0][1]) is type(outcomes[1][1])


@pytest.mark.parametrize("argv", [["check", "--help"], ["topics", "--format", "json"], ["rule", "HR501"],
                                  ["--color", "never", "claims", "--search", "money"], ["schema", "claims"]])
def test_commands_do_not_import_pydantic(argv, corpus):
    code = ("import sys\nfrom hirel.cli.typer_app import app\n"
            "try:\n    app(sys.argv[1:])\nexcept SystemExit as done:\n    code = done.code\n"
            "print(code, sorted({m.split('.')[0] for m in sys.modules} & {'pydantic', 'pydantic_core'}))")
    done = subprocess.run([sys.executable, "-c", code, *argv], capture_output=True, text=True,
                          cwd=corpus.root.parent, check=False)
    assert done.stdout.splitlines()[-1] == "0 []", done.stderr


def test_a_bad_value_still_gets_typers_message(run, corpus):
    result = run("--color", "sometimes", "topics")
    assert result.exit_code == 2
    assert "Invalid value for '--color'" in result.stderr
    assert "'sometimes' is not one of 'auto', 'always', 'never'" in result.stderr
