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
    ],
)  # fmt: skip
def test_what_a_vehicle_can_carry_is_its_capacity(sentence: str, text: str, concept: str) -> None:
    assert reading_of(sentence, text)[0] == concept, sentence


def test_who_is_aboard_is_no_capacity() -> None:
    assert reading_of("A bus carrying 40 passengers overturned.", "40")[0] != "capacity"


def test_others_injured_beside_homes_destroyed_are_injured() -> None:
    """ "120 others injured and more than 600 homes destroyed": the parse makes the homes
    the others' object; the others are still people, and injured."""
    figures = figures_by_text(
        "Storms hit the coast\n\nAt least four people were killed, 120 others injured and"
        " more than 600 homes destroyed by the storms, officials said.\n"
    )
    assert figures["120 others"].property == "injured"
    assert figures["more than 600"].property == "buildings_damaged"
