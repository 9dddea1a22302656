"""Ranges printed after a number, and a change with where it went, which is none."""

from __future__ import annotations

import pytest

from service.ingest.figures.numbers import find_numbers

# A change from one amount to another is two figures, the first of the second's unit.
CHANGES = [
    ("seats increased from 9 to 10.", [("9", 9.0, "count"), ("10", 10.0, "count")]),
    ("unemployment rose from 5 to 7 percent", [("5", 5.0, "percent"),
                                               ("7 percent", 7.0, "percent")]),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), CHANGES)
def test_a_change_from_one_amount_to_another_is_two_figures(
    text: str, expected: list[tuple[str, float, str]]
) -> None:
    found = [(text[n.span.start : n.span.end], n.value, n.unit) for n in find_numbers(text)]
    assert found == expected


@pytest.mark.parametrize(
    ("text", "printed", "value", "upper"),
    [
        ("The bid values the club at $300 million to $350 million.",
         "$300 million to $350 million", 3e8, 3.5e8),
        ("The offer is worth between €2 billion and €2.5 billion.",
         "between €2 billion and €2.5 billion", 2e9, 2.5e9),
        ("Tickets sell at prices ranging from $40 to $65.", "$40 to $65", 40.0, 65.0),
    ],
)  # fmt: skip
def test_a_range_of_money_with_its_currency_at_both_ends_is_one_figure(
    text: str, printed: str, value: float, upper: float
) -> None:
    found = [(text[n.span.start : n.span.end], n.value, n.upper_bound) for n in find_numbers(text)]
    assert found == [(printed, value, upper)]


@pytest.mark.parametrize(
    "text", ["The fare was cut by $20 to $79.", "Gold was down $4.10 to $1,180.50 an ounce."]
)
def test_a_move_and_where_it_ended_are_two_amounts(text: str) -> None:
    assert [n.upper_bound for n in find_numbers(text)] == [None, None]


@pytest.mark.parametrize(
    ("text", "printed", "value", "upper", "unit"),
    [
        ("Prices in the region fell by between four and nine percent last month.",
         "between four and nine percent", 4.0, 9.0, "percent"),
        ("The volunteers worked between thirty and forty hours a week.",
         "between thirty and forty hours", 30.0, 40.0, "hours"),
    ],
)  # fmt: skip
def test_a_range_in_words_between_two_numbers_is_one_figure(
    text: str, printed: str, value: float, upper: float, unit: str
) -> None:
    found = [
        (text[n.span.start : n.span.end], n.value, n.upper_bound, n.unit)
        for n in find_numbers(text)
    ]
    assert found == [(printed, value, upper, unit)]
