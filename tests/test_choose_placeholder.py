"""A stub's `proposition: CHOOSE` left in place is reported as a choice to make, not as an
unknown proposition to add."""

from __future__ import annotations

STUB = """\
claims:
  - id: a
    proposition: CHOOSE  # a stance proposition; closest: iran-foreknowledge (60)
    quote: "Iran helped plot the attack"
    stance: supports
"""


def test_placeholder_is_a_choice_to_make(corpus, run):
    corpus.write("claims/test-article.yaml", STUB)
    result = run("check")
    assert result.exit_code == 1
    assert ("data/claims/test-article.yaml:3:18: HR301 no proposition chosen for 'a' (CHOOSE is the placeholder "
            "`hirel suggest` writes)\n    hint: replace it with a key of propositions.yaml; the comment beside it "
            "names the closest\n") in result.output
    assert "add it to propositions.yaml" not in result.output


def test_placeholder_without_any_proposition(corpus, run):
    corpus.write("claims/test-article.yaml", STUB)
    corpus.write("propositions.yaml", "topics: {}\npropositions: {}\n")
    result = run("check")
    assert "hint: propositions.yaml declares no proposition yet: add the one this claim answers, then put its key " \
           "here\n" in result.output


def test_a_misspelt_key_still_gets_did_you_mean(corpus, run):
    corpus.write("claims/test-article.yaml", STUB.replace("CHOOSE", "iran-foreknowlege"))
    result = run("check")
    assert "HR301 unknown proposition 'iran-foreknowlege'\n    hint: did you mean 'iran-foreknowledge'?" in result.output
