"""What a number measures from its clause's words: "held" that holds an event, a survey's
answer, a vote share only in an election story, a group "-led" by a name."""

from __future__ import annotations

from service.ingest.figures.numbers import find_numbers
from service.ingest.figures.properties import choose_property, election_story


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


def test_a_group_led_by_a_name_is_no_term_in_power() -> None:
    for sentence, expected in (
        ("A Dutch-led consortium won a 15-year contract for the port.", None),
        ("The general led the country for 22 years.", "years_in_power"),
    ):
        (number,) = [n for n in find_numbers(sentence) if n.unit == "years"]
        found = choose_property(number, sentence, number.span.start, number.span.end)
        assert found == expected, sentence
