"""read_metadata on page fragments: which source wins for each field, and broken metadata."""

from __future__ import annotations

import pytest

from hirel.authoring.extract import restore_verbatim
from hirel.authoring.metadata import clean_author, read_metadata


def page(head: str, body: str = "") -> str:
    return f"<html><head>{head}</head><body>{body}</body></html>"


CASES = [
    # JSON-LD wins over Open Graph for title and date; Open Graph's site name wins
    (page('<meta property="og:title" content="OG title"><meta property="og:site_name" content="OG Site">'
          '<meta property="article:published_time" content="2020-01-02">'
          '<script type="application/ld+json">{"@type": "NewsArticle", "headline": "LD title", '
          '"datePublished": "2020-01-03", "publisher": {"name": "LD Site"}}</script>'),
     {"title": "LD title", "published": "2020-01-03", "published_from": "json-ld", "site_name": "OG Site", "kind": "news"}),
    # a broken JSON-LD block is skipped; the other sources remain
    (page('<script type="application/ld+json">{"@type": "NewsArticle", </script>'
          '<meta property="og:title" content="OG title"><meta name="date" content="March 5, 2024">'),
     {"title": "OG title", "published": "2024-03-05", "published_from": "meta", "kind": None}),
    # @type as a list; authors as strings; the publisher's name for a missing site name
    (page('<script type="application/ld+json">[{"@type": ["ReportageNewsArticle", "NewsArticle"], '
          '"headline": "T", "author": ["Ann Lee", "Bo Chen"], "publisher": {"@type": "Organization", '
          '"name": "Daily"}}]</script>'),
     {"title": "T", "author": "Ann Lee, Bo Chen", "site_name": "Daily", "kind": "news", "published": None}),
    # <title> with the site's name stripped; a byline 'By …'; <time> marked as published
    (page('<title>Big news | Daily Star</title><meta name="application-name" content="Daily Star">',
          '<span class="byline">By  Sam Poe</span><time datetime="2019-08-22T10:00" itemprop="datePublished">'
          'Aug 22</time><time datetime="2019-09-01">updated</time>'),
     {"title": "Big news", "author": "Sam Poe", "published": "2019-08-22", "published_from": "time", "site_name": "Daily Star"}),
    # an unmarked <time> is not the publication date (it may be any date in the text)
    (page("<title>T</title>", '<time datetime="2019-09-01">Sept 1</time>'), {"published": None}),
    # a page that says nothing about itself: no site name, address or date is made up
    (page("<title>T</title>", ""), {"site_name": None, "url": None, "published": None}),
]


@pytest.mark.parametrize("html, expected", CASES)
def test_metadata_sources(html, expected):
    meta = read_metadata(html)
    for field, value in expected.items():
        assert getattr(meta, field) == value, field


def test_fetched_address_fills_what_the_page_lacks():
    meta = read_metadata(page("<title>T</title>"), url="https://www.example.org/2022/10/05/story")
    assert (meta.url, meta.site_name, meta.published, meta.published_from) == (
        "https://www.example.org/2022/10/05/story", "example.org", "2022-10-05", "url")


@pytest.mark.parametrize("text, expected", [
    ("By Jane Roe", "Jane Roe"),
    ("by: Jane Roe | Staff", "Jane Roe"),
    ("https://facebook.com/someone", None),
    ("", None),
])
def test_clean_author(text, expected):
    assert clean_author(text) == expected


def test_restore_verbatim_keeps_the_pages_characters():
    page_text = "Intro\n\n  The “fee”\u00a0rose  by 5\u202f%\n   today.\n\nOther"
    # what an extractor returns: spaces tidied, quotes kept, NFC applied
    restored, found = restore_verbatim(["The “fee” rose by 5 % today.", "Not in the page."], page_text)
    assert restored == ["The “fee”\u00a0rose by 5\u202f% today.", "Not in the page."]
    assert found == 1


def test_untrusted_page_text_is_inert_in_add_output(tmp_path, monkeypatch, run):
    monkeypatch.chdir(tmp_path)
    run("init")
    source = tmp_path / "evil.html"
    source.write_text(page('<meta property="og:title" content="Hack \x1b[31mred[/bold] title">'
                           '<meta property="og:site_name" content="Evil [bold]Site">',
                           "<article><p>Some real article text that is long enough to be an article "
                           "body for the extractor, with \x1b]0;title\x07 escapes inside.</p></article>"),
                      encoding="utf-8")
    result = run("add", str(source))
    assert result.exit_code == 0, result.output
    assert "\x1b" not in result.output and "\x07" not in result.output
    assert "[bold]" in result.output  # shown as written, not interpreted


@pytest.mark.parametrize("data, declared, expected", [
    ('<meta charset="windows-1252"><p>café “quoted”</p>'.encode("cp1252"), None, "café “quoted”"),
    ("<p>café</p>".encode(), None, "café"),
    ("\ufeff<p>café</p>".encode("utf-8"), None, "café"),
    ("<p>café</p>".encode("latin-1"), "latin-1", "café"),
    (b"<p>caf\xe9</p>", None, "caf\ufffd"),  # undeclared and not UTF-8: replaced, not refused
])
def test_decode_page(data, declared, expected):
    from hirel.authoring.fetch import decode_page

    assert expected in decode_page(data, declared)
