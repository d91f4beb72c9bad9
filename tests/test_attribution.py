"""Who a sentence attributes its statement to: a table of sentences, checked by hand."""

from __future__ import annotations

import pytest

from hirel.authoring.attribution import EntityMatcher, attribution_of
from hirel.comparing.entities import EntityIndex
from hirel.model import Entity, Loc


def entity(name: str, *aliases: str) -> Entity:
    return Entity(name, aliases, (), Loc("entities.yaml"))


MATCHER = EntityMatcher(EntityIndex([
    entity("Hamas"), entity("Iran"), entity("Israel"), entity("U.S. Department of State", "State Department"),
    entity("The Wall Street Journal", "WSJ", "Wall Street Journal"), entity("unnamed Hamas source", "Hamas source"),
    entity("Biden administration"),
]))

# sentence -> (cue, claimant, claimant is an entity, via, unknown names, certainty)
CASES = [
    ("The State Department said Iran provides about $100 million annually to Hamas.",
     ("said", "U.S. Department of State", True, [], [], None)),
    ("According to a 2020 U.S. Department of State report, Iran provides about $100 million.",
     ("according to", "U.S. Department of State", True, [], [], None)),
    ("According to the WSJ, Hamas reportedly received $30 million a month.",
     ("according to", "The Wall Street Journal", True, [], [], "likely")),
    # the source is the claimant; who reports it is `via`
    ("Citing a Hamas source, The Wall Street Journal reported that Iran helped plot the attack.",
     ("citing", "unnamed Hamas source", True, ["The Wall Street Journal"], [], None)),
    # an unnamed person of an entity is not the entity itself
    ("Citing a Hamas official, the Wall Street Journal reported that Iran helped plot the attack.",
     ("citing", "unnamed Hamas official", False, ["The Wall Street Journal"], ["unnamed Hamas official"], None)),
    ("“We had no choice,” the director, Ana Lopes, told reporters.",
     ("told", "Ana Lopes", False, [], ["Ana Lopes"], None)),
    ("Fees will rise, said Ana Lopes.", ("said", "Ana Lopes", False, [], ["Ana Lopes"], None)),
    ("However, the Biden administration has stated there is no intelligence.",
     ("stated", "Biden administration", True, [], [], None)),
    ("The link operates on two levels, according to analysts.",
     ("according to", "unnamed analysts", False, [], ["unnamed analysts"], None)),
    ("Reports suggest that Iran may have allocated money.", ("suggest", None, False, [], [], "likely")),
    # nouns that are also verbs, and 'declared war', are not attributions
    ("The Arab states and Israel met in 2020.", (None, None, False, [], [], None)),
    ("Since Israel declared war against Hamas, rockets have fallen.", (None, None, False, [], [], None)),
    ("The press reports on Iran were few.", (None, None, False, [], [], None)),
    ("Israel could strike Iran.", (None, None, False, [], [], "possible")),
]


@pytest.mark.parametrize("sentence, expected", CASES, ids=[c[0][:40] for c in CASES])
def test_attribution(sentence, expected):
    a = attribution_of(sentence, MATCHER)
    assert (a.cue, a.claimant, a.claimant_known, a.via, a.unknown, a.certainty) == expected


# sentence -> the words naming the claimant when another cue comes first (None: the first cue does)
SOURCE_WORDS = [
    ("Iran gave $5 million, the ministry said, citing the Wall Street Journal.", "citing the Wall Street Journal"),
    ("Iran gave $5 million, the ministry said, citing Reuters.", "citing Reuters"),
    ("The ministry said Iran gave $5 million, according to a Hamas source.", "according to a Hamas source"),
    # the first cue names the claimant: nothing more to keep
    ("Citing a Hamas source, The Wall Street Journal reported that Iran helped plot the attack.", None),
    ("The State Department said Iran provides about $100 million annually to Hamas.", None),
    # 'citing' a reason names nobody
    ("The port authority said fees would rise by about 20% from April, citing a fall in traffic.", None),
]


@pytest.mark.parametrize(("sentence", "words"), SOURCE_WORDS)
def test_words_naming_the_claimant(sentence, words):
    found = attribution_of(sentence, MATCHER)
    shown = sentence[found.source_start:found.source_end] if found.source_start >= 0 else None
    assert shown == words


@pytest.mark.parametrize(("sentence", "claimant"), [
    # the person, as entities.yaml names people: titles and the organisation before them left out
    ("Amazon CEO Andy Jassy said 18,000 roles would go.", "Andy Jassy"),
    ("Health Minister Othman Abduljalil said more than 170 people died.", "Othman Abduljalil"),
    ("Secretary of State Antony Blinken said the talks would resume.", "Antony Blinken"),
    ("Chief Executive Officer Tim Cook said sales fell.", "Tim Cook"),
    # a title that is the whole name stays
    ("Director of National Intelligence said the threat grew.", "Director of National Intelligence"),
])
def test_titles_left_out_of_names(sentence, claimant):
    found = attribution_of(sentence, MATCHER)
    assert found.claimant == claimant and not found.claimant_known
