"""The first numbers of copy dense with them: a head read, the whole body otherwise."""

from __future__ import annotations

from pathlib import Path

import pytest

from service.ingest.figures.dense import MARGIN, first_numbers
from service.ingest.figures.number_match import NumberMatch
from service.ingest.figures.numbers import find_numbers

GOLD = sorted((Path(__file__).parents[2] / "gold").rglob("articles/*.txt"))


def _values(found: tuple[NumberMatch, ...]) -> list[tuple[int, int, float]]:
    return [(n.span.start, n.span.end, n.value) for n in found]


def test_a_dump_of_numbers_is_read_only_as_far_as_the_numbers_kept() -> None:
    """Past the 500 numbers kept, "Boeing 787" would make every bare 787 a model's name
    (none a figure): read to the end, the dump gives nothing; its head, 500 counts."""
    body = "Headline\n\n" + "787; " * 20_000 + "The Boeing 787 flew."
    assert find_numbers(body, 500) == ()
    found = first_numbers(body, 500)
    assert len(found) == 500
    assert all(n.value == 787 and n.span.end < 2_600 for n in found)


@pytest.mark.parametrize("path", GOLD, ids=lambda p: p.stem)
def test_real_copy_is_read_whole_as_before(path: Path) -> None:
    body = path.read_text(encoding="utf-8")
    assert _values(first_numbers(body, 500)) == _values(find_numbers(body, 500))


def test_copy_with_fewer_numbers_than_wanted_is_read_whole() -> None:
    """1,600 numbers, 2,000 wanted: the first head holds digits enough but not the numbers,
    the second is longer than the copy; all of it is read, to the last paragraph's."""
    paragraph = "Officials said 120 people died and 400 were hurt, aged five to 80. "
    body = paragraph * 400 + "The Boeing 787 had 250 seats."
    assert 10 * 2_000 + MARGIN < len(body) < 40 * 2_000 + MARGIN
    found = first_numbers(body, 2_000)
    assert _values(found) == _values(find_numbers(body, 2_000))
    assert found[-1].value == 250


def test_a_number_at_the_cut_of_a_head_is_read_whole() -> None:
    """The third number would end past the head's margin: the whole body is read, so the
    number is 3,000,000, not the "3,0" a head would end with."""
    body = "1 2 " + "x" * (10 * 3 + 1_000 - 4 - 3) + " 3,000,000 people"
    found = first_numbers(body, 3)
    assert [n.value for n in found] == [1, 2, 3_000_000]


def test_a_head_with_fewer_numbers_than_wanted_is_not_the_answer() -> None:
    """600 numbers at the top, digits enough for the 1,000 wanted, then prose, and one more
    number past both heads: that one is read too."""
    body = "10 " * 600 + "Officials spoke at length. " * 2_000 + "7 people died."
    assert len(body) > 40 * 1_000 + MARGIN
    found = first_numbers(body, 1_000)
    assert len(found) == 601
    assert found[-1].value == 7
