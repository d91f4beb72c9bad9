"""`hirel add` on saved pages in the shapes news sites use: body verbatim, every metadata field,
and a corpus that passes `hirel check` right after."""

from __future__ import annotations

import threading
from functools import partial
from http.server import HTTPServer, SimpleHTTPRequestHandler
from pathlib import Path

import pytest

from hirel.authoring.extract import extract_html
from hirel.authoring.metadata import date_from_url, normalize_date

PAGES = Path(__file__).parent / "pages"

# page -> (paragraphs of the body, expected metadata). Bodies written from the pages by hand:
# navigation, cookie banners, share buttons, related lists, bylines and footers must be gone.
CASES = {
    "news-jsonld.html": (
        ["Port fees rise 20% as trade slows",
         "The port authority said on Monday that fees would rise by “about 20%” from April, citing a fall in traffic.",
         "Shipping lines paid $1.2bn in fees last year, according to the authority’s annual report\u00a0– a record.",
         ("“We had no choice,” the director, Ana Lopes, told reporters. Analysts say the rise may cost importers "
          "around $240 million a year.")],
        {"title": "Port fees rise 20% as trade slows", "author": "Jane Roe", "published": "2024-03-05",
         "published_from": "json-ld", "site_name": "The Harbor Times",
         "url": "https://harbortimes.example/2024/03/port-fees", "kind": "news"}),
    "opengraph.html": (
        ["Valdoria cuts grain tariff to 5 percent",
         ("Valdoria will cut its import tariff on grain from 12 percent to 5 percent on July 1, the trade ministry "
          "said in a statement on Wednesday."),
         ("The ministry estimated that the cut would cost the treasury about 40 million crowns a year, a figure that "
          "opposition lawmakers called \"far too low\"."),
         ("Grain imports reached 2.1 million tonnes in 2022, up from 1.6 million tonnes the year before, according "
          "to the national statistics office.")],
        # article:author is a Facebook address, not a name: the author comes from meta name=author
        {"title": "Valdoria cuts grain tariff to 5 percent", "author": "Priya Natarajan", "published": "2023-06-14",
         "published_from": "meta", "site_name": "Meridian Daily",
         "url": "https://www.meridiandaily.example/economy/valdoria-grain-tariff", "kind": None}),
    "jsonld-graph-opinion.html": (
        ["The embargo is failing",
         ("Two years after the embargo began, Kessarian exports have not fallen; they have moved. Customs data show "
          "shipments through third countries rose by more than half in 2021."),
         ("Officials insist the measures are working. But the finance ministry's own report, published in October, "
          "concedes that revenue from the trade fell by only 8% over the period."),
         "The embargo may yet bite, if partners close the routes. Until then, it is a policy of appearances.",
         "The views expressed in this article are the authors' own."],
        {"title": "The embargo is failing", "author": "Tomas Berg, Lena Ortiz", "published": "2022-11-03",
         "published_from": "json-ld", "site_name": "The Ledger", "url": "https://ledger.example/opinion/embargo-failing",
         "kind": "opinion"}),
    "amp.html": (
        ["Harbor strike ends after 9 days",
         ("Dock workers returned to work on Saturday after the union accepted a 6.5% pay rise over two years, ending "
          "a strike that lasted nine days."),
         ("The port authority estimated the losses at $45 million, while the union put them at less than half that "
          "amount.")],
        # the AMP page's canonical address, not the AMP one
        {"title": "Harbor strike ends after 9 days", "author": "Jane Roe", "published": "2024-05-18",
         "published_from": "json-ld", "site_name": "The Harbor Times",
         "url": "https://harbortimes.example/news/2024/05/harbor-strike-ends", "kind": "news", "amp": True}),
    "liveblog.html": (
        ["Live: Valdoria election results",
         ("With 90% of precincts counted, the governing party has 41.2 percent of the vote, the electoral "
          "commission said."),
         "The opposition leader told supporters she expected to win \"at least a third\" of the seats.",
         "Turnout reached 63 percent, up from 58 percent in 2020, according to the electoral commission."],
        # a live blog has no datePublished: the start of its coverage is its date
        {"title": "Live: Valdoria election results", "author": "Thames Courier staff", "published": "2024-09-08",
         "published_from": "json-ld", "site_name": "The Thames Courier",
         "url": "https://thamescourier.example/live/valdoria-election", "kind": "news"}),
    "date-in-url.html": (
        ["Ferry operator fined over safety lapses",
         ("A regional court fined the ferry operator €250,000 on Tuesday for failing to maintain lifeboats on two of "
          "its vessels."),
         ("Inspectors found 14 faults during checks last autumn, the maritime agency said. The operator said it "
          "would appeal.")],
        # no date anywhere but the address; the author only in a byline element
        {"title": "Ferry operator fined over safety lapses", "author": "Marta Silva", "published": "2021-03-17",
         "published_from": "url", "site_name": "Coastal Post",
         "url": "https://www.coastalpost.example/2021/03/17/ferry-operator-fined/", "kind": None}),
    # a list, line breaks and a table: the extractor's '- ' and ' | ' kept around the page's own
    # text (U+2212 minus)
    "lists-table.html": (
        ["Port lists three cost cuts",
         "The ministry listed three measures for the port, all of them costly, on Tuesday afternoon.",
         "- Fees rise by 20% from April for all container ships.",
         "- Night shifts are cut to save 5 million euros a year.",
         # one <br> is a line break inside the paragraph; two end it
         "Unions said they would strike\nif the cuts went ahead, a spokesman said.",
         "The ministry did not comment.",
         "| Fees | +20% |",
         "| Night shifts | −€5m |"],
        {"title": "Port lists three cost cuts", "author": "Lee Park", "published": "2023-02-14", "published_from": "meta",
         "site_name": "Harbour Gazette", "url": None, "kind": None}),
    "verbatim.html": (
        ["Café owners say rents doubled",
         # decomposed é (e + U+0301), a zero-width space and a no-break space, as the page writes them
         ("Owners of the Cafe\u0301 Rivière told the council that rents had doubled since 2018\u200b, to about "
          "€3,000\u00a0a month."),
         ("“We can’t go on like this,” said Zoë Brandt, who runs a bakery nearby; her rent rose by 45\u202f% in two "
          "years — the council’s own survey found similar increases.")],
        {"title": "Café owners say rents doubled", "author": None, "published": "2020-02-29", "published_from": "meta",
         "site_name": "City Notes", "url": None, "kind": None}),
}


