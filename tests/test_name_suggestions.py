""""Did you mean" for an unknown name (HR302, `add`'s outlet, `claims --claimant`): a spelling or
a part of the entity's name, never an organisation that shares one word with it."""

from __future__ import annotations

import pytest

from hirel.comparing.entities import suggest_name

ENTITIES = ["World News 24x7", "The News International", "United Nations", "Libyan Red Crescent",
            "Michelle Bachelet", "Biden administration", "Hamas", "Iran", "Ismail Haniyeh",
            "U.S. Department of State", "unnamed Hamas source"]


@pytest.mark.parametrize(("name", "expected"), [
    # spellings
    ("Ismail Haniya", "Ismail Haniyeh"), ("Hamass", "Hamas"), ("US Department of State", "U.S. Department of State"),
    ("Libya Red Crescent", "Libyan Red Crescent"), ("unnamed Hamas sorce", "unnamed Hamas source"),
    # the words in another order; every word of the name inside the entity's
    ("administration Biden", "Biden administration"), ("Bachelet", "Michelle Bachelet"),
    ("Haniyeh", "Ismail Haniyeh"), ("Red Crescent", "Libyan Red Crescent"),
    # one shared word, another organisation: nothing (WRatio said 86 for each of these)
    ("World Health Organization", None), ("International Federation of Red Cross and Red Crescent Societies", None),
    ("UN's International Organization for Migration", None), ("Derna", None),
    # the entity inside the name is less than the name: an unnamed source of Hamas is not Hamas
    ("unnamed Hamas official", None),
    # a news agency is not the country it is an anagram of
    ("IRNA", None),
])
def test_suggest_name(name, expected):
    assert suggest_name(name, ENTITIES) == ([expected] if expected else [])


def test_hr302_hint(corpus, run):
    corpus.write("claims/test-article.yaml", """\
claims:
  - id: a
    proposition: iran-foreknowledge
    quote: "Iran helped plot the attack"
    claimant: World Health Organization
    stance: supports
""")
    result = run("check")
    assert result.exit_code == 1
    assert "unknown claimant 'World Health Organization'" in result.output
    assert "did you mean" not in result.output
    assert "add it to entities.yaml (with its aliases): World Health Organization: {}" in result.output
