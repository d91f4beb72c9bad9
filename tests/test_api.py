"""The public library API: `import hirel` and call it from a notebook or a script."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

import hirel
from conftest import CorpusDir


def test_exports_are_listed_and_resolve():
    assert sorted(hirel.__all__) == sorted(["__version__", *hirel._EXPORTS])
    for name in hirel.__all__:
        assert getattr(hirel, name) is not None
    assert set(dir(hirel)) >= {"load_corpus", "check", "compare", "read_value", "HirelError"}
    with pytest.raises(AttributeError):
        _ = hirel.no_such_name


def test_import_hirel_is_light():
    code = "import sys, hirel; print(sorted(m for m in sys.modules if m.startswith(('hirel.', 'yaml', 'rich', 'typer'))))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_load_check_compare_on_a_corpus_given_as_str(corpus: CorpusDir):
    loaded = hirel.load_corpus(str(corpus.root))
    assert isinstance(loaded, hirel.Corpus)
    assert loaded.claims
    assert hirel.check(str(corpus.root)) == []
    topic = next(iter(loaded.topics))
    result = hirel.compare(loaded, topic)
    assert isinstance(result, hirel.Comparison)
    assert result.topic == topic


def test_check_files_limits_the_report(corpus: CorpusDir):
    claims = corpus.write("claims/test-article.yaml", "claims:\n  - id: x\n")
    corpus.write("claims/orphan.yaml", "claims: []\n")  # no article: a problem of its own file
    everything = hirel.check(corpus.root)
    only = hirel.check(corpus.root, [claims])
    assert only and all(p.path.endswith("claims/test-article.yaml") for p in only)
    assert any(p.path.endswith("claims/orphan.yaml") for p in everything)


def test_a_folder_that_is_not_a_data_directory_is_a_hirel_error(tmp_path: Path):
    with pytest.raises(hirel.DataDirError, match="not a data directory"):
        hirel.load_corpus(tmp_path)
    with pytest.raises(hirel.HirelError):
        hirel.check(tmp_path / "missing")


def test_unknown_subject_is_a_hirel_error_with_a_suggestion(corpus: CorpusDir):
    loaded = hirel.load_corpus(corpus.root)
    topic = next(iter(loaded.topics))
    with pytest.raises(hirel.UnknownName) as info:
        hirel.compare(loaded, topic + "x")
    assert isinstance(info.value, hirel.HirelError)
    assert info.value.suggestions[0] == topic


def test_read_value_converts_with_unit_and_period():
    monthly = hirel.read_value("$30 million a month", unit="USD/year")
    assert (*monthly.as_written, monthly.unit) == (3.6e8, 3.6e8, "USD/year")
    assert (monthly.low, monthly.high) == (3.42e8, 3.78e8)  # '30' written to the ten million: ±5%
    total = hirel.read_value("$70 million", unit="USD/year", when="2014/2020")
    assert total.as_written[0] == pytest.approx(1e7)  # 70 million over the seven years 2014-2020
    assert hirel.read_value("doubled", unit="percent", measures="change").as_written == (100, 100)
    with pytest.raises(hirel.ValueParseError) as info:
        hirel.read_value("a lot of money")
    assert isinstance(info.value, hirel.HirelError)
