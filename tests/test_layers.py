"""Loading loads, the structure rules check, the loader puts them in order: the layers as the
imports show them, and each layer on its own."""

from __future__ import annotations

import ast
from pathlib import Path

from hirel.loading.build import CorpusBuilder, entity_from
from hirel.loading.claimsfile import claim_from, read_claims
from hirel.loading.yamlfile import load_yaml
from hirel.rules.documents import article_fields, claim_records
from hirel.rules.registrydocs import entity_records, proposition_records

LOADING = Path(__file__).resolve().parents[1] / "src" / "hirel" / "loading"
# The orchestration: loader.py for every run; incremental.py (check) and corpuscache.py (the other
# commands) for a run with a cache, which put the same cross-file checks in the same order.
ORCHESTRATION = {"loader.py", "incremental.py", "corpuscache.py", "usedtwice.py"}  # (usedtwice: the cached check's ids used twice)


def imported(path: Path) -> set[str]:
    """Every module ``path`` imports, relative imports spelled from the package `hirel`."""
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            base = "hirel.loading" if node.level == 1 else "hirel" if node.level == 2 else ""
            module = ".".join(part for part in (base, node.module or "") if part)
            names.add(module)
            names.update(f"{module}.{alias.name}" for alias in node.names)
        elif isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
    return names


def test_only_the_orchestration_calls_the_structure_rules():
    modules = sorted(LOADING.glob("*.py"))
    assert {path.name for path in modules} >= {"loader.py", "build.py", "claimsfile.py", "yamlfile.py"}
    callers = {path.name for path in modules if any(name.startswith("hirel.rules.structure") for name in imported(path))}
    assert callers <= ORCHESTRATION
    assert "loader.py" in callers


def test_the_builders_import_no_rules_at_all():
    for name in ("build.py", "claimsfile.py", "yamltypes.py"):
        rules = {module for module in imported(LOADING / name) if module.startswith("hirel.rules")}
        assert rules == set(), name


def test_the_rules_say_which_claims_are_usable_and_the_builder_builds_them():
    document, problems = load_yaml(
        "claims:\n"
        "  - id: good\n"
        "    proposition: p\n"
        "    quote: \"q\"\n"
        "    via: [A, B]\n"
        "  - id: no-quote\n"
        "    proposition: p\n"
        "  - just text\n", "c.yaml")
    assert problems == []
    records = list(claim_records(document, "c.yaml", problems))
    assert [(p.line, p.code) for p in problems] == [(6, "HR202"), (8, "HR201")]
    assert [record.values["id"] for record in records] == ["good"]
    item, values, locs = records[0]
    claim = claim_from(item, values, locs, "article")
    assert (claim.id, claim.article, claim.proposition, claim.quote, claim.via) == ("good", "article", "p", "q", ("A", "B"))
    assert claim.loc_of("quote").line == 4 and claim.locs["via.1"].column == 14  # "    via: [A, " is 13 characters
    assert claim.loc_of("note") == claim.loc  # not written: where the claim starts


def test_registries_and_front_matter_validated_before_anything_is_built():
    problems: list = []
    assert entity_records(load_yaml("- a list\n", "e.yaml")[0], "e.yaml", problems) is None
    assert [p.code for p in problems] == ["HR201"]
    problems = []
    records = entity_records(load_yaml("Acme:\n  aliases: [ACME]\nOther:\n  aliases: [acme]\n", "e.yaml")[0],
                             "e.yaml", problems)
    assert [(p.line, p.code) for p in problems] == [(4, "HR205")]  # the alias already names Acme
    assert [(r.name, r.aliases) for r in records] == [("Acme", ("ACME",)), ("Other", ())]
    corpus = CorpusBuilder(root=Path("."))
    for name, loc, (body, values, locs), aliases in records:
        corpus.entities.add(entity_from(name, loc, body, values, locs, aliases))
    assert corpus.entities.resolve("ACME") == "Acme"
    problems = []
    found = proposition_records(load_yaml("topics:\n  t: A topic\npropositions:\n  p:\n    topic: u\n"
                                          "    text: P\n    kind: stance\n", "p.yaml")[0], "p.yaml", problems)
    assert [(p.line, p.code) for p in problems] == [(5, "HR303")]  # unknown topic u
    assert [t.id for t in found.topics] == ["t"] and found.declared == ["p"] and [p.id for p in found.propositions] == ["p"]
    problems = []
    values, _locs = article_fields(None, False, "a.md", "", 4, problems)
    assert values == {} and [(p.line, p.code) for p in problems] == [(1, "HR107"), (3, "HR208")]


def test_read_claims_keeps_its_signature(tmp_path: Path):
    path = tmp_path / "a.yaml"
    path.write_text("claims:\n  - id: x\n    proposition: p\n    quote: \"q\"\n", encoding="utf-8")
    claims, problems = read_claims(path, "a.yaml", "a", None)
    assert problems == [] and [c.id for c in claims] == ["x"]
    claims, problems = read_claims(path, "a.yaml", "a", path.read_bytes())
    assert [c.id for c in claims] == ["x"]
