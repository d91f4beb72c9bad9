"""Ids made from titles and names (`hirel add`, `suggest`, hints): a terminal escape sequence
spells nothing, so no part of it ends up in an id."""

from __future__ import annotations

import pytest

from hirel.rules.structure import slugify


@pytest.mark.parametrize(("text", "slug"), [
    ("Evil \x1b[31mRed\x1b[0m title", "evil-red-title"),
    ("\x1b]8;;http://evil.example\x07Click\x1b]8;;\x07 here", "click-here"),
    ("Port fees rise 20%", "port-fees-rise-20"),
    ("\x9b31mC1 form", "c1-form"),
])
def test_slugify(text, slug):
    assert slugify(text) == slug


def test_add_makes_no_id_of_an_escape(tmp_path, monkeypatch, run):
    monkeypatch.chdir(tmp_path)
    run("init")
    source = tmp_path / "story.txt"
    source.write_text("Evil \x1b[31mRed\x1b[0m title\n\nIran gave Hamas $5 million in 2023, the report said.\n",
                      encoding="utf-8")
    result = run("add", str(source), "--outlet", "Example Times", "--published", "2023-05-01")
    assert result.exit_code == 0, result.output
    [written] = (tmp_path / "data/articles").glob("*.md")
    assert written.stem == "example-times-2023-evil-red-title"
