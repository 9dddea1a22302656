"""A candidate holding one recognised name (or several read as one): typed, cut to that
name where a day or a title is stuck to it ("Nur-Sultan Wednesday"), cut into a person
and the body after "of" she belongs to, or dropped as a nationality."""

from __future__ import annotations

import re
from dataclasses import replace

from service.ingest.mentions import gazetteer as gz
from service.ingest.mentions.added_names import described_person
from service.ingest.mentions.candidate import Candidate
from service.ingest.mentions.kinds import capitals_beside_lower
from service.ingest.mentions.kinds_by_context import place_after_preposition
from service.ingest.mentions.recognised_names import KINDS, NOT_ENTITIES
from service.ingest.model import EntityKind

# Words stuck to a recognised name that are no part of it: days, months, "on"
_FURNITURE = frozenset(
    {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
     "today", "yesterday", "tonight", "january", "february", "march", "april", "may",
     "june", "july", "august", "september", "october", "november", "december", "on"}
)  # fmt: skip


# Between a person and a capitalised name she belongs to ("... of the Ak Zhol").
_OF_BODY = re.compile(r"\s+of\s+(?:the\s+)?(?=[A-Z])")
_HONORIFIC = re.compile(r"\b(?:Mr|Mrs|Ms|Dr|Miss|Mx)\.?\s+$")
# Two initials with their full stops, printed for a given name: "P.J.", "T.Y."
_INITIALS = re.compile(r"(?:[A-Z]\.){2}")
# ... unless they are a US state's or city's, printed with full stops ("N.Y. Jets", "L.A.
# Galaxy", "S.F. Giants")
_PLACE_INITIALS = frozenset(
    f"{code[0]}.{code[1]}."
    for code in re.findall(
        r"[A-Z]{2}",
        """AL AK AZ AR CA CO CT DE FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE
        NV NH NJ NM NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY DC SF""",
    )
)


def cut_to_one(body: str, cand: Candidate, inside: list[tuple[int, int, str]]) -> list[Candidate]:
    """A candidate holding one recognised name (or several read as one): typed, cut to
    that name where a day or a title is stuck to it, cut into a person and the body after
    "of" she belongs to, or dropped as a nationality."""
    # One recognised name, or "Qasym-Zhomart Toqaev" read as two people.
    start, end, label = min(n[0] for n in inside), max(n[1] for n in inside), inside[0][2]
    if label in NOT_ENTITIES:
        # "Panamanian", "Buddhist"; a name the rules typed stays ("Nazarbaev", which
        # the recogniser misreads as a nationality)
        return [] if cand.kind is EntityKind.OTHER or gz.is_demonym(cand.name) else [cand]
    kind = _kind(cand, label)
    if kind is EntityKind.ORGANIZATION and described_person(body, cand.end):
        kind = EntityKind.PERSON  # "Rubilio Mendez, 34, a migrant": no company is 34
    if (
        kind is EntityKind.PLACE
        and cand.kind is not EntityKind.PLACE
        and gz.place_canonical(cand.name) is None
        and described_person(body, cand.end)
    ):
        kind = EntityKind.PERSON  # "Fauzi, an official from the disaster agency"
    if cand.kind is EntityKind.PERSON and _HONORIFIC.search(
        body, max(0, cand.start - 6), cand.start
    ):
        kind = EntityKind.PERSON  # "Mr MacFarlane", whatever the recogniser took it for
    if kind is EntityKind.PERSON and place_after_preposition(body, cand):
        kind = EntityKind.PLACE  # "the mayor of Valencia": a city, though read as a name
    start, end = max(start, cand.start), min(end, cand.end)
    member = _OF_BODY.match(body, end, cand.end)
    if label == "PERSON" and start == cand.start and member is not None:
        # "Daniya Espayeva of the Ak Zhol party": a person and the party
        # she belongs to, though the recogniser named only the person
        person = " ".join(body[start:end].split())
        body_name = " ".join(body[member.end() : cand.end].split())
        return [
            replace(cand, end=end, name=person, kind=EntityKind.PERSON),
            replace(cand, start=member.end(), name=body_name, kind=EntityKind.ORGANIZATION),
        ]
    rest = body[cand.start : start] + " " + body[end : cand.end]
    if (start, end) == (cand.start, cand.end) or not _only_furniture(rest):
        return [replace(cand, kind=kind)]  # "Environment Canada" stays whole
    # A name with a day or a title stuck to it: "Nur-Sultan Wednesday" -> "Nur-Sultan"
    name = " ".join(body[start:end].split())
    return [replace(cand, start=start, end=end, name=name, kind=kind)]


def _only_furniture(rest: str) -> bool:
    """Whether the words left beside a recognised name are a day or a title."""
    words = [w.lower().strip(".,") for w in rest.split()]
    titles = gz.CORE_TITLES | gz.TITLE_MODIFIERS
    return bool(words) and all(w in _FURNITURE or w in titles for w in words)


def _kind(cand: Candidate, label: str) -> EntityKind:
    """The rules' kind, unless they could not tell (OTHER), took an organisation for a
    person with no given name nor role to go by ("Environment Canada"), or a person with
    a given name for an organisation ("Jim Press"). A person the rules describe by a role
    stays one ("Nvidia CEO Jen-Hsun Huang", "Coach Brad Childress": the recogniser reads
    a firm, but a firm holds no title). No name with a word in capitals beside one in
    lower case is a person's, whatever the recogniser reads ("Mac OS X")."""
    recognised = KINDS[label]
    if recognised is EntityKind.PERSON and capitals_beside_lower(cand.name):
        return EntityKind.ORGANIZATION if cand.kind is EntityKind.OTHER else cand.kind
    if cand.kind is EntityKind.OTHER:
        return recognised
    words = cand.name.split()
    if (
        cand.kind is EntityKind.PERSON
        and recognised is EntityKind.ORGANIZATION
        and not gz.is_given_name(words[0])
        and not _initials_and_surname(words)
        and not _described_person(cand)
    ):
        return recognised
    if (
        cand.kind is EntityKind.ORGANIZATION
        and recognised is EntityKind.PERSON
        and len(words) in (2, 3)
        and gz.is_given_name(words[0])
    ):
        return recognised  # "Jim Press": a given name, though "Press" heads organisations
    return cand.kind


def _described_person(cand: Candidate) -> bool:
    """Whether the rules describe the candidate by a role and its name reads as a
    person's: every word capitalised, none an organisation's head ("Doctor Who Society
    of Canada" is a club whatever "Doctor" before it says)."""
    return cand.description is not None and all(
        w[:1].isupper() and w.lower() not in gz.ORG_HEADS for w in cand.name.split()
    )


def _initials_and_surname(words: list[str]) -> bool:
    """Whether a name of two words is a person's initials and surname ("P.J. Carlesimo",
    "T.Y. Hilton"): the initials stand for a given name. Not a place's or a listed
    organisation's short form ("U.S. Treasury", "U.N. Command", "N.Y. Jets"), nor a name
    ending in an organisation's head ("Times")."""
    return (
        len(words) == 2
        and _INITIALS.fullmatch(words[0]) is not None
        and words[0] not in _PLACE_INITIALS
        and gz.place_canonical(words[0]) is None
        and gz.organization_canonical(words[0]) is None
        and words[1][:1].isupper()
        and words[1].lower() not in gz.ORG_HEADS
    )
