"""What moved, for a market move the parse gave no subject: the index named before it,
none for moves told respectively of a list."""

from __future__ import annotations

from tests.ingest.figures.whom import subjects_of


def test_a_market_move_the_parse_gives_no_one_is_the_index_named_before_it() -> None:
    subjects = subjects_of(
        "Asian markets tumble\n\n"
        "Asian markets tumbled on Tuesday. Japan's stock losses were also heavy, pushing the "
        "Nikkei in Tokyo to its lowest levels since 1982, at 7,162. The Kospi had its worst "
        "fall since 1998, a drop of 8% or 110 points, before recovering to close with a loss "
        "of 2.10% or 26.40 points.\n"
    )
    assert subjects["7,162"] == "Nikkei"
    assert subjects["2.10%"] == "Kospi"
    assert subjects["26.40"] == "Kospi"


def test_moves_told_respectively_of_a_list_they_do_not_pair_with_are_no_ones() -> None:
    subjects = subjects_of(
        "Asian markets tumble\n\n"
        "Asian markets tumbled on Tuesday. Other indices, such as the Nikkei and the Kospi, "
        "dropped by 310 points, 40 points and 12 points, respectively.\n"
    )
    assert subjects["310"] is None