@pytest.mark.parametrize("page", sorted(CASES))
def test_page_body_and_metadata(page):
    paragraphs, expected = CASES[page]
    extracted = extract_html((PAGES / page).read_text(encoding="utf-8"))
    assert extracted.text == "\n\n".join(paragraphs) + "\n"
    assert extracted.kept == 0  # every paragraph was copied from the page itself
    meta = extracted.metadata
    for field, value in expected.items():
        assert getattr(meta, field) == value, field


@pytest.mark.parametrize("page", sorted(CASES))
def test_check_passes_after_add(page, tmp_path, monkeypatch, run):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("HIREL_DATA", raising=False)
    assert run("init").exit_code == 0
    result = run("add", str(PAGES / page))
    assert result.exit_code == 0, result.output
    written = list((tmp_path / "data" / "articles").glob("*.md"))
    assert len(written) == 1
    text = written[0].read_text(encoding="utf-8")
    body = text.split("\n---\n", 1)[1]
    assert body == "\n\n".join(CASES[page][0]) + "\n"
    check = run("check")
    assert check.exit_code == 0, check.output
    assert "no problems" in check.output


def test_front_matter_and_new_outlet(tmp_path, monkeypatch, run):
    monkeypatch.chdir(tmp_path)
    run("init")
    result = run("add", str(PAGES / "news-jsonld.html"), "--reliability", "b")
    assert result.exit_code == 0
    article = tmp_path / "data/articles/harbor-times-2024-port-fees-rise-20-trade.md"
    assert article.read_text(encoding="utf-8").split("---\n")[1] == (
        "title: Port fees rise 20% as trade slows\n"
        "outlet: The Harbor Times\n"
        "author: Jane Roe\n"
        "published: '2024-03-05'\n"
        "url: https://harbortimes.example/2024/03/port-fees\n"
        "kind: news\n"
        "reliability: B\n")
    entities = (tmp_path / "data/entities.yaml").read_text(encoding="utf-8")
    assert entities.endswith("\nThe Harbor Times:\n  aliases: [harbortimes.example]\n")
    assert "new outlet 'The Harbor Times': added to entities.yaml" in result.output


