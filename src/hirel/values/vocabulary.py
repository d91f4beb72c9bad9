"""The words hirel reads figures with, declared once.

Units, currencies, magnitudes, rate and period words, hedges, dashes, quotes and odd spaces:
the value reader (``values.tokens``), the unit parser (``hirel.values.units``), the period parser
(``hirel.values.periods``) and the quote matcher (``hirel.rules.anchoring``) all read these tables, so a
currency or a dash known to one is known to all. Nothing here compiles a regular expression
or imports another hirel module: importing it costs nothing.
"""

from __future__ import annotations

# Bidi overrides and zero-width characters, shown visibly by every output (declared in `hidden`,
# which the reporters import without these words).
from .hidden import HIDDEN_CHARACTERS as HIDDEN_CHARACTERS  # noqa: PLC0414

# --- typography ----------------------------------------------------------------------------

# Every dash a text may use for a hyphen, a range or a minus: all read as '-'.
DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d"
# Dashes that join two dates of a range ("2014–2020"); the others are hyphens ("mid‐2017").
RANGE_DASHES = "\u2012\u2013\u2014\u2015"
# Typographic single and double quotes, read as ' and ".
SINGLE_QUOTES = "\u2018\u2019\u201a\u201b\u2032\u02bc\u0060\u00b4"
DOUBLE_QUOTES = "\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb\u02dd"
# Spaces other than ' ' (non-breaking, thin, figure, …), read as one space.
ODD_SPACES = "\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000"
# Characters that are not there at all (zero-width, soft hyphen).
INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff\u00ad"

# Letters that Python's case-insensitive patterns match as ASCII letters (long s, Kelvin sign,
# dotless i): folded here, so that a word the patterns accept ("ſix") is also one the word tables
# know. One character for one, so offsets into the text stay the same. The dotted capital I is
# folded by the value reader only (VALUE_FOLDS): quote matching keeps its own case folding of it.
ASCII_FOLDS = {"\u017f": "s", "\u212a": "k", "\u0131": "i"}

TYPOGRAPHY = str.maketrans(
    DASHES + SINGLE_QUOTES + DOUBLE_QUOTES + ODD_SPACES + "".join(ASCII_FOLDS),
    "-" * len(DASHES) + "'" * len(SINGLE_QUOTES) + '"' * len(DOUBLE_QUOTES) + " " * len(ODD_SPACES)
    + "".join(ASCII_FOLDS.values()),
    INVISIBLE,
)
VALUE_FOLDS = str.maketrans({"\u0130": "I"})

# --- hedges --------------------------------------------------------------------------------

# "about $100 million" = [90M, 110M]: a reader's "about" rarely means more than ±10%, and a
# narrower band would call rounded figures from two outlets a contradiction.
DEFAULT_HEDGE = 0.10

APPROX = "approx"  # [low(1-h), high(1+h)]
NEARLY = "nearly"  # [low(1-h), high]
JUST_OVER = "just over"  # [low, high(1+h)]
AT_LEAST = "at least"  # [low, unbounded]
AT_MOST = "at most"  # [0, high]

PRE_HEDGES: dict[str, str] = {
    **dict.fromkeys(
        ["about", "approximately", "approx.", "approx", "around", "roughly", "some", "circa",
         "ca.", "c.", "~", "≈", "an estimated", "estimated", "an approximate", "in the region of",
         "on the order of", "of the order of", "an average of", "on average", "an average",
         "roughly around", "around about", "about some"],
        APPROX,
    ),
    **dict.fromkeys(
        ["nearly", "almost", "just under", "just below", "just shy of", "close to", "not quite",
         "slightly less than", "slightly under", "a little under", "a little less than",
         "just short of", "nearing", "approaching", "close on"],
        NEARLY,
    ),
    **dict.fromkeys(
        ["just over", "just above", "slightly over", "slightly more than", "slightly above",
         "a little over", "a little more than", "just more than"],
        JUST_OVER,
    ),
    **dict.fromkeys(
        ["over", "more than", "above", "exceeding", "upwards of", "upward of", "in excess of",
         "greater than", "at least", "no less than", "not less than", "a minimum of", "minimum",
         "no fewer than", "not fewer than", "well over", "well above", "well in excess of",
         ">", ">=", "≥",
         # verbs of reporting that set a floor: "exceeded $1.58 billion", "has topped 1 million"
         "exceeded", "exceeds", "has exceeded", "have exceeded", "had exceeded",
         "topped", "tops", "has topped", "have topped", "had topped",
         "surpassed", "surpasses", "has surpassed", "have surpassed", "had surpassed",
         "passed", "has passed", "have passed", "crossed", "has crossed", "have crossed",
         "past", "beyond", "surpassing", "topping"],
        AT_LEAST,
    ),
    **dict.fromkeys(
        ["under", "less than", "fewer than", "below", "up to", "at most", "no more than",
         "not more than", "a maximum of", "maximum", "as much as", "as many as", "as high as",
         "no greater than", "not exceeding", "well under", "well below", "<", "<=", "≤",
         "does not exceed", "do not exceed", "did not exceed", "not over"],
        AT_MOST,
    ),
}

