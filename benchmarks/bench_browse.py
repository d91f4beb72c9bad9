"""Time the browsing commands against `hirel check` on the synthetic corpus (1,000 x 20).

    python benchmarks/bench_browse.py [--articles 1000] [--claims 20] [--repeat 3]

`topics`, `propositions`, `sources` and `matrix` count verdicts without judging every pair
(`hirel.comparing.counting`), so they should cost about what loading and checking the corpus costs. Each
command runs in a fresh process (best time of --repeat, peak memory); no assertion: it prints
the figures and each command's time as a multiple of `hirel check`'s. Each command runs with
`--no-cache` (every file read and parsed), then with the cache (the first of those runs fills
it; the best is a warm run), and the warm time is given as a multiple of the `--no-cache` one.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from measure import best_of
from synthetic import write_corpus

COMMANDS = [["check"], ["topics"], ["propositions"], ["sources"], ["matrix", "money"], ["matrix", "events"],
            ["compare", "funding-0"]]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--claims", type=int, default=20)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root = write_corpus(Path(tmp) / "data", args.articles, args.claims)
        print(f"synthetic corpus: {args.articles} articles x {args.claims} claims")
        base = base_cpu = None
        for command in COMMANDS:
            seconds, mb, status, cpu = best_of(args.repeat, ["--data", str(root), "--no-cache", *command])
            base, base_cpu = base or seconds, base_cpu or cpu
            warm, warm_mb, _status, warm_cpu = best_of(args.repeat, ["--data", str(root), *command])
            print(f"hirel {' '.join(command):<18} {seconds:6.2f} s ({cpu:5.2f} s CPU)  {mb:6.0f} MB  "
                  f"{seconds / base:4.2f} x check ({cpu / base_cpu:4.2f} x in CPU)  (exit {status});  "
                  f"warm cache {warm:6.2f} s ({warm_cpu:5.2f} s CPU, {warm_cpu / cpu:4.2f} x)  {warm_mb:6.0f} MB")

if __name__ == "__main__":
    main()
