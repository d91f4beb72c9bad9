"""The authoring commands on real-world phrasing (floods, earthquakes, drone strikes): who a
possessive names, quotations in straight quote marks, `hirel quote` on a passage longer than the
words typed, `hirel add` without a date, and the same checkable count in `suggest` and `sources
--coverage`. Every expected value was worked out by hand from the texts below."""

from __future__ import annotations

import pytest
import yaml
from typer.testing import CliRunner

from conftest import ENTITIES, parse_json
from hirel.authoring.attribution import EntityMatcher, attribution_of, possessive
from hirel.authoring.quote import word_differences
from hirel.authoring.span import claim_span, quotations, units
from hirel.cli import app
from hirel.comparing.entities import EntityIndex
from hirel.model import Entity, Loc
from hirel.rules.anchoring import ArticleText


def entity(name: str, *aliases: str) -> Entity:
    return Entity(name, aliases, (), Loc("entities.yaml"))


MATCHER = EntityMatcher(EntityIndex([
    entity("Pakistan"), entity("Kharkiv"), entity("Turkey"), entity("United Nations", "UN"),
    entity("World Health Organization", "WHO"), entity("Red Crescent"),
]))

# sentence -> (cue, claimant, claimant is an entity, unknown names)
POSSESSIVES = [
    # a role with a name in apposition: the name, not the city
    ("At least 1,200 homes were destroyed, according to Kharkiv's mayor, Ihor Terekhov.",
     ("according to", "Ihor Terekhov", False, ["Ihor Terekhov"])),
    # a role alone: an unnamed person of the owner
    ("The shelling lasted all night, according to Kharkiv's mayor.",
     ("according to", "unnamed Kharkiv mayor", False, ["unnamed Kharkiv mayor"])),
    ("Pakistan's climate minister said a third of the country was under water.",
     ("said", "unnamed Pakistan climate minister", False, ["unnamed Pakistan climate minister"])),
    ("A third of the country was under water, Pakistan's climate minister said.",
     ("said", "unnamed Pakistan climate minister", False, ["unnamed Pakistan climate minister"])),
    ("A third of the country was under water, said Pakistan's climate minister, Sherry Rehman.",
     ("said", "Sherry Rehman", False, ["Sherry Rehman"])),
    ("The ministry's spokesman told reporters that 40 people were missing.",
     ("told", "unnamed ministry spokesman", False, ["unnamed ministry spokesman"])),
    # the name follows the role without commas, or a capitalised title
    ("Kharkiv's mayor Ihor Terekhov said 40 drones hit the city.",
     ("said", "Ihor Terekhov", False, ["Ihor Terekhov"])),
    ("According to Turkey's Health Minister Fahrettin Koca, 5,000 people were injured.",
     ("according to", "Fahrettin Koca", False, ["Fahrettin Koca"])),
    # a capitalised name after the possessive is the one named
    ("The UN's World Food Programme said 2 million people faced hunger.",
     ("said", "World Food Programme", False, ["World Food Programme"])),
    ("According to the UN's World Health Organization, 300 clinics were closed.",
     ("according to", "World Health Organization", True, [])),
    ("Turkey's Red Crescent said it had sent 200 tents.", ("said", "Red Crescent", True, [])),
    ("More than 5,000 people were injured, said Turkey's Health Minister Fahrettin Koca.",
     ("said", "Fahrettin Koca", False, ["Fahrettin Koca"])),
    # the role may go on ('in the east', 'to the UN'); a name before the commas speaks
    ("Pakistan's ambassador to the UN said the floods were a warning.",
     ("said", "unnamed Pakistan ambassador to the UN", False, ["unnamed Pakistan ambassador to the UN"])),
    ("Ihor Terekhov, Kharkiv's mayor since 2020, said 40 drones hit the city.",
     ("said", "Ihor Terekhov", False, ["Ihor Terekhov"])),
    # a possessive of a thing still names its owner
    ("Pakistan's government said 33 million people were affected.", ("said", "Pakistan", True, [])),
    ("According to Pakistan's official figures, 1,700 people died.", ("according to", "Pakistan", True, [])),
    ("According to Sindh's official figures, 1,700 people died.", ("according to", "Sindh", False, ["Sindh"])),
    # an unnamed person of an entity is not the entity
    ("A Kharkiv official claimed 30 drones were shot down.",
     ("claimed", "unnamed Kharkiv official", False, ["unnamed Kharkiv official"])),
    # an adverb between the speaker and the verb
    ("The Red Crescent later said it never sent the 11,300 figure.", ("said", "Red Crescent", True, [])),
    # determiners and quantifiers are never names
    ("Many said the warnings came too late.", ("said", None, False, [])),
    ("Some told reporters the sirens never sounded.", ("told", None, False, [])),
    ("Several reported seeing the water rise three metres in minutes.", ("reported", None, False, [])),
    ("Most of them said they had no warning.", ("said", None, False, [])),
    ("It's said that the river rose 4 metres.", ("said", None, False, [])),
]


