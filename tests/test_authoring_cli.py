"""`hirel init`, `hirel quote`, `hirel entities [--unknown]`, and the HR302 hint's stub."""

from __future__ import annotations

import yaml

from conftest import parse_json

# --- init ----------------------------------------------------------------------------------------

def test_init_makes_a_corpus_that_passes_check(tmp_path, monkeypatch, run):
    monkeypatch.chdir(tmp_path)
    result = run("init", "corpus")
    assert result.exit_code == 0, result.output
    root = tmp_path / "corpus"
    for name in ("data/propositions.yaml", "data/entities.yaml", "data/articles/.gitkeep", "data/claims/.gitkeep",
                 ".pre-commit-config.yaml", "schemas/claims.json", "schemas/entities.json"):
        assert (root / name).is_file(), name
    assert result.output.endswith("next: cd corpus && hirel add PAGE.html (or a URL), then hirel check\n")
    monkeypatch.chdir(root)
    check = run("check")
    assert check.exit_code == 0 and "no problems" in check.output
    hook = yaml.safe_load((root / ".pre-commit-config.yaml").read_text("utf-8"))
    assert hook["repos"][0]["hooks"][0]["entry"] == "hirel check"
    assert hook["repos"][0]["hooks"][0]["files"] == "^data/"


def test_init_templates_show_every_field_and_a_modeline(tmp_path, monkeypatch, run):
    from hirel.loading import fields as F

    monkeypatch.chdir(tmp_path)
    run("init")
    propositions = (tmp_path / "data/propositions.yaml").read_text("utf-8")
    entities = (tmp_path / "data/entities.yaml").read_text("utf-8")
    assert propositions.startswith("# yaml-language-server: $schema=../schemas/propositions.json\n")
    assert entities.startswith("# yaml-language-server: $schema=../schemas/entities.json\n")
    for spec in F.PROPOSITION_FIELDS + F.CLAIM_FIELDS:
        assert f"#     {spec.name}: " in propositions or f"#   - {spec.name}: " in propositions, spec.name
    for spec in F.ENTITY_FIELDS:
        assert f"#   {spec.name}: " in entities, spec.name
    # the commented examples are valid YAML once uncommented
    lines = propositions.split("\n")

    def uncommented(first: str) -> dict:
        start = lines.index(first)
        end = next(i for i in range(start, len(lines)) if lines[i] in ("#", ""))
        return yaml.safe_load("\n".join(line[2:] for line in lines[start:end]))

    example = uncommented("# topics:")
    assert example["propositions"]["port-subsidy-per-year"]["kind"] == "quantity"
    assert set(uncommented("# claims:")["claims"][0]) == {spec.name for spec in F.CLAIM_FIELDS}


def test_init_refuses_to_overwrite(tmp_path, monkeypatch, run):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "entities.yaml").write_text("Mine: {}\n", encoding="utf-8")
    result = run("init")
    assert result.exit_code == 2
    assert result.output == ("hirel: data/entities.yaml already exists; hirel init never overwrites "
                             "(choose an empty directory)\n")
    assert (tmp_path / "data/entities.yaml").read_text("utf-8") == "Mine: {}\n"
    assert not (tmp_path / "data/propositions.yaml").exists()  # nothing written at all


def test_init_on_a_file_is_an_error(tmp_path, monkeypatch, run):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "taken").write_text("x", encoding="utf-8")
    result = run("init", "taken")
    assert result.exit_code == 2 and result.output == "hirel: taken exists and is not a directory\n"


# --- quote -----------------------------------------------------------------------------------------

def test_quote_exact(corpus, run):
    result = run("quote", "test-article", "hamas receives \"$30 million monthly\" from tehran")
    assert result.exit_code == 0
    assert result.output == ("data/articles/test-article.md:9: exact\n"
                             "quote: \"Hamas receives “$30 million monthly” from Tehran\"\n")


def test_quote_closest_with_differences(corpus, run):
    result = run("quote", "test-article", "Iran gives about $100 million each year to Palestinian militant groups")
    assert result.exit_code == 0
    lines = result.output.split("\n")
    assert lines[0].startswith("data/articles/test-article.md:8: score ")
    # the clause's comma after 'groups' is left out
    assert lines[1] == "quote: \"Iran provides about $100 million annually to Palestinian militant groups\""
    assert lines[2] == ("differs: Iran [-gives] [+provides] about $100 million [-each] [-year] [+annually] to "
                        "Palestinian militant groups")


def test_quote_nothing_close(corpus, run):
    result = run("quote", "test-article", "zebras migrate across the savanna in vast herds every spring")
    assert result.exit_code == 1
    assert result.output == "hirel: no passage of test-article is close to that text\n"
    assert run("quote", "nope", "x").exit_code == 2


# --- entities ----------------------------------------------------------------------------------

