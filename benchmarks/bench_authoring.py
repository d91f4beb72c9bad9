"""Time `hirel add` and `hirel suggest` per article.

    python benchmarks/bench_authoring.py [--repeat 5] [--articles 1000]

* add: every saved page of tests/pages/ read, extracted (trafilatura) and restored verbatim,
  metadata read, and the article planned against the bundled corpus (library, best of
  --repeat), then `hirel add PAGE --dry-run` as a command (subprocess: start-up and the
  trafilatura import included);
* suggest: the five bundled articles (library: find_values, sentences, attribution, closest
  propositions; best of --repeat), `hirel suggest ID` as a command, and one article of a
  synthetic corpus of --articles articles (benchmarks/synthetic.py) to show that the time
  per article does not grow with the corpus;
* the recall figure of docs/authoring.md: with the claims removed, the share of annotated
  quotes that fall inside a suggested quote, and the share of suggestions that hold one.

No assertion on time: it prints the figures.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))


def best(function, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return min(times)


def command(args: list[str], repeat: int, cwd: Path = ROOT) -> float:
    def run() -> None:
        subprocess.run([sys.executable, "-m", "hirel", *args], cwd=cwd, check=False,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return best(run, repeat)


def bench_add(repeat: int) -> None:
    from hirel.authoring.add import Overrides, plan_article
    from hirel.authoring.extract import extract_source
    from hirel.loading.loader import load_corpus

    corpus, _ = load_corpus(ROOT / "data")
    pages = sorted((ROOT / "tests" / "pages").glob("*.html"))
    extract_source(str(pages[0]))  # trafilatura imported once, outside the timing

    def all_pages() -> None:
        for page in pages:
            plan_article(extract_source(str(page)), ROOT / "data", Overrides(outlet="Al Jazeera"), corpus)

    per_page = best(all_pages, repeat) / len(pages)
    print(f"add, library: {per_page * 1000:.1f} ms per page ({len(pages)} saved pages)")
    print(f"add, `hirel add PAGE --dry-run` as a command: "
          f"{command(['add', str(pages[0]), '--dry-run', '--outlet', 'Al Jazeera'], repeat):.2f} s")
    print(f"start-up, `hirel --version`: {command(['--version'], repeat):.2f} s")


def bench_suggest(repeat: int, articles: int) -> None:
    from hirel.authoring.suggest import Suggester
    from hirel.loading.loader import load_corpus
    from synthetic import write_corpus

    corpus, _ = load_corpus(ROOT / "data")
    ids = sorted(corpus.articles)
    size = sum(len(corpus.articles[i].body) for i in ids)

    def bundled() -> None:
        suggester = Suggester(corpus)
        for article_id in ids:
            suggester.for_article(article_id)

    per_article = best(bundled, repeat) / len(ids)
    print(f"suggest, library: {per_article * 1000:.1f} ms per bundled article "
          f"({size // len(ids):,} characters on average)")
    print(f"suggest, `hirel suggest {ids[0]}` as a command: {command(['suggest', ids[0]], repeat):.2f} s")
    with tempfile.TemporaryDirectory() as tmp:
        big_dir = write_corpus(Path(tmp) / "data", articles=articles, claims=20)
        big, _ = load_corpus(big_dir)
        first = min(big.articles)
        suggester = Suggester(big)
        one = best(lambda: suggester.for_article(first), repeat)
        print(f"suggest, library, one article of a {articles:,}-article synthetic corpus "
              f"({len(big.propositions)} propositions, {len(big.entities)} entities): {one * 1000:.1f} ms")


def recall() -> None:
    from hirel.authoring.suggest import Suggester
    from hirel.loading.loader import load_corpus
    from hirel.rules.anchoring import ArticleText

    annotated, _ = load_corpus(ROOT / "data")
    with tempfile.TemporaryDirectory() as tmp:
        bare_dir = Path(tmp) / "data"
        shutil.copytree(ROOT / "data", bare_dir, ignore=shutil.ignore_patterns("claims"))
        (bare_dir / "claims").mkdir()
        bare, _ = load_corpus(bare_dir)
        suggester = Suggester(bare)
        inside = total = stubs = holding = sentences = 0
        for article_id, article in bare.articles.items():
            result = suggester.for_article(article_id)
            sentences += result.checkable
            found = [stub for s in result.suggestions for stub in s.stubs]
            text = ArticleText(article.body)
            spans = [text.find(c.quote)[0] for c in annotated.claims.values() if c.article == article_id]
            total += len(spans)
            inside += sum(any(s.start <= p.start and p.end <= s.end for s in found) for p in spans)
            stubs += len(found)
            holding += sum(any(s.start <= p.start and p.end <= s.end for p in spans) for s in found)
    print(f"suggest on the bundled corpus without its claims: {inside} of {total} annotated quotes "
          f"({inside / total:.0%}) fall inside a suggested quote; {holding} of {stubs} suggestions "
          f"({holding / stubs:.0%}) hold an annotated quote; {sentences} checkable sentences")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--articles", type=int, default=1000)
    args = parser.parse_args()
    bench_add(args.repeat)
    bench_suggest(args.repeat, args.articles)
    recall()


if __name__ == "__main__":
    main()
