"""Number words that are part of a group's name, not a count: "the two Koreas" (the
plural of a place that is split in two, "North Korea" and "South Korea"), "the big three
carmakers" (a name, as "the Big Three" is)."""

from __future__ import annotations

import re

from service.ingest.mentions.gazetteer import place_canonical

# "the two Koreas", "both Germanys": a definite count before a capitalised plural
_DEFINITE_BEFORE = re.compile(r"\b(?:[Tt]he|[Bb]oth)\s+$")
_PLURAL_AFTER = re.compile(r"\s+(?P<single>[A-Z][a-z]{2,})s\b")

# "the big three American car manufacturers": "big" names the group
_BIG_BEFORE = re.compile(r"\b[Tt]he\s+big\s+$")

# The halves a split country's parts are named by: "North Korea", "East Germany"
_HALVES = ("North", "South", "East", "West")


def _place_in_halves(single: str) -> bool:
    """Whether a word names a listed place, itself or by its halves ("Korea": "North
    Korea")."""
    return place_canonical(single) is not None or any(
        place_canonical(f"{half} {single}") is not None for half in _HALVES
    )


def names_a_group(body: str, start: int, end: int) -> bool:
    """Whether the number word at ``body[start:end]`` is part of a group's name: "the two
    Koreas" names the two states of one split country, as "the two Germanys" did (a count
    of places would print "the two countries"); "the big three" names the largest three of
    a trade (neither "the two Americans" nor "the two Dreamliners": no place is named)."""
    before = body[max(0, start - 12) : start]
    if _BIG_BEFORE.search(before):
        return True
    if not _DEFINITE_BEFORE.search(before):
        return False
    plural = _PLURAL_AFTER.match(body, end)
    return plural is not None and _place_in_halves(plural.group("single"))
