"""Names the rules read apart that the recogniser reads as one body's (pure): across "the"
("the Stoning the Devil ritual"), "and" ("the Securities and Exchange Commission", "U.S.
Customs and Border Protection", "The Central Election and Referendum Commission"),
"for" or "on" ("the Project on Government Oversight").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from service.ingest.mentions import gazetteer as gz
from service.ingest.mentions.candidate import Candidate
from service.ingest.mentions.names import is_acronym
from service.ingest.mentions.recognised_names import KINDS
from service.ingest.model import EntityKind

# Last words of a government agency's name: "Wildlife Service", "Drug Administration"
_AGENCY_HEADS = gz.word_set(
    "service services administration agency commission bureau department office authority"
)


def joined_across_the(
    body: str, candidates: Sequence[Candidate], names: list[tuple[int, int, str]]
) -> list[Candidate]:
    """Two capitalised names with "the" between them that the recogniser reads as one
    name are that name: "the Stoning the Devil ritual"; so are two with "and" between
    them that it reads as one organisation (`_one_body_across_and`), or with "for" or "on"
    (`_one_body_across_for_on`)."""
    out: list[Candidate] = []
    for cand in candidates:
        cand = _widened_over_and(body, cand, names, out[-1].end if out else 0)
        before = out[-1] if out else None
        if (
            before is not None
            and EntityKind.EVENT not in (before.kind, cand.kind)
            and (
                body[before.end : cand.start] == " the "
                or _one_body_across_and(body, before, cand, names)
                or _one_body_across_for_on(body, before, cand, names)
            )
        ):
            label = next(
                (
                    label
                    for start, end, label in names
                    if label in KINDS and start <= before.start and cand.end <= end
                ),
                None,
            )
            if body[before.end : cand.start] == " and ":
                label = "ORG"  # its last word heads organisations (`_one_body_across_and`)
            if label is not None:
                name = " ".join(body[before.start : cand.end].split())
                out[-1] = replace(before, end=cand.end, name=name, kind=KINDS[label])
                continue
        out.append(cand)
    return out


def _widened_over_and(
    body: str, cand: Candidate, names: list[tuple[int, int, str]], floor: int
) -> Candidate:
    """A name after "and" that the recogniser reads as the end of one organisation opened
    by capitalised words the rules took for no name is that organisation ("The Central
    Election and Referendum Commission declared ...", "referring to Immigration and
    Customs Enforcement" where the copy prints "immigration" too: not "Referendum
    Commission", "Customs Enforcement"). The words before "and" are no name of their
    own: no name the rules read (``floor``, where the last one ends), none a given name,
    a listed organisation or place, or an organisation's head word ("the Navy and Marine
    Corps" stay two); nor is a person's name opened by a given name ("Bob and Mary
    Jones")."""
    if cand.kind is EntityKind.PERSON and gz.is_given_name(cand.name.split()[0]):
        return cand
    for start, end, label in names:
        if label != "ORG" or end != cand.end or not floor <= start < cand.start:
            continue
        first = body[start : cand.start]
        if not first.endswith(" and "):
            continue
        words = first[: -len(" and ")].split()
        if (
            not words
            or not all(re.fullmatch(r"[A-Z][a-z]+", w) for w in words)
            or any(w.lower() in gz.ORG_HEADS for w in words)
            or gz.is_given_name(words[0])
            or gz.organization_canonical(" ".join(words)) is not None
            or gz.place_canonical(" ".join(words)) is not None
        ):
            continue
        name = " ".join(body[start:end].split())
        return replace(cand, start=start, name=name, kind=EntityKind.ORGANIZATION)
    return cand


def _one_body_across_for_on(
    body: str, left: Candidate, right: Candidate, names: list[tuple[int, int, str]]
) -> bool:
    """Whether names either side of "for" or "on" are one body's or one place's name the
    recogniser reads whole ("the Project on Government Oversight", "the Yearning for Zion
    Ranch", "Deferred Action for Childhood Arrivals"): an organisation, a facility or an
    event over both, starting at the first and ending at the second; never a person or a
    town ("Smith on Monday"), nor a name before a place or a road after "on" ("of Troy on
    Interstate 75": where someone was, no body's name)."""
    if body[left.end : right.start] not in (" for ", " on "):
        return False
    if right.kind is EntityKind.PLACE or re.match(r" ?\d", body[right.end : right.end + 2]):
        return False  # "Interstate 75", "Route 9": a road's number after the name
    return any(
        label in ("ORG", "FAC", "EVENT") and start == left.start and right.end == end
        for start, end, label in names
    )


def _one_body_across_and(
    body: str, left: Candidate, right: Candidate, names: list[tuple[int, int, str]]
) -> bool:
    """Whether names either side of "and" are one body's name ("the U.S. Fish and Wildlife
    Service", "the Securities and Exchange Commission", "House Ways and Means Committee"):
    the recogniser reads one organisation (or a title) over both, or over "and" from a word
    of the name before it ("House" apart, "Ways and Means Committee"), or no name at all in a single
    word before "and" ("the Fish and Wildlife Service", where it names "Wildlife Service"
    alone); the name after "and" ends in an organisation's head word (never two products
    or two people: "the Fusion and Taurus", "Laci and Conner"), and the words before "and"
    are no name of their own: not listed, capitalised words only, none an organisation's
    head word ("the Navy and Marine Corps", "Wildlife Service and National Marine Fisheries
    Service", "Bureau for Human Rights and Rule of Law and Human Rights Charter Foundation"
    are two; "Cricket Wireless and Federal Bureau of Investigation", the recogniser names
    the first alone)."""
    if body[left.end : right.start] != " and ":
        return False
    if right.name.split()[-1].lower() not in gz.ORG_HEADS and not _one_agency(
        body, left, right, names
    ):
        return False
    across = [
        start
        for start, end, label in names
        if label in ("ORG", "WORK_OF_ART") and start < left.end and right.end <= end
    ]
    inside = any(left.start < start and body[start - 1] == " " for start in across)
    unnamed = " " not in left.name and not any(
        start < left.end and left.start < end for start, end, _ in names
    )
    if not (
        any(start <= left.start for start in across)
        or inside
        or unnamed
        or country_and_one_word(body, left.start, left.end, names, right.name)
    ):
        return False
    if unnamed and (gz.is_given_name(left.name) or is_acronym(left.name)):
        return False  # "Laci and Conner Foundation", "HP and EDS Company": names
    words = left.name.split()
    return (
        all(w[:1].isupper() and w.lower() not in gz.ORG_HEADS for w in words)
        and gz.organization_canonical(left.name) is None
        and gz.place_canonical(left.name) is None
    )


def _one_agency(
    body: str, left: Candidate, right: Candidate, names: list[tuple[int, int, str]]
) -> bool:
    """Whether the recogniser reads exactly one organisation over both names and "and",
    opened by a country's or a place's name ("U.S. Customs and Border Protection", "US
    Immigration and Customs Enforcement"): a government's agency, whose name after "and"
    needs no head word; not "U.S. Customs" and "Border Protection"."""
    for start, end, label in names:
        if label != "ORG" or end != right.end or start > left.start:
            continue
        before = body[start : left.start].strip()
        first = left.name.split()[0] if " " in left.name else ""
        if gz.place_canonical(before) or (
            before.lower() in ("", "the") and gz.place_canonical(first)
        ):
            return True
    return False


def country_and_one_word(
    body: str, start: int, end: int, names: list[tuple[int, int, str]], after: str
) -> bool:
    """Whether the name before "and" (``start``..``end``) is a country's and one word that
    the recogniser reads as a name of its own (an organisation's or, wrongly, a
    person's) or as the country alone, and the name ``after`` "and" ends in a
    government agency's head word: "the U.S. Fish and Wildlife Service", where it reads
    "U.S. Fish" or "U.S." and "Wildlife Service" (an agency named for two things; no
    body or person is called "U.S. Fish"). Companies stay two: "U.S. Steel and Alcoa
    Corporation", "China Mobile and Alibaba Group"."""
    if after.split()[-1].lower() not in _AGENCY_HEADS:
        return False
    words = body[start:end].split()
    if len(words) != 2 or gz.place_canonical(words[0]) is None:
        return False
    if gz.place_canonical(" ".join(words)) is not None:
        return False
    country = (start, start + len(words[0]), "GPE")
    whole = [(start, end, label) for label in ("ORG", "PERSON")]
    over = [n for n in names if n[0] < end and start < n[1]]
    return len(over) == 1 and (over[0] == country or over[0] in whole)
