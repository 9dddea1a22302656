"""Whose money a central bank moves: its country's, as a government's is ("the Bank of
Japan injected ¥1 trillion": Japan's; "Central Bank chairman Sergei Ignatiev ... freeing
up an additional 300 billion ruble": the story's country's).
"""

from __future__ import annotations

import re

from service.ingest.mentions import gazetteer as gz
from service.ingest.mentions.places import country_of_demonym

# The story's own country: a central bank named without one ("the Central Bank").
STORY_COUNTRY = ""

# "Central Bank of Russia", "Reserve Bank of Australia", "People's Bank of China"; and
# "Bank of Japan", but only for the countries whose central bank is called so (never
# "Bank of America", "Bank of China", "Bank of Ireland": commercial banks).
_BANK_OF = re.compile(
    r"(?:the\s+)?(?P<kind>(?:central|reserve|people['’]s)\s+)?bank\s+of\s+(?:the\s+)?(?P<place>.+)",
    re.IGNORECASE,
)
_BANK_OF_COUNTRIES = frozenset(
    {"Japan", "England", "Canada", "Korea", "Israel", "Thailand", "Italy",
     "France", "Spain", "Portugal", "Greece", "Finland", "Mexico", "Russia", "Jamaica",
     "Ghana", "Uganda", "Tanzania", "Zambia", "Botswana", "Namibia", "Algeria", "Lebanon"}
)  # fmt: skip
# "Russian Central Bank", "Swiss National Bank"
_ADJECTIVE_BANK = re.compile(
    r"(?:the\s+)?(?P<adjective>[A-Z][\w.]*)\s+(?:central|national)\s+bank", re.IGNORECASE
)
# "the Federal Reserve", "the U.S. Federal Reserve", "the Fed"
_FEDERAL_RESERVE = re.compile(
    r"(?:the\s+)?(?:(?:U\.?S\.?|United\s+States)\s+)?"
    r"(?:Federal\s+Reserve(?:\s+(?:Board|System|Bank))?|Fed)",
    re.IGNORECASE,
)
_BARE = re.compile(r"(?:the\s+)?central\s+bank", re.IGNORECASE)


def bank_country(name: str) -> str | None:
    """The listed name of the country whose central bank ``name`` is ("Bank of England"
    -> United Kingdom, "U.S. Federal Reserve" -> United States, "Russian Central Bank" ->
    Russia), ``STORY_COUNTRY`` for one named without a country ("the Central Bank"), and
    None for any other name ("Bank of America", "European Central Bank": no country)."""
    text = " ".join(name.split())
    if _BARE.fullmatch(text):
        return STORY_COUNTRY
    if _FEDERAL_RESERVE.fullmatch(text):
        return gz.place_canonical("United States")
    if (match := _BANK_OF.fullmatch(text)) is not None:
        place = match.group("place")
        if match.group("kind") is None and place not in _BANK_OF_COUNTRIES:
            return None
        return _country(place)
    if (match := _ADJECTIVE_BANK.fullmatch(text)) is not None:
        adjective = match.group("adjective")
        return country_of_demonym(adjective) or _country(adjective)
    return None


def _country(place: str) -> str | None:
    """The listed name of a country; England's bank is the United Kingdom's."""
    canonical = gz.place_canonical(place)
    return "United Kingdom" if canonical == "England" else canonical
