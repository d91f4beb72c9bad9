"""Time the comparison of ONE quantity proposition with many claims (every pair is judged).

    python benchmarks/bench_compare.py [--claims 500] [--repeat-library 5] [--repeat-cli 3]

Writes a corpus to a temporary directory: one proposition (EUR/year, changes over time),
N claims spread over N/10 articles, with monthly and yearly rates, hedges ('about', 'more
than', 'up to'), ranges, totals over a period (converted to a rate), scopes in a three-level
part_of hierarchy (coalition > forces > units), claimants nested in each other, known and
unknown periods. Then times:

* ``hirel.comparison.compare(corpus, PROP)`` on the loaded corpus (best of --repeat-library),
* ``hirel --data DIR compare PROP --format json`` as a command (subprocess, best of --repeat-cli).

No assertion on time: it prints the figures.
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import tempfile
import time
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


def best_of(repeat: int, action) -> tuple[float, object]:
    times, result = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        result = action()
        times.append(time.perf_counter() - start)
    return min(times), result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--claims", type=int, default=500)
    parser.add_argument("--repeat-library", type=int, default=5)
    parser.add_argument("--repeat-cli", type=int, default=3)
    args = parser.parse_args()

    from hirel.comparison import compare
    from hirel.loader import load_corpus
    from hirel.model import ERROR
    from hirel.verdicts import count_by_verdict

    with tempfile.TemporaryDirectory() as tmp:
        root = write_corpus(Path(tmp) / "data", args.claims)
        load_time, (corpus, problems) = best_of(1, lambda: load_corpus(root))
        errors = [p for p in problems if p.severity == ERROR]
        if errors:
            sys.exit(f"the synthetic corpus has {len(errors)} loading error(s), e.g. {errors[0]}")
        checked = subprocess.run([sys.executable, "-m", "hirel", "--data", str(root), "check", "--format", "json"],
                                 capture_output=True, text=True)
        check_problems = json.loads(checked.stdout or "[]")

        lib_time, result = best_of(args.repeat_library, lambda: compare(corpus, PROP))
        (prop,) = result.propositions  # type: ignore[attr-defined]
        pairs = len(prop.findings)
        counts = count_by_verdict(prop.findings)

        def run_cli() -> int:
            done = subprocess.run([sys.executable, "-m", "hirel", "--data", str(root), "compare", PROP,
                                   "--format", "json"], capture_output=True)
            if done.returncode != 0:
                sys.exit(f"hirel compare failed:\n{done.stderr.decode()}")
            return len(done.stdout)

        cli_time, size = best_of(args.repeat_cli, run_cli)

    print(f"claims: {len(prop.claims)} on one proposition; pairs judged: {pairs}")
    print(f"hirel check on the synthetic corpus: {len(check_problems)} problem(s) "
          f"({', '.join(sorted({p['code'] for p in check_problems})) or 'none'})")
    print("verdicts: " + ", ".join(f"{v} {n}" for v, n in counts.items()))
    print(f"load_corpus:                        {load_time * 1000:8.1f} ms (once)")
    print(f"comparison.compare (best of {args.repeat_library}):    {lib_time * 1000:8.1f} ms "
          f"({lib_time / max(pairs, 1) * 1e6:.2f} µs per pair)")
    print(f"hirel compare --format json (best of {args.repeat_cli}, subprocess): {cli_time * 1000:8.1f} ms "
          f"({size / 1e6:.1f} MB of JSON)")


if __name__ == "__main__":
    main()
