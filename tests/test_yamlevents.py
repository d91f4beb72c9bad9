"""Values built from the parser's events: compact positions, aliases replayed, errors as the
composer reported them, and large files read from their bytes."""

from __future__ import annotations

from pathlib import Path

import pytest

from hirel.loading import yamlfile
from hirel.loading.datafiles import load_yaml_file
from hirel.loading.yamlfile import YamlMap, YamlSeq, load_yaml, load_yaml_bytes
from hirel.loading.yamltypes import FieldLocs
from hirel.model import Loc

PATH = "data/x.yaml"


def at(line: int, column: int) -> Loc:
    return Loc(PATH, line, column)


def load(text: str):
    return load_yaml(text, PATH)


def shape(value):
    """A value with every position spelled out, to compare two readings."""
    if isinstance(value, YamlMap):
        return ("map", value.loc, [(k, value.key_loc(k), value.value_loc(k), shape(v)) for k, v in value.items()])
    if isinstance(value, YamlSeq):
        return ("seq", value.loc, [(value.item_loc(i), shape(v)) for i, v in enumerate(value)])
    return value


def test_positions_are_integers_not_one_object_per_value():
    data, _ = load("a: x\nb: [1, 2]\n")
    assert not hasattr(data, "__dict__") and not hasattr(data["b"], "__dict__")  # slots only
    assert list(data._pos) == [1, 1, 1, 1, 1, 4, 2, 1, 2, 4]  # the mapping, then key and value of each
    assert list(data["b"]._pos) == [2, 4, 2, 5, 2, 8]
    assert data["b"].item_locs == [at(2, 5), at(2, 8)]
    assert data["b"].item_loc(5) == at(2, 4)  # past the end: the list itself


def test_key_places_in_a_large_mapping_are_found_by_name():
    text = "".join(f"k{i}: v{i}\n" for i in range(50))
    data, _ = load(text)
    assert data.key_loc("k37") == at(38, 1)
    assert data.value_loc("k37") == at(38, 6)  # "k37: " is 5 characters
    assert data.key_loc("missing") == at(1, 1)  # not written: the mapping itself


def test_a_duplicate_in_a_large_mapping_names_the_first_line():
    text = "".join(f"k{i}: v\n" for i in range(30)) + "k3: again\nk40: w\nk3: third\n"
    data, problems = load(text)
    assert [(p.line, p.code) for p in problems] == [(31, "HR102"), (33, "HR102")]
    assert "first at line 4" in problems[0].message and "first at line 4" in problems[1].message
    assert data["k3"] == "v" and data.key_loc("k40") == at(32, 1)


def test_empty_mapping_placed_by_hand():
    mapping = YamlMap.empty_at(at(7, 3))
    assert mapping.loc == at(7, 3) and mapping.key_loc("x") == at(7, 3) and mapping.value_loc("x") == at(7, 3)


def test_field_locs_make_places_on_demand():
    data, _ = load("id: a\nvia: [X, Y]\nnote: n\n")
    locs = FieldLocs(data, ["id", "via"], {"via.1": at(2, 10)})
    assert dict(locs) == {"id": at(1, 5), "via": at(2, 6), "via.1": at(2, 10)}
    assert "note" not in locs and locs.get("note") is None and len(locs) == 3


def test_an_alias_is_built_again_with_the_anchor_positions():
    data, problems = load("a: &x\n  k: [1, 2]\nb: *x\n")
    assert problems == []
    assert data["a"] == data["b"] == {"k": [1, 2]}
    assert data["a"] is not data["b"]
    assert data.value_loc("b") == at(1, 4)  # where the anchored value starts: its anchor
    assert data["b"].value_loc("k") == at(2, 6)
    assert data["b"].key_loc("k") == data["a"].key_loc("k") == at(2, 3)


def test_an_alias_as_a_key_uses_the_anchored_text():
    data, problems = load("a: &k name\n*k : v\n")
    assert problems == [] and data == {"a": "name", "name": "v"}
    assert data.key_loc("name") == at(1, 4)


def test_an_alias_whose_anchor_the_quick_scan_missed_is_still_read(monkeypatch):
    monkeypatch.setattr(yamlfile, "_ANCHOR", yamlfile.re.compile("(?!)"))  # a scan that finds nothing
    data, problems = load("a: &x [1]\nb: *x\n")
    assert problems == [] and data == {"a": [1], "b": [1]}


def test_undefined_alias_recursive_alias_and_duplicate_anchor():
    _, problems = load("a: *nowhere\n")
    assert [(p.line, p.column, p.code) for p in problems] == [(1, 4, "HR101")]
    assert "undefined alias" in problems[0].message
    _, problems = load("a: &x [*x]\n")
    assert [(p.line, p.column, p.code) for p in problems] == [(1, 4, "HR101")]
    assert "nested deeper than" in problems[0].message
    _, problems = load("a: &x 1\nb: &x 2\n")
    assert [(p.line, p.code) for p in problems] == [(2, "HR101")] and "duplicate anchor" in problems[0].message


def test_an_error_further_on_is_reported_rather_than_an_early_stop():
    deep = "a: " + "[" * 70 + "]" * 70 + "\n"
    _, problems = load(deep)
    assert [p.code for p in problems] == ["HR101"] and "nested deeper" in problems[0].message
    _, problems = load(deep + "b: [\n")  # the syntax error at the end is what the file is told
    assert len(problems) == 1 and problems[0].line == 3 and "nested deeper" not in problems[0].message
    _, problems = load(deep + "---\nb: 1\n")
    assert len(problems) == 1 and "single document" in problems[0].message and problems[0].line == 2


