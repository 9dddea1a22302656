"""The kind of a name settled over all its mentions before they are grouped: a person the
article names by surname elsewhere ("Erling Haaland" ... "Haaland told"), and one name
printed several times read as one kind ("President Trump" ... "Trump nixed a visit"), and
a ship's name or an award's a thing ("INS Mysore", "the Pulitzer Prize"), and a
building's read as a person's a place ("Trump Tower"), and a "person" the copy sets where
a place goes a place ("who lives in Hawaiian Gardens")."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping, Sequence

from service.ingest.mentions import gazetteer as gz
from service.ingest.mentions.added_names import described_person
from service.ingest.mentions.candidate import Candidate
from service.ingest.mentions.honorifics import HONORIFIC
from service.ingest.mentions.names import name_key
from service.ingest.mentions.places import place_type
from service.ingest.model import EntityKind

# Prefixes a navy or a merchant fleet prints before a ship's name: "HMS Ocean", "USS Cole",
# "INS Mysore", "MV Gibe" (not "SS" or "MS": a Nazi corps, a disease, a company).
_SHIP_PREFIXES = frozenset(
    ["HMS", "HMAS", "HMCS", "HMNZS", "USS", "USNS", "USCGC", "INS", "ICGS", "PNS", "RMS", "MV"]
)


def ships_as_things(body: str, candidates: Sequence[Candidate]) -> dict[str, str]:
    """A name opened by a ship's prefix is a vessel's, a thing (OTHER) whatever the
    recogniser read: "the destroyer INS Mysore intervened", "the tanker MV Gibe put out a
    distress call" name no person and no organisation. The prefix is printed in capitals
    before at least one capitalised word. The ship's name printed without its prefix is
    that ship ("the pirates are held on board the Mysore", "the helicopter and Mysore",
    "Mysore closed the boats"), unless a place's preposition stands before it ("in
    Mysore", "near Mysore": the town): returned, to the full name, and typed OTHER too."""
    ships: dict[str, str] = {}
    for cand in candidates:
        words = cand.name.split()
        if len(words) > 1 and words[0] in _SHIP_PREFIXES and words[1][:1].isupper():
            cand.kind = EntityKind.OTHER
            ships.setdefault(" ".join(words[1:]), cand.name)
    short: dict[str, str] = {}
    for cand in candidates:
        if cand.name in ships and not _PLACE_BEFORE.search(
            body, max(0, cand.start - 8), cand.start
        ):
            cand.kind = EntityKind.OTHER
            short[cand.name] = ships[cand.name]
    return short


# A place's preposition before a name: "in Mysore", "from Mysore" (the town, not the ship).
_PLACE_BEFORE = re.compile(r"\b(?:in|at|near|from|to|of|outside|off) \Z")


# Last words of an award's name: "the Tony Award", "the Pulitzer Prize", "the Vezina
# Trophy" (not a plural: "hosting the Academy Awards" is a ceremony).
_AWARD_HEADS = frozenset(["Award", "Prize", "Trophy", "Medal"])


def awards_as_things(candidates: Sequence[Candidate]) -> None:
    """A name of several words ending in "Award", "Prize", "Trophy" or "Medal" is an
    award's, a thing (OTHER) whatever the recogniser read: "she won the Tony Award",
    "the NFL's Winston-Shell Award", "the Pulitzer Prize for reporting" name no person
    and no organisation (a body that gives one ends in another word: "the Nobel Prize
    Committee"; "the Academy Awards", a plural, is the ceremony as often as the prizes)."""
    for cand in candidates:
        words = cand.name.split()
        if len(words) > 1 and words[-1] in _AWARD_HEADS and cand.kind is not EntityKind.EVENT:
            cand.kind = EntityKind.OTHER


# Last words of a day's or a game's name: "Bastille Day", "Christmas Eve", "the Pro Bowl"
_DAY_HEADS = frozenset(["Day", "Eve", "Bowl"])


def people_named_for_days(candidates: Sequence[Candidate]) -> None:
    """A "person" whose name ends in "Day", "Eve", "Bowl" or an event's word is that
    day or event: "Paris for Bastille Day ceremonies", "picked for the Pro Bowl", "the
    Harvest Festival" (the recogniser reads the first word as a surname); one ending in
    "Hall of Fame" is the honour, a thing ("inducted into the Hall of Fame"). Not a day
    or event opened by a given name ("Doris Day", "Mary Fair")."""
    for cand in candidates:
        words = cand.name.split()
        if cand.kind is not EntityKind.PERSON or len(words) < 2:
            continue
        if words[-3:] == ["Hall", "of", "Fame"]:
            cand.kind = EntityKind.OTHER
        elif not gz.is_given_name(words[0]) and (
            words[-1] in _DAY_HEADS or words[-1].lower() in gz.EVENT_HEADS
        ):
            cand.kind = EntityKind.EVENT