def test_outlet_resolved_by_alias_and_date_from_url_noted(tmp_path, monkeypatch, run):
    monkeypatch.chdir(tmp_path)
    run("init")
    (tmp_path / "data/entities.yaml").write_text("Coastal Post Media:\n  aliases: [Coastal Post]\n", encoding="utf-8")
    result = run("add", str(PAGES / "date-in-url.html"))
    assert result.exit_code == 0, result.output
    text = (tmp_path / "data/articles/coastal-post-media-2021-ferry-operator-fined-safety-lapses.md").read_text("utf-8")
    assert "outlet: Coastal Post Media\n" in text
    assert "notes: Date read from the address.\n" in text
    assert (tmp_path / "data/entities.yaml").read_text("utf-8") == "Coastal Post Media:\n  aliases: [Coastal Post]\n"
    assert run("check").exit_code == 0


def test_close_outlet_name_stops_with_did_you_mean(tmp_path, monkeypatch, run):
    monkeypatch.chdir(tmp_path)
    run("init")
    (tmp_path / "data/entities.yaml").write_text("Harbor Times: {}\n", encoding="utf-8")
    result = run("add", str(PAGES / "news-jsonld.html"))
    assert result.exit_code == 2
    assert "did you mean 'Harbor Times'?" in result.output
    assert not list((tmp_path / "data/articles").glob("*.md"))
    # --outlet chooses: the existing entity ...
    assert run("add", str(PAGES / "news-jsonld.html"), "--outlet", "Harbor Times").exit_code == 0
    assert run("check").exit_code == 0


def test_overrides(tmp_path, monkeypatch, run):
    monkeypatch.chdir(tmp_path)
    run("init")
    result = run("add", str(PAGES / "amp.html"), "--id", "strike-ends", "--outlet", "Harbour Daily",
                 "--published", "2024-05", "--kind", "analysis", "--reliability", "C")
    assert result.exit_code == 0, result.output
    front = (tmp_path / "data/articles/strike-ends.md").read_text("utf-8").split("---\n")[1]
    assert front == ("title: Harbor strike ends after 9 days\noutlet: Harbour Daily\nauthor: Jane Roe\n"
                     "published: 2024-05\nurl: https://harbortimes.example/news/2024/05/harbor-strike-ends\n"
                     "kind: analysis\nreliability: C\n")
    assert run("check").exit_code == 0


@pytest.mark.parametrize("args, message", [
    (["--id", "Bad Id"], "--id 'Bad Id' is not a valid article id"),
    (["--published", "May 2024"], "--published 'May 2024' is not a date"),
    (["--kind", "gossip"], "--kind 'gossip' is not one of: news, analysis"),
    (["--reliability", "Z"], "--reliability 'Z' is not a grade A to F"),
    (["--url", "harbortimes.example/x"], "--url 'harbortimes.example/x' is not an http(s) address"),
    (["--outlet", " "], "--outlet is empty"),
])
def test_bad_overrides_are_one_line(tmp_path, monkeypatch, run, args, message):
    monkeypatch.chdir(tmp_path)
    run("init")
    result = run("add", str(PAGES / "amp.html"), *args)
    assert result.exit_code == 2
    assert result.output.startswith("hirel: ") and message in result.output
    assert result.output.count("\n") == 1
    assert not list((tmp_path / "data/articles").glob("*.md"))


