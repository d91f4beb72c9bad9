"""The catalogue of every check `hirel check` runs.

Each rule is a class whose docstring is its user documentation (shown by `hirel rule CODE`):
a one-line summary, why it matters, then a FAIL and a PASS example. Codes are stable and
grouped by family:

- HR1xx  files and YAML syntax
- HR2xx  structure: fields, types, ids, choices, dates
- HR3xx  references: propositions, entities, topics, articles
- HR4xx  claim semantics: stance/value by proposition kind, periods, values and units
- HR5xx  quotes anchored in the article text

The code that finds a problem calls ``SomeRule.problem(loc, message, hint)``; the rule, not
the caller, attaches the code and default severity.
"""

from __future__ import annotations

import inspect
from typing import ClassVar

from ..model import ERROR, WARNING, Loc, Problem


class Rule:
    code: ClassVar[str]
    name: ClassVar[str]
    severity: ClassVar[str] = ERROR

    @classmethod
    def problem(cls, loc: Loc, message: str, hint: str | None = None, severity: str | None = None) -> Problem:
        return Problem(loc.path, loc.line, loc.column, cls.code, severity or cls.severity, message, hint)

    @classmethod
    def summary(cls) -> str:
        return inspect.getdoc(cls).splitlines()[0]

    @classmethod
    def doc(cls) -> str:
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


# --- HR1xx: files and YAML ------------------------------------------------------------------


class YamlSyntax(Rule):
    """The file is not valid YAML.

    The YAML parser stopped at this place; nothing after it could be read. The usual slips, each
    with its own hint: a value that contains ': ' without quotes (`note: Source: WSJ`; write
    `note: "Source: WSJ"`), a list item without its '- ', a line indented more or less than the
    keys around it, a tab (YAML indents with spaces only), and a quote opened and never closed.

    FAIL:
        claims:
          - id: a
           proposition: b      # indented one space too far

    PASS:
        claims:
          - id: a
            proposition: b
    """

    code, name = "HR101", "yaml-syntax"


class DuplicateKey(Rule):
    """A mapping has the same key twice.

    Plain YAML loaders silently keep the last value, so half of the annotation would be lost
    without anyone noticing. hirel refuses it.

    FAIL:
        - id: wsj-iran-helped-plot
          stance: supports
          stance: refutes

    PASS:
        - id: wsj-iran-helped-plot
          stance: supports
    """

    code, name = "HR102", "duplicate-key"


class ForbiddenTag(Rule):
    """A YAML tag other than the plain data types is used.

    Tags such as `!!python/object/apply` can run code in careless loaders; `!!binary`,
    `!!set`, custom `!tags` and merge keys (`<<`) are not part of the data format either.
    Only strings, numbers, booleans, null, dates, lists and mappings are read.

    FAIL:
        value: !!python/object/apply:os.system ["rm -rf /"]

    PASS:
        value: $30 million a month
    """

    code, name = "HR103", "forbidden-tag"


class Encoding(Rule):
    """The file is not UTF-8 text.

    Every file hirel reads must be UTF-8 (a byte-order mark is tolerated). Re-save the file
    as UTF-8 in your editor.

    FAIL:
        (a file saved as Latin-1 or UTF-16)

    PASS:
        (the same file saved as UTF-8)
    """

    code, name = "HR104", "encoding"


class AliasExpansion(Rule):
    """YAML anchors and aliases expand to far more data than the file holds.

    A few nested aliases can expand to billions of nodes ("billion laughs"). hirel stops
    reading a file whose aliases expand beyond ten times its own size.

    FAIL:
        a: &a ["x", "x", "x", "x", "x", "x", "x", "x", "x"]
        b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]
        c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]   # ... and so on

    PASS:
        via: [The Wall Street Journal]
    """

    code, name = "HR105", "alias-expansion"


class FileName(Rule):
    """An article or claims file name is not a valid article id.

    The file stem is the article id: lowercase letters, digits and `-`, starting with a
    letter or digit (`^[a-z0-9][a-z0-9-]*$`); articles end in `.md`, claims in `.yaml`.

    FAIL:
        data/claims/Al_Monitor 2019.yaml

    PASS:
        data/claims/al-monitor-2019-mutual-military-support.yaml
    """

    code, name = "HR106", "file-name"


class FrontMatter(Rule):
    """An article does not start with a YAML front matter block.

    An article file starts with a line `---`, the front matter (YAML), a line `---`, and then
    the article text verbatim.

    FAIL:
        title: Iran, Hamas seek benefits of mutual military support
        Iran and Hamas are strengthening their reconciliation...

    PASS:
        ---
        title: Iran, Hamas seek benefits of mutual military support
        outlet: Al-Monitor
        ---
        Iran and Hamas are strengthening their reconciliation...
    """

    code, name = "HR107", "front-matter"


