from __future__ import annotations

import pytest

from service.ingest.figures.words import find_word_amounts
from service.ingest.model import Approximation


@pytest.mark.parametrize(
    ("text", "printed", "approx"),
    [
        ("A bus left the road near the border, killing one woman.", "one woman",
         Approximation.EXACT),
        ("The tremor toppled a wall and injured at least one person.", "at least one person",
         Approximation.AT_LEAST),
        ("The guard shot one man in the leg.", "one man", Approximation.EXACT),
    ],
)  # fmt: skip
def test_one_person_harmed_after_the_verb_is_a_toll_of_one(
    text: str, printed: str, approx: Approximation
) -> None:
    found = [
        (text[n.span.start : n.span.end], n.value, n.unit, n.approximation)
        for n in find_word_amounts(text)
    ]
    assert found == [(printed, 1.0, "people", approx)]


@pytest.mark.parametrize(
    "text", ["The storm killed one of the drivers.", "The gunman killed one, police said."]
)
def test_one_that_names_no_person_harmed_is_no_toll(text: str) -> None:
    assert find_word_amounts(text) == ()


def test_one_count_of_an_indictment_is_a_figure() -> None:
    text = "She admitted one count each of theft and fraud."
    found = [(text[n.span.start : n.span.end], n.value, n.unit) for n in find_word_amounts(text)]
    assert found == [("one count", 1.0, "counts")]


@pytest.mark.parametrize(
    ("text", "printed", "value", "approx"),
    [
        ("Rents rose by roughly one-fifth in the city.", "roughly one-fifth", 20.0,
         Approximation.ABOUT),
        ("That is about one-fourth of the rise in costs.", "about one-fourth", 25.0,
         Approximation.ABOUT),
        ("A bloc larger than a third to block the bill.", "larger than a third", 33.33,
         Approximation.MORE_THAN),
        ("Two-thirds of the members voted yes.", "Two-thirds", 66.67, Approximation.EXACT),
        # "of" left out
        ("Half the ceiling of the hall fell in.", "Half", 50.0, Approximation.EXACT),
        ("Nearly half their crops were lost.", "Nearly half", 50.0, Approximation.NEARLY),
    ],
)  # fmt: skip
def test_a_fraction_is_a_share_in_percent_to_two_places(
    text: str, printed: str, value: float, approx: Approximation
) -> None:
    found = [
        (text[n.span.start : n.span.end], n.value, n.unit, n.approximation)
        for n in find_word_amounts(text)
    ]
    assert found == [(printed, value, "percent", approx)]


def test_half_the_time_is_a_saying_and_no_share() -> None:
    assert find_word_amounts("Half the time the lift is broken.") == ()


def test_a_third_after_than_that_counts_a_time_is_no_fraction() -> None:
    assert find_word_amounts("The side lost more than a third time this year.") == ()


@pytest.mark.parametrize(
    ("text", "printed", "value"),
    [
        ("Officials said one in every 400 ballots was spoiled.", "one in every 400", 0.25),
        ("One in three riders now pays by phone.", "One in three", 33.33),
        ("Nearly one out of every 20 homes lost power.", "Nearly one out of every 20", 5.0),
    ],
)
def test_one_of_every_so_many_is_a_share_in_percent(text: str, printed: str, value: float) -> None:
    found = [(text[n.span.start : n.span.end], n.value, n.unit) for n in find_word_amounts(text)]
    assert found == [(printed, value, "percent")]


def test_one_in_a_length_of_time_is_no_share() -> None:
    assert find_word_amounts("A train leaves one in 10 minutes.") == ()


@pytest.mark.parametrize(
    ("text", "printed", "unit"),
    [
        ("Only one Canadian reached double digits in points for the night.", "double digits",
         "points"),
        ("The rookie has logged double-digit minutes in each of his last five starts.",
         "double-digit minutes", "minutes"),
        ("The home side pushed its lead to double figures before the break.", "double figures",
         "count"),
        ("Exporters expect double-digit growth next year.", "double-digit growth", "percent"),
    ],
)  # fmt: skip
def test_double_digits_are_ten_to_ninety_nine(text: str, printed: str, unit: str) -> None:
    found = [
        (text[n.span.start : n.span.end], n.value, n.upper_bound, n.approximation, n.unit)
        for n in find_word_amounts(text)
    ]
    assert found == [(printed, 10.0, 99.0, Approximation.VAGUE, unit)]


def test_a_double_digit_winner_names_no_unit() -> None:
    assert find_word_amounts("The singer, a double-digit Grammy winner, will host.") == ()


@pytest.mark.parametrize(
    ("text", "printed", "value"),
    [
        ("Skaters braved a night of minus 12 degrees on the lake.", "minus 12 degrees", -12.0),
        ("Crews worked in minus-30 degree cold to restore power.", "minus-30 degree", -30.0),
        ("The mercury fell to minus 4.5C overnight.", "minus 4.5C", -4.5),
    ],
)
def test_a_temperature_below_zero_in_words_is_negative(
    text: str, printed: str, value: float
) -> None:
    found = [(text[n.span.start : n.span.end], n.value, n.unit) for n in find_word_amounts(text)]
    assert found == [(printed, value, "degrees")]


def test_half_a_ton_is_half_a_tonne() -> None:
    text = 'Agents carted off "half a ton" of ledgers and about half a tonne of seized cash.'
    found = [
        (text[n.span.start : n.span.end], n.value, n.unit, n.approximation)
        for n in find_word_amounts(text)
    ]
    assert found == [
        ("half a ton", 0.5, "tonnes", Approximation.EXACT),
        ("about half a tonne", 0.5, "tonnes", Approximation.ABOUT),
    ]
