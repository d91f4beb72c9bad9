"""The hardening audit, case by case: each reproduction is the input, the located problem or the
safe output is the assertion (crashes, hangs and memory, then output channels)."""

from __future__ import annotations

import csv
import io
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ARTICLE, CLAIMS, ENTITIES, PROPOSITIONS, QUANTITY_CLAIM, STANCE_CLAIM, replace_once

CLAIMS_PATH = "data/claims/test-article.yaml"
HUGE = "1" + "0" * 309  # above the largest float (about 1.8e308)
# What a terminal acts on or shows out of order: ESC, C1 controls, bidi and zero-width characters.
FORBIDDEN_IN_TERMINAL = re.compile("[\x1b\x80-\x9f\u202a-\u202e\u2066-\u2069\u200b-\u200d\u2060\ufeff]")


def problems(run, *args: str) -> tuple[int, list[dict]]:
    result = run("check", "--format", "json", *args)
    assert "internal error" not in result.stderr
    return result.exit_code, json.loads(result.stdout)


def places(found: list[dict]) -> list[tuple[str, int, int, str]]:
    return [(p["path"], p["line"], p["column"], p["code"]) for p in found]


# --------------------------------------------------------------------------- 1. tags that do not fit


@pytest.mark.parametrize("tagged", ["!!bool maybe", "!!timestamp x"])
def test_a_tag_that_does_not_fit_its_value_is_a_located_problem(corpus, run, tagged):
    # STANCE_CLAIM line 4: '    quote: "Iran helped plot the attack"', the value at column 12.
    corpus.write("claims/test-article.yaml",
                 replace_once(STANCE_CLAIM, 'quote: "Iran helped plot the attack"', f"quote: {tagged}"))
    code, found = problems(run)
    assert code == 1
    assert places(found) == [(CLAIMS_PATH, 4, 12, "HR101")]
    assert found[0]["message"] == f"cannot read '{tagged.split()[1]}' as {tagged.split()[0]}"


# --------------------------------------------------------------------------- 2. huge integers


@pytest.mark.parametrize("value", [HUGE, f"{{low: {HUGE}, unit: USD/year}}", f"{{low: 1, high: {HUGE}, unit: USD/year}}"])
def test_an_integer_beyond_the_float_range_is_an_unreadable_value(corpus, run, value):
    # QUANTITY_CLAIM line 5: '    value: $30 million a month', the value at column 12.
    corpus.write("claims/test-article.yaml", replace_once(QUANTITY_CLAIM, "$30 million a month", value))
    code, found = problems(run)
    assert code == 1
    assert places(found) == [(CLAIMS_PATH, 5, 12, "HR405")]
    assert "the number is too large" in found[0]["message"]
    for command in (["claims"], ["compare", "funding"], ["show", "hamas-30m-month"], ["timeline"]):
        result = run(*command)
        assert result.exit_code == 0 and "internal error" not in result.stderr, command


# --------------------------------------------------------------------------- 3. unusable paths

LONG = "x" * 5000


def assert_one_line_error(result) -> None:
    assert result.exit_code == 2
    assert "internal error" not in result.stderr and "Traceback" not in result.stderr
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("hirel: ") and len(lines[0]) <= 410, lines


def test_a_path_too_long_for_the_system_is_a_one_line_error(corpus, run, monkeypatch):
    assert_one_line_error(run("--data", LONG, "topics"))
    assert_one_line_error(run("check", LONG))
    assert_one_line_error(run("check", f"data/claims/{LONG}.yaml"))
    monkeypatch.setenv("HIREL_DATA", LONG)
    result = run("topics")
    assert_one_line_error(result)
    assert "File name too long" in result.stderr


def test_a_data_directory_that_cannot_be_entered_is_a_one_line_error(corpus, run, monkeypatch):
    # As root the permission bits are not enforced: the refusal is simulated where it happens.
    original = Path.is_dir

    def is_dir(self):
        if "locked" in self.parts:
            raise PermissionError(13, "Permission denied", str(self))
        return original(self)

    monkeypatch.setattr(Path, "is_dir", is_dir)
    result = run("--data", "locked/inner/data", "topics")
    assert_one_line_error(result)
    assert "Permission denied" in result.stderr
    monkeypatch.chdir(corpus.root.parent)
    (corpus.root.parent / "locked" / "data").mkdir(parents=True)
    monkeypatch.chdir(corpus.root.parent / "locked" / "data")
    assert_one_line_error(run("topics"))  # the upward search meets the folder it cannot enter


