"""Time `hirel compare` (table) on ONE quantity proposition with many claims, and its growth.

    python benchmarks/bench_compare.py [--claims 5000] [--growth 4] [--repeat 3] [--json]

Writes a corpus to a temporary directory: one proposition (EUR/year, changes over time),
N claims spread over N/10 articles, with monthly and yearly rates, hedges ('about', 'more
than', 'up to'), ranges, totals over a period (converted to a rate), scopes in a three-level
part_of hierarchy (coalition > forces > units), claimants nested in each other, known and
unknown periods. Then runs ``hirel --data DIR compare PROP`` in a fresh process (best wall time
and CPU time of --repeat, peak memory), on N claims and on --growth times N. The table counts
pairs and groups positions without judging every pair; ``--json`` also times the JSON, which
lists every pairwise finding (quadratic by design).

No assertion on time: it prints the figures.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
from pathlib import Path

PROP = "exports-per-year"

COALITION = "Eastern Coalition"
FORCES = [f"Force {c}" for c in "ABC"]
UNITS = {force: [f"{force} unit {i}" for i in range(3)] for force in FORCES}
MINISTRIES = [f"Ministry {c}" for c in "PQRS"]
OFFICES = {m: [f"{m} office {i}" for i in range(3)] for m in MINISTRIES}
ANALYSTS = [f"Analyst {i}" for i in range(12)]
OUTLETS = [f"Outlet {i}" for i in range(10)]


def _entities() -> str:
    lines = [f"{COALITION}: {{}}"]
    for force in FORCES:
        lines.append(f"{force}:\n  part_of: [{COALITION}]")
        for unit in UNITS[force]:
            lines.append(f"{unit}:\n  part_of: [{force}]")
    lines.append("Government: {}")
    for ministry in MINISTRIES:
        lines.append(f"{ministry}:\n  part_of: [Government]")
        for office in OFFICES[ministry]:
            lines.append(f"{office}:\n  part_of: [{ministry}]")
    lines += [f"{a}: {{}}" for a in ANALYSTS]
    lines += [f"{o}: {{}}" for o in OUTLETS]
    return "\n".join(lines) + "\n"


PROPOSITIONS = f"""\
topics:
  exports: Exports
propositions:
  {PROP}:
    topic: exports
    text: Value of exports per year
    kind: quantity
    unit: EUR/year
    object: {COALITION}
    changes_over_time: true
"""


def _value(rnd: random.Random) -> tuple[str, str | None]:
    """(value phrase, when) of one claim; the phrase is also the quoted figure."""
    n = rnd.randint(2, 90)
    year = rnd.randint(2012, 2022)
    when = rnd.choice([None, str(year), str(year), f"{year}/{min(year + 2, 2023)}"])
    kind = rnd.randrange(8)
    if kind == 0:
        return f"€{n} million a year", when
    if kind == 1:
        return f"€{max(n // 10, 1)} million a month", when
    if kind == 2:
        return f"about €{n} million a year", when
    if kind == 3:
        return f"more than €{n} million a year", when
    if kind == 4:
        return f"up to €{n} million per year", when
    if kind == 5:
        return f"between €{n} million and €{n + rnd.randint(1, 30)} million a year", when
    if kind == 6:
        start = rnd.randint(2010, 2018)  # a total over a period: converted to a rate
        return f"more than €{n * 5} million", f"{start}/{start + rnd.randint(2, 6)}"
    return f"roughly €{n} million annually", when


def write_corpus(root: Path, claims: int, seed: int = 11) -> Path:
    rnd = random.Random(seed)
    (root / "articles").mkdir(parents=True)
    (root / "claims").mkdir()
    (root / "entities.yaml").write_text(_entities(), encoding="utf-8")
    (root / "propositions.yaml").write_text(PROPOSITIONS, encoding="utf-8")
    # None is the proposition's object (the coalition): weighted so that most pairs are nested.
    scopes = [None] * 6 + [COALITION, *FORCES, *(u for units in UNITS.values() for u in units)]
    claimants = [None, *MINISTRIES, *(o for offices in OFFICES.values() for o in offices), *ANALYSTS]
    per_article = 10
    for a in range((claims + per_article - 1) // per_article):
        article_id = f"article-{a:03d}"
        sentences, records = [], []
        for c in range(min(per_article, claims - a * per_article)):
            value, when = _value(rnd)
            scope, claimant = rnd.choice(scopes), rnd.choice(claimants)
            sentence = f"Sentence {a}-{c}: exports came to {value}"
            sentences.append(sentence + ".")
            record = [f"  - id: c-{a:03d}-{c:02d}", f"    proposition: {PROP}", f'    quote: "{sentence}"',
                      f"    value: {value}"]
            if scope:
                record.append(f"    scope: {scope}")
            if claimant:
                record.append(f"    claimant: {claimant}")
            if when:
                record.append(f'    when: "{when}"')
            if rnd.random() < 0.1:
                record.append("    certainty: possible")
            records.append("\n".join(record))
        outlet = OUTLETS[a % len(OUTLETS)]
        (root / "articles" / f"{article_id}.md").write_text(
            f"---\ntitle: Article {a}\noutlet: {outlet}\n---\n" + "\n\n".join(sentences) + "\n", encoding="utf-8")
        (root / "claims" / f"{article_id}.yaml").write_text("claims:\n" + "\n".join(records) + "\n",
                                                            encoding="utf-8")
    return root


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--claims", type=int, default=5000)
    parser.add_argument("--growth", type=int, default=4, help="also run on this many times the claims (0: no)")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--json", action="store_true", help="also time --format json (judges every pair: slow)")
    args = parser.parse_args()

    from measure import best_of

    sizes = [args.claims] + ([args.claims * args.growth] if args.growth else [])
    results = []
    with tempfile.TemporaryDirectory() as tmp:
        for n in sizes:
            root = write_corpus(Path(tmp) / f"data-{n}", n)
            seconds, mb, status, cpu = best_of(args.repeat, ["--data", str(root), "compare", PROP])
            results.append((seconds, cpu))
            print(f"hirel compare {PROP} (table), {n:,} claims: {seconds:6.2f} s ({cpu:5.2f} s CPU), "
                  f"{mb:5.0f} MB peak (exit {status})")
            if args.json:
                seconds, mb, status, cpu = best_of(1, ["--data", str(root), "compare", PROP, "--format", "json"])
                print(f"  --format json: {seconds:6.2f} s ({cpu:5.2f} s CPU), {mb:5.0f} MB peak (exit {status})")
    if len(results) == 2:
        print(f"growth x{args.growth} claims: x{results[1][0] / results[0][0]:.2f} time "
              f"(x{results[1][1] / results[0][1]:.2f} CPU)")


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).parent))
    main()