# Last words of a building's or a ground's name: "Trump Tower", "Dodger Stadium", "the
# Omni Hotel", "Changi Airport" (not "Hall", "House", "Bridge": surnames too).
_BUILDING_HEADS = frozenset(
    ["Tower", "Towers", "Stadium", "Arena", "Airport", "Hotel", "Building", "Station"]
)


def buildings_as_places(candidates: Sequence[Candidate]) -> None:
    """A "person" whose name ends in a building's word is that building, a place: "he
    first visited at Trump Tower", "the Trump Tower meeting" (the recogniser reads the
    owner's name in it). Not a name opened by a given name ("Senator John Tower"); an
    organisation is left alone ("the Omni Hotel said", a business)."""
    for cand in candidates:
        words = cand.name.split()
        if (
            cand.kind is EntityKind.PERSON
            and len(words) > 1
            and words[-1] in _BUILDING_HEADS
            and not gz.is_given_name(words[0])
        ):
            cand.kind = EntityKind.PLACE


# Words that set a place before its name: "lives in Hawaiian Gardens", "the village of
# Gavarzin", "near Bukit Sama".
_LOCATED = re.compile(
    r"\b(?:in|near|(?:village|town|city|district|province|suburb|neighbou?rhood) of)\s+$"
)
# "the village of", "the town of" alone give a one-word name: "the village of Gavarzin"
_PLACE_OF = re.compile(r"\b(?:village|town|city|district|province|suburb|neighbou?rhood) of\s+$")
# Capitalised words of letters only: "Bayou La Batre", "Beit Lahiya", "São Tomé"; not "OS
# X", "NEW MOON"
_TOWN_SPELLING = re.compile(r"[A-ZÀ-Þ][a-zß-ÿ]+(?:[ -][A-ZÀ-Þ][a-zß-ÿ]+)*")
# What a person does after their name: "Gavarzin said", "Kim told"
_PERSON_AFTER = re.compile(r"\s+(?:said|says|told|added|asked)\b")


def located_people_as_places(body: str, candidates: Sequence[Candidate]) -> None:
    """A "person" of several words, not opened by a given name, that the copy prints
    where a place goes is that place: "who lives in Hawaiian Gardens", "a clinic in Bayou
    La Batre", "the Kraft plant in Northeast Philadelphia", "a resident in Bukit Sama
    village" (the recogniser reads an unknown town's name as a person's). A one-word name
    only after "the village of" or "the town of" ("the village of Gavarzin"). Not a name
    that does what people do anywhere in the article ("Gavarzin said", "Mr. Gavarzin"),
    not a name spelt unlike a town ("in OS X", "in NEW MOON") nor one with an event's
    word ("in Spring Training")."""
    by_name: dict[str, list[Candidate]] = {}
    for cand in candidates:
        if cand.kind is EntityKind.PERSON:
            by_name.setdefault(cand.name, []).append(cand)
    for name, same in by_name.items():
        words = name.split()
        if (
            gz.is_given_name(words[0])
            or not _TOWN_SPELLING.fullmatch(name)
            or any(w.lower() in gz.EVENT_HEADS for w in words)
        ):
            continue
        before = [body[max(0, c.start - 30) : c.start] for c in same]
        located = any(
            (_PLACE_OF if len(words) == 1 else _LOCATED).search(b) is not None for b in before
        )
        if not located or any(
            c.description
            or HONORIFIC.search(body, max(0, c.start - 6), c.start) is not None
            or _PERSON_AFTER.match(body, c.end) is not None
            for c in same
        ):
            continue
        for cand in same:
            cand.kind = EntityKind.PLACE


def people_named_by_surname(body: str, candidates: Sequence[Candidate]) -> None:
    """A two- or three-word "organisation" whose last word the article also uses alone
    for a person is that person ("after Erling Haaland scored ... Haaland told Sky
    Sports"): the recogniser's label for the one form is outvoted by the other. Not a
    listed organisation, nor a name with an organisation's head word ("Morgan Stanley
    Bank"). One-word surnames of a full name are settled by ``_surnames_of_full_names``."""
    surnames = {
        name_key(c.name)
        for c in candidates
        if c.kind is EntityKind.PERSON and len(name_key(c.name).split()) == 1
    }
    for cand in candidates:
        words = cand.name.split()
        if (
            cand.kind is EntityKind.ORGANIZATION
            and len(words) in (2, 3)
            and name_key(words[-1]) in surnames
            and all(w[:1].isupper() and w.lower() not in gz.ORG_HEADS for w in words)
            and gz.organization_canonical(cand.name) is None
        ):
            cand.kind = EntityKind.PERSON
    _surnames_of_full_names(body, candidates)