@pytest.mark.skipif(os.geteuid() == 0, reason="root enters any folder")
def test_a_parent_folder_without_permission(corpus, run, tmp_path):
    locked = tmp_path / "locked"
    (locked / "inner").mkdir(parents=True)
    locked.chmod(0)
    try:
        assert_one_line_error(run("--data", str(locked / "inner" / "data"), "topics"))
    finally:
        locked.chmod(0o755)


# --------------------------------------------------------------------------- 4. registries that never end


def check_in_a_child(root: Path) -> subprocess.CompletedProcess:
    """`hirel check` in a child process, so that a hang fails the test instead of stalling it."""
    return subprocess.run([sys.executable, "-m", "hirel", "--data", str(root), "check", "--format", "json"],
                          capture_output=True, text=True, timeout=60, cwd=root.parent, check=False)


@pytest.mark.parametrize("registry", ["propositions.yaml", "entities.yaml"])
@pytest.mark.parametrize("kind", ["fifo", "dev-zero"])
def test_a_registry_that_is_not_a_regular_file_is_not_read(corpus, registry, kind):
    path = corpus.path(registry)
    path.unlink()
    if kind == "fifo":
        os.mkfifo(path)
    else:
        path.symlink_to("/dev/zero")
    result = check_in_a_child(corpus.root)
    assert result.returncode == 1, result.stderr
    found = json.loads(result.stdout)
    assert (f"data/{registry}", 1, 1, "HR108") in places(found)
    message = next(p["message"] for p in found if p["code"] == "HR108")
    assert message == f"{registry} is not a regular file; hirel does not read it"


# --------------------------------------------------------------------------- 5. long part_of chains


def entity_chain(n: int, cycle: bool) -> str:
    lines = [ENTITIES]
    for i in range(n):
        parent = f"Link {i + 1}" if i + 1 < n else ("Link 0" if cycle else None)
        lines.append(f"Link {i}:\n  part_of: [{parent}]\n" if parent else f"Link {i}: {{}}\n")
    return "".join(lines)


def test_a_part_of_chain_of_ten_thousand_entities(corpus, run):
    corpus.write("entities.yaml", entity_chain(10_000, cycle=False))
    assert problems(run) == (0, [])


def test_a_part_of_cycle_of_ten_thousand_entities(corpus, run):
    corpus.write("entities.yaml", entity_chain(10_000, cycle=True))
    code, found = problems(run)
    assert code == 1
    assert {p["code"] for p in found} == {"HR305"}
    assert len(found) == 10_000  # every entity of the cycle, none of the fixture's own
    assert found[0]["message"] == "'Link 0' is, through part_of, part of itself"


def test_cycles_are_found_exactly():
    from hirel.comparing.entities import EntityIndex
    from hirel.model import Entity, Loc

    def entity(name, *parents):
        return Entity(name=name, aliases=(), part_of=parents, loc=Loc("x"), description=None, locs={})

    index = EntityIndex([entity("a", "b"), entity("b", "c"), entity("c", "a"), entity("d", "a"),
                         entity("e", "e"), entity("f"), entity("g", "h", "unknown"), entity("h", "g")])
    assert index.cycles() == ["a", "b", "c", "e", "g", "h"]


# --------------------------------------------------------------------------- 6. long articles


def long_article(lines: int) -> str:
    body = "".join(f"Line {n:07d}: the ministry paid about {n % 900 + 10} million dollars that year.\n"
                   for n in range(lines))
    return "---\ntitle: A long article\noutlet: Example Times\n---\n" + body


