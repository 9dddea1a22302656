"""The kind the words around a name give it (kinds_by_context.py)."""

from __future__ import annotations

import pytest

from service.ingest.model import EntityKind
from tests.ingest.mentions.finding import ORG, OTHER, PERSON, PLACE, entities


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("Riots spread to the port city of Thessaloniki on Tuesday.",
         [(PLACE, "Thessaloniki")]),
        ("Looters targeted shops in Woodburn after the storm.", [(PLACE, "Woodburn")]),
        ("The suspect, a 40-year-old mechanic of Schenectady, New York, was held.",
         [(PLACE, "Schenectady"), (PLACE, "New York")]),
        ("A magnitude 6.1 earthquake hit Guayaquil early on Monday.",
         [(PLACE, "Guayaquil")]),
        # a firm GeoNames knows as a town stays a firm where one holds shares in it
        ("Customers interested in the Nokia can order it online.",
         [(ORG, "Nokia")]),
    ],
)  # fmt: skip
def test_a_town_read_as_an_organisation_where_only_a_place_goes_is_a_place(
    body: str, expected: list[tuple[EntityKind, str]]
) -> None:
    assert entities(body) == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # a work, a product: nobody is "the Golden Compass"
        ("Critics praised the Golden Compass, which opened on Friday.",
         [(OTHER, "Golden Compass")]),
        ("Ford will stop building the Crown Victoria next year.",
         [(ORG, "Ford"), (OTHER, "Crown Victoria")]),
        # a plural is a team
        ("The Tar Heels beat the Blue Devils 70-61 on Saturday.",
         [(ORG, "Tar Heels"), (ORG, "Blue Devils")]),
        # "the" of what the person owns
        ("He wore the Shaquille O'Neal's jersey to the game.",
         [(PERSON, "Shaquille O'Neal")]),
    ],
)  # fmt: skip
def test_a_name_the_article_itself_determines_is_no_person(
    body: str, expected: list[tuple[EntityKind, str]]
) -> None:
    assert entities(body) == expected
