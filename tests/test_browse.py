"""The browsing library (hirel.views) on the small corpus of conftest.py.

The fixture, worked out by hand (see also test_compare_cli.py):

* topic funding: iran-funding-per-year (USD/year, object Hamas) and hamas-founded (date).
    state-dept-100m   U.S. Department of State (written "State Department"), scope Palestinian
                      militant groups, 2020, about $100M/yr -> $90M-$110M/yr
    hamas-30m-month   Example Times (the outlet), scope Hamas, period unknown, $360M/yr
    founded-1987      Example Times, the date 1987, no `when`
  Hamas is part of Palestinian militant groups, so the $360M/yr part exceeds the whole's
  $110M/yr: one contradiction. Origins: U.S. Department of State and Example Times (2).
* topic foreknowledge: iran-foreknowledge (stance, no object).
    wsj-plot          unnamed Hamas source (part of Hamas) via WSJ, supports
    biden-no-intel    Biden administration, refutes
  One contradiction; origins 2.
* One article, test-article (Example Times, 2021-12-25, news, C), body from line 8.
"""

from __future__ import annotations

import dataclasses
from datetime import date

import pytest

from conftest import ARTICLE, CLAIMS, ENTITIES
from hirel.comparing.comparison import UnknownName
from hirel.loading.loader import load_corpus
from hirel.model import Article, Loc
from hirel.views import (
    Browser,
    charges,
    claim_detail,
    find_claims,
    independent_origins,
    matrix,
    own_voice,
    proposition_stats,
    quote_context,
    search_claims,
    sources,
    timeline,
    topic_stats,
)


def browser_for(corpus) -> Browser:
    loaded, problems = load_corpus(corpus.root)
    assert [p for p in problems if p.severity == "error"] == []
    return Browser(loaded)


@pytest.fixture
def browser(corpus) -> Browser:
    return browser_for(corpus)


def ids(matches) -> list[str]:
    return [m.claim.claim.id for m in matches]


def add(corpus, article_lines: str = "", claims_yaml: str = "", entities: str = "") -> Browser:
    corpus.write("articles/test-article.md", ARTICLE + article_lines)
    corpus.write("claims/test-article.yaml", CLAIMS + claims_yaml)
    if entities:
        corpus.write("entities.yaml", ENTITIES + entities)
    return browser_for(corpus)


# --------------------------------------------------------------------------- origins


@pytest.mark.parametrize("origins, groups", [
    # Hamas holds its parts together: one origin.
    (["Hamas", "unnamed Hamas source", "Izz ad-Din al-Qassam Brigades"],
     [["Hamas", "Izz ad-Din al-Qassam Brigades", "unnamed Hamas source"]]),
    # Two parts of Hamas without Hamas itself are independent (as for the verdict engine).
    (["unnamed Hamas source", "Izz ad-Din al-Qassam Brigades"],
     [["Izz ad-Din al-Qassam Brigades"], ["unnamed Hamas source"]]),
    (["U.S. Department of State", "Biden administration", "U.S. government"],
     [["Biden administration", "U.S. Department of State", "U.S. government"]]),
    (["U.S. Department of State", "Biden administration"],
     [["Biden administration"], ["U.S. Department of State"]]),
    # Transitively: the Qassam Brigades are part of Hamas, part of Palestinian militant groups.
    (["Izz ad-Din al-Qassam Brigades", "Palestinian militant groups", "Iran"],
     [["Iran"], ["Izz ad-Din al-Qassam Brigades", "Palestinian militant groups"]]),
    # Names that are no entity stand alone; repeats count once.
    (["Somebody", "Somebody", "Iran"], [["Iran"], ["Somebody"]]),
    ([], []),
])
def test_independent_origins(browser, origins, groups):
    assert independent_origins(origins, browser.entities) == groups


# --------------------------------------------------------------------------- topics, propositions


def test_topic_stats(browser):
    rows = topic_stats(browser)
    assert [(r.topic.id, r.propositions, r.stats.claims, r.stats.articles, r.stats.origins, r.stats.contradictions)
            for r in rows] == [("funding", 2, 3, 1, 2, 1), ("foreknowledge", 1, 2, 1, 2, 1)]
    assert rows[0].stats.counts == {"contradiction": 1, "agreement": 0, "consistent": 0, "compatible": 0, "different-period": 0,
                                    "same-origin": 0, "unrelated": 0}


