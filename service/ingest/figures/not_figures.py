"""Digits that are never a figure: dates, clock times, addresses, phone numbers, tags,
urls and decades (the zones ``excluded`` returns), numbers of a name ("Form 10", "F-16",
"version 10.4"), a model's number ("Boeing 787"), a label with a leading zero, and a
year.
"""

from __future__ import annotations

import functools
import re

from service.ingest.figures.dates import CALENDAR_WORDS
from service.ingest.figures.lexicon import people_nouns
from service.ingest.figures.number_words import fold

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
                    # "the 15,599 th plane": an ordinal printed apart from its digits
                    r"\d{1,3}(?:,\d{3})*\s(?:st|nd|rd|th)\b",
                    # "release 10.4.1", "12.05.2008": a version or a date of three dotted parts
                    r"\d+\.\d+\.\d+(?:\.\d+)*\b",
                    # "call 877-LAPD-24-7", "1-800-FLOWERS": a toll-free number in letters
                    r"(?:1-)?8(?:00|88|77|66|55|44|33)-[A-Z]{3,}(?:-[A-Z\d]+)*\b",
                    # "Conference ID: 24256919", "PIN 4711": a label, counts nothing
                    r"(?:ID|PIN)(?:\s+(?:number|no\.))?:?\s*#?\d+\b",
                    # "struck at 1353 (1023 GMT)": a local clock time restated in GMT
                    r"\d{4}(?=\s*\((?:\d{4}|\d{1,2}[.:]\d{2})\s*(?:GMT|UTC)\))",
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


def sentence_initial(body: str, pos: int) -> bool:
    before = body[:pos].rstrip()
    return not before or before[-1] in ".!?:;\"“‘'\n(—–-"


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
LEADING_ZERO = re.compile(r"0\d")


# Digits with what they count after them: "350 employees", "344.65-point", "12-year-old".
_OWNED_COUNT = re.compile(
    r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?:-|\s+(?!ind(?:ex|ices|exes)\b)[a-z])"
)


def is_name_number(body: str, start: int, depth: int = 0) -> bool:
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
            depth < 8 and is_name_number(body, first, depth + 1)
        )
    m = _CAPITALISED_WORD_END.search(body[max(0, start - 40) : start])
    if m is None or fold(m.group(1)) in _FUNCTION_WORDS:
        return False
    # An owner's count of something is no name ("the Dow's 344.65-point fall", "EYP MCF's
    # 350 employees"); an owner's bare number is ("Boeing's 787,", "Standard & Poor's 500").
    owned = m.group(1).endswith(("'s", "’s", "s'", "s’"))
    return not (owned and _OWNED_COUNT.match(body, start))


# A model's number: "Boeing 787", "Airbus 380", "787s", "the new 787 Dreamliner at",
# 'the 787 "Dreamliner",',
# "777-200LR", "its 777 airliner"
# (three digits or more; a name after the number is one capitalised singular word that a
# clause or a preposition follows, so neither a title-case headline's "120 People Killed"
# nor "500 Apple engineers" is taken).
_MODEL_NUMBER = re.compile(
    r"\b(?P<word>[A-Z][\w-]*) (?P<a>\d{3,})\b(?![.,]\d)|\b(?P<b>\d{3,})s\b"
    r"|(?<![\d,.$€£¥])\b(?P<c>\d{3,}) [\"“]?(?P<name>[A-Z][a-z]+)(?<!s)[\"”]?"
    r"(?=[.,;:!?)]| (?:at|in|on|to|for|with|from|by|of|and|or|but|as|into|than|that|which|"
    r"will|would|can|could|may|might|is|was|are|were|has|had|have)\b)"
    r"|\b(?P<d>\d{3,})-\d{1,4}[A-Z]{1,3}\b"  # "the 777-200LR"
    r"|\b(?:the|its|their)\s+(?:new\s+)?(?P<e>\d{3,})\s+(?:jet|jetliner|airliner|plane|model)\b"
    # "their new 787 aircraft", "Boeing's larger 777 planes": an adjective between the
    # owner and the digits (a count puts it after them: "300 new planes")
    r"|\b(?:the|its|their|[A-Z][\w-]*['’]s)\s+(?:new|newer|larger|smaller|bigger|latest)\s+"
    r"(?P<f>\d{3,})\s+(?:jet|jetliner|airliner|plane|model|aircraft)s?\b"
)


def model_numbers(body: str) -> frozenset[str]:
    """Numbers the copy uses as a model's name somewhere: every bare count of those
    digits is that name ("the 787 offers 20 extra seats"), not a figure."""
    found: set[str] = set()
    for m in _MODEL_NUMBER.finditer(body):
        digits = next(m.group(g) for g in "abcdef" if m.group(g))
        if looks_like_year(digits):
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
    scales = {"people", "percent", "million", "billion", "trillion", "thousand", "hundred"}
    return people_nouns() | CALENDAR_WORDS | scales


# Capitalised words before a number that make no name of it ("Some 300", "Over 500").
_NOT_MODEL_WORDS = frozenset({"some", "over", "nearly", "about", "around", "under", "almost"})


def excluded(body: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in _NOT_FIGURES.finditer(body)]


def overlaps(zones: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(s < end and start < e for s, e in zones)


def looks_like_year(digits: str) -> bool:
    return len(digits) == 4 and digits.isdigit() and 1500 <= int(digits) <= 2100


# A count of casualties is no year, though it reads like one: "with 1500 dead".
CASUALTIES_AFTER = re.compile(
    r"\s+(?:dead|killed|injured|wounded|missing|deaths|casualties|fatalities)\b", re.IGNORECASE
)
