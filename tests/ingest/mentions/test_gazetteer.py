"""The organisation lists: provenance on every generated file, no ambiguous variant, and
well-known companies, clubs and parties found whole in copy written for these tests."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import pytest

from service.ingest.mentions import gazetteer as gz
from service.ingest.mentions.entities import find_mentions
from service.ingest.mentions.names import name_key
from service.ingest.model import EntityKind
from service.ingest.nlp.model import analyse
from service.ingest.parse.sentences import split_sentences
from training.organizations import CLUBS, COMPANIES, Ambiguity

# A hand list held to the generated lists' rule.
WORLD = COMPANIES.with_name("companies_world.txt")
PERSON, ORG, PLACE = EntityKind.PERSON, EntityKind.ORGANIZATION, EntityKind.PLACE


def entities(body: str) -> list[tuple[EntityKind, str]]:
    _, found = find_mentions(body, split_sentences(body), analyse(body))
    return [(e.kind, e.name) for e in found]


@cache
def ambiguity() -> Ambiguity:
    return Ambiguity()


@pytest.mark.parametrize("path", [COMPANIES, CLUBS], ids=lambda p: p.name)
def test_a_generated_list_records_its_source_commit_and_licence(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    header = "\n".join(line for line in text.splitlines() if line.startswith("#"))
    assert re.search(r"Source: github\.com/[\w.-]+/[\w.-]+", header)
    assert re.search(r"commit [0-9a-f]{40}", header)
    assert re.search(r"licence (ODC-PDDL-1\.0|CC0-1\.0)", header)
    assert "training/organizations.py" in header
    groups = [line.split(" | ") for line in text.splitlines() if line and line[0] != "#"]
    assert len(groups) > 400
    assert all(all(v.strip() == v and v for v in group) for group in groups)


@pytest.mark.parametrize("path", [COMPANIES, CLUBS, WORLD], ids=lambda p: p.name)
def test_no_listed_variant_is_a_person_place_or_common_word(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    variants = [
        v for line in text.splitlines() if line and line[0] != "#" for v in line.split(" | ")
    ]
    assert [v for v in variants if ambiguity().ambiguous(v)] == []


def test_no_generated_variant_names_two_organisations() -> None:
    owners: dict[str, set[str]] = {}
    for path in (COMPANIES, CLUBS, WORLD):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line and line[0] != "#":
                group = line.split(" | ")
                for variant in group:
                    owners.setdefault(name_key(variant), set()).add(group[0])
    assert {key: names for key, names in owners.items() if len(names) > 1} == {}


@pytest.mark.parametrize(
    ("name", "canonical"),
    [
        ("Tesla, Inc.", "Tesla"),
        ("Alphabet Inc.", "Alphabet"),
        ("The Home Depot", "Home Depot"),
        ("Spurs", "Tottenham Hotspur"),
        ("FC Bayern München", "Bayern Munich"),
        ("PiS", "Law and Justice"),
        ("Meta", "Facebook"),  # the hand list wins over "Meta Platforms"
        ("Target", None),
        ("Visa", None),
        ("Arsenal", None),
        ("Chelsea", None),
        ("Barcelona", None),
        ("Charles Schwab", None),
        ("SC", None),  # no club's "SCC" (doubled letters key as one)
    ],
)
def test_listed_names(name: str, canonical: str | None) -> None:
    assert gz.organization_canonical(name) == canonical


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # a company the recogniser misses at a sentence start
        ("Tesla delivered 435,059 vehicles in the quarter.", [(ORG, "Tesla")]),
        # one it takes for a place after "of"
        ("Shares of Nvidia rose 4% in New York.", [(ORG, "Nvidia"), (PLACE, "New York")]),
        ("Shares of Siemens fell 3% in Frankfurt.", [(ORG, "Siemens"), (PLACE, "Frankfurt")]),
        # clubs it takes for a person or a place
        ("Bayern Munich beat Borussia Dortmund 3-1.",
         [(ORG, "Bayern Munich"), (ORG, "Borussia Dortmund")]),
        ("Tottenham lost 2-0 to Manchester City, and Spurs are now eighth.",
         [(ORG, "Tottenham"), (ORG, "Manchester City"), (ORG, "Spurs")]),
        ("Reading beat Everton 2-1 at home.", [(ORG, "Everton")]),
        # parties, whole though they hold "and", and at a sentence start
        ("Law and Justice won 35.4% of the vote.", [(ORG, "Law and Justice")]),
        ("Alternative for Germany polled 20.8%.", [(ORG, "Alternative for Germany")]),
        ("Fidesz won 52% of the vote.", [(ORG, "Fidesz")]),
        # companies outside the S&P 500 the recogniser misses or takes for a person
        ("Glencore said output of copper fell 5%.", [(ORG, "Glencore")]),
        ("Novo Nordisk raised its outlook.", [(ORG, "Novo Nordisk")]),
        ("Voters backed Law and Justice and Civic Coalition equally.",
         [(ORG, "Law and Justice"), (ORG, "Civic Coalition")]),
        ("The Conservative and Unionist Party lost 48 seats.",
         [(ORG, "Conservative and Unionist Party")]),
        ("Dagenham and Redbridge drew 0-0 with Brighton & Hove Albion.",
         [(ORG, "Dagenham and Redbridge"), (ORG, "Brighton & Hove Albion")]),
        # common words and people stay what they are
        ("Target prices rose. Progressive taxes fell.", []),
        ("Chelsea Clinton visited Boston.", [(PERSON, "Chelsea Clinton"), (PLACE, "Boston")]),
        ("Ralph Lauren said the brand would open 20 stores.", [(PERSON, "Ralph Lauren")]),
    ],
)  # fmt: skip
def test_listed_organisations_in_copy(body: str, expected: list[tuple[EntityKind, str]]) -> None:
    assert entities(body) == expected