def test_proposition_stats_grouped_by_topic(browser):
    rows = proposition_stats(browser)
    assert [(r.proposition.id, r.stats.claims, r.stats.articles, r.stats.origins, r.stats.contradictions)
            for r in rows] == [("iran-funding-per-year", 2, 1, 2, 1), ("hamas-founded", 1, 1, 1, 0),
                               ("iran-foreknowledge", 2, 1, 2, 1)]
    assert [r.proposition.id for r in proposition_stats(browser, "foreknowledge")] == ["iran-foreknowledge"]


def test_origins_collapse_part_of_in_stats(corpus):
    # The Qassam Brigades and Hamas itself also support: with the unnamed Hamas source that is
    # one origin (all part of Hamas), plus the Biden administration: 2 origins, not 4.
    browser = add(corpus, "Qassam fighters said Iran knew.\nHamas said Iran knew.\n", """\
  - id: qassam-knew
    proposition: iran-foreknowledge
    quote: "Qassam fighters said Iran knew"
    claimant: Qassam Brigades
    stance: supports
  - id: hamas-knew
    proposition: iran-foreknowledge
    quote: "Hamas said Iran knew"
    claimant: Hamas
    stance: supports
""")
    (row,) = proposition_stats(browser, "foreknowledge")
    assert (row.stats.claims, row.stats.origins) == (4, 2)


def test_unknown_topic_suggests(browser):
    with pytest.raises(UnknownName) as caught:
        proposition_stats(browser, "fundng")
    assert str(caught.value) == "unknown topic 'fundng'; did you mean 'funding'?"


def test_a_topic_without_propositions(corpus):
    corpus.write("propositions.yaml", corpus.path("propositions.yaml").read_text().replace(
        "topics:\n", "topics:\n  empty: Nothing here yet\n"))
    browser = browser_for(corpus)
    assert proposition_stats(browser, "empty") == []
    assert [r.topic.id for r in topic_stats(browser)] == ["empty", "funding", "foreknowledge"]
    grid = matrix(browser, "empty")
    assert (grid.columns, grid.rows, grid.origins) == ([], [], 0)


# --------------------------------------------------------------------------- claims


ALL = ["state-dept-100m", "hamas-30m-month", "wsj-plot", "biden-no-intel", "founded-1987"]


@pytest.mark.parametrize("filters, expected", [
    ({}, ALL),
    ({"topic": "funding"}, ["state-dept-100m", "hamas-30m-month", "founded-1987"]),
    ({"proposition": "iran-foreknowledge"}, ["wsj-plot", "biden-no-intel"]),
    ({"article": "test-article"}, ALL),
    ({"topic": "foreknowledge", "proposition": "iran-funding-per-year"}, []),  # filters combine
    # Names and aliases, any case and spacing.
    ({"claimant": "State Department"}, ["state-dept-100m"]),
    ({"claimant": "u.s.  department of state"}, ["state-dept-100m"]),
    # The outlet is the claimant of claims that name none.
    ({"claimant": "Example Times"}, ["hamas-30m-month", "founded-1987"]),
    # Parts are included: the unnamed Hamas source is part of Hamas ...
    ({"claimant": "Hamas"}, ["wsj-plot"]),
    ({"claimant": "Islamic Resistance Movement"}, ["wsj-plot"]),
    # ... and the State Department and the Biden administration are parts of the U.S. government.
    ({"claimant": "U.S. government"}, ["state-dept-100m", "biden-no-intel"]),
    # Wholes are not: the Biden administration is not the whole U.S. government.
    ({"claimant": "Biden administration"}, ["biden-no-intel"]),
    # Who passed a claim on is not its claimant.
    ({"claimant": "WSJ"}, []),
])
def test_find_claims(browser, filters, expected):
    assert ids(find_claims(browser, **filters)) == expected


@pytest.mark.parametrize("filters, message", [
    ({"topic": "foreknowlege"}, "unknown topic 'foreknowlege'; did you mean 'foreknowledge'?"),
    ({"proposition": "iran-funding"}, "unknown proposition 'iran-funding'; did you mean 'iran-funding-per-year'?"),
    ({"article": "test-artcle"}, "unknown article 'test-artcle'; did you mean 'test-article'?"),
    ({"claimant": "Hamass"}, "unknown claimant 'Hamass'; did you mean 'Hamas'?"),
    ({"claimant": "Zzyzx Qwv"}, "unknown claimant 'Zzyzx Qwv'"),
])
def test_find_claims_unknown_names(browser, filters, message):
    with pytest.raises(UnknownName) as caught:
        find_claims(browser, **filters)
    assert str(caught.value) == message


def test_a_claimant_that_is_no_entity_matches_as_written(corpus):
    browser = add(corpus, claims_yaml="""\
  - id: stranger-says
    proposition: iran-foreknowledge
    quote: "Iran helped plot the attack"
    claimant: Some Stranger
    stance: supports
""")
    assert ids(find_claims(browser, claimant="some stranger")) == ["stranger-says"]


