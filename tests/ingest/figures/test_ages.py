"""Ages printed as bare digits beside the person."""

from __future__ import annotations

import pytest

from service.ingest.figures.numbers import find_numbers


def test_ages_listed_after_the_people_they_are() -> None:
    text = "his two half-brothers, 17 and 22, were also arrested."
    found = [(text[n.span.start : n.span.end], n.unit, n.is_age) for n in find_numbers(text)]
    assert found == [("17", "years", True), ("22", "years", True)]


@pytest.mark.parametrize(
    ("text", "printed"),
    [
        ("The witness, Carla Reyes, now 19, told the court she ran.", "19"),
        ("The trial heard from Carla Reyes, now 19.", "19"),
        ("He retired young. At 41, he coaches a village side.", "41"),
    ],
)
def test_an_age_now_or_at_the_start_of_a_sentence(text: str, printed: str) -> None:
    found = [(text[n.span.start : n.span.end], n.unit, n.is_age) for n in find_numbers(text)]
    assert found == [(printed, "years", True)]
