"""Ages printed as bare digits beside the person: in apposition ("Toqaev, 66, had"), at
the start of a sentence ("At 55, he"), or listed after the people ("the two girls, 12
and 15,"). Ages in words are read in ``words.py``.
"""

from __future__ import annotations

import re

from service.ingest.figures.number_match import NumberMatch
from service.ingest.model import Approximation, Span

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
