"""The README's console examples are real: each `$ hirel …` block matches what hirel prints."""

from __future__ import annotations

import runpy
import sys
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parents[1] / "scripts" / "update_readme_outputs.py"


def test_readme_console_blocks_are_up_to_date(monkeypatch, capsys):
    module = runpy.run_path(str(SCRIPT))
    monkeypatch.setattr(sys, "argv", [str(SCRIPT), "--check"])
    status = module["main"]()
    stale = capsys.readouterr().out
    if status:
        pytest.fail(f"run `python scripts/update_readme_outputs.py`:\n{stale}")
