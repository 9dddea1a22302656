"""Ranges printed after a number ("1,500 to 2,000", "between 8 and 15 billion", "two or
three", "$12 billion to $13 billion"), and where two numbers are a change and where it
went instead ("rose from 9 to 10", "cut by $200 to $399").
"""

from __future__ import annotations

import re

from service.ingest.figures.number_words import WORD_NUMBER, parse_number_text
from service.ingest.figures.units import SYMBOLS

RANGE_AFTER = re.compile(
    r"\s*(?:[-–—]|\s+to\s+)\s*(?P<n>(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)(?![\d,])"
)


WORD_RANGE = re.compile(
    rf"\s+(?:or|to)\s+(?P<n>{WORD_NUMBER}|\d+(?:,\d{{3}})*)\b(?![.,]\d)", re.IGNORECASE
)


# "between three and seven percent", "between fifty and seventy hours": a range in words
# (the high end may be printed in digits: "between two and 10 years")
WORD_BETWEEN_AND = re.compile(
    rf"\s+and\s+(?P<n>{WORD_NUMBER}|\d+(?:,\d{{3}})*)\b(?![.,]\d)", re.IGNORECASE
)


# A change from one amount to another ("rose from 9 to 10") is two figures, not a range.
CHANGE_FROM = re.compile(
    r"\b(?:ris(?:e|es|en|ing)|rose|increas\w*|f[ae]ll(?:s|en|ing)?|dropp?\w*|gr[eo]w\w*|"
    r"climb\w*|jump\w*|declin\w*|cut|rais\w*|lower\w*|reduc\w*|went|gone|up|down|"
    r"slipp?\w*|surg\w*|soar\w*|plung\w*|slump\w*|boost\w*|shr[aiu]nk\w*|chang\w*)"
    r"(?:\s+[\w'’-]+){0,3}\s+from\s+(?:[$€£¥]|US\$)?$",
    re.IGNORECASE,
)


BETWEEN_AND = re.compile(r"\s+and\s+(?P<n>(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)\b")


# A range of money with its currency printed at both ends: "$12 billion to $13 billion",
# "between $140 million and $150 million", "$24 to $26 per share", "$140- $150 million".
_MONEY_RANGE_AFTER = re.compile(
    rf"\s*(?:[-–—]|\s+to\s+)\s*{SYMBOLS}\s?(?P<n>(?:\d{{1,3}}(?:,\d{{3}})+|\d+)(?:\.\d+)?)(?![\d,])"
)


_MONEY_BETWEEN_AND = re.compile(
    rf"\s+and\s+{SYMBOLS}\s?(?P<n>(?:\d{{1,3}}(?:,\d{{3}})+|\d+)(?:\.\d+)?)\b"
)


# Where "$200 to $399" is a move and where it ended, not a range: "cut by $200 to $399",
# "was down $2.86 to $77.11", "swap lines with the ECB from $55 billion to $110 billion"
# (but "prices ranging from $500 to $550" are a range).
_MOVED_BY = re.compile(
    r"(?<!\brange\s)(?<!\branges\s)(?<!\branging\s)"
    r"\b(?:by|down|up|from)\s+$",
    re.IGNORECASE,
)


# A range spelt out with "to" or "and" is an amount even where no noun follows it ("the
# 787-9 holds 250 to 290.", "quakes measuring between 1.0 and 1.9 on the Richter scale"),
# as a bare "9-10" is not (a date part, a score or a time); but "from 65 to 125" is a
# change and where it went, and "between 2014 and 2016" a span of years.
SPELLED_RANGE = re.compile(r"\s+(?:to|and)\s", re.IGNORECASE)


FROM_BEFORE = re.compile(r"\bfrom\s+$", re.IGNORECASE)


def money_range(body: str, start: int, end: int, low: float, between: bool) -> re.Match[str] | None:
    """The high end of a range of money that prints its currency again ("$24 to $26 per
    share", "between $12 million and $20 million"), read from ``end`` of the low end
    (``low`` as printed, before its scale). Never a move and where it ended ("cut by $200
    to $399"), nor a high end below the low one."""
    rng = (_MONEY_BETWEEN_AND if between else _MONEY_RANGE_AFTER).match(body, end)
    if rng is None or (not between and _MOVED_BY.search(body, max(0, start - 20), start)):
        return None
    high = parse_number_text(rng.group("n"))
    return rng if high is not None and high > low else None
