"""The safe YAML reader: positions, scalar types, duplicate keys, tags and the size limits."""

from __future__ import annotations

import datetime

import pytest

from hirel.loading.yamlfile import MAX_DEPTH, REJECTED, YamlMap, YamlSeq, load_yaml
from hirel.model import Loc, Problem

PATH = "data/x.yaml"


def at(line: int, column: int) -> Loc:
    return Loc(PATH, line, column)


def problem(line: int, column: int, code: str) -> Problem:
    return Problem(PATH, line, column, code, "", "")


def load(text: str, line_offset: int = 0):
    return load_yaml(text, PATH, line_offset)


# --- positions ---------------------------------------------------------------------------------

NESTED = (
    "title: A test\n"          # 1
    "claims:\n"                # 2
    "  - id: first\n"          # 3
    "    via: [WSJ,  AP]\n"    # 4
    "  - id: second\n"         # 5
)


def test_key_and_value_positions_are_one_based():
    data, problems = load(NESTED)
    assert problems == []
    assert isinstance(data, YamlMap)
    assert data.loc == at(1, 1)
    assert data.key_loc("title") == at(1, 1)
    assert data.value_loc("title") == at(1, 8)   # "title: " is 7 characters
    assert data.key_loc("claims") == at(2, 1)


def test_list_and_item_positions():
    data, _ = load(NESTED)
    claims = data["claims"]
    assert isinstance(claims, YamlSeq)
    assert claims.loc == at(3, 3)                  # the first '-'
    assert data.value_loc("claims") == at(3, 3)
    assert claims.item_locs == [at(3, 5), at(5, 5)]  # each mapping starts at its first key
    first = claims[0]
    assert first.key_loc("id") == at(3, 5)
    assert first.value_loc("id") == at(3, 9)
    via = first["via"]
    assert via == ["WSJ", "AP"]
    assert first.value_loc("via") == at(4, 10)     # the '['
    assert via.item_loc(0) == at(4, 11)
    assert via.item_loc(1) == at(4, 17)            # after "WSJ,  " (two spaces)


def test_missing_key_falls_back_to_the_mapping_position():
    data, _ = load("a: 1\nb: 2\n")
    assert data.key_loc("nope") == at(1, 1)
    assert data.value_loc("nope") == at(1, 1)


def test_item_loc_out_of_range_falls_back_to_the_list():
    data, _ = load("a:\n  - x\n")
    assert data["a"].item_loc(5) == at(2, 3)


def test_line_offset_shifts_lines_not_columns():
    # Front matter: the YAML starts on line 2 of the article, below the opening '---'.
    data, problems = load("title: T\noutlet: O\n", line_offset=1)
    assert problems == []
    assert data.key_loc("title") == at(2, 1)
    assert data.value_loc("outlet") == at(3, 9)


def test_line_offset_applies_to_problems():
    _, problems = load("title: T\ntitle: U\n", line_offset=1)
    assert problems == [problem(3, 1, "HR102")]


def test_line_offset_applies_to_syntax_errors():
    _, problems = load("a: [1, 2\nb: 3\n", line_offset=1)
    assert [(p.line, p.code) for p in problems] == [(3, "HR101")]


# --- scalars -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, key, expected",
    [
        ("yes: 1\n", "yes", 1),
        ("no: 1\n", "no", 1),
        ("on: 1\n", "on", 1),
        ("null: 1\n", "null", 1),
        ("~: 1\n", "~", 1),
        ("2020: x\n", "2020", "x"),
        ("1.5: x\n", "1.5", "x"),
    ],
    ids=["yes", "no", "on", "null", "tilde", "int", "float"],
)
def test_scalar_keys_stay_as_written(text, key, expected):
    data, problems = load(text)
    assert problems == []
    assert list(data) == [key]
    assert data[key] == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("v: 2019-08-22\n", datetime.date(2019, 8, 22)),
        ("v: 2020\n", 2020),
        ('v: "2020"\n', "2020"),
        ("v: 2019-08\n", "2019-08"),
        ("v: 2014/2020\n", "2014/2020"),
        ("v: 1.5e+8\n", 1.5e8),
        ("v: true\n", True),
        ("v: yes\n", True),
        ("v: ~\n", None),
        ("v:\n", None),
        ("v: $30 million a month\n", "$30 million a month"),
        ("v: !!str 2020\n", "2020"),
        ('v: !!int "7"\n', 7),
    ],
    ids=["date", "year-int", "year-quoted", "year-month-str", "interval-str", "float", "true", "yes-value",
         "tilde", "empty", "phrase", "explicit-str", "explicit-int"],
)
def test_scalar_values(text, expected):
    data, problems = load(text)
    assert problems == []
    assert data["v"] == expected
    assert type(data["v"]) is type(expected)


def test_impossible_date_is_kept_as_text():
    # YAML's timestamp pattern matches, but there is no 30 February: keep what was written and
    # let the field's own check report it (HR207 / HR403), not a YAML syntax error.
    data, problems = load("published: 2021-02-30\n")
    assert problems == []
    assert data["published"] == "2021-02-30"