def test_entities_lists_uses(corpus, run):
    data = parse_json(run("entities", "--format", "json").output)
    by_name = {e["name"]: e for e in data}
    # claims using each entity, by hand from conftest.CLAIMS: claimant, via or scope; a claim without
    # claimant is the outlet's (hamas-30m-month, founded-1987 -> Example Times)
    assert by_name["U.S. Department of State"] == {"name": "U.S. Department of State", "aliases": ["State Department"],
                                                   "part_of": ["U.S. government"], "claims": 1, "articles": 0}
    assert by_name["The Wall Street Journal"]["claims"] == 1
    assert by_name["Palestinian militant groups"]["claims"] == 1
    assert by_name["Example Times"]["claims"] == 2 and by_name["Example Times"]["articles"] == 1
    assert by_name["Iran"]["claims"] == 0
    table = run("entities")
    assert table.exit_code == 0 and "U.S. Department of State" in table.output


def test_entities_unknown_groups_spellings(corpus, run):
    corpus.write("claims/test-article.yaml", """\
claims:
  - id: a
    proposition: iran-foreknowledge
    quote: "Iran helped plot the attack"
    claimant: Ismail Haniyeh
    stance: supports
  - id: b
    proposition: iran-foreknowledge
    quote: "The Biden administration says it has no intelligence showing Iranian involvement"
    claimant: Ismail Haniya
    via: [Reuters]
    stance: refutes
  - id: c
    proposition: hamas-founded
    quote: "Hamas was founded in 1987"
    claimant: Ismail Haniyeh
    value: "1987"
  - id: d
    proposition: iran-foreknowledge
    quote: "Iran helped plot the attack"
    claimant: Biden
    via: [Iraq]
    stance: supports
  - id: e
    proposition: iran-foreknowledge
    quote: "Iran helped plot the attack"
    claimant: Biden White House
    stance: supports
""")
    result = run("entities", "--unknown")
    assert result.exit_code == 0
    stubs = yaml.safe_load(result.output)
    # two spellings of one name: the one used most names the stub, the other is an alias
    # but a name inside another ('Biden') and a close country ('Iraq' for 'Iran', an entity) are not
    assert stubs == {"Ismail Haniyeh": {"aliases": ["Ismail Haniya"]}, "Reuters": {}, "Biden": {}, "Iraq": {},
                     "Biden White House": {}}
    assert result.output.startswith("# 5 name(s) used but not in entities.yaml; check the grouped spellings\n")
    assert "# claimant at data/claims/test-article.yaml:5, claimant at data/claims/test-article.yaml:10, " \
           "claimant at data/claims/test-article.yaml:16\n" in result.output
    # pasted into entities.yaml, the corpus passes
    with corpus.path("entities.yaml").open("a", encoding="utf-8") as stream:
        stream.write(result.output)
    assert run("check").exit_code == 0
    assert run("entities", "--unknown").output == "hirel: every name used is in entities.yaml\n"  # on stderr


def test_hr302_hint_shows_the_stub(corpus, run):
    corpus.write("claims/test-article.yaml", """\
claims:
  - id: a
    proposition: iran-foreknowledge
    quote: "Iran helped plot the attack"
    claimant: "Zhou: Enlai"
    stance: supports
""")
    result = run("check")
    assert result.exit_code == 1
    assert ("data/claims/test-article.yaml:5:15: HR302 unknown claimant 'Zhou: Enlai': not an entity or alias in "
            "entities.yaml\n    hint: add it to entities.yaml (with its aliases): 'Zhou: Enlai': {}\n") in result.output


def test_entities_plain_formats(corpus, run):
    csv_out = run("entities", "--format", "csv").output.split("\n")
    assert csv_out[0] == "entity,aliases,part of,claims,articles"
    assert "U.S. Department of State,State Department,U.S. government,1,0" in csv_out
    markdown = run("entities", "--format", "markdown").output
    assert markdown.startswith("| entity | aliases | part of | claims | articles |\n")


def test_quote_that_occurs_twice(corpus, run):
    corpus.write("articles/twice.md", "---\ntitle: T\noutlet: Example Times\n---\nIran paid.\nThen Iran paid.\n")
    result = run("quote", "twice", "iran paid")
    assert result.output.split("\n")[0] == ("data/articles/twice.md:5: exact, 2 occurrences (this is the first; "
                                            "lengthen the quote to name one)")


def test_init_keeps_a_projects_own_pre_commit_config(tmp_path, monkeypatch, run):
    monkeypatch.chdir(tmp_path)
    (tmp_path / ".pre-commit-config.yaml").write_text("repos: []\n", encoding="utf-8")
    result = run("init")
    assert result.exit_code == 0
    assert "kept your .pre-commit-config.yaml: add the hirel-check hook to it (see docs/authoring.md)\n" in result.output
    assert (tmp_path / ".pre-commit-config.yaml").read_text("utf-8") == "repos: []\n"
    assert (tmp_path / "data/propositions.yaml").exists() and (tmp_path / ".editorconfig").exists()
