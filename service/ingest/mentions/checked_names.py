"""A rule candidate checked against the recognised names it overlaps (pure).

It is cut into several names the recogniser reads ("Fernando Cheung" and "the Labour
Party"), cut to the one it reads with a day or a title stuck to it ("Nur-Sultan
Wednesday"), widened to the whole the recogniser reads over a nationality, a direction
or a title the rules cut off ("Southern California", "General Motors"), retyped where
the rules could not tell, or dropped (a nationality, a capitalised word of no kind).

The driver (``checked``) keeps the order of the checks; a candidate widened in
``widened_names.py``, one holding one recognised name in ``one_name.py``, one holding
several in ``several_names.py``.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

from service.ingest.mentions import gazetteer as gz
from service.ingest.mentions.candidate import Candidate
from service.ingest.mentions.kinds_by_context import IN_PLACE, place_after_preposition
from service.ingest.mentions.names import is_acronym
from service.ingest.mentions.one_name import cut_to_one
from service.ingest.mentions.recognised_names import AMOUNTS, TIMES
from service.ingest.mentions.run_on_names import body_then_speaker, titled_person
from service.ingest.mentions.runs import has_surname_apart
from service.ingest.mentions.several_names import cut_into_parts, read_as_one, separate
from service.ingest.mentions.widened_names import (
    widened_over_nationality,
    widened_over_possessive,
    widened_over_title,
)
from service.ingest.model import EntityKind

# How often the parse must read a lone capitalised word as a proper noun to keep it
_PROPER_REPEATS = 2


def checked(
    body: str, cand: Candidate, names: list[tuple[int, int, str]], proper: Counter[str]
) -> list[Candidate]:
    """The candidate against the recognised names it overlaps (``names``): kept, cut,
    widened, retyped or dropped; ``proper`` counts the words the parse reads as proper
    nouns."""
    titled = titled_person(body, cand)
    if titled is not None:
        return titled
    if cand.kind is EntityKind.ORGANIZATION and (spoken := body_then_speaker(body, cand)):
        return spoken
    if any(s <= cand.start and cand.end <= e for s, e, label in names if label in AMOUNTS):
        return []
    if cand.kind is EntityKind.PERSON and has_surname_apart(body[cand.start : cand.end]):
        # "Michael O' Leary": the recogniser stops at the apostrophe ("Michael O'" and
        # a place "Leary"); the rules read one surname
        return [cand]
    if cand.kind in (EntityKind.PERSON, EntityKind.OTHER) and any(
        s <= cand.start and cand.end <= e for s, e, label in names if label in TIMES
    ):
        return [replace(cand, kind=EntityKind.EVENT)]  # "on Waitangi Day": nobody's name
    inside = [
        n for n in names if n[0] < cand.end and cand.start < n[1] and n[2] not in AMOUNTS | TIMES
    ]
    if (whole := widened_over_nationality(body, cand, inside)) is not None:
        return [whole]
    if gz.place_canonical(cand.name) or gz.organization_canonical(cand.name):
        return [cand]
    if (whole := widened_over_possessive(body, cand, inside)) is not None:
        return [whole]
    if (whole := widened_over_title(body, cand, inside)) is not None:
        return [whole]
    if not inside:
        return _unrecognised(body, cand, proper)
    if len(inside) == 1 or not separate(body, inside):
        return cut_to_one(body, cand, inside)
    if read_as_one(body, cand, inside):
        return [cand]
    return cut_into_parts(body, cand, inside)


def _unrecognised(body: str, cand: Candidate, proper: Counter[str]) -> list[Candidate]:
    """A candidate the recogniser names nothing in: a place after "in", no name at all
    for a capitalised word of no kind the parse rarely reads as a proper noun, else the
    rules' name."""
    if cand.kind is EntityKind.OTHER and place_after_preposition(body, cand, IN_PLACE):
        return [replace(cand, kind=EntityKind.PLACE)]  # "Police in Arequipa arrested"
    if (
        cand.kind is EntityKind.OTHER
        and not is_acronym(cand.name)
        and ": " not in cand.name  # a work's title and subtitle, named by the rules
        and proper[cand.name] < _PROPER_REPEATS
    ):
        return []  # "Chapter", "Countdown": capitalised, but no name
    return [cand]