@pytest.mark.parametrize("query, expected", [
    # Typos, and a number word for digits.
    ("hundred milion anually", ["state-dept-100m"]),
    ("Iran provdes about $100 milion", ["state-dept-100m"]),
    # Any word order.
    ("annually 100 million", ["state-dept-100m"]),
    # Ids are searched (their hyphens are spaces).
    ("biden no intel", ["biden-no-intel"]),
    ("plot the attack", ["wsj-plot"]),
    ("founded", ["founded-1987"]),
    ("xyzzy quux", []),
])
def test_search(browser, query, expected):
    assert ids(find_claims(browser, search=query)) == expected


def test_search_ranks_best_first_and_notes_count(corpus):
    browser = add(corpus, claims_yaml="""\
  - id: note-only
    proposition: iran-foreknowledge
    quote: "Iran helped plot the attack"
    stance: supports
    note: A remark about intelligence services.
""")
    found = find_claims(browser, search="intelligence")
    assert ids(found) == ["biden-no-intel", "note-only"]  # equal scores: corpus order
    assert [m.score for m in found] == [100.0, 100.0]
    ranked = find_claims(browser, search="Biden administration intelligence")
    assert ids(ranked)[0] == "biden-no-intel"
    assert all(ranked[i].score >= ranked[i + 1].score for i in range(len(ranked) - 1))


def test_search_combines_with_filters(browser):
    assert ids(find_claims(browser, topic="foreknowledge", search="hundred million annually")) == []
    assert ids(find_claims(browser, topic="funding", search="hundred million annually")) == ["state-dept-100m"]


def test_search_of_nothing(browser):
    assert search_claims(browser.all_normalized(), "  ,, ") == []
    assert search_claims([], "iran") == []


# --------------------------------------------------------------------------- quote context


def article(body: str, body_line: int = 5) -> Article:
    return Article(id="a", path="data/articles/a.md", title="T", outlet="O", body=body, body_line=body_line,
                   loc=Loc("data/articles/a.md"))


def test_context_is_the_blank_line_paragraph():
    body = "Intro line.\n\nFirst line of the paragraph\nwith the quote here, said X.\nLast line.\n\nOutro.\n"
    context = quote_context(article(body), "the QUOTE here")
    assert context.paragraph == "First line of the paragraph\nwith the quote here, said X.\nLast line."
    assert (context.first_line, context.line, context.occurrences) == (7, 8, 1)
    assert (context.before, context.quote) == ("First line of the paragraph\nwith ", "the quote here")
    assert context.after == ", said X.\nLast line."


def test_context_of_a_quote_across_lines_with_typographic_quotes():
    body = "He said “we will\nfight on” today.\n"
    context = quote_context(article(body, 1), 'said "we will fight on"')
    assert context.quote == "said “we will\nfight on”"
    assert (context.first_line, context.line) == (1, 1)


def test_a_long_block_without_blank_lines_shows_only_the_quote_lines():
    lines = [f"Sentence number {n} is here and it is long enough to matter in this test." for n in range(30)]
    body = "\n".join(lines) + "\n"
    context = quote_context(article(body, 10), "sentence number 12 is here")
    assert context.paragraph == lines[12]
    assert (context.first_line, context.line) == (22, 22)
    assert context.quote == "Sentence number 12 is here"


def test_context_counts_occurrences_and_misses():
    body = "Iran knew. Later: Iran knew.\n"
    assert quote_context(article(body), "iran knew").occurrences == 2
    assert quote_context(article(body), "nobody knew") is None


def test_claim_detail(browser):
    detail = claim_detail(browser, "state-dept-100m")
    assert detail.proposition.id == "iran-funding-per-year"
    assert detail.article.id == "test-article"
    assert (detail.context.line, detail.context.first_line) == (8, 8)  # the body starts on line 8
    assert detail.context.quote == "Iran provides about $100 million annually to Palestinian militant groups"
    assert [(f.verdict, detail.other(f)) for f in detail.findings] == [("contradiction", "hamas-30m-month")]
    assert claim_detail(browser, "founded-1987").findings == []
    with pytest.raises(UnknownName, match="did you mean 'state-dept-100m'"):
        claim_detail(browser, "state-dept")


# --------------------------------------------------------------------------- sources


