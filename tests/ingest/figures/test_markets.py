"""Where a market stood, read from the parse (sentences written for these tests)."""

from __future__ import annotations

import pytest

from tests.ingest.figures.test_concepts import reading_of


@pytest.mark.parametrize(
    ("sentence", "text", "concept"),
    [
        # a market's low, high or record is a level of the index
        (
            "The Nikkei touched an intraday low of 8,115.41 before recovering.",
            "8,115.41",
            "index_level",
        ),
        (
            "The FTSE 100 index is still below its all-time high of 7,877.",
            "7,877",
            "index_level",
        ),
        # with no market in view, a high is a count of its own
        ("The striker reached a career high of 31 goals this season.", "31", "goals"),
    ],
)
def test_a_markets_extremes_are_its_level(sentence: str, text: str, concept: str) -> None:
    assert reading_of(sentence, text)[0] == concept
