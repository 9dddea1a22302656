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
