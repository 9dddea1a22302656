"""Earthquakes: a number that is a quake's magnitude, and a count of quakes."""

from __future__ import annotations

import pytest

from tests.ingest.figures.reading import figures_by_text, reading_of


@pytest.mark.parametrize(
    ("sentence", "text", "concept"),
    [
        # a quake's magnitude, however the copy prints it
        (
            "Aftershocks ranging from 3.1 to 4.2 degrees on the Richter scale followed.",
            "3.1 to 4.2 degrees",
            "magnitude",
        ),
        ("A 5.9-strength quake shook the province in 2011.", "5.9", "magnitude"),
        ("There have been at least six aftershocks of around 4.5.", "around 4.5", "magnitude"),
        (
            "The region had 31 aftershocks stronger than four on the Richter scale.",
            "31",
            "aftershocks",
        ),
        # the unit's word names no measure where a noun before it does
        ("The quake had a depth of 6.2 miles, the survey said.", "6.2 miles", "depth"),
        ("He had two runs of 70 or more yards this season.", "70 or more", "distance"),
    ],
)
def test_quakes_and_depths(sentence: str, text: str, concept: str) -> None:
    assert reading_of(sentence, text)[0] == concept


def test_a_magnitude_is_in_magnitude_whatever_unit_the_copy_prints() -> None:
    figures = figures_by_text(
        "Quake hits island\n\nA quake hit the island on Sunday. Aftershocks ranging from "
        "3.1 to 4.2 degrees on the Richter scale followed on Monday.\n"
    )
    assert figures["3.1 to 4.2 degrees"].unit == "magnitude"