def test_a_long_article_with_a_missing_quote_gets_the_closest_passage(corpus, run):
    corpus.write("articles/test-article.md", long_article(100_000))
    # Line 70,000 of the text (line 70,005 of the file) paid 70000 % 900 + 10 = 710 million dollars;
    # the quote says euros.
    corpus.write("claims/test-article.yaml", replace_once(
        STANCE_CLAIM, '"Iran helped plot the attack"', '"Line 0070000: the ministry paid about 710 million euros"'))
    code, found = problems(run)
    assert code == 1
    assert places(found) == [(CLAIMS_PATH, 4, 12, "HR501")]
    assert found[0]["hint"].startswith("closest passage, line 70005 (score ")
    assert found[0]["hint"].endswith('"Line 0070000: the ministry paid about 710 million"')


def test_the_approximate_search_of_a_text_too_long_is_bounded(monkeypatch):
    from hirel.rules import anchoring
    from hirel.rules.anchoring import ArticleText

    text = ArticleText(long_article(2_000).split("---\n", 2)[2], first_line=5)
    quote = "Line 0001500: the ministry paid about 610 million euros"
    assert text.searched_in_full(quote)
    full = text.closest(quote)
    monkeypatch.setattr(anchoring, "MAX_FUZZY_WORK", 1000)
    assert not text.searched_in_full(quote)
    near = text.closest(quote)  # only around the quote's rarest words ("0001500", "ministry", ...)
    assert (near.line, near.text, near.score) == (full.line, full.text, full.score)
    assert near.line == 1505 and near.text.startswith("Line 0001500: the ministry paid about 610 million")
    assert text.closest("zzzz qqqq wwww vvvv") is None  # no word of it occurs: nothing searched


def test_a_quote_not_found_in_a_text_too_long_to_search_says_so(corpus, run, monkeypatch):
    from hirel.rules import anchoring

    monkeypatch.setattr(anchoring, "MAX_FUZZY_WORK", 1000)
    corpus.write("claims/test-article.yaml", replace_once(
        STANCE_CLAIM, '"Iran helped plot the attack"', '"zzzz qqqq wwww vvvv"'))
    _code, found = problems(run)
    assert places(found) == [(CLAIMS_PATH, 4, 12, "HR501")]
    assert found[0]["hint"].startswith("too long to search: ")


def test_passages_map_back_to_the_text_across_chunks(monkeypatch):
    """Long texts are normalized a chunk of lines at a time; offsets and lines stay exact."""
    from hirel.rules import anchoring
    from hirel.rules.anchoring import ArticleText

    monkeypatch.setattr(anchoring, "_CHUNK", 16)
    body = "First  line,\n\n“Second” line\u00a0here.\n\u200b\nThird—line  ends\nhere."
    text = ArticleText(body, first_line=8)
    assert text.normalized == "first line, \"second\" line here. third-line ends here."
    [passage] = text.find('line here. Third-line ends')
    assert (passage.line, passage.text) == (10, "line\u00a0here.\n\u200b\nThird—line  ends")
    assert [(p.line, p.text) for p in text.find("HERE.")] == [(10, "here."), (13, "here.")]


# --------------------------------------------------------------------------- 7. CSV formula injection

FORMULA = '=HYPERLINK("http://evil.example","CLICK")'


@pytest.fixture
def formulas(corpus):
    corpus.write("entities.yaml", ENTITIES + f"'{FORMULA}': {{}}\n'@SUM(A1)': {{}}\n")
    corpus.write("propositions.yaml", PROPOSITIONS.replace(
        "text: Iran knew of the attack in advance", "text: '+cmd|calc'"))
    corpus.write("claims/test-article.yaml", CLAIMS.replace(
        "claimant: unnamed Hamas source", f"claimant: '{FORMULA}'").replace(
        "claimant: Biden administration", "claimant: '@SUM(A1)'"))
    return corpus


CSV_COMMANDS = [["claims"], ["show", "wsj-plot"], ["compare", "foreknowledge"], ["propositions"], ["timeline"],
                ["matrix", "foreknowledge"], ["sources"], ["topics"]]


def csv_cells(text: str) -> list[str]:
    return [cell for row in csv.reader(io.StringIO(text)) for cell in row]


