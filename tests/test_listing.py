"""`loading.listing.plain_files`, the quick listing of a data folder: the loader's own list when
the folder holds nothing to report, None (the loader then says what it finds) otherwise."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from hirel.loading.listing import plain_files
from hirel.loading.loader import list_files
from test_cache import cached, cold


def _folder(tmp_path: Path, names: list[str]) -> Path:
    folder = tmp_path / "claims"
    folder.mkdir(parents=True)
    for name in names:
        (folder / name).write_text("claims: []\n", encoding="utf-8")
    return folder


def test_a_plain_folder_lists_as_the_loader_does(tmp_path: Path) -> None:
    folder = _folder(tmp_path, ["b-2.yaml", "a.yaml", "0.yaml", ".hidden", "a-b-c.yaml"])
    problems: list = []
    expected = list_files(folder, ".yaml", problems)
    assert problems == []
    assert plain_files(folder, ".yaml") == expected
    # in name order: "a-b-c.yaml" before "a.yaml" ('-' sorts before '.')
    assert [stem for _path, _shown, stem in expected] == ["0", "a-b-c", "a", "b-2"]
    assert plain_files(_folder(tmp_path / "empty", []), ".yaml") == []


@pytest.mark.parametrize("name", [
    "x.yaml\ny.yaml",  # one name with a line break in it, that reads as two good names when joined by lines
    "a.b.yaml", "Upper.yaml", "-dash.yaml", "a.yml", "a.yaml.bak", "a", "a b.yaml", "é.yaml",
])
def test_anything_the_loader_would_report_is_left_to_it(tmp_path: Path, name: str) -> None:
    folder = _folder(tmp_path, ["good.yaml", name])
    problems: list = []
    list_files(folder, ".yaml", problems)
    assert problems, "the loader reports it"
    assert plain_files(folder, ".yaml") is None


def test_links_and_folders_are_left_to_the_loader(tmp_path: Path) -> None:
    folder = _folder(tmp_path, ["good.yaml"])
    (folder / "sub.yaml").mkdir()
    assert plain_files(folder, ".yaml") is None
    os.rmdir(folder / "sub.yaml")
    os.symlink(folder / "good.yaml", folder / "link.yaml")
    assert plain_files(folder, ".yaml") is None
    assert plain_files(tmp_path / "missing", ".yaml") is None


def test_a_name_with_a_line_break_is_reported_with_the_cache_too(corpus, tmp_path: Path) -> None:
    corpus.write("articles/p.md\nq.md", "---\ntitle: T\noutlet: X\npublished: 2020-01-01\n---\nHello.\n")
    expected = cold(corpus)
    assert expected and cached(corpus, tmp_path / "cache") == expected
