"""The checks that need the whole corpus, in the order they run; each family's module holds its own.

Each check is a generator of Problems over a loaded Corpus; `run_checks` chains them.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from ..model import Claim, Problem
from .quotes import check_quote, check_quotes
from .references import check_article, check_claim_names, check_entities, claim_proposition
from .semantics import check_kind, check_propositions, read_period

if TYPE_CHECKING:
    from ..model import Corpus

__all__ = ["check_article", "check_claim", "check_entities", "check_propositions", "check_quote", "run_checks"]


def run_checks(corpus: Corpus) -> Iterator[Problem]:
    yield from check_entities(corpus)
    yield from check_propositions(corpus)
    for article in corpus.articles.values():
        yield from check_article(corpus, article)
    for claim in corpus.claims.values():
        yield from check_claim(corpus, claim)
    yield from check_quotes(corpus)


def check_claim(corpus: Corpus, claim: Claim) -> Iterator[Problem]:
    """The problems of one claim against the registries: names, period, proposition, value."""
    yield from check_claim_names(corpus, claim)
    period = yield from read_period(claim)
    prop = yield from claim_proposition(corpus, claim)
    if prop is not None:
        yield from check_kind(claim, prop, period)
