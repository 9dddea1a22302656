"""The driver's last steps: a person or authority the story is about owns no figure they
give, an index no money, and a distance from a place makes no fact of it."""

from __future__ import annotations

from service.ingest.extract import extract
from service.ingest.figures import forms_fact
from service.ingest.parse.article import parse_article
from tests.ingest.figures.whom import subjects_of


def test_a_person_the_story_is_about_owns_no_figure_they_give() -> None:
    subjects = subjects_of(
        "Mayor Lena Ortiz opens fair\n\n"
        "Lena Ortiz opened the county fair on Saturday. Ortiz said that about 9,000 "
        "visitors had come by noon.\n"
    )
    assert subjects["about 9,000"] is None


def test_money_is_no_figure_of_an_index_the_story_is_about() -> None:
    subjects = subjects_of(
        "Dow Jones slides\n\n"
        "The Dow Jones Industrial Average lost 310 points on Monday. Traders said the Dow "
        "Jones could slide further. Elsewhere, gold slipped by $12 to $880.\n"
    )
    assert subjects["$12"] is None
    assert subjects["$880"] is None


def test_a_distance_from_a_place_makes_no_fact_of_the_place() -> None:
    extraction = extract(
        parse_article(
            "Quake shakes Peru\n\nIt struck 40 kilometres south-east of the mountain city "
            "of Cusco.\n"
        )
    )
    (distance,) = [f for f in extraction.figures if f.text == "40 kilometres"]
    assert distance.subject is not None
    assert not forms_fact(distance)


def test_a_part_of_the_count_just_before_it_is_of_that_counts_subject() -> None:
    subjects = subjects_of(
        "Printer sales climb\n\n"
        "Canon launched a printer model on Monday. Analysts said Canon would gain. "
        "Toshiba sold 48,000 laptops in May; about 30 percent of these were sold in "
        "Japan.\n"
    )
    assert subjects["about 30 percent"] == "Toshiba"
