"""The subject a figure's own property finds in its sentence: the person a vote share is
for, whose age it is, a match's side, a toll's place, the central bank of an interest
rate, who holds a rank; and the place a distance is measured from."""

from __future__ import annotations

import re
from collections.abc import Sequence

from service.ingest.figures.event_places import event_place
from service.ingest.figures.lexicon import lexicon
from service.ingest.figures.person_subjects import age_subject, vote_subject
from service.ingest.figures.rank_holders import rank_holder
from service.ingest.figures.score_sides import first_side, winner_after
from service.ingest.figures.sentence_mentions import SentenceMentions
from service.ingest.model import (
    EntityKind,
    MentionCandidate,
    Span,
)


def at_place(prop: str | None) -> bool:
    """Whether a figure of ``prop`` is about where it happened (deaths, detained, ...)."""
    concept = lexicon().concepts.get(prop) if prop is not None else None
    return concept is not None and concept.subject == "place"


def country_level(prop: str | None) -> bool:
    """Whether a figure of ``prop`` is a country's statistic (turnout, unemployment)."""
    concept = lexicon().concepts.get(prop) if prop is not None else None
    return concept is not None and concept.subject == "country"


def subject_of(
    prop: str | None,
    sm: SentenceMentions,
    sentence: str,
    start: int,
    end: int,
    body: str,
    siblings: Sequence[Span] = (),
) -> int | None:
    absolute = sm.offset + start
    found: MentionCandidate | None = None
    if prop == "vote_share":
        # "against 48.4% for Kamala Harris": the share of whom it is for
        after = _FOR_WHOM.match(sentence, end)
        if after is not None:
            named = sm.first_after(
                sm.offset + after.end(), EntityKind.PERSON, EntityKind.ORGANIZATION
            )
            if named is not None and named.span.start == sm.offset + after.end():
                return named.local_entity
        return vote_subject(sm, sentence, start)
    if prop == "age":
        return age_subject(sm, sentence, start, end, body)
    if prop == "rank":
        return rank_holder(sm, sentence, start, end)
    if prop in ("score", "half_time_score"):
        return winner_after(sm, sentence, start, end) or first_side(sm, sentence, start)
    if prop == "years_in_power":
        found = sm.last_before(absolute, EntityKind.PERSON)
    elif at_place(prop):
        return event_place(sm, sentence, Span(absolute, sm.offset + end), siblings)
    elif prop == "detention_duration":
        places = {m.local_entity for m in sm.of_kind(EntityKind.PLACE)}
        return places.pop() if len(places) == 1 else None
    elif prop == "interest_rate":
        # "UK interest rates were lowered to 5 percent by the Bank of England": the rate
        # is the bank's that sets it, as "the Bank of England cut rates to 5%"
        banks = [
            m
            for m in sm.of_kind(EntityKind.ORGANIZATION)
            if _CENTRAL_BANK.match(sm.body, m.span.start, m.span.end)
        ]
        if banks:
            return banks[0].local_entity
    elif prop == "observers":
        found = sm.nearest(absolute, sm.offset + end, EntityKind.ORGANIZATION)
    elif country_level(prop):
        found = sm.nearest(absolute, sm.offset + end, EntityKind.PLACE, EntityKind.EVENT)
    return found.local_entity if found is not None else None


# What follows a distance up to the place it is measured from: "58km (36 miles)
# south-west of", "100 miles from", "150 nautical miles off"; then at most a few words
# describing the place ("the region's main city of Manokwari").
_FROM_PLACE = re.compile(
    r"(?:\s+(?:nautical\s+)?(?:miles?|kilomet(?:er|re)s?|km|metres?|meters?|feet|ft|yards))?"
    r"\)?(?:\s*\([^()]{1,30}\))?,?\s+(?:(?:(?:north|south|east|west)[a-z-]*\s+){1,2}of|from|off)"
    r"\s+"
)
_PLACE_WORDS = re.compile(r"(?:[Tt]he\s+)?(?:[a-z'’-]+\s+){0,4}")


def measured_from(sm: SentenceMentions, sentence: str, end: int) -> int | None:
    """The place a distance is measured from, when the place follows it: "the quake
    struck 75 kilometres west of Manokwari", "flying no further than 100 miles from
    Toulouse" (as the gold's "about 500 miles (800 km) from Herat" is Herat's). The
    distance is the place's as its subject, but no fact of it: "Kathmandu: length" would
    set the epicentre's distance against any other distance from the capital."""
    match = _FROM_PLACE.match(sentence, end)
    if match is None:
        return None
    # a place the name finder took for an organisation is still where it is measured
    # from ("from Herat", "of The Geysers")
    place = sm.first_after(sm.offset + match.end(), EntityKind.PLACE, EntityKind.ORGANIZATION)
    if place is None:
        return None
    between = sentence[match.end() : place.span.start - sm.offset]
    return place.local_entity if _PLACE_WORDS.fullmatch(between) else None


# A bank that sets interest rates: "the Bank of England", "the Federal Reserve", "the
# European Central Bank", "the Reserve Bank of India", "the Fed", "the ECB".
_CENTRAL_BANK = re.compile(
    r"(?:the\s+)?(?:(?:Reserve\s+|National\s+|People['’]s\s+)?Bank\s+of\s+\w|Federal\s+Reserve"
    r"|Fed\b|ECB\b|.*\bCentral\s+Bank\b|.*\bNational\s+Bank\b|.*\bReserve\s+Bank\b)"
)
_FOR_WHOM = re.compile(r"\s+(?:of\s+the\s+(?:[\w-]+\s+)?(?:vote|ballots?)\s+)?for\s+(?:the\s+)?")
