"""Amounts written as words that the number finder's patterns do not reach.

- Ages in words: "aged eighteen", "ages 6 and 16", "at age seventeen", "at the age of
  14", "at the age of four months", "when she was six", "until he was eighteen", "died
  yesterday at 95", "who turns 29 on April 11".
- Fractions of a whole, as percent: "half of that amount", "a quarter of citizens",
  "about a third of the seats", "two-thirds of voters", "one-fourth of the increase"
  (issue 15: fractions count), and compared: "a minority larger than a third to veto".
- A change by a fraction: "fell by about a quarter", "cut by half".
- One of a unit: "less than one percent", "one day" (a bare "one" is mostly no amount).
- One person harmed, after the verb: "killing one man", "injured at least one person".
- One count of an indictment: "one count of kidnapping" (as "two counts of murder" are).
- One of every so many, as percent: "one in three voters" (33.33), "one out of every 200".
- "twice": two times.
- Half of one unit: "nearly half an hour" (30 minutes), "half a percentage point".
- "double digits", "double figures": 10 to 99 ("double-digit minutes").
- Temperatures below zero in words: "minus 17 degrees", "minus-20 degree temperatures".
- "a couple of": about two ("a couple of points", "a couple of months").
- Sizes printed as a compound: "the six-member team" (six people), "a three-nation
  alliance" (three nations).
"""

from __future__ import annotations

import re
from dataclasses import replace

from service.ingest.figures.approximations import APPROX_BEFORE, approximation_of
from service.ingest.figures.number_match import NumberMatch
from service.ingest.figures.number_words import ONE_PERSON_NOUNS, WORD_NUMBER, parse_number_text
from service.ingest.figures.units import DURATION_UNITS
from service.ingest.model import Approximation, Span

