"""Who a speech cue names as the speaker: the present of a verb of telling, a name with a
full stop inside it, a role named after "according to", a speaker named after the claim, a
relative pronoun's name, a document's publisher; cue words that are nouns or adjectives
name no one."""

from __future__ import annotations

from tests.ingest.figures.whom import sources_of


def test_the_present_of_a_verb_of_telling_credits_its_subject() -> None:
    sources = sources_of(
        "Floods in the north\n\n"
        "Health officials say at least 14 people died in the floods.\n"
        "The weather agency reports that 300 homes were flooded overnight.\n"
        "The United States government would pay for 35% of the repairs.\n"
        "Investigators didn't say why 12 guards were dismissed.\n"
    )
    assert sources["at least 14 people"] == "Health officials"
    assert sources["300"] == "The weather agency"
    assert sources["35%"] is None
    assert sources["12"] is None


def test_a_full_stop_inside_a_name_does_not_end_the_source() -> None:
    sources = sources_of(
        "Quake in the valley\n\n"
        "A quake measuring 3.9 shook the valley on Friday, according to the U.S. "
        "Geological Survey.\n"
        "About 40 homes were damaged, according to firefighters -- most of them near the "
        "river.\n"
    )
    assert sources["3.9"] == "U.S. Geological Survey"
    assert sources["About 40"] == "firefighters"


def test_a_toll_a_disaster_claimed_is_nobodys_claim() -> None:
    sources = sources_of(
        "Crush at the festival\n\n"
        "A similar crush claimed 118 pilgrims' lives at the bridge in 2008.\n"
        "The fire claimed the lives of 12 workers, the company said.\n"
    )
    assert sources["118"] is None
    assert sources["12 workers"] == "the company"


def test_a_role_named_after_according_to_is_the_person_named_next() -> None:
    sources = sources_of(
        "Robot contest\n\n"
        "According to the Kenyan team's mentor, Amina Otieno, the robot scored 40 points.\n"
    )
    assert sources["40"] == "Amina Otieno"


def test_a_cue_word_after_a_possessive_is_a_noun() -> None:
    sources = sources_of(
        "At the border\n\n"
        "The 80 families slept outside, waiting to present their claims to officials.\n"
    )
    assert sources["80"] is None


def test_a_verb_joined_by_and_runs_on_from_the_sentences_subject() -> None:
    sources = sources_of(
        "Shelling\n\n"
        "Agency spokesman Tom Okello put the death toll at 25, and added that an inquiry "
        "was needed.\n"
    )
    assert sources["25"] == "Tom Okello"


def test_a_speaker_named_after_the_claim_with_no_quotation_vouches_for_it() -> None:
    sources = sources_of(
        "Storm hits the coast\n\n"
        "Rescuers pulled 14 people from the rubble overnight, said fire chief Tomas Berg.\n"
        "About 60 volunteers have joined the search, said Maria Lenz, a coordinator with "
        "the Red Cross, which sent 12 trucks.\n"
        "The Red Cross, which sent 300 observers, said the shelters were full.\n"
        "Nearly 400 homes lost power, Lena Ortiz, a spokeswoman for the utility, told "
        "Reuters.\n"
    )
    assert sources["14 people"] == "Tomas Berg"
    assert sources["About 60 volunteers"] == "Maria Lenz"
    assert sources["12"] is None  # describes the speaker's organisation
    assert sources["300 observers"] is None
    assert sources["Nearly 400"] == "Lena Ortiz"  # told Reuters: Reuters listens


def test_a_relative_pronoun_that_tells_credits_the_name_it_stands_for() -> None:
    sources = sources_of(
        "Jobs report\n\n"
        "Markets rose after a survey published by the National Statistics Office on "
        "Friday, which said that factories hired 42,000 workers in May.\n"
        "The plan pleased Governor Alan Price, who said 15 towns would gain a clinic.\n"
    )
    assert sources["42,000 workers"] == "National Statistics Office"
    assert sources["15"] == "Alan Price"


def test_a_document_a_source_names_is_its_publishers() -> None:
    sources = sources_of(
        "Music sales\n\n"
        "Streaming overtook discs with 58 percent of sales last year, according to figures "
        "released March 9 by Harmon Research, a market research firm.\n"
        "The band sold 120,000 tickets, according to a report published in The Daily "
        "Courier.\n"
    )
    assert sources["58 percent"] == "Harmon Research"
    assert sources["120,000"] == "Daily Courier"


def test_a_cue_verb_joined_to_an_adverb_by_a_hyphen_is_an_adjective() -> None:
    sources = sources_of(
        "Carmaker cuts\n\n"
        "Weak sales have led to a recently-announced savings plan, in which 2,500 jobs go.\n"
    )
    assert sources["2,500"] is None
