"""Time the value reader as `hirel check` uses it, in-process: every claim's value normalized into
its proposition's unit, and its figures looked for in its quote.

    python benchmarks/bench_values.py [--articles 1000] [--claims 20] [--rounds 3]

Each round runs in a fresh process (the reader's caches start empty, as in a cold `check`); CPU
time of the two parts, best and median of the rounds.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from synthetic import write_corpus

ROUND = """
import sys, time
from pathlib import Path
from hirel.loading.loader import load_corpus
from hirel.values.periods import PeriodError, parse_period
from hirel.values.quotes import value_figures_in_quote
from hirel.values.readers import normalize_value
from hirel.values.units import parse_unit

corpus, _problems = load_corpus(Path(sys.argv[1]))
work = []
for claim in corpus.claims.values():
    prop = corpus.propositions.get(claim.proposition)
    if prop is None or prop.kind == "stance":
        continue
    try:
        period = parse_period(claim.when) if claim.when is not None else None
    except PeriodError:
        period = None
    measures = prop.measures if prop.kind == "quantity" else None
    work.append((claim.value, parse_unit("date" if prop.kind == "date" else prop.unit or ""), period, measures,
                 claim.quote))
start = time.process_time()
for value, unit, period, measures, _quote in work:
    try:
        normalize_value(value, unit, period, measures)
    except ValueError:
        pass
middle = time.process_time()
for value, unit, _period, _measures, quote in work:
    value_figures_in_quote(value, quote, expect=unit)
print(len(work), middle - start, time.process_time() - middle)
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--claims", type=int, default=20)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root = write_corpus(Path(tmp) / "data", args.articles, args.claims)
        reading, scanning = [], []
        for _ in range(args.rounds):
            out = subprocess.run([sys.executable, "-c", ROUND, str(root)], capture_output=True, text=True, check=True)
            count, normalize, in_quote = out.stdout.split()
            reading.append(float(normalize))
            scanning.append(float(in_quote))
    print(f"{count} claims with a value ({args.articles} articles x {args.claims} claims), {args.rounds} rounds")
    for name, times in (("normalize_value", reading), ("figures in the quote", scanning)):
        print(f"  {name:22s} best {min(times):.3f} s   median {statistics.median(times):.3f} s")


if __name__ == "__main__":
    main()
