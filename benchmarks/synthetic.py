"""Generate a synthetic corpus that follows the data contract (for benchmarks).

    python benchmarks/synthetic.py DIR [--articles 1000] [--claims 20]
"""

from __future__ import annotations

import argparse
import random
from pathlib import Path

GROUPS = [f"Group {chr(65 + i)}{j}" for i in range(10) for j in range(5)]
PEOPLE = [f"Speaker {i}" for i in range(40)]
OUTLETS = [f"Outlet {i}" for i in range(20)]


def write_corpus(root: Path, articles: int = 1000, claims: int = 20, seed: int = 7) -> Path:
    rnd = random.Random(seed)
    (root / "articles").mkdir(parents=True, exist_ok=True)
    (root / "claims").mkdir(parents=True, exist_ok=True)
    entities = ["Umbrella: {}"]
    for group in GROUPS:
        entities.append(f"{group}:\n  aliases: [{group} movement]\n  part_of: [Umbrella]")
    for person in PEOPLE:
        entities.append(f"{person}:\n  part_of: [{rnd.choice(GROUPS)}]")
    for outlet in OUTLETS:
        entities.append(f"{outlet}:\n  aliases: [The {outlet}]")
    (root / "entities.yaml").write_text("\n".join(entities) + "\n", encoding="utf-8")
    props = ["topics:", "  money: Money flows", "  events: Events", "propositions:"]
    for i in range(10):
        props += [f"  funding-{i}:", "    topic: money", f"    text: Money given per year ({i})",
                  "    kind: quantity", "    unit: USD/year", f"    object: {GROUPS[i]}",
                  "    changes_over_time: true"]
        props += [f"  stance-{i}:", "    topic: events", f"    text: Statement {i} is true", "    kind: stance"]
        props += [f"  date-{i}:", "    topic: events", f"    text: When event {i} happened", "    kind: date"]
    (root / "propositions.yaml").write_text("\n".join(props) + "\n", encoding="utf-8")
    for a in range(articles):
        article_id = f"article-{a:05d}"
        sentences, records = [], []
        for c in range(claims):
            kind = c % 3
            speaker = rnd.choice(PEOPLE)
            prop_n = rnd.randrange(10)
            if kind == 0:
                amount = rnd.randrange(1, 900)
                period = rnd.choice(["a month", "a year", "annually", "per week"])
                quote = f"{speaker} said Iran gives about ${amount} million {period} to {GROUPS[prop_n]}"
                extra = [f"    value: about ${amount} million {period}", f"    when: \"{rnd.randrange(2000, 2024)}\""]
                prop = f"funding-{prop_n}"
            elif kind == 1:
                quote = f"{speaker} {'confirmed' if c % 2 else 'denied'} statement {prop_n} in article {a} ({c})"
                extra = [f"    stance: {'supports' if c % 2 else 'refutes'}"]
                prop = f"stance-{prop_n}"
            else:
                year = rnd.randrange(1980, 2024)
                quote = f"According to {speaker}, event {prop_n} happened in mid-{year} ({a}.{c})"
                extra = [f"    value: mid-{year}"]
                prop = f"date-{prop_n}"
            filler = " ".join(rnd.choice(["The", "situation", "in", "the", "region", "remained", "tense",
                                          "and", "observers", "noted", "several", "developments"])
                              for _ in range(rnd.randrange(15, 40)))
            sentences.append(f"{quote}. {filler}.")
            records.append("\n".join([f"  - id: {article_id}-c{c:02d}", f"    proposition: {prop}",
                                      f"    quote: \"{quote}\"", f"    claimant: {speaker}",
                                      f"    via: [{rnd.choice(OUTLETS)}]", *extra,
                                      "    certainty: likely", "    note: Synthetic claim for benchmarks."]))
        outlet = rnd.choice(OUTLETS)
        front = (f"---\ntitle: Synthetic article {a}\noutlet: {outlet}\npublished: 2020-0{1 + a % 9}-1{a % 9}\n"
                 f"kind: news\nreliability: C\nurl: https://example.org/{article_id}\n---\n")
        (root / "articles" / f"{article_id}.md").write_text(front + "\n\n".join(sentences) + "\n", encoding="utf-8")
        (root / "claims" / f"{article_id}.yaml").write_text("claims:\n" + "\n".join(records) + "\n",
                                                             encoding="utf-8")
    return root


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("dir", type=Path)
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--claims", type=int, default=20)
    args = parser.parse_args()
    write_corpus(args.dir, args.articles, args.claims)
    print(f"wrote {args.articles} articles x {args.claims} claims to {args.dir}")
