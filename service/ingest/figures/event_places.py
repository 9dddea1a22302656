"""The place a toll is of: the one place its sentence ties to the count ("719 dead and 863
injured in a stampede near Mecca"), the place printed as where it happened of several
("a bus carrying the Togo team to the Cup in Angola"), the country whose authority found it
("the Haitian government found 111,481 bodies"), else the country (``COUNTRY``), as is a
toll placed on an island, a sea or in a province ("jolted Qeshm island off Iran's southern
coast"); and when a count stops taking the story's city."""

from __future__ import annotations

import re
from collections.abc import Sequence

from service.ingest.figures.sentence_mentions import SentenceMentions
from service.ingest.mentions.places import country_of_demonym, place_type
from service.ingest.model import (
    EntityKind,
    FigureCandidate,
    MentionCandidate,
    Span,
)


def event_place(
    sm: SentenceMentions, sentence: str, figure: Span, siblings: Sequence[Span]
) -> int | None:
    """The one place the sentence ties to this count; None (the country, later) when the
    sentence names no place, several places, or its place belongs to another count.

    A place belongs to the count printed before it ("200 people arrested in ... Almaty
    ... in addition to 500 others": Almaty is the 200's), else to the first count after it;
    with the counts joined to that one by "and".
    """
    places = sm.of_kind(EntityKind.PLACE)
    if not places:
        if (national := _nationality_counted(sm, sentence)) is not None:
            return national
        return COUNTRY if _COUNTRY_WIDE.search(sentence, figure.end - sm.offset) else None
    distinct = {m.local_entity for m in places}
    if len(distinct) > 1:
        # "in the country's largest city, Almaty": a city and the country around it
        cities = distinct & sm.cities
        located = _located(sm.body, places)
        where = {m.local_entity for m in located}
        if len(located) == 2 and _within(sm.body, *located):
            where = {located[0].local_entity}  # "at a mall in Salt Lake City, Utah"
            located = located[:1]
        if len(cities) == 1:
            places = [m for m in places if m.local_entity in cities]
        elif len(where) == 1 or len(where & sm.cities) == 1:
            # "on a bus carrying the Togo team to the Cup in Angola": Angola
            places = [m for m in located if len(where) == 1 or m.local_entity in sm.cities]
        else:
            return COUNTRY
    counts = sorted([*siblings, figure], key=lambda s: s.start)
    for place in places:
        # The count printed last before the place is its own, with the counts joined to
        # it by "and" ("719 dead and 863 injured in a stampede near Mecca"); with none
        # before, the first count after it.
        before = [s for s in counts if s.end <= place.span.start]
        after = [s for s in counts if s.start >= place.span.end]
        owners = before[-1:] or after[:1]
        for earlier in reversed(before[:-1]):
            between = sm.body[earlier.end : owners[0].start]
            if not _JOINED.search(between) or ";" in between:
                break
            owners.insert(0, earlier)
        if not before:  # "in Mecca's Grand Mosque, killing 107 and wounding 238"
            for later in after[1:]:
                between = sm.body[owners[-1].end : later.start]
                if not _JOINED.search(between) or ";" in between:
                    break
                owners.append(later)
        if figure in owners:
            return COUNTRY if wider_than_city(sm.body, place) else place.local_entity
    return COUNTRY


# Places a toll is never of, by their name or the word the copy puts by them: a sea, an
# island, a province ("the Indian Ocean", "Qeshm island", "the province of Aceh").
_WIDE = (
    r"(?:ocean|sea|gulf|bay|strait|channel|island|islands|peninsula|province|region"
    r"|district|county|state|national\s+park)"
)
_WIDE_NAME = re.compile(rf"(?:^(?:Gulf|Bay|Sea|Strait)\s+of\b|\b{_WIDE}$)", re.IGNORECASE)
_WIDE_AFTER = re.compile(rf"\s+{_WIDE}\b", re.IGNORECASE)
# "the province of Aceh", not "the downtown district of Tijuana" (a part of a city)
_WIDE_BEFORE = re.compile(r"\b(?:island|province|region|state)\s+of\s+(?:the\s+)?$", re.IGNORECASE)


def wider_than_city(body: str, place: MentionCandidate) -> bool:
    """Whether the copy tells a place as wider than a city, so that a toll placed there is
    the country's (the gold's "the city the copy places it in, else the country"): a
    region GeoNames knows ("Texas"), a sea or an island by its name ("the Persian Gulf",
    "Qeshm Island") or by the word printed after or before it ("jolted Qeshm island off
    Iran's southern coast", "the Indonesian province of Aceh")."""
    kind = place_type(place.name)
    return (
        kind == "region"
        # a city's name may end so: "Montego Bay"
        or (kind != "city" and _WIDE_NAME.search(place.text) is not None)
        or _WIDE_AFTER.match(body, place.span.end) is not None
        or _WIDE_BEFORE.search(body, max(0, place.span.start - 30), place.span.start) is not None
    )


