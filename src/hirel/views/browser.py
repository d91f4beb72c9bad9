"""The shared cache of the browsing views: a corpus with its comparisons computed on first use."""

from __future__ import annotations

from ..comparing.comparison import NormalizedClaim, PropositionComparison, UnknownName
from ..comparing.entities import EntityIndex, suggest
from ..model import Article, Claim, Corpus, Finding, Proposition, Topic

# --------------------------------------------------------------------------- the shared cache


class Browser:
    """A corpus with its comparisons computed on first use, so each command pays only for what
    it shows (`claims` compares nothing; `show` compares one proposition)."""

    def __init__(self, corpus: Corpus) -> None:
        self.corpus = corpus
        self._comparisons: dict[str, PropositionComparison] = {}
        self._normalized: dict[str, NormalizedClaim] = {}

    @property
    def entities(self) -> EntityIndex:
        return self.corpus.entities

    def comparison(self, proposition_id: str) -> PropositionComparison:
        found = self._comparisons.get(proposition_id)
        if found is None:
            from ..comparing.comparison import compare_proposition

            prop = self.corpus.propositions[proposition_id]
            claims = [self.normalized(claim) for claim in self.corpus.claims_of(proposition_id)]
            found = self._comparisons[proposition_id] = compare_proposition(self.corpus, prop, claims)
        return found

    def normalized(self, claim: Claim) -> NormalizedClaim:
        """The claim with its names resolved and its value and period read (computed once)."""
        found = self._normalized.get(claim.id)
        if found is None:
            from ..comparing.comparison import normalize_claim

            found = normalize_claim(claim, self.corpus, self.corpus.propositions.get(claim.proposition))
            self._normalized[claim.id] = found
        return found

    def all_normalized(self) -> list[NormalizedClaim]:
        """Every claim, in corpus order (claims files by article id, then file order)."""
        return [self.normalized(claim) for claim in self.corpus.claims.values()]

    def findings_of(self, claim_id: str) -> list[Finding]:
        """The findings of one claim with each other claim of its proposition (contradictions
        first, then by the other claim's place in the corpus): n pairs, not all of them."""
        from ..comparing.verdicts import VERDICTS, compare_between

        claim = self.corpus.claims.get(claim_id)
        if claim is None or claim.proposition not in self.corpus.propositions:
            return []
        pc = self.comparison(claim.proposition)
        order = {c.claim_id: i for i, c in enumerate(pc.comparable)}
        this = pc.comparable[order[claim_id]]
        others = [c for c in pc.comparable if c.claim_id != claim_id]
        rank = {verdict: i for i, verdict in enumerate(VERDICTS)}
        found = []
        for f in compare_between([this], others, pc.proposition, self.entities):
            one, other = sorted(f.claims, key=order.__getitem__)
            found.append(Finding(f.proposition, f.verdict, (one, other), f.explanation))
        found.sort(key=lambda f: (rank.get(f.verdict, len(rank)), order[f.claims[0]], order[f.claims[1]]))
        return found

    # -- names -> objects, or UnknownName

    def topic(self, name: str) -> Topic:
        if name in self.corpus.topics:
            return self.corpus.topics[name]
        raise UnknownName("topic", name, suggest(name, self.corpus.topics))

    def proposition(self, name: str) -> Proposition:
        if name in self.corpus.propositions:
            return self.corpus.propositions[name]
        raise UnknownName("proposition", name, suggest(name, self.corpus.propositions))

    def article(self, name: str) -> Article:
        if name in self.corpus.articles:
            return self.corpus.articles[name]
        raise UnknownName("article", name, suggest(name, self.corpus.articles))

    def claim(self, name: str) -> Claim:
        if name in self.corpus.claims:
            return self.corpus.claims[name]
        raise UnknownName("claim", name, suggest(name, self.corpus.claims))

    def propositions_of(self, topic: str | None) -> list[Proposition]:
        """The propositions of ``topic``, or all of them grouped by topic (in the order of the
        topics, then of propositions.yaml; those of an unknown topic last)."""
        props = self.corpus.propositions.values()
        if topic is not None:
            return [p for p in props if p.topic == topic]
        order = {name: index for index, name in enumerate(self.corpus.topics)}
        return sorted(props, key=lambda p: order.get(p.topic, len(order)))
