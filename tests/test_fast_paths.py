"""The short-cuts taken for speed give exactly what the general code gives."""

from __future__ import annotations

import string

import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from hirel.loading.yamlfile import _BaseLoader, _Loader, load_yaml
from hirel.rules.anchoring import _TABLE, _normalize_with_offsets, normalize_for_match

TEXT = st.text(alphabet=string.printable + "`\x1c\x1f\u00a0\u2019\u201c\u2014\u00ad\u0130\u00df", max_size=60)


@given(TEXT)
@settings(max_examples=500, deadline=None)
def test_normalizing_for_quotes_is_translate_casefold_and_one_space(text):
    expected = " ".join(text.translate(_TABLE).casefold().split())
    assert normalize_for_match(text) == expected
    assert _normalize_with_offsets(text)[0] == expected


# Plain scalars of the shapes YAML types implicitly: numbers, dates, booleans, nulls, base 60.
SCALAR = st.one_of(
    st.text(alphabet="0123456789+-.:_eEoxXabcdfTtYyNn~ ", min_size=1, max_size=12),
    st.sampled_from(["yes", "No", "ON", "off", "true", "False", "null", "~", "NULL", ".inf", "-.Inf", ".nan",
                     "2019-07-22", "2019-07-22T10:00:00Z", "0x1F", "0o17", "0b101", "1_000", "20:20", "1e3",
                     "=", "<<", "about $30 million", "Hamas", "mid-2017", "+1", "-0"]),
)


@given(SCALAR)
@settings(max_examples=500, deadline=None)
def test_the_tag_of_a_plain_scalar_is_pyyamls(scalar):
    document = f"key: {scalar}\n"
    try:
        expected = yaml.compose(document, Loader=_BaseLoader)
    except yaml.YAMLError:
        return
    node = yaml.compose(document, Loader=_Loader)
    assert [(k.tag, v.tag, v.value) for k, v in node.value] == [(k.tag, v.tag, v.value) for k, v in expected.value]


def test_quoted_and_block_scalars_stay_strings():
    data, problems = load_yaml('a: "12"\nb: \'yes\'\nc: |\n  1.5\nd: [1, "2", x]\n', "f.yaml")
    assert problems == []
    assert dict(data) == {"a": "12", "b": "yes", "c": "1.5\n", "d": [1, "2", "x"]}


def test_a_key_tagged_as_a_string_but_written_as_a_mapping_is_refused():
    data, problems = load_yaml("? !!str {a: 1}\n: x\nb: 2\n", "f.yaml")
    assert dict(data) == {"b": 2}
    assert [(p.line, p.column, p.code) for p in problems] == [(1, 3, "HR201")]


def test_hidden_characters_are_seen_in_values_built_inline():
    data, problems = load_yaml("a: plain\nb: \"x\\u200by\"\nc: [\"\\u202e\"]\n", "f.yaml")
    assert data["b"] == "x\u200by"
    assert sorted((p.line, p.code) for p in problems) == [(2, "HR109"), (3, "HR109")]
