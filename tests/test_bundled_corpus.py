"""Guards for the bundled corpus in data/: the seed texts, the quotes, the names, the counts.

Deliberately independent of hirel's own modules (only pyyaml and the standard library), so it
keeps guarding the data while the package changes, and it asserts no comparison verdicts.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import pytest
import yaml

REPO = Path(__file__).resolve().parents[1]
DATA = REPO / "data"
# The seed texts the bundled articles were made from, verbatim, as received.
SEEDS = Path(__file__).resolve().parent / "seeds"

# Whole lines of pure site chrome left out of the article bodies, by seed file prefix.
DROPPED_CHROME = {
    "001": {"Skip to main content", "Recommended Articles"},
    "003": {"Creating new perspectives since 2009"},
}

REQUIRED_TOPICS = {
    "funding", "foreknowledge", "arms", "training", "syria-rift", "reconciliation", "meetings",
    "axis-of-resistance", "regional-states",
}
MIN_CLAIMS, MIN_CLAIMS_PER_ARTICLE, MIN_PROPOSITIONS = 60, 6, 15

# The quote normalization of the data contract: case, typographic quotes and apostrophes,
# dash kinds, non-breaking and repeated whitespace; nothing else.
_FOLD = str.maketrans({
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"',
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2015": "-",
    "\u2212": "-",
})


def normalize(text: str) -> str:
    return re.sub(r"\s+", " ", text.translate(_FOLD)).strip().casefold()


def name_key(name: str) -> str:
    return " ".join(str(name).split()).casefold()


@cache
def articles() -> dict[str, tuple[dict, str]]:
    """article id -> (front matter, body), split on the `---` lines by hand."""
    out = {}
    for path in sorted((DATA / "articles").glob("*.md")):
        lines = path.read_text(encoding="utf-8").split("\n")
        assert lines[0] == "---", f"{path.name}: no front matter"
        end = lines.index("---", 1)
        out[path.stem] = (yaml.safe_load("\n".join(lines[1:end])), "\n".join(lines[end + 1:]))
    return out


@cache
def claims_by_article() -> dict[str, list[dict]]:
    return {
        path.stem: yaml.safe_load(path.read_text(encoding="utf-8"))["claims"]
        for path in sorted((DATA / "claims").glob("*.yaml"))
    }


@cache
def propositions() -> dict:
    return yaml.safe_load((DATA / "propositions.yaml").read_text(encoding="utf-8"))


@cache
def entity_names() -> set[str]:
    entities = yaml.safe_load((DATA / "entities.yaml").read_text(encoding="utf-8"))
    names = set()
    for name, fields in entities.items():
        names.add(name_key(name))
        names.update(name_key(alias) for alias in (fields or {}).get("aliases") or [])
    return names


def seed_paths() -> list[Path]:
    return sorted(SEEDS.glob("*.txt"))


def seed_without_chrome(path: Path) -> str:
    dropped = DROPPED_CHROME.get(path.name.split("_", 1)[0], set())
    lines = path.read_text(encoding="utf-8").split("\n")
    return "\n".join(line for line in lines if line not in dropped).strip("\n")


@pytest.mark.parametrize("seed", seed_paths(), ids=lambda p: p.name)
def test_seed_is_verbatim_in_exactly_one_article(seed: Path) -> None:
    text = seed_without_chrome(seed)
    holders = [aid for aid, (_front, body) in articles().items() if text in body]
    assert len(holders) == 1, f"{seed.name} is verbatim in {holders or 'no article'}"


def test_every_seed_has_an_article() -> None:
    assert len(articles()) == len(seed_paths())


def test_front_matter_has_title_and_known_outlet() -> None:
    for aid, (front, _body) in articles().items():
        assert re.fullmatch(r"[a-z0-9][a-z0-9-]*", aid)
        assert front.get("title"), aid
        assert name_key(front.get("outlet", "")) in entity_names(), f"{aid}: outlet {front.get('outlet')!r}"


def test_every_claims_file_has_an_article() -> None:
    assert set(claims_by_article()) <= set(articles())


def test_every_quote_anchors_once_in_its_article() -> None:
    problems = []
    for aid, claims in claims_by_article().items():
        body = normalize(articles()[aid][1])
        for claim in claims:
            count = body.count(normalize(claim["quote"]))
            if count != 1:
                problems.append(f"{aid}: {claim['id']} quote found {count} times")
    assert not problems, "\n".join(problems)


def test_claim_ids_are_unique_and_well_formed() -> None:
    ids = [claim["id"] for claims in claims_by_article().values() for claim in claims]
    assert len(ids) == len(set(ids))
    assert all(re.fullmatch(r"[a-z0-9][a-z0-9-]*", i) for i in ids)


def test_counts() -> None:
    counts = {aid: len(claims) for aid, claims in claims_by_article().items()}
    assert sum(counts.values()) >= MIN_CLAIMS
    assert set(counts) == set(articles())
    assert all(n >= MIN_CLAIMS_PER_ARTICLE for n in counts.values()), counts
    assert len(propositions()["propositions"]) >= MIN_PROPOSITIONS
    assert REQUIRED_TOPICS <= set(propositions()["topics"])


def test_claims_reference_propositions_with_the_right_fields() -> None:
    props = propositions()["propositions"]
    for claims in claims_by_article().values():
        for claim in claims:
            prop = props.get(claim["proposition"])
            assert prop is not None, claim["id"]
            if prop["kind"] == "stance":
                assert claim.get("stance") in ("supports", "refutes") and "value" not in claim, claim["id"]
            else:
                assert "value" in claim and "stance" not in claim, claim["id"]


def test_every_name_resolves_to_an_entity() -> None:
    names = entity_names()
    used = []
    for claims in claims_by_article().values():
        for claim in claims:
            used += [claim.get("claimant"), claim.get("scope"), *(claim.get("via") or [])]
    used += [prop.get("object") for prop in propositions()["propositions"].values()]
    entities = yaml.safe_load((DATA / "entities.yaml").read_text(encoding="utf-8"))
    used += [parent for fields in entities.values() for parent in (fields or {}).get("part_of") or []]
    unknown = sorted({str(n) for n in used if n is not None and name_key(n) not in names})
    assert not unknown, f"not an entity name or alias: {unknown}"