POST_HEDGES: dict[str, str] = {
    **dict.fromkeys(["or more", "or over", "or above", "or higher", "plus", "+", "and up",
                     "and above", "at least", "or greater", "and more"], AT_LEAST),
    **dict.fromkeys(["or less", "or fewer", "or under", "or below", "or lower", "at most"], AT_MOST),
    **dict.fromkeys(["or so", "more or less", "give or take", "or thereabouts", "approximately",
                     "roughly"], APPROX),
}

HEDGE_EXPLANATIONS: dict[str, str] = {
    APPROX: f"is taken as ±{DEFAULT_HEDGE:.0%}",
    NEARLY: f"is taken as {1 - DEFAULT_HEDGE:.0%}–100% of the figure",
    JUST_OVER: f"is taken as 100%–{1 + DEFAULT_HEDGE:.0%} of the figure",
    AT_LEAST: "sets a lower bound only",
    AT_MOST: "sets an upper bound only (from zero)",
}

# --- magnitudes ----------------------------------------------------------------------------

# Words that multiply the figure before them. 'lakh' and 'crore' are the Indian 10^5 and 10^7
# ('1.7 lakh crore' = 1.7 × 10^12); 'dozen' is 12 ('2 dozen', 'half a dozen').
MAGNITUDE_WORDS: dict[str, float] = {
    "k": 1e3, "thousand": 1e3, "thousands": 1e3,
    "m": 1e6, "mn": 1e6, "mln": 1e6, "mil": 1e6, "million": 1e6, "millions": 1e6,
    "b": 1e9, "bn": 1e9, "bil": 1e9, "billion": 1e9, "billions": 1e9,
    "t": 1e12, "tn": 1e12, "trillion": 1e12, "trillions": 1e12,
    "lakh": 1e5, "lakhs": 1e5, "lac": 1e5, "lacs": 1e5, "crore": 1e7, "crores": 1e7, "cr": 1e7,
    "dozen": 12.0,
}
# Magnitudes written as a word (not touching the figure); one-letter ones must touch it.
SPACED_MAGNITUDES = ("thousand", "million", "billion", "trillion", "mln", "mn", "bn", "tn", "mil",
                     "bil", "lakh", "lakhs", "lac", "lacs", "crore", "crores", "cr", "dozen")
ATTACHED_MAGNITUDES = ("thousand", "million", "billion", "trillion", "mln", "mn", "bn", "tn",
                       "lakh", "crore", "k", "m", "b", "t")

# "tens of millions" = [10M, 100M]: from the smallest to the largest figure the words cover.
ORDERS_OF_MAGNITUDE: dict[str, tuple[float, float]] = {
    "tens": (10.0, 100.0),
    "dozens": (24.0, 144.0),
    "hundreds": (100.0, 1e3),
    "thousands": (1e3, 1e6),
    "tens of thousands": (1e4, 1e5),
    "hundreds of thousands": (1e5, 1e6),
    "millions": (1e6, 1e9),
    "tens of millions": (1e7, 1e8),
    "hundreds of millions": (1e8, 1e9),
    "billions": (1e9, 1e12),
    "tens of billions": (1e10, 1e11),
    "hundreds of billions": (1e11, 1e12),
    "trillions": (1e12, 1e15),
    "tens of trillions": (1e13, 1e14),
    "hundreds of trillions": (1e14, 1e15),
    "dozens of thousands": (2.4e4, 1.44e5),
    "dozens of millions": (2.4e7, 1.44e8),
    "dozens of billions": (2.4e10, 1.44e11),
}