class Unreadable(Rule):
    """A file or directory of the corpus cannot be read, or a registry file is missing.

    `data/` needs `articles/`, `claims/`, `propositions.yaml` and `entities.yaml`. Only regular
    files are read (a pipe would block, `/dev/zero` never ends), and a file of `articles/` or
    `claims/` that is a link leading out of the data directory is not read.

    FAIL:
        data/propositions.yaml is missing

    PASS:
        data/propositions.yaml exists and is readable
    """

    code, name = "HR108", "unreadable"


class HiddenCharacter(Rule):
    """The text holds a bidi control or a zero-width character.

    Bidirectional overrides and isolates (U+202A-U+202E, U+2066-U+2069) make text display in
    another order than it is written ("Trojan Source"); zero-width characters (U+200B-U+200D,
    U+2060, U+FEFF) hide inside names and words, so that two names that look alike differ.
    hirel shows them as ⟨U+202E⟩ in every human format and escapes them in JSON. Reported in
    every string of the YAML files, and in an article's text for bidi controls only (zero-width
    characters are common in text copied from the web, and quote matching ignores them).

    FAIL:
        claimant: "Hamas\\u200b"       # a zero-width space after the name (YAML escape)

    PASS:
        claimant: Hamas
    """

    code, name = "HR109", "hidden-character"
    severity = WARNING


# --- HR2xx: structure -------------------------------------------------------------------------


class WrongType(Rule):
    """A value has the wrong type: a list where a mapping is expected, a number for a name...

    FAIL:
        claims:
          id: a            # claims must be a list of mappings
        via: The Wall Street Journal      # via must be a list

    PASS:
        claims:
          - id: a
        via: [The Wall Street Journal]
    """

    code, name = "HR201", "wrong-type"


class MissingField(Rule):
    """A required field is missing.

    Claims need `id`, `proposition` and `quote`; articles need `title` and `outlet`;
    propositions need `topic`, `text` and `kind` (and `unit` when the kind is `quantity`).

    FAIL:
        - id: state-dept-100m-2020
          proposition: iran-funding-per-year

    PASS:
        - id: state-dept-100m-2020
          proposition: iran-funding-per-year
          quote: "Iran provides about $100 million annually"
    """

    code, name = "HR202", "missing-field"


class UnknownField(Rule):
    """A field that the data format does not define (usually a typo).

    FAIL:
        - id: a
          claimaint: U.S. Department of State

    PASS:
        - id: a
          claimant: U.S. Department of State
    """

    code, name = "HR203", "unknown-field"


class BadId(Rule):
    """An id is not of the form `^[a-z0-9][a-z0-9-]*$`.

    Ids are typed on the command line (`hirel show ID`) and used as file names: lowercase
    letters, digits and `-`, starting with a letter or digit.

    FAIL:
        - id: State Dept 100M

    PASS:
        - id: state-dept-100m-2020
    """

    code, name = "HR204", "bad-id"


class DuplicateId(Rule):
    """Two claims (anywhere in the corpus) or two entity names/aliases share an id or name.

    Claim ids are unique across the whole corpus so that `hirel show ID` is unambiguous.
    An entity alias may not also be another entity's name or alias.

    FAIL:
        # data/claims/a.yaml
        - id: iran-funds-hamas
        # data/claims/b.yaml
        - id: iran-funds-hamas

    PASS:
        - id: a-iran-funds-hamas
        - id: b-iran-funds-hamas
    """

    code, name = "HR205", "duplicate-id"


class BadChoice(Rule):
    """A field that takes one of a fixed set of words has another.

    `stance`: supports | refutes. `certainty`: certain | likely | possible. Article `kind`:
    news | analysis | opinion | explainer | blog | reference. `reliability`: A..F.
    Proposition `kind`: quantity | stance | date.

    FAIL:
        stance: agrees

    PASS:
        stance: supports
    """

    code, name = "HR206", "bad-choice"


class BadDate(Rule):
    """An article's `published` date is not YYYY, YYYY-MM or YYYY-MM-DD, or is impossible.

    A date in the future or before the year 1000 is also refused.

    FAIL:
        published: 22/08/2019

    PASS:
        published: 2019-08-22
    """

    code, name = "HR207", "bad-date"


