"""The unit printed with a number: a currency before or after it ("US$500", "1.5bn euro",
"33 cents"), a percentage, an age or a length of time (and when a length of time only
places something in time), a physical measure, a temperature, times, counts of an
indictment, and the people or things a count counts ("350 employees").
"""

from __future__ import annotations

import re

from service.ingest.figures.number_words import WORD_NUMBER, alternation

# ISO 4217 codes, before the number with a space or touching it ("SGD1.75-billion").
CODES = (
    "USD", "EUR", "GBP", "CHF", "JPY", "CNY", "INR", "RUB", "AUD", "CAD", "KZT", "HKD", "SEK",
    "DKK", "NOK", "ZAR", "TRY", "BRL", "MXN", "KRW", "SGD", "NZD", "PLN", "ILS", "AED", "SAR",
    "NGN", "EGP", "UAH", "THB", "IDR",
)  # fmt: skip


# Currencies are ISO 4217 codes. Symbols and codes before the number; words after it, in
# the singular too ("a 1.5bn euro charge"). Cents and pence are hundredths of the dollar
# and the pound ("33 cents a share" = 0.33 USD). "#" and a space is the pound sign as copy
# passed through ASCII prints it ("sold for # 0.79 per song"; "#2" is a rank).
# The dollar's country after its sign, as Australian and New Zealand copy prints it:
# "$US1 million", "$A195,900", "$NZ40 million".
SYMBOLS = r"(?:US\$|AU\$|A\$|CA\$|C\$|HK\$|NZ\$|S\$|\$US|\$AU|\$A|\$NZ|\$|€|£|¥|₹)"


MONEY_BEFORE = re.compile(rf"(?P<sym>(?:{SYMBOLS}|{'|'.join(CODES)})\s?|#\s)$")


MONEY_UNITS = {
    "US$": "USD", "$": "USD", "A$": "AUD", "AU$": "AUD", "C$": "CAD", "CA$": "CAD",
    "HK$": "HKD", "NZ$": "NZD", "S$": "SGD", "$US": "USD", "$AU": "AUD", "$A": "AUD",
    "$NZ": "NZD",
    "€": "EUR", "£": "GBP", "#": "GBP", "¥": "JPY", "₹": "INR", **{code: code for code in CODES},
}  # fmt: skip


MONEY_WORDS = {
    "dollar": "USD", "dollars": "USD", "us dollars": "USD", "euro": "EUR", "euros": "EUR",
    "pound": "GBP", "pounds": "GBP", "pounds sterling": "GBP", "sterling": "GBP",
    "swiss francs": "CHF", "swiss franc": "CHF", "francs": "CHF", "franc": "CHF",
    "yen": "JPY", "yuan": "CNY", "renminbi": "CNY", "rupees": "INR", "rupee": "INR",
    "roubles": "RUB", "rubles": "RUB", "rouble": "RUB", "ruble": "RUB", "tenge": "KZT",
    "cents": "USD", "cent": "USD", "pence": "GBP", "p": "GBP",
    # The crowns are several countries': only with the country said.
    "danish crowns": "DKK", "danish kroner": "DKK", "swedish crowns": "SEK",
    "swedish kronor": "SEK", "norwegian crowns": "NOK", "norwegian kroner": "NOK",
    "czech crowns": "CZK", "czech korunas": "CZK", "rand": "ZAR", "lira": "TRY",
    "liras": "TRY", "reais": "BRL", "mexican pesos": "MXN", "naira": "NGN",
    "dirhams": "AED", "riyals": "SAR", "zloty": "PLN", "zlotys": "PLN", "forints": "HUF",
    "ringgit": "MYR", "baht": "THB", "rupiah": "IDR", "hryvnias": "UAH", "hryvnia": "UAH",
    "shekels": "ILS", "korean won": "KRW",
    **{code.lower(): code for code in CODES},
}  # fmt: skip


HUNDREDTHS = frozenset({"cents", "cent", "pence", "p"})


MONEY_AFTER = re.compile(
    rf"(?:\s+(?P<cur>{alternation(k for k in MONEY_WORDS if k != 'p')})|(?P<pence>p))\b",
    re.IGNORECASE,
)


WEIGHED = re.compile(
    r"\bweigh(?:s|ed|ing)?\s+(?:(?:about|around|nearly|almost|over|under|some|roughly|more"
    r"\s+than|less\s+than|up\s+to|approximately|just\s+over|just\s+under|close\s+to)\s+)?$",
    re.IGNORECASE,
)


OF_MONEY = re.compile(r"\s+of(?=\s)", re.IGNORECASE)


PERCENT = re.compile(r"(?:\s*%|\s+(?:percent|per\s+cent|pc)\b|\s+percentage\s+points?\b)", re.I)


# The first of a pair whose second prints the percent sign: "fell by 1.5 and 3 percent,
# respectively", "rose 166.5 and 93.3%", "gains of eight and fourteen percent" (the
# first is a percentage too, not a bare count).
PAIRED_PERCENT = re.compile(
    rf"\s+(?:and|or)\s+(?:\d+(?:\.\d+)?|{WORD_NUMBER})(?:\s*%|\s+(?:percent|per\s+cent)\b)",
    re.IGNORECASE,
)