def test_never_overwrites_and_reports_duplicates(tmp_path, monkeypatch, run):
    monkeypatch.chdir(tmp_path)
    run("init")
    assert run("add", str(PAGES / "amp.html")).exit_code == 0
    [first] = (tmp_path / "data/articles").glob("*.md")
    before = first.read_text("utf-8")
    same_url = run("add", str(PAGES / "amp.html"), "--id", "another")
    assert same_url.exit_code == 1
    assert f"already in the corpus as '{first.stem}' (the same address)" in same_url.output
    # the same text under another address (a mirror, or the page saved twice)
    mirror = run("add", str(PAGES / "amp.html"), "--url", "https://mirror.example/strike")
    assert mirror.exit_code == 1 and "(nearly the same text)" in mirror.output
    taken = run("add", str(PAGES / "opengraph.html"), "--id", first.stem)
    assert taken.exit_code == 2 and "never overwrites" in taken.output
    assert first.read_text("utf-8") == before
    assert len(list((tmp_path / "data/articles").glob("*.md"))) == 1


def test_ids_are_unique(tmp_path, monkeypatch, run):
    monkeypatch.chdir(tmp_path)
    run("init")
    run("add", str(PAGES / "amp.html"))
    other = tmp_path / "other.md"
    other.write_text("Harbor strike ends after 9 days\n\nA different text about the end of the strike.\n", "utf-8")
    result = run("add", str(other), "--outlet", "The Harbor Times", "--published", "2024-05-18")
    assert result.exit_code == 0, result.output
    names = sorted(p.name for p in (tmp_path / "data/articles").glob("*.md"))
    assert names == ["harbor-times-2024-harbor-strike-ends-9-days-2.md", "harbor-times-2024-harbor-strike-ends-9-days.md"]


def test_text_markdown_and_stdin(tmp_path, monkeypatch, run):
    monkeypatch.chdir(tmp_path)
    run("init")
    md = tmp_path / "note.md"
    md.write_text("# Harbour fees to rise\n\nThe port said fees would rise by 20%.\n", encoding="utf-8")
    no_outlet = run("add", str(md))
    assert no_outlet.exit_code == 2 and "give it with --outlet" in no_outlet.output
    assert run("add", str(md), "--outlet", "Port Bulletin").exit_code == 0
    text = (tmp_path / "data/articles/port-bulletin-harbour-fees-rise.md").read_text("utf-8")
    assert text == ("---\ntitle: Harbour fees to rise\noutlet: Port Bulletin\n---\n"
                    "# Harbour fees to rise\n\nThe port said fees would rise by 20%.\n")
    piped = run("add", "-", "--outlet", "Port Bulletin", "--title", "Dock news", input="Cranes arrived today.\n")
    assert piped.exit_code == 0, piped.output
    assert (tmp_path / "data/articles/port-bulletin-dock-news.md").read_text("utf-8").endswith(
        "---\nCranes arrived today.\n")
    html_in = run("add", "-", input=(PAGES / "opengraph.html").read_text("utf-8"))
    assert html_in.exit_code == 0, html_in.output
    assert run("check").exit_code == 0


