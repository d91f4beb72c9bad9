"""`hirel suggest`: checkable sentences, claim stubs that pass `hirel check` once a proposition is
chosen, coverage; and the figure the documentation reports on the bundled corpus."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
import yaml

from conftest import parse_json

ROOT = Path(__file__).resolve().parents[1]

PORT_REPORT = """\
---
title: Port report
outlet: Example Times
published: 2022-05-10
---
Port report
The State Department said Iran provides about $100 million annually to Hamas.
According to the WSJ, Hamas reportedly received $30 million a month in 2021.
Citing a Hamas source, The Wall Street Journal reported that Iran helped plot the attack.
On July 16, Ana Lopes told reporters that Iran may fund Hamas.
The weather was fine.
Hamas and Iran met in Tehran.
Hamas was founded in 1987, and it received $5 million in 1990, an official told the WSJ.
"""

# Each stub, checked by hand against the article above: (line, id, quote, claimant, via, value, when, certainty)
EXPECTED = [
    (7, "state-department-iran-provides-100m",
     "The State Department said Iran provides about $100 million annually to Hamas.",
     "U.S. Department of State", [], "about $100 million annually", "2022-05-10", None),
    (8, "wsj-hamas-reportedly-received-30m",
     "According to the WSJ, Hamas reportedly received $30 million a month in 2021.",
     "The Wall Street Journal", [], "$30 million a month", "2021", "likely"),
    (9, "citing-hamas-source-wall",
     "Citing a Hamas source, The Wall Street Journal reported that Iran helped plot the attack.",
     "unnamed Hamas source", ["The Wall Street Journal"], None, "2022-05-10", None),
    # Ana Lopes is not an entity: the claimant is a comment, with a stub to add
    (10, "july-ana-lopes-told", "On July 16, Ana Lopes told reporters that Iran may fund Hamas.",
     None, [], None, "2021-07-16", "possible"),  # told: past, after the article's 10 May
    (12, "hamas-iran-met-tehran", "Hamas and Iran met in Tehran.", None, [], None, "2022-05-10", None),
    # the date nearest the figure is its period
    (13, "hamas-founded-received-million-5m",
     "Hamas was founded in 1987, and it received $5 million in 1990, an official told the WSJ.",
     None, [], "$5 million", "1990", None),
]


@pytest.fixture
def port(corpus):
    corpus.write("articles/port-report.md", PORT_REPORT)
    return corpus


def _stubs(output: str) -> list[dict]:
    return yaml.safe_load(output)["claims"]


def test_stubs_hold_what_the_sentences_say(port, run):
    result = run("suggest", "port-report")
    assert result.exit_code == 0, result.output
    stubs = _stubs(result.output)
    got = [(s["id"], s["quote"], s.get("claimant"), s.get("via", []), s.get("value"), s.get("when"),
            s.get("certainty")) for s in stubs]
    assert got == [e[1:] for e in EXPECTED]
    assert all(s["proposition"] == "CHOOSE" for s in stubs)
    assert [s.get("stance") for s in stubs] == [None, None, "supports", "supports", "supports", None]
    out = result.output
    assert out.startswith("# port-report: 0 of 6 checkable sentences covered (0%)\n")
    assert "    # claimant: Ana Lopes  # not in entities.yaml: add the stub below\n" in out
    assert out.endswith("# names not in entities.yaml: add them there (check the spelling), then uncomment "
                        "the claimant;\n# a sentence that names two entities is checkable, so declaring names can "
                        "raise the count above\n# Ana Lopes: {}\n")
    assert '    value: "about $100 million annually"  # reads: $90M–$110M/yr\n' in out
    assert '    when: "2021-07-16"  # from \'July 16\' in the sentence, the year before the article\'s\n' in out
    assert '    when: "2022-05-10"  # from the article\'s date\n' in out
    # the closest propositions a stub can take: of its kind, and a unit its figure converts to
    assert "    proposition: CHOOSE  # a quantity proposition; closest: iran-funding-per-year (" in out
    assert "    proposition: CHOOSE  # a stance proposition; closest: iran-foreknowledge (" in out


def test_every_stub_passes_check_once_a_proposition_is_chosen(port, run):
    result = run("suggest", "port-report")
    chosen = []
    for line in result.output.split("\n"):
        m = re.match(r"    proposition: CHOOSE  # a (\w+) proposition; closest: ([a-z0-9-]+) ", line)
        if line.startswith("    proposition: CHOOSE"):
            assert m, line  # every stub offers a proposition it can take
            line = f"    proposition: {m.group(2)}"
        chosen.append(line)
    port.write("claims/port-report.yaml", "\n".join(chosen))
    check = run("check")
    assert check.exit_code == 0, check.output
    assert "error" not in check.output


def test_covered_sentences_and_all(corpus, run):
    # every sentence of the fixture article is quoted by a claim
    result = run("suggest", "test-article")
    assert result.exit_code == 0
    assert result.output.startswith("# test-article: 5 of 5 checkable sentences covered (100%)\n")
    assert "# nothing left to annotate" in result.output and "  - id:" not in result.output
    every = run("suggest", "test-article", "--all")
    assert every.output.count("# covered: a claim already quotes this sentence") == 5


def test_formats(port, run):
    data = parse_json(run("suggest", "port-report", "--format", "json").output)
    assert (data["article"], data["checkable"], data["covered"], data["coverage"]) == ("port-report", 6, 0, 0.0)
    first = data["suggestions"][0]
    assert first["value"] == {"text": "about $100 million annually", "reading": "$90M–$110M/yr",
                              "low": 9e7, "high": 1.1e8, "unit": "USD/year"}
    assert first["claimant"] == "U.S. Department of State" and first["claimant_known"] is True
    assert first["reasons"] == ["figure", "attribution", "actors"] and first["line"] == 7
    assert data["suggestions"][3]["unknown_names"] == ["Ana Lopes"]
    table = run("suggest", "port-report", "--format", "table")
    assert table.exit_code == 0 and "port-report: 0 of 6 checkable sentences covered (0%)" in table.output


def test_unknown_article(port, run):
    result = run("suggest", "port-reprt")
    assert result.exit_code == 2
    assert result.output == "hirel: unknown article 'port-reprt'; did you mean 'port-report'?\n"


def test_untrusted_text_stays_inert(corpus, run):
    corpus.write("articles/odd.md", "---\ntitle: Odd\noutlet: Example Times\n---\n"
                 "Hamas said \x1b[31mIran[/red] paid \"$5 million\" a year, yes # no: key\n")
    result = run("suggest", "odd")
    assert "\x1b" not in result.output
    stubs = _stubs(result.output)
    # ': key' holds neither the figure nor the attribution: left out of the quote
    assert stubs[0]["quote"] == "Hamas said \x1b[31mIran[/red] paid \"$5 million\" a year, yes # no"


def test_bundled_corpus_quotes_fall_inside_suggestions(tmp_path):
    """The figure docs/authoring.md reports: with the claims removed, at least 80% of the
    annotated quotes fall inside a suggested quote."""
    from hirel.authoring.suggest import Suggester
    from hirel.loading.loader import load_corpus
    from hirel.rules.anchoring import ArticleText

    annotated, _ = load_corpus(ROOT / "data")
    bare_dir = tmp_path / "data"
    shutil.copytree(ROOT / "data", bare_dir, ignore=shutil.ignore_patterns("claims"))
    (bare_dir / "claims").mkdir()
    bare, _ = load_corpus(bare_dir)
    assert not bare.claims and len(bare.articles) == len(annotated.articles)
    suggester = Suggester(bare)
    inside = total = suggested = holding = 0
    for article_id, article in bare.articles.items():
        stubs = [stub for s in suggester.for_article(article_id).suggestions for stub in s.stubs]
        text = ArticleText(article.body)
        passages = []
        for claim in annotated.claims.values():
            if claim.article != article_id:
                continue
            [passage, *_] = text.find(claim.quote)
            passages.append(passage)
            total += 1
            inside += any(stub.start <= passage.start and passage.end <= stub.end for stub in stubs)
        for stub in stubs:
            assert article.body[stub.start:stub.end] == stub.quote  # the exact text
            if stub.value is not None:  # the figure is in the quote
                assert stub.start <= stub.value.start and stub.value.end <= stub.end
            suggested += 1
            holding += any(stub.start <= p.start and p.end <= stub.end for p in passages)
    assert total == len(annotated.claims)
    assert inside / total >= 0.80
    # the figures docs/authoring.md reports are the ones measured
    doc = " ".join((ROOT / "docs" / "authoring.md").read_text(encoding="utf-8").split())
    assert f"{inside} of the {total} annotated quotes ({inside / total:.0%}) fall inside a suggested quote" in doc
    assert f"{holding} of the {suggested} suggestions ({holding / suggested:.0%}) hold an annotated quote" in doc


def test_sources_coverage(port, run):
    data = parse_json(run("sources", "--coverage", "--format", "json").output)
    coverage = {a["id"]: a["coverage"] for a in data["articles"]}
    # port-report: 6 checkable sentences (above), no claims; test-article: 5 of 5 quoted
    assert coverage == {"port-report": {"checkable": 6, "covered": 0, "share": 0.0},
                        "test-article": {"checkable": 5, "covered": 5, "share": 1.0}}
    csv_out = run("sources", "--coverage", "--format", "csv").output
    assert csv_out.split("\n")[0].endswith(",coverage")
    assert "0/6 (0%)" in csv_out and "5/5 (100%)" in csv_out
    plain = parse_json(run("sources", "--format", "json").output)
    assert "coverage" not in plain["articles"][0]  # only when asked: it reads every sentence


@pytest.mark.parametrize("sentence, when, source", [
    ("Hamas received $5 million in 2019.", "2019", "the sentence"),
    ("Hamas received $5 million last year.", "2021", "'last year' and the article's year"),
    ("Hamas has received $5 million so far this year.", "2022", "'so far this year' and the article's year"),
    ("Fees will rise by 5% from April.", "2022-04/", "'from April' and the article's year"),
    ("Fees rose by 5% until March.", "/2022-03", "'until March' and the article's year"),
    # a past event after the article's date (10 May 2022): the June before it
    ("On 3 June Hamas received $5 million.", "2021-06-03", "'3 June' in the sentence, the year before the article's"),
    ("On 3 May Hamas received $5 million.", "2022-05-03", "'3 May' in the sentence and the article's year"),
    ("Hamas received $5 million.", "2022-05-10", "the article's date"),
    # the date nearest the figure, not the first one
    ("In 2012 it broke with Iran, and in 2017 it received $5 million.", "2017", "the sentence"),
])
def test_when(corpus, run, sentence, when, source):
    corpus.write("articles/when.md", f"---\ntitle: When\noutlet: Example Times\npublished: 2022-05-10\n---\n{sentence}\n")
    data = parse_json(run("suggest", "when", "--format", "json").output)
    [stub] = data["suggestions"]
    assert (stub["when"], stub["when_from"]) == (when, source)


def test_stubs_on_the_second_corpus_pass_check(tmp_path, monkeypatch, run):
    """The trade corpus without its claims: every stub that offers a proposition passes `hirel check`
    once that proposition is chosen. A stub with none says to add one (a figure in pounds cannot
    be compared with propositions in euros: hirel never converts currencies)."""
    data = tmp_path / "data"
    shutil.copytree(ROOT / "tests/corpora/trade", data, ignore=shutil.ignore_patterns("claims"))
    (data / "claims").mkdir()
    monkeypatch.chdir(tmp_path)
    chosen = without = 0
    for article in sorted(p.stem for p in (data / "articles").glob("*.md")):
        output = run("suggest", article).output
        stubs = re.split(r"\n(?=  - id: )", output.split("\nclaims:\n", 1)[1].split("\n\n#", 1)[0])
        kept = []
        for stub in (s for s in stubs if "  - id: " in s):
            m = re.search(r"proposition: CHOOSE  # a \w+ proposition; closest: ([a-z0-9-]+) ", stub)
            if m is None:
                assert "(add one to propositions.yaml)" in stub, stub
                without += 1
                continue
            kept.append(re.sub(r"proposition: CHOOSE  #.*", f"proposition: {m.group(1)}", stub))
            chosen += 1
        (data / "claims" / f"{article}.yaml").write_text("claims:\n" + "\n".join(kept) + "\n", encoding="utf-8")
    assert chosen >= 15 and without <= 2
    check = run("check")
    assert check.exit_code == 0, check.output
