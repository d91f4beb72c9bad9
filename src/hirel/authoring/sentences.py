"""An article body split into sentences, with offsets.

A sentence ends at '.', '!' or '?' (closing quotes and brackets included) followed by a
space and a capital, a digit or an opening quote, and at every line break; abbreviations
(`U.S.`, `Sept.`, `Dr.`) and initials do not end one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_ABBREVIATIONS = frozenset(
    "mr mrs ms dr prof gen lt col maj capt sgt sen rep gov pres st jr sr inc ltd co corp no vs etc "
    "jan feb mar apr jun jul aug sep sept oct nov dec u.s u.k u.n e.g i.e a.m p.m fig approx dept est "
    "ave mt ft rev adm cmdr brig".split())
_END = re.compile(r"[.!?…]+[\"”’')\]]*(?=\s+[\"“‘'(\[]?[A-Z0-9])")


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    text: str


def _ends_abbreviation(text: str, dot: int) -> bool:
    m = re.search(r"([A-Za-z][A-Za-z.]*)\.$", text[max(0, dot - 12):dot + 1])
    if not m:
        return False
    word = m.group(1).lower()
    return word in _ABBREVIATIONS or len(word) == 1 or (len(word) <= 4 and "." in word)


def split_sentences(body: str) -> list[Sentence]:
    sentences = []
    for line in re.finditer(r"[^\n]+", body):
        base, text = line.start(), line.group()
        start = 0
        for m in _END.finditer(text):
            if text[m.start()] == "." and m.end() - m.start() == 1 and _ends_abbreviation(text, m.start()):
                continue
            sentences.append((base + start, base + m.end()))
            start = m.end()
        sentences.append((base + start, base + len(text)))
    out = []
    for start, end in sentences:
        while start < end and body[start].isspace():
            start += 1
        while end > start and body[end - 1].isspace():
            end -= 1
        if end > start:
            out.append(Sentence(start, end, body[start:end]))
    return out
