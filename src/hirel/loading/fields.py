"""The fields of every file kind, declared once.

The structure checks (`structure.py`) and the JSON Schemas printed by `hirel schema`
(`schema.py`) are both derived from these declarations, so they cannot drift apart.
"""

from __future__ import annotations

from ..records import REQUIRED, Record, set_field
from .ids import ID_PATTERN as ID_PATTERN  # noqa: PLC0414 (kept there: listing a folder needs it alone)

PROPOSITION_PLACEHOLDER = "CHOOSE"  # what `hirel suggest` writes for the proposition, to be replaced

STANCES = ("supports", "refutes")
CERTAINTIES = ("certain", "likely", "possible")
ARTICLE_KINDS = ("news", "analysis", "opinion", "explainer", "blog", "reference")
RELIABILITY_GRADES = ("A", "B", "C", "D", "E", "F")
PROPOSITION_KINDS = ("quantity", "stance", "date")
MEASURES = ("level", "change")

# Field types: "string", "names" (a list of strings), "boolean", "period" (string, year
# number or date), "date" (string, year number or date), "value" (string, number, date or a
# {low, high, unit} mapping), "number", "bound" (a number, or a date text).


class FieldSpec(Record):
    name: str
    type: str
    description: str
    required: bool
    choices: tuple[str, ...] | None
    pattern: str | None

    __slots__ = ("choices", "description", "name", "pattern", "required", "type")
    _FIELDS = (("name", REQUIRED), ("type", REQUIRED), ("description", REQUIRED), ("required", False),
               ("choices", None), ("pattern", None))

    def __init__(self, name: str, type: str, description: str, required: bool = False,
                 choices: tuple[str, ...] | None = None, pattern: str | None = None) -> None:
        set_field(self, "name", name)
        set_field(self, "type", type)
        set_field(self, "description", description)
        set_field(self, "required", required)
        set_field(self, "choices", choices)
        set_field(self, "pattern", pattern)


CLAIM_FIELDS: tuple[FieldSpec, ...] = (
    FieldSpec("id", "string", "Unique across the corpus.", required=True, pattern=ID_PATTERN),
    FieldSpec("proposition", "string", "A key of propositions.yaml.", required=True),
    FieldSpec("quote", "string", "Exact words of the article (case, quote marks, dashes and spacing may differ).",
              required=True),
    FieldSpec("claimant", "string", "Who makes the claim (entity name or alias); default: the article's outlet."),
    FieldSpec("via", "names", "Who passed the claim on, nearest the claimant first (entities)."),
    FieldSpec("value", "value", "The figure or date (quantity and date propositions)."),
    FieldSpec("scope", "string", "The entity the claim is about, if not the proposition's object."),
    FieldSpec("when", "period", "The period the claim is about: YYYY, YYYY-MM, YYYY-MM-DD, START/END, mid-2017..."),
    FieldSpec("certainty", "string", "How sure the claimant is.", choices=CERTAINTIES),
    FieldSpec("stance", "string", "Position on a stance proposition.", choices=STANCES),
    FieldSpec("note", "string", "Free text for readers of the annotation."),
)

ARTICLE_FIELDS: tuple[FieldSpec, ...] = (
    FieldSpec("title", "string", "The article's title.", required=True),
    FieldSpec("outlet", "string", "The publishing outlet (entity name or alias).", required=True),
    FieldSpec("author", "string", "The author, as credited."),
    FieldSpec("published", "date", "Publication date: YYYY, YYYY-MM or YYYY-MM-DD."),
    FieldSpec("url", "string", "Where the article was published (http or https)."),
    FieldSpec("kind", "string", "What sort of text it is.", choices=ARTICLE_KINDS),
    FieldSpec("reliability", "string", "Admiralty source-reliability grade (F = cannot be judged; default F).",
              choices=RELIABILITY_GRADES),
    FieldSpec("notes", "string", "How anything in the front matter was inferred."),
)

PROPOSITION_FIELDS: tuple[FieldSpec, ...] = (
    FieldSpec("topic", "string", "A key of `topics:`.", required=True),
    FieldSpec("text", "string", "The proposition, phrased neutrally.", required=True),
    FieldSpec("kind", "string", "What claims give: a figure, a stance or a date.", required=True,
              choices=PROPOSITION_KINDS),
    FieldSpec("unit", "string", "Quantity only: a currency code, percent or count, optionally /day|week|month|year."),
    FieldSpec("object", "string", "The default scope (entity) of claims on this proposition."),
    FieldSpec("changes_over_time", "boolean", "Values for periods that do not overlap are not a contradiction."),
    FieldSpec("cumulative", "boolean", "A running total: it can only grow; a claim's `when` is the date it is as of."),
    FieldSpec("since", "period", "Cumulative only: where the running total starts counting (e.g. 2017)."),
    FieldSpec("measures", "string", "Quantity only: what values state, a level (default) or a change "
              "(up 21%, doubled).", choices=MEASURES),
)

ENTITY_FIELDS: tuple[FieldSpec, ...] = (
    FieldSpec("aliases", "names", "Other names for the same entity."),
    FieldSpec("part_of", "names", "Entities this one is part of (scope and origin reasoning)."),
    FieldSpec("description", "string", "Optional: who or what this is (hirel addition)."),
)

VALUE_MAPPING_FIELDS: tuple[FieldSpec, ...] = (
    FieldSpec("low", "bound", "Lower bound (a number, or a date for the date unit); omit or null for unbounded."),
    FieldSpec("high", "bound", "Upper bound (a number, or a date for the date unit); omit or null for unbounded."),
    FieldSpec("unit", "string", "The unit, e.g. USD/year.", required=True),
)
