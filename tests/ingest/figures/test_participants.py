"""The words around a figure that name whom it is about: the doer of a verb in "to"."""

from __future__ import annotations

from tests.ingest.figures.whom import sources_of, subjects_of


def test_a_verb_in_to_is_the_deed_of_the_subject_of_the_verb_it_completes() -> None:
    subjects = subjects_of(
        "Toyota sales climb\n\n"
        "Toyota said on Tuesday that its sales had climbed again. Toyota now leads the "
        "market. Nissan hopes to sell 400,000 electric cars next year.\n"
    )
    assert subjects["400,000"] == "Nissan"


def test_a_verb_with_an_object_hands_the_deed_in_to_to_the_object() -> None:
    subjects = subjects_of(
        "Toyota sales climb\n\n"
        "Toyota said on Tuesday that its sales had climbed again. Toyota now leads the "
        "market. Union leader Ann Price urged dealers to sell 400,000 electric cars.\n"
    )
    assert subjects["400,000"] != "Ann Price"


def test_a_clause_in_ing_is_the_deed_of_the_subject_of_its_verb() -> None:
    subjects = subjects_of(
        "Toyota sales climb\n\n"
        "Toyota said on Tuesday that its sales had climbed again. Toyota now leads the "
        "market. Nissan posted a loss on Tuesday, cutting 4,000 jobs.\n"
    )
    assert subjects["4,000"] == "Nissan"


def test_a_possessive_pronoun_stands_for_the_subject_of_its_own_clause() -> None:
    subjects = subjects_of(
        "Hawks rally\n\n"
        "The Atlanta Hawks hired Ken Doyle as coach in May. Doyle had spent ten years at "
        "Duke University. After a poor start, Atlanta won 17 of its next 21 games.\n"
    )
    assert subjects["17"] == subjects["21"] == "Atlanta"


def test_a_possessive_in_a_verb_in_to_stands_for_the_subject_of_the_verb_it_completes() -> None:
    subjects = subjects_of(
        "Trade talks resume\n\n"
        "The European Commission opened trade talks with Japan on Monday. The Commission "
        "expects Japan to agree to cut its $60 billion car export surplus with Europe.\n"
    )
    assert subjects["$60 billion"] == "Japan"


def test_a_source_verb_with_a_particle_is_the_deed_of_its_subject() -> None:
    copy = (
        "Wildcats roll\n\n"
        "Kentucky beat Vanderbilt 80-64 on Saturday. Jamal Porter put up 27 points for the "
        "Wildcats.\n"
    )
    assert subjects_of(copy)["27"] == "Jamal Porter"
    assert sources_of(copy)["27"] is None


def test_it_opening_a_sentence_stands_for_the_subject_of_the_sentence_before() -> None:
    subjects = subjects_of(
        "New jet unveiled\n\n"
        "Airbus and Boeing both showed new aircraft at the air show in Paris on Monday. "
        "Boeing showed its long-range model there.\n\n"
        "The Embraer E195 is a regional jet built in Brazil.\n\n"
        "It can seat up to 146 passengers.\n"
    )
    assert subjects["up to 146"] == "Embraer E195"


def test_they_opening_a_sentence_stands_for_the_team_the_sentence_before_is_about() -> None:
    subjects = subjects_of(
        "Celtics fire coach\n\n"
        "The Boston Celtics fired coach Tom Reed on Monday. His son plays for Duke.\n\n"
        "Boston was among the favourites in the East this season.\n\n"
        "They signed Mark Hale to a four-year deal worth $60 million last summer.\n"
    )
    assert subjects["$60 million"] == "Boston"


def test_it_after_an_opening_adverb_stands_for_the_subject_of_the_sentence_before() -> None:
    subjects = subjects_of(
        "Central banks act\n\n"
        "The Bank of Canada agreed to lend more to the Reserve Bank of Australia on Monday.\n\n"
        "Meanwhile, it set up a new credit line with the Bank of Korea for up to $15 billion.\n"
    )
    assert subjects["up to $15 billion"] == "Bank of Canada"


def test_it_in_a_quote_is_not_the_speaker_of_the_quote_before() -> None:
    subjects = subjects_of(
        "Inquiry opens\n\n"
        "Canada opened an inquiry into the fishery on Monday.\n\n"
        '"This has been a very hard case," Oppal said.\n\n'
        '"It has been with us for well over 20 years."\n'
    )
    assert subjects["well over 20 years"] != "Oppal"


def test_verbs_joined_in_a_row_run_on_from_the_first_verbs_subject() -> None:
    subjects = subjects_of(
        "Rams edge Hawks\n\n"
        "The Rams beat the Hawks 24-21 on Sunday. Rams quarterback Dale Monroe was the "
        "star. Monroe threw for 210 yards and two touchdowns, ran for 40 yards, scored "
        "three times and caught 3 passes for 52 yards.\n"
    )
    assert subjects["three times"] == subjects["52 yards"] == "Dale Monroe"


def test_it_in_the_clause_a_name_reports_stands_for_that_name() -> None:
    subjects = subjects_of(
        "Markets steady\n\n"
        "The Nikkei index rose on Monday. Brazil announced that it would lend an extra "
        "$4.5 billion to its farmers.\n"
    )
    assert subjects["$4.5 billion"] == "Brazil"


def test_a_verb_of_purpose_in_to_is_the_deed_of_the_subject_of_the_verb_it_serves() -> None:
    subjects = subjects_of(
        "Airline expands fleet\n\n"
        "Lufthansa reported strong bookings on Monday. Analysts said Lufthansa would grow. "
        "Qantas raised cash in May to buy 12 new jets.\n"
    )
    assert subjects["12"] == "Qantas"
