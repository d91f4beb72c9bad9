"""How the authoring commands report: `suggest` (YAML stubs, a table, JSON), `quote`, `init`,
`add`, and `entities --unknown`. Each reporter writes only to the stream of its `Target`."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from .browsing import Target
from .render import cell, print_hanging, print_indented, write_json
from .terminal import json_text, safe, safe_line

if TYPE_CHECKING:
    from ..authoring.add import NewArticle
    from ..authoring.quote import FoundQuote
    from ..authoring.suggest import ArticleSuggestions, Stub, Suggestion
    from ..authoring.unknown import UnknownName

__all__ = ["Added", "QuoteFound", "Started", "Suggested", "add_text", "init_text", "quote_text", "suggest_json",
           "suggest_table", "suggest_yaml", "unknown_entities_yaml"]


# --------------------------------------------------------------------------- suggest


@dataclass(frozen=True)
class Suggested:
    """An article's suggestions, whether --all asks for the sentences already covered, and
    whether the article has claims already (the YAML then says to add to its claims file)."""

    article_id: str
    result: ArticleSuggestions
    include_covered: bool
    has_claims: bool

    def rows(self) -> list[tuple[Suggestion, Stub]]:
        return [(s, stub) for s in self.result.suggestions if self.include_covered or not s.covered
                for stub in s.stubs]


def suggest_yaml(suggested: Suggested, target: Target) -> None:
    from ..authoring.stubs import suggestions_yaml

    target.stream.write(suggestions_yaml(suggested.result, suggested.include_covered, suggested.has_claims))


def suggest_json(suggested: Suggested, target: Target) -> None:
    from .serialize import suggestions_document

    write_json(suggestions_document(suggested.article_id, suggested.result, suggested.rows()), target.stream)


def suggest_table(suggested: Suggested, target: Target) -> None:
    """A card per stub, readable at any width (a six-column table left the quote a dozen
    columns at 80): its line, why it is checkable and the closest proposition; the quote;
    the value as read and the claimant. Then the article's coverage."""
    from rich.text import Text

    console = target.console()
    result = suggested.result
    for s, stub in suggested.rows():
        head = Text(f"line {stub.line}", style="bold")
        head.append(" · " + safe_line(", ".join(s.reasons)) + (" (covered)" if s.covered else ""), style="dim")
        if stub.propositions:
            pid, score = stub.propositions[0]
            head.append(" · closest: ")
            head.append(safe_line(pid), style="cyan")
            head.append(f" ({score:g})", style="dim")
        print_hanging(console, head, 0, 4)
        print_indented(console, Text(f"“{safe_line(stub.quote)}”"), 4)
        details = []
        if stub.value is not None:
            details.append(f"value: {safe_line(stub.value.text)} = {safe_line(stub.value.reading)}")
        if stub.attribution.claimant:
            details.append(f"claimant: {safe_line(stub.attribution.claimant)}")
        if details:
            print_indented(console, Text(" · ".join(details)), 4)
    coverage = "" if result.coverage is None else f" ({result.coverage:.0%})"
    console.print(cell(f"{result.article_id}: {result.covered} of {result.checkable} checkable sentences "
                       f"covered{coverage}"))


# --------------------------------------------------------------------------- quote


@dataclass(frozen=True)
class QuoteFound:
    """The passage found for `hirel quote`, and the path of its article."""

    path: str
    found: FoundQuote


def quote_text(quoted: QuoteFound, target: Target) -> None:
    """``path:line: exact`` (or the score), the quote as a JSON string ready to paste, and the
    words where it differs from what was asked."""
    found, out = quoted.found, target.stream.write
    state = "exact" if found.exact else f"score {found.passage.score:g}"
    if found.occurrences > 1:
        state += f", {found.occurrences} occurrences (this is the first; lengthen the quote to name one)"
    out(f"{safe_line(quoted.path)}:{found.passage.line}: {state}\n")
    out(f"quote: {json_text(found.passage.text, indent=None)}\n")  # C1, bidi, zero-width as \\u escapes
    if found.differences:
        out("differs: " + safe_line(found.differences) + "\n")


# --------------------------------------------------------------------------- init and add


@dataclass(frozen=True)
class Started:
    """What `hirel init` wrote into ``directory``, and the files it found there and kept."""

    directory: Path
    written: Sequence[Path]
    kept: Sequence[Path]


def init_text(started: Started, target: Target) -> None:
    out = target.stream.write
    for path in started.written:
        out(f"created {safe_line(path.as_posix())}\n")
    for path in started.kept:
        out(f"kept your {safe_line(path.as_posix())}")
        out(": add the hirel-check hook to it (see docs/authoring.md)\n" if path.name.startswith(".pre") else "\n")
    where = "" if started.directory == Path(".") else f"cd {safe_line(started.directory.as_posix())} && "
    out(f"next: {where}hirel add PAGE.html (or a URL), then hirel check\n")


@dataclass(frozen=True)
class Added:
    """The article `hirel add` planned, and the files it wrote (None: --dry-run, nothing written)."""

    plan: NewArticle
    written: Sequence[Path] | None


def add_text(added: Added, target: Target) -> None:
    """With --dry-run the article file as it would be written; else what was written, the front
    matter, what to add to it (a missing date), the outlet's entity when a new one was added, and
    what to do next."""
    plan, out = added.plan, target.stream.write
    if added.written is None:
        out(safe(plan.content))
        return
    from ..loading.datafiles import display_path

    paragraphs = plan.body.count("\n\n") + 1
    out(f"added {safe_line(display_path(added.written[0]))} ({paragraphs} paragraph{'' if paragraphs == 1 else 's'})\n")
    for key, value in plan.front.items():
        out(f"  {key}: {safe_line(value)}\n")
    for remark in plan.remarks:  # 'no publication date found: …'
        out(f"note: {safe_line(remark)}\n")
    if plan.outlet_note:
        out(f"note: {safe_line(plan.outlet_note)}\n")
    if plan.new_entity:
        for line in plan.new_entity.rstrip("\n").split("\n"):
            out("  " + " " * (len(line) - len(line.lstrip())) + f"{safe_line(line)}\n")
    out(f"next: hirel suggest {plan.id}\n")


# --------------------------------------------------------------------------- entities --unknown


def unknown_entities_yaml(groups: Sequence[UnknownName], target: Target) -> None:
    """A YAML stub per name used but not defined, after a comment saying where it is used.
    Nothing when every name is defined (the command says so on stderr)."""
    from ..authoring.stubs import comment, entity_stub

    if not groups:
        return
    out = target.stream.write
    out(f"# {len(groups)} name(s) used but not in entities.yaml; check the grouped spellings\n")
    for group in groups:
        places = ", ".join(f"{role} at {loc.path}:{loc.line}" for role, loc in group.uses[:3])
        more = f" and {len(group.uses) - 3} more" if len(group.uses) > 3 else ""
        out(f"# {comment(places)}{more}\n")
        out(entity_stub(group.name, group.aliases))