def test_a_tag_with_no_text_is_a_problem_not_a_crash():
    data, problems = load("a: !!int\nb: !!float ''\n")
    assert data == {"a": yamlfile.REJECTED, "b": yamlfile.REJECTED}
    assert [(p.line, p.code) for p in problems] == [(1, "HR101"), (2, "HR101")]
    assert problems[0].message == "cannot read '' as !!int"


@pytest.mark.parametrize("text", [
    "é: \"ü ñ\"\nb: [ä, ö]\n",
    "a: 1\r\nb: |\r\n  x\r\n  y\r\nc: 'q\r\n  r'\r\n",
    "\ufeffa: 1\nb: é\n",
    "a: &x [é]\nb: *x\n",
    "a: \"é\u200b\"\n",
])
def test_bytes_read_as_the_text(text):
    from_text = load_yaml(text.replace("\r\n", "\n").removeprefix("\ufeff"), PATH)
    from_bytes = load_yaml_bytes(text.encode(), PATH)
    assert (shape(from_bytes[0]), from_bytes[1]) == (shape(from_text[0]), from_text[1])


@pytest.mark.parametrize("text", ["é: [1\n", "a: é\x07\n", "a: b: c\r\n"])
def test_bytes_with_an_error_report_it_as_the_text(text):
    assert load_yaml_bytes(text.encode(), PATH) == load_yaml(text.replace("\r\n", "\n"), PATH)


def test_a_large_file_is_read_from_its_bytes_with_the_same_result(tmp_path: Path, monkeypatch):
    body = "claims:\r\n" + "".join(f"  - id: c{i}\r\n    quote: \"é {i}\"\r\n" for i in range(3000))
    path = tmp_path / "big.yaml"
    path.write_bytes(body.encode() + b"  - id: [\r\n")  # a syntax error on the last line
    monkeypatch.setattr("hirel.loading.datafiles.BYTES_FROM", 1000)
    _, data, problems = load_yaml_file(path, "big.yaml")
    # the list opened on line 6002 is still open at the end of the file: the empty line 6003
    assert data is None and [(p.line, p.column, p.code) for p in problems] == [(6003, 1, "HR101")]
    path.write_bytes(body.encode())
    _, data, problems = load_yaml_file(path, "big.yaml")
    assert problems == [] and len(data["claims"]) == 3000
    assert data["claims"][2999]["quote"] == "é 2999"
    assert data["claims"].item_loc(2999) == Loc("big.yaml", 6000, 5)  # claim i starts on line 2 + 2i
    assert data["claims"][2999].value_loc("quote") == Loc("big.yaml", 6001, 12)


@pytest.mark.parametrize("text", ["a: \"x\\u200by\"\n", "a: x\u202ey\n", "\u200bk: v\n"])
def test_hidden_characters_are_found_in_text_and_bytes(text):
    for data, problems in (load_yaml(text, PATH), load_yaml_bytes(text.encode(), PATH)):
        assert [(p.line, p.code) for p in problems] == [(1, "HR109")]


def test_no_string_is_searched_when_the_text_cannot_hide_anything():
    assert not yamlfile._may_hide("a: plain ascii, no escapes\n") and not yamlfile._may_hide(b"a: x\n")
    assert not yamlfile._may_hide("a: caf\u00e9\n")  # other non-ASCII characters hide nothing
    assert yamlfile._may_hide("a: \"\\t\"\n") and yamlfile._may_hide(b"a: \\x")
    assert yamlfile._may_hide("a: x\ufeff\n") and yamlfile._may_hide("a: x\ufeff\n".encode())


PURE_PYTHON_SAMPLES = [
    "a: 1\nb: [x, {c: d}]\nyes: no\n1: 2\n",
    "a: &x {k: [1, 2]}\nb: *x\nc: [*x]\n",
    "a: 1\na: 2\nb: !!python/object x\n<<: {m: 1}\n[l]: 1\n",
    "claims:\n  - id: a\n    quote: \"x\\u200by\"\n    when: 2019-01-02\n    value: 12\n",
    "a: !!int\nb: 20:20\nc: 2019-02-30\nd: 123456789012345678901234567890\n",
]


@pytest.mark.parametrize("text", PURE_PYTHON_SAMPLES)
def test_the_pure_python_parser_gives_the_same_values(text):
    """Without libyaml, PyYAML's own parser gives the events: the builder is the same code."""
    import yaml

    from hirel.loading.yamlbuild import EventBuilder

    loader = yaml.SafeLoader(text)
    try:
        builder = EventBuilder(loader, PATH, 0, anchors=True, hidden=True)
        data = builder.document()
        problems = builder.problems + builder.hidden_problems()
    finally:
        loader.dispose()
    expected, expected_problems = load(text)
    assert shape(data) == shape(expected)
    assert problems == expected_problems


def test_positioned_values_and_field_places_go_through_the_corpus_cache_form():
    from hirel.loading.plainform import NotPlain, plain, rebuilt

    data, _ = load("value: {low: 1, high: 2}\nvia: [A, B]\n")
    for value in (data, data["value"], data["via"]):
        back = rebuilt(plain(value))
        assert type(back) is type(value) and shape(back) == shape(value)
    locs = FieldLocs(data, ["value", "via"], {"via.1": at(2, 10)})
    assert rebuilt(plain(locs)) == dict(locs) == {"value": at(1, 8), "via": at(2, 6), "via.1": at(2, 10)}
    form = plain(data["via"])
    with pytest.raises(NotPlain):  # places that do not fit the items
        rebuilt(form[:3] + (form[3][:-2],))
    with pytest.raises(NotPlain):
        rebuilt(form[:3] + ([-1] * len(form[3]),))
    with pytest.raises(NotPlain):  # a mapping made by hand has no places to keep
        plain(YamlMap())
