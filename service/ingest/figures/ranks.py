"""Places in a ranking, which the number finder otherwise reads as names or ordinals.

- A rank printed with a numero sign is a figure in the unit ``rank``: "is the #2 browser",
  "it's been #3", "became the No. 1 music seller", "the No. 5 seed", "a loss to No.
  9-ranked Gonzaga", "increased to number 3 in the rankings", "the number one airline".
  Only where the word before makes it a position something holds (an article, a verb of
  being or moving, a preposition of a ranking): "His No. 10 jersey", "exhibit number one",
  "proposition of law number three" and "A Number 10 spokesperson" (Downing Street) name a
  thing, and count nothing.
- An ordinal place reached by moving or finishing is a rank: "could fall to fourth place",
  "finished in third place" (not "in the first place", an idiom, nor "a victory as
  second place", the seat a count gives).
"""

from __future__ import annotations

import re

from service.ingest.figures.number_match import NumberMatch
from service.ingest.model import Approximation, Span

_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10,
}  # fmt: skip
_ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10,
}  # fmt: skip
# Words after which a numbered rank is a position held: "the No. 1", "a clear No. 1",
# "is #2", "been #3", "to No. 9-ranked", "increased to number 3", "ranked No. 2".
_HELD = re.compile(
    r"\b(?i:the|a|an|clear|is|was|were|are|be|been|became|become|becomes|remains|remained"
    r"|as|to|at|over|against|from|rank|ranks|ranked)\s+$"
)
# The rank itself is found first and the word before it checked after: a scan that opened
# on every word of the body for the word before cost a third of a millisecond an article.
_NUMBERED_RANK = re.compile(
    rf"(?P<rank>(?:#|No\.\s?|number[\s-])(?P<n>\d{{1,3}}|{'|'.join(_WORDS)})\b)"
    r"(?![.,]\d|[-–]\d)(?!\s+(?:jersey|shirt|uniform)s?\b)"
)
_REACHED = re.compile(
    r"\b(?i:fall|falls|fell|fallen|falling|drop|drops|dropped|dropping|slip|slips|slipped"
    r"|slipping|slide|slid|climb|climbs|climbed|climbing|rise|rises|rose|risen|rising|move"
    r"|moves|moved|moving|jump|jumps|jumped|finish|finishes|finished|finishing|come|comes"
    r"|came|end|ends|ended|ending)\s+(?:up\s+)?(?:to|in|into)\s+$",
    re.IGNORECASE,
)
_PLACE = re.compile(
    rf"\b(?P<rank>(?P<n>{'|'.join(_ORDINALS)}|\d{{1,2}}(?:st|nd|rd|th))\s+place)\b",
    re.IGNORECASE,
)
# How far back the word (or verb and preposition) before a rank is looked for.
_BEFORE = 40


def _rank(m: re.Match[str], value: int) -> NumberMatch:
    span = Span(m.start("rank"), m.end("rank"))
    return NumberMatch(
        span=span,
        number_span=span,
        value=float(value),
        upper_bound=None,
        approximation=Approximation.EXACT,
        unit="rank",
    )


def find_ranks(body: str) -> tuple[NumberMatch, ...]:
    """Every place in a ranking ``body`` prints (above), in order of position."""
    found: list[NumberMatch] = []
    for m in _NUMBERED_RANK.finditer(body):
        if _HELD.search(body, max(0, m.start() - _BEFORE), m.start()):
            n = m.group("n").lower()
            found.append(_rank(m, _WORDS[n] if n in _WORDS else int(n)))
    for m in _PLACE.finditer(body):
        if _REACHED.search(body, max(0, m.start() - _BEFORE), m.start()):
            n = m.group("n").lower()
            found.append(_rank(m, _ORDINALS[n] if n in _ORDINALS else int(n[:-2])))
    return tuple(sorted(found, key=lambda r: r.span.start))
