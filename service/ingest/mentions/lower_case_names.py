"""Names copy prints in lower case (pure): a dated event ("the June 9 presidential
election") and a place ("the euro zone").
"""

from __future__ import annotations

import re

from service.ingest.mentions import gazetteer as gz
from service.ingest.mentions.candidate import Candidate
from service.ingest.model import EntityKind, Sentence

_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
_DATED_EVENT = re.compile(
    rf"\b(?:{_MONTHS}) \d{{1,2}}(?: [a-z][a-z-]*){{0,3}}? "
    r"(?:election|elections|poll|polls|vote|referendum|balloting)\b"
)


def dated_events(body: str, sentences: tuple[Sentence, ...]) -> list[Candidate]:
    """'the June 9 presidential election': an EVENT named by its date."""
    found: list[Candidate] = []
    for sentence in sentences:
        for m in _DATED_EVENT.finditer(body, sentence.span.start, sentence.span.end):
            inner = m.group(0).split()[2:-1]
            if any(w in gz.STOP_WORDS for w in inner):
                continue
            found.append(
                Candidate(m.start(), m.end(), m.group(0), EntityKind.EVENT, sentence.index)
            )
    return found


# Places copy names in lower case: "inflation in the euro zone", "the euro area economy".
_LOWER_CASE_PLACES = re.compile(r"\beuro[ -]?(?:zone|area)\b")


def lower_case_places(body: str, sentences: tuple[Sentence, ...]) -> list[Candidate]:
    """The places copy prints in lower case, named as the gazetteer lists them."""
    found: list[Candidate] = []
    for sentence in sentences:
        for m in _LOWER_CASE_PLACES.finditer(body, sentence.span.start, sentence.span.end):
            name = gz.place_canonical(m.group(0)) or m.group(0)
            found.append(Candidate(m.start(), m.end(), name, EntityKind.PLACE, sentence.index))
    return found
