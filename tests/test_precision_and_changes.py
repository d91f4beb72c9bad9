"""Written precision and changes: the reading, the verdicts they lead to, and the checks.

Every interval below is worked out by hand from docs/values.md: an exact figure is widened by
half a unit of its last written significant digit, at least 1% (the floor) and at most 5%
(the cap) of the figure; a hedge's bound wins where it is wider. Verdict pairs are figures
bounded on both sides, so 'agreement' and 'contradiction' are the only outcomes.
"""

from __future__ import annotations

from datetime import date

import pytest

from hirel.comparing.entities import EntityIndex
from hirel.comparing.verdicts import ComparableClaim, verdict_for
from hirel.model import Entity, Loc, Period, Proposition
from hirel.values import MeasureMismatch, ValueParseError, normalize_value, read_value

M = 1e6
B = 1e9
LOC = Loc("data/propositions.yaml")


def compared(raw, unit=None, measures=None):
    result = read_value(raw, expect=unit, measures=measures)
    return result.low, result.high


# --- the interval an exact figure's digits imply ----------------------------------------------

@pytest.mark.parametrize(
    "raw, unit, low, high",
    [
        # half a unit of the last written digit, within [1%, 5%]
        ("$1.7bn", None, 1.65 * B, 1.75 * B),  # ±0.05bn = 2.9%
        ("one-point-65 billion", "USD", 1.6335 * B, 1.6665 * B),  # ±0.005bn = 0.3% -> floor 1%
        ("44 per cent", None, 43.5, 44.5),  # ±0.5 = 1.1%
        ("43.4 percent", None, 42.966, 43.834),  # ±0.05 = 0.1% -> floor 1%
        ("$3.8 billion", None, 3.75 * B, 3.85 * B),
        ("$3.0 billion", None, 2.95 * B, 3.05 * B),  # a zero after the point is written precision
        ("$100 million", None, 95 * M, 105 * M),  # ±50M = 50% -> cap 5%
        ("$104 million", None, 102.96 * M, 105.04 * M),  # ±0.5M = 0.5% -> floor 1%
        ("9,000 families", "count", 8550, 9450),  # ±500 = 5.6% -> cap
        ("$651,000", None, 644_490, 657_510),  # ±500 = 0.08% -> floor
        ("4-million", "count", 3.8 * M, 4.2 * M),
        ("24pc", None, 23.5, 24.5),
        ("half a dozen", "count", 5.7, 6.3),
        ("a third", None, 100 / 3 * 0.95, 35.0),  # a share word: the cap
        # hedges widen around the written precision, each side the wider
        ("about $100 million", None, 90 * M, 110 * M),
        # a bound is the limit its words set: no written precision on that side
        ("nearly $100 million", None, 90 * M, 100 * M),
        ("more than $150 million", None, 150 * M, None),
        ("up to 75%", None, 0, 75),
        # orders of magnitude and mappings get the floor only
        ("tens of millions", "count", 9.9 * M, 101 * M),
        ({"low": 100, "high": 200, "unit": "USD"}, None, 99, 202),
    ],
)
def test_written_precision(raw, unit, low, high):
    got_low, got_high = compared(raw, unit)
    assert got_low == pytest.approx(low, rel=1e-9) if low is not None else got_low is None
    assert got_high == pytest.approx(high, rel=1e-9) if high is not None else got_high is None


def test_the_figure_as_written_is_kept():
    result = read_value("$1.7bn")
    assert result.written == (1.7 * B, 1.7 * B)
    assert result.as_written == (1.7 * B, 1.7 * B)
    assert "written precision ±2.9% (half a unit of the last written digit)" in result.steps[-1]


def test_a_hedge_wider_than_the_precision_keeps_no_separate_written_figure():
    result = read_value("about $100 million")
    assert result.written is None
    assert (result.low, result.high) == (90 * M, 110 * M)


def test_precision_travels_through_conversions():
    result = normalize_value("$30 million a month", "USD/year")
    assert result.written == (360 * M, 360 * M)
    assert (result.low, result.high) == (342 * M, 378 * M)  # 28.5M and 31.5M a month x 12


def test_a_bare_number_has_the_precision_of_its_digits():
    result = read_value(2022, expect="count")
    assert (result.low, result.high) == (2022 * 0.99, 2022 * 1.01)  # ±0.5 = 0.02% -> floor