_AGE = re.compile(
    rf"\b(?:aged|ages|at\s+age|at\s+the\s+age\s+of)\s+(?P<n>{WORD_NUMBER}|\d{{1,3}})\b"
    r"(?:\s+(?P<u>months?|weeks?|days?)\b)?"
    rf"(?:,?\s+(?:and|or|to)\s+(?P<m>{WORD_NUMBER}|\d{{1,3}})\b(?!\s*(?:%|per|years?\s+ago)))?",
    re.IGNORECASE,
)
# "when she was six", "until he was 18", "by the time they were twelve": an age, where
# nothing is counted after the number
_AGE_CLAUSE = re.compile(
    r"\b(?:when|until|till|by\s+the\s+time|before|after|since)\s+(?:he|she|they|I|we)\s+"
    rf"(?:was|were|turned)\s+(?P<n>{WORD_NUMBER}|\d{{1,2}})\b"
    r"(?=\s*(?:[,.;:!?)]|$|(?:and|but|so|when|in|at|or)\b|years?\s+old\b))",
    re.IGNORECASE,
)
# "Teixeira, who turns 29 on April 11", "she turned 40 last year": a birthday's age
_TURNS = re.compile(
    rf"\b(?:turns|turned|turning)\s+(?P<n>{WORD_NUMBER}|\d{{1,3}})"
    r"(?=[,;)]|\.(?!\d)|\s+(?:on|in|this|next|last|today|tomorrow|yesterday|and|years?\s+old)\b)",
    re.IGNORECASE,
)
# "died yesterday at 95", "Mark Felt Dead at 95": an age at death (not a clock time)
_DIED_AT = re.compile(
    r"\b(?:died|dies|dead|passed\s+away)\b(?:\s+[\w,]+){0,4}?\s+at\s+"
    rf"(?P<n>{WORD_NUMBER}|\d{{1,3}})"
    r"(?=[,;)]|\.(?!\d)|\s*$|\s+(?:in|on|after|following|from|of|and|while|when|last|this|"
    r"yesterday|today|tonight|surrounded|at\s+(?:his|her|a|the))\b)",
    re.IGNORECASE | re.MULTILINE,
)
# "the six-member team", "a 15-nation bloc", "a three-party coalition" (never the last
# group of "the 1,000-member church": the number finder reads the whole number)
_COMPOUND_SIZES = {
    "member": "people", "person": "people", "man": "people", "woman": "people",
    "nation": "nations", "country": "nations", "party": "parties", "state": "states",
}  # fmt: skip
_COMPOUND = re.compile(
    rf"(?<![\d,.])\b(?P<n>{WORD_NUMBER}|\d{{1,3}})\s*-\s*(?P<u>{'|'.join(_COMPOUND_SIZES)})\b(?!-)",
    re.IGNORECASE,
)
_FRACTIONS = {
    "half": 50.0, "a half": 50.0, "one half": 50.0, "a quarter": 25.0, "one quarter": 25.0,
    "a third": 100 / 3, "one third": 100 / 3, "a fifth": 20.0, "one fifth": 20.0,
    "a tenth": 10.0, "one tenth": 10.0, "two thirds": 200 / 3, "three quarters": 75.0,
    "a fourth": 25.0, "one fourth": 25.0, "three fourths": 75.0,
}  # fmt: skip
# "a third", "one-fourth", "one fifth": one part of a whole
_ONE_PART = r"(?:a|one)(?:-|\s+)(?:half|quarter|third|fourth|fifth|tenth)"
_FRACTION = re.compile(
    r"(?<!\bfirst\s)(?<!\bsecond\s)(?<!\bother\s)(?<!\blatter\s)(?<!\bformer\s)"
    rf"\b(?P<f>half|{_ONE_PART}|two[-\s]thirds|three[-\s](?:quarters|fourths))(?:\s+|,\s+)of\b",
    re.IGNORECASE,
)
# "a minority larger than a third to veto", "more than one-fifth, officials said": a
# fraction compared, as a share of the whole the sentence is about (never "more than a
# third time", an ordinal, nor "a third of", read above)
_THAN_FRACTION = re.compile(
    r"\b(?:more|larger|greater|higher|less|fewer|smaller|lower)\s+than\s+"
    rf"(?P<f>{_ONE_PART})(?=\s*[,.;:)]|\s+(?:to|and|or|in|at|for)\b)",
    re.IGNORECASE,
)
# "Half the roof collapsed", "at half the price": half of what follows, with "of" left
# out (not "half the time", "half the battle": sayings, no share of anything)
_HALF_THE = re.compile(
    r"(?<!\bfirst\s)(?<!\bsecond\s)(?<!\bother\s)\b(?P<f>half)\s+(?:the|its|their|his|her)"
    r"\s+(?!(?:time|battle|fun|story)\b)[a-z]",
    re.IGNORECASE,
)
_BY_FRACTION = re.compile(
    r"\bby\s+(?:(?:about|nearly|almost|roughly|around|more than|less than|over|some)\s+)?"
    rf"(?P<f>half|{_ONE_PART}|two[-\s]thirds|three[-\s](?:quarters|fourths))"
    r"\b(?!\s+(?:of|an?)\b)",
    re.IGNORECASE,
)
_ONE = re.compile(
    r"\b(?P<n>one)\s+(?P<u>per\s?cent|percent|hour|day|week|month|year|point|vote|goal|seat"
    r"|run|wicket|stroke|medal)\b(?![-\w])"
)
# "one vote", "one point": a count of one, in the plural unit ("at one point" is a moment)
_ONE_UNITS = {
    unit: unit + "s"
    for unit in ("point", "vote", "goal", "seat", "run", "wicket", "stroke", "medal")
}
# "killing one man", "shot one woman", "killed at least one person": a toll of one, as
# "one man was killed" is (number_words.py), with the verb before ("one of the victims" and "one
# man who saw it" count no one harmed)
_ONE_HARMED_AFTER = re.compile(
    r"\b(?:kill(?:s|ed|ing)?|injur(?:es|ed|ing)|wound(?:s|ed|ing)?|shot|shoot(?:s|ing)?"
    r"|stabb(?:ed|ing))\s+(?:(?:at\s+least|only|just)\s+)?"
    rf"(?P<n>one\s+(?:other\s+)?{ONE_PERSON_NOUNS})\b",
    re.IGNORECASE,
)
# "pleaded guilty to one count of conspiracy", "one count each of manslaughter"
_ONE_COUNT = re.compile(r"\b(?P<n>one\s+count)(?=\s+(?:each\s+)?of\b)", re.IGNORECASE)
# "one in three voters", "one in every 500 users", "about one out of every 200 buyers": a
# share of a whole, as "1 in 5" is (units.py); never "one in 10 minutes", a rate in time
_ONE_IN = re.compile(
    r"\b(?P<n>one)\s+(?:in|out\s+of)\s+(?:every\s+)?"
    r"(?P<d>[2-9]|[1-9]\d{1,5}|[1-9]\d{0,2}(?:,\d{3})+|two|three|four|five|six|seven|eight|nine|ten"
    r"|twenty|a\s+hundred|a\s+thousand)\b"
    r"(?![\d,.%]|\s+(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?|percent)\b)",
    re.IGNORECASE,
)
_WHOLES = {"a hundred": 100.0, "a thousand": 1000.0}
_AT_BEFORE = re.compile(r"\b[Aa]t\s+$")
_TWICE = re.compile(r"\btwice\b", re.IGNORECASE)
# Half of one unit, in the unit the copy's next smaller measure keeps: "nearly half an
# hour" (30 minutes), "half a century" (50 years), "half a percentage point" (0.5), "half a
# ton" of files (0.5 tonnes). Never
# "half a century ago": a date.
_HALF_UNITS = {
    "minute": (30.0, "seconds"), "hour": (30.0, "minutes"), "day": (12.0, "hours"),
    "year": (6.0, "months"), "decade": (5.0, "years"), "century": (50.0, "years"),
    "percent": (0.5, "percent"), "per cent": (0.5, "percent"),
    "percentage point": (0.5, "percentage_points"), "point": (0.5, "points"),
    "mile": (0.5, "miles"), "ton": (0.5, "tonnes"), "tonne": (0.5, "tonnes"),
}  # fmt: skip
_HALF_A = re.compile(
    r"\bhalf\s+an?\s+(?P<u>percentage\s+point|per\s+cent|minute|hour|day|year|decade|century"
    r"|percent|point|mile|tonne|ton)\b(?![-\w]|\s+ago\b)",
    re.IGNORECASE,
)


