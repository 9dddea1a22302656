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