# "66-year-old", "66 years old", "a nine-month-old child": an age, in its unit
# (hyphens with spaces round them as copy rebuilt from tokens prints them: "18 - year - old")
AGE = re.compile(r"(?:\s?-\s?|\s+)(?P<u>year|month|week|day)s?(?:\s?-\s?|\s+)old\b", re.IGNORECASE)


DURATION = re.compile(
    r"(?:\s-\s|[\s-])(?:(?:working|business|calendar|school|trading)\s+)?"
    r"(?P<u>hours?|days?|weeks?|months?|years?|decades?|minutes?)\b",
    re.IGNORECASE,
)


# A duration that places something in time rather than measuring it: "two years ago",
# "a 4 year low", "a 52-week high" (an age of something, like a document's).
WHEN_AFTER = re.compile(r"(?:\s+ago|[\s-](?:highs?|lows?))\b", re.IGNORECASE)


# A duration that frames in time what the sentence reports, not a length it reports: "the
# index fell 2,000 points in the past nine days", "saves in the last ten minutes of play",
# "a decision within the next 30 days", "17 points in the first eight minutes" (a time
# window is never a figure). "Over the past 30 days it has been third" says how long a
# state lasted, and stays a duration.
WINDOW_BEFORE = re.compile(
    r"\b(?:in|during|within)\s+(?:(?:just|only)\s+)?(?:(?:over|under)\s+)?(?:the\s+)?"
    r"(?:past|last|next|first|final|previous|coming|opening|closing)\s+$",
    re.IGNORECASE,
)


# The window a record or a first is counted over, like "a 5-year low": "its lowest level in
# five years", "the first time in more than two years", "the second time in two days",
# "the first annual gain for four years", "has not been hit by a quake in 25 years" (not
# "the first woman to serve for 12 years": a verb's duration).
RECORD_WINDOW = re.compile(
    r"\b(?:(?:lowest|highest|biggest|largest|smallest|sharpest|steepest|strongest|weakest|"
    r"longest|deepest|heaviest|fastest|slowest|greatest|worst|best|first|second|third|fourth|"
    r"fifth)(?:\s+(?!to\b)[\w'’-]+){0,6}?\s+(?:in|for)|(?:not|never|n['’]t)(?:\s+[\w'’-]+){0,6}?\s+in)"
    r"\s+$",
    re.IGNORECASE,
)


DURATION_UNITS = {"hour": "hours", "day": "days", "week": "weeks", "month": "months"}


DURATION_UNITS |= {"year": "years", "decade": "years", "minute": "minutes"}


# How often, or how many fold: "was arrested seven times" (never "2 Times Square")
TIMES = re.compile(r"\s+times\b")


# The counts of an indictment: "two counts of murder", "three counts each of fraud"
CHARGE_COUNTS = re.compile(r"\s+counts(?=\s+(?:each\s+)?of\b)", re.IGNORECASE)


PER_SHARE = re.compile(r"\s+(?:per|a)\s+share\b", re.IGNORECASE)


# Physical units after a number, as the unit a figure keeps (docs/extraction.md).
PHYSICAL_UNIT_WORDS = {
    "km": "km", "kilometres": "km", "kilometers": "km", "kilometre": "km", "kilometer": "km",
    "miles": "miles", "mile": "miles", "m": "m", "metres": "m", "meters": "m",
    "metre": "m", "meter": "m", "feet": "feet", "ft": "feet", "foot": "feet",
    "kg": "kg", "kilograms": "kg", "kilos": "kg", "tonnes": "tonnes", "tons": "tonnes",
    "tonne": "tonnes", "ton": "tonnes", "km/h": "km/h", "kph": "km/h", "mph": "mph",
    "hectares": "hectares", "hectare": "hectares", "acres": "acres", "acre": "acres",
    "mm": "mm", "cm": "cm", "centimetres": "cm", "centimeters": "cm", "centimetre": "cm",
    "centimeter": "cm", "millimetres": "mm", "millimeters": "mm", "millimetre": "mm",
    "millimeter": "mm", "litres": "litres", "liters": "litres", "barrels": "barrels",
    "sq km": "km2", "square kilometres": "km2", "square kilometers": "km2",
    "square miles": "square miles", "degrees": "degrees", "square feet": "sq ft",
    "square foot": "sq ft", "sq ft": "sq ft", "sq. ft.": "sq ft", "sq. ft": "sq ft",
    "square metres": "m2", "square meters": "m2", "square metre": "m2", "square meter": "m2",
    "sq m": "m2", "square kilometre": "km2", "square kilometer": "km2",
    "square mile": "square miles", "metric tons": "tonnes", "metric tonnes": "tonnes",
    "metric ton": "tonnes",
    "gb": "GB", "gigabytes": "GB", "gigabyte": "GB", "mb": "MB", "megabytes": "MB",
    "tb": "TB", "terabytes": "TB", "ghz": "GHz", "mhz": "MHz", "inches": "inches",
    "inch": "inches", "″": "inches", "yards": "yards", "yard": "yards", "yd": "yards", "lb": "lb",
    "lbs": "lb",
    # "is 120 dB": decibels, as the copy counts them in words ("100 decibels")
    "db": "decibels",
}  # fmt: skip


