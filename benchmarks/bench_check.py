"""Time `hirel check` on a synthetic corpus against the floor of just parsing its files with libyaml.

    python benchmarks/bench_check.py [--articles 1000] [--claims 20] [--repeat 3]

The floor reads every file and parses its YAML (claims files, front matter, registries) with
yaml.load(..., CSafeLoader): what any tool that reads this corpus must at least do.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).parent))
from synthetic import write_corpus  # noqa: E402


def libyaml_floor(root: Path) -> None:
    for path in [root / "entities.yaml", root / "propositions.yaml", *sorted((root / "claims").iterdir())]:
        yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
    for path in sorted((root / "articles").iterdir()):
        text = path.read_text(encoding="utf-8")
        front = text.split("\n---\n", 1)[0][4:]
        yaml.load(front, Loader=yaml.CSafeLoader)


def best_of(repeat: int, action) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--claims", type=int, default=20)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root = write_corpus(Path(tmp) / "data", args.articles, args.claims)

        def run_cli() -> None:
            result = subprocess.run(["hirel", "--data", str(root), "check"], capture_output=True, text=True)
            if result.returncode != 0:
                sys.exit(f"hirel check failed on the synthetic corpus:\n{result.stdout[-2000:]}{result.stderr}")

        def run_library() -> None:
            from hirel.checker import check_corpus

            check_corpus(root)

        floor = best_of(args.repeat, lambda: libyaml_floor(root))
        library = best_of(args.repeat, run_library)
        cli = best_of(args.repeat, run_cli)
        startup = best_of(args.repeat, lambda: subprocess.run(["hirel", "--version"], capture_output=True))
    claims = args.articles * args.claims
    print(f"corpus: {args.articles} articles x {args.claims} claims = {claims} claims (best of {args.repeat})")
    print(f"libyaml parse floor      {floor:7.3f} s")
    print(f"check_corpus (library)   {library:7.3f} s   {library / floor:5.2f} x floor")
    print(f"hirel check (command)    {cli:7.3f} s   {cli / floor:5.2f} x floor")
    print(f"hirel --version startup  {startup:7.3f} s")


if __name__ == "__main__":
    main()
