"""A bare number word is a figure only where it counts people: harmed, a body of people,
"more" before a length of time."""

from __future__ import annotations

import pytest

from service.ingest.figures.numbers import find_numbers


@pytest.mark.parametrize(
    ("text", "printed"),
    [
        ("The blast, which police said killed nine, hit a crowded market.", "nine"),
        ("The shelling, which the army said wounded three, began at dawn.", "three"),
        ("Two people died and four were injured in the crash.", "four"),
    ],
)
def test_a_bare_number_word_that_is_harmed_counts_people(text: str, printed: str) -> None:
    found = {text[n.span.start : n.span.end]: n.unit for n in find_numbers(text)}
    assert found[printed] == "people"


@pytest.mark.parametrize(
    ("text", "printed"),
    [
        ("The inquiry's panel of nine, said its chair, met in private.", "nine"),
        ("The lifeboat put out with a crew of five (all volunteers).", "five"),
    ],
)
def test_a_body_of_people_counted_by_a_bare_number_word(text: str, printed: str) -> None:
    found = [(text[n.span.start : n.span.end], n.unit) for n in find_numbers(text)]
    assert found == [(printed, "people")]


def test_more_before_a_length_of_time_keeps_the_unit() -> None:
    text = "Three more years were added to his term; two more decades passed; 20 more people came."
    found = [(text[n.span.start : n.span.end], n.unit, n.value) for n in find_numbers(text)]
    assert found == [
        ("Three more years", "years", 3.0),
        ("two more decades", "years", 20.0),
        ("20 more people", "people", 20.0),
    ]
