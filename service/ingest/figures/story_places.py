"""The story's places: the ones the copy marks as cities ("the country's largest city,
Almaty"), and its most mentioned city or country."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from service.ingest.mentions.places import countries_of, place_type, same_place
from service.ingest.model import EntityKind, MentionCandidate

_CITY_BEFORE = re.compile(r"\b(?:city|capital|town)(?:\s+of)?,?\s*$", re.IGNORECASE)
_CITY_AFTER = re.compile(
    r"^(?:,\s*(?:the\s+)?[\w’'-]+\s+(?:largest|biggest|second|main|capital)\b"
    r"|(?:,\s*[A-Z][\w-]*)*,?\s+and\s+other\s+(?:towns\s+and\s+)?cities)",
)


def city_entities(body: str, mentions: Sequence[MentionCandidate]) -> frozenset[int]:
    """PLACE entities the copy marks as cities ("the country's largest city, Almaty"), or
    GeoNames does, unless the copy calls them an island or a province."""
    cities: set[int] = set()
    for m in mentions:
        if m.kind is not EntityKind.PLACE or m.local_entity < 0:
            continue
        before = body[max(0, m.span.start - 40) : m.span.start]
        after = body[m.span.end : m.span.end + 80]
        dateline = m.span.start < 3 and m.text.isupper()
        if (
            _CITY_BEFORE.search(before)
            or _CITY_AFTER.match(after)
            or dateline
            or place_type(m.name) == "city"
        ):
            cities.add(m.local_entity)
    # A place the copy calls an island or a province is none, though GeoNames knows a
    # town of its name: "jolted Qeshm island off Iran's southern coast" (not "New York
    # state", which leaves the city a city).
    wider = {m.local_entity for m in mentions if _ISLAND_AFTER.match(body, m.span.end)}
    return frozenset(cities - wider)


_ISLAND_AFTER = re.compile(r"\s+(?:island|islands|province|peninsula)\b", re.IGNORECASE)


def main_place(
    mentions: Sequence[MentionCandidate], cities: frozenset[int], *, city: bool
) -> int | None:
    """The article's most mentioned city (``city``) or non-city place, else any place. The
    country of a story is a country today (never the "Soviet Union" of its background)."""
    places = [m.local_entity for m in mentions if m.kind is EntityKind.PLACE]
    counts = Counter(places)
    countries = {m.local_entity for m in mentions if place_type(m.name) == "country"}
    wanted = [p for p in counts if (p in cities) == city]
    if not city:
        wanted = [p for p in wanted if p in countries] or wanted
        # A country counts the mentions of its cities too: a quake "between the Nepalese
        # capital Kathmandu and ... Pokhara" is Nepal's, though India is named as often.
        names = {m.local_entity: m.name for m in mentions if m.local_entity in countries}
        homes = countries_of(
            m.name for m in mentions if m.kind is EntityKind.PLACE and m.local_entity in cities
        )
        for p, name in names.items():
            counts[p] += sum(n for home, n in homes.items() if same_place(home, name))
    wanted = wanted or list(counts)
    return max(wanted, key=lambda p: (counts[p], -places.index(p))) if wanted else None
