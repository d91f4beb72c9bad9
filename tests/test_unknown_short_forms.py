"""`hirel entities --unknown`: a surname or a name without its title is grouped with the full
name it ends, but a name at the start of another, or after 'of', stays a name of its own."""

from __future__ import annotations

import yaml

CLAIM = """\
  - id: {id}
    proposition: iran-foreknowledge
    quote: "Iran helped plot the attack"
    claimant: {claimant}
    stance: supports
"""


def _claims(*claimants: str) -> str:
    return "claims:\n" + "".join(CLAIM.format(id=f"c{i}", claimant=name) for i, name in enumerate(claimants))


def _stubs(corpus, run, *claimants: str) -> dict:
    corpus.write("claims/test-article.yaml", _claims(*claimants))
    result = run("entities", "--unknown")
    assert result.exit_code == 0, result.output
    return yaml.safe_load(result.output)


def test_surname_and_title_joined_to_the_full_name(corpus, run):
    # 'Bachelet' is used more often, but a surname alone says less: the full name names the stub
    stubs = _stubs(corpus, run, "Bachelet", "Chilean President Michelle Bachelet", "Bachelet", "Michelle Bachelet")
    assert stubs == {"Chilean President Michelle Bachelet": {"aliases": ["Michelle Bachelet", "Bachelet"]}}


def test_not_a_short_form(corpus, run):
    # first words ('Biden campaign'), after a connector ('Emir of Qatar'), lower case before
    stubs = _stubs(corpus, run, "Biden", "Biden campaign", "Qatar", "Emir of Qatar", "Guards", "the Guards")
    assert stubs == {"Biden": {}, "Biden campaign": {}, "Qatar": {}, "Emir of Qatar": {}, "Guards": {},
                     "the Guards": {}}


def test_ambiguous_short_form_left_alone(corpus, run):
    # two different people end in 'Khan': which one is meant cannot be told
    stubs = _stubs(corpus, run, "Khan", "Minister Imran Khan", "Mayor Sadiq Khan")
    assert stubs == {"Khan": {}, "Minister Imran Khan": {}, "Mayor Sadiq Khan": {}}


def test_short_form_of_a_spelling_and_its_uses(corpus, run):
    # 'Haniya' ends 'Ismail Haniya', itself a spelling of 'Ismail Haniyeh': one stub, every use listed
    corpus.write("claims/test-article.yaml", _claims("Ismail Haniyeh", "Ismail Haniya", "Ismail Haniyeh", "Haniya"))
    result = run("entities", "--unknown")
    assert yaml.safe_load(result.output) == {"Ismail Haniyeh": {"aliases": ["Ismail Haniya", "Haniya"]}}
    assert result.output.count("claimant at data/claims/test-article.yaml:") == 3  # and the fourth counted:
    assert "test-article.yaml:15 and 1 more\n" in result.output
