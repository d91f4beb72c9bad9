"""Time a cold `hirel check` on a synthetic corpus against the floor of just parsing its files with
libyaml, side by side, at one or more sizes.

    python benchmarks/bench_check.py [--articles 1000 4000] [--claims 20] [--rounds 3] [--against SRC]

The floor reads every file and parses its YAML (claims files, front matter, registries) with
yaml.load(..., CSafeLoader): what any tool that reads this corpus must at least do. Each round
runs, in turn and in fresh processes: the floor, `hirel check --no-cache`, and `hirel check` with
an empty cache (the first run after a clone: it also writes the cache). Best and median of the
rounds (CPU time of the child process, user + system: other work on a shared machine does
not count) are printed, with ratios to the floor; with several sizes, how time grows with the corpus.

--against SRC also runs another hirel (its src folder, e.g. `git archive OLD src | tar -x -C /tmp/old`
then /tmp/old/src) in each round, right after this one: before and after side by side. Both are then
run as `python -m hirel` (this one too), and the median of the per-round ratios is printed.

Python's bytecode caches are used (and written by an untimed first run of each command), as for
an installed hirel, even when PYTHONDONTWRITEBYTECODE is set; --no-bytecode sets it for the runs
(every hirel call then compiles its modules again, as an editable install in such an environment does).
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from synthetic import write_corpus

FLOOR = """
import sys, yaml
from pathlib import Path
root = Path(sys.argv[1])
for path in [root / "entities.yaml", root / "propositions.yaml", *sorted((root / "claims").iterdir())]:
    yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
for path in sorted((root / "articles").iterdir()):
    text = path.read_text(encoding="utf-8")
    yaml.load(text.split("\\n---\\n", 1)[0][4:], Loader=yaml.CSafeLoader)
"""
HIREL = str(Path(sys.executable).with_name("hirel"))
ENV = dict(os.environ)


def cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def timed(command: list[str], cwd: Path, source: str | None = None) -> float:
    env = dict(ENV, PYTHONPATH=source) if source else ENV
    start = cpu_seconds()
    done = subprocess.run(command, cwd=cwd, capture_output=True, text=True, check=False, env=env)
    elapsed = cpu_seconds() - start  # CPU time: other work on the machine does not count
    if done.returncode != 0:
        sys.exit(f"{' '.join(command)} failed:\n{done.stdout[-2000:]}{done.stderr}")
    return elapsed


def measure(work: Path, rounds: int, against: str | None = None) -> dict[str, list[float]]:
    root = work / "data"
    times: dict[str, list[float]] = {"libyaml floor": [], "check --no-cache": [], "check, empty cache": []}
    hirel = [sys.executable, "-m", "hirel"] if against else [HIREL]
    if against:
        times["against: check --no-cache"] = []
    if "PYTHONDONTWRITEBYTECODE" not in ENV:  # the bytecode caches written before any round
        timed([*hirel, "--version"], work)
        if against:
            timed([*hirel, "--version"], work, against)
        timed([*hirel, "check", "--no-cache"], work)
        if against:
            timed([*hirel, "check", "--no-cache"], work, against)
    for _ in range(rounds):
        times["libyaml floor"].append(timed([sys.executable, "-c", FLOOR, str(root)], work))
        times["check --no-cache"].append(timed([*hirel, "check", "--no-cache"], work))
        if against:
            times["against: check --no-cache"].append(timed([*hirel, "check", "--no-cache"], work, against))
        shutil.rmtree(work / ".hirel", ignore_errors=True)
        times["check, empty cache"].append(timed([*hirel, "check"], work))
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, nargs="+", default=[1000])
    parser.add_argument("--claims", type=int, default=20)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--against", metavar="SRC", help="another hirel's src folder, run in each round too")
    parser.add_argument("--no-bytecode", action="store_true", help="as with PYTHONDONTWRITEBYTECODE=1")
    args = parser.parse_args()
    if args.no_bytecode:  # and no caches left from earlier runs (Python would read them)
        ENV["PYTHONDONTWRITEBYTECODE"] = "1"
        import hirel

        for package in [Path(hirel.__file__).parent] + ([Path(args.against) / "hirel"] if args.against else []):
            for folder in list(package.rglob("__pycache__")):
                shutil.rmtree(folder)
    else:
        ENV.pop("PYTHONDONTWRITEBYTECODE", None)
    results = {}
    with tempfile.TemporaryDirectory() as tmp:
        for articles in args.articles:
            work = Path(tmp) / str(articles)
            write_corpus(work / "data", articles, args.claims)
            results[articles] = measure(work, args.rounds, args.against)
    for articles, times in results.items():
        floor = times["libyaml floor"]
        print(f"corpus: {articles} articles x {args.claims} claims = {articles * args.claims} claims "
              f"({args.rounds} rounds, interleaved; bytecode caches {'not used' if args.no_bytecode else 'used'})")
        for name, values in times.items():
            best, median = min(values), statistics.median(values)
            print(f"  {name:20} best {best:7.3f} s ({best / min(floor):4.2f} x floor)   "
                  f"median {median:7.3f} s ({median / statistics.median(floor):4.2f} x)")
        if args.against:
            for name in ("check --no-cache", "against: check --no-cache"):
                ratios = [t / f for t, f in zip(times[name], floor)]
                print(f"  {name}: median of the per-round ratios to the floor {statistics.median(ratios):4.2f} x")
            now_vs_before = [a / b for a, b in zip(times["check --no-cache"], times["against: check --no-cache"])]
            print(f"  this / against, median of the rounds: {statistics.median(now_vs_before):4.2f} x the time")
    if len(results) > 1:
        (small, first), *rest = results.items()
        for articles, times in rest:
            scale = articles / small
            for name in ("check --no-cache", "check, empty cache"):
                print(f"growth {small} -> {articles} articles (x{scale:g}): {name}: "
                      f"x{min(times[name]) / min(first[name]):.2f} time")


if __name__ == "__main__":
    main()
