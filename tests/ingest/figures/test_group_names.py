"""A number word that is part of a group's name counts nothing: "the two Koreas" (a
country split in two), "the big three" of a trade; a count of people or of planes named
in capitals still counts."""

from __future__ import annotations

import pytest

from service.ingest.figures.numbers import find_numbers


def _found(text: str) -> list[str]:
    return [text[n.span.start : n.span.end] for n in find_numbers(text)]


@pytest.mark.parametrize(
    "text",
    [
        "Talks between the two Koreas resumed at the border village on Monday.",
        "Trade between the two Germanys grew through the 1970s.",
        "Ford, the smallest of the big three Detroit carmakers, posted a loss.",
    ],
)
def test_a_number_word_in_a_group_name_counts_nothing(text: str) -> None:
    assert not any(p.startswith(("two", "three")) for p in _found(text))


@pytest.mark.parametrize(
    "text",
    [
        "The two Americans were freed on Tuesday.",
        "The airline took delivery of the two Dreamliners in May.",
    ],
)
def test_a_count_of_people_or_planes_named_in_capitals_still_counts(text: str) -> None:
    assert any(p.startswith("two") for p in _found(text))
