"""What every rule is: a code, a name, a default severity, and its documentation.

A rule's docstring is its user documentation (shown by `hirel rule CODE`, and docs/rules.md is
generated from it): a one-line summary, why it matters, then a FAIL and a PASS example. The code
that finds a problem calls ``SomeRule.problem(loc, message, hint)``; the severity is not stamped
there: the checker attaches each rule's severity from the registry (see ``registry.judge``).
"""

from __future__ import annotations

from typing import ClassVar

from ..problems import ERROR, Loc, Problem, Severity

# the severity of a problem until the checker attaches its rule's
from ..problems import UNJUDGED as UNJUDGED  # noqa: PLC0414


class Rule:
    code: ClassVar[str]
    name: ClassVar[str]
    severity: ClassVar[Severity] = ERROR  # the default level; the checker applies it

    @classmethod
    def problem(cls, loc: Loc, message: str, hint: str | None = None) -> Problem:
        return Problem(loc.path, loc.line, loc.column, cls.code, UNJUDGED, message, hint)

    @classmethod
    def summary(cls) -> str:
        import inspect

        return (inspect.getdoc(cls) or "").splitlines()[0]

    @classmethod
    def doc(cls) -> str:
        import inspect

        return inspect.getdoc(cls) or ""

    @classmethod
    def parts(cls) -> tuple[str, list[str], list[tuple[str, str]]]:
        return doc_parts(cls.doc())


def doc_parts(doc: str) -> tuple[str, list[str], list[tuple[str, str]]]:
    """A rule's docstring as (summary, paragraphs of explanation each on one line, and the
    examples as [("FAIL" or "PASS", the example dedented)]), for `hirel rule` and docs/rules.md."""
    import textwrap

    lines = doc.splitlines()
    summary, body = (lines[0] if lines else ""), lines[1:]
    prose: list[str] = []
    examples: list[tuple[str, list[str]]] = []
    for line in body:
        label = line.strip().rstrip(":")
        if line.strip().endswith(":") and label in ("FAIL", "PASS") and not line.startswith(" "):
            examples.append((label, []))
        elif examples:
            examples[-1][1].append(line)
        else:
            prose.append(line)
    paragraphs = [" ".join(p.split()) for p in "\n".join(prose).split("\n\n") if p.strip()]
    return summary, paragraphs, [(label, textwrap.dedent("\n".join(text)).strip("\n")) for label, text in examples]
