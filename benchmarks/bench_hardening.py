"""Time and peak memory of `hirel check` on hostile inputs (the figures of docs/performance.md).

    python benchmarks/bench_hardening.py [CASE ...] [--scale 1.0]

Cases (each a data directory written to a temporary folder, checked by `hirel check` in a
child process whose peak resident memory is read from the operating system):

- chain:      10,000 entities, each part_of the next
- cycle:      the same, the last part_of the first (10,000 entities in one cycle)
- article:    a 1,000,000-line article (68 MB), 20 claims whose quotes are all found
- article-miss: the same article, and one of the quotes is not in it
- claims:     one 100 MB claims file (414,897 claims), quotes found in a short article

--scale shrinks the sizes (0.1 for a quick look); the figures in the docs are at 1.0.
--against SRC runs another hirel (its src folder, e.g. from `git archive`) on each input too;
--no-cache runs `hirel check --no-cache` (the cache, written on the first run, left out).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PROPOSITIONS = """\
topics:
  money: Money
propositions:
  funding:
    topic: money
    text: Money given per year
    kind: quantity
    unit: USD/year
"""

SENTENCE = "Line {n:07d}: the ministry paid about {m} million dollars that year."


def _base(root: Path, entities: str = "Example Times: {}\nThe group: {}\n") -> None:
    (root / "articles").mkdir(parents=True)
    (root / "claims").mkdir()
    (root / "entities.yaml").write_text(entities, encoding="utf-8")
    (root / "propositions.yaml").write_text(PROPOSITIONS, encoding="utf-8")


def _article(root: Path, lines: int) -> None:
    with open(root / "articles" / "big.md", "w", encoding="utf-8") as out:
        out.write("---\ntitle: A long article\noutlet: Example Times\n---\n")
        out.writelines(SENTENCE.format(n=n, m=n % 900 + 10) + "\n" for n in range(lines))


def _claim(index: int, line: int, quote: str | None = None) -> str:
    quote = quote or SENTENCE.format(n=line, m=line % 900 + 10)
    return (f"  - id: claim-{index:07d}\n    proposition: funding\n    quote: \"{quote}\"\n"
            f"    value: about ${line % 900 + 10} million a year\n")


def write_chain(root: Path, scale: float, cycle: bool = False) -> None:
    n = max(3, int(10_000 * scale))
    names = [f"Entity {i:05d}" for i in range(n)]
    lines = ["Example Times: {}"]
    for i, name in enumerate(names):
        parent = names[i + 1] if i + 1 < n else (names[0] if cycle else None)
        lines.append(f"{name}:\n  part_of: [{parent}]" if parent else f"{name}: {{}}")
    _base(root, "\n".join(lines) + "\n")
    (root / "articles" / "small.md").write_text(
        "---\ntitle: Small\noutlet: Example Times\n---\n" + SENTENCE.format(n=1, m=11) + "\n", encoding="utf-8")
    (root / "claims" / "small.yaml").write_text(
        "claims:\n" + _claim(1, 1).replace("    value:", f"    scope: {names[0]}\n    value:"), encoding="utf-8")


def write_article(root: Path, scale: float, miss: bool = False) -> None:
    lines = max(100, int(1_000_000 * scale))
    _base(root)
    _article(root, lines)
    step = lines // 20
    claims = [_claim(i, i * step + 7) for i in range(20)]
    if miss:
        claims[-1] = _claim(19, 0, "the ministry paid about 977 million euros to the other group")
    (root / "claims" / "big.yaml").write_text("claims:\n" + "".join(claims), encoding="utf-8")


def write_claims(root: Path, scale: float) -> None:
    count = max(100, int(414_897 * scale))
    _base(root)
    sentences = 500
    (root / "articles" / "big.md").write_text(
        "---\ntitle: Short\noutlet: Example Times\n---\n"
        + "".join(SENTENCE.format(n=n, m=n % 900 + 10) + "\n" for n in range(sentences)), encoding="utf-8")
    with open(root / "claims" / "big.yaml", "w", encoding="utf-8") as out:
        out.write("claims:\n")
        out.writelines(_claim(i, i % sentences) + "    note: an annotation written by hand, as a note, with a few more words.\n" for i in range(count))


CASES = {
    "chain": lambda root, scale: write_chain(root, scale),
    "cycle": lambda root, scale: write_chain(root, scale, cycle=True),
    "article": lambda root, scale: write_article(root, scale),
    "article-miss": lambda root, scale: write_article(root, scale, miss=True),
    "claims": write_claims,
}


def measure(root: Path, source: str | None = None, cache: bool = True) -> tuple[float, float, int, str]:
    """(seconds, peak resident MB, exit code, last line of stderr) of `hirel check` on ``root``;
    ``source``: another hirel's `src` folder to run instead of this one."""
    start = time.perf_counter()
    env = dict(os.environ, PYTHONPATH=source) if source else None
    child = subprocess.Popen([sys.executable, "-m", "hirel", "--data", str(root), "check", *([] if cache else ["--no-cache"])],
                             stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, env=env)
    stderr = child.stderr.read()
    _pid, status, usage = os.wait4(child.pid, 0)
    seconds = time.perf_counter() - start
    child.returncode = os.waitstatus_to_exitcode(status)
    last = stderr.strip().splitlines()[-1] if stderr.strip() else ""
    return seconds, usage.ru_maxrss / 1024, child.returncode, last


def size_mb(root: Path) -> float:
    return sum(p.stat().st_size for p in root.rglob("*") if p.is_file()) / 1e6


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("cases", nargs="*", metavar="CASE", help="one of: " + ", ".join(CASES))
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--against", metavar="SRC", help="another hirel's src folder (e.g. an older "
                        "checkout's), run on the same input right after this one: before/after side by side")
    parser.add_argument("--no-cache", action="store_true", help="run `hirel check --no-cache`")
    args = parser.parse_args()
    for name in args.cases:
        if name not in CASES:
            parser.error(f"unknown case {name!r}; choose from: {', '.join(CASES)}")
    print(f"{'case':<14} {'input':>9} {'time':>8} {'peak RSS':>9}  exit  summary")
    for name in args.cases or list(CASES):
        with tempfile.TemporaryDirectory() as tmp:
            root = Path(tmp) / "data"
            CASES[name](root, args.scale)
            for label, source in [(name, None)] + ([(" against", args.against)] if args.against else []):
                seconds, peak, code, last = measure(root, source, cache=not args.no_cache)
                print(f"{label:<14} {size_mb(root):>7.1f}MB {seconds:>7.2f}s {peak:>7.0f}MB  {code:>4}  {last[:60]}",
                      flush=True)


if __name__ == "__main__":
    main()
