"""The shortest quote of a claim inside its sentence: clauses, and the span that holds a claim.

A sentence is cut into segments at commas, semicolons, colons and dashes (never inside a
figure or a date; a bracketed aside stays in its clause). A comma only separates two *units*
when what follows it begins a clause of its own: a relative ('who', 'which'), a subordinator
('while', 'because', 'though'), a contrast ('but', 'yet'), a participle ('building homes',
'effectively breaking') or an attribution ('according to', 'citing'); or when what precedes it
is the sentence's opening phrase ('In 2012,', 'According to some sources,'). Other commas
(lists, 'and', appositions: 'X, Hamas' leader, said') stay inside a unit; a clause between
commas inside the main one ('Leaders, who were due to attend, cancelled') is part of it.

A claim's span runs from the first to the last unit it needs: the units of its figures, of its
attribution, and everything between. A unit that cannot stand alone (an opening phrase, a
relative or subordinate clause) brings the unit it hangs on: an opening phrase the next one, any
other the one before (so does what follows a colon or a dash in lower case). An opening phrase
before the span is kept (it qualifies the claim) unless it is a clause of its own ('Although the
talks failed,'). A leading 'but' or 'and' is left out, a bracket never opens or closes alone at
an end, and a quotation (“…” or "…") cut by an end is taken whole. The ends fall on word boundaries,
since the units do.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass

# Brackets do not cut: '(the group)' is an aside inside its clause, whose subject is before it.
_BOUNDARY = re.compile(r",\s+|;\s+|:\s+|\s+[—–]\s+|\s+-\s+")
_HARD = re.compile(r"[;:—–]|\s-\s")
_SUBORDINATE = frozenset(
    "who whom whose which where whereby while whilst though although because since as after before when "
    "whereas despite unless if until once even amid according citing than".split())
_CLAUSAL = frozenset("while whilst although though because if once unless whereas when as".split())
_COORDINATE = frozenset("but yet".split())
_OPENING = frozenset(
    "in on at since after before during by from as when while although though despite apart according citing "
    "following amid unlike like with without for over under until if because once now first second third "
    "also however still meanwhile then yet today last this earlier later instead indeed moreover "
    "furthermore nevertheless nonetheless besides overall finally recently previously already".split())


@dataclass(frozen=True)
class Unit:
    start: int  # offsets in the sentence
    end: int
    kind: str  # 'opening', 'main' or 'subordinate'


def _first_words(text: str) -> list[str]:
    return re.findall(r"[\w’'-]+", text[:60].lower())[:2]


def _begins_clause(text: str) -> str | None:
    """'subordinate' or 'main' when a segment begins a clause of its own, else None."""
    words = _first_words(text)
    if not words:
        return None
    first = words[0]
    if first in _SUBORDINATE:
        return "subordinate"
    if first in _COORDINATE:
        return "main"
    participle = first.endswith("ing") or (first.endswith("ly") and len(words) > 1 and words[1].endswith("ing"))
    if text[:1].islower() and first != "including" and participle:
        return "subordinate"  # '…, building homes', '…, effectively breaking relations'
    return None


def units(sentence: str, keep: list[tuple[int, int]]) -> list[Unit]:
    """The units of a sentence; no cut falls inside a span of ``keep`` (sentence offsets)."""
    cuts = [m for m in _BOUNDARY.finditer(sentence)
            if not any(s <= m.start() < e for s, e in keep) and 0 < m.start() and m.end() < len(sentence)]
    segments: list[tuple[int, int, re.Match[str] | None]] = []
    start = 0
    for m in cuts:
        segments.append((start, m.start(), m))
        start = m.end()
    segments.append((start, len(sentence), None))
    out: list[Unit] = []
    for index, (s, e, after) in enumerate(segments):
        text = sentence[s:e]
        if index == 0:
            words = _first_words(text)
            kind = "opening" if len(segments) > 1 and words and words[0] in _OPENING and (
                after is not None and after.group().strip() == ",") else "main"
            out.append(Unit(s, e, kind))
            continue
        before = segments[index - 1][2]
        cut = before.group() if before is not None else ""
        hard = _HARD.search(cut) is not None
        begins = _begins_clause(text)
        if hard or begins or out[-1].kind == "opening":
            kind = begins or "main"
            if out[-1].kind == "opening" and begins == "subordinate" and after is not None \
                    and after.group().strip() == ",":
                kind = "opening"  # 'In October 2023, following the invasion, …': openings in a row
            elif kind == "main" and hard and cut.strip() != ";" and not text[:1].isupper() \
                    and text[:1] not in "\"“‘'":
                kind = "subordinate"  # 'counted deliveries: about 120 vehicles …' hangs on what precedes
            out.append(Unit(s, e, kind))
        elif out[-1].kind == "subordinate" and len(out) > 1 and out[-2].kind == "main":
            # 'Leaders, who were to attend, cancelled': the clause between commas is an aside
            out[-2:] = [Unit(out[-2].start, e, "main")]
        else:  # a list item or an apposition ('Yahya Sinwar, Hamas' leader, said'): the same unit
            last = out[-1]
            out[-1] = Unit(last.start, e, last.kind)
    return out


def _index(parts: list[Unit], at: int) -> int:
    for i, unit in enumerate(parts):
        if at < unit.end:
            return i
    return len(parts) - 1


def claim_span(sentence: str, parts: list[Unit], anchors: list[int],
               quotes: Quotations | None = None) -> tuple[int, int]:
    """The span (sentence offsets) from the first to the last unit that the ``anchors``
    (offsets of the figures, the attribution, …) need, a leading 'but'/'and' left out;
    ``quotes``: the sentence's quotations, when already found."""
    if not anchors:
        return 0, len(sentence)
    chosen = {_index(parts, at) for at in anchors}
    for i in list(chosen):
        if parts[i].kind == "opening" and i + 1 < len(parts):
            j = i + 1
            while j + 1 < len(parts) and parts[j].kind != "main":
                j += 1
            chosen.add(j)
        elif parts[i].kind == "subordinate":
            j = i - 1
            while j > 0 and parts[j].kind != "main":
                j -= 1
            if j >= 0:
                chosen.add(j)
    low = min(chosen)
    # an opening phrase qualifies the claim ('In 2012,', 'Despite the support,'): kept, unless it
    # is a clause of its own ('Although the talks failed,')
    while low > 0 and parts[low - 1].kind == "opening" and _first_words(
            sentence[parts[low - 1].start:parts[low - 1].end])[0] not in _CLAUSAL:
        low -= 1
    first, last = parts[low], parts[max(chosen)]
    start, end = first.start, last.end
    lead = re.match(r"(?:but|and|or|yet|so)\s+", sentence[start:end], re.IGNORECASE)
    if lead and start > 0 and start + lead.end() <= min(anchors):
        start += lead.end()
    text = sentence[start:end]
    end = start + len(text.rstrip(" ,;:—–-"))
    start, end = _balanced(sentence, start, end, min(anchors), max(anchors) + 1)
    return (quotes or Quotations(sentence)).whole(min(start, min(anchors)), max(end, max(anchors) + 1))