# --- verdicts ----------------------------------------------------------------------------------

ENTITIES = EntityIndex([
    Entity("Palestinian militant groups", (), (), LOC),
    Entity("Hamas", (), ("Palestinian militant groups",), LOC),
])


def _proposition(unit: str, measures: str = "level") -> Proposition:
    return Proposition(id="p", topic="t", text="…", kind="quantity", unit=unit, object="Hamas",
                       changes_over_time=False, loc=LOC, measures=measures)


def _claim(claim_id, raw, unit, origin, scope=None, period=None, measures=None):
    period = period or Period()
    return ComparableClaim(
        claim_id=claim_id, origin=origin, scope=scope or "Hamas", period=period, stance=None,
        interval=normalize_value(raw, unit, period if period.known else None, measures),
        original=read_value(raw, expect=unit, measures=measures))


def verdict(a, b, unit, measures="level", periods=(None, None), scopes=(None, None)):
    prop = _proposition(unit, measures)
    ca = _claim("a", a, unit, "Reuters", scopes[0], periods[0], measures)
    cb = _claim("b", b, unit, "AP", scopes[1], periods[1], measures)
    return verdict_for(ca, cb, prop, ENTITIES)


@pytest.mark.parametrize(
    "a, b, unit, expected",
    [
        # the contract's examples
        ("$1.7bn", "one-point-65 billion", "USD", "agreement"),
        ("44 per cent", "43.4 percent", "percent", "agreement"),
        ("$3.8 billion", "$3.0 billion", "USD", "contradiction"),
        # a round figure is not a promise of sloppiness (cap), nor taken at face value
        ("$100 million", "$104 million", "USD", "agreement"),  # [95, 105] vs [102.96, 105.04]
        ("$100 million", "$120 million", "USD", "contradiction"),  # [95, 105] vs [114, 126]
        ("$651,000", "$650,000", "USD", "agreement"),  # both floored at 1%
        ("$651,000", "$600,000", "USD", "contradiction"),  # [644.5K, 657.5K] vs [570K, 630K]
        # hedges widen around the precision
        ("about $100 million", "$111 million", "USD", "agreement"),  # [90, 110] vs [109.89, 112.11]
        ("about $100 million", "$112 million", "USD", "contradiction"),  # [90, 110] vs [110.88, 113.12]
        # forms that used to be read as another number
        ("4-million", "4 million", "count", "agreement"),
        ("four million", "4m", "count", "agreement"),
        ("30 lakh", "3 million", "count", "agreement"),
        ("half a dozen", "6", "count", "agreement"),
    ],
)
def test_verdicts_with_written_precision(a, b, unit, expected):
    assert verdict(a, b, unit).verdict == expected
    assert verdict(b, a, unit).verdict == expected


def test_a_converted_total_agrees_with_its_rounded_rate():
    # $150M over 2014-2020 (7 years): [145M, 155M] / 7 = [20.71M, 22.14M] a year;
    # $21.4M a year: [21.19M, 21.61M] (floor). They overlap.
    span = Period(date(2014, 1, 1), date(2020, 12, 31))
    found = verdict("$150 million", "$21.4 million a year", "USD/year", periods=(span, span))
    assert found.verdict == "agreement"


def test_part_within_whole_by_written_precision():
    scopes = ("Hamas", "Palestinian militant groups")
    assert verdict("$104 million", "$100 million", "USD", scopes=scopes).verdict == "compatible"
    assert verdict("$120 million", "$100 million", "USD", scopes=scopes).verdict == "contradiction"


# --- changes -----------------------------------------------------------------------------------

@pytest.mark.parametrize(
    "raw, unit, low, high",
    [
        ("up 21%", "percent", 21, 21),
        ("surged 21%", "percent", 21, 21),
        ("a 21% increase", "percent", 21, 21),
        ("an increase of 50%", "percent", 50, 50),
        ("down about 30%", "percent", -33, -27),
        ("54.3 percent lower", "percent", -54.3, -54.3),
        ("doubled", "percent", 100, 100),
        ("more than doubled", "percent", 100, None),
        ("tripled", "percent", 200, 200),
        ("nearly quadrupled", "percent", 260, 300),  # x3.6 to x4
        ("halved", "percent", -50, -50),
        ("fell by a third", "percent", -100 / 3, -100 / 3),
        ("fell by half", "percent", -50, -50),
        ("down more than 50%", "percent", -100, -50),  # nothing falls by more than all of it
        ("up $500 million", "USD", 500 * M, 500 * M),
        ("down $500 million", "USD", -500 * M, -500 * M),
        ("up by at least four times", "percent", 300, None),
    ],
)
def test_changes_as_written(raw, unit, low, high):
    result = read_value(raw, expect=unit, measures="change")
    got_low, got_high = result.as_written
    assert got_low == pytest.approx(low) if low is not None else got_low is None
    assert got_high == pytest.approx(high) if high is not None else got_high is None
    assert result.unit == unit


