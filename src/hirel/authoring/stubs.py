"""Claim and entity stubs as YAML text, ready to paste.

Every string from the article is written as a double-quoted scalar (JSON escaping is valid
YAML), so no article text can break the YAML or reach a terminal as a control sequence.
Names that are not entities yet are written as comments, with an entity stub to add, so that
a pasted stub passes `hirel check` as soon as its proposition is chosen.
"""

from __future__ import annotations

import json
import re

import yaml

from ..loading.fields import PROPOSITION_PLACEHOLDER
from ..output.terminal import json_text
from .suggest import ArticleSuggestions, Stub

CHOOSE = PROPOSITION_PLACEHOLDER  # the placeholder for the proposition


def quoted(text: str) -> str:
    """``text`` as a double-quoted YAML scalar: JSON escaping, with C1 controls, bidi controls
    and zero-width characters written as \\u escapes too (the value is the same)."""
    return json_text(text, indent=None)


def scalar(text: str) -> str:
    """A YAML scalar for ``text``: plain when that is unambiguous, else double-quoted."""
    if re.fullmatch(r"[A-Za-z][\w .,'’()&-]*[\w.)]", text) and not re.search(r":\s|\s#|^(?:yes|no|on|off|true|false|null)$",
                                                                            text, re.IGNORECASE):
        return text
    return quoted(text)


def comment(text: str) -> str:
    """Text safe inside a YAML comment (one line, no control characters)."""
    return quoted(" ".join(str(text).split()))[1:-1]


def entity_stub(name: str, aliases: list[str] | None = None) -> str:
    body = {"aliases": aliases} if aliases else {}
    if any(quoted(text)[1:-1] != json.dumps(text, ensure_ascii=False)[1:-1] for text in (name, *(aliases or ()))):
        # A name with a C1, bidi or zero-width character: escaped, never written raw.
        return f"{quoted(name)}:" + (f"\n  aliases: [{', '.join(map(quoted, aliases))}]\n" if aliases else " {}\n")
    return yaml.safe_dump({name: body}, sort_keys=False, allow_unicode=True, width=10_000,
                          default_flow_style=None)


def stub_lines(stub: Stub, covered: bool = False) -> list[str]:
    a = stub.attribution
    mark = "  # covered: a claim already quotes this sentence" if covered else ""
    lines = [f"  - id: {stub.id}{mark}"]
    if stub.propositions:
        choices = ", ".join(f"{pid} ({score:g})" for pid, score in stub.propositions)
        lines.append(f"    proposition: {CHOOSE}  # a {stub.kind} proposition; closest: {choices}")
    else:
        lines.append(f"    proposition: {CHOOSE}  # a {stub.kind} proposition (add one to propositions.yaml)")
    lines.append(f"    quote: {quoted(stub.quote)}")
    if a.claimant and a.claimant_known:
        lines.append(f"    claimant: {scalar(a.claimant)}  # from '{comment(a.cue or '')}'")
    elif a.claimant:
        lines.append(f"    # claimant: {comment(a.claimant)}  # not in entities.yaml: add the stub below")
    elif a.cue:
        lines.append(f"    # claimant: ?  # '{comment(a.cue)}' without a name")
    if a.via:
        lines.append(f"    via: [{', '.join(scalar(v) for v in a.via)}]")
    if stub.value is not None:
        lines.append(f"    value: {quoted(stub.value.text)}  # reads: {comment(stub.value.reading)}")
    else:
        lines.append("    stance: supports  # or refutes")
    if stub.when:
        lines.append(f"    when: {quoted(stub.when)}  # from {comment(stub.when_source or '')}")
    if a.certainty:
        lines.append(f"    certainty: {a.certainty}  # '{comment(a.hedge or '')}'")
    return lines


def suggestions_yaml(result: ArticleSuggestions, include_covered: bool, claims_file_exists: bool) -> str:
    """The stubs of one article as a YAML document (comments say where each comes from)."""
    shown = [s for s in result.suggestions if include_covered or not s.covered]
    coverage = f"{result.covered} of {result.checkable} checkable sentences covered"
    if result.coverage is not None:
        coverage += f" ({result.coverage:.0%})"
    lines = [f"# {result.article_id}: {coverage}"]
    if claims_file_exists:
        lines.append(f"# add under 'claims:' in claims/{result.article_id}.yaml, then choose each proposition")
    else:
        lines.append(f"# save as claims/{result.article_id}.yaml, then choose each proposition")
    lines.append("claims:")
    unknown: dict[str, None] = {}
    for suggestion in shown:
        lines.append(f"  # line {suggestion.line}: {', '.join(suggestion.reasons)}")
        for stub in suggestion.stubs:
            lines.extend(stub_lines(stub, suggestion.covered))
            for name in stub.attribution.unknown:
                unknown.setdefault(name)
    if not shown:
        lines[-1] = "claims: []" if not claims_file_exists else "# nothing left to annotate"
    if unknown:
        lines.append("")
        lines.append("# names not in entities.yaml: add them there (check the spelling), then uncomment the claimant;")
        lines.append("# a sentence that names two entities is checkable, so declaring names can raise the count above")
        for name in unknown:
            lines.extend("# " + line for line in entity_stub(name).rstrip("\n").split("\n"))
    return "\n".join(lines) + "\n"
