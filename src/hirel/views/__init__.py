"""The browsing library: what `hirel topics`, `propositions`, `claims`, `show`, `sources`,
`timeline` and `matrix` show, as plain data computed from a `Corpus`.

Pure: nothing here prints or exits; unknown names raise `comparison.UnknownName` (with "did you
mean" suggestions) for the CLI to report.

Definitions shared by every command:

* **Origins.** The origin of a claim is its canonical claimant (the article's outlet when the
  claim names none). *Independent origins* collapse ``part_of`` chains among the origins
  counted: two origins are one when one is (transitively) part of the other, and the relation
  is followed through the set, so Ismail Haniyeh, Yahya Sinwar and Hamas count as one origin,
  while Haniyeh and Sinwar without Hamas count as two (the verdict engine, too, treats only a
  claimant and its wholes as "same origin").
* **Contradictions** are the findings with verdict ``contradiction`` of `compare` (each pair
  once). A finding "involves" an article, outlet or origin when one of its two claims does.
  They are counted without judging every pair (`counting`): a set of claims is in the sum of
  its claims' contradictions less the contradictions among them.
* **Who contradicts whom.** A contradiction is charged to an article (or outlet) only when the
  article's own voice is a party: one of its claims in the pair has no claimant, or the
  article's outlet or author as claimant (`own_voice`). Otherwise the article *reports* it.
* **Claimant filter.** A claimant name or alias matches the claims of that entity *and* of
  every entity that is part of it (``--claimant Hamas`` includes Haniyeh's claims), because
  the verdict engine treats those as one origin. Who passed a claim on (``via``) is not its
  claimant and does not match.
* **Search** is fuzzy over each claim's id, quote and note (see `search_claims`).
* **Timeline order.** Claims are ordered by the start of the period they are about (``when``;
  an open start "until X" sorts at X). A claim on a ``date`` proposition without ``when`` is
  about the date it gives, so it is placed at that date. Claims with no known date come last.
* **Matrix rows** are origins (canonical claimants), not articles (see `grid`).
"""

from __future__ import annotations

from ..comparing.entities import independent_origins
from .browser import Browser
from .claims import SEARCH_CUTOFF, ClaimMatch, find_claims, search_claims
from .matrix import Matrix, MatrixCell, MatrixColumn, MatrixRow, Tally, matrix
from .show import ClaimDetail, QuoteContext, claim_detail, quote_context
from .sources import (
                      ArticleRow,
                      Charge,
                      Coverage,
                      OutletRow,
                      Sources,
                      charges,
                      contradictions_involving,
                      coverage,
                      own_contradiction_pairs,
                      own_voice,
                      sources,
)
from .stats import PropositionStats, Stats, TopicStats, proposition_stats, topic_stats
from .timeline import TimelineEntry, timeline

__all__ = [
                      "SEARCH_CUTOFF",
                      "ArticleRow",
                      "Browser",
                      "Charge",
                      "ClaimDetail",
                      "ClaimMatch",
                      "Coverage",
                      "Matrix",
                      "MatrixCell",
                      "MatrixColumn",
                      "MatrixRow",
                      "OutletRow",
                      "PropositionStats",
                      "QuoteContext",
                      "Sources",
                      "Stats",
                      "Tally",
                      "TimelineEntry",
                      "TopicStats",
                      "charges",
                      "claim_detail",
                      "contradictions_involving",
                      "coverage",
                      "find_claims",
                      "independent_origins",
                      "matrix",
                      "own_contradiction_pairs",
                      "own_voice",
                      "proposition_stats",
                      "quote_context",
                      "search_claims",
                      "sources",
                      "timeline",
                      "topic_stats",
]