@pytest.mark.parametrize(("sentence", "expected"), POSSESSIVES, ids=[c[0][:45] for c in POSSESSIVES])
def test_possessive_claimants(sentence, expected):
    a = attribution_of(sentence, MATCHER)
    assert (a.cue, a.claimant, a.claimant_known, a.unknown) == expected


def test_possessive_phrases():
    assert possessive("Kharkiv's mayor", ", Ihor Terekhov, said") == ("Ihor Terekhov", len(", Ihor Terekhov"))
    assert possessive("the city's deputy mayor") == ("unnamed city deputy mayor", 0)
    assert possessive("the United Nations' refugee chief") == ("unnamed United Nations refugee chief", 0)
    assert possessive("Iran's statement") is None
    assert possessive("no possessive here") is None
    assert possessive("it's mayor") is None  # a contraction, not a possessive
    # an apposition must be a name alone: 'Kharkiv's mayor, Ukraine has…' names no one
    assert possessive("Kharkiv's mayor", ", Ukraine has lost power") == ("unnamed Kharkiv mayor", 0)


FLOODS = """\
---
title: Floods in Sindh
outlet: Example Times
published: 2022-08-30
---
Floods in Sindh
At least 1,200 homes were destroyed, according to Sukkur's mayor, Arslan Shaikh.
Many said the warnings came too late.
"We have lost everything; the water took 300 houses," the village head said.
"Nobody slept that night. Up to 2,000 people may have died," the governor, Amina Yusuf, told reporters.
The Red Crescent and the UN met in Karachi.
"""


@pytest.fixture
def floods(corpus):
    corpus.write("entities.yaml", ENTITIES + "Sukkur: {}\n")
    corpus.write("articles/floods.md", FLOODS)
    return corpus


def test_suggest_claimants_and_quotations(floods, run):
    result = run("suggest", "floods")
    assert result.exit_code == 0, result.output
    out = result.output
    stubs = {s["quote"]: s for s in yaml.safe_load(out)["claims"]}
    # line 7: the mayor's name, commented (not an entity), and kept in the quote; never Sukkur
    assert "claimant: Sukkur" not in out
    assert "    # claimant: Arslan Shaikh  # not in entities.yaml: add the stub below\n" in out
    assert "At least 1,200 homes were destroyed, according to Sukkur's mayor, Arslan Shaikh." in stubs
    # line 8: 'Many' is no name
    assert "# claimant: Many" not in out
    assert "    # claimant: ?  # 'said' without a name\n" in out
    # line 9: the figure's clause follows the ';' inside the quotation: the quotation is whole
    assert '"We have lost everything; the water took 300 houses," the village head said.' in stubs
    # line 10: the quotation opens in the sentence before: quoted from its opening mark
    assert ('"Nobody slept that night. Up to 2,000 people may have died," the governor, Amina Yusuf, '
            'told reporters.') in stubs
    for quote in stubs:
        assert quote.count('"') % 2 == 0, quote
    assert out.endswith("# Arslan Shaikh: {}\n# Amina Yusuf: {}\n")