# "a couple of points", "a couple of months": about two of what follows (not "a couple of
# hundred", whose scale the number finder does not read, nor "the couple" of two people)
_COUPLE = re.compile(
    r"\ba\s+couple\s+of\s+(?!(?:hundred|thousand|million|billion|dozen)\b|\d)"
    r"(?:(?P<u>hours|days|weeks|months|years|decades|minutes)\b)?",
    re.IGNORECASE,
)


# "double digits", "double figures": some number from 10 to 99, VAGUE as "dozens" is; in
# the unit the copy names after it ("reach double digits in points scored", "played
# double-digit minutes"); "double-digit growth" is a share (a "double-digit Emmy winner"
# names no unit, and is left).
_DOUBLE_DIGITS = re.compile(
    r"\b(?P<n>double[\s-](?:digits|figures))\b(?:\s+in\s+(?P<in>[a-z]+s)\b)?"
    r"|\bdouble-digit\s+(?:(?P<share>growth|inflation|gains?|rises?|increases?|declines?"
    r"|drops?|falls?|losses?|unemployment|returns?)|(?P<noun>[a-z]+s))\b",
    re.IGNORECASE,
)
_DOUBLE_DURATIONS = {"minutes": "minutes", "hours": "hours", "days": "days", "years": "years"}


def _double_digits(m: re.Match[str]) -> NumberMatch:
    noun = (m.group("in") or m.group("noun") or "").lower()
    unit = "percent" if m.group("share") else _DOUBLE_DURATIONS.get(noun, noun or "count")
    end = m.end("n") if m.group("n") else m.end()  # "double-digit minutes", "double-digit growth"
    found = _match(m.start(), end, m.start(), 10.0, unit, Approximation.VAGUE)
    return replace(found, upper_bound=99.0)


# A temperature below zero, said in words: "in temperatures of minus 17 degrees", "in
# minus-20 degree temperatures", "minus 5C" (the number alone would read as 17 above zero,
# and "minus-20" touches its hyphen, which no count does).
_BELOW_ZERO = re.compile(
    r"\bminus[\s-](?P<n>\d{1,2}(?:\.\d)?)(?:\s*-\s*|\s+)?"
    r"(?:degrees?(?:\s+(?:Celsius|Fahrenheit|C|F))?|[°º]\s?[CF]?|[CF])(?![\w'’])",
    re.IGNORECASE,
)