def test_sources(browser):
    report = sources(browser)
    (row,) = report.articles
    # Own voice: hamas-30m-month (no claimant) and founded-1987. The funding contradiction
    # (State Department's whole below the article's own figure for Hamas) is the article's own;
    # the unnamed Hamas source vs the Biden administration is a dispute it only reports.
    assert (row.article.id, row.outlet, row.claims, row.contradictions, row.reported) == (
        "test-article", "Example Times", 5, 1, 1)
    assert [(c.finding.proposition, c.role, c.other_articles) for c in charges(browser, "test-article")] == [
        ("iran-funding-per-year", "own", ["test-article"]),
        ("iran-foreknowledge", "reported", ["test-article"]),
    ]
    (outlet,) = report.outlets
    assert (outlet.outlet, outlet.articles, outlet.claims, outlet.contradictions, outlet.reported,
            outlet.reliability) == ("Example Times", ["test-article"], 5, 1, 1, ["C"])


SECOND_ARTICLE = """\
---
title: Another article
outlet: WSJ
published: 2019-03
reliability: B
---
Iran did not know, officials said.
"""


def test_sources_with_two_articles_and_outlets(corpus):
    corpus.write("articles/another.md", SECOND_ARTICLE)
    corpus.write("claims/another.yaml", """\
claims:
  - id: wsj-did-not-know
    proposition: iran-foreknowledge
    quote: "Iran did not know"
    stance: refutes
""")
    corpus.write("articles/undated.md", "---\ntitle: Undated\noutlet: Example Times\n---\nNothing.\n")
    report = sources(browser_for(corpus))
    # By date: 2019-03 before 2021-12-25; undated last.
    assert [r.article.id for r in report.articles] == ["another", "test-article", "undated"]
    by_id = {r.article.id: r for r in report.articles}
    # wsj-did-not-know (the WSJ's own voice, refutes) contradicts wsj-plot (an unnamed Hamas
    # source the test article quotes, supports): the WSJ's own contradiction, one the test
    # article reports.
    assert (by_id["another"].contradictions, by_id["another"].reported) == (1, 0)
    assert by_id["another"].outlet == "The Wall Street Journal"  # written WSJ
    assert [(c.role, c.other_articles) for c in charges(browser_for(corpus), "another")] == [
        ("own", ["test-article"])]
    assert (by_id["test-article"].contradictions, by_id["test-article"].reported) == (1, 2)
    assert by_id["undated"].claims == 0
    assert [(o.outlet, o.articles, o.claims, o.contradictions, o.reported, o.reliability)
            for o in report.outlets] == [
        ("Example Times", ["test-article", "undated"], 5, 1, 2, ["C", "F"]),
        ("The Wall Street Journal", ["another"], 1, 1, 0, ["B"]),
    ]


def test_own_voice(corpus):
    browser = browser_for(corpus)
    article = browser.corpus.articles["test-article"]
    claims = browser.corpus.claims
    assert own_voice(claims["hamas-30m-month"], article, browser.entities)  # no claimant
    assert not own_voice(claims["wsj-plot"], article, browser.entities)
    # The outlet by an alias, and the author, are the article's voice too.
    entities = browser.entities
    other = dataclasses.replace(article, outlet="WSJ", author="Jane Doe")
    assert own_voice(dataclasses.replace(claims["wsj-plot"], claimant="The Wall Street Journal"), other, entities)
    assert own_voice(dataclasses.replace(claims["wsj-plot"], claimant="Jane Doe"), other, entities)
    assert not own_voice(claims["biden-no-intel"], other, entities)


# --------------------------------------------------------------------------- timeline


def test_timeline_order(browser):
    entries = timeline(browser)
    assert [(e.claim.claim.id, e.basis, e.start, e.end) for e in entries] == [
        # A date claim without `when` sorts at the date it gives.
        ("founded-1987", "value", date(1987, 1, 1), date(1987, 12, 31)),
        ("state-dept-100m", "when", date(2020, 1, 1), date(2020, 12, 31)),
        # Unknown periods last, in corpus order.
        ("hamas-30m-month", "unknown", None, None),
        ("wsj-plot", "unknown", None, None),
        ("biden-no-intel", "unknown", None, None),
    ]
    assert [e.claim.claim.id for e in timeline(browser, "foreknowledge")] == ["wsj-plot", "biden-no-intel"]
    assert [e.claim.claim.id for e in timeline(browser, proposition="hamas-founded")] == ["founded-1987"]


