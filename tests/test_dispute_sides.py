"""A dispute is explained by the claims that contradict the other side: a source whose figure
fits both positions is in neither side of the explanation (it agrees with one of them)."""

from __future__ import annotations

from hirel.comparing.positions import find_positions
from hirel.comparing.verdicts import compare_claims
from test_positions import DEATHS, ENTITIES, c


def test_a_figure_that_fits_both_sides_is_not_blamed():
    # AP's 9,000-11,000 and Reuters's 10,800-13,200 overlap (10,800-11,000): one position; the
    # BBC's 11,500-12,500 overlaps Reuters but not AP. AP contradicts the BBC; Reuters agrees.
    ap = c("ap", 9_000, 11_000, "AP")
    reuters = c("reuters", 10_800, 13_200, "Reuters")
    bbc = c("bbc", 11_500, 12_500, "BBC")
    found = find_positions([ap, reuters, bbc], DEATHS, ENTITIES)
    assert [(p.id, set(p.claims)) for p in found.positions] == [("p1", {"ap", "reuters"}), ("p2", {"bbc"})]
    [dispute] = found.disputes
    assert dispute.positions == ("p1", "p2")
    assert dispute.explanation == ("9,000–11,000 (per AP) vs 11,500–12,500 (per BBC) for Darfur: "
                                   "the figures do not overlap")
    # the pairs say the same: AP × BBC contradict, Reuters agrees with both
    verdicts = {frozenset(f.claims): f.verdict for f in compare_claims([ap, reuters, bbc], DEATHS, ENTITIES)}
    assert verdicts[frozenset({"ap", "bbc"})] == "contradiction"
    assert verdicts[frozenset({"reuters", "bbc"})] == "agreement"


def test_every_claim_that_contradicts_is_named():
    # both sides have two contradicting sources: all four named, the shared figure of each side
    found = find_positions([c("ap", 9_000, 11_000, "AP"), c("afp", 9_500, 10_500, "AFP"),
                            c("bbc", 20_000, 22_000, "BBC"), c("cnn", 21_000, 23_000, "CNN")], DEATHS, ENTITIES)
    [dispute] = found.disputes
    assert dispute.explanation.startswith("9,500–10,500 (per AFP and AP) vs 21,000–22,000 (per BBC and CNN)")


def test_a_source_on_both_sides_counts_only_the_claims_that_clash():
    # Reuters's own figure fits both sides: "a source is on both sides" is not said for it
    found = find_positions([c("ap", 9_000, 11_000, "AP"), c("reuters-low", 10_800, 13_200, "Reuters"),
                            c("reuters-high", 11_500, 12_500, "Reuters")], DEATHS, ENTITIES)
    [dispute] = found.disputes
    assert [set(p.claims) for p in found.positions] == [{"ap", "reuters-low"}, {"reuters-high"}]
    assert not dispute.explanation.endswith("; a source is on both sides")
    assert "(per AP)" in dispute.explanation and "(per Reuters)" in dispute.explanation
