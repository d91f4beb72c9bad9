"""`hirel claims`: claims filtered or fuzzy-searched (with the score when searching)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..render import CellValue, print_hanging, says, who, write_csv, write_json, write_markdown_table
from . import Target
from .cards import claim_card, plural, when

if TYPE_CHECKING:
    from ...comparing.comparison import NormalizedClaim
    from ...model import Proposition
    from ...views import ClaimMatch

__all__ = ["CSV_HEADER", "Claims", "claims_csv", "claims_json", "claims_markdown", "claims_table", "csv_row"]


@dataclass(frozen=True)
class Claims:
    """The claims found, whether they were searched (then each has a score), and the corpus's
    propositions (a card leaves out the scope when it is the proposition's object)."""

    matches: Sequence[ClaimMatch]
    searching: bool
    propositions: Mapping[str, Proposition]


CSV_HEADER = ["id", "proposition", "article", "outlet", "claimant", "via", "says", "scope", "when", "certainty",
              "quote", "note"]


def csv_row(nc: NormalizedClaim) -> list[CellValue]:
    return [nc.claim.id, nc.claim.proposition, nc.claim.article, nc.article.outlet if nc.article else None,
            nc.comparable.claimant_label, ", ".join(nc.comparable.via), says(nc), nc.comparable.scope, when(nc),
            nc.claim.certainty, nc.claim.quote, nc.claim.note]


def claims_json(listing: Claims, target: Target) -> None:
    from ..serialize import claims_document

    write_json(claims_document(listing.matches, listing.searching), target.stream)


def claims_csv(listing: Claims, target: Target) -> None:
    score = ["score"] if listing.searching else []
    write_csv(CSV_HEADER + score,
              [csv_row(m.claim) + ([m.score] if listing.searching else []) for m in listing.matches], target.stream)


def claims_markdown(listing: Claims, target: Target) -> None:
    header = ["claim", "proposition", "article", "claimant", "says", "when", "quote"] + (
        ["score"] if listing.searching else [])
    write_markdown_table(header, [
        [m.claim.claim.id, m.claim.claim.proposition, m.claim.claim.article, who(m.claim), says(m.claim),
         when(m.claim), m.claim.claim.quote] + ([m.score] if listing.searching else []) for m in listing.matches],
        target.stream)


def claims_table(listing: Claims, target: Target) -> None:
    from rich.text import Text

    console = target.console()
    if not listing.matches:
        console.print(Text("No claims match."))
        return
    for m in listing.matches:
        claim_card(console, m.claim, listing.propositions.get(m.claim.claim.proposition), m.score)
    print_hanging(console, Text(plural(len(listing.matches), "claim")
                                + (" (best match first)" if listing.searching else "")
                                + ". hirel show CLAIM_ID shows one in full.", style="dim"), 0, 2)
