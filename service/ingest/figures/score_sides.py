"""Whose a match result is: the winner named after a loss ("England lost 2-1 to Spain"),
else the side printed first of the two before the score ("Sweden defeated South Korea
1 – 0")."""

from __future__ import annotations

import re

from service.ingest.figures.sentence_mentions import SentenceMentions
from service.ingest.model import (
    EntityKind,
)

# Where a match is played is no side: "In Paris, Djokovic beat Alcaraz", "at Wembley".
_VENUE = re.compile(r"\b(?:in|at|near)\s+(?:the\s+)?$", re.IGNORECASE)


# "England lost 2-1 to Spain", "were beaten 3-0 by Arsenal": the side named after the
# score won, and a result told winner first is the winner's, as in "Spain beat England
# 2-1"; one told from the loser's side ("lost 1 – 2 to England") is the loser's.
_LOST = re.compile(
    r"\b(?:lost|lose|loses|losing|fell|falls|went\s+down|succumbed|(?:were|was)\s+beaten"
    r"|(?:were|was)\s+defeated)\b[^,;]{0,40}$",
    re.IGNORECASE,
)
_TO_WINNER = re.compile(r"\s+(?:to|by|against)\s+(?:the\s+)?(?=[A-Z])")


def winner_after(sm: SentenceMentions, sentence: str, start: int, end: int) -> int | None:
    goals = [int(g) for g in re.findall(r"\d+", sentence[start:end])]
    if len(goals) != 2 or goals[0] <= goals[1]:
        return None  # "Tunisia lost 1 – 2 to England": told from the loser's side
    if not _LOST.search(sentence, max(0, start - 60), start):
        return None
    after = _TO_WINNER.match(sentence, end)
    if after is None:
        return None
    named = sm.first_after(
        sm.offset + after.end(), EntityKind.PLACE, EntityKind.ORGANIZATION, EntityKind.PERSON
    )
    return named.local_entity if named and named.span.start == sm.offset + after.end() else None


def first_side(sm: SentenceMentions, sentence: str, start: int) -> int | None:
    """A match result is of the side printed first of the two in its clause: "Sweden
    defeated South Korea 1 – 0; Belgium defeated Panama 3 – 0", "Group F — Sweden 1 – 0
    Korea Republic"."""
    clause = max(sentence.rfind(";", 0, start), sentence.rfind(" — ", 0, start)) + 1
    named = [
        m
        for m in sm.of_kind(EntityKind.PLACE, EntityKind.ORGANIZATION, EntityKind.PERSON)
        if sm.offset + clause <= m.span.start
        and m.span.end <= sm.offset + start
        and not _COMPETITION.search(sm.body, m.span.start, m.span.end)
        and not _VENUE.search(sm.body, max(0, m.span.start - 12), m.span.start)
    ]
    # Teams when the clause names any ("Granqvist scored, putting Sweden 1 – 0 up"), else
    # players ("Djokovic beat Alcaraz 7-6")
    teams = [m for m in named if sm.kind(m) is not EntityKind.PERSON]
    sides = teams or named
    # the two sides are the two names printed last before the score, the winner first
    # ("Yesterday, at the FIFA World Cup, Sweden defeated South Korea 1 – 0")
    distinct = list(dict.fromkeys(m.local_entity for m in sides))
    return distinct[-2] if len(distinct) >= 2 else distinct[0] if distinct else None


# A competition is where a match is played, never a side: "won the Champions League final
# 2-0", "Djokovic beat Alcaraz 6-3 in the US Open".
_COMPETITION = re.compile(
    r"\b(?:League|Cup|Championships?|Trophy|Open|Games|Olympics|Tournament|Series|Final)$"
)