_JOINED = re.compile(r"\band\b")

# A place told as where something happened: "in Angola", "near the town of Zarand",
# "outside Kabul" (not "the Togo team", "Israel's assault", "Indonesian officials").
_LOCATIVE = re.compile(
    r"\b(?:in|at|near|around|outside|inside|off|across|throughout)\s+(?:the\s+)?"
    r"(?:(?!(?:to|between|and|or|from|with|for|by|of|the)\b)[a-z-]+\s+){0,4}(?:of\s+)?$"
)


def _within(body: str, spot: MentionCandidate, region: MentionCandidate) -> bool:
    """Whether a place is told with the region it lies in after a comma, as the last of
    the sentence's places: "in Salt Lake City, Utah, before ..." (not "in Nur-Sultan,
    Almaty and other towns", a list)."""
    return (
        body[spot.span.end : region.span.start] == ", "
        and re.match(r",?\s+(?:and|or)\b", body[region.span.end :]) is None
    )


_LISTED = re.compile(r"\s*(?:,|,?\s+(?:and|or))\s+(?:the\s+)?")


def _located(body: str, places: Sequence[MentionCandidate]) -> list[MentionCandidate]:
    """The places printed as where something happened: after "in", "at", "near", with
    those listed after them ("in Nur-Sultan, Almaty and other towns"). "Gunmen opened fire
    on a bus carrying the Togo team to the Cup in Angola": the toll is Angola's, where the
    attack was, not Togo's, whose team was on the bus."""
    located: list[MentionCandidate] = []
    for place in places:
        listed = bool(located) and _LISTED.fullmatch(body, located[-1].span.end, place.span.start)
        if listed or _LOCATIVE.search(body, max(0, place.span.start - 60), place.span.start):
            located.append(place)
    return located


def apart(body: str, inherited: FigureCandidate | None, figure: FigureCandidate) -> bool:
    """Whether ``figure`` follows, in the same sentence, a count that took the story's
    city without being joined to it by "and"."""
    if inherited is None or inherited.sentence != figure.sentence:
        return False
    between = body[inherited.span.end : figure.span.start]
    return not _JOINED.search(between) or ";" in between


# Two places joined as one: "Kathmandu and the regional headquarter city of Pokhara"
_JOINED_PLACES = re.compile(r"\s+(?:and|or)\s+(?:the\s+)?(?:[a-z-]+\s+){0,5}(?:of\s+)?")


def among_cities(body: str, earlier: Sequence[MentionCandidate]) -> bool:
    """Whether the last city named before a count is named with another city as one
    place: "struck between the capital Kathmandu and the city of Pokhara" places the story
    in no one city, so its counts are the country's."""
    if len(earlier) < 2 or earlier[-2].local_entity == earlier[-1].local_entity:
        return False
    between = body[earlier[-2].span.end : earlier[-1].span.start]
    return _JOINED_PLACES.fullmatch(between) is not None


# "in the energy-rich Central Asian nation", "across the country", "nationwide"
_COUNTRY_WIDE = re.compile(
    r"\b(?:(?:in|across|throughout|around) the (?:[\w-]+ ){0,4}(?:nation|country)|nationwide)\b",
    re.IGNORECASE,
)


# "the Haitian government found", "Iranian officials said": a nation's authority telling
# or finding a count (not "Israeli military photographs", a thing it has)
_NATIONAL_AUTHORITY = re.compile(
    r"\b([A-Z][a-z]+)\s+(?:[a-z]+\s+)?(?:government|authorities|officials|ministry|police"
    r"|army|military)\s+(?:has\s+|have\s+|had\s+)?(?:said|says|found|finds|reported|reports"
    r"|counted|confirmed|confirms|announced|recorded|recovered|estimated|estimates|put|puts)\b"
)


def _nationality_counted(sm: SentenceMentions, sentence: str) -> int | None:
    """The country whose authority a count the sentence does not place is told of: "the
    UN reported the Haitian government found 111,481 bodies" is Haiti's toll, not the
    capital's the story named before (as the gold's README has it). Only a country the
    story names as a place."""
    for said in _NATIONAL_AUTHORITY.finditer(sentence):
        country = country_of_demonym(said.group(1))
        named = {
            e.index
            for e in sm.entities
            if e.kind is EntityKind.PLACE and country is not None and e.name == country
        }
        if len(named) == 1:
            return named.pop()
    return None


# A subject placeholder: the count is country-wide (the sentence's place is another's).
COUNTRY = -2