@pytest.mark.parametrize("command", CSV_COMMANDS, ids=lambda c: c[0])
def test_no_csv_cell_starts_a_formula(formulas, run, command):
    result = run(*command, "--format", "csv")
    assert result.exit_code == 0, result.stderr
    cells = csv_cells(result.stdout)
    assert not [c for c in cells if c[:1] in ("=", "+", "@", "\t", "\r")]
    assert not [c for c in cells if c.startswith("-") and not c[1:2].isdigit()]


def test_csv_neutralizes_with_a_quote_and_raw_csv_turns_it_off(formulas, run):
    cells = csv_cells(run("claims", "--format", "csv").stdout)
    assert "'" + FORMULA in cells and "'@SUM(A1)" in cells
    raw = csv_cells(run("--raw-csv", "claims", "--format", "csv").stdout)
    assert FORMULA in raw and "@SUM(A1)" in raw
    assert "'" + FORMULA not in raw


def test_csv_cell_rules():
    from hirel.output.render import csv_cell

    assert [csv_cell(v, neutralize=True) for v in
            ["=1+1", "+1 (555)", "-x", "@x", " =1", "\t=1", "\r=1", "-5", "-30%", "+2.5", "1,000", "ok", 7, None]] == \
        ["'=1+1", "'+1 (555)", "'-x", "'@x", "'=1", "'=1", "'=1", "-5", "-30%", "+2.5", "1,000", "ok", 7, ""]
    assert csv_cell("=1+1", neutralize=False) == "=1+1"


# --------------------------------------------------------------------------- 8. bidi and zero-width characters

RLO, ZWSP = "\u202e", "\u200b"


@pytest.fixture
def hidden(corpus):
    corpus.write("entities.yaml", ENTITIES + f"'Evil{ZWSP} Corp': {{}}\n")
    corpus.write("articles/test-article.md", ARTICLE + f"Tehran says {RLO}gnihton{RLO} at all.\n")
    corpus.write("claims/test-article.yaml", CLAIMS + f"""\
  - id: hidden-text
    proposition: iran-foreknowledge
    quote: "Tehran says {RLO}gnihton"
    claimant: "Evil\\u200b Corp"
    stance: refutes
""")
    return corpus


def test_check_warns_about_hidden_characters_where_they_are(hidden, run):
    code, found = problems(run)
    assert code == 0
    # entities.yaml line 20 (after ENTITIES' 19 lines): 'Evil<ZWSP> Corp', the key at column 1;
    # the article's line 13 (after its 12 lines), column 13 after "Tehran says "; CLAIMS has 27
    # lines: the new claim's quote on line 30 (value at column 12), its claimant on line 31
    # (column 15).
    assert places(found) == [
        ("data/articles/test-article.md", 13, 13, "HR109"),
        (CLAIMS_PATH, 30, 12, "HR109"),
        (CLAIMS_PATH, 31, 15, "HR109"),
        ("data/entities.yaml", 20, 1, "HR109"),
    ]
    assert all(p["severity"] == "warning" for p in found)
    assert "U+202E" in found[0]["message"] and "U+200B" in found[3]["message"]


@pytest.mark.parametrize("fmt", ["table", "csv", "markdown"])
@pytest.mark.parametrize("command", [["claims"], ["show", "hidden-text"], ["compare", "foreknowledge"]],
                         ids=lambda c: c[0])
def test_hidden_characters_are_visible_in_human_formats(hidden, run, command, fmt):
    out = run(*command, "--format", fmt).stdout
    assert RLO not in out and ZWSP not in out
    assert "⟨U+200B⟩" in out  # in the claimant's name
    if (command[0], fmt) != ("compare", "csv"):  # compare's CSV rows are findings, without quotes
        assert "⟨U+202E⟩" in out


def test_hidden_characters_stay_escaped_in_json(hidden, run):
    out = run("show", "hidden-text", "--format", "json").stdout
    assert RLO not in out and ZWSP not in out
    assert "\\u202e" in out and "\\u200b" in out
    assert json.loads(out)["claim"]["claimant"] == f"Evil{ZWSP} Corp"


