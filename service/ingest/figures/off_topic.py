"""Figures the story's topic does not own though nothing nearer places them: a span of time,
a bare number, things seized, a count of several entities, people or a share told of no
one, an age of someone new, a figure of another city; and, for a person, figures of
sentences that do not name them."""

from __future__ import annotations

import re
from collections.abc import Sequence

from service.ingest.figures.referents import indefinite
from service.ingest.figures.story_topic import printed_in
from service.ingest.model import (
    FigureCandidate,
    LocalEntity,
    MentionCandidate,
    TextPart,
)


def elsewhere(
    mentions: Sequence[MentionCandidate],
    figure: FigureCandidate,
    topic: int,
    cities: frozenset[int],
) -> bool:
    """Whether the figure's sentence names a city other than the place the story is about,
    and not that place: the figure is then of the city or of something in it, not of the
    story's country. In a story about Indonesia, "Manokwari, a city of 160,000 people" is
    the town's population, and "rescuers in Arequipa set up 300 tents" in one about Peru
    counts tents, no fact of Peru. A sea or a region named beside it is no such clue
    ("45,756 migrants crossing the Channel" in a story about Britain)."""
    if figure.part is not TextPart.BODY:
        return False
    sentence = figure.sentence
    inside = [m for m in mentions if sentence.start <= m.span.start < sentence.end]
    return any(m.local_entity in cities and m.local_entity != topic for m in inside) and not any(
        m.local_entity == topic for m in inside
    )


def says_nothing_of_topic(figure: FigureCandidate) -> bool:
    """Whether a figure is no fact of whatever the story is about: a span of time
    ("arrested 12 days after the shooting", "the test flight lasted four hours") measures
    an event, not the country or company the story names most. Nor is how many times
    something happened or how many times larger it is, when no property says what of
    ("twice as fast at half the price", "ordered him to fire Felt five times",
    "thousands of times over"). Nor is a count of things of the mind or of talk, which
    belong to an argument and no entity ("two main reasons", "two primary issues", "the
    four pillars of the deal", "one of the seven wonders of the world")."""
    return (
        figure.property == "duration"
        or (figure.property is None and figure.unit == "times")
        or bool({figure.property, figure.unit} & _ABSTRACT)
    )


# Nouns for what an argument, a plan or a talk is made of: counts of them are no entity's.
_ABSTRACT = frozenset(
    {"things", "issues", "interests", "ways", "types", "kinds", "steps", "reasons", "risks",
     "pillars", "wonders", "concepts", "causes", "assumptions", "questions", "ideas",
     "factors", "aspects", "problems", "arguments", "lessons", "principles", "priorities"}
)  # fmt: skip


# A number printed bare, with no word of what it counts ("shrink the 787", "A gunshot is
# 140 dB", "call 877-LAPD"); a side's goals beside a dash and the other's ("ended 0 – 0").
_BARE = re.compile(r"\d[\d,]*")
_SCORE_AFTER = re.compile(r"\s*[–—-]\s*\d")
_SCORE_BEFORE = re.compile(r"\d\s*[–—-]\s*$")


def counts_nothing(body: str, figure: FigureCandidate) -> bool:
    """Whether a figure is a bare number that counts no noun: a model's number, a phone
    number, a reading, a count whose noun the copy left out ("Ryanair has 91 aircraft
    and 230 on order"). What it is of is a guess, and the story's topic the likeliest
    wrong one ("You can't simply shrink the 787" in a story about Boeing; "the number
    of people claiming benefits rose 15,000" in one about the Dow). A side's goals
    beside a dash and the other side's ("the half ended 0 – 0") stay a score's."""
    return (
        figure.part is TextPart.BODY
        and figure.property is None
        and figure.unit == "count"
        and _BARE.fullmatch(figure.text) is not None
        and _SCORE_AFTER.match(body, figure.span.end) is None
        and _SCORE_BEFORE.search(body, max(0, figure.span.start - 6), figure.span.start) is None
    )


