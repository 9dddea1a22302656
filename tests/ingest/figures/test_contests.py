"""Figures of sport, votes and polls."""

from __future__ import annotations

from tests.ingest.figures.reading import reading_of


def test_a_share_of_voters_restating_those_who_voted_is_the_turnout() -> None:
    sentence = (
        "About 1.2 million people, representing 54 percent of registered voters, took part "
        "in the referendum."
    )
    assert reading_of(sentence, "54 percent")[0] == "turnout"
