"""The registries rebuilt from the cache's plain form are those read from their YAML, field by
field (places included), on every corpus the tests hold; anything unexpected in a stored form
makes them be read from their files."""

from __future__ import annotations

from pathlib import Path

import pytest

from hirel.loading.build import CorpusBuilder
from hirel.loading.loader import load_entities, load_propositions
from hirel.loading.plainform import NotPlain
from hirel.loading.registryform import plain_registries, registries_into

ROOT = Path(__file__).resolve().parent.parent
CORPORA = [ROOT / "data", *sorted(p.parent for p in (ROOT / "tests" / "corpora").glob("*/entities.yaml"))]


def _read(root: Path) -> CorpusBuilder:
    builder = CorpusBuilder(root=root)
    load_entities(builder, root / "entities.yaml")
    load_propositions(builder, root / "propositions.yaml")
    return builder


def _fields(record: object) -> list[object]:
    return [getattr(record, name) for name in type(record).field_names()]  # type: ignore[attr-defined]


@pytest.mark.parametrize("root", CORPORA, ids=lambda p: p.name)
def test_rebuilt_registries_are_those_read(root: Path) -> None:
    read = _read(root)
    assert read.entities.entities and read.propositions  # (a corpus with registries)
    again = CorpusBuilder(root=root)
    registries_into(again, plain_registries(read))
    for name in ("topics", "propositions"):
        assert {k: _fields(v) for k, v in getattr(again, name).items()} == \
            {k: _fields(v) for k, v in getattr(read, name).items()}
    assert list(again.entities.entities) == list(read.entities.entities)
    assert [_fields(e) for e in again.entities.entities.values()] == [_fields(e) for e in read.entities.entities.values()]
    assert again.entities.all_names() == read.entities.all_names()
    assert all(again.entities.resolve(n) == read.entities.resolve(n) for n in read.entities.all_names())
    assert (again.declared_propositions, again.registries_read) == (read.declared_propositions, read.registries_read)


@pytest.mark.parametrize("damage", [
    lambda form: None,
    lambda form: form.pop("topics"),
    lambda form: form["entities"].append(["only a name"]),
    lambda form: form["propositions"][0].__setitem__(3, ("kind", "no such kind")),
    lambda form: form["declared"].append(3),
    lambda form: form["entities"][0].__setitem__(0, ("unknown-tag", 1)),
])
def test_a_damaged_form_is_refused(damage) -> None:
    form = plain_registries(_read(ROOT / "data"))
    if damage(form) is None and form == plain_registries(_read(ROOT / "data")):
        form = "not a mapping"
    with pytest.raises(NotPlain):
        registries_into(CorpusBuilder(root=ROOT / "data"), form)


def test_the_check_cache_rebuilds_them_and_reads_them_when_it_cannot(corpus, tmp_path: Path, monkeypatch) -> None:
    from hirel.loading import incremental
    from test_cache import _age, cached, cold

    cache_dir = tmp_path / "cache"
    corpus.write("claims/test-article.yaml", corpus.path("claims/test-article.yaml").read_text(encoding="utf-8")
                 .replace("proposition: iran-foreknowledge", "proposition: no-such-proposition", 1))
    _age(corpus.root)
    expected = cold(corpus)
    assert cached(corpus, cache_dir) == expected
    parsed: list[str] = []
    original = incremental.load_entities
    monkeypatch.setattr(incremental, "load_entities", lambda *a: parsed.append("entities") or original(*a))
    corpus.write("claims/test-article.yaml", corpus.path("claims/test-article.yaml").read_text(encoding="utf-8") + "\n")
    assert cached(corpus, cache_dir) == cold(corpus)  # checked against the registries rebuilt
    assert parsed == []

    def refuse(builder, form):  # half fills the builder, then refuses
        builder.topics["half"] = "filled"
        raise NotPlain("refused")

    monkeypatch.setattr(incremental, "registries_into", refuse)
    corpus.write("claims/test-article.yaml", corpus.path("claims/test-article.yaml").read_text(encoding="utf-8") + "\n")
    assert cached(corpus, cache_dir) == cold(corpus)
    assert parsed == ["entities"]  # read from its file instead