# The units above as a figure keeps them: measures, never counts ("15 yards" is a length).
PHYSICAL_UNITS = frozenset(PHYSICAL_UNIT_WORDS.values())


# A unit of two words may be hyphenated after the number: "a 170,000-square-foot building".
_UNIT_WORDS_SPACED = alternation(PHYSICAL_UNIT_WORDS).replace(" ", r"[\s-]")


PHYSICAL = re.compile(rf"[\s-]?(?P<u>{_UNIT_WORDS_SPACED})(?![\w/])", re.IGNORECASE)


# "in" for inches, where a size says so: "only 0.68 in (1.73 cm) thick", "0.68 in or 17 mm"
INCHES_ABBREVIATED = re.compile(
    r"\s+in\b(?=\s*(?:\(|or\s)\s*[\d.]+\s*(?:cm|mm)\b|\s+(?:thick|tall|long|wide|high|deep)\b)"
)


# A temperature printed with its scale: "49.9C", "45°C", "110 °F" (a bare letter only
# when it touches the number).
TEMPERATURE = re.compile(r"(?:\s?[°º]\s?[CF]|[CF])(?![\w'’-])")


_PEOPLE_NOUNS = (
    "people", "persons", "individuals", "protesters", "protestors", "demonstrators",
    "police officers", "policemen", "police", "officers", "observers", "monitors",
    "candidates", "voters", "activists", "journalists", "reporters", "supporters",
    "residents", "citizens", "civilians", "students", "workers", "soldiers", "troops",
    "members", "others", "detainees", "participants", "children", "women", "men",
    "opponents", "lawmakers", "deputies", "prisoners", "delegates", "officials",
    "migrants", "refugees", "employees", "victims", "volunteers", "inmates",
)  # fmt: skip


_STOP = (
    "were", "was", "had", "have", "has", "are", "is", "be", "been", "being", "of", "the",
    "and", "or", "in", "on", "at", "to", "for", "from", "with", "by", "who", "which",
    "that", "than", "more", "less", "as", "but", "not", "also", "said",
)  # fmt: skip


COUNTED = re.compile(
    r"(?:\s+of(?:\s+(?:the|its|their|his|her|[A-Z][\w-]*['’]s))?)?"
    rf"(?P<adj>(?:\s+(?!(?:{'|'.join(_STOP)})\b)[a-z][a-z-]*){{0,2}}?)"
    rf"\s+(?P<noun>{alternation(_PEOPLE_NOUNS)})\b"
)


# Up to four words between a number and the plural it counts, a dotted acronym among them:
# "Four U.S. intelligence agencies", "two U.N. aircraft". The plural may be capitalised, a
# people, a name or an acronym in the plural: "three Americans", "the two Koreas", "two
# Webcasts", "four TDs", "eight long-haul A330s" (never a weekday: "two Sundays ago").
PLURAL_NOUN = re.compile(
    rf"(?:\s+(?!(?:{'|'.join(_STOP)})\b)(?:(?:[A-Z]\.){{2,}}|[A-Za-z][\w-]*|\d+(?=\s+[a-z])))"
    r"{0,4}?"
    rf"\s+(?!(?:{'|'.join(_STOP)})\b)"
    r"(?:[a-z]{3,}s|aircraft|children|men|women|staff|personnel|crew|cattle|species"
    r"|(?!(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)days\b)[A-Z][a-z]{2,}s|[A-Z]{2,}s|[A-Z]\d{2,}s)\b"
    # "three of his colleagues": a count of a group named after "of"
    r"|\s+of\s+(?:the|his|her|their|its|our|my|your|these|those)\s+(?:[a-z][\w-]*\s+){0,2}?"
    r"[a-z]{3,}s\b"
    # "two of them managed to flee", "seven bridges, two of which collapsed": a count of a
    # group named before
    r"|\s+of\s+(?:them|which|whom|us|you)\b"
)


# "eight out of 10 voters": a share, in percent
# "eight out of 10", "1 in 5": a share of a whole ("in" only before a small whole that is
# not a length of time: "1 in 5 species", never "3 in 10 minutes")
OUT_OF = re.compile(
    r"\s+(?:out\s+of\s+(?P<d>\d+(?:,\d{3})*|ten|twenty|a\s+hundred|hundred)\b"
    r"|in\s+(?P<i>[2-9]|[1-9]\d|100|two|three|four|five|six|seven|eight|nine|ten|twenty)\b"
    r"(?![\d,.%]|\s+(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?|percent)\b))",
    re.I,
)


PERCENT_AFTER = re.compile(r"\s*(?:%|per\s?cent\b|percent\b)", re.IGNORECASE)