def test_empty_document():
    assert load("") == (None, [])
    assert load("# only a comment\n") == (None, [])


# --- duplicate keys ----------------------------------------------------------------------------


def test_duplicate_key_keeps_the_first_value():
    data, problems = load("stance: supports\nnote: n\nstance: refutes\n")
    assert data["stance"] == "supports"
    assert data.value_loc("stance") == at(1, 9)
    assert problems == [problem(3, 1, "HR102")]
    assert "line 1" in problems[0].message


def test_duplicate_key_in_a_nested_mapping():
    data, problems = load("claims:\n  - id: a\n    id: b\n")
    assert data["claims"][0]["id"] == "a"
    assert problems == [problem(3, 5, "HR102")]


# --- tags --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, line, column",
    [
        ("a: 1\nv: !!python/object/apply:os.getcwd []\n", 2, 4),
        ("v: !!python/name:os.system x\n", 1, 4),
        ("v: !!binary aGVsbG8=\n", 1, 4),
        ("v: !!set {a, b}\n", 1, 4),
        ("v: !!omap [a: 1]\n", 1, 4),
        ("v: !custom text\n", 1, 4),
        ("v:\n  - !custom [1]\n", 2, 5),
        ("!custom key: value\n", 1, 1),
        ("? !!python/name:os.system k\n: value\n", 1, 3),
    ],
    ids=["python-apply", "python-name", "binary", "set", "omap", "custom-scalar", "custom-seq",
         "custom-key", "python-key"],
)
def test_forbidden_tags(text, line, column):
    _data, problems = load(text)
    assert problems == [problem(line, column, "HR103")]


def test_python_tag_is_never_constructed(tmp_path):
    target = tmp_path / "created-by-yaml"
    text = f'v: !!python/object/apply:os.system ["touch {target}"]\n'
    data, problems = load(text)
    assert [p.code for p in problems] == ["HR103"]
    assert data["v"] is REJECTED  # kept as a marker, so it is not reported a second time as empty
    assert not target.exists()


def test_merge_key_is_refused_and_not_merged():
    data, problems = load("base: &b {x: 1}\nthing:\n  <<: *b\n  y: 2\n")
    assert problems == [problem(3, 3, "HR103")]
    assert dict(data["thing"]) == {"y": 2}


def test_complex_key_is_refused():
    data, problems = load("[a, b]: 1\nc: 2\n")
    assert problems == [problem(1, 1, "HR201")]
    assert dict(data) == {"c": 2}


# --- depth and alias limits ---------------------------------------------------------------------


def test_nesting_up_to_the_depth_limit_is_read():
    levels = MAX_DEPTH + 1            # depths 0..MAX_DEPTH
    data, problems = load("[" * levels + "]" * levels)
    assert problems == []
    assert data is not None


def test_nesting_beyond_the_depth_limit_is_refused():
    levels = MAX_DEPTH + 2            # the innermost list is at depth MAX_DEPTH + 1
    data, problems = load("[" * levels + "]" * levels)
    assert data is None
    assert problems == [problem(1, levels, "HR101")]


def test_deep_nesting_far_beyond_the_limit_does_not_raise():
    data, problems = load("[" * 5000 + "]" * 5000)
    assert data is None
    assert [p.code for p in problems] == ["HR101"]


def _laughs(levels: int, width: int = 9) -> str:
    lines = ['a0: &a0 [' + ", ".join(['"lol"'] * width) + "]"]
    for level in range(1, levels):
        lines.append(f"a{level}: &a{level} [" + ", ".join([f"*a{level - 1}"] * width) + "]")
    return "\n".join(lines) + "\n"


def test_billion_laughs_is_refused():
    # 9 ** 10 leaves if expanded; the reader must stop long before.
    data, problems = load(_laughs(10))
    assert data is None
    assert [(p.path, p.code) for p in problems] == [(PATH, "HR105")]


def test_a_normal_alias_is_fine():
    data, problems = load("who: &w [State Department, WSJ]\nvia: *w\nagain: *w\n")
    assert problems == []
    assert data["via"] == ["State Department", "WSJ"]
    assert data["again"] == ["State Department", "WSJ"]


def test_small_alias_expansion_is_fine():
    # Three levels of 3: 27 leaves from a dozen nodes, well within the limit.
    data, problems = load(_laughs(3, width=3))
    assert problems == []
    assert len(data["a2"]) == 3 and data["a2"][0][0] == ["lol"] * 3


# --- syntax errors never raise -----------------------------------------------------------------


@pytest.mark.parametrize(
    "text, line",
    [
        ("claims:\n  - id: a\n   proposition: b\n", 3),
        ("a: [1, 2\n", 2),
        ("a: 1\n---\nb: 2\n", 2),
        ("a: b\x07c\n", 1),
        ("a: 'unclosed\n", 2),
        ("\tkey: 1\n", 1),
    ],
    ids=["indentation", "unclosed-bracket", "two-documents", "control-char", "unclosed-quote", "tab-indent"],
)
def test_syntax_errors_become_problems(text, line):
    data, problems = load(text)
    assert data is None
    assert [(p.line, p.code) for p in problems] == [(line, "HR101")]
