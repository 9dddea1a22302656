"""Digits glued to a letter after a name name a model, not an amount; a scale printed
apart from the digits still makes one."""

from __future__ import annotations

import pytest

from service.ingest.figures.numbers import find_numbers


@pytest.mark.parametrize(
    "text",
    [
        "The laptop ships with a Radeon 7700M graphics chip and 16GB of memory.",
        "Its older router supports only Wi-Fi 802.11b and one aerial.",
        "The tablet pairs an Nvidia 3050M chip with a 14-inch screen.",
    ],
)
def test_a_letter_glued_to_digits_after_a_name_names_a_model(text: str) -> None:
    found = [text[n.span.start : n.span.end] for n in find_numbers(text)]
    assert not any(p.startswith(("7700", "802", "3050")) for p in found)


def test_a_spelled_scale_after_a_name_still_makes_an_amount() -> None:
    text = "A court in Madrid fined Meta 200 million euros on Friday."
    found = [text[n.span.start : n.span.end] for n in find_numbers(text)]
    assert "200 million euros" in found