@pytest.mark.parametrize(
    "raw", ["up 21%", "a 21% increase", "doubled", "halved", "about 30% less than in 2022",
            "fell by a third", "up $500 million", "more than double", "8.3 per cent more"],
)
def test_a_change_on_a_level_proposition_is_refused(raw):
    with pytest.raises(MeasureMismatch, match="states a change"):
        read_value(raw, expect="percent")


@pytest.mark.parametrize("raw", ["21%", "about 50%", "$500 million", "rose to 5%"])
def test_a_level_on_a_change_proposition_is_refused(raw):
    with pytest.raises(MeasureMismatch, match="measures a change, but this is a level"):
        read_value(raw, expect="percent", measures="change")


def test_a_bare_number_on_a_change_proposition_is_the_signed_change():
    assert read_value(-12, expect="percent", measures="change").as_written == (-12, -12)
    with pytest.raises(ValueParseError, match="negative figures are not accepted"):
        read_value(-12, expect="percent")


def test_a_fall_is_shown_with_its_sign():
    from hirel.values.figures import format_interval

    assert format_interval(read_value("down about 30%", expect="percent", measures="change")) == "-33% to -27%"


def test_the_level_after_a_change_is_a_level():
    result = read_value("fell to 5%", expect="percent")
    assert result.as_written == (5, 5)
    assert result.steps[0].startswith("'fell to' states the level after a change")


def test_a_baseline_written_in_a_change_is_refused():
    with pytest.raises(ValueParseError, match="the baseline 'than in 2022' cannot be read here"):
        read_value("30% less than in 2022", expect="percent", measures="change")


@pytest.mark.parametrize(
    "a, b, expected",
    [
        ("doubled", "up 100%", "agreement"),
        ("doubled", "up 50%", "contradiction"),
        ("halved", "down 50%", "agreement"),
        ("fell by a third", "down about 30%", "agreement"),  # [-35, -31.67] vs [-33, -27]
        ("up 21%", "down 21%", "contradiction"),
    ],
)
def test_verdicts_on_changes(a, b, expected):
    assert verdict(a, b, "percent", measures="change").verdict == expected


# --- the checks ------------------------------------------------------------------------------

CHANGE_PROPOSITION = """\
  support-change:
    topic: funding
    text: Change in Iran's support for Hamas since 2015
    kind: quantity
    unit: percent
    measures: change
"""

CLAIM = """\
claims:
  - id: c
    proposition: {proposition}
    quote: "{quote}"
    value: {value}
{extra}"""


def _check(corpus, proposition, quote, value, extra="", article_line=None):
    from hirel.rules.checker import check_corpus

    props = corpus.path("propositions.yaml").read_text() + CHANGE_PROPOSITION
    corpus.write("propositions.yaml", props)
    if article_line:
        article = corpus.path("articles/test-article.md").read_text() + article_line + "\n"
        corpus.write("articles/test-article.md", article)
    corpus.write("claims/test-article.yaml", CLAIM.format(proposition=proposition, quote=quote, value=value,
                                                          extra=extra))
    _corpus, problems = check_corpus(corpus.root)
    return [(p.code, p.line, p.column) for p in problems], problems


def test_check_reads_a_change_on_a_change_proposition(corpus):
    found, _ = _check(corpus, "support-change", "support rose by over 50%", "up over 50%",
                      article_line="Since 2015 support rose by over 50% in all.")
    assert found == []


def test_check_refuses_a_change_on_a_level_proposition(corpus):
    found, problems = _check(corpus, "iran-funding-per-year", "Iran provides about $100 million annually",
                             "up $100 million a year")
    assert found == [("HR409", 5, 12)]
    assert problems[0].hint and "measures: change" in problems[0].hint


