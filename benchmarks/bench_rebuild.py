"""What the cache of the loaded corpus saves the browsing commands, in one process on the synthetic
corpus: `load_corpus` (read, parse, build and field-check every file) against
`load_corpus_cached` with a warm cache (the claims and articles rebuilt from plain data),
interleaved, best of the rounds (CPU time). The two corpora are compared.

    python benchmarks/bench_rebuild.py [--articles 1000] [--claims 20] [--rounds 5]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from hirel.loading.corpuscache import load_corpus_cached
from hirel.loading.loader import load_corpus
from synthetic import write_corpus


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--claims", type=int, default=20)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root = write_corpus(Path(tmp) / "data", args.articles, args.claims)
        cache = Path(tmp) / "cache"
        start = time.process_time()
        load_corpus_cached(root, cache)
        filling = time.process_time() - start
        time.sleep(2.1)  # past the window in which files are compared by content
        load_corpus_cached(root, cache)
        loaded, rebuilt = [], []
        for _round in range(args.rounds):
            start = time.process_time()
            corpus, problems = load_corpus(root)
            loaded.append(time.process_time() - start)
            start = time.process_time()
            again, again_problems = load_corpus_cached(root, cache)
            rebuilt.append(time.process_time() - start)
        assert list(again.claims.items()) == list(corpus.claims.items()) and again_problems == problems
        assert list(again.articles.items()) == list(corpus.articles.items())
        size = sum(path.stat().st_size for path in cache.iterdir())
    print(f"{args.articles * args.claims} claims, {args.articles} articles; cache {size / 1e6:.1f} MB")
    print(f"load_corpus:                    best {min(loaded):.3f} s")
    print(f"load_corpus_cached, warm:       best {min(rebuilt):.3f} s  ({min(rebuilt) / min(loaded):.2f} x)")
    print(f"load_corpus_cached, filling it: {filling:.3f} s  ({filling / min(loaded):.2f} x)")


if __name__ == "__main__":
    main()
