"""Places in a ranking: numbered ranks and ordinal places reached, never names."""

from __future__ import annotations

import pytest

from service.ingest.figures.numbers import find_numbers

RANKS = [
    # (text, printed rank, value)
    ("Its search engine is the #2 site after Baidu.", "#2", 2),
    ("Over the summer the app has been #4, behind Zoom.", "#4", 4),
    ("The chain became the No. 1 toy seller in Canada.", "No. 1", 1),
    ("Smith was the No. 3 official at the agency.", "No. 3", 3),
    ("The Rams lost to No. 6-ranked Oregon on Sunday.", "No. 6", 6),
    ("It ranked No. 2 in sales", "No. 2", 2),
    ("the browser is now the #2 in the market", "#2", 2),
    ("The blog rose to number 5 in the Nielsen rankings.", "number 5", 5),
    ("It remains the number one carrier in the region.", "number one", 1),
    ("If sales keep sliding, the brand could drop to fifth place.", "fifth place", 5),
    ("The Dutch rider finished in 12th place.", "12th place", 12),
]


@pytest.mark.parametrize(("text", "printed", "value"), RANKS)
def test_a_place_in_a_ranking_is_a_rank(text: str, printed: str, value: float) -> None:
    found = [n for n in find_numbers(text) if text[n.span.start : n.span.end] == printed]
    assert [(n.value, n.unit) for n in found] == [(value, "rank")]


NOT_RANKS = [
    "His No. 23 jersey was retired by the club.",
    "The lawyer showed the jury exhibit number one.",
    "A Number 10 spokesperson declined to comment.",
    "They should never have signed the deal in the first place.",
    "Lee won a seat as second place in the district.",
]


@pytest.mark.parametrize("text", NOT_RANKS)
def test_a_numbered_name_or_an_idiom_is_no_rank(text: str) -> None:
    assert [n for n in find_numbers(text) if n.unit == "rank"] == []