class Quotations:
    """The quotations of a text, as (start of the opening mark, end of the closing mark). Curly
    marks say which way they face; a straight mark (") opens after a space or the start and
    before a word, else it closes; either closes the other ('"Unity of All Fronts.”'). A mark
    left alone is a quotation that runs on from the text before (a closing one: from the
    start) or into what follows (an opening one: to the end).

    Built once for a text, then asked about one span after another, each in time that grows
    with the span, not with the text."""

    def __init__(self, text: str) -> None:
        self.spans: list[tuple[int, int]] = []
        marks: list[tuple[int, int]] = []  # (offset of a mark, index of its quotation)
        open_at: list[int] = []
        for m in _MARKS.finditer(text):
            i, char = m.start(), m.group()
            if char == '"':
                before = text[i - 1] if i else " "
                after = text[i + 1] if i + 1 < len(text) else " "
                opens = (before.isspace() or before in "([{—–-") and not after.isspace()
            else:
                opens = char == "“"
            if opens:
                open_at.append(i)
                continue
            index = len(self.spans)
            if open_at:
                opening = open_at.pop()
                self.spans.append((opening, i + 1))
                marks.append((opening, index))
            else:
                self.spans.append((0, i + 1))
            marks.append((i, index))
        for opening in open_at:
            marks.append((opening, len(self.spans)))
            self.spans.append((opening, len(text)))
        marks.sort()
        self._at = [at for at, _index in marks]
        self._of = [index for _at, index in marks]

    def whole(self, start: int, end: int) -> tuple[int, int]:
        """The span, widened until no quotation has a mark in it and another part outside."""
        changed = True
        while changed:
            changed = False
            for k in range(bisect_left(self._at, start), bisect_left(self._at, end)):
                q_start, q_end = self.spans[self._of[k]]
                if q_start < start or q_end > end:
                    start, end, changed = min(start, q_start), max(end, q_end), True
        return start, end


_MARKS = re.compile('["“”]')


def quotations(text: str) -> list[tuple[int, int]]:
    """The quotations of ``text`` (see Quotations), in order of their start."""
    return sorted(Quotations(text).spans)


def whole_quotations(sentence: str, start: int, end: int) -> tuple[int, int]:
    """A quotation whose opening or closing mark is in the span and another part outside it
    (straight or curly marks) is taken whole."""
    return Quotations(sentence).whole(start, end)


def _balanced(sentence: str, start: int, end: int, first: int, last: int) -> tuple[int, int]:
    """No bracket left open or closed alone at an end: the span starts after a lone ')' and
    ends before a lone '(', never past the anchors (``first`` to ``last``)."""
    depth, cut = 0, None
    for i in range(start, end):
        if sentence[i] == "(":
            depth += 1
        elif sentence[i] == ")":
            if depth:
                depth -= 1
            else:
                cut = i + 1
    if cut is not None and cut <= first:
        start = cut + len(sentence[cut:end]) - len(sentence[cut:end].lstrip())
    depth, cut = 0, None
    for i in range(end - 1, start - 1, -1):
        if sentence[i] == ")":
            depth += 1
        elif sentence[i] == "(":
            if depth:
                depth -= 1
            else:
                cut = i
    if cut is not None and cut >= last and sentence[start:cut].strip():
        end = start + len(sentence[start:cut].rstrip(" ,;:—–-"))
    return start, end