# "a few million" = [2M, 9M]; "several million" = [3M, 9M]; "a couple of million" = [2M, 3M].
VAGUE_MULTIPLIERS: dict[str, tuple[float, float]] = {
    "a few": (2.0, 9.0),
    "several": (3.0, 9.0),
    "a couple": (2.0, 3.0),
    "a couple of": (2.0, 3.0),
}

# --- numbers in words ----------------------------------------------------------------------

UNIT_WORDS = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
TEEN_WORDS = ("ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen",
              "seventeen", "eighteen", "nineteen")
TENS_WORDS = ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
WORD_VALUES: dict[str, int] = {
    **{w: i + 1 for i, w in enumerate(UNIT_WORDS)},
    **{w: i + 10 for i, w in enumerate(TEEN_WORDS)},
    **{w: 20 + 10 * i for i, w in enumerate(TENS_WORDS)},
    "zero": 0, "oh": 0, "a": 1, "an": 1,
}

# Fractions read as shares of a whole (percent): "half" = 50%, "a third" = 33.3%.
FRACTION_SHARES: dict[str, float] = {
    "half": 50.0, "a half": 50.0, "one half": 50.0, "one-half": 50.0,
    "a third": 100 / 3, "one third": 100 / 3, "one-third": 100 / 3,
    "two thirds": 200 / 3, "two-thirds": 200 / 3,
    "a quarter": 25.0, "one quarter": 25.0, "one-quarter": 25.0,
    "three quarters": 75.0, "three-quarters": 75.0,
    "a fifth": 20.0, "one fifth": 20.0, "one-fifth": 20.0,
    "two fifths": 40.0, "two-fifths": 40.0,
    "a tenth": 10.0, "one tenth": 10.0, "one-tenth": 10.0,
    "the majority": 50.0,
}

# --- percent -------------------------------------------------------------------------------

PERCENT_WORDS = ("%", "percent", "per cent", "pct", "pc", "percentage", "percentage point",
                 "percentage points", "per-cent")

# --- periods and rates ---------------------------------------------------------------------

PERIODS = ("hour", "day", "week", "month", "year")

# "per year", "a month": the noun after per/a/an/each/every.
RATE_WORDS: dict[str, str] = {
    "year": "year", "yr": "year", "annum": "year", "month": "month", "mo": "month",
    "mon": "month", "week": "week", "wk": "week", "day": "day", "hour": "hour", "hr": "hour",
}
# After a slash: "/yr", "/a" (Latin per annum), "/d".
RATE_SLASH_WORDS: dict[str, str] = {
    **RATE_WORDS, "y": "year", "a": "year", "w": "week", "d": "day", "h": "hour",
    "years": "year", "yrs": "year", "annual": "year", "months": "month", "mos": "month",
    "weeks": "week", "wks": "week", "days": "day", "hours": "hour", "hrs": "hour",
    "p.a.": "year", "pa": "year",
}
RATE_ADVERBS: dict[str, str] = {
    "annually": "year", "yearly": "year", "per annum": "year", "p.a.": "year", "p.a": "year",
    "monthly": "month", "weekly": "week", "daily": "day", "hourly": "hour",
    "a-year": "year", "a-month": "month", "a-day": "day", "a-week": "week",
}
# Words a reader would use for a period; none of them is ever a count's noun.
PERIOD_WORDS = frozenset(
    {"year", "years", "yr", "yrs", "annum", "annual", "annually", "yearly", "month", "months",
     "monthly", "mo", "week", "weeks", "weekly", "wk", "day", "days", "daily", "hour", "hours",
     "hourly", "decade", "decades", "quarter", "quarters", "quarterly", "fortnight", "minute",
     "minutes", "second", "seconds", "semester"}
)

# --- currencies ----------------------------------------------------------------------------

# Symbols, before or after the figure. "XX$" (two letters and a dollar sign) is read as the
# dollar of that country code (ISO 4217: country code + 'D'); these are the exceptions and the
# one-letter prefixes hirel knows.
CURRENCY_SYMBOLS: dict[str, str] = {
    "$": "USD", "us$": "USD", "u.s.$": "USD", "c$": "CAD", "ca$": "CAD", "a$": "AUD",
    "au$": "AUD", "hk$": "HKD", "nz$": "NZD", "s$": "SGD", "sg$": "SGD", "r$": "BRL",
    "nt$": "TWD", "mx$": "MXN", "ec$": "XCD", "j$": "JMD", "z$": "ZWL",
    "€": "EUR", "£": "GBP", "¥": "JPY", "₪": "ILS", "﷼": "IRR", "₹": "INR", "₽": "RUB",
    "₩": "KRW", "₺": "TRY", "₦": "NGN", "₱": "PHP", "฿": "THB", "₫": "VND", "₴": "UAH",
    "zł": "PLN",
}

