"""Figures the story's topic does not own: ages of someone new, spans of time, bare
numbers, things seized, counts of several entities, people and shares told of no one."""

from __future__ import annotations

from dataclasses import replace

from service.ingest.figures.off_topic import counts_nothing
from service.ingest.model import Approximation, FigureCandidate, Span
from tests.ingest.figures.whom import subjects_of


def test_an_age_told_of_someone_new_is_not_the_storys_topic() -> None:
    subjects = subjects_of(
        "Climber dies on Mount Cook\n\n"
        "A climber has died on Mount Cook. Rescuers reached Mount Cook on Sunday. "
        "A 41-year-old British climber died after falling 200 metres on Mount Cook.\n"
    )
    assert subjects["41-year-old"] is None  # a place is no age's


def test_an_age_of_someone_new_is_not_the_person_the_story_is_about() -> None:
    subjects = subjects_of(
        "Judge jails Harlan Moss\n\n"
        "Harlan Moss was jailed on Monday. Harlan Moss had robbed a bank in Ohio, and "
        "Harlan Moss will appeal. A 19-year-old clerk told the court she was afraid.\n"
    )
    assert subjects["19-year-old"] is None


def test_the_age_of_someone_told_of_before_is_the_storys_person() -> None:
    subjects = subjects_of(
        "Judge jails Harlan Moss\n\n"
        "Harlan Moss was jailed on Monday. Harlan Moss had robbed a bank in Ohio, and "
        "Harlan Moss will appeal. The 52-year-old told the court he was sorry.\n"
    )
    assert subjects["52-year-old"] == "Harlan Moss"


def test_the_person_a_story_is_about_owns_only_figures_told_of_them() -> None:
    subjects = subjects_of(
        "Striker Dario Vance leaves Rovers\n\n"
        "Dario Vance left Rovers on Monday after six seasons. Dario Vance thanked the fans, "
        "and Vance said he would rest. The stadium holds 40,000 fans. "
        "With Vance the club won 3 cups.\n"
    )
    assert subjects["40,000"] is None  # a sentence that does not name him
    assert subjects["3"] == "Dario Vance"


def test_a_count_of_the_entities_set_side_by_side_is_no_figure_of_the_topic() -> None:
    subjects = subjects_of(
        "Norsk Steel to merge with Baltic Iron\n\n"
        "Norsk Steel will merge with Baltic Iron, Norsk Steel said on Monday. "
        "Norsk Steel shares rose. The two companies have worked together since 2009.\n"
    )
    assert subjects["two"] is None  # said of both companies


def test_a_definite_count_of_more_entities_is_no_figure_of_the_topic_either() -> None:
    subjects = subjects_of(
        "Norsk Steel joins Nordic alliance\n\n"
        "Norsk Steel joined the Nordic steel alliance on Monday, Norsk Steel said. "
        "Norsk Steel shares rose. The five companies will buy ore together.\n"
    )
    assert subjects["five"] is None  # the alliance's members, Norsk Steel one of them


def test_a_span_of_time_is_no_figure_of_the_storys_topic() -> None:
    subjects = subjects_of(
        "Floods hit Moravia\n\n"
        "Floods hit Moravia on Monday, and rescuers in Moravia worked through the night. "
        "The search lasted nine hours before the last family was found.\n"
    )
    assert subjects["nine hours"] is None  # the search's, not Moravia's


def test_a_count_in_a_sentence_about_another_city_is_no_figure_of_the_storys_country() -> None:
    subjects = subjects_of(
        "Quake shakes Peru\n\n"
        "A strong quake shook Peru on Monday, and Peru declared an emergency. Rescuers in "
        "Arequipa set up 300 tents for families, a spokesman said.\n"
    )
    assert subjects["300"] is None  # tents in Arequipa, no fact of Peru


def test_a_bare_number_counting_no_noun_is_no_figure_of_the_storys_topic() -> None:
    subjects = subjects_of(
        "Boeing plans longer jet\n\n"
        "Boeing said on Tuesday it would build a longer jet. Engineers will stretch the 777 "
        "for the longest routes, Boeing said.\n"
    )
    assert subjects["777"] is None  # a model's number, nothing Boeing has 777 of


def test_a_sides_goals_beside_a_dash_stay_a_score() -> None:
    body = "The first half ended 0 – 0."
    start = body.rindex("0")
    figure = FigureCandidate(
        span=Span(start, start + 1),
        text="0",
        sentence=Span(0, len(body)),
        value=0,
        upper_bound=None,
        approximation=Approximation.EXACT,
        unit="count",
        property=None,
        subject=None,
        attributed_to=None,
        attributed_to_text=None,
    )
    assert not counts_nothing(body, figure)  # the other half of "0 – 0", a side's goals
    assert counts_nothing("The first half ended with 0.", replace(figure, span=Span(26, 27)))


def test_people_told_of_with_no_role_are_no_figure_of_a_company_the_story_is_about() -> None:
    subjects = subjects_of(
        "Norcast to cut prices\n\n"
        "Norcast will cut its prices next month. Two people familiar with the plan said the "
        "cuts would start in May.\n"
    )
    assert subjects["Two people"] is None  # the story's sources, not Norcast's people


def test_a_share_of_something_unnamed_is_no_figure_of_a_company_the_story_is_about() -> None:
    subjects = subjects_of(
        "Norcast to open stores\n\n"
        "Norcast will open 40 stores next year, Norcast said. About half of the new stores "
        "will be in the north.\n"
    )
    assert subjects["About half"] is None  # a share of the stores, no figure of Norcast


def test_how_many_times_larger_with_no_property_is_no_figure_of_the_storys_topic() -> None:
    subjects = subjects_of(
        "Norcast unveils phone\n\n"
        "Norcast unveiled a new phone on Monday, Norcast said. The new model is twice as "
        "fast as the old one.\n"
    )
    assert subjects["twice"] is None  # how much faster the model is, no figure of Norcast


def test_a_count_of_the_parts_of_an_argument_is_no_figure_of_the_storys_topic() -> None:
    subjects = subjects_of(
        "Norcast faces suit\n\n"
        "Norcast Inc. was sued on Monday. Norcast said there are really two issues in this "
        "case.\n"
    )
    assert subjects["two"] is None  # issues of the case, nothing Norcast has two of


def test_things_seized_are_no_figure_of_the_place_the_story_is_about() -> None:
    subjects = subjects_of(
        "Drugs raid in Leeds\n\n"
        "Police raided a warehouse in Leeds on Friday. Officers said 40 kilograms of cocaine "
        "and six handguns were seized from a van.\n"
    )
    assert subjects["40 kilograms"] is None  # the van's owners', not Leeds'
    assert subjects["six"] is None
