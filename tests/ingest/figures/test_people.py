"""Counts of people and of things: capacity, people harmed beside things destroyed."""

from __future__ import annotations

import pytest

from tests.ingest.figures.reading import figures_by_text, reading_of


@pytest.mark.parametrize(
    ("sentence", "text", "concept"),
    [
        # how many people a plane, a bus or a hall can take is its capacity
        ("The new jet can carry up to 420 passengers on long routes.", "up to 420",
         "capacity"),
        ("The ferry, which could hold 900 people, was built in 1998.", "900 people",
         "capacity"),
        ("The longer model, able to carry 380 passengers, flies next year.", "380",
         "capacity"),
        ("The new ferry is capable of carrying 1,200 passengers.", "1,200", "capacity"),
        # a range a type takes, told in the present or future, is what it can take
        ("The jet carries between 180 and 220 passengers.", "between 180 and 220",
         "capacity"),
        ("The jet will carry between 180 and 220 passengers.", "between 180 and 220",
         "capacity"),
    ],
)  # fmt: skip
def test_what_a_vehicle_can_carry_is_its_capacity(sentence: str, text: str, concept: str) -> None:
    assert reading_of(sentence, text)[0] == concept, sentence


def test_who_is_aboard_is_no_capacity() -> None:
    assert reading_of("A bus carrying 40 passengers overturned.", "40")[0] != "capacity"
    on_the_trip = "The bus carried between 30 and 40 passengers when it overturned."
    assert reading_of(on_the_trip, "between 30 and 40")[0] != "capacity"


def test_others_injured_beside_homes_destroyed_are_injured() -> None:
    """ "120 others injured and more than 600 homes destroyed": the parse makes the homes
    the others' object; the others are still people, and injured."""
    figures = figures_by_text(
        "Storms hit the coast\n\nAt least four people were killed, 120 others injured and"
        " more than 600 homes destroyed by the storms, officials said.\n"
    )
    assert figures["120 others"].property == "injured"
    assert figures["more than 600"].property == "buildings_damaged"


@pytest.mark.parametrize(
    ("sentence", "text", "concept"),
    [
        # people who fled across a border are refugees, those waiting on a claim asylum
        # seekers: each its own count, not the displaced of a disaster
        ("The camp near the border is now home to more than 18,000 refugees.",
         "more than 18,000 refugees", "refugees"),
        ("About 300 asylum seekers waited at the crossing on Tuesday.", "About 300",
         "asylum_seekers"),
        # what happened to them still names the count, as it does for protesters
        ("The shelling killed 20 refugees in the camp.", "20 refugees", "deaths"),
        ("The navy rescued 450 asylum seekers off the coast.", "450", "rescued"),
    ],
)  # fmt: skip
def test_refugees_and_asylum_seekers_are_counted_by_their_noun(
    sentence: str, text: str, concept: str
) -> None:
    assert reading_of(sentence, text)[0] == concept, sentence


@pytest.mark.parametrize(
    ("sentence", "text"),
    [
        ("The ferry sank an hour after leaving port, carrying 212 passengers.", "212"),
        ("The jet landed safely with 168 passengers on board.", "168"),
    ],
)
def test_passengers_aboard_are_no_customers(sentence: str, text: str) -> None:
    # who is aboard a trip bought nothing there: the counted noun is the key
    assert reading_of(sentence, text)[0] == "passengers", sentence


@pytest.mark.parametrize(
    ("sentence", "text", "concept"),
    [
        ("About 40 hotel guests had to be evacuated overnight.", "About 40", "evacuated"),
        ("Some 300 villagers needed to be rescued from the floodwaters.", "Some 300",
         "rescued"),
        ("Nearly 2,000 residents were forced to flee.", "Nearly 2,000 residents", "displaced"),
    ],
)  # fmt: skip
def test_what_an_infinitive_after_having_to_does_to_the_subject_names_it(
    sentence: str, text: str, concept: str
) -> None:
    assert reading_of(sentence, text)[0] == concept, sentence


def test_a_deed_the_subject_had_to_do_to_others_names_no_count_of_it() -> None:
    # the officers arrested, they were not arrested
    sentence = "Some 300 officers had to arrest the rioters."
    assert reading_of(sentence, "Some 300 officers")[0] != "detained"
