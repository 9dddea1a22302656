"""Capitalised words and names the rules read that name nothing (pure).

The acronym of a common noun or a measure ("GPS", "GDP"), a generic head word alone
("the Company") where no body is named in full, the compass word of a numbered street
("East" of "East 223rd Street"), a word with a lower-case tail ("Kremlin-backed") unless
a name goes on past it ("Latter-day Saints").
"""

from __future__ import annotations

import re

from service.ingest.mentions import gazetteer as gz
from service.ingest.mentions.candidate import Candidate
from service.ingest.model import EntityKind

NUMBERED_STREET = re.compile(r"\b(?:(?:East|West|North|South) )?\d+(?:st|nd|rd|th) $")
_TAIL_SPLIT = re.compile(r"[-'’]")
# Lower-case tails that describe what follows rather than name it: "the New York-based
# Human Rights Watch", "the Texas-born Actor", "a U.S.-style Program".
_DESCRIBING_TAILS = gz.word_set("born run made built grown style like area wide")
_GENERIC_HEADS = gz.word_set(
    "company program programme project network institute institution club press store "
    "family group foundation association society centre center fund agency corporation "
    "firm organization organisation bureau service"
)


def without_common_acronyms(candidates: list[Candidate]) -> list[Candidate]:
    """A name that is only the acronym of a common noun or a measure names nothing ("a
    GPS receiver", "4GB of RAM", "arrested on a DUI charge", "47 KO's", "7 p.m. EDT",
    "(0241 GMT Friday)"), whichever rule or the recogniser read it as an organisation;
    inside a longer name it stays ("Apple TV")."""
    common = gz.TERM_ACRONYMS | gz.MEASURE_ACRONYMS
    return [c for c in candidates if c.name.lower() not in common]


def without_street_compass(candidates: list[Candidate]) -> list[Candidate]:
    """The compass word a numbered street starts with is the street's ("East 223rd
    Street", `NUMBERED_STREET`), no place of its own ("East")."""
    streets = [
        c
        for c in candidates
        if c.kind is EntityKind.PLACE
        and NUMBERED_STREET.fullmatch(" ".join(c.name.split()[:2]) + " ")
        and c.name.split()[0] in ("East", "West", "North", "South")
    ]
    return [
        c
        for c in candidates
        if not any(s is not c and s.start <= c.start and c.end <= s.end for s in streets)
    ]


def named_bodies_only(candidates: list[Candidate]) -> list[Candidate]:
    """A generic head word alone ("Company", "Program", "Club", "Institute") is a body's
    short name only where the article names that body in full: "the Institute" after
    "the Brookings Institute". With no such name it is the cut end of one the rules
    could not read whole ("Sam's Club", "the iPhone Developer Program") or a word
    capitalised in house style ("our Company"), and no entity."""
    words_in_full = {w for c in candidates if " " in c.name for w in c.name.lower().split()}
    return [
        c
        for c in candidates
        if c.name.lower() not in _GENERIC_HEADS or c.name.lower() in words_in_full
    ]


def is_capitals(word: str) -> bool:
    """'WHO', 'OSCE': an acronym even when it spells a common word."""
    return len(word) > 1 and word.isupper()


def _has_lower_tail(word: str) -> bool:
    """'US-based', 'Kremlin-backed', "I've": not a name."""
    parts = _TAIL_SPLIT.split(word)
    return len(parts) > 1 and parts[-1][:1].islower() and parts[0] not in ("al", "el", "ad")


def lower_tail_outside_name(words: list[str]) -> bool:
    """Whether a word of the run has a lower-case tail that ends or opens no name
    (`_has_lower_tail`). Between capitalised words the tail of a noun is the name's own:
    "the Church of Jesus Christ of Latter-day Saints"; a participle's or a describing
    word's is not ("the New York-based Human Rights Watch", "the Texas-born Film
    Director")."""
    for i, word in enumerate(words):
        if not _has_lower_tail(word):
            continue
        tail = _TAIL_SPLIT.split(word)[-1]
        if not 0 < i < len(words) - 1 or tail.endswith("ed") or tail.lower() in _DESCRIBING_TAILS:
            return True
    return False