def find_word_amounts(body: str) -> tuple[NumberMatch, ...]:
    """Word ages, fractions and "twice" in ``body``, in no particular order."""
    found: list[NumberMatch] = []
    for m in _AGE.finditer(body):
        years = parse_number_text(m.group("n"))
        if years is not None and 0 < years < 120:
            months = m.group("u")
            unit = DURATION_UNITS[months.lower().removesuffix("s")] if months else "years"
            end = m.end("u") if months else m.end("n")
            found.append(_match(m.start(), end, m.start("n"), years, unit, age=True))
        other = parse_number_text(m.group("m")) if m.group("m") else None
        if other is not None and 0 < other < 120:  # "two sons, ages 6 and 16"
            found.append(_match(m.start("m"), m.end("m"), m.start("m"), other, "years", age=True))
    for m in (*_DIED_AT.finditer(body), *_TURNS.finditer(body)):
        years = parse_number_text(m.group("n"))
        if years is not None and 0 < years < 120:
            found.append(_match(m.start("n"), m.end("n"), m.start("n"), years, "years", age=True))
    for m in _AGE_CLAUSE.finditer(body):
        years = parse_number_text(m.group("n"))
        if years is not None and 0 < years < 120:
            found.append(_match(m.start("n"), m.end("n"), m.start("n"), years, "years", age=True))
    for m in _COMPOUND.finditer(body):
        size = parse_number_text(m.group("n"))
        if size is not None:
            unit = _COMPOUND_SIZES[m.group("u").lower()]
            found.append(_match(m.start(), m.end(), m.start(), size, unit))
    fractions = [*_FRACTION.finditer(body), *_BY_FRACTION.finditer(body)]
    fractions += _THAN_FRACTION.finditer(body)
    fractions += _HALF_THE.finditer(body)
    for m in fractions:
        words = " ".join(m.group("f").lower().replace("-", " ").split())
        start, approximation = _approximated(body, m.start("f"))
        end = m.end("f")
        # in percent to two places, as the gold prints a third: 33.33
        share = round(_FRACTIONS[words], 2)
        found.append(_match(start, end, m.start("f"), share, "percent", approximation))
    for m in _ONE.finditer(body):
        if m.group("u") == "point" and _AT_BEFORE.search(body, max(0, m.start() - 4), m.start()):
            continue  # "at one point": a moment
        unit = DURATION_UNITS.get(m.group("u")) or _ONE_UNITS.get(m.group("u"), "percent")
        start, approximation = _approximated(body, m.start())
        found.append(_match(start, m.end(), m.start(), 1.0, unit, approximation))
    for m in _ONE_HARMED_AFTER.finditer(body):
        start, approximation = _approximated(body, m.start("n"))
        found.append(_match(start, m.end("n"), m.start("n"), 1.0, "people", approximation))
    for m in _ONE_COUNT.finditer(body):
        found.append(_match(m.start(), m.end(), m.start(), 1.0, "counts"))
    for m in _ONE_IN.finditer(body):
        words = " ".join(m.group("d").lower().split())
        whole = _WHOLES.get(words) or parse_number_text(words)
        if whole:
            start, approximation = _approximated(body, m.start())
            share = round(100 / whole, 2)
            found.append(_match(start, m.end(), m.start(), share, "percent", approximation))
    for m in _HALF_A.finditer(body):
        value, unit = _HALF_UNITS[" ".join(m.group("u").lower().split())]
        start, approximation = _approximated(body, m.start())
        found.append(_match(start, m.end(), m.start(), value, unit, approximation))
    for m in _COUPLE.finditer(body):
        duration = m.group("u")
        unit = DURATION_UNITS[duration.lower().removesuffix("s")] if duration else "count"
        value = 20.0 if duration and duration.lower() == "decades" else 2.0
        end = m.end("u") if duration else m.start() + len("a couple")
        start = _approximated(body, m.start())[0]
        found.append(_match(start, end, m.start(), value, unit, Approximation.ABOUT))
    found += map(_double_digits, _DOUBLE_DIGITS.finditer(body))
    for m in _BELOW_ZERO.finditer(body):
        start, approximation = _approximated(body, m.start())
        value = -float(m.group("n"))
        found.append(_match(start, m.end(), m.start(), value, "degrees", approximation))
    for m in _TWICE.finditer(body):
        found.append(_match(m.start(), m.end(), m.start(), 2.0, "times"))
    return tuple(found)


def _approximated(body: str, start: int) -> tuple[int, Approximation]:
    """Where an amount starting at ``start`` begins with the words that hedge it ("about
    a quarter", "less than one percent"), and how they hedge it."""
    window = max(0, start - 30)
    approx = APPROX_BEFORE.search(body[window:start])
    if approx is None:
        return start, Approximation.EXACT
    return window + approx.start(), approximation_of(approx.group("a"))


def _match(
    start: int,
    end: int,
    number_start: int,
    value: float,
    unit: str,
    approximation: Approximation = Approximation.EXACT,
    *,
    age: bool = False,
) -> NumberMatch:
    return NumberMatch(
        span=Span(start, end),
        number_span=Span(number_start, end),
        value=round(value, 6),
        upper_bound=None,
        approximation=approximation,
        unit=unit,
        is_age=age,
    )
