"""The recursive-descent parser over the tokens of one value phrase.

It finds the figures, their markers (currency, percent, rate, hedges) and every other word;
``values.readers`` turns a ``Reading`` into an interval and refuses what it cannot read.
"""

from __future__ import annotations

from collections.abc import Container

from ..records import REQUIRED, Record, set_field
from .tokens import Token, ValueParseError, error
from .vocabulary import CERTAINTY_WORDS, MAGNITUDE_WORDS, ORDERS_OF_MAGNITUDE, POST_HEDGES, PRE_HEDGES

_NO_NUMBER_HINT = "write a figure such as '$30 million a month', 'about 50%' or 'tens of millions'"
_LEAD_WORDS = ("in", "the", "a", "an", "of")
# One-letter currency prefixes that name several currencies: never guessed.
_PREFIX_NOTES = {"r": " (R is the rand, the Brazilian real R$ or rupees Rs)",
                 "p": " (P is the Philippine peso ₱, the Botswana pula or pesos)"}


def _letter_prefix(token: Token) -> str | None:
    """'P' of 'P867.24', 'R' of 'R1.5': letters written against a figure as a currency."""
    if token.kind != "word":
        return None
    letters = len(token.text) - len(token.text.lstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"))
    rest = token.text[letters:]
    if 1 <= letters <= 3 and rest[:1].isdigit():
        return token.text[:letters]
    return None


class Amount(Record):
    """One figure as written: [low, high] (equal unless vague), and its own markers.

    ``half_low``/``half_high``: half a unit of the last written digit of each end, in the
    figure's own units (None: a round figure whose precision is the cap).
    """

    low: float
    high: float
    has_magnitude: bool
    currency: str | None
    percent: bool
    vague: bool  # an order of magnitude or "a few million": no exact figure
    half_low: float | None
    half_high: float | None
    subunit: bool  # "50 cents": hundredths of the currency

    __slots__ = ("currency", "half_high", "half_low", "has_magnitude", "high", "low", "percent", "subunit", "vague")
    _FIELDS = (("low", REQUIRED), ("high", REQUIRED), ("has_magnitude", REQUIRED), ("currency", REQUIRED),
               ("percent", REQUIRED), ("vague", False), ("half_low", None), ("half_high", None), ("subunit", False))

    def __init__(self, low: float, high: float, has_magnitude: bool, currency: str | None, percent: bool,
                 vague: bool = False, half_low: float | None = None, half_high: float | None = None,
                 subunit: bool = False) -> None:
        set_field(self, "low", low)
        set_field(self, "high", high)
        set_field(self, "has_magnitude", has_magnitude)
        set_field(self, "currency", currency)
        set_field(self, "percent", percent)
        set_field(self, "vague", vague)
        set_field(self, "half_low", half_low)
        set_field(self, "half_high", half_high)
        set_field(self, "subunit", subunit)


class Reading:
    """What the parser found; mutable only while the tail of the phrase is being read. (A plain
    class: `dataclasses` costs a warm `hirel check` more than reading the value.)"""

    __slots__ = ("currencies", "exact", "half_high", "half_low", "high", "low", "open_high", "per", "percent",
                 "post_hedge", "pre_hedge", "subunit", "vague", "words")

    def __init__(self, low: float, high: float, currencies: list[str], percent: bool, per: str | None,
                 pre_hedge: str | None, post_hedge: str | None, words: list[Token], vague: bool,
                 half_low: float | None = None, half_high: float | None = None, open_high: str | None = None,
                 subunit: bool = False, exact: bool = True) -> None:
        self.low = low
        self.high = high
        self.currencies = currencies
        self.percent = percent
        self.per = per
        self.pre_hedge = pre_hedge
        self.post_hedge = post_hedge
        self.words = words
        self.vague = vague
        self.half_low = half_low
        self.half_high = half_high
        self.open_high = open_high  # "from $630 million to over $1 billion": the hedge on the high end
        self.subunit = subunit
        self.exact = exact  # every figure written with digits or number words (no order of magnitude)

    def __repr__(self) -> str:
        return f"Reading({', '.join(f'{name}={getattr(self, name)!r}' for name in self.__slots__)})"


class Parser:
    """Recursive descent over the tokens of one phrase.

    phrase  := lead* pre_hedge? core tail*
    core    := 'between' amount ('and'|'-'|'to') amount | 'from' amount ('to'|'-') hedge? amount
             | amount (('to'|'-'|'or'|'through') hedge? amount)?
    amount  := currency? (number magnitude* | vague magnitude | order-of-magnitude | fraction)
               percent? (currency | 'cents' | 'pence')?
    tail    := post_hedge | rate | 'of'? currency | percent | word | punctuation
    """

    def __init__(self, tokens: list[Token], raw: str) -> None:
        self.tokens = tokens
        self.raw = raw
        self.i = 0

    def peek(self, offset: int = 0) -> Token | None:
        j = self.i + offset
        return self.tokens[j] if j < len(self.tokens) else None

    def take(self) -> Token:
        token = self.tokens[self.i]
        self.i += 1
        return token

    def at(self, kind: str, offset: int = 0) -> bool:
        token = self.peek(offset)
        return token is not None and token.kind == kind

    def at_one_of(self, kind: str, values: Container[object]) -> bool:
        """The next token is of ``kind`` and one of ``values``."""
        token = self.peek()
        return token is not None and token.kind == kind and token.value in values

    def error(self, reason: str) -> ValueParseError:
        return error(self.raw, reason)

    def unexpected(self) -> ValueParseError:
        token = self.peek()
        if token is None:
            return self.error("the phrase ends too early")
        modal = next((t for t in self.tokens if t.kind == "word" and t.text.casefold() in CERTAINTY_WORDS), None)
        if modal is not None and token.kind == "word":  # 'could reach 20,000', 'is expected to reach …'
            return self.error(f"'{modal.text}' says how likely the figure is, not what it is: write only the figure "
                              "in the value ('up to' before it if it is a ceiling) and 'certainty: "
                              f"{CERTAINTY_WORDS[modal.text.casefold()]}' on the claim")
        return self.error(f"unexpected '{token.text}' at character {token.start + 1}")

    # phrase ---------------------------------------------------------------------------------
    def parse(self) -> Reading:
        self.skip_lead()
        pre_hedge = None
        if self.at_one_of("hedge", PRE_HEDGES):
            pre_hedge = self.take().value
            self.skip_lead()
        amounts, open_high = self.core()
        first, last = amounts[0], amounts[-1]
        reading = Reading(
            low=first.low,
            high=last.high,
            currencies=[a.currency for a in amounts if a.currency],
            percent=any(a.percent for a in amounts),
            per=None,
            pre_hedge=pre_hedge,
            post_hedge=None,
            words=[],
            vague=any(a.vague for a in amounts),
            half_low=first.half_low,
            half_high=last.half_high,
            open_high=open_high,
            subunit=any(a.subunit for a in amounts),
            exact=not any(a.vague for a in amounts),
        )
        self.tail(reading)
        return reading

    def skip_lead(self) -> None:
        """'in 2012', 'the', 'a': words that carry nothing before the figure."""
        while self.at_one_of("word", _LEAD_WORDS):
            self.take()
        while self.at("punct"):
            self.take()

    def core(self) -> tuple[list[Amount], str | None]:
        if self.at("between"):
            self.take()
            return self.range_after(self.amount(), ("and", "-", "to"))
        if self.at("from"):
            self.take()
            return self.range_after(self.amount(), ("to", "-", "through", "thru"))
        first = self.amount()
        if self.at_one_of("conn", ("to", "-", "or", "through", "thru")) and self.starts_amount(1):
            return self.range_after(first, ("to", "-", "or", "through", "thru"))
        return [first], None

    def range_after(self, first: Amount, connectors: tuple[str, ...]) -> tuple[list[Amount], str | None]:
        if not self.at_one_of("conn", connectors):
            raise self.error(f"expected '{connectors[0]}' and a second figure after '{self.tokens[self.i - 1].text}'")
        self.take()
        hedge = None
        if self.at_one_of("hedge", PRE_HEDGES):
            hedge = self.take().value  # "to over $1 billion": an open-ended range
        second = self.amount()
        return [shared_markers(first, second), shared_markers(second, first, is_high=True)], hedge

    def starts_amount(self, offset: int = 0) -> bool:
        token = self.peek(offset)
        if token is None:
            return False
        if token.kind in ("currency", "hedge"):
            return self.starts_amount(offset + 1)
        return token.kind in ("number", "vague", "oom", "fraction")

    # amount -----------------------------------------------------------------------------------
    def amount(self) -> Amount:
        currency = self.take().value if self.at("currency") else None
        half_low = half_high = None
        if self.at("oom"):
            low, high = self.take().value
            low, high = self.shared_order(low, high)
            vague = True
            # A bare 'tens' or 'dozens' on the low end takes a figure's magnitude, as a bare figure
            # does ('tens to 200 thousand'); a larger order never can (it would pass the high end).
            has_magnitude = False
        elif self.at("vague"):
            low_k, high_k = self.take().value
            magnitude = self.magnitude()
            if magnitude is None:
                raise self.error("'a few' and 'several' need a magnitude, as in 'several million'")
            low, high, vague, has_magnitude = low_k * magnitude, high_k * magnitude, True, True
        elif self.at("fraction"):
            share = self.take().value
            if self.at("magnitude") or self.at("number"):
                raise self.unexpected()
            return Amount(share, share, False, currency, True, False, None, None)
        elif self.at("number"):
            value, has_magnitude, half = self.take().value
            magnitude = self.magnitude()
            if magnitude is not None:
                value *= magnitude
                half = None if half is None else half * magnitude
                has_magnitude = True
            low = high = value
            half_low = half_high = half
            vague = False
        else:
            raise self.no_number()
        percent = False
        if self.at("pct"):
            self.take()
            percent = True
        subunit = False
        if currency is None and self.at("currency"):
            currency = self.take().value
        elif currency is None and self.at("subunit"):
            code = self.take().value
            currency, subunit = code or "cents", True
        return Amount(low, high, has_magnitude, currency, percent, vague, half_low, half_high, subunit)

    def shared_order(self, low: float, high: float) -> tuple[float, float]:
        """'tens to hundreds of millions': a bare order of magnitude ('tens', 'hundreds', 'dozens')
        on the low end of a range takes the magnitude the high end names ('of millions'), as '5 to
        10 million' does: tens of millions to hundreds of millions (only when that keeps it below
        the high end: 'hundreds to tens of thousands' is [100, 100,000], and 'hundreds to hundreds of
        thousands' [100, 1,000,000], both ends the same order being no range)."""
        bare = self.peek(-1)
        following = self.peek(1)
        if bare is None or " " in bare.text.strip() or not self.at("conn") or following is None \
                or following.kind != "oom" or high > 1e3:
            return low, high
        first, _, rest = following.text.lower().partition(" ")
        if not rest.startswith("of ") or first not in ORDERS_OF_MAGNITUDE:
            return low, high
        factor = following.value[0] / ORDERS_OF_MAGNITUDE[first][0]
        if low * factor >= following.value[0]:  # 'hundreds to tens of thousands': kept below the high end
            return low, high
        return low * factor, high * factor

    def magnitude(self) -> float | None:
        """'million', '5 millions', and the Indian chains 'lakh crore', 'thousand crore'."""
        factor = None
        while True:
            token = self.peek()
            if token is None:
                return factor
            if token.kind == "magnitude":
                value = token.value
            elif token.kind == "oom" and token.text.lower() in MAGNITUDE_WORDS:
                # "5 millions": a plural magnitude right after a figure is a magnitude, not a range.
                value = MAGNITUDE_WORDS[token.text.lower()]
            else:
                return factor
            if factor is not None and not (value == 1e7 and factor in (1e3, 1e5)):
                raise self.error(f"two magnitudes ('{self.tokens[self.i - 1].text}' and '{token.text}')")
            self.take()
            factor = value if factor is None else factor * value

    def no_number(self) -> ValueParseError:
        if not any(t.kind in ("number", "oom", "vague", "fraction") for t in self.tokens):
            for token in self.tokens:
                prefix = _letter_prefix(token)
                if prefix is not None:
                    return self.error(f"'{prefix}' before {token.text[len(prefix):]} is not a currency "
                                      f"hirel knows{_PREFIX_NOTES.get(prefix.lower(), '')}; write the "
                                      "currency code or name, e.g. 'PHP 867.24 million', 'ZAR 1.5 billion'")
            return self.error(f"no number found; {_NO_NUMBER_HINT}")
        return self.unexpected()

    # tail -------------------------------------------------------------------------------------
    def tail(self, reading: Reading) -> None:
        while (token := self.peek()) is not None:
            if token.kind == "hedge" and token.value in POST_HEDGES and reading.post_hedge is None:
                reading.post_hedge = self.take().value
            elif token.kind == "rate":
                if reading.per is not None:
                    raise self.error(f"two rates ('per {reading.per}' and '{token.text}')")
                reading.per = self.take().value
            elif token.kind == "currency":
                reading.currencies.append(self.take().value)
            elif token.kind == "of" and self.at("currency", 1):
                self.take()
            elif token.kind == "pct":
                self.take()
                reading.percent = True
            elif token.kind in ("word", "of", "conn", "between", "from", "magnitude", "subunit", "hedge"):
                reading.words.append(self.take())
            elif token.kind == "punct":
                self.take()
                while self.at("punct"):
                    self.take()
                if not reading.words and self.at("word") and token.text in ',"\'':
                    # '708," said': a quote or comma ends the value; a word after it is not its noun
                    raise self.error(f"'{token.text}' (at character {token.start + 1}) ends the figure; "
                                     "a value is the figure and what it counts, not the sentence after it")
            else:
                raise self.unexpected()


def shared_markers(own: Amount, other: Amount, is_high: bool = False) -> Amount:
    """In '$70-100 million' the magnitude, currency and % written once apply to both ends.

    A bare low end takes the high end's magnitude only when that keeps it at or below the
    high end: '5 to 10 million' is [5M, 10M], but '500,000 to 1 million' is [500K, 1M].
    """
    low, high, has_magnitude = own.low, own.high, own.has_magnitude
    half_low, half_high = own.half_low, own.half_high
    if not is_high and not own.has_magnitude and other.has_magnitude and not other.vague:
        magnitude = magnitude_of(other.low)
        if magnitude > 1 and own.high * magnitude <= other.low:
            low, high, has_magnitude = own.low * magnitude, own.high * magnitude, True
            half_low = None if half_low is None else half_low * magnitude
            half_high = None if half_high is None else half_high * magnitude
    return Amount(
        low,
        high,
        has_magnitude,
        own.currency or other.currency,
        own.percent or other.percent,
        own.vague,
        half_low,
        half_high,
        own.subunit or other.subunit,
    )


def magnitude_of(x: float) -> float:
    """The magnitude word a written figure used: 1e8 -> 1e6 ('100 million'), 1.5e9 -> 1e9."""
    for magnitude in (1e12, 1e9, 1e6, 1e3):
        if x >= magnitude:
            return magnitude
    return 1.0


__all__ = ["Amount", "Parser", "Reading", "magnitude_of", "shared_markers"]