CURRENCY_WORDS: dict[str, str] = {
    "us dollars": "USD", "u.s. dollars": "USD", "american dollars": "USD", "dollars": "USD",
    "dollar": "USD", "us dollar": "USD", "u.s. dollar": "USD", "usd dollars": "USD",
    "euros": "EUR", "euro": "EUR",
    "pounds sterling": "GBP", "british pounds": "GBP", "sterling": "GBP", "british pound": "GBP",
    "yen": "JPY", "japanese yen": "JPY",
    "new israeli shekels": "ILS", "israeli shekels": "ILS", "shekels": "ILS", "shekel": "ILS",
    "nis": "ILS",
    "iranian rials": "IRR", "rials": "IRR", "rial": "IRR", "tomans": "IRT", "toman": "IRT",
    "swiss francs": "CHF", "swiss franc": "CHF",
    "yuan": "CNY", "chinese yuan": "CNY", "renminbi": "CNY", "chinese renminbi": "CNY", "rmb": "CNY",
    "rubles": "RUB", "roubles": "RUB", "russian rubles": "RUB", "russian roubles": "RUB",
    "saudi riyals": "SAR", "saudi riyal": "SAR", "qatari riyals": "QAR", "qatari riyal": "QAR",
    "indian rupees": "INR", "pakistani rupees": "PKR", "sri lankan rupees": "LKR",
    "nepalese rupees": "NPR",
    "canadian dollars": "CAD", "australian dollars": "AUD", "hong kong dollars": "HKD",
    "singapore dollars": "SGD", "new zealand dollars": "NZD", "taiwan dollars": "TWD",
    "new taiwan dollars": "TWD", "jamaican dollars": "JMD",
    "danish crowns": "DKK", "danish kroner": "DKK", "danish krone": "DKK",
    "swedish crowns": "SEK", "swedish kronor": "SEK", "swedish krona": "SEK",
    "norwegian crowns": "NOK", "norwegian kroner": "NOK", "norwegian krone": "NOK",
    "czech crowns": "CZK", "czech korunas": "CZK",
    "lebanese pounds": "LBP", "egyptian pounds": "EGP", "syrian pounds": "SYP",
    "sudanese pounds": "SDG",
    "jordanian dinars": "JOD", "iraqi dinars": "IQD", "kuwaiti dinars": "KWD",
    "bahraini dinars": "BHD", "libyan dinars": "LYD", "algerian dinars": "DZD",
    "tunisian dinars": "TND", "serbian dinars": "RSD",
    "uae dirhams": "AED", "emirati dirhams": "AED", "moroccan dirhams": "MAD",
    "turkish lira": "TRY", "turkish liras": "TRY", "turkish lire": "TRY",
    "south korean won": "KRW", "korean won": "KRW", "north korean won": "KPW",
    "brazilian reais": "BRL", "brazilian real": "BRL",
    "mexican pesos": "MXN", "argentine pesos": "ARS", "philippine pesos": "PHP",
    "chilean pesos": "CLP", "colombian pesos": "COP",
    "nigerian naira": "NGN", "naira": "NGN", "south african rand": "ZAR", "rand": "ZAR",
    "ukrainian hryvnias": "UAH", "hryvnias": "UAH", "hryvnia": "UAH",
    "polish zlotys": "PLN", "polish zloty": "PLN", "zlotys": "PLN", "zloty": "PLN",
    "afghanis": "AFN", "afghan afghanis": "AFN",
    "kenyan shillings": "KES", "ugandan shillings": "UGX", "tanzanian shillings": "TZS",
    "ethiopian birr": "ETB", "birr": "ETB",
    "hungarian forints": "HUF", "forints": "HUF", "forint": "HUF",
    "thai baht": "THB", "baht": "THB", "vietnamese dong": "VND", "dong": "VND",
    "indonesian rupiah": "IDR", "rupiah": "IDR", "malaysian ringgit": "MYR", "ringgit": "MYR",
    "bangladeshi taka": "BDT", "taka": "BDT",
}
# Currency names shared by several countries. The proposition's unit decides when it is one
# of them ('1,507 pounds' on an LBP proposition is LBP); else the default, or a refusal when
# there is none ('7,199 dinars': which dinar?).
CURRENCY_FAMILIES: dict[str, tuple[tuple[str, ...], str | None]] = {
    **dict.fromkeys(["pounds", "pound"], (("GBP", "EGP", "LBP", "SYP", "SDG", "SSP"), "GBP")),
    **dict.fromkeys(["rupees", "rupee", "rs", "rs."], (("INR", "PKR", "LKR", "NPR", "MUR", "SCR"), "INR")),
    **dict.fromkeys(["dinars", "dinar"], (("JOD", "IQD", "KWD", "BHD", "LYD", "DZD", "TND", "RSD"), None)),
    **dict.fromkeys(["riyals", "riyal"], (("SAR", "QAR", "OMR", "YER"), None)),
    **dict.fromkeys(["crowns", "crown", "kroner", "krone", "kronor", "krona"], (("DKK", "SEK", "NOK", "CZK", "ISK"), None)),
    **dict.fromkeys(["dirhams", "dirham"], (("AED", "MAD"), None)),
    **dict.fromkeys(["pesos", "peso"], (("MXN", "ARS", "PHP", "CLP", "COP", "UYU", "DOP", "CUP"), None)),
    **dict.fromkeys(["francs", "franc"], (("CHF", "XOF", "XAF", "CDF", "RWF", "BIF", "GNF"), None)),
    **dict.fromkeys(["lira", "liras", "lire"], (("TRY",), None)),
    **dict.fromkeys(["shillings", "shilling"], (("KES", "UGX", "TZS", "SOS"), None)),
    **dict.fromkeys(["won"], (("KRW", "KPW"), None)),
    **dict.fromkeys(["reais", "real"], (("BRL",), "BRL")),
}
# Hundredths: "50 cents" = 0.50 in the proposition's currency (USD if none); "470 pence" = GBP 4.70.
SUBUNIT_WORDS: dict[str, str | None] = {"cents": None, "cent": None, "pence": "GBP", "penny": "GBP"}

