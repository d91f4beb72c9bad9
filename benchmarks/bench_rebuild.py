"""Would the browsing commands gain from a cache of the loaded corpus? Measures, in one process on
the synthetic corpus: `load_corpus` (read, parse, build and field-check every file) against
rebuilding the same claims and articles from a plain-data form read with `marshal` (a prototype of
what such a cache would hold: every field, and where each is written), interleaved, best of the
rounds. The rebuilt objects are compared with the loaded ones.

    python benchmarks/bench_rebuild.py [--articles 1000] [--claims 20] [--rounds 5]

Only the synthetic corpus's kinds of values are covered (strings, numbers, lists of strings);
a real cache would also have to keep mappings with the places of their keys, and dates.
"""

from __future__ import annotations

import argparse
import dataclasses
import marshal
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from synthetic import write_corpus

from hirel.loading.loader import load_corpus
from hirel.model import Article, Certainty, Claim, Loc

CERTAINTY = {c.value: c for c in Certainty}


def plain(corpus) -> bytes:
    claims = []
    for claim in corpus.claims.values():
        fields = {f.name: getattr(claim, f.name) for f in dataclasses.fields(Claim)}
        fields["loc"] = tuple(claim.loc)
        fields["certainty"] = claim.certainty.value
        fields["locs"] = {name: tuple(loc) for name, loc in claim.locs.items()}
        fields = {k: (str(v) if isinstance(v, str) else v) for k, v in fields.items()}
        claims.append(fields)
    articles = []
    for article in corpus.articles.values():
        fields = {f.name: getattr(article, f.name) for f in dataclasses.fields(Article)}
        fields["loc"] = tuple(article.loc)
        fields["locs"] = {name: tuple(loc) for name, loc in article.locs.items()}
        fields = {k: (str(v) if isinstance(v, str) else v) for k, v in fields.items()}
        articles.append(fields)
    return marshal.dumps((claims, articles), 4)


def rebuild(blob: bytes) -> tuple[list[Claim], list[Article]]:
    claims_data, articles_data = marshal.loads(blob)
    new = object.__new__
    claims = []
    for fields in claims_data:
        fields["loc"] = Loc(*fields["loc"])
        fields["certainty"] = CERTAINTY[fields["certainty"]]
        fields["locs"] = {name: Loc(*loc) for name, loc in fields["locs"].items()}
        claim = new(Claim)
        claim.__dict__.update(fields)  # frozen dataclass: its fields set as __init__ would
        claims.append(claim)
    articles = []
    for fields in articles_data:
        fields["loc"] = Loc(*fields["loc"])
        fields["locs"] = {name: Loc(*loc) for name, loc in fields["locs"].items()}
        article = new(Article)
        article.__dict__.update(fields)
        articles.append(article)
    return claims, articles


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--claims", type=int, default=20)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root = write_corpus(Path(tmp) / "data", args.articles, args.claims)
        corpus, _problems = load_corpus(root)
        blob = plain(corpus)
        loaded, rebuilt = [], []
        for _round in range(args.rounds):
            start = time.process_time()
            corpus, _problems = load_corpus(root)
            loaded.append(time.process_time() - start)
            start = time.process_time()
            claims, articles = rebuild(blob)
            rebuilt.append(time.process_time() - start)
        assert claims == list(corpus.claims.values()) and articles == list(corpus.articles.values())
    print(f"{args.articles * args.claims} claims, {args.articles} articles; plain form {len(blob) / 1e6:.1f} MB")
    print(f"load_corpus:              best {min(loaded):.3f} s")
    print(f"rebuilt from marshal:     best {min(rebuilt):.3f} s  ({min(rebuilt) / min(loaded):.2f} x)")


if __name__ == "__main__":
    main()