@pytest.mark.parametrize("make, message", [
    (lambda p: None, "no such file"),
    (lambda p: p.mkdir(), "is a directory"),
    (lambda p: p.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00"), "is not a text or HTML file"),
    (lambda p: p.write_text("   \n\n", encoding="utf-8"), "no article text"),
    (lambda p: p.write_text("<html><body><nav>Home</nav></body></html>", encoding="utf-8"), "no article text"),
])
def test_bad_sources(tmp_path, monkeypatch, run, make, message):
    monkeypatch.chdir(tmp_path)
    run("init")
    source = tmp_path / "source.html"
    make(source)
    result = run("add", str(source), "--outlet", "X")
    assert result.exit_code == 2
    assert message in result.output and result.output.count("\n") == 1


@pytest.fixture
def served_pages():
    handler = partial(SimpleHTTPRequestHandler, directory=str(PAGES))
    handler.log_message = lambda *args: None  # type: ignore[attr-defined]
    server = HTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_add_from_url(tmp_path, monkeypatch, run, served_pages):
    monkeypatch.chdir(tmp_path)
    run("init")
    result = run("add", f"{served_pages}/liveblog.html")
    assert result.exit_code == 0, result.output
    [article] = (tmp_path / "data/articles").glob("*.md")
    assert article.name == "thames-courier-2024-live-valdoria-election-results.md"
    assert "url: https://thamescourier.example/live/valdoria-election\n" in article.read_text("utf-8")
    missing = run("add", f"{served_pages}/nothing-here.html")
    assert missing.exit_code == 2 and "the server answered 404" in missing.output


def test_offline_url_is_a_clear_error(tmp_path, monkeypatch, run):
    import socket

    monkeypatch.chdir(tmp_path)
    run("init")
    with socket.socket() as closed:  # a port nobody listens on: refused at once, no network needed
        closed.bind(("127.0.0.1", 0))
        port = closed.getsockname()[1]
    result = run("add", f"http://127.0.0.1:{port}/article")
    assert result.exit_code == 2
    assert result.output.startswith(f"hirel: cannot fetch http://127.0.0.1:{port}/article: ")
    assert "offline? save the page" in result.output and result.output.count("\n") == 1


def test_fetch_timeout(monkeypatch):
    import socket

    from hirel.authoring import AuthoringError
    from hirel.authoring.fetch import fetch_url

    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(1)  # accepts the connection, never answers
    try:
        with pytest.raises(AuthoringError, match="no answer within 0.2 s"):
            fetch_url(f"http://127.0.0.1:{server.getsockname()[1]}/", timeout=0.2)
    finally:
        server.close()


@pytest.mark.parametrize("url, expected", [
    ("https://x.example/2021/03/17/story/", "2021-03-17"),
    ("https://x.example/news/2024/05/story", "2024-05"),
    ("https://x.example/story-2019-08-22-iran", "2019-08-22"),
    ("https://x.example/20191231/story", "2019-12-31"),
    ("https://x.example/2021/13/40/story", None),  # not a date
    ("https://x.example/items/1234/5678", None),
    ("https://x.example/story", None),
])
def test_date_from_url(url, expected):
    assert date_from_url(url) == expected


@pytest.mark.parametrize("text, expected", [
    ("2024-03-05T10:00:00Z", "2024-03-05"),
    ("2023-06-14T23:30:00-05:00", "2023-06-14"),  # the date as the page writes it, not converted to UTC
    ("March 5, 2024", "2024-03-05"),
    ("5 March 2024", "2024-03-05"),
    ("2024-02-30", None),
    ("yesterday", None),
    ("", None),
])
def test_normalize_date(text, expected):
    assert normalize_date(text) == expected


def test_dry_run_prints_and_writes_nothing(tmp_path, monkeypatch, run):
    monkeypatch.chdir(tmp_path)
    run("init")
    before = (tmp_path / "data/entities.yaml").read_text("utf-8")
    result = run("add", str(PAGES / "amp.html"), "--dry-run")
    assert result.exit_code == 0
    assert result.output.startswith("---\ntitle: Harbor strike ends after 9 days\noutlet: The Harbor Times\n")
    assert result.output.endswith("less than half that amount.\n")
    assert not list((tmp_path / "data/articles").glob("*.md"))
    assert (tmp_path / "data/entities.yaml").read_text("utf-8") == before
