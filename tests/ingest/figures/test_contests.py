"""Figures of sport, votes and polls."""

from __future__ import annotations

from tests.ingest.figures.reading import reading_of


def test_a_share_of_voters_restating_those_who_voted_is_the_turnout() -> None:
    sentence = (
        "About 1.2 million people, representing 54 percent of registered voters, took part "
        "in the referendum."
    )
    assert reading_of(sentence, "54 percent")[0] == "turnout"


def test_time_in_power_is_never_counted_in_hours() -> None:
    # "run" names time in power ("ran the city for 12 years"), not how long a battery lasts
    sentence = "The phone's battery can run for up to eleven hours on one charge."
    assert reading_of(sentence, "up to eleven hours")[0] == "duration"
    assert reading_of("The mayor ran the city for 12 years.", "12 years")[0] == "years_in_power"