def unnamed_people(figure: FigureCandidate) -> bool:
    """Whether a figure counts people the copy tells of without saying what they are to
    anyone (no property: not staff, members, passengers, voters): "Officers freed seven
    people who had hidden in an office", "Two people familiar with the talks said". In a
    story about a company or a person they are no figure of it: a place may hold them
    (a crowd in a town), a firm or a person does not."""
    return figure.property is None and figure.unit == "people"


def share_of_unnamed(figure: FigureCandidate) -> bool:
    """Whether a figure is a share of something the copy does not say is the topic's (a
    percent with no property: no stake, no growth, no vote share): "About half of those
    cuts will fall on subcontractors", "cells that are 40% larger", "accounting for half
    of the company's sales" (another company's). A company or a person owns only the
    shares the words name as theirs; a country's or a market index's topic keeps them (a
    poll of its people, the index's move)."""
    return figure.property is None and figure.unit == "percent"


# Verbs of taking things away from someone, anywhere in the sentence; and passives of
# finding them, after the count ("13 magazines were found in the boat").
_SEIZING = re.compile(r"\b(?:seiz|confiscat|impound)\w*", re.IGNORECASE)
_FOUND = re.compile(r"\b(?:was|were|been)\s+(?:\w+\s+)?(?:found|recovered|captured)\b")


def seized(body: str, figure: FigureCandidate) -> bool:
    """Whether the figure counts things seized or found ("Nine assault rifles and 13
    magazines were seized from the pirates", "the warship has confiscated 14 rifles",
    "six rifles were found and confiscated"): they are whoever they were taken from,
    never the place, the navy or the police the story is about. People seized are
    detained, a count of their own."""
    if figure.part is not TextPart.BODY or figure.unit == "people":
        return False
    sentence = body[figure.sentence.start : figure.sentence.end]
    return (
        _SEIZING.search(sentence) is not None
        or _FOUND.search(body, figure.span.end, figure.sentence.end) is not None
    )


def sentence_names(
    body: str, mentions: Sequence[MentionCandidate], figure: FigureCandidate, person: LocalEntity
) -> bool:
    """Whether the figure's sentence names the person, as a mention of them or by name.

    The person a story is about owns only the figures of sentences that name them: in a
    story about a striker, "Silva has scored 12 goals this season" is his, "the stadium
    holds 40,000" and "the two clubs met twice" are not. A figure outside the body
    (standfirst, caption) keeps the topic.
    """
    if figure.part is not TextPart.BODY:
        return True
    sentence = figure.sentence
    return any(
        m.local_entity == person.index and sentence.start <= m.span.start < sentence.end
        for m in mentions
    ) or printed_in(person, body[sentence.start : sentence.end])


# Nouns for entities of the kinds a story is about: "the two countries", "our two nations".
_ENTITY_NOUNS = frozenset(
    {"countries", "nations", "states", "governments", "leaders", "sides", "companies",
     "firms", "rivals", "teams", "clubs", "parties", "groups", "automakers", "carmakers",
     "airlines", "banks", "men", "women"}
)  # fmt: skip
_DEFINITE_BEFORE = re.compile(r"\b(?:the|these|those|our|their)\s+$", re.IGNORECASE)


def of_several(body: str, figure: FigureCandidate) -> bool:
    """Whether the figure counts a set of entities told as known ("the two countries",
    "our two nations", "the three leaders", "the fifteen countries of the Eurogroup"): one
    figure said of several subjects is no figure of the story's one."""
    return (
        figure.part is TextPart.BODY
        and figure.value >= 2
        and bool({figure.property, figure.unit} & _ENTITY_NOUNS)
        and _DEFINITE_BEFORE.search(body, max(0, figure.span.start - 8), figure.span.start)
        is not None
    )


def told_before(body: str, figure: FigureCandidate) -> bool:
    """Whether an age describes someone the story has told of, as "the 37-year-old" does;
    "a 36-year-old climber" is someone new (and a place or a party is no age's)."""
    return figure.part is TextPart.BODY and not indefinite(body, figure.span)