class EmptyValue(Rule):
    """A field is present but empty.

    FAIL:
        quote: ""

    PASS:
        quote: "Iran provides about $100 million annually"
    """

    code, name = "HR208", "empty-value"


class BadUrl(Rule):
    """An article `url` is not an http(s) address.

    FAIL:
        url: www.al-monitor.com/originals/2019/08/iran-hamas.html

    PASS:
        url: https://www.al-monitor.com/originals/2019/08/iran-hamas.html
    """

    code, name = "HR209", "bad-url"
    severity = WARNING


# --- HR3xx: references ------------------------------------------------------------------------


class UnknownProposition(Rule):
    """A claim names a proposition that `propositions.yaml` does not define.

    FAIL:
        proposition: iran-funding-per-yer

    PASS:
        proposition: iran-funding-per-year
    """

    code, name = "HR301", "unknown-proposition"


class UnknownEntity(Rule):
    """A name (claimant, via, scope, outlet, part_of, object) is neither an entity nor an alias.

    Every actor is declared once in `entities.yaml`, with its aliases, so that the same
    source written two ways is recognised as one. The hint names the closest entity, or, when
    none is close, shows the line to add to `entities.yaml`; `hirel entities --unknown` prints
    such stubs for every name used but not defined.

    FAIL:
        claimant: US State Departement

    PASS:
        claimant: US State Department      # an alias of U.S. Department of State
    """

    code, name = "HR302", "unknown-entity"


class UnknownTopic(Rule):
    """A proposition names a topic that is not under `topics:` in `propositions.yaml`.

    FAIL:
        topics: {funding: Iranian money}
        propositions:
          iran-funding: {topic: fundng, text: Money per year, kind: stance}

    PASS:
        propositions:
          iran-funding: {topic: funding, text: Money per year, kind: stance}
    """

    code, name = "HR303", "unknown-topic"


class OrphanClaims(Rule):
    """A claims file has no article with the same id.

    `data/claims/<id>.yaml` annotates `data/articles/<id>.md`; quotes are checked against it.

    FAIL:
        data/claims/al-monitor-2019.yaml   (no data/articles/al-monitor-2019.md)

    PASS:
        data/claims/al-monitor-2019.yaml   with data/articles/al-monitor-2019.md
    """

    code, name = "HR304", "orphan-claims"


class PartOfCycle(Rule):
    """An entity is, through `part_of`, part of itself.

    FAIL:
        Hamas: {part_of: [Qassam Brigades]}
        Qassam Brigades: {part_of: [Hamas]}

    PASS:
        Hamas: {}
        Qassam Brigades: {part_of: [Hamas]}
    """

    code, name = "HR305", "part-of-cycle"


# --- HR4xx: claim semantics -------------------------------------------------------------------


class StanceByKind(Rule):
    """`stance` is missing on a stance proposition, or given on a quantity or date proposition.

    FAIL:
        proposition: iran-foreknowledge-oct7      # kind: stance
        quote: "..."

    PASS:
        proposition: iran-foreknowledge-oct7
        quote: "..."
        stance: supports
    """

    code, name = "HR401", "stance-by-kind"


class ValueByKind(Rule):
    """`value` is missing on a quantity or date proposition, or given on a stance proposition.

    FAIL:
        proposition: iran-funding-per-year        # kind: quantity
        quote: "Iran provides about $100 million annually"

    PASS:
        proposition: iran-funding-per-year
        quote: "Iran provides about $100 million annually"
        value: about $100 million per year
    """

    code, name = "HR402", "value-by-kind"


class BadPeriod(Rule):
    """`when` cannot be read as a period.

    Accepted: `YYYY`, `YYYY-MM`, `YYYY-MM-DD`, `START/END`, `START/`, `/END`, and natural
    forms such as `early 1990s`, `mid-2017`, `end 2017`. The end may not precede the start.

    FAIL:
        when: sometime around 2019
        when: 2021/2019

    PASS:
        when: "2019"
        when: 2014/2020
        when: mid-2017
    """

    code, name = "HR403", "bad-period"


class BadUnit(Rule):
    """A proposition's `unit` is not a currency code, percent, count or date (with an optional /period).

    FAIL:
        unit: dollars a fortnight

    PASS:
        unit: USD/year
    """

    code, name = "HR404", "bad-unit"


class UnreadableValue(Rule):
    """A claim's `value` cannot be read as an amount, rate, percentage, count or date.

    Run `hirel value "TEXT"` to see how a phrase is read.

    FAIL:
        value: lots of money

    PASS:
        value: tens of millions of dollars per year
    """

    code, name = "HR405", "unreadable-value"