def _surnames_of_full_names(body: str, candidates: Sequence[Candidate]) -> None:
    """A one-word "organisation" or "place" that is the surname of a full name the article
    prints for a person, opened by a given name, is that person ("Barack Obama said ...
    the Obama administration", "President Donald Trump ... an appeal to Trump": the
    recogniser reads the bare surname as a town or a firm). Not a listed organisation,
    nor a name the copy once sets where a place goes ("Abraham Lincoln ... a school in
    Lincoln"), nor the last word of a "full name" that opens with no given name ("Air
    China ... flights to China", "Ford Falcon ... the Falcon")."""
    lasts = {
        name_key(c.name).split()[-1]
        for c in candidates
        if c.kind is EntityKind.PERSON
        and len(name_key(c.name).split()) > 1
        and gz.is_given_name(c.name.split()[0])
    }
    by_name: dict[str, list[Candidate]] = {}
    for cand in candidates:
        if cand.kind in (EntityKind.ORGANIZATION, EntityKind.PLACE):
            by_name.setdefault(cand.name, []).append(cand)
    for name, same in by_name.items():
        if (
            len(name.split()) != 1
            or not name[:1].isupper()
            or name_key(name) not in lasts
            or gz.organization_canonical(name) is not None
            or any(
                _PLACE_PREPOSITION.search(body, max(0, c.start - 8), c.start) is not None
                for c in same
            )
        ):
            continue
        for cand in same:
            cand.kind = EntityKind.PERSON


# A place's preposition before a name: "in Lincoln", "near Kennedy" (not "to" or "at": "appeal
# to Trump", "angry at Obama")
_PLACE_PREPOSITION = re.compile(r"\b(?:in|near|into|outside) \Z")


def kinds_settled_by_vote(
    body: str, candidates: Sequence[Candidate], full_names: Mapping[str, object]
) -> None:
    """One name printed several times names one thing, whatever the recogniser read
    each time. A person once titled, given a first name or an age ("President Trump will
    travel ...", "Mr. Trump", "Comeaux, 49,") is a person everywhere ("Trump nixed a
    visit"); a name GeoNames knows, or printed after "in" or "on the", read once as a
    place is that place ("in Millom", "on the South Lawn"). Otherwise the kind most of
    its mentions read wins ("the Colts" twice an organisation, once a person), a person
    only when the name starts with a given name; else the first reading stays. Surnames
    of a full name printed in the article are left to the surname rule; events and
    unknown kinds take no part."""
    by_key: dict[str, list[Candidate]] = {}
    for cand in candidates:
        if cand.kind in _VOTING_KINDS and cand.acronym_of is None:
            by_key.setdefault(name_key(cand.name), []).append(cand)
    for key, same in by_key.items():
        kinds = Counter(c.kind for c in same)
        if len(kinds) < 2 or key in full_names:
            continue
        if any(_surely_person(body, c) for c in same):
            kind = EntityKind.PERSON
        elif any(_surely_place(body, c) for c in same):
            kind = EntityKind.PLACE
        else:
            (top, n), (_, m) = kinds.most_common(2)
            kind = top if n > m and (top is not EntityKind.PERSON or _given(same)) else same[0].kind
        for cand in same:
            cand.kind = kind


def _surely_person(body: str, cand: Candidate) -> bool:
    words = cand.name.split()
    return (
        cand.kind is EntityKind.PERSON
        and words[-1].lower() not in gz.ORG_HEADS
        and (
            bool(cand.description)
            or (len(words) > 1 and gz.is_given_name(words[0]))
            or HONORIFIC.search(body, max(0, cand.start - 6), cand.start) is not None
            or described_person(body, cand.end)
        )
    )


def _given(same: Sequence[Candidate]) -> bool:
    """Whether the name starts with a given name: only then may a bare majority of
    "person" readings outvote an organisation ("Gloria" yes, "Ryanair" no)."""
    return gz.is_given_name(same[0].name.split()[0])


def _surely_place(body: str, cand: Candidate) -> bool:
    return cand.kind is EntityKind.PLACE and (
        place_type(cand.name) is not None
        or _LOCATIVE_BEFORE.search(body, max(0, cand.start - 8), cand.start) is not None
    )


_VOTING_KINDS = frozenset({EntityKind.PERSON, EntityKind.ORGANIZATION, EntityKind.PLACE})
_LOCATIVE_BEFORE = re.compile(r"\b(?:in|near|on the) $")
