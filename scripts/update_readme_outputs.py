"""Re-run every `$ hirel …` command shown in a ```console block of README.md and docs/*.md and put
its real output (100 columns, no colour) under it. `--check` only reports blocks that are out of date.
A command may end in `| head -n N` (its first N lines, as the shell would print them).

    python scripts/update_readme_outputs.py [--check]
"""

from __future__ import annotations

import os
import re
import shlex
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
README = ROOT / "README.md"
DOCUMENTS = [README, *sorted((ROOT / "docs").glob("*.md"))]
BLOCK = re.compile(r"```console\n\$ (hirel [^\n]*)\n(.*?)```\n", re.DOTALL)


HEAD = re.compile(r"\s*\|\s*head -n (\d+)\s*$")


def run(command: str) -> str:
    env = dict(os.environ, COLUMNS="100", NO_COLOR="1")
    env.pop("FORCE_COLOR", None)
    head = HEAD.search(command)
    if head:
        command = command[: head.start()]
    argv = [sys.executable, "-m", "hirel", *shlex.split(command)[1:]]  # this Python's hirel
    result = subprocess.run(argv, capture_output=True, text=True, env=env, cwd=ROOT, check=False)
    if head:
        return "".join(result.stdout.splitlines(keepends=True)[: int(head.group(1))])
    return result.stdout


def main() -> int:
    stale: list[str] = []
    for document in DOCUMENTS:
        update(document, stale)
    if "--check" in sys.argv:
        for command in stale:
            print(f"out of date: {command}")
        return 1 if stale else 0
    print(f"{len(stale)} block(s) updated")
    return 0


def update(document: Path, stale: list[str]) -> None:
    text = document.read_text(encoding="utf-8")
    name = document.relative_to(ROOT)

    def replace(match: re.Match[str]) -> str:
        command, old = match.group(1), match.group(2)
        new = run(command)
        if new != old:
            stale.append(f"{name}: {command}")
        return f"```console\n$ {command}\n{new}```\n"

    updated = BLOCK.sub(replace, text)
    if "--check" not in sys.argv and updated != text:
        document.write_text(updated, encoding="utf-8")


if __name__ == "__main__":
    sys.exit(main())