class IncompatibleUnit(Rule):
    """A value's unit cannot be converted to the proposition's unit.

    A percentage is not an amount; a total cannot become a yearly rate without a `when`
    that gives the period (`when: 2014/2020`).

    FAIL:
        # proposition unit USD/year
        value: over 50%

    PASS:
        value: $30 million a month
    """

    code, name = "HR406", "incompatible-unit"


class OtherCurrency(Rule):
    """A value is in another currency than the proposition's unit.

    hirel never converts currencies on its own, so this claim will not be compared with the
    others by figure. Write the amount in the proposition's currency if the source gives it.

    FAIL:
        # proposition unit USD/year
        value: €30 million a year

    PASS:
        value: $30 million a year
    """

    code, name = "HR407", "other-currency"
    severity = WARNING


class FigureNotInQuote(Rule):
    """The figure in `value` does not appear in the quote: a likely typo in the annotation.

    FAIL:
        quote: "Iran provides about $100 million annually"
        value: about $10 million per year

    PASS:
        quote: "Iran provides about $100 million annually"
        value: about $100 million per year
    """

    code, name = "HR408", "figure-not-in-quote"
    severity = WARNING


class ChangeOrLevel(Rule):
    """A value states a change where the proposition measures a level, or the reverse.

    A proposition `measures` a level (the default: "Money Iran gives per year") or a change
    (`measures: change`: "Change in Iran's support since 2015"). `about 30% less than in 2022`
    on a level proposition is not "about 30%": reading it so would compare a change with
    levels. On a change proposition, `up 21%` is +21 percent, `doubled` +100, `halved` −50,
    `up $500 million` +500M in the proposition's unit; a level there is refused.

    FAIL:
        # proposition unit percent, a level
        value: about 30% less than in 2022

    PASS:
        # proposition unit percent, measures: change
        value: down about 30%
    """

    code, name = "HR409", "change-or-level"


class Extrapolation(Rule):
    """A total is scaled UP into a rate: a month's total read as a yearly rate, ×12.

    When a proposition wants a rate and a claim gives a total over a period shorter than the
    rate's period, hirel divides by a fraction: it multiplies. That is an extrapolation, and
    the figure is often a total to date ("$775.7m stolen so far this year", in October, is not
    $9.3bn a year). The warning (for a factor of 2 or more: a period under half the rate's)
    shows the factor; write the period the total really covers (`when: 2023-01/2023-10`, ×1.2,
    noted by `hirel value` only), or use a proposition about totals.

    FAIL:
        # proposition unit USD/year
        value: $775.7 million
        when: 2023-10

    PASS:
        value: $775.7 million
        when: 2023-01/2023-10
    """

    code, name = "HR410", "extrapolation"
    severity = WARNING


# --- HR5xx: quotes ----------------------------------------------------------------------------


class QuoteNotFound(Rule):
    """The quote is not in the article text.

    Matching ignores case, typographic quotes and apostrophes (’ “ ”), dash kinds,
    non-breaking and repeated whitespace, and nothing else; a quote must start and end on
    word boundaries (not "ording to" inside "According to"). The hint shows the closest
    passage of the article (its line and a similarity score) to copy instead.

    FAIL:
        quote: "Iran gives roughly $100 million a year to Palestinian groups"

    PASS:
        quote: "Iran provides about $100 million annually to Palestinian"
    """

    code, name = "HR501", "quote-not-found"


class AmbiguousQuote(Rule):
    """The quote occurs more than once in the article.

    Lengthen it until it names one passage, so that `hirel show` points at the right place.

    FAIL:
        quote: "Hamas"

    PASS:
        quote: "Hamas has never been closer to Iran"
    """

    code, name = "HR502", "ambiguous-quote"
    severity = WARNING


ALL_RULES: tuple[type[Rule], ...] = (
    YamlSyntax, DuplicateKey, ForbiddenTag, Encoding, AliasExpansion, FileName, FrontMatter, Unreadable,
    HiddenCharacter,
    WrongType, MissingField, UnknownField, BadId, DuplicateId, BadChoice, BadDate, EmptyValue, BadUrl,
    UnknownProposition, UnknownEntity, UnknownTopic, OrphanClaims, PartOfCycle,
    StanceByKind, ValueByKind, BadPeriod, BadUnit, UnreadableValue, IncompatibleUnit, OtherCurrency,
    FigureNotInQuote, ChangeOrLevel, Extrapolation,
    QuoteNotFound, AmbiguousQuote,
)

RULES: dict[str, type[Rule]] = {rule.code: rule for rule in ALL_RULES}