# Codes read in any case; every other code must be three capital letters ("CHF", "QAR").
LOWERCASE_CODES = frozenset(
    {"usd", "eur", "gbp", "jpy", "ils", "irr", "chf", "cad", "aud", "cny", "rub", "inr", "sar",
     "aed", "qar", "egp", "jod", "lbp", "syp", "iqd", "kwd", "hkd", "sek", "nok", "dkk", "sgd",
     "pkr", "brl", "krw", "mxn", "zar", "nzd", "twd"}
)
# Capitalized words that are not currency codes, for values written in capitals.
NOT_CODES = frozenset({"THE", "AND", "FOR", "ARE", "BUT", "NOT", "ALL", "ANY", "CAN", "HAS",
                       "HAD", "WAS", "ONE", "TWO", "SIX", "TEN", "OUT", "OFF", "PER", "SOME",
                       "NEW", "NET", "TOP", "AID", "ITS", "WHO", "NOW", "OWN", "TAX", "GDP",
                       "MPS", "NGO", "UAE", "USA", "EUS"})

# In a proposition's unit: the words and symbols people type, besides codes.
UNIT_BASE_WORDS: dict[str, str] = {
    "percent": "percent", "per cent": "percent", "%": "percent", "pct": "percent",
    "percentage": "percent", "pc": "percent",
    "count": "count", "number": "count",
    "date": "date",
    **{symbol: code for symbol, code in CURRENCY_SYMBOLS.items()},
    **{word: code for word, code in CURRENCY_WORDS.items()},
}

# --- changes -------------------------------------------------------------------------------

