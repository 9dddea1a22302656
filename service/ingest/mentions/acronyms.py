"""Acronyms in brackets after the name they abbreviate (pure): "Organization for Security
and Cooperation in Europe (OSCE)" links OSCE to its name, and capitalised words listed
before the acronym they spell are one name ("Maintenance, Repair and Overhaul (MRO)").
"""

from __future__ import annotations

import re

from service.ingest.mentions import gazetteer as gz
from service.ingest.mentions.candidate import Candidate
from service.ingest.mentions.name_tokens import UPPER
from service.ingest.mentions.names import initials, is_acronym
from service.ingest.model import EntityKind

# Capitalised words listed with commas, "and" and "&" up to the end of the text searched
_SPELT_LIST = re.compile(rf"[{UPPER}][\w'’-]*(?:(?:, | and | & |, and | )[{UPPER}][\w'’-]*)+$")
_CAPITALISED = re.compile(rf"[{UPPER}][\w'’-]*")


def spelt_lists(body: str, out: list[Candidate], first: int) -> None:
    """Capitalised words listed with commas and "and" before the acronym they spell, in
    brackets, are one name: "Maintenance, Repair and Overhaul (MRO)", "Aircraft
    Communications Addressing and Reporting System (ACARS)". The rules cut such a list
    into its words; the acronym says the words are one name's."""
    while _spelt_list(body, out, first):
        pass  # each list merged moves the indices: look again


def _spelt_list(body: str, out: list[Candidate], first: int) -> bool:
    """Merges the first list spelt by an acronym after it (`spelt_lists`); whether any."""
    for i in range(max(first, 1), len(out)):
        acronym = out[i]
        if not (
            is_acronym(acronym.name)
            and body[acronym.start - 2 : acronym.start] == " ("
            and body.startswith(")", acronym.end)
        ):
            continue
        letters = "".join(c for c in acronym.name.lower() if c.isalpha())
        listed = _SPELT_LIST.search(body, out[first].start, acronym.start - 2)
        if listed is None:
            continue
        words = list(_CAPITALISED.finditer(body, listed.start(), listed.end()))
        if len(words) < len(letters):
            continue
        start = words[-len(letters)].start()
        text = body[start : listed.end()]
        if initials(text) != letters or not any(s in text for s in (", ", " and ", " & ")):
            continue
        inside = [
            n for n in range(first, i) if start <= out[n].start and out[n].end <= listed.end()
        ]
        if (
            len(inside) < 2  # one name already, or none
            or out[inside[0]].start != start
            or out[inside[-1]].end != listed.end()
        ):
            continue
        kind = out[inside[-1]].kind
        if kind in (EntityKind.PERSON, EntityKind.PLACE):
            kind = EntityKind.OTHER  # a list of words is no one's name nor a place's
        merged = Candidate(
            start, listed.end(), " ".join(text.split()), kind, acronym.sentence_index
        )
        out[inside[0] : inside[-1] + 1] = [merged]
        return True
    return False


def link_acronyms(body: str, out: list[Candidate], first: int) -> None:
    """'Organization for Security and Cooperation in Europe (OSCE)': OSCE abbreviates it."""
    for i in range(max(first, 1), len(out)):
        acronym, long = out[i], out[i - 1]
        if (
            is_acronym(acronym.name)
            and body[long.end : acronym.start] == " ("
            and body.startswith(")", acronym.end)
            and long.kind not in (EntityKind.PERSON, EntityKind.PLACE)
            and gz.organization_canonical(acronym.name)
            in (None, gz.organization_canonical(long.name))
        ):
            acronym.acronym_of = long
            acronym.kind = long.kind = (
                EntityKind.ORGANIZATION if long.kind is EntityKind.OTHER else long.kind
            )
