"""Guards on what the data files hold and where they are: hidden characters, links that leave.

Anyone may edit the files of a corpus (a pull request, a shared folder): text that displays
differently from what it is, and links to files outside the data directory, are reported here.
"""

from __future__ import annotations

import re
from pathlib import Path

from ..model import Loc, Problem
from ..rules.files import HiddenCharacter
from ..values.hidden import HIDDEN_CHARACTERS

HIDDEN = re.compile(f"[{HIDDEN_CHARACTERS}]")
# In an article's text only bidi controls are reported: zero-width characters are common in
# text copied from the web (kept verbatim), and quote matching ignores them.
BIDI = re.compile("[\u202a-\u202e\u2066-\u2069]")
MAX_REPORTED = 20  # hidden-character warnings per file; the last one counts the rest


def hidden_problem(loc: Loc, text: str, more: int = 0) -> Problem:
    """The HR109 warning for ``text`` (which holds hidden characters) written at ``loc``."""
    found = ", ".join(dict.fromkeys(f"U+{ord(c):04X}" for c in HIDDEN.findall(text)))
    tail = f"; {more} more place(s) in this file hold such characters" if more else ""
    return HiddenCharacter.problem(
        loc, f"invisible character(s) {found}: the text displays differently from what it is{tail}",
        "remove them unless they are meant (hirel shows them as ⟨U+…⟩)")


def hidden_characters(text: str, shown: str, first_line: int = 1) -> list[Problem]:
    """HR109 for each line of ``text`` (an article's text) holding a bidi control."""
    if text.isascii() or not BIDI.search(text):  # (every bidi control is outside ASCII)
        return []
    lines = [(number, line) for number, line in enumerate(text.split("\n"), first_line) if BIDI.search(line)]
    problems = []
    for index, (number, line) in enumerate(lines[:MAX_REPORTED]):
        more = len(lines) - MAX_REPORTED if index == MAX_REPORTED - 1 else 0
        column = next(BIDI.finditer(line)).start() + 1  # the line was kept for holding one
        problems.append(hidden_problem(Loc(shown, number, column), line, more))
    return problems


def inside(path: Path, root: Path) -> bool:
    """Whether ``path``, its links followed, is inside the folder ``root`` (links followed too)."""
    try:
        return path.resolve().is_relative_to(root.resolve())
    except (OSError, RuntimeError):  # a loop of links
        return False
