"""Write docs/rules.md, the catalogue of every check, from the rules' own docstrings
(src/hirel/rules/). `--check` only reports whether docs/rules.md is out of date.

    python scripts/update_rules_doc.py [--check]
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TARGET = ROOT / "docs" / "rules.md"
sys.path.insert(0, str(ROOT / "src"))

FAMILIES = {
    "1": "Files and YAML",
    "2": "Structure: fields, types, ids, choices, dates",
    "3": "References: propositions, entities, topics, articles",
    "4": "Claim semantics: stance or value by kind, periods, values, units",
    "5": "Quotes",
}


def sections(doc: str) -> tuple[str, list[str], list[tuple[str, str]]]:
    """(summary, paragraphs of explanation, [(FAIL|PASS, example)]) of a rule's docstring."""
    from hirel.rules import doc_parts

    return doc_parts(doc)


def render() -> str:
    from hirel.rules import ALL_RULES

    out = [
        "# Rules",
        "",
        "Every check `hirel check` runs, with its stable code, its name, its severity, why it",
        "matters, and a failing and a passing example. `hirel rule CODE` (or `hirel rule NAME`) prints",
        "the same on the command line. This page is generated from the rules' own documentation",
        "(`src/hirel/rules/`) by `python scripts/update_rules_doc.py`; a test fails when it is out",
        "of date.",
        "",
        "| code | name | severity | what it checks |",
        "|---|---|---|---|",
    ]
    for rule in ALL_RULES:
        out.append(f"| [{rule.code}](#{rule.code.lower()}-{rule.name}) | {rule.name} | {rule.severity} | "
                   f"{rule.summary().replace('|', chr(92) + '|')} |")
    family = None
    for rule in ALL_RULES:
        if rule.code[2] != family:
            family = rule.code[2]
            out += ["", f"## HR{family}xx: {FAMILIES.get(family, '')}".rstrip(": ")]
        summary, paragraphs, examples = sections(rule.doc())
        out += ["", f"### {rule.code} {rule.name}", "", f"*{rule.severity}*: {summary}"]
        for paragraph in paragraphs:
            out += ["", paragraph]
        for label, example in examples:
            out += ["", f"{label}:", "", "```yaml", example, "```"]
    return "\n".join(out) + "\n"


def main() -> int:
    text = render()
    current = TARGET.read_text(encoding="utf-8") if TARGET.exists() else ""
    if "--check" in sys.argv:
        if text != current:
            print(f"out of date: {TARGET.relative_to(ROOT)} (run python scripts/update_rules_doc.py)")
            return 1
        return 0
    if text != current:
        TARGET.write_text(text, encoding="utf-8")
        print(f"{TARGET.relative_to(ROOT)} updated")
    return 0


if __name__ == "__main__":
    sys.exit(main())