def test_timeline_open_periods_and_ties(corpus):
    browser = add(corpus, claims_yaml="""\
  - id: until-2019
    proposition: iran-foreknowledge
    quote: "Iran helped plot the attack"
    stance: supports
    when: /2019
  - id: since-2019
    proposition: iran-foreknowledge
    quote: "Iran helped plot the attack"
    stance: supports
    when: 2019/
  - id: year-2019
    proposition: iran-foreknowledge
    quote: "Iran helped plot the attack"
    stance: supports
    when: 2019
  - id: march-2019
    proposition: iran-foreknowledge
    quote: "Iran helped plot the attack"
    stance: supports
    when: 2019-03
""")
    order = [e.claim.claim.id for e in timeline(browser, "foreknowledge")]
    # since-2019 and year-2019 start on 2019-01-01: the shorter span first, the open one last.
    # until-2019 sorts at its end; march-2019 by its start.
    assert order == ["year-2019", "since-2019", "march-2019", "until-2019", "wsj-plot", "biden-no-intel"]


def test_timeline_when_wins_over_the_value_for_dates(corpus):
    browser = add(corpus, claims_yaml="""\
  - id: founded-said-in-2000
    proposition: hamas-founded
    quote: "Hamas was founded in 1987"
    value: "1987"
    when: "2000"
""")
    entries = {e.claim.claim.id: e for e in timeline(browser, proposition="hamas-founded")}
    assert (entries["founded-said-in-2000"].basis, entries["founded-said-in-2000"].start) == ("when", date(2000, 1, 1))


# --------------------------------------------------------------------------- matrix


def test_matrix_funding(browser):
    grid = matrix(browser, "funding")
    assert [(c.key, c.proposition.id) for c in grid.columns] == [("P1", "iran-funding-per-year"),
                                                                 ("P2", "hamas-founded")]
    # Most claims first: Example Times has two (one per proposition).
    assert [(r.origin, r.articles, r.part_of) for r in grid.rows] == [
        ("Example Times", ["test-article"], []), ("U.S. Department of State", ["test-article"], [])]
    times, state = grid.rows
    assert [nc.claim.id for nc in times.cells["iran-funding-per-year"].claims] == ["hamas-30m-month"]
    assert times.cells["iran-funding-per-year"].contradictions == 1
    assert times.cells["hamas-founded"].contradictions == 0
    assert "hamas-founded" not in state.cells
    assert (times.tally.values, times.tally.contradictions, times.tally.claims) == (2, 1, 2)
    assert (state.tally.values, state.tally.contradictions) == (1, 1)
    first, second = grid.columns
    assert (first.tally.values, first.tally.contradictions, first.origins) == (2, 1, 2)
    assert (second.tally.values, second.tally.contradictions, second.origins) == (1, 0, 1)
    assert (grid.tally.values, grid.tally.contradictions, grid.tally.claims, grid.origins) == (3, 1, 3, 2)


def test_matrix_stances_and_part_of(corpus):
    browser = add(corpus, "Hamas said Iran knew.\n", """\
  - id: hamas-knew
    proposition: iran-foreknowledge
    quote: "Hamas said Iran knew"
    claimant: Hamas
    stance: supports
""")
    grid = matrix(browser, "foreknowledge")
    assert [(r.origin, r.part_of, r.tally.supports, r.tally.refutes, r.tally.contradictions) for r in grid.rows] == [
        ("Biden administration", [], 0, 1, 2),
        ("Hamas", [], 1, 0, 1),
        ("unnamed Hamas source", ["Hamas"], 1, 0, 1),  # part of another row: not independent
    ]
    (column,) = grid.columns
    assert (column.tally.supports, column.tally.refutes, column.tally.contradictions, column.origins) == (2, 1, 2, 2)
    assert grid.origins == 2


def test_matrix_unknown_topic(browser):
    with pytest.raises(UnknownName, match="did you mean 'funding'"):
        matrix(browser, "fundin")


def test_the_browser_counts_without_judging_every_pair(browser, monkeypatch):
    from hirel.comparing import comparison, counting

    calls, counted = [], []
    original, count = comparison.compare_claims, counting.count_verdicts
    monkeypatch.setattr(comparison, "compare_claims", lambda *a, **k: calls.append(a[1].id) or original(*a, **k))
    monkeypatch.setattr(counting, "count_verdicts",
                        lambda *a, **k: counted.append((a[1].id, len(a[0]))) or count(*a, **k))
    topic_stats(browser)
    matrix(browser, "funding")
    sources(browser)
    assert calls == []
    assert {pid for pid, _n in counted} == {"hamas-founded", "iran-foreknowledge", "iran-funding-per-year"}


def test_listing_claims_compares_nothing(browser, monkeypatch):
    from hirel.comparing import comparison

    monkeypatch.setattr(comparison, "compare_claims", lambda *a, **k: pytest.fail("compared"))
    assert len(find_claims(browser, search="iran")) >= 1
    assert len(timeline(browser)) == 5
