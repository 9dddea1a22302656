"""Whose age a figure is: an age describing a noun is no pronoun's person, and a relative
described by age is the name set after it."""

from __future__ import annotations

from service.ingest.extract import extract
from service.ingest.figures.numbers import find_numbers
from service.ingest.figures.properties import (
    SentenceMentions,
    age_subject,
    choose_property,
    election_story,
)
from service.ingest.model import EntityKind, LocalEntity, MentionCandidate, Span
from service.ingest.parse.article import parse_article
from tests.ingest.figures.whom import sources_of


def _ages(copy: str) -> dict[str, str | None]:
    extraction = extract(parse_article(copy))
    names = [e.name for e in extraction.entities]
    return {
        f.text: names[f.subject] if f.subject is not None and f.subject >= 0 else None
        for f in extraction.figures
        if f.property == "age"
    }


def test_an_age_describing_a_noun_is_not_whom_a_pronoun_stands_for() -> None:
    ages = _ages(
        "Shooting in Springfield\n\n"
        "Mary Holt, 11, is recovering from a cut to her cheek, while a 31-year-old "
        "Springfield mother was shot in the arm.\n"
        "Mendez was aiming for a 12-year-old boy whom he had argued with.\n"
        "The charges included assaults on the two boys, 13 and 14, who he had met "
        "online, prosecutors said.\n"
    )
    assert ages["11"] == "Mary Holt"
    assert ages["31-year-old"] is None
    assert ages["12-year-old"] is None
    assert ages["13"] is None
    assert ages["14"] is None


def test_an_age_said_of_a_pronoun_is_still_its_person() -> None:
    ages = _ages(
        "Former member speaks\n\n"
        "Valeska Paris was born in Switzerland. In 1995, at age seventeen, she was told to "
        "leave. Peter Hale said he left when he was 5 years old.\n"
    )
    assert ages["at age seventeen"] == "Valeska Paris"
    assert ages["5"] == "Peter Hale"


def test_a_relative_described_by_age_is_the_name_set_after_it() -> None:
    ages = _ages(
        "Caravan reaches border\n\n"
        "Daniel Ruiz joined the march with his 18-year-old brother, Luis Ortega, and "
        "their uncle.\n"
        '"I am tired," said 19-year-old Carla Mendez, who walked with her 44-year-old '
        "mother, Rosa Diaz.\n"
    )
    assert ages["18-year-old"] == "Luis Ortega"
    assert ages["19-year-old"] == "Carla Mendez"
    assert ages["44-year-old"] == "Rosa Diaz"


def test_held_detains_no_one_where_it_holds_an_event_or_a_hope() -> None:
    for sentence, expected in (
        ("He held out hope for a deal that eluded his three predecessors.", None),
        ("Some 900 people voted in the election, held under new rules.", None),
        ("Police said 900 people were held overnight.", "detained"),
    ):
        (number,) = find_numbers(sentence)
        found = choose_property(number, sentence, number.span.start, number.span.end)
        assert found == expected, sentence


def test_a_survey_answer_is_no_vote_share() -> None:
    for sentence, expected in (
        ("In the poll, 58 percent of respondents said the mayor should resign.", None),
        ("The poll found 41 percent who believed the war was lost.", None),
        ("The governing party took 41 percent in the poll.", "vote_share"),
    ):
        (number,) = find_numbers(sentence)
        found = choose_property(number, sentence, number.span.start, number.span.end)
        assert found == expected, sentence


def test_a_share_is_a_vote_share_only_in_an_election_story() -> None:
    market = "Rival brewers took 31 percent of the market last year, the survey found."
    county = "The district is 38 percent Hispanic, and several polls show it leaning left."
    result = "The mayor won 58 percent, his challenger took 39 percent."
    for sentence, election, expected in (
        (market, election_story(market), None),
        (county, election_story(county), None),
        (result, True, "vote_share"),
    ):
        number = find_numbers(sentence)[0]
        found = choose_property(
            number, sentence, number.span.start, number.span.end, election=election
        )
        assert found == expected, sentence
    assert election_story("Polls closed at 8 p.m. and 2.1 million voters cast ballots.")
    assert election_story("The opposition candidate got about 16 percent.")
    assert election_story("He was sworn in after winning 71 percent of the vote.")
    assert not election_story("Ford took 17 percent of the US car market in February.")


def _age_of(sentence: str, age: str, name: str) -> int | None:
    """What ``age_subject`` finds for ``age`` in a one-sentence body naming ``name``."""
    at = sentence.index(name)
    mention = MentionCandidate(
        Span(at, at + len(name)), name, name.split()[-1], EntityKind.PERSON, 0, 0
    )
    person = LocalEntity(0, EntityKind.PERSON, "Paul Rowan", ())
    sm = SentenceMentions(sentence, 0, [mention], [person])
    start = sentence.index(age)
    return age_subject(sm, sentence, start, start + len(age), sentence)


def test_an_age_before_a_title_and_name_is_that_persons() -> None:
    sentence = "A doorman identified the 47-year-old Mr. Rowan as the robber."
    assert _age_of(sentence, "47-year-old", "Rowan") == 0


def test_an_age_a_relative_clause_gives_is_the_name_before_it() -> None:
    sentence = "The crowd sang for trainer Paul Rowan, who turned 71 on Friday."
    assert _age_of(sentence, "71", "Paul Rowan") == 0


def test_an_age_before_a_name_the_name_finder_missed_is_the_named_persons() -> None:
    # the parse finds no mention of "Klitschko" after "champion"; the story named him
    ages = _ages(
        "Tony Reyes loses title bout\n\n"
        "Tony Reyes lost to Wladimir Klitschko on Saturday. Reyes had won his last four "
        "fights. The 36-year-old champion Klitschko improved to 58-3 (51 KO).\n"
    )
    assert ages["36-year-old"] == "Wladimir Klitschko"


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


def test_a_cue_after_but_vouches_only_for_its_own_clause() -> None:
    sources = sources_of(
        "Transfer talks\n\n"
        "The club has offered the striker a deal worth $90 million, but people close to "
        "the talks said the player wants more.\n"
    )
    assert sources["$90 million"] is None


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


def test_an_opening_clause_is_not_what_the_cue_after_it_vouches_for() -> None:
    sources = sources_of(
        "Rescue plan\n\n"
        "After a plan to rescue four regional banks failed in parliament, the treasury "
        "said it would lend $2 billion.\n"
        "Four banks failed last year, the treasury said.\n"
    )
    assert sources["four"] is None
    assert sources["$2 billion"] == "the treasury"
    assert sources["Four"] == "the treasury"


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


def test_a_group_led_by_a_name_is_no_term_in_power() -> None:
    for sentence, expected in (
        ("A Dutch-led consortium won a 15-year contract for the port.", None),
        ("The general led the country for 22 years.", "years_in_power"),
    ):
        (number,) = [n for n in find_numbers(sentence) if n.unit == "years"]
        found = choose_property(number, sentence, number.span.start, number.span.end)
        assert found == expected, sentence
