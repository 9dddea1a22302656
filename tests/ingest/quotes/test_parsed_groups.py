"""Who "they" are when no organisation stands for them: the people a recent subject lists."""

from __future__ import annotations

from tests.ingest.quotes.reading import parsed_speakers


def test_they_after_a_subject_listing_people_is_the_first_of_them() -> None:
    body = (
        "Ireland's Finance Minister Paschal Byrne and the country's Trade Minister Helen "
        "Walsh welcomed the ruling on Monday.\n\n"
        '"The ruling protects thousands of jobs in our ports," they said in a '
        "statement."
    )
    assert parsed_speakers(body) == [
        ("The ruling protects thousands of jobs in our ports,", "Paschal Byrne")
    ]


def test_they_after_a_subject_naming_no_one_stays_they() -> None:
    body = (
        "Paschal Byrne met the union on Monday. The dockers said the offer was too low.\n\n"
        '"We will strike until the offer is doubled," they said.'
    )
    assert parsed_speakers(body) == [("We will strike until the offer is doubled,", "they")]


def test_they_after_a_quote_told_by_a_plural_description_is_that_description() -> None:
    body = (
        "The two senators wrote that the contract had been rushed.\n\n"
        '"The bidding closed before the auditors had finished," the senators wrote.\n\n'
        'The tender should be rerun "from the start, with every bid opened in public," '
        "they said."
    )
    assert parsed_speakers(body)[-1] == (
        "from the start, with every bid opened in public,",
        "the senators",
    )


def test_they_after_a_quote_told_by_one_person_stays_they() -> None:
    body = (
        "The dockers met the port's owners on Monday.\n\n"
        '"The offer is an insult," the union leader said.\n\n'
        'The offer was "nowhere near enough," they said.'
    )
    assert parsed_speakers(body)[-1] == ("nowhere near enough,", "they")