@pytest.mark.parametrize(("sentence", "anchor", "expected"), [
    # the figure's clause is after a ';' inside the quotation
    ('"We have lost everything; the water took 300 houses," the village head said.', "300",
     '"We have lost everything; the water took 300 houses," the village head said.'),
    # a quotation the span does not touch is left alone
    ('Officials counted 40 bodies on Monday; the mayor called it "a catastrophe".', "40",
     "Officials counted 40 bodies on Monday"),
    # the quotation opens in the span (the figure's clause) and closes after it
    ('"The flood killed 12 people, while 40 are missing," the mayor said.', "12",
     '"The flood killed 12 people, while 40 are missing,"'),
    # a clause after ':' that opens with a quotation is a clause of its own: all of it is taken
    ('Rescuers said: "We found 12 survivors, and we are still digging," on Tuesday.', "12",
     '"We found 12 survivors, and we are still digging," on Tuesday.'),
])
def test_straight_quotations_never_cut_open(sentence, anchor, expected):
    start, end = claim_span(sentence, units(sentence, []), [sentence.index(anchor)])
    assert sentence[start:end] == expected


def test_quotations():
    text = 'He said "no" and "yes, 12" then left.'
    assert quotations(text) == [(8, 12), (17, 26)]
    # a closing mark alone runs from the start; an opening one to the end
    assert quotations('all of it," she said') == [(0, 11)]
    assert quotations('She said: "we stay') == [(10, 18)]
    assert quotations("“Go,” he said, “now.”") == [(0, 5), (15, 21)]
    assert quotations("no quotation") == []
    # a straight mark and a curly one close each other
    assert quotations('the principles of "Unity of All Fronts.” They agreed') == [(18, 40)]


def test_quote_ends_on_the_last_word_typed(corpus, run):
    corpus.write("articles/toll.md", (
        "---\ntitle: Toll\noutlet: Example Times\npublished: 2022-09-01\n---\n"
        "The Pakistani Red Crescent later said it never sent the higher figure of 1,700 dead to the UN. "
        "Officials said 1,200 bodies were found.\n"))
    result = run("quote", "toll", "the Red Crescent said it never sent the higher figure to the UN")
    assert result.exit_code == 0, result.output
    lines = result.output.split("\n")
    # the passage runs to 'UN.' (its last word, whatever the case), and 'un' is not dropped
    assert lines[1] == ('quote: "The Pakistani Red Crescent later said it never sent the higher figure of '
                        '1,700 dead to the UN."')
    assert lines[2] == ("differs: The [+Pakistani] Red Crescent [+later] said it never sent the higher figure "
                        "[+of] [+1,700] [+dead] to the UN.")


def test_closest_passage_ends_where_the_quote_ends():
    text = ArticleText("Water rose fast. The agency said it never gave the high toll of 11,300 dead to the UN, "
                       "and the UN withdrew it.")
    found = text.closest("the agency said it never gave the high death toll to the UN")
    assert found is not None
    assert found.text == "The agency said it never gave the high toll of 11,300 dead to the UN,"


@pytest.mark.parametrize(("typed", "passage", "expected"), [
    # case and punctuation alone: nothing to show
    ("rescuers reached the port of karachi", "Rescuers reached the port of Karachi.", ""),
    ("rescuers reached the village late", "rescuers reached the village, late", ""),
    ('the "worst floods" in decades', "the “worst floods” in decades", ""),
    # a real change is shown, the punctuation around equal words is not
    ("the toll rose to 1,200 in sindh", "the toll rose to 1,300 in Sindh.",
     "the toll rose to [-1,200] [+1,300] in Sindh."),
    ("the derna dam broke", "the Derna dams broke", "the Derna [-dam] [+dams] broke"),
])
def test_word_differences(typed, passage, expected):
    assert word_differences(typed, passage) == expected