def test_check_refuses_a_level_on_a_change_proposition(corpus):
    found, _ = _check(corpus, "support-change", "support rose by over 50%", "over 50%",
                      article_line="Since 2015 support rose by over 50% in all.")
    assert found == [("HR409", 5, 12)]


def test_check_warns_about_an_extrapolation(corpus):
    found, problems = _check(corpus, "iran-funding-per-year", "Iran provides about $100 million annually",
                             "$100 million", extra="    when: 2020-03\n")
    assert found == [("HR410", 5, 12)]
    assert "×12" in problems[0].message


def test_check_does_not_warn_about_a_total_over_most_of_the_period(corpus):
    # 2020-01/2020-10 is ten months: x1.2, a fair approximation (noted in hirel value only)
    found, _ = _check(corpus, "iran-funding-per-year", "Iran provides about $100 million annually",
                      "$100 million", extra="    when: 2020-01/2020-10\n")
    assert found == []


def test_check_does_not_warn_about_a_total_over_a_longer_period(corpus):
    found, _ = _check(corpus, "iran-funding-per-year", "Iran provides about $100 million annually",
                      "$100 million", extra="    when: 2019/2020\n")
    assert found == []


def test_check_names_the_misspelt_word(corpus):
    found, problems = _check(corpus, "iran-funding-per-year", "Iran provides about $100 million annually",
                             "about $100 million anualy")
    assert found == [("HR405", 5, 31)]  # the column of the misspelt word: 12 + 19
    assert "'anualy' (at character 20)" in problems[0].message
    assert problems[0].hint == "did you mean 'annually'?"


def test_check_points_at_the_misspelt_word_in_a_quoted_value(corpus):
    found, _ = _check(corpus, "iran-funding-per-year", "Iran provides about $100 million annually",
                      '"about $100 million anualy"')
    assert found == [("HR405", 5, 32)]  # the opening quote at 12, the phrase from 13, the word at +19


@pytest.mark.parametrize(
    "value, expected",
    [
        ("1987", []),  # a YAML int on a date proposition: its year is in the quote
        ("1988", [("HR408", 5, 12)]),
        ("1987-05-01", []),  # a YAML date
        ("1988-05-01", [("HR408", 5, 12)]),
    ],
)
def test_figure_in_quote_for_values_yaml_hands_over_as_numbers_or_dates(corpus, value, expected):
    found, _ = _check(corpus, "hamas-founded", "Hamas was founded in 1987", value)
    assert found == expected


def test_figure_in_quote_knows_hyphenated_magnitudes(corpus):
    found, _ = _check(corpus, "iran-funding-per-year", "Hamas receives 4-million dollars a year",
                      "4 million dollars a year", article_line="Hamas receives 4-million dollars a year.")
    assert found == []


def test_measures_is_checked_and_in_the_schema(corpus, run):
    corpus.write("propositions.yaml", corpus.path("propositions.yaml").read_text().replace(
        "    changes_over_time: true\n", "    changes_over_time: true\n    measures: changes\n"))
    result = run("check", "--format", "json")
    import json

    problems = json.loads(result.stdout)
    assert [(p["code"], p["line"], p["hint"]) for p in problems] == [("HR206", 12, "did you mean 'change'?")]
    schema = json.loads(run("schema", "propositions").stdout)
    text = json.dumps(schema)
    assert '"measures"' in text and '"change"' in text


def test_only_a_quantity_measures_a_change(corpus):
    from hirel.rules.checker import check_corpus

    corpus.write("propositions.yaml", corpus.path("propositions.yaml").read_text().replace(
        "    kind: date\n", "    kind: date\n    measures: change\n"))
    _corpus, problems = check_corpus(corpus.root)
    assert [(p.code, p.line, p.column) for p in problems] == [("HR409", 20, 15)]  # line 20: the measures line after kind: date


def test_hirel_value_shows_precision_change_and_extrapolation(run):
    out = run("value", "--change", "nearly quadrupled").stdout
    assert "×3.6 to ×4" in out and "compared as" in out
    out = run("value", "$775.7 million", "--unit", "USD/year", "--when", "2023-10").stdout
    assert "an extrapolation" in out and "× 12" in out
    out = run("value", "$1.7bn").stdout
    assert "$1.65B–$1.75B" in out
