"""Numeric expressions in news copy, with their exact spans.

Finds digits ("70.76", "1,288"), number words ("three police", "a dozen"), scale words
("12 million", "US$500 million", "1.5bn"), vague amounts ("hundreds"), approximations
written before the number ("more than", "nearly"), ranges, percentages, ages and
durations. Dates, times, years, addresses, phone numbers, hashtags and numbers that
are part of a name ("Form 10") are never returned.

Decisions (see also docs/extraction.md):
- Vague amounts are VAGUE with ``value`` the lower and ``upper_bound`` the upper end:
  hundreds 100..999, thousands 1,000..9,999, tens of thousands 10,000..99,999, hundreds of
  thousands 100,000..999,999, millions 1e6..(1e7 - 1) (tens and hundreds of millions and
  billions alike), dozens 24..99 (at least two dozen, fewer than a hundred), scores
  40..99 (at least two score; only in "scores of"). "millions of dollars" is a sum of
  money in dollars.
- "several", "many", "a number of" carry no number and are skipped.
- The word "one" is never a figure ("one of its reporters", "one demonstrator"), except
  before a scale word ("one million").
- Number words need a counted noun or unit after them ("seven candidates"); a bare
  "two" ("including two from AFP") is not reported as a figure. Digits need no noun.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, replace

from service.ingest.model import Approximation, Span

# Case-insensitive patterns match "ı" for "i", "ſ" for "s" and "İ" for "I", which lower()
# keeps (İ becomes "i" plus a combining dot): read them as the letters they matched.
_FOLD = str.maketrans({"ı": "i", "ſ": "s", "\u0307": None})


def fold(text: str) -> str:
    """``text`` lowercased as a case-insensitive pattern reads it, to look matches up."""
    return text.lower().translate(_FOLD)


_MONTHS = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|"
    r"December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
)
_DAY = r"\d{1,2}(?:st|nd|rd|th)?"
# Text that holds digits but never a figure: dates, times, addresses, phones, tags, urls.
# This scan visits every character of every body, so alternatives that begin at a word
# boundary share one ``\b`` (tested once per position, not once per alternative), and the
# dates, times and addresses (all begin with a capital or a digit) and the phone number are
# tried only where they can start. The order of alternatives is unchanged.
_NOT_FIGURES = re.compile(
    "|".join(
        (
            r"\b(?=[A-Z\d])(?:"
            + "|".join(
                (
                    rf"{_MONTHS}\s+{_DAY}(?:\s*[-–]\s*{_DAY})?(?:,?\s+\d{{4}})?\b",
                    rf"{_DAY}(?:\s*[-–]\s*{_DAY})?\s+(?:of\s+)?{_MONTHS}(?:,?\s+\d{{4}})?",
                    rf"{_MONTHS}\s+\d{{4}}\b",
                    # "3:30", and "3: 30 p. m." as copy rebuilt from tokens prints it
                    r"\d{1,2}\s?:\s?\d{2}(?!\d)(?::\d{2})?(?:\s*[ap]\.?\s?m\.?)?",
                    r"\d{1,2}(?:\.\d{2})?\s*[ap]\.\s?m\.",
                    # "2.40 PM", "11 AM", "9.25 am": a clock time with the day's half
                    r"\d{1,2}(?:\.\d{2})?\s*(?:[AP]\.M\.|[AP]M\b|[ap]m\b)",
                    # "7/8/07", "03/01/2008": a date in figures
                    r"\d{1,2}/\d{1,2}/(?:\d{4}|\d{2})\b",
                    r"(?:GMT|UTC)\s*[+-]\s*\d{1,2}\b",
                    # "0227 GMT", "18.05 BST", "1030 local time": clock times with a
                    # time zone, written without a colon
                    r"(?:\d{4}|\d{1,2}\.\d{2})\s*"
                    r"(?:GMT|UTC|BST|CET|CEST|EST|EDT|PST|PDT|hrs|local\s+time)\b",
                    r"\d+[A-Za-z]?\s+(?:[A-Z][A-Za-z]+\.?\s+){1,3}(?:Ave|Avenue|St|Street|Rd|Road|"
                    r"Blvd|Boulevard|Lane|Ln|Drive|Dr|Way|Place|Pl|Square|Sq|Court|Ct)\b\.?"
                    r"(?:\s+(?:NW|NE|SW|SE|N|S|E|W)\b)?",
                    r"(?:Ste|Suite|Apt|Unit|Room|Rm|Floor|Fl|P\.?\s?O\.?\s+Box)\.?\s*#?\d+",
                    r"[A-Z]{2}\s+\d{5}(?:-\d{4})?\b",
                    r"9[-/]11\b",  # the attacks of September 11, 2001
                    r"0\d{3,4}\s\d{6}\b",  # a phone number: "Crimestoppers on 0800 555111"
                    # the emergency number: "dialed 911", "a 911 call"
                    r"(?:(?<=call\s)|(?<=calls\s)|(?<=called\s)|(?<=calling\s)|(?<=dial\s)"
                    r"|(?<=dialed\s)|(?<=dialled\s)|(?<=dialing\s))911\b"
                    r"|911(?=\s+(?:calls?|dispatchers?|operators?)\b)",
                    # "in the 12200 block of 223rd Street": where, in a US street
                    r"\d{3,6}\s+block\s+of\b",
                    # "the 2007-08 season", "fiscal 2008/09": a span of years
                    r"(?:19|20)\d{2}(?:[-–/]|\s-\s)\d{2}(?![\d,.%])",
                )
            )
            + ")",
            r"(?=[+(\d])(?:(?:\+\d{1,3}[\s.-]?)?(?:\(\d{2,4}\)|\b\d{2,4})[\s.-]\d{3,4}[\s.-]"
            # a list's numbering: "(1) U.S. and Chinese stock exchanges had powered"
            r"\d{3,4}\b|\(\d{1,2}\)(?=\s+[A-Za-z]))",
            r"[#@][\w-]+",
            # a statute's citation: "18 U.S.C. 1001", "42 U.S.C. § 1983"
            r"\b\d+\s+U\.?\s?S\.?\s?C\.?\s*(?:§+\s*)?\d+[\w.()-]*",
            r"\b(?:https?://\S+|www\.\S+|[\w-]+\.(?:com|org|net|kz|ru|uk|io)\b\S*"
            r"|\d{2,4}s\b)",  # decades: "the 1990s", and below "the '90s"
            r"['’]\d0s\b",
            # a year cut to two digits after a name: "iLife '11", "Office '97" (not a
            # quotation's first number: "reporters '20 people died'")
            r"(?<=[A-Za-z]\s)['’]\d{2}\b(?![\d%]|\s+(?:people|percent|per\s?cent)\b"
            r"|\s+(?!(?:was|has|is)\b)[a-z]+s\b)",
        )
    )
)

_UNIT_WORDS = {
    "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}  # fmt: skip
_TENS_WORDS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}  # fmt: skip
_DIGIT_WORDS = {"one": 1, **{k: v for k, v in _UNIT_WORDS.items() if v < 10}}
_SCALES = {"hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
_SHORT_SCALES = {"k": 1e3, "m": 1e6, "mn": 1e6, "bn": 1e9, "b": 1e9, "tn": 1e12}
_VAGUE = {
    "tens of thousands": (1e4, 99_999.0),
    "hundreds of thousands": (1e5, 999_999.0),
    "hundreds": (100.0, 999.0),
    "thousands": (1000.0, 9999.0),
    "millions": (1e6, 9_999_999.0),
    "tens of millions": (1e7, 99_999_999.0),
    "hundreds of millions": (1e8, 999_999_999.0),
    "billions": (1e9, 9_999_999_999.0),
    "tens of billions": (1e10, 99_999_999_999.0),
    "hundreds of billions": (1e11, 999_999_999_999.0),
    "dozens": (24.0, 99.0),
    "scores": (40.0, 99.0),
}
# "a few hundred", "several dozen", "a few hundred million": some of a scale, as vague as
# its plural ("several hundred" reads as "hundreds": 100..999)
_FEW = {"dozen": "dozens", "hundred": "hundreds", "thousand": "thousands"}
_FEW |= {"million": "millions", "billion": "billions", "hundred thousand": "hundreds of thousands"}
_FEW |= {"hundred million": "hundreds of millions", "hundred billion": "hundreds of billions"}
_VAGUE |= {f"{few} {scale}": _VAGUE[v] for few in ("a few", "several") for scale, v in _FEW.items()}


def _alternation(words: object) -> str:
    return "|".join(sorted(map(str, words), key=len, reverse=True))  # type: ignore[call-overload]


# "One person is killed", "one soldier was wounded", "one man died": a toll of one is a
# figure, though the word "one" otherwise is not ("one demonstrator who had cut his wrist").
ONE_PERSON_NOUNS = (
    r"(?:person|man|woman|child|boy|girl|soldier|officer|policeman|civilian|worker|pilgrim"
    r"|passenger|student|journalist|player|tourist|climber|miner|firefighter|victim)"
)
_ONE_HARMED = (
    rf"{ONE_PERSON_NOUNS}\s+(?:(?:is|was|has\s+been|had\s+been|were)\s+"
    r"(?:confirmed\s+|reported\s+|also\s+)?"
    r"(?:killed|dead|injured|wounded|hurt|missing|arrested|detained)|died|dies|drowned)\b"
)
_ONE_PERSON = re.compile(
    r"\s+[a-z]+(?=\s+(?:(?:is|was|has|had|were)\s|(?:died|dies|drowned)\b))", re.IGNORECASE
)
WORD_NUMBER = (
    rf"(?:(?:{_alternation(_TENS_WORDS)})(?:-(?:{_alternation(_DIGIT_WORDS)}))?"
    rf"|half\s+a\s+dozen|a\s+dozen|(?:half\s+a|a|one)(?=\s+(?:{_alternation(_SCALES)})\b)"
    rf"|one(?=\s+{_ONE_HARMED})"
    # "one or two jurors", "one to three years": the low end of a range
    rf"|one(?=\s+(?:or|to)\s+(?:{_alternation(k for k, v in _UNIT_WORDS.items() if v < 13)})\b)"
    rf"|(?:{_alternation(_UNIT_WORDS)}))(?:\s+dozen)?"
)
# Every vague amount and number word starts with one of these letters. Checking it first
# spares the engine trying each case-insensitive word at every word start in the body.
# Digits never start where a word does, so listing them last changes no match.
_NUMBER_WORD_INITIALS = "".join(
    sorted({w[0] for w in (*_VAGUE, *_TENS_WORDS, *_UNIT_WORDS, "half", "a", "one")})
)
# ISO 4217 codes, before the number with a space or touching it ("SGD1.75-billion").
_CODES = (
    "USD", "EUR", "GBP", "CHF", "JPY", "CNY", "INR", "RUB", "AUD", "CAD", "KZT", "HKD", "SEK",
    "DKK", "NOK", "ZAR", "TRY", "BRL", "MXN", "KRW", "SGD", "NZD", "PLN", "ILS", "AED", "SAR",
    "NGN", "EGP", "UAH", "THB", "IDR",
)  # fmt: skip
# A decimal comma, as much of Europe prints a share: "70,76%", "8,26 percent" (before a
# percent sign only: elsewhere "12,5" may be a list).
_COMMA_DECIMAL = r"\d{1,3},\d{1,2}(?=\s?%|\s+per\s?cent\b|\s+percent\b)"
_DECIMAL_COMMA = re.compile(r"\d{1,3},\d{1,2}")
# Thousands as copy rebuilt from tokens prints them: "fell about 2, 000 feet", "$1, 199"
# (one group only, never one of a list: "68, 149, 95", "100, 200 and 300").
_SPACED_THOUSANDS = r"\d{1,3}, \d{3}(?![\d,.]|\s+(?:and|or|to|-|–)\s+\d)"
_CORE = re.compile(
    rf"\b(?=[{_NUMBER_WORD_INITIALS}])(?:"
    rf"(?P<vague>(?:(?:a\s+few|several)\s+(?:hundred\s+(?:thousand|million|billion)|dozen"
    rf"|hundred|thousand|million|billion)"
    rf"|(?:tens|hundreds) of (?:thousands|millions|billions)|hundreds|thousands"
    rf"|millions|billions"
    rf"|dozens|scores(?=\s+of\b))\b)"
    rf"|(?P<words>{WORD_NUMBER}\b))"
    rf"|(?P<digits>(?=\d)(?:(?<![\w.,:/#@-])|(?<=(?<![A-Za-z])(?-i:{'|'.join(_CODES)}))"
    r"|(?-i:(?<=\$US)|(?<=\$AU)|(?<=\$NZ)|(?<=\$A)))"
    rf"(?:{_COMMA_DECIMAL}|{_SPACED_THOUSANDS}|(?:\d{{1,3}}(?:,\d{{3}})+|\d+)(?:\.\d+)?))",
    re.IGNORECASE,
)
# The part of a whole number after it: "2-1/2", "2 1/2", "7 ½"
_FRACTION_GLYPHS = {"½": 0.5, "¼": 0.25, "¾": 0.75, "⅓": 1 / 3, "⅔": 2 / 3}
_MIXED_FRACTION = re.compile(
    r"(?:[\s-](?P<n>[1-9])/(?P<d>[2-9]|1[0-6])|\s?(?P<glyph>[½¼¾⅓⅔]))(?![\d/])"
)
# "12 million", "$161-million", "1.5bn", "US$7.2 bn" (a letter alone only touching: "7 m"
# is a length)
_SCALE_AFTER = re.compile(
    rf"(?:(?:\s+|-)(?P<word>{_alternation(_SCALES)})\b|\s?(?P<short>bn|mn|tn|(?<=\d)[kmb])\b)",
    re.IGNORECASE,
)
# Currencies are ISO 4217 codes. Symbols and codes before the number; words after it, in
# the singular too ("a 1.5bn euro charge"). Cents and pence are hundredths of the dollar
# and the pound ("33 cents a share" = 0.33 USD). "#" and a space is the pound sign as copy
# passed through ASCII prints it ("sold for # 0.79 per song"; "#2" is a rank).
# The dollar's country after its sign, as Australian and New Zealand copy prints it:
# "$US1 million", "$A195,900", "$NZ40 million".
_SYMBOLS = r"(?:US\$|AU\$|A\$|CA\$|C\$|HK\$|NZ\$|S\$|\$US|\$AU|\$A|\$NZ|\$|€|£|¥|₹)"
_MONEY_BEFORE = re.compile(rf"(?P<sym>(?:{_SYMBOLS}|{'|'.join(_CODES)})\s?|#\s)$")
_MONEY_UNITS = {
    "US$": "USD", "$": "USD", "A$": "AUD", "AU$": "AUD", "C$": "CAD", "CA$": "CAD",
    "HK$": "HKD", "NZ$": "NZD", "S$": "SGD", "$US": "USD", "$AU": "AUD", "$A": "AUD",
    "$NZ": "NZD",
    "€": "EUR", "£": "GBP", "#": "GBP", "¥": "JPY", "₹": "INR", **{code: code for code in _CODES},
}  # fmt: skip
_MONEY_WORDS = {
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
    **{code.lower(): code for code in _CODES},
}  # fmt: skip
_HUNDREDTHS = frozenset({"cents", "cent", "pence", "p"})
_MONEY_AFTER = re.compile(
    rf"(?:\s+(?P<cur>{_alternation(k for k in _MONEY_WORDS if k != 'p')})|(?P<pence>p))\b",
    re.IGNORECASE,
)
_WEIGHED = re.compile(
    r"\bweigh(?:s|ed|ing)?\s+(?:(?:about|around|nearly|almost|over|under|some|roughly|more"
    r"\s+than|less\s+than|up\s+to|approximately|just\s+over|just\s+under|close\s+to)\s+)?$",
    re.IGNORECASE,
)
_OWNER = re.compile(r"['’]s\b")
_OF_MONEY = re.compile(r"\s+of(?=\s)", re.IGNORECASE)
_RANGE_AFTER = re.compile(
    r"\s*(?:[-–—]|\s+to\s+)\s*(?P<n>(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)(?![\d,])"
)
_WORD_RANGE = re.compile(
    rf"\s+(?:or|to)\s+(?P<n>{WORD_NUMBER}|\d+(?:,\d{{3}})*)\b(?![.,]\d)", re.IGNORECASE
)
# A change from one amount to another ("rose from 9 to 10") is two figures, not a range.
_CHANGE_FROM = re.compile(
    r"\b(?:ris(?:e|es|en|ing)|rose|increas\w*|f[ae]ll(?:s|en|ing)?|dropp?\w*|gr[eo]w\w*|"
    r"climb\w*|jump\w*|declin\w*|cut|rais\w*|lower\w*|reduc\w*|went|gone|up|down|"
    r"slipp?\w*|surg\w*|soar\w*|plung\w*|slump\w*|boost\w*|shr[aiu]nk\w*|chang\w*)"
    r"(?:\s+[\w'’-]+){0,3}\s+from\s+(?:[$€£¥]|US\$)?$",
    re.IGNORECASE,
)
_BETWEEN_AND = re.compile(r"\s+and\s+(?P<n>(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)\b")
# A range of money with its currency printed at both ends: "$12 billion to $13 billion",
# "between $140 million and $150 million", "$24 to $26 per share", "$140- $150 million".
_MONEY_RANGE_AFTER = re.compile(
    rf"\s*(?:[-–—]|\s+to\s+)\s*{_SYMBOLS}\s?(?P<n>(?:\d{{1,3}}(?:,\d{{3}})+|\d+)(?:\.\d+)?)(?![\d,])"
)
_MONEY_BETWEEN_AND = re.compile(
    rf"\s+and\s+{_SYMBOLS}\s?(?P<n>(?:\d{{1,3}}(?:,\d{{3}})+|\d+)(?:\.\d+)?)\b"
)
# Where "$200 to $399" is a move and where it ended, not a range: "cut by $200 to $399",
# "was down $2.86 to $77.11", "swap lines with the ECB from $55 billion to $110 billion"
# (but "prices ranging from $500 to $550" are a range).
_MOVED_BY = re.compile(
    r"(?<!\brange\s)(?<!\branges\s)(?<!\branging\s)"
    r"\b(?:by|down|up|from)\s+$",
    re.IGNORECASE,
)
_PERCENT = re.compile(r"(?:\s*%|\s+(?:percent|per\s+cent|pc)\b|\s+percentage\s+points?\b)", re.I)
# "66-year-old", "66 years old", "a nine-month-old child": an age, in its unit
# (hyphens with spaces round them as copy rebuilt from tokens prints them: "18 - year - old")
_AGE = re.compile(r"(?:\s?-\s?|\s+)(?P<u>year|month|week|day)s?(?:\s?-\s?|\s+)old\b", re.IGNORECASE)
_DURATION = re.compile(
    r"(?:\s-\s|[\s-])(?:(?:working|business|calendar|school|trading)\s+)?"
    r"(?P<u>hours?|days?|weeks?|months?|years?|decades?|minutes?)\b",
    re.IGNORECASE,
)
# A duration that places something in time rather than measuring it: "two years ago",
# "a 4 year low", "a 52-week high" (an age of something, like a document's).
_WHEN_AFTER = re.compile(r"(?:\s+ago|[\s-](?:highs?|lows?))\b", re.IGNORECASE)
# A duration that frames in time what the sentence reports, not a length it reports: "the
# index fell 2,000 points in the past nine days", "saves in the last ten minutes of play",
# "a decision within the next 30 days", "17 points in the first eight minutes" (a time
# window is never a figure). "Over the past 30 days it has been third" says how long a
# state lasted, and stays a duration.
_WINDOW_BEFORE = re.compile(
    r"\b(?:in|during|within)\s+(?:(?:just|only)\s+)?(?:(?:over|under)\s+)?(?:the\s+)?"
    r"(?:past|last|next|first|final|previous|coming|opening|closing)\s+$",
    re.IGNORECASE,
)
# The window a record or a first is counted over, like "a 5-year low": "its lowest level in
# five years", "the first time in more than two years", "the second time in two days",
# "the first annual gain for four years", "has not been hit by a quake in 25 years" (not
# "the first woman to serve for 12 years": a verb's duration).
_RECORD_WINDOW = re.compile(
    r"\b(?:(?:lowest|highest|biggest|largest|smallest|sharpest|steepest|strongest|weakest|"
    r"longest|deepest|heaviest|fastest|slowest|greatest|worst|best|first|second|third|fourth|"
    r"fifth)(?:\s+(?!to\b)[\w'’-]+){0,6}?\s+(?:in|for)|(?:not|never|n['’]t)(?:\s+[\w'’-]+){0,6}?\s+in)"
    r"\s+$",
    re.IGNORECASE,
)
DURATION_UNITS = {"hour": "hours", "day": "days", "week": "weeks", "month": "months"}
DURATION_UNITS |= {"year": "years", "decade": "years", "minute": "minutes"}
_MORE_AFTER = re.compile(r"\s+more\b", re.IGNORECASE)
# "107 or more", "a dozen or so", "ten or fewer": an approximation printed after.
_OR_MORE = re.compile(r"\s+or\s+(?P<w>more|so|fewer|less)\b", re.IGNORECASE)
_APPROX_AFTER = {
    "more": Approximation.AT_LEAST,
    "so": Approximation.ABOUT,
    "fewer": Approximation.UP_TO,
    "less": Approximation.UP_TO,
}
# How often, or how many fold: "was arrested seven times" (never "2 Times Square")
_TIMES = re.compile(r"\s+times\b")
# The counts of an indictment: "two counts of murder", "three counts each of fraud"
_CHARGE_COUNTS = re.compile(r"\s+counts(?=\s+(?:each\s+)?of\b)", re.IGNORECASE)
_PER_SHARE = re.compile(r"\s+(?:per|a)\s+share\b", re.IGNORECASE)
# Physical units after a number, as the unit a figure keeps (docs/extraction.md).
_PHYSICAL_UNITS = {
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
}  # fmt: skip
# The units above as a figure keeps them: measures, never counts ("15 yards" is a length).
PHYSICAL_UNITS = frozenset(_PHYSICAL_UNITS.values())
# A unit of two words may be hyphenated after the number: "a 170,000-square-foot building".
_UNIT_WORDS_SPACED = _alternation(_PHYSICAL_UNITS).replace(" ", r"[\s-]")
_PHYSICAL = re.compile(rf"[\s-]?(?P<u>{_UNIT_WORDS_SPACED})(?![\w/])", re.IGNORECASE)
# "in" for inches, where a size says so: "only 0.68 in (1.73 cm) thick", "0.68 in or 17 mm"
_INCHES_ABBREVIATED = re.compile(
    r"\s+in\b(?=\s*(?:\(|or\s)\s*[\d.]+\s*(?:cm|mm)\b|\s+(?:thick|tall|long|wide|high|deep)\b)"
)
# A temperature printed with its scale: "49.9C", "45°C", "110 °F" (a bare letter only
# when it touches the number).
_TEMPERATURE = re.compile(r"(?:\s?[°º]\s?[CF]|[CF])(?![\w'’-])")
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
_COUNTED = re.compile(
    r"(?:\s+of(?:\s+(?:the|its|their|his|her|[A-Z][\w-]*['’]s))?)?"
    rf"(?P<adj>(?:\s+(?!(?:{'|'.join(_STOP)})\b)[a-z][a-z-]*){{0,2}}?)"
    rf"\s+(?P<noun>{_alternation(_PEOPLE_NOUNS)})\b"
)
_PLURAL_NOUN = re.compile(
    rf"(?:\s+(?!(?:{'|'.join(_STOP)})\b)(?:[A-Za-z][\w-]*|\d+(?=\s+[a-z]))){{0,4}}?"
    rf"\s+(?!(?:{'|'.join(_STOP)})\b)"
    r"(?:[a-z]{3,}s|aircraft|children|men|women|staff|personnel|crew|cattle|species)\b"
    # "three of his colleagues": a count of a group named after "of"
    r"|\s+of\s+(?:the|his|her|their|its|our|my|your|these|those)\s+(?:[a-z][\w-]*\s+){0,2}?"
    r"[a-z]{3,}s\b"
    # "two of them managed to flee", "seven bridges, two of which collapsed": a count of a
    # group named before
    r"|\s+of\s+(?:them|which|whom|us|you)\b"
)
APPROX_BEFORE = re.compile(
    r"\b(?P<a>more\s+than|just\s+over|well\s+over|over|at\s+least|no\s+fewer\s+than|nearly|"
    r"almost|just\s+under|about|around|some|roughly|approximately|an\s+estimated|"
    r"up\s+to|as\s+many\s+as|less\s+than|fewer\s+than|under|a\s+mere|only|between|"
    r"above|below|(?:larger|greater|higher)\s+than|(?:smaller|lower)\s+than|"
    r"close(?:r)?\s+to)\s+$",
    re.IGNORECASE,
)
# "below the 5000 mark", "above the ten thousand mark": a round level a market crossed
_MARK_AFTER = re.compile(r"\s+mark\b", re.IGNORECASE)
_BEYOND_THE = re.compile(r"\b(?P<a>below|above|under|over)\s+the\s+$", re.IGNORECASE)
# Verbs that put their object as a floor passed: "exceeded 10%", "topped $1 billion"
_EXCEEDED = re.compile(r"\b(?:exceed(?:ed|s|ing)?|surpass(?:ed|es|ing)?|topp(?:ed|ing))\s+$", re.I)
# Verbs whose particle is "over" ("handed over", "took over", "signed over").
_PHRASAL_OVER = re.compile(
    r"\b(?:hand|turn|sign|pass|carry|hold|take|took|taken|give|gave|given)(?:s|ed|ing|n)?"
    r"\s+over\s+$",
    re.IGNORECASE,
)
_APPROX = {
    "more than": Approximation.MORE_THAN, "just over": Approximation.MORE_THAN,
    "well over": Approximation.MORE_THAN, "over": Approximation.MORE_THAN,
    "at least": Approximation.AT_LEAST, "no fewer than": Approximation.AT_LEAST,
    "nearly": Approximation.NEARLY, "almost": Approximation.NEARLY,
    "just under": Approximation.NEARLY, "about": Approximation.ABOUT,
    "around": Approximation.ABOUT, "some": Approximation.ABOUT,
    "roughly": Approximation.ABOUT, "approximately": Approximation.ABOUT,
    "an estimated": Approximation.ABOUT, "up to": Approximation.UP_TO,
    "as many as": Approximation.UP_TO, "less than": Approximation.LESS_THAN,
    "fewer than": Approximation.LESS_THAN, "under": Approximation.LESS_THAN,
    "a mere": Approximation.EXACT, "only": Approximation.EXACT,
    "above": Approximation.MORE_THAN, "larger than": Approximation.MORE_THAN,
    "greater than": Approximation.MORE_THAN, "higher than": Approximation.MORE_THAN,
    "below": Approximation.LESS_THAN, "smaller than": Approximation.LESS_THAN,
    "lower than": Approximation.LESS_THAN, "close to": Approximation.ABOUT,
    "closer to": Approximation.ABOUT,
}  # fmt: skip


def approximation_of(words: str) -> Approximation:
    """The approximation words before a number say ("more than", "about")."""
    return _APPROX.get(" ".join(fold(words).split()), Approximation.EXACT)


# A number right after one of these capitalised words is still a count ("About 200").
_FUNCTION_WORDS = frozenset(
    (
        "the", "a", "an", "about", "some", "nearly", "almost", "over", "around", "roughly",
        "approximately",
        "more", "fewer", "less", "at", "least", "up", "to", "only", "just", "all", "another",
        "those", "these", "its", "their", "his", "her", "by", "in", "on", "for", "with",
        "of", "and", "but", "while", "after", "before", "since", "when", "if", "as", "than",
        "estimated", "mere", "between",
    )
)  # fmt: skip
# It scans the whole body. An apposition starts at a space or its comma, which is cheaper
# to test than the look-behind.
# The age may close its sentence or clause ("killing Ann Roe, 40." / "Ann Roe, 48 - his
# ex-wife") or be shared ("Tom Lee and Ann Roe, both 51, died").
_AGE_APPOSITION = re.compile(
    r"(?=[\s,])(?<=[^\W\d_]|[’'.])\s*,\s+(?:both\s+|now\s+)?(?P<n>\d{1,3})"
    r"(?:\s*,(?!\d)|(?=[.;](?:\s|$))|\s+[-–—]\s+(?!\d))"
)
# An age that opens a sentence about a person: "At 55, he is the same age as ..."
_AT_AGE = re.compile(r"(?:^|(?<=[.!?]\s))At\s+(?P<n>\d{1,2}),\s+(?:he|she)\b", re.MULTILINE)
# Ages listed after the people they are: "his two half-brothers, 17 and 22, were also
# arrested", "forcing sex on the two girls, 12 and 15," (found at the comma, which is
# cheaper to scan for than the nouns)
_AGES_LISTED = re.compile(r",\s+(?P<a>\d{1,2})\s+and\s+(?P<b>\d{1,2})(?=\s*[,.;)])")
_AGED_PEOPLE = frozenset(
    {"girls", "boys", "sons", "daughters", "brothers", "half-brothers", "sisters",
     "half-sisters", "children", "kids", "men", "women", "teens", "teenagers", "siblings"}
)  # fmt: skip
_WORD_END = re.compile(r"([\w’'.-]+)$")


@dataclass(frozen=True, slots=True)
class NumberMatch:
    """One numeric expression: ``span`` covers approximation words to unit or noun."""

    span: Span
    number_span: Span
    value: float
    upper_bound: float | None
    approximation: Approximation
    unit: str  # percent, years, hours, days, usd, people, count, ...
    noun: str | None = None  # the counted noun as printed, lowercased: "registered voters"
    is_age: bool = False
    is_more: bool = False  # "200 more people", "hundreds more"


_SPACED_GROUPS = re.compile(r"\d{1,3} \d{3}")
# "two and a half years", "four and a half months": a whole number in words and a half
# The tens and units after "hundred": "one hundred and fifty", "two hundred twenty-five"
_HUNDRED_AND = re.compile(
    rf"(?:\s+and)?\s+(?P<n>(?:{_alternation(_TENS_WORDS)})(?:-(?:{_alternation(_DIGIT_WORDS)}))?"
    rf"|{_alternation(_DIGIT_WORDS | _UNIT_WORDS)})\b(?!-)",
    re.IGNORECASE,
)
_AND_A_HALF = re.compile(r"\s+and\s+a\s+half\b(?!\s+of\b)", re.IGNORECASE)


def parse_number_text(text: str) -> float | None:
    """The value of digits ("1,288", "70.76") or number words ("twenty-five", "a dozen")."""
    t = " ".join(fold(text).replace(",", "").split())
    if _SPACED_GROUPS.fullmatch(t):
        t = t.replace(" ", "")  # "2, 000": thousands as copy rebuilt from tokens prints them
    try:
        return float(t)
    except ValueError:
        pass
    dozen = t.endswith(" dozen") and t not in ("a dozen", "half a dozen")
    t = t.removesuffix(" dozen") if dozen else t
    if t in ("a dozen", "half a dozen"):
        return 12.0 if t == "a dozen" else 6.0
    if t in ("a", "one"):
        value = 1.0
    elif t == "half a":  # "half a trillion dollars"
        value = 0.5
    elif "-" in t:
        tens, _, unit = t.partition("-")
        value = float(_TENS_WORDS[tens] + _DIGIT_WORDS[unit])
    elif t in _TENS_WORDS:
        value = float(_TENS_WORDS[t])
    elif t in _UNIT_WORDS:
        value = float(_UNIT_WORDS[t])
    else:
        return None
    return value * 12 if dozen else value


def _sentence_initial(body: str, pos: int) -> bool:
    before = body[:pos].rstrip()
    return not before or before[-1] in ".!?:;\"“‘'\n(—–-"


# "eight out of 10 voters": a share, in percent
# "eight out of 10", "1 in 5": a share of a whole ("in" only before a small whole that is
# not a length of time: "1 in 5 species", never "3 in 10 minutes")
_OUT_OF = re.compile(
    r"\s+(?:out\s+of\s+(?P<d>\d+(?:,\d{3})*|ten|twenty|a\s+hundred|hundred)\b"
    r"|in\s+(?P<i>[2-9]|[1-9]\d|100|two|three|four|five|six|seven|eight|nine|ten|twenty)\b"
    r"(?![\d,.%]|\s+(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?|percent)\b))",
    re.I,
)
_PERCENT_AFTER = re.compile(r"\s*(?:%|per\s?cent\b|percent\b)", re.IGNORECASE)
_CAPITALISED_WORD_END = re.compile(r"([A-Z][\w’'-]*)\s+$")
# "pages 774 and 775", "paragraphs 3 to 5", "Internet Explorer 8 and 9", "IE6, 7, 8, and
# 9": a later one of numbered places or versions
_JOINED_NUMBER = re.compile(r"\b[A-Za-z]*\d+(?:\s+(?:and|to|or|-|–)|,(?:\s+(?:and|or))?)\s+$")
# Words that number a thing rather than count it: "version 10.4", "No. 2", "#3"
_NUMBERED = re.compile(
    r"(?:\b(?:version|v\.|[Nn]o\.|number|paragraph|para\.|section|subsection|clause|"
    r"article|exhibit|pages?|p\.|pp\.)\s*|#|§\s*)$"
)


# Digits after a leading zero label a thing, count nothing ("serial number 001", "0800").
_LEADING_ZERO = re.compile(r"0\d")


# Digits with what they count after them: "350 employees", "344.65-point", "12-year-old".
_OWNED_COUNT = re.compile(
    r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?:-|\s+(?!ind(?:ex|ices|exes)\b)[a-z])"
)


def _is_name_number(body: str, start: int, depth: int = 0) -> bool:
    """Digits that belong to a name: "Form 10", "COVID-19", "F-16", "version 10.4",
    "No. 2"."""
    if start >= 2 and body[start - 1] == "-" and body[start - 2].isalpha():
        return True
    if _NUMBERED.search(body, max(0, start - 12), start):
        return True
    if (joined := _JOINED_NUMBER.search(body, max(0, start - 40), start)) is not None:
        first = joined.start()
        if body[first].isalpha():
            return True  # "IE6, 7": after a name glued to its number
        return _NUMBERED.search(body, max(0, first - 12), first) is not None or (
            depth < 8 and _is_name_number(body, first, depth + 1)
        )
    m = _CAPITALISED_WORD_END.search(body[max(0, start - 40) : start])
    if m is None or fold(m.group(1)) in _FUNCTION_WORDS:
        return False
    # An owner's count of something is no name ("the Dow's 344.65-point fall", "EYP MCF's
    # 350 employees"); an owner's bare number is ("Boeing's 787,", "Standard & Poor's 500").
    owned = m.group(1).endswith(("'s", "’s", "s'", "s’"))
    return not (owned and _OWNED_COUNT.match(body, start))


# A model's number: "Boeing 787", "Airbus 380", "787s", "the new 787 Dreamliner at",
# "777-200LR", "its 777 airliner"
# (three digits or more; a name after the number is one capitalised singular word that a
# clause or a preposition follows, so neither a title-case headline's "120 People Killed"
# nor "500 Apple engineers" is taken).
_MODEL_NUMBER = re.compile(
    r"\b(?P<word>[A-Z][\w-]*) (?P<a>\d{3,})\b(?![.,]\d)|\b(?P<b>\d{3,})s\b"
    r"|(?<![\d,.$€£¥])\b(?P<c>\d{3,}) (?P<name>[A-Z][a-z]+)(?<!s)"
    r"(?=[.,;:!?)]| (?:at|in|on|to|for|with|from|by|of|and|or|but|as|into|than|that|which|"
    r"will|would|can|could|may|might|is|was|are|were|has|had|have)\b)"
    r"|\b(?P<d>\d{3,})-\d{1,4}[A-Z]{1,3}\b"  # "the 777-200LR"
    r"|\b(?:the|its|their)\s+(?:new\s+)?(?P<e>\d{3,})\s+(?:jet|jetliner|airliner|plane|model)\b"
)


def _model_numbers(body: str) -> frozenset[str]:
    """Numbers the copy uses as a model's name somewhere: every bare count of those
    digits is that name ("the 787 offers 20 extra seats"), not a figure."""
    found: set[str] = set()
    for m in _MODEL_NUMBER.finditer(body):
        digits = m.group("a") or m.group("b") or m.group("c") or m.group("d") or m.group("e")
        if _looks_like_year(digits):
            continue
        if m.group("c") and fold(m.group("name")) in _counted_names():
            continue  # "300 Chinese workers", "120 People": who is counted, no model
        if m.group("a") and fold(m.group("word")) in _FUNCTION_WORDS | _NOT_MODEL_WORDS:
            continue
        found.add(digits)
    return frozenset(found)


@functools.cache
def _counted_names() -> frozenset[str]:
    """Capitalised words after a number that count people ("Chinese", "People") or name a
    time ("January"): the lexicon's people nouns and demonyms, and the calendar's words."""
    # lexicon.py and dates.py build on this module, so they are imported here, not above.
    from service.ingest.figures.dates import CALENDAR_WORDS
    from service.ingest.figures.lexicon import people_nouns

    scales = {"people", "percent", "million", "billion", "trillion", "thousand", "hundred"}
    return people_nouns() | CALENDAR_WORDS | scales


# Capitalised words before a number that make no name of it ("Some 300", "Over 500").
_NOT_MODEL_WORDS = frozenset({"some", "over", "nearly", "about", "around", "under", "almost"})


def _excluded(body: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in _NOT_FIGURES.finditer(body)]


def _overlaps(zones: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(s < end and start < e for s, e in zones)


def find_numbers(body: str, limit: int | None = None) -> tuple[NumberMatch, ...]:
    """Every numeric expression in ``body`` (the first ``limit``), in order of position."""
    # words.py builds on this module's patterns, so it is imported here, not above.
    from service.ingest.figures.ranks import find_ranks
    from service.ingest.figures.words import find_word_amounts

    zones = _excluded(body) + _record_zones(body)
    found = list(find_ages(body))
    found += [
        r
        for r in find_ranks(body)
        if not _overlaps(zones, *_bounds(r)) or "#" in body[r.span.start : r.span.end]
    ]
    for amount in find_word_amounts(body):
        if not _overlaps([(a.span.start, a.span.end) for a in found], *_bounds(amount)):
            found.append(amount)
    found += [
        score
        for score in find_scores(body, zones)
        if not _overlaps([(a.span.start, a.span.end) for a in found], *_bounds(score))
    ]
    taken = [(a.span.start, a.span.end) for a in found]
    blocked = zones + taken
    taken_until = 0
    names = _model_numbers(body)
    position = 0
    while (m := _CORE.search(body, position)) is not None:
        position = m.end()
        if m.start() < taken_until:
            continue
        if _overlaps(blocked, m.start(), m.end()):
            if ", " in m.group(0):
                position = m.start() + m.group(0).index(", ") + 2  # "May 5, 300 people"
            continue
        match = _expand(body, m, zones)
        if match is not None and match.unit == "count" and m.group(0) in names:
            continue  # "the 787", "14 787 Dreamliners": a model the copy names "Boeing 787"
        if match is not None and match.unit == "count" and _OWNER.match(body, match.span.end):
            continue  # "107's text", "the 787's wings": a numbered thing that owns
        if match is not None and not _overlaps(taken, match.span.start, match.span.end):
            found.append(match)
            taken_until = match.span.end
            if limit is not None and len(found) >= limit:
                break
    return _hedged_alike(body, sorted(found, key=lambda n: n.span.start))


# A number restated in other terms right after a hedged one: "about 500 miles (800 km)",
# "over $6.7 billion, or $11.05 per share", "about 5,000 jobs, or 9%".
_RESTATEMENT = re.compile(r"\s*\(\s*|(?:\s+[a-z][\w-]*){0,2}\s*,\s+or\s+")
_HEDGES = frozenset(Approximation) - {Approximation.EXACT, Approximation.VAGUE}


def _hedged_alike(body: str, found: list[NumberMatch]) -> tuple[NumberMatch, ...]:
    """Each restatement of a hedged amount in another unit, or per share, hedged as the
    amount is: "about 500 miles (800 km)" makes the 800 km about 800 too, and a loss of
    "over $6.7 billion, or $11.05 per share" is over $11.05 a share. Ranges keep their own
    ends, and an amount hedged in its own words keeps its own hedge."""
    out = list(found)
    for i in range(1, len(out)):
        first, then = out[i - 1], out[i]
        if (
            first.approximation in _HEDGES
            and then.approximation is Approximation.EXACT
            and first.upper_bound is None
            and then.upper_bound is None
            and not first.is_age
            and not then.is_age
            and _RESTATEMENT.fullmatch(body, first.span.end, then.span.start)
            and (
                then.unit != first.unit
                or _PER_SHARE.search(body, then.number_span.end, then.span.end) is not None
            )
        ):
            out[i] = replace(then, approximation=first.approximation)
    return tuple(out)


def _factor(scale: re.Match[str]) -> float:
    """What a scale printed after a number multiplies it by: "million", "bn", "k"."""
    word = scale.group("word")
    return _SCALES[fold(word)] if word else _SHORT_SCALES[fold(scale.group("short"))]


# A group the copy counted before, named by its number alone: "we could have used the other
# two", "all three are down", "The three who voted against", "while the other two seemed
# cut" (a count, as "two of them" is; never "the two from AFP" nor "the Big Three").
_GROUP_BEFORE = re.compile(r"\b(?:the\s+other|all|the|those|these)\s+$", re.IGNORECASE)
_GROUP_AFTER = re.compile(
    r"\s*[,.;:)](?!\d)|\s+(?P<who>who)\b"
    r"|\s+(?:were|are|was|is|had|have|will|would|could|did|also|then|[a-z]+ed)\b"
)


# A bare number word that a verb of harm takes, or that is harmed, counts people: "an
# attack which killed seven", "injuring three", "five people died and seven were injured"
# (not "lost eight", "beat two": games and rivals are no people).
_HARM = r"(?:killed|dead|injured|wounded|hurt|missing|arrested|detained|rescued|evacuated)"
_HARMED_BARE = re.compile(
    r"\b(?:kill(?:ed|ing|s)?|injur(?:ed|ing|es)?|wound(?:ed|ing|s)?|hurt(?:ing|s)?)\s+"
    r"(?:(?:at\s+least|another|a\s+further|over|some|about|nearly)\s+)?$",
    re.IGNORECASE,
)
# A body of people counted by a bare number word after it: "the project's panel of
# twelve", "a flight crew of six" (not "groups of three": groups of what is not said).
_BODY_OF = re.compile(
    r"\b(?:panel|jury|crew|committee|board|council|commission|delegation|bench)\s+of\s+$",
    re.IGNORECASE,
)
_WERE_HARMED = re.compile(
    rf"\s+(?:were|are|have\s+been|had\s+been)\s+(?:(?:also|seriously|critically|"
    rf"badly|slightly|reportedly)\s+)?{_HARM}\b",
    re.IGNORECASE,
)


# A range spelt out with "to" or "and" is an amount even where no noun follows it ("the
# 787-9 holds 250 to 290.", "quakes measuring between 1.0 and 1.9 on the Richter scale"),
# as a bare "9-10" is not (a date part, a score or a time); but "from 65 to 125" is a
# change and where it went, and "between 2014 and 2016" a span of years.
_SPELLED_RANGE = re.compile(r"\s+(?:to|and)\s", re.IGNORECASE)
_FROM_BEFORE = re.compile(r"\bfrom\s+$", re.IGNORECASE)


def _expand(body: str, m: re.Match[str], zones: list[tuple[int, int]]) -> NumberMatch | None:
    start, end = m.start(), m.end()
    upper: float | None = None
    approximation = Approximation.EXACT
    if m.group("vague"):
        value, upper = _VAGUE[" ".join(fold(m.group("vague")).split())]
        approximation = Approximation.VAGUE
        kind = "vague"
    else:
        kind = "digits" if m.group("digits") else "words"
        if (
            kind == "digits"
            and _LEADING_ZERO.match(m.group(0))
            and not _PERCENT_AFTER.match(body, end)
        ):
            return None  # "serial number 001", "Crimestoppers on 0800 555111": a label
        if kind == "words" and m.group(0)[0].isupper() and not _sentence_initial(body, start):
            return None  # "the Big Three", "Group of Seven": part of a name
        if (
            kind == "digits"
            and _is_name_number(body, start)
            and not _PERCENT_AFTER.match(body, end)
            and _MONEY_BEFORE.search(body[max(0, start - 4) : start]) is None
            and not (_SCALE_AFTER.match(body, end) or _MONEY_AFTER.match(body, end))
        ):
            return None  # "Form 10"; but "gave Toqaev 70.96 percent" is a share, and
            # "fined Google 500 million euros" an amount
        if kind == "digits" and body[end : end + 1].isalpha():
            short = _SCALE_AFTER.match(body, end)
            if (
                (short is None or not short.group("short"))
                and not _TEMPERATURE.match(body, end)
                and not _PHYSICAL.match(body, end)
            ):
                return None  # "16x9", "4G"; but "49.9C" is a temperature, "500km" a length
        if kind == "digits" and _DECIMAL_COMMA.fullmatch(m.group(0)):
            parsed: float | None = float(m.group(0).replace(",", "."))
        else:
            parsed = parse_number_text(m.group(0))
        if parsed is None:
            return None
        value = parsed
    if kind == "digits" and (part := _MIXED_FRACTION.match(body, end)) is not None:
        # "a 2-1/2 year sentence", "sentenced to 2 1/2 years", "the first 7 ½ minutes"
        if part.group("glyph"):
            value += _FRACTION_GLYPHS[part.group("glyph")]
        else:
            value += int(part.group("n")) / int(part.group("d"))
        end = part.end()
    elif kind == "words" and (half := _AND_A_HALF.match(body, end)) is not None:
        value += 0.5  # "almost two and a half years behind schedule"
        end = half.end()
    scale = _SCALE_AFTER.match(body, end) if kind != "vague" else None
    if scale is not None:
        factor = _factor(scale)
        value *= factor
        end = scale.end()
        tail = _HUNDRED_AND.match(body, end) if kind == "words" and factor == 100 else None
        if tail is not None and (rest := parse_number_text(tail.group("n"))) is not None:
            value, end = value + rest, tail.end()  # "one hundred and fifty people"
        while (more := _SCALE_AFTER.match(body, end)) is not None and more.group("word"):
            larger = _factor(more)
            if larger <= factor:
                break
            # "two hundred thousand people", "a hundred billion dollars": scales multiply
            value, factor, end = value * larger, factor * larger, more.end()
    else:
        factor = 1.0
    number_end = end
    unit = "count"
    money = _MONEY_BEFORE.search(body[max(0, start - 4) : start]) if kind == "digits" else None
    if money is not None:
        unit = _MONEY_UNITS[money.group("sym").strip()]
        start -= len(money.group("sym"))
    prefix = body[max(0, start - 30) : start]
    approx_m = APPROX_BEFORE.search(prefix)
    if approx_m is not None and _PHRASAL_OVER.search(prefix, 0, approx_m.end()):
        approx_m = None  # "handed over 435,059 cars": the verb's particle, not "more than"
    approx_word = " ".join(fold(approx_m.group("a")).split()) if approx_m else None
    approx_start = start - len(prefix) + approx_m.start() if approx_m else start
    mark = _MARK_AFTER.match(body, end) if approx_m is None else None
    beyond = _BEYOND_THE.search(prefix) if mark is not None else None
    if mark is not None and beyond is not None:
        # "below the 5000 mark": a level crossed, printed round the number
        approx_word = fold(beyond.group("a"))
        approx_start = start - len(prefix) + beyond.start()
    changed_to: re.Match[str] | None = None
    spelled = False  # a range spelt out in words: "250 to 290", "between 1.0 and 1.9"
    if kind == "digits":
        rng = (_BETWEEN_AND if approx_word == "between" else _RANGE_AFTER).match(body, end)
        if rng is None and money is not None:
            rng = _money_range(body, start, end, value / factor, approx_word == "between")
        if rng is not None and _CHANGE_FROM.search(body[max(0, start - 60) : start]):
            # "increased from 9 to 10": where a change started, and where it went; "rose
            # from 5 to 7 percent": of the unit printed after the second
            changed_to, rng = rng, None
        if rng is not None and not _overlaps(zones, rng.start("n"), rng.end("n")):
            spelled = _SPELLED_RANGE.match(body, end) is not None and not _FROM_BEFORE.search(
                body, max(0, approx_start - 6), approx_start
            )
            upper = parse_number_text(rng.group("n"))
            upper = upper * factor if upper is not None else None
            end = number_end = rng.end()
            again = _SCALE_AFTER.match(body, end) if scale is not None else None
            if again is not None and _factor(again) == factor:
                end = number_end = again.end()  # "$12 million to $20 million": each its own
            shared = _SCALE_AFTER.match(body, end) if scale is None else None
            if shared is not None and upper is not None:
                # "between 8 and 15 billion barrels": the scale is both ends'
                factor = _factor(shared)
                value, upper = value * factor, upper * factor
                end = number_end = shared.end()
    elif kind == "words" and (rng := _WORD_RANGE.match(body, end)) is not None:
        # "two or three goals", "from ten to 32 pages": a range, low to high
        high = parse_number_text(rng.group("n"))
        if high is not None and high * factor > value:
            upper, end = high * factor, rng.end()
            number_end = end
            shared = _SCALE_AFTER.match(body, end) if scale is None else None
            if shared is not None and shared.group("word"):
                # "two or three hundred people": the scale is both ends'
                factor = _factor(shared)
                value, upper = value * factor, upper * factor
                end = number_end = shared.end()
    if approx_word == "between" and upper is None:
        approx_word, approx_start = None, start
    is_age = False
    noun: str | None = None
    is_more = False
    if upper is None and unit == "count" and (frac := _OUT_OF.match(body, end)) is not None:
        words = " ".join(fold(frac.group("d") or frac.group("i")).split())
        whole = {"a hundred": 100.0, "hundred": 100.0}.get(words) or parse_number_text(words)
        if whole and (frac.group("d") or value < whole):
            value, unit, end = round(value / whole * 100, 6), "percent", frac.end()
    if unit == "percent":
        pass
    elif changed_to is not None and _PERCENT.match(body, changed_to.end()):
        unit = "percent"
    elif (pct := _PERCENT.match(body, end)) is not None:
        unit, end = "percent", pct.end()
    elif (age := _AGE.match(body, end)) is not None:
        unit, end, is_age = fold(age.group("u")) + "s", age.end(), True
    elif (dur := _DURATION.match(body, end)) is not None:
        if _WHEN_AFTER.match(body, dur.end()):
            return None  # "two years ago", "a 4 year low": when, not how long
        if _WINDOW_BEFORE.search(body, max(0, approx_start - 40), approx_start):
            return None  # "in the past nine days": a time window, not how long
        if _RECORD_WINDOW.search(body, max(0, approx_start - 80), approx_start):
            return None  # "its lowest level in five years": a record's window
        word = fold(dur.group("u")).removesuffix("s")
        unit, end = DURATION_UNITS[word], dur.end()
        if word == "decade":
            value *= 10
            upper = upper * 10 if upper is not None else None
    elif (
        kind == "vague"
        and unit == "count"
        and (of := _OF_MONEY.match(body, end)) is not None
        and (cur := _MONEY_AFTER.match(body, of.end())) is not None
        and cur.group("cur")
        and fold(cur.group("cur")).endswith(("s", "yen", "yuan", "won", "rand", "baht"))
    ):
        # "millions of dollars", "hundreds of thousands of pounds": a vague sum of money
        # (not "hundreds of dollar bills")
        unit, end = _MONEY_WORDS[" ".join(fold(cur.group("cur")).split())], cur.end()
    elif unit == "count" and (cur := _MONEY_AFTER.match(body, end)) is not None:
        word = " ".join(fold(cur.group("cur") or cur.group("pence")).split())
        unit, end = _MONEY_WORDS[word], cur.end()
        if word in ("pound", "pounds") and _WEIGHED.search(body, max(0, start - 30), start):
            unit = "lb"  # "weighed 200 pounds": a weight, not sterling
        if word in _HUNDREDTHS:
            value /= 100
            upper = upper / 100 if upper is not None else None
    elif unit == "count" and (measure := _PHYSICAL.match(body, end)) is not None:
        printed = re.sub(r"[\s-]+", " ", fold(measure.group("u")))
        unit = _PHYSICAL_UNITS.get(printed) or _PHYSICAL_UNITS[printed.rstrip(".")]
        end = measure.end()
    elif unit == "count" and (inch := _INCHES_ABBREVIATED.match(body, end)) is not None:
        unit, end = "inches", inch.end()
    elif unit == "count" and (heat := _TEMPERATURE.match(body, end)) is not None:
        unit, end = "degrees", heat.end()
    elif unit == "count" and (times := _TIMES.match(body, end)) is not None:
        unit, end = "times", times.end()  # "arrested seven times", "four times faster"
    elif unit == "count" and (counts := _CHARGE_COUNTS.match(body, end)) is not None:
        unit, end = "counts", counts.end()  # "two counts of murder": charges, not people
    elif unit == "count":
        if (more := _MORE_AFTER.match(body, end)) is not None:
            is_more, end = True, more.end()
        dur = _DURATION.match(body, end) if is_more else None
        if dur is not None and not _WHEN_AFTER.match(body, dur.end()):
            # "three more years were added to his term", "two more decades"
            word = fold(dur.group("u")).removesuffix("s")
            unit, end = DURATION_UNITS[word], dur.end()
            value *= 10 if word == "decade" else 1
        elif (counted := _COUNTED.match(body, end)) is not None:
            adjectives = counted.group("adj").split()
            registered = (
                adjectives[-1:] if adjectives[-1:] in (["registered"], ["eligible"]) else []
            )
            noun = " ".join([*registered, counted.group("noun")])
            unit, end = "people", counted.end()
        elif kind == "words" and value == 1 and (one := _ONE_PERSON.match(body, end)):
            unit, end = "people", one.end()  # "One person is killed"
        elif kind == "words" and scale is None and _PLURAL_NOUN.match(body, end) is None:
            if (
                _HARMED_BARE.search(body, max(0, m.start() - 20), m.start())
                or _WERE_HARMED.match(body, end)
                or _BODY_OF.search(body, max(0, m.start() - 20), m.start())
            ):
                # "which he said killed seven", "seven were injured", "a panel of twelve"
                unit = "people"
            else:
                group = _GROUP_AFTER.match(body, end) if m.group(0).islower() else None
                if group is None or not _GROUP_BEFORE.search(
                    body, max(0, m.start() - 12), m.start()
                ):
                    return None  # "including two from AFP": a bare number word is no figure
                if group.group("who"):
                    unit = "people"  # "The three who voted against"
    if (
        kind == "digits"
        and unit == "count"
        and upper is None
        and _looks_like_year(m.group(0))
        and not _CASUALTIES_AFTER.match(body, end)
    ):
        return None
    if (
        kind == "digits"
        and unit == "count"
        and upper is not None
        and not _PLURAL_NOUN.match(body, end)
        and not (spelled and not _looks_like_year(m.group(0)))
    ):
        return None  # a bare "9-10" is a date part, a score or a time; "40 to 50 questions" is not
    if unit not in ("count", "people", "percent") and (share := _PER_SHARE.match(body, end)):
        end = share.end()  # "$11.05 per share": the amount is per share
    if beyond is not None and mark is not None and unit == "count" and upper is None:
        unit, end = "points", mark.end()
    if approx_word is not None and approx_word != "between":
        approximation = _APPROX[approx_word]
    elif _EXCEEDED.search(prefix):
        approximation = Approximation.MORE_THAN  # "exceeded 10% of 2000 levels"
    elif (after := _OR_MORE.match(body, end)) is not None and upper is None:
        approximation, end = _APPROX_AFTER[fold(after.group("w"))], after.end()
    return NumberMatch(
        span=Span(approx_start, end),
        number_span=Span(m.start(), number_end),
        value=value,
        upper_bound=upper,
        approximation=approximation,
        unit=unit,
        noun=noun,
        is_age=is_age,
        is_more=is_more,
    )


def _money_range(
    body: str, start: int, end: int, low: float, between: bool
) -> re.Match[str] | None:
    """The high end of a range of money that prints its currency again ("$24 to $26 per
    share", "between $12 million and $20 million"), read from ``end`` of the low end
    (``low`` as printed, before its scale). Never a move and where it ended ("cut by $200
    to $399"), nor a high end below the low one."""
    rng = (_MONEY_BETWEEN_AND if between else _MONEY_RANGE_AFTER).match(body, end)
    if rng is None or (not between and _MOVED_BY.search(body, max(0, start - 20), start)):
        return None
    high = parse_number_text(rng.group("n"))
    return rng if high is not None and high > low else None


def _looks_like_year(digits: str) -> bool:
    return len(digits) == 4 and digits.isdigit() and 1500 <= int(digits) <= 2100


# A count of casualties is no year, though it reads like one: "with 1500 dead".
_CASUALTIES_AFTER = re.compile(
    r"\s+(?:dead|killed|injured|wounded|missing|deaths|casualties|fatalities)\b", re.IGNORECASE
)


# A score: two small numbers with a dash or "to", near words of a match.
_SCORE = re.compile(
    r"(?<![\w.,:/-])(?P<a>\d{1,3})\s*(?:[–—-]|\s+to\s+)\s*(?P<b>\d{1,3})(?![\w:/%-]|[.,]\d)"
)
_SPORT_WORDS = re.compile(
    r"\b(?:won|wins?|winning|beat|beats|beaten|defeat(?:ed|s)?|lost|lose|loses|losing|loss|draw"
    r"|drew|drawn|score[ds]?|scoreline|victory|half-time|halftime|led|lead|leading"
    r"|trail(?:ed|ing)?|match|game|final|goals?|points|innings|sets?)\b",
    re.IGNORECASE,
)


def _bounds(number: NumberMatch) -> tuple[int, int]:
    return number.span.start, number.span.end


# A tally of votes printed like a score: "voted the proposition down 52-35", "by a vote
# of 52-35", "in a 5-4 ruling".
_TALLY_BEFORE = re.compile(r"\bvot(?:e|es|ed|ing)\b", re.IGNORECASE)
_TALLY_AFTER = re.compile(r"\s+(?:vote|votes|ruling|decision|verdict|majority)\b", re.I)


# A side's record of wins and losses, printed like a score: "a 43-39 record", "a 9-5
# season", "an 18-30 start", "moved their record to 9-1", "the Chiefs (2-13)", "Klitschko
# (52-3, 46 KOs)", and where a side stands: "UNC is now 10-0", "The Saints are 7-7",
# "dropped to 0-13", "slumping at 9-14" (not "It is 2-1", "are 1-0 up": a match running).
_RECORD_AFTER = re.compile(r"\s+(?:record|season|mark|start)\b", re.IGNORECASE)
_RECORD_BEFORE = re.compile(
    r"(?:\b(?:record|mark)(?:\s+(?:of|to|at|is|was|now|stands|rose|improved|fell))+\s+"
    r"|(?P<team>\b[A-Z][\w.’'-]*\s\()"
    r"|(?P<standing>\b(?!It\b)[A-Z][\w.’'-]*\s+(?:is|are)(?:\s+now)?\s+"
    r"|\b(?:dropped|fell|moved|improved|slipped)\s+to\s+"
    r"|\b(?:wound\s+up|stands?|slumping|floundering)\s+at\s+))$"
)
_RUNNING_AFTER = re.compile(r"\s+(?:up|down|ahead|behind|lead|win|victory|loss|defeat)\b", re.I)


def _record_zones(body: str) -> list[tuple[int, int]]:
    """Where the copy prints a side's record (above): like a date, never a figure."""
    zones: list[tuple[int, int]] = []
    for m in _SCORE.finditer(body):
        before = body[max(0, m.start() - 40) : m.start()]
        named = _RECORD_BEFORE.search(before)
        if _RECORD_AFTER.match(body, m.end()) or (
            named is not None
            and (not named.group("team") or body.startswith((")", ",", ";"), m.end()))
            and (not named.group("standing") or not _RUNNING_AFTER.match(body, m.end()))
        ):
            zones.append((m.start(), m.end()))
    return zones


def find_scores(body: str, zones: list[tuple[int, int]]) -> tuple[NumberMatch, ...]:
    """Sports scores, one figure with both sides ("won 3 – 1": value 3), where words of
    a match stand near; tallies of votes the same way ("a vote of 52-35": 52 votes);
    never inside a date or other excluded copy."""
    found: list[NumberMatch] = []
    for m in _SCORE.finditer(body):
        if _overlaps(zones, m.start(), m.end()) or _PERCENT.match(body, m.end()):
            continue
        if _SCALE_AFTER.match(body, m.end()) or _MONEY_BEFORE.search(
            body, max(0, m.start() - 4), m.start()
        ):
            continue  # "a loss of 5-6 million", "lost $3-4": an amount's range, no score
        before = body[max(0, m.start() - 40) : m.start()]
        if _CHANGE_FROM.search(before):
            continue  # "seats increased from 9 to 10": a change, not a result
        tally = bool(_TALLY_AFTER.match(body, m.end()) or _TALLY_BEFORE.search(before))
        near = body[max(0, m.start() - 120) : m.end() + 60]
        if not tally and _SPORT_WORDS.search(near) is None:
            continue
        found.append(
            NumberMatch(
                span=Span(m.start(), m.end()),
                number_span=Span(m.start(), m.end()),
                value=float(m.group("a")),
                upper_bound=None,
                approximation=Approximation.EXACT,
                unit="votes" if tally else "score",
            )
        )
    return tuple(found)


def find_ages(body: str) -> tuple[NumberMatch, ...]:
    """Ages given in apposition ("Toqaev, 66, had"); "aged 66" is read in words.py."""
    found: list[NumberMatch] = []
    for m in _AGE_APPOSITION.finditer(body):
        word = _WORD_END.search(body[max(0, m.start() - 40) : m.start()])
        if word is None or not word.group(1)[:1].isupper() or not 0 < int(m.group("n")) < 120:
            continue
        found.append(_age(m.start("n"), m.end("n"), int(m.group("n")), m.start("n")))
    for m in _AT_AGE.finditer(body):
        found.append(_age(m.start("n"), m.end("n"), int(m.group("n")), m.start("n")))
    for m in _AGES_LISTED.finditer(body):
        people = _WORD_END.search(body, max(0, m.start() - 20), m.start())
        if people is None or people.group(1) not in _AGED_PEOPLE:
            continue
        for group in ("a", "b"):
            found.append(_age(m.start(group), m.end(group), int(m.group(group)), m.start(group)))
    return tuple(found)


def _age(start: int, end: int, years: int, number_start: int) -> NumberMatch:
    return NumberMatch(
        span=Span(start, end),
        number_span=Span(number_start, end),
        value=float(years),
        upper_bound=None,
        approximation=Approximation.EXACT,
        unit="years",
        is_age=True,
    )