def test_add_says_when_no_date_is_found(tmp_path, monkeypatch, run):
    monkeypatch.chdir(tmp_path)
    run("init")
    story = tmp_path / "story.txt"
    story.write_text("Dams above the city had not been repaired\n\n"
                     "The two dams had not been maintained since 2002, engineers said.\n", encoding="utf-8")
    result = run("add", str(story), "--outlet", "Valley Post")
    assert result.exit_code == 0, result.output
    assert result.output.split("\n")[:5] == [
        "added data/articles/valley-post-dams-above-city-had-not.md (2 paragraphs)",
        "  title: Dams above the city had not been repaired",
        "  outlet: Valley Post",
        "note: no publication date found: add `published:` to the front matter, or re-run with --published",
        "note: new outlet 'Valley Post': added to entities.yaml",
    ]
    assert "published" not in (tmp_path / "data/articles/valley-post-dams-above-city-had-not.md").read_text("utf-8")
    assert run("check").exit_code == 0
    # --dry-run prints the file on stdout, the note on stderr
    story.write_text("Dams above the town were never repaired\n\nThe dams were never repaired.\n", encoding="utf-8")
    dry = CliRunner().invoke(app, ["add", str(story), "--outlet", "Valley Post", "--dry-run"])
    assert dry.exit_code == 0 and dry.stdout.startswith("---\ntitle: Dams above the town were never repaired\n")
    assert dry.stderr == ("note: no publication date found: add `published:` to the front matter, or re-run "
                          "with --published\n")
    # with a date (a line of its own, or the flag): no note
    dated = tmp_path / "dated.txt"
    dated.write_text("Dam repairs begin\nSeptember 20, 2023\n\nWork began on the dams.\n", encoding="utf-8")
    result = run("add", str(dated), "--outlet", "Valley Post")
    assert result.exit_code == 0, result.output
    assert "no publication date" not in result.output and "  published: 2023-09-20\n" in result.output
    story.write_text("Dams to be rebuilt\n\nThe dams will be rebuilt.\n", encoding="utf-8")
    result = run("add", str(story), "--outlet", "Valley Post", "--published", "2023-10")
    assert result.exit_code == 0 and "no publication date" not in result.output


def test_suggest_and_sources_count_checkable_sentences_alike(floods, run):
    floods.write("claims/floods.yaml", 'claims:\n  - id: warnings-late\n    proposition: iran-foreknowledge\n'
                                       '    quote: "Many said the warnings came too late"\n    stance: supports\n')

    def counts() -> tuple[str, dict]:
        header = run("suggest", "floods").output.split("\n")[0]
        data = parse_json(run("sources", "--coverage", "--format", "json").output)
        return header, next(a["coverage"] for a in data["articles"] if a["id"] == "floods")

    # lines 7, 8, 9 and the second sentence of line 10; line 11 names no entity yet
    assert counts() == ("# floods: 1 of 4 checkable sentences covered (25%)",
                        {"checkable": 4, "covered": 1, "share": 0.25})
    # declaring the two names of line 11 makes it a sentence about two actors: both counts grow
    floods.write("entities.yaml", ENTITIES + "Sukkur: {}\nRed Crescent: {}\nUnited Nations:\n  aliases: [UN]\n")
    assert counts() == ("# floods: 1 of 5 checkable sentences covered (20%)",
                        {"checkable": 5, "covered": 1, "share": 0.2})


def test_quote_with_only_punctuation_changed_shows_no_differences(corpus, run):
    corpus.write("articles/port.md", "---\ntitle: Port\noutlet: Example Times\npublished: 2022-09-01\n---\n"
                                     "Rescuers reached the port of Karachi on Monday.\n")
    result = run("quote", "port", "rescuers reached the port of karachi.")
    assert result.exit_code == 0, result.output
    # 36 of the 37 characters typed match the passage: 2 * 36 / (37 + 36) = 98.6
    assert result.output == 'data/articles/port.md:6: score 98.6\nquote: "Rescuers reached the port of Karachi"\n'


@pytest.mark.parametrize("sentence", ['"', '""', '" "', 'a"b"c', '"$5m', '$5m"', '“$5m"', '"$5m”, “', '" $5m "x"'])
def test_claim_span_odd_quote_marks(sentence):
    """Whatever the marks, the span lies in the sentence, holds the anchors, and every
    quotation with a mark in it is inside it."""
    anchors = [i for i, ch in enumerate(sentence) if ch == "$"] or [len(sentence) // 2]
    start, end = claim_span(sentence, units(sentence, []), anchors)
    assert 0 <= start <= end <= len(sentence)
    assert all(start <= at < end for at in anchors)
    for q_start, q_end in quotations(sentence):
        marks = [at for at in (q_start, q_end - 1) if sentence[at] in '"“”']
        if any(start <= at < end for at in marks):
            assert start <= q_start and q_end <= end
