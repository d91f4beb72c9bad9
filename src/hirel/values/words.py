"""The words after a figure: read, or refused. No word is ever silently dropped.

The only words hirel lets stand without reading them are the noun a count counts
(``9,000 families``, ``14 first-team players``) and, after a percentage, what it is a share
of (``44% of voters``). Even those are refused when one is a period word (``times a
minute``), a function word (``per kg``, ``a montth``), a word in another script
(``30 мільйонів``), or close to a rate, period, magnitude or currency word (``montth``,
``milion``, ``lakhz``): a misspelt keyword would otherwise turn a rate into a total, or a
million into one.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .parser import Reading
from .tokens import Token, ValueParseError, error
from .units import Unit
from .vocabulary import COUNTED_WORDS, NOT_COUNTED_WORDS, PERIOD_WORDS, keywords

__all__ = ["check_words"]

_LATIN_WORD_RE = re.compile(r"[a-z][a-z'\-]*\.?", re.IGNORECASE)
_FUNCTION_WORDS = frozenset(
    {"a", "an", "the", "per", "each", "every", "and", "or", "to", "from", "between", "than", "in",
     "on", "at", "by", "for", "since", "until", "with", "as", "is", "was", "were", "are", "be",
     "been", "this", "that", "these", "those", "its", "their", "his", "her", "our", "it",
     "times", "fold", "so", "far", "total", "overall", "only", "just", "after", "before", "during",
     "when", "while", "amid", "into", "because", "but", "if", "who", "which", "whom", "whose"}
)
_MISSPELLING_SCORE = 80.0


@lru_cache(maxsize=1)
def _keywords() -> tuple[str, ...]:
    return tuple(sorted(keywords()))


def nearest_keyword(word: str) -> str | None:
    """The rate, period, magnitude or currency word ``word`` is a misspelling of, if any."""
    lowered = word.lower().strip(".")
    if len(lowered) < 3 or lowered in COUNTED_WORDS or lowered in NOT_COUNTED_WORDS:
        return None
    from rapidfuzz import fuzz, process

    match = process.extractOne(lowered, _keywords(), scorer=fuzz.ratio, score_cutoff=_MISSPELLING_SCORE)
    if match is None or match[0] == lowered:
        return None
    if min(len(lowered), len(match[0])) <= 5 and abs(len(lowered) - len(match[0])) > 1:
        return None  # a short word two letters shorter or longer is another word ('dead', 'decade')
    return match[0]


def _refuse(raw: str, token: Token, reason: str, hint: str) -> ValueParseError:
    exc = error(raw, f"'{token.text}' (at character {token.start + 1}) {reason}")
    exc.hint = hint
    exc.position = token.start
    exc.word = token.text
    return exc


def _check_noun(raw: str, token: Token, *, first: bool) -> None:
    word = token.text
    lowered = word.lower()
    if lowered == "of" and first:
        return  # 'thousands of people', '44% of voters'
    if token.kind != "word" and not (token.kind == "of" and first):
        raise _refuse(raw, token, "cannot be read here", "write only the figure and what it counts")
    if not _LATIN_WORD_RE.fullmatch(word):
        raise _refuse(raw, token, "is not a word hirel reads",
                      "write the figure in English with digits, e.g. '30 million'")
    if len(lowered) == 1:
        raise _refuse(raw, token, "is a lone letter", "a one-letter magnitude touches its figure: '2.33k', '$5m'")
    if len(lowered.strip(".")) == 2:
        raise _refuse(raw, token, "is too short to be sure it is what the figure counts",
                      "write only the figure, or the noun in full")
    if lowered in PERIOD_WORDS:
        raise _refuse(raw, token, "is a period: a figure per period is a rate",
                      f"write it as a rate, e.g. 'per {lowered.rstrip('s').rstrip('ly') or lowered}', "
                      "or leave the period to 'when'")
    if lowered.strip(".") in NOT_COUNTED_WORDS:
        raise _refuse(raw, token, "is a verb, not what the figure counts",
                      "write only the figure and what it counts, e.g. '708 dead'")
    if lowered in _FUNCTION_WORDS and not (lowered == "of" and first):
        raise _refuse(raw, token, "cannot be read here",
                      "write only the figure and what it counts; a rate is per hour, day, week, month or year")
    close = nearest_keyword(lowered)
    if close is not None:
        raise _refuse(raw, token, f"looks like a misspelling of '{close}'", f"did you mean '{close}'?")


def check_words(reading: Reading, unit: Unit, raw: str, steps: list[str]) -> None:
    """Refuse every word after the figure except the noun a count counts (or, after a
    percentage, 'of' and what it is a share of); record the noun in the steps."""
    words = reading.words
    if not words:
        return
    for token in words:  # a misspelt keyword first: it is the likeliest mistake
        close = nearest_keyword(token.text) if token.kind == "word" else None
        if close is not None:
            raise _refuse(raw, token, f"looks like a misspelling of '{close}'", f"did you mean '{close}'?")
    first = words[0]
    if unit.is_currency and not reading.currencies and not reading.subunit and first.kind == "word" \
            and _LATIN_WORD_RE.fullmatch(first.text):
        raise _refuse(raw, first, f"follows a figure with no currency, and the proposition is in {unit.base}",
                      f"a count cannot be compared with {unit.base}; write the amount with its currency")
    if unit.is_currency:
        close = nearest_keyword(first.text)
        hint = f"did you mean '{close}'?" if close else "write only the amount, e.g. '$30 million a month'"
        raise _refuse(raw, first, "cannot be read after an amount of money", hint)
    if unit.base == "percent":
        if first.kind != "of" or len(words) == 1:
            raise _refuse(raw, first, "cannot be read after a percentage",
                          "write only the percentage, e.g. 'about 50%'; a change needs `measures: change`")
    elif unit.base != "count":
        raise _refuse(raw, first, "cannot be read here", "write only the figure")
    for index, token in enumerate(words):
        _check_noun(raw, token, first=index == 0)
    noun = " ".join(t.text for t in words)
    what = "what the share is of" if unit.base == "percent" else "what is counted"
    steps.append(f"'{noun}' names {what}")
