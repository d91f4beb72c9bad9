"""Who a sentence attributes its statement to, and how sure it is.

Cues: "according to X", "citing X", "X said/told/reported/stated…", "said X", "as reported by X",
"reports suggest". The name is the capitalized phrase next to the cue; names that are
entities (or aliases) of the corpus are recognised anywhere in the sentence.

A possessive names someone of the owner, not the owner: "Derna's mayor, Abdel-Moneim al-Ghaithi"
is the name in apposition, "Derna's mayor" alone the unnamed person "unnamed Derna mayor", and
"the UN's International Organization for Migration" the capitalised name after it. A possessive
of a thing ("according to Iran's statement") still names the owner. A determiner or quantifier
("Many said", "Some told") is never a name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..comparing.entities import EntityIndex

_NAME = r"[A-Z][\w.'’&-]*(?:\s+(?:of|the|for|and|de|al|al-|bin|von|van|du|der)?\s*[A-Z][\w.'’&-]*)*"
# Words that are also nouns ('Arab states', 'press reports') count as verbs only before 'that'.
_VERBS = ("said|says|say|told|tells|stated|claimed|reported|announced|announces|"
          "confirmed|confirms|denied|denies|added|adds|noted|warned|warns|estimated|"
          "revealed|reveals|acknowledged|wrote|writes|insisted|argued|alleged|alleges|asserted|"
          "suggested|suggests|suggest|indicated|indicate|indicates|showed|believes|believe|"
          "predicted|expects|vowed|admitted|disclosed|testified|"
          "(?:states|claims|reports|notes|estimates|shows|show|declared|declares)(?=\\s+that\\b)")
_LEAD = r"(?:a|an|the|some|recent|several|unnamed|\d{4})"
_PATTERNS = (
    ("according to", re.compile(rf"\baccording to\s+(?:{_LEAD}\s+)*(?P<who>{_NAME})?", re.IGNORECASE)),
    ("citing", re.compile(rf"\bciting\s+(?:{_LEAD}\s+)*(?P<who>{_NAME})?", re.IGNORECASE)),
    ("as reported by", re.compile(rf"\b(?:as\s+)?reported\s+by\s+(?:{_LEAD}\s+)*(?P<who>{_NAME})?", re.IGNORECASE)),
    ("verb", re.compile(rf"(?P<who>{_NAME})?(?:,[^,]{{1,60}},)?,?\s+(?:has\s+|have\s+|had\s+|also\s+|"
                        rf"recently\s+|reportedly\s+|later\s+|earlier\s+)?(?P<verb>\b(?:{_VERBS})\b)")),
    ("said-name", re.compile(rf"\b(?:said|says|wrote)\s+(?P<who>{_NAME})(?=\s*(?:[,.;:]|$))")),
)
_PEOPLE = frozenset("source sources official officials spokesman spokeswoman spokesperson diplomat diplomats "
                    "insider insiders aide aides figure figures person people member members analyst analysts "
                    "expert experts observer observers".split())
_NOT_NAMES = frozenset("It He She They We I This That These Those There The A An In On At For But And "
                       "Statistics Reports Analysts Officials Sources Experts Critics "
                       # determiners and quantifiers: 'Many said', 'Some told reporters'
                       "Many Most Some Few Several Others Other Both All Each Every Any None Neither Either "
                       "Another Much More Less Fewer Dozens Hundreds Thousands Millions Such".split())
# A possessive before one of these names a person of the owner ("Derna's mayor"), not the owner.
_ROLES = (_PEOPLE - {"figure", "figures"}) | frozenset(  # 'Pakistan's official figures' are numbers

    "mayor mayors minister ministers president premier chancellor leader leaders chief chiefs head director "
    "governor ambassador envoy secretary commander commanders general chairman chairwoman chair ceo "
    "representative representatives adviser advisers advisor advisors deputy negotiator negotiators "
    "prosecutor judge lawyer lawyers attorney emir king queen prince sheikh officer officers administrator "
    "coordinator manager founder owner doctor doctors scientist scientists researcher researchers economist "
    "economists witness witnesses resident residents survivor survivors activist activists correspondent "
    "reporter reporters editor mediator delegate delegates commissioner".split())
_POSSESSIVE = re.compile(r"(?:['’]s|(?<=s)['’])\s+")
_APPOSITION = re.compile(rf"^\s*,\s*(?P<name>{_NAME})(?=\s*(?:[,.;:]|$))")
_QUALIFIERS = frozenset("in of for at on from to".split())  # 'leader in the Gaza Strip'
_NEAR = 200  # characters around a verb searched for a possessive speaker
_CALENDAR = frozenset("January February March April May June July August September October November December "
                      "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split())
_CONTRACTIONS = frozenset("it he she that there here what who let where how".split())
# hedge word -> certainty
HEDGES = {
    "reportedly": "likely", "allegedly": "likely", "apparently": "likely", "likely": "likely",
    "probably": "likely", "suggests": "likely", "suggest": "likely", "suggested": "likely",
    "appears": "likely", "appear": "likely", "seems": "likely", "believed to": "likely",
    "is said to": "likely", "are said to": "likely", "said to have": "likely", "thought to": "likely",
    "may": "possible", "might": "possible", "could": "possible", "possibly": "possible",
    "perhaps": "possible", "unconfirmed": "possible", "rumoured": "possible", "rumored": "possible",
}
_HEDGE_RE = re.compile(r"\b(" + "|".join(sorted(map(re.escape, HEDGES), key=len, reverse=True)) + r")\b", re.IGNORECASE)


@dataclass
class Attribution:
    cue: str | None = None  # the words that attribute ('according to', 'said')
    cue_start: int = -1
    cue_end: int = -1
    claimant: str | None = None  # an entity name (canonical) or an unknown name as written
    claimant_known: bool = False
    via: list[str] = field(default_factory=list)
    unknown: list[str] = field(default_factory=list)  # names not in entities.yaml
    hedge: str | None = None
    certainty: str | None = None
    # Where the words naming the claimant are, when another cue comes first ('the ministry said,
    # citing Reuters': 'citing Reuters'); a quote keeps them, so that it shows who is cited.
    source_start: int = -1
    source_end: int = -1


class EntityMatcher:
    """Entity names and aliases found in text (whole words, case as written)."""

    def __init__(self, entities: EntityIndex) -> None:
        self.entities = entities
        names = sorted({n for n in entities.all_names() if len(n) >= 2}, key=len, reverse=True)
        self._re = re.compile(r"(?<![\w-])(?:" + "|".join(map(re.escape, names)) + r")(?![\w-])") if names else None

    def mentions(self, text: str) -> list[tuple[int, int, str]]:
        if self._re is None:
            return []
        return [(m.start(), m.end(), self.entities.resolve(m.group()) or m.group()) for m in self._re.finditer(text)]

    def resolve_phrase(self, phrase: str) -> str | None:
        """The entity a name phrase means: itself, or the longest entity name inside it."""
        for candidate in (phrase, f"The {phrase}"):
            exact = self.entities.resolve(candidate)
            if exact is not None:
                return exact
        found = self.mentions(phrase)
        return max(found, key=lambda m: m[1] - m[0])[2] if found else None


def _clean_name(who: str | None) -> str | None:
    if not who:
        return None
    words = who.split()
    while words and re.sub(r"['’]s$", "", words[0]) in _NOT_NAMES:
        words.pop(0)
    name = re.sub(r"['’]s$", "", " ".join(words)).strip(" ,.'’")  # 'Sindh's figures': Sindh
    return _untitled(name) if len(name) >= 2 and name[0].isupper() else None


# Titles before a person's name: 'Amazon CEO Andy Jassy' and 'Health Minister Othman Abduljalil'
# are the persons, as entities.yaml names them.
_TITLES = frozenset("CEO CFO COO Chairman Chairwoman Chair President Vice Premier Minister Secretary Mayor Governor "
                    "Senator Sen Rep Representative Spokesman Spokeswoman Spokesperson Director Chief Commissioner "
                    "Ambassador Envoy General Gen Admiral Colonel Col Dr Prof Mr Mrs Ms King Queen Prince Sheikh "
                    "Ayatollah Judge Justice Chancellor Leader Founder Head Executive Officer Deputy".split())


def _untitled(name: str) -> str:
    """The name without the titles (and their 'of …') before it, when a name is left: 'Amazon CEO
    Andy Jassy' -> 'Andy Jassy', 'Secretary of State Antony Blinken' -> 'Antony Blinken'; a
    title that is the whole name ('Director of National Intelligence') stays."""
    words = name.split()
    last = max((i for i, w in enumerate(words) if w.rstrip(".") in _TITLES), default=None)
    if last is None:
        return name
    rest, skipped_of = words[last + 1:], False
    while len(rest) >= 2 and rest[0] == "of":
        rest, skipped_of = rest[2:] if rest[1] != "the" else rest[3:], True
    if not rest or not (rest[0][:1].isupper() or rest[0].startswith(("al-", "el-"))) or (skipped_of and len(rest) < 2):
        return name
    return " ".join(rest)


def _owner(text: str) -> list[str]:
    """The words of the owner before a possessive mark ('In May Iran' -> ['Iran'])."""
    words = text.split()
    while words and (words[0] in _NOT_NAMES or words[0] in _CALENDAR or words[0].lower() in ("the", "a", "an")):
        words.pop(0)
    return [] if len(words) == 1 and words[0].lower() in _CONTRACTIONS else words


def possessive(phrase: str, after: str = "") -> tuple[str, int] | None:
    """Whom a possessive phrase names, and how many characters of ``after`` (the text that follows
    the phrase) name it too; None when the phrase holds no possessive of a person or a name.

    'Derna's mayor' + ', Abdel-Moneim al-Ghaithi.' -> the name in apposition; 'Derna's mayor' alone
    -> 'unnamed Derna mayor'; 'Libya's Health Minister Othman Abduljalil' -> 'Othman Abduljalil';
    'the UN's International Organization for Migration' -> 'International Organization for
    Migration'; 'Iran's statement' (not a person) -> None."""
    found = _POSSESSIVE.search(phrase)
    owner_words = _owner(phrase[:found.start()]) if found else []
    if found is None or not owner_words:
        return None
    words = phrase[found.end():].strip(" ,.;:").split()
    if not words:
        return None
    def is_role(word: str) -> bool:
        return word.strip(".,").casefold() in _ROLES

    if not words[0][:1].isupper():  # 'mayor', 'foreign minister', 'mayor Abdel-Moneim al-Ghaithi'
        role_end = next((i for i, w in enumerate(words) if w[:1].isupper() or w in _QUALIFIERS), len(words))
        if not role_end or not is_role(words[role_end - 1]):
            return None  # 'Iran's statement', 'the UN's latest report': the owner's own words
        if role_end < len(words) and words[role_end] in _QUALIFIERS:
            role_end = len(words)  # 'Hamas' leader in the Gaza Strip': one role
    else:  # 'Health Minister Othman Abduljalil', 'Foreign Minister', or a name
        role_end = next((i + 1 for i in range(len(words) - 1, -1, -1) if is_role(words[i])
                         and all(w[:1].isupper() for w in words[:i + 2])), 0)
    if role_end < len(words):
        name = _clean_name(" ".join(words[role_end:]))
        return (name, 0) if name is not None else None
    apposition = _APPOSITION.match(after)
    name = _clean_name(apposition.group("name")) if apposition else None
    if apposition is not None and name is not None:
        return name, apposition.end()
    return f"unnamed {' '.join(owner_words)} {' '.join(words[:role_end])}", 0


def _owned(name: str) -> str | None:
    """Whom a name with a possessive names: the person or name after it ('Derna's Mayor
    Abdel-Moneim al-Ghaithi'), else its owner ('Libya's' alone)."""
    owned = possessive(name)
    if owned is not None:
        return owned[0]
    mark = _POSSESSIVE.search(name)
    return _clean_name(" ".join(_owner(name[:mark.start()])) if mark else name)


def _possessive_at_end(before: str) -> str | None:
    """The claimant of a possessive phrase that ends ``before`` ('…, Iran's foreign minister')."""
    before = before[-_NEAR:]  # a speaker is next to the verb: a bounded search, however long the sentence
    found = re.search(r"(?:^|(?<=[\s(“\"]))(?P<phrase>(?:[A-Z][\w.&-]*\s+)*[\w.&-]+(?:['’]s|(?<=s)['’])\s+[^,;:“”\"()]+)$",
                      before)
    if found is None:
        return None
    return _owned(found.group("phrase"))  # 'Libya's government said': Libya


def _possessive_after(sentence: str, at: int) -> str | None:
    """The claimant of a possessive phrase right after a verb ('…, said Iran's foreign minister.')."""
    tail = re.match(r"\s+(?P<phrase>(?:the\s+)?(?:[A-Z][\w.&-]*\s+)*[\w.&-]+(?:['’]s|(?<=s)['’])\s+[^,.;:“”\"()]+?)"
                    r"(?=\s*(?:[,.;:]|$))", sentence[at:at + _NEAR])
    if tail is None:
        return None
    owned = possessive(tail.group("phrase"), sentence[at + tail.end():at + tail.end() + _NEAR])
    return owned[0] if owned else None


def _speaker(before: str, matcher: EntityMatcher) -> str | None:
    """Who speaks right before a verb: an entity ending there ('The Biden administration says'),
    or an unnamed person of one ('a Hamas official claimed' -> 'unnamed Hamas official')."""
    apposition = before.rstrip().endswith(",")  # 'Yahya Sinwar, Hamas' leader, said': the name speaks
    before = re.sub(r"(?:\s+(?:has|have|had|also|recently|reportedly|publicly|repeatedly|previously|"
                    r"already|now|then|again|once|later|earlier))+\s*$", "", before.rstrip(" ,")).rstrip(" ,")
    owned = None if apposition else _possessive_at_end(before)
    if owned is not None:
        return owned
    people = re.search(r"(?:^|\s)(?i:an?|the|one|two|three|several)?\s*((?:[A-Z][\w.'’-]*\s+)*(?:" + "|".join(_PEOPLE)
                       + r"))$", before)
    if people and people.group(1)[0].isupper():
        return f"unnamed {people.group(1)}"
    mentions = [m for m in matcher.mentions(before) if len(before) - m[1] <= 2]
    return mentions[-1][2] if mentions else None


def _phrase_after(sentence: str, match: re.Match[str]) -> tuple[str, int]:
    """The words after 'according to' / 'citing' up to the clause's end ('a Hamas source'), and
    the offset in the sentence where they end."""
    start = match.start("who") if match.group("who") else match.end()
    head = sentence[match.start():start]
    tail = re.split(r"[,;:.]|\s(?:that|who|which)\s", sentence[start:], maxsplit=1)[0]
    words = (head.split()[2 if head.lower().startswith("according") else 1:] + tail.split())
    while words and words[0].lower() in ("a", "an", "the", "some", "recent", "several"):
        words.pop(0)
    return " ".join(words), start + len(tail.rstrip())


def _resolve_source(phrase: str | None, name: str | None, matcher: EntityMatcher) -> str | None:
    """The entity of the source: the whole phrase ('Hamas source'), its unnamed form
    ('unnamed Hamas source'), else the name in it."""
    for candidate in (phrase, f"unnamed {phrase}" if phrase else None):
        if candidate and matcher.entities.resolve(candidate):
            return matcher.entities.resolve(candidate)
    if phrase and phrase.split()[-1].lower() in _PEOPLE:
        return None  # 'a Hamas source' is not Hamas itself
    if name and name.startswith("unnamed "):
        return matcher.entities.resolve(name)  # 'unnamed Hamas official' is not Hamas itself
    if name:
        return matcher.resolve_phrase(name)
    return matcher.resolve_phrase(phrase) if phrase else None


def _names(phrase: str, entity: str, matcher: EntityMatcher) -> bool:
    """Whether the phrase after a cue is what names ``entity`` (else a name elsewhere did)."""
    return matcher.entities.resolve(phrase) == entity or matcher.entities.resolve(f"unnamed {phrase}") == entity \
        or matcher.resolve_phrase(phrase) == entity


def attribution_of(sentence: str, matcher: EntityMatcher) -> Attribution:
    result = Attribution()
    hedge = _HEDGE_RE.search(sentence)
    if hedge:
        result.hedge = hedge.group(1)
        result.certainty = HEDGES[hedge.group(1).lower()]
    found: dict[str, tuple[re.Match[str], str | None]] = {}
    for kind, pattern in _PATTERNS:
        m = pattern.search(sentence)
        if m:
            who = _clean_name(m.group("who"))
            if who is None and kind == "verb":  # 'the director, Ana Lopes, told': the name in the commas
                near = re.search(rf"({_NAME}),?\s*$", sentence[max(0, m.start("verb") - 60):m.start("verb")].rstrip(", "))
                who = _clean_name(near.group(1)) if near else None
            if kind == "verb":
                before = sentence[:m.start("verb")].rstrip()
                inverted = not before or before[-1] in ",”\"'’"  # '…, said Iran's foreign minister.'
                who = _speaker(before, matcher) or (_possessive_after(sentence, m.end("verb")) if inverted else None) \
                    or who
            if who is not None and kind in ("said-name", "verb") and _POSSESSIVE.search(who):
                who = _owned(who)  # '…, said Derna's Mayor Abdel-Moneim al-Ghaithi': not Derna
            found[kind] = (m, who)
    if not found:
        return result
    kind, (first, _name) = min(found.items(), key=lambda item: item[1][0].start())
    result.cue = first.group("verb") if kind == "verb" else "said" if kind == "said-name" else kind
    result.cue_start, result.cue_end = first.start(), first.end()
    source_kind = next((k for k in ("according to", "citing", "as reported by", "said-name", "verb")
                        if k in found and found[k][1]), None)
    source = found[source_kind][1] if source_kind else None
    phrase_kind = next((k for k in ("according to", "citing", "as reported by") if k in found), None)
    source_phrase, phrase_end = _phrase_after(sentence, found[phrase_kind][0]) if phrase_kind else (None, -1)
    reporter = found["verb"][1] if ("citing" in found or "according to" in found) and "verb" in found else None
    owned = possessive(source_phrase, sentence[phrase_end:phrase_end + _NEAR]) if source_phrase else None
    mark = _POSSESSIVE.search(source_phrase) if owned is None and source_phrase else None
    if mark is not None and source_phrase:  # 'Pakistan's official figures': the owner's own words
        source, source_phrase = _clean_name(source_phrase[:mark.start()]) or source, None
    entity = _resolve_source(source_phrase, source, matcher) if owned is None else \
        _resolve_source(None, owned[0], matcher)
    named_by: str | None = None  # the cue whose words name the claimant
    if owned is not None:  # 'according to Derna's mayor, Abdel-Moneim al-Ghaithi': the person, not Derna
        result.claimant, result.claimant_known = entity or owned[0], entity is not None
        if entity is None:
            result.unknown.append(owned[0])
        named_by, phrase_end = phrase_kind, phrase_end + owned[1]
    elif entity is not None:
        result.claimant, result.claimant_known = entity, True
        named_by = phrase_kind if phrase_kind and source_phrase and _names(source_phrase, entity, matcher) \
            else source_kind
    elif source_phrase and source_phrase.split()[-1].lower() in _PEOPLE:
        result.claimant = f"unnamed {source_phrase}"
        result.unknown.append(result.claimant)
        named_by = phrase_kind
    elif source:
        result.claimant = source
        result.unknown.append(source)
        named_by = source_kind
    if named_by is not None and (named_by != kind or (owned is not None and owned[1])):
        match = found[named_by][0]
        result.source_start = match.start()
        result.source_end = phrase_end if named_by == phrase_kind else match.end()
    if reporter and reporter != source:
        via = matcher.resolve_phrase(reporter)
        if via is not None and via != result.claimant:
            result.via.append(via)
        elif via is None:
            result.unknown.append(reporter)
    return result
