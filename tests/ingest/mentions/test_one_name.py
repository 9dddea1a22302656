"""A candidate holding one recognised name (one_name.py)."""

from __future__ import annotations

from tests.ingest.mentions.finding import ORG, PERSON, entities


def test_a_name_holding_a_place_stays_whole() -> None:
    # The recogniser sees only "Canada" in it; the rules' whole name stands.
    names = [name for _, name in entities("Environment Canada issued a warning for Ottawa.")]
    assert names == ["Environment Canada", "Ottawa"]


def test_a_titled_person_stays_a_person_though_read_as_an_organisation() -> None:
    # The recogniser reads the name after "CEO" as a firm; the title the rules cut off
    # says a person holds it.
    found = entities("Texwell CEO Jen-Hsun Tsai told reporters the chips would ship in March.")
    assert (PERSON, "Jen-Hsun Tsai") in found


def test_a_title_before_a_club_s_name_does_not_make_it_a_person() -> None:
    # "Doctor" is cut off as a title, but a name holding "Society" is a club's.
    found = entities("Fans from the Doctor Who Society of Canada raised money for the shelter.")
    assert found == [(ORG, "Who Society of Canada")]


def test_a_name_set_before_a_job_held_somewhere_is_a_person_not_a_place() -> None:
    # The recogniser reads the lone name as a town; "an official from ..." after it
    # says a person.
    found = entities(
        "Two bridges collapsed in the flood, Harjono, an official from the provincial "
        "rescue agency, told reporters."
    )
    assert found == [(PERSON, "Harjono")]


def test_initials_and_a_surname_stay_a_person_though_read_as_an_organisation() -> None:
    # The recogniser reads "T.J. Varnado" as a firm; the initials stand for a given name.
    found = entities("Fans booed when T.J. Varnado missed the kick.")
    assert found == [(PERSON, "T.J. Varnado")]
