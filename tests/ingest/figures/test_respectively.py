"""Figures paired with the names before them by "respectively"."""

from __future__ import annotations

from tests.ingest.figures.whom import subjects_of


def test_each_figure_of_a_list_closed_by_respectively_is_the_name_in_its_place() -> None:
    subjects = subjects_of(
        "Car shares slide\n\n"
        "Car shares slid on Friday. Shares of carmakers Toyota and Honda fell by 2.5 and "
        "4 percent, respectively.\n"
    )
    assert subjects["2.5"] == "Toyota"
    assert subjects["4 percent"] == "Honda"


def test_moves_of_markets_listed_with_respectively_are_each_markets() -> None:
    subjects = subjects_of(
        "Asian markets fall\n\n"
        "Asian markets fell on Monday. Other indices, such as the Kospi and the Nikkei, "
        "lost 40 points and 310 points, respectively.\n"
    )
    assert subjects["40"] == "Kospi"
    assert subjects["310"] == "Nikkei"
