"""How training/organizations.py reads its sources: legal suffixes, club files, ambiguity."""

from __future__ import annotations

from functools import cache

import pytest

from training.organizations import (
    Ambiguity,
    club_groups,
    company_groups,
    company_names,
    unshared,
)


@cache
def ambiguity() -> Ambiguity:
    return Ambiguity()


@pytest.mark.parametrize(
    ("security", "names"),
    [
        ("Tesla, Inc.", ["Tesla", "Tesla, Inc."]),
        ("Alphabet Inc. (Class A)", ["Alphabet", "Alphabet Inc."]),
        ("Home Depot (The)", ["Home Depot", "The Home Depot"]),
        ("Ford Motor Company", ["Ford Motor", "Ford Motor Company"]),
        ("Procter & Gamble", ["Procter & Gamble"]),
        ("Booking Holdings", ["Booking", "Booking Holdings"]),
    ],
)
def test_company_names(security: str, names: list[str]) -> None:
    assert company_names(security) == names


def test_company_groups_leave_out_the_bare_common_word_and_repeated_classes() -> None:
    csv_text = (
        "Symbol,Security,GICS Sector\n"
        "TGT,Target Corporation,Consumer\n"
        "GOOGL,Alphabet Inc. (Class A),Communication\n"
        "GOOG,Alphabet Inc. (Class C),Communication\n"
    )
    assert company_groups(csv_text, ambiguity()) == [
        ["Target Corporation"],
        ["Alphabet", "Alphabet Inc."],
    ]


CLUB_FILE = """\
= Somewhere

Bayern München, 1900,    @ Allianz Arena,   München
  | Bayern | Bayern Mün.
  | FC Bayern | Bayern Munich [en] | Bayern Múnich [es]
 Säbener Straße 51-57 // 81547 München
ii) Bayern München II
  | Bayern II

Liverpool FC, 1892, @ Anfield, Liverpool   ## Merseyside
  | Liverpool | FC Liverpool   # short
"""


def test_club_groups_prefer_the_english_name_and_skip_reserves_and_places() -> None:
    assert club_groups(CLUB_FILE, ambiguity()) == [
        ["Bayern Munich", "Bayern München", "Bayern", "FC Bayern"],
        ["Liverpool FC", "FC Liverpool"],
    ]


@pytest.mark.parametrize(
    ("variant", "ambiguous"),
    [
        ("Target", True),  # a common word
        ("Chelsea", True),  # a given name
        ("Barcelona", True),  # a place
        ("SCC", True),  # short initials
        ("Watford", True),
        ("Charles Schwab", True),  # a person's name as well
        ("Tesla", False),  # a trade name the lemmatizer also holds
        ("Juventus", False),
        ("Tottenham", False),
        ("Chelsea FC", False),
        ("Meta Platforms", False),
    ],
)
def test_ambiguous_variants(variant: str, ambiguous: bool) -> None:
    assert ambiguity().ambiguous(variant) is ambiguous


def test_a_variant_two_clubs_give_names_neither() -> None:
    groups = [
        ["Tekstilshchik Ivanovo", "Tekstilshchik"],
        ["Tekstilshchik Kamyshin", "Tekstilshchik"],
        ["Tekstilshchik"],
    ]
    assert unshared(groups) == [["Tekstilshchik Ivanovo"], ["Tekstilshchik Kamyshin"]]