# Verbs and nouns of change, by direction (+1 up, -1 down).
CHANGE_VERBS: dict[str, int] = {
    **dict.fromkeys(["up", "rose", "rise", "rises", "risen", "rising", "increased", "increase",
                     "increases", "increasing", "grew", "grow", "grows", "grown", "growing",
                     "jumped", "jumps", "surged", "surges", "soared", "soars", "climbed",
                     "climbs", "gained", "gains", "went up", "has risen", "has grown",
                     "has increased", "have increased", "have risen", "is up", "are up",
                     "was up", "were up", "higher by", "spiked", "rocketed", "skyrocketed"], 1),
    **dict.fromkeys(["down", "fell", "fall", "falls", "fallen", "falling", "decreased",
                     "decrease", "decreases", "decreasing", "dropped", "drops", "drop",
                     "declined", "declines", "decline", "plunged", "plunges", "plummeted",
                     "slumped", "slid", "shrank", "shrunk", "contracted", "cut", "reduced",
                     "lowered", "went down", "has fallen", "has dropped", "has declined",
                     "has decreased", "have fallen", "is down", "are down", "was down",
                     "were down", "lower by", "tumbled", "sank", "dipped"], -1),
}
CHANGE_NOUNS: dict[str, int] = {
    **dict.fromkeys(["increase", "rise", "jump", "gain", "growth", "surge", "hike", "climb",
                     "boost", "spike", "upturn"], 1),
    **dict.fromkeys(["decrease", "drop", "fall", "decline", "reduction", "cut", "loss",
                     "plunge", "slump", "contraction", "dip", "downturn"], -1),
}
CHANGE_COMPARATIVES: dict[str, int] = {
    "more": 1, "higher": 1, "up": 1, "larger": 1, "bigger": 1, "greater": 1, "increase": 1,
    "rise": 1, "jump": 1, "gain": 1, "growth": 1, "hike": 1, "surge": 1,
    "less": -1, "lower": -1, "down": -1, "smaller": -1, "fewer": -1, "decrease": -1,
    "drop": -1, "fall": -1, "decline": -1, "reduction": -1, "cut": -1,
}
# Multiplying verbs: the level after is this many times the level before.
MULTIPLIERS: dict[str, float] = {
    "doubled": 2.0, "double": 2.0, "doubles": 2.0, "doubling": 2.0,
    "tripled": 3.0, "triple": 3.0, "triples": 3.0, "trebled": 3.0, "tripling": 3.0,
    "quadrupled": 4.0, "quadruple": 4.0, "quadruples": 4.0,
    "quintupled": 5.0, "halved": 0.5, "halves": 0.5, "halving": 0.5,
}

# --- the noun a count counts ----------------------------------------------------------------

# Words never read as the noun a count counts: reporting verbs and finite verbs or auxiliaries
# ("708,\" said", "19,136 people died"). A value is the figure and its noun, not a clause.
NOT_COUNTED_WORDS = frozenset(
    {"said", "says", "say", "saying", "told", "tells", "tell", "reported", "according", "added", "adds",
     "stated", "announced", "announces", "claimed", "confirmed", "confirms", "estimated", "noted", "explained",
     "wrote", "writes", "is", "are", "was", "were", "be", "been", "being", "has", "have", "had", "will",
     "would", "could", "should", "may", "might", "must", "can", "did", "does", "do",
     "died", "die", "dies", "dying", "fled", "flee", "flees", "lost", "lose", "remain",
     "remained", "stood", "reached", "reaches", "rose", "fell", "went"}
)
# Casualty and reporting nouns a count often counts ("708 dead", "300 missing"): read as the
# noun, never taken for a misspelt keyword ('dead' is not 'decade').
COUNTED_WORDS = frozenset(
    {"dead", "killed", "wounded", "injured", "displaced", "missing", "homeless", "deaths",
     "death", "people", "persons", "families", "households", "homes", "houses", "buildings",
     "victims", "casualties", "injuries", "survivors", "refugees", "evacuees", "children",
     "adults", "residents", "bodies", "fatalities", "troops", "soldiers", "civilians"}
)

# How likely a figure is, not what it is ("could reach 20,000"): refused, with the certainty to write.
CERTAINTY_WORDS: dict[str, str] = {
    **dict.fromkeys(["could", "may", "might", "possibly", "perhaps", "can", "feared", "fears"], "possible"),
    **dict.fromkeys(["would", "will", "should", "expected", "projected", "forecast", "predicted", "likely",
                     "probably", "set"], "likely")}

# --- every keyword, for "is this a misspelt keyword?" ----------------------------------------

def keywords() -> frozenset[str]:
    """The words a misspelling of which is refused after a count: rates, periods, magnitudes,
    percent and the common currency names (``montth``, ``milion``, ``anually``, ``dollers``).

    Country adjectives and rarer currency words are read only as written: too many ordinary
    nouns are one letter away from them (``lakes``/``lakhs``, ``persons``/``pesos``).
    """
    words: set[str] = {w for w in PERIOD_WORDS if len(w) > 3}
    words |= {w for w in RATE_ADVERBS if "-" not in w and "." not in w and " " not in w}
    words |= {"thousand", "thousands", "million", "millions", "billion", "billions", "trillion",
              "trillions", "percent", "dollar", "dollars", "euro", "euros", "pound", "pounds",
              "annum", "every"}
    return frozenset(words)
