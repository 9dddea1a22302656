"""Approximations of a number, and a restatement hedged as the amount it restates."""

from __future__ import annotations

import pytest

from service.ingest.figures.numbers import find_numbers
from service.ingest.model import Approximation

# A restatement of a hedged amount in another unit, or per share, is hedged alike.
HEDGED_ALIKE = [
    ("The ferry sank roughly 40 miles (64 km) off the coast.", "64 km", Approximation.ABOUT),
    (
        "The insurer expects a loss of more than $2.1 billion, or $3.40 per share.",
        "$3.40 per share",
        Approximation.MORE_THAN,
    ),
    ("The mill will shed about 800 jobs, or 6% of its staff.", "6%", Approximation.ABOUT),
]


@pytest.mark.parametrize(("text", "printed", "approx"), HEDGED_ALIKE)
def test_a_restated_amount_is_hedged_as_the_amount_is(
    text: str, printed: str, approx: Approximation
) -> None:
    found = {text[n.span.start : n.span.end]: n.approximation for n in find_numbers(text)}
    assert found[printed] is approx


def test_a_restatement_hedged_in_its_own_words_keeps_its_own_hedge() -> None:
    text = "Turnover rose by about $40 million, or nearly 12%, in the year."
    found = {text[n.span.start : n.span.end]: n.approximation for n in find_numbers(text)}
    assert found["nearly 12%"] is Approximation.NEARLY
