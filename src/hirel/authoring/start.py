"""`hirel init`: a new corpus that passes `hirel check` at once.

The registries are written with commented examples of every field, generated from the field
declarations (`hirel.loading.fields`) so that a field added there is shown here too.
"""

from __future__ import annotations

import json
from pathlib import Path

from ..loading import fields as F
from ..loading.schema import json_schema
from . import AuthoringError

# Example values for the commented templates; a field without one is still listed.
_PROPOSITION_EXAMPLES = {
    "topic": "funding",
    "text": "Port subsidy per year",
    "kind": "quantity",
    "unit": "USD/year",
    "object": "Port authority",
    "changes_over_time": "true",
}
_ENTITY_EXAMPLES = {
    "aliases": "[Harbour Times, HT]",
    "part_of": "[Harbor Media Group]",
    "description": "Daily newspaper of the port city.",
}
_CLAIM_EXAMPLES = {
    "id": "harbor-times-fees-20pc",
    "proposition": "port-fee-change",
    "quote": '"fees would rise by about 20% from April"',
    "claimant": "Port authority",
    "via": "[The Harbor Times]",
    "value": "about 20%",
    "scope": "East Container Terminal",
    "when": "2024-04/",
    "certainty": "likely",
    "stance": "supports",
    "note": "The figure is the authority's own.",
}


def _commented(specs: tuple[F.FieldSpec, ...], examples: dict[str, str], indent: str) -> list[str]:
    lines = []
    for spec in specs:
        example = examples.get(spec.name, "…")
        choices = f" ({' | '.join(spec.choices)})" if spec.choices else ""
        required = "required. " if spec.required else ""
        lines.append(f"#{indent}{spec.name}: {example}".ljust(44) + f" # {required}{spec.description}{choices}")
    return lines


def _claim_lines() -> list[str]:
    lines = _commented(F.CLAIM_FIELDS, _CLAIM_EXAMPLES, "     ")
    return [lines[0].replace("#     ", "#   - ", 1), *lines[1:]] if lines else lines


def propositions_template() -> str:
    lines = [
        "# yaml-language-server: $schema=../schemas/propositions.json",
        "# vim: set filetype=yaml:",
        "# Topics, and the propositions claims take a position on. `hirel topics` lists them.",
        "# A commented example of every field:",
        "#",
        "# topics:",
        "#   funding: Money for the port and who pays it",
        "# propositions:",
        "#   port-subsidy-per-year:",
        *_commented(F.PROPOSITION_FIELDS, _PROPOSITION_EXAMPLES, "     "),
        "#",
        "# Claims go in claims/<article-id>.yaml (`hirel suggest ARTICLE` writes stubs). Their fields:",
        "#",
        "# claims:",
        *_claim_lines(),
        "",
        "topics: {}",
        "propositions: {}",
        "",
    ]
    return "\n".join(lines)


def entities_template() -> str:
    lines = [
        "# yaml-language-server: $schema=../schemas/entities.json",
        "# vim: set filetype=yaml:",
        "# Every named actor: outlets, claimants, the people and bodies claims are about.",
        "# `hirel entities --unknown` prints stubs for the names claims use but this file lacks.",
        "# A commented example of every field:",
        "#",
        "# The Harbor Times:",
        *_commented(F.ENTITY_FIELDS, _ENTITY_EXAMPLES, "   "),
        "# Harbor Media Group: {}",
        "",
    ]
    return "\n".join(lines)


PRE_COMMIT = """\
# `pre-commit install` once; then every commit that touches data/ runs `hirel check`.
# A local hook runs the hirel installed in your environment (the one on PATH when you commit).
# To let pre-commit install hirel itself, or use the hook hirel ships, see "pre-commit" in
# hirel's docs/check.md: three recipes that work as written.
repos:
  - repo: local
    hooks:
      - id: hirel-check
        name: hirel check
        entry: hirel check
        language: system
        files: ^data/
        always_run: true   # also a commit that only deletes or renames a data file
"""

EDITORCONFIG = """\
root = true

[*.{yaml,yml}]
indent_style = space
indent_size = 2

[*.md]
trim_trailing_whitespace = false
"""


def corpus_files() -> dict[str, str]:
    """Every file `hirel init` writes, by path relative to the new directory."""
    files = {
        "data/propositions.yaml": propositions_template(),
        "data/entities.yaml": entities_template(),
        "data/articles/.gitkeep": "",
        "data/claims/.gitkeep": "",
        ".pre-commit-config.yaml": PRE_COMMIT,
        ".editorconfig": EDITORCONFIG,
    }
    for name in ("claims", "article", "propositions", "entities"):
        files[f"schemas/{name}.json"] = json.dumps(json_schema(name), indent=2, ensure_ascii=False) + "\n"
    return files


# Files a project may already have for other reasons: kept as they are, never refused for.
SHARED_FILES = (".pre-commit-config.yaml", ".editorconfig")


def init_corpus(directory: Path) -> tuple[list[Path], list[Path]]:
    """Write a new corpus into ``directory`` (created if needed): (paths written, paths kept).

    Refuses (AuthoringError), writing nothing, when any corpus file already exists. A
    `.pre-commit-config.yaml` or `.editorconfig` the directory already has is kept as it is.
    """
    files = corpus_files()
    if directory.exists() and not directory.is_dir():
        raise AuthoringError(f"{directory} exists and is not a directory")

    def exists(name: str) -> bool:
        return (directory / name).exists() or (directory / name).is_symlink()

    existing = [name for name in files if name not in SHARED_FILES and exists(name)]
    if existing:
        raise AuthoringError(f"{directory / existing[0]} already exists; hirel init never overwrites "
                             "(choose an empty directory)")
    kept = [directory / name for name in SHARED_FILES if exists(name)]
    written = []
    try:
        for name, content in files.items():
            path = directory / name
            if path in kept:
                continue
            path.parent.mkdir(parents=True, exist_ok=True)
            with path.open("x", encoding="utf-8") as stream:
                stream.write(content)
            written.append(path)
    except OSError as exc:
        raise AuthoringError(f"cannot write {exc.filename or directory}: {exc.strerror or exc}") from exc
    return written, kept