def test_a_hidden_character_in_a_file_name_is_visible(corpus, run):
    corpus.write(f"claims/test{RLO}-article.yaml", "claims: []\n")
    for fmt in ("text", "github"):
        out = run("check", "--format", fmt).stdout
        assert RLO not in out and "⟨U+202E⟩" in out


def test_many_hidden_characters_are_reported_twenty_times_at_most(corpus, run):
    corpus.write("articles/test-article.md", ARTICLE + "".join(f"x{RLO}y\n" for _ in range(30)))
    _code, found = problems(run)
    assert len(found) == 20
    assert found[-1]["message"].endswith("; 10 more place(s) in this file hold such characters")
    corpus.write("claims/test-article.yaml", "claims:\n" + "".join(f"  - note: 'x{ZWSP}y'\n" for _ in range(25)))
    _code, found = problems(run)
    hidden = [p for p in found if p["code"] == "HR109" and p["path"] == CLAIMS_PATH]
    assert len(hidden) == 20 and hidden[-1]["message"].endswith("; 5 more place(s) in this file hold such characters")


def test_zero_width_characters_in_an_article_text_are_not_reported(corpus, run):
    # Text copied from the web keeps them (hirel add is verbatim); quote matching ignores them.
    corpus.write("articles/test-article.md", ARTICLE + f"Tehran{ZWSP} said{chr(0x2060)} nothing.\n")
    assert problems(run) == (0, [])
    assert "Tehran⟨U+200B⟩ said⟨U+2060⟩ nothing." in run("show", "wsj-plot").stdout


# --------------------------------------------------------------------------- 9. GitHub annotations


def test_github_annotations_drop_escape_sequences_in_file_names(corpus, run):
    corpus.write("claims/a\x1b[31mb.yaml", "claims: []\n")
    out = run("check", "--format", "github").stdout
    assert "\x1b" not in out
    assert "::error file=data/claims/ab.yaml,line=1,col=1,title=HR106::" in out  # the sequence removed


# --------------------------------------------------------------------------- 10. links out of the data directory

SECRET = "token-5f3c9a-do-not-print"


