"""The unit printed with a number: currencies, weights, areas, counts of an indictment."""

from __future__ import annotations

import pytest

from service.ingest.figures.numbers import find_numbers


def test_vague_sums_of_money_and_weights_in_pounds() -> None:
    text = (
        "The riots cost an estimated hundreds of millions of dollars, and millions of euros "
        "more; hundreds of dollar bills burned. He weighed 200 pounds and paid 200 pounds."
    )
    found = [(text[n.span.start : n.span.end], n.unit, n.value) for n in find_numbers(text)]
    assert found == [
        ("an estimated hundreds of millions of dollars", "USD", 1e8),
        ("millions of euros", "EUR", 1e6),
        ("hundreds", "count", 100.0),
        ("200 pounds", "lb", 200.0),
        ("200 pounds", "GBP", 200.0),
    ]


def test_a_weight_in_pounds_however_it_is_hedged() -> None:
    text = "The suspect is 6 feet tall and weighs approximately 180 pounds, or 82 kilograms."
    found = [(text[n.span.start : n.span.end], n.unit) for n in find_numbers(text)]
    assert ("approximately 180 pounds", "lb") in found


def test_counts_of_an_indictment_are_counts_not_people() -> None:
    text = "The driver faces three counts of fraud and one count of theft."
    found = [(text[n.span.start : n.span.end], n.value, n.unit) for n in find_numbers(text)]
    assert found == [("three counts", 3.0, "counts"), ("one count", 1.0, "counts")]


@pytest.mark.parametrize(
    ("text", "printed", "unit"),
    [
        ("The firm leases a 90,000-square-foot warehouse.", "90,000-square-foot", "sq ft"),
        ("The reserve is a 2,300-square-kilometre wetland.", "2,300-square-kilometre", "km2"),
        ("The new 12,000 square metre hall opens in May.", "12,000 square metre", "m2"),
        ("Mills shipped 8.2 million metric tons of copper.", "8.2 million metric tons", "tonnes"),
        ("The flat measures 750 sq. ft. in all.", "750 sq. ft.", "sq ft"),
    ],
)
def test_units_of_area_and_weight_of_two_words(text: str, printed: str, unit: str) -> None:
    found = [(text[n.span.start : n.span.end], n.unit) for n in find_numbers(text)]
    assert found == [(printed, unit)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Shares of both lenders slid 2.5 and 4 percent, respectively.",
         [("2.5", 2.5, "percent"), ("4 percent", 4.0, "percent")]),
        ("Exports of wheat and rice rose 12.5 and 30.1% respectively.",
         [("12.5", 12.5, "percent"), ("30.1%", 30.1, "percent")]),
        ("Both carmakers reported drops of six and eleven percent.",
         [("six", 6.0, "percent"), ("eleven percent", 11.0, "percent")]),
        ("Output grew 3 percent in 2006 and 5 percent in 2007.",
         [("3 percent", 3.0, "percent"), ("5 percent", 5.0, "percent")]),
    ],
)  # fmt: skip
def test_the_first_of_a_pair_shares_the_percent_printed_after_the_second(
    text: str, expected: list[tuple[str, float, str]]
) -> None:
    found = [(text[n.span.start : n.span.end], n.value, n.unit) for n in find_numbers(text)]
    assert found == expected


def test_a_sound_level_in_db_is_in_decibels() -> None:
    text = "The siren reaches 115 dB, louder than 90 decibels of traffic."
    found = [(text[n.span.start : n.span.end], n.unit) for n in find_numbers(text)]
    assert found == [("115 dB", "decibels"), ("90", "count")]


def test_a_number_word_counts_a_noun_after_a_dotted_acronym() -> None:
    text = "Three U.N. observers and two E.U. envoys arrived on Monday."
    found = [text[n.span.start : n.span.end] for n in find_numbers(text)]
    assert found == ["Three", "two"]


def test_a_number_word_counts_a_capitalised_plural() -> None:
    text = (
        "The senator met four Canadians and two Mayors, the striker scored three TDs, the "
        "carrier flies nine A321s, and he was hurt in training two Sundays ago."
    )
    found = [text[n.span.start : n.span.end] for n in find_numbers(text)]
    assert found == ["four", "two", "three", "nine"]
