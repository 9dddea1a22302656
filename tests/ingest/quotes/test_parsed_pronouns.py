""" "He" and "she" read from the parse: the person named last, a description the topic since,
the one asked, a quote running on."""

from __future__ import annotations

from tests.ingest.quotes.reading import parsed_speakers


def test_he_is_the_last_subject_not_the_last_name_taken_for_a_person() -> None:
    # The union's name reads like a person's; the spokesman was the subject.
    body = (
        '"The response has been massive," said Julien Talavan, a spokesman for Force '
        "Ouvrière, the main union in France.\n\n"
        '"This is just the beginning," he said.'
    )
    assert parsed_speakers(body)[1] == ("This is just the beginning,", "Julien Talavan")


def test_a_name_after_an_honorific_is_a_person_and_the_he_that_follows() -> None:
    body = (
        "According to Mr Howard, the grant will secure jobs.\n\n"
        "Mr MacFarlane said that the research facility was exciting.\n\n"
        '"The funding has helped Ford," he said.'
    )
    assert parsed_speakers(body)[0] == ("The funding has helped Ford,", "MacFarlane")


def test_he_is_never_a_name_printed_after_the() -> None:
    # "New GM" reads like a person's name and is the subject of the clause before; a
    # person is never "the New GM".
    body = (
        'Fritz Henderson outlined a plan for what he called a "New GM".\n\n'
        "The New GM will import cars from China. Asked about it, he stated the principle "
        'that "We build where we sell" applied.'
    )
    assert dict(parsed_speakers(body))["We build where we sell"] == "Fritz Henderson"


def test_a_quote_running_on_after_he_said_is_the_same_speaker_s() -> None:
    body = (
        "Ted Cruz and Marco Rubio had attacked the deal, said Rick Tyler, a Republican "
        'consultant who worked for Cruz.\n\n"They probably would have looked at it and '
        'thought: What is best for the country?" he said. "I do not know anybody who would '
        'have ripped up the deal."'
    )
    found = dict(parsed_speakers(body))
    assert (
        found["I do not know anybody who would have ripped up the deal."]
        == found["They probably would have looked at it and thought: What is best for the country?"]
    )


def test_he_after_someone_brought_in_without_a_name_is_that_someone() -> None:
    body = (
        "The chain's chief executive, Martin Grove, promised shorter queues at every "
        "branch by the summer.\n\n"
        "However, one shopper at the flagship store was unconvinced.\n\n"
        '"I have heard that promise every year," he said.\n\n'
        '"Nothing ever changes."'
    )
    assert [who for _, who in parsed_speakers(body)] == ["one shopper", "one shopper"]


def test_he_after_a_person_named_in_the_subject_is_that_person() -> None:
    body = (
        "A former employee, Martin Grove, said the queues had grown for years.\n\n"
        '"Nobody listened to the staff," he said.'
    )
    assert [who for _, who in parsed_speakers(body)] == ["Martin Grove"]


def test_a_paragraph_quote_runs_on_from_the_one_credited_past_a_split_name() -> None:
    # The splitter cuts "E! News." after "E!"; the cue rules read "he" as the goalkeeper
    # named last, the parse as the coach who is the subject.
    body = (
        "Coach Dan Morrow praised goalkeeper Eli Hart after the match.\n\n"
        '"He never stopped talking," he told E! News.\n\n'
        '"He kept the whole team calm."'
    )
    assert [who for _, who in parsed_speakers(body)] == ["Dan Morrow", "Dan Morrow"]


def test_she_after_a_described_speaker_is_that_speaker() -> None:
    body = (
        '"About 3,000 people have lost their homes," Mayor Tomas Ferreira said.\n\n'
        "Many families slept in the open for a second night.\n\n"
        '"The water came up to the roof," said a fisherman\'s wife, 41, who fled with '
        "her three children.\n\n"
        '"We have nothing left," she said.'
    )
    assert parsed_speakers(body)[-1] == ("We have nothing left,", "a fisherman's wife")


def test_he_who_answers_is_the_one_asked_not_the_one_who_asked() -> None:
    body = (
        "Defence lawyer Tom Fisher pressed the witness for most of the afternoon. "
        'At one point, Fisher asked Mark Doyle, "You never saw the driver, did you?"\n\n'
        '"No," he replied.'
    )
    assert parsed_speakers(body)[-1] == ("No,", "Mark Doyle")


def test_she_skips_the_sentences_of_her_own_quotation() -> None:
    # the clause before "she" is "We have two options", inside the quote: the one
    # described before the quotation speaks, not the mayor named earlier
    body = (
        "Mayor Ann Cole toured the flooded ward on Monday.\n\n"
        "A hospital spokeswoman said the ward would stay closed until Friday.\n\n"
        '"We have two options. The first is to move the patients tonight," she said.'
    )
    got = dict(parsed_speakers(body))
    said = got["We have two options. The first is to move the patients tonight,"]
    assert said == "A hospital spokeswoman"


def test_she_is_the_one_the_parse_set_beside_the_subject_of_what_she_reported() -> None:
    # the parse sets the spokeswoman beside "feeder", as if she were one, right before
    # "said", which it leaves with no subject
    body = (
        "Mayor Ann Cole toured the plant on Monday.\n\n"
        "The outages were on the A and B circuits, which serve homes between the river "
        "and the hills as well as the main feeder, which runs from the plant to the city, "
        "a utility spokeswoman who asked not to be named said.\n\n"
        '"We think a valve failed," she said.'
    )
    said = dict(parsed_speakers(body))["We think a valve failed,"]
    assert said == "a utility spokeswoman"


def test_she_is_the_one_named_since_though_the_names_stage_missed_her() -> None:
    # the names stage takes the villager's one name for no person: "she" is still hers,
    # not the official's named before her
    body = (
        "Election official Marta Kowalska said turnout had been high across the region.\n\n"
        "In Dzhar, a village outside the capital, 31-year-old Aysel said she had come to "
        "vote with her mother. "
        '"I voted for the new school director," she said.'
    )
    said = dict(parsed_speakers(body))["I voted for the new school director,"]
    assert said == "Aysel"