def test_a_link_that_leaves_the_data_directory_is_not_read(corpus, run, tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text(f"---\ntitle: x\noutlet: Example Times\n---\n{SECRET}\n")
    corpus.path("articles/test-article.md").unlink()
    corpus.path("articles/test-article.md").symlink_to(secret)
    (tmp_path / "claims-elsewhere.yaml").write_text(f"claims:\n  - id: x\n    quote: {SECRET}\n")
    corpus.path("claims/linked.yaml").symlink_to(tmp_path / "claims-elsewhere.yaml")
    result = run("check", "--format", "json")
    assert SECRET not in result.stdout
    found = json.loads(result.stdout)
    assert ("data/articles/test-article.md", 1, 1, "HR108") in places(found)
    assert ("data/claims/linked.yaml", 1, 1, "HR108") in places(found)
    assert "a link that leaves the data directory" in found[0]["message"]
    for command in (["check"], ["show", "wsj-plot"], ["claims", "--format", "json"], ["sources"]):
        assert SECRET not in run(*command).stdout


def test_a_link_inside_the_data_directory_is_read(corpus, run):
    corpus.path("articles/test-article.md").rename(corpus.path("original.md"))
    corpus.path("articles/test-article.md").symlink_to(corpus.path("original.md"))
    assert problems(run) == (0, [])


# --------------------------------------------------------------------------- 11. ids ending in a newline


@pytest.mark.parametrize("where, text, place", [
    ("claims/test-article.yaml", replace_once(STANCE_CLAIM, "id: wsj-plot", 'id: "wsj-plot\\n"'),
     (CLAIMS_PATH, 2, 9)),
    ("propositions.yaml", PROPOSITIONS.replace("  foreknowledge: Whether", '  "foreknowledge\\n": Whether'),
     ("data/propositions.yaml", 3, 3)),
    ("propositions.yaml", PROPOSITIONS.replace("  iran-foreknowledge:\n", '  "iran-foreknowledge\\n":\n'),
     ("data/propositions.yaml", 12, 3)),
])
def test_an_id_ending_in_a_newline_is_not_an_id(corpus, run, where, text, place):
    corpus.write(where, text)
    code, found = problems(run)
    assert code == 1
    assert place + ("HR204",) in places(found)


# --------------------------------------------------------------------------- 12. Markdown stays inert

LIVE = 'Iran <b>said</b> [click](http://evil.example) ![img](http://evil.example/x.png) `code` www.evil.example &#x202E;'


@pytest.fixture
def live_markdown(corpus):
    corpus.write("articles/test-article.md", ARTICLE + LIVE + "\n")
    corpus.write("claims/test-article.yaml", CLAIMS + f"""\
  - id: live-markdown
    proposition: iran-foreknowledge
    quote: '{LIVE}'
    stance: refutes
    note: '<script>alert(1)</script> | a cell'
""")
    return corpus


@pytest.mark.parametrize("command", [["claims"], ["show", "live-markdown"], ["compare", "foreknowledge"]],
                         ids=lambda c: c[0])
def test_markdown_output_escapes_html_and_links(live_markdown, run, command):
    out = run(*command, "--format", "markdown").stdout
    for live in ("<b>", "</b>", "[click](", "![img]", "`code`", "<script>", " &#x202E;", "http://", "www.evil"):
        assert live not in out, live
    assert "\\<b\\>said\\</b\\>" in out and "\\[click\\](http\\://evil.example)" in out
    assert "\\&#x202E;" in out  # shows as the text &#x202E;, not as the character
    for line in out.splitlines():
        if line.startswith("|"):  # a table row: its cells intact
            assert line.endswith("|")


def test_markdown_text_rules():
    from hirel.output.render import markdown_text

    assert markdown_text("a|b <i> [x](y) *s* _u_ \\ & ~t~") == "a\\|b \\<i\\> \\[x\\](y) \\*s\\* \\_u\\_ \\\\ \\& \\~t\\~"
    assert markdown_text("# not a heading") == "\\# not a heading"
    assert markdown_text("see https://x.example or www.x.example") == "see https\\://x.example or www\\.x.example"
    assert markdown_text("line\nbreak\x1b[31m red") == "line break red"


# --------------------------------------------------------------------------- 13. hirel value's messages


def test_value_sanitizes_and_shortens_its_message(run):
    result = run("value", "\x1b[31mred\x1b]0;title\x07 \u202eamount")
    assert result.exit_code == 1
    assert "\x1b" not in result.stderr and "\x07" not in result.stderr and "\u202e" not in result.stderr
    assert "⟨U+202E⟩" in result.stderr
    result = run("value", "lots " * 20_000)
    assert result.exit_code == 1
    assert len(result.stderr) < 450 and result.stderr.count("\n") == 1
    assert "no number found" in result.stderr  # the reason survives the shortening of the phrase


# --------------------------------------------------------------------------- 14. errors at the end of a file


@pytest.mark.parametrize("text, place", [
    ("claims:\n  - id: [x", (2, 11)),     # no final newline: the end of the last line
    ("claims:\n  - id: [x\n", (3, 1)),    # after the final newline: the empty last line
])
def test_a_syntax_error_at_the_end_of_a_file_is_on_its_last_line(corpus, run, text, place):
    corpus.write("claims/test-article.yaml", text)
    _code, found = problems(run)
    assert places(found) == [(CLAIMS_PATH, *place, "HR101")]


def test_paste_ready_yaml_escapes_what_a_terminal_would_act_on(hidden, run):
    import yaml

    from hirel.authoring.stubs import entity_stub, quoted

    result = run("quote", "test-article", "Tehran says gnihton")
    assert result.exit_code == 0, result.output
    assert RLO not in result.stdout and '"Tehran says \\u202egnihton' in result.stdout
    stub = entity_stub(f"Evil{RLO} Corp", ["a\x9bb"])
    assert not FORBIDDEN_IN_TERMINAL.search(stub)
    assert yaml.safe_load(stub) == {f"Evil{RLO} Corp": {"aliases": ["a\x9bb"]}}  # the same names
    assert yaml.safe_load(quoted(f"x{ZWSP}\x85y")) == f"x{ZWSP}\x85y"
