"""Scores and tallies printed as two numbers with a dash, and a side's record, which is none."""

from __future__ import annotations

import pytest

from service.ingest.figures.numbers import find_numbers


def test_a_score_printed_after_a_win_is_still_a_result() -> None:
    text = "The Rams beat the Bears 24-10 on Sunday in the game"
    assert [(n.value, n.unit) for n in find_numbers(text)] == [(24, "score")]


def test_a_score_is_read_where_a_loss_is_named() -> None:
    text = "The striker was hurt in a 3-2 loss to Leeds"
    assert [(n.value, n.unit) for n in find_numbers(text)] == [(3, "score")]


@pytest.mark.parametrize(
    "text", ["The firm booked a loss of 5-6 million on the deal", "The shop lost $3-4 a unit"]
)
def test_an_amount_is_no_score(text: str) -> None:
    assert all(n.unit != "score" for n in find_numbers(text))


@pytest.mark.parametrize(
    "text",
    ["The Colts beat the visiting Bears, 31-24, on Sunday", "Sweden are 1-0 up after the goal"],
)
def test_a_score_before_a_comma_or_while_a_side_is_up_is_a_result(text: str) -> None:
    assert [n.unit for n in find_numbers(text)] == ["score"]
