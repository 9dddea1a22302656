"""Names either side of "the", "and", "for", "on" the recogniser reads as one body's
(joined_bodies.py)."""

from __future__ import annotations

import pytest

from service.ingest.mentions.candidate import Candidate
from service.ingest.mentions.joined_bodies import _one_body_across_for_on
from service.ingest.model import EntityKind
from tests.ingest.mentions.finding import ORG, entities


def test_names_either_side_of_the_that_the_recogniser_reads_as_one_are_one() -> None:
    body = (
        "A stampede during the Stoning the Devil ritual on the last day at the Hajj in "
        "Mina, Saudi Arabia, kills at least 362 Muslims."
    )
    names = [n for _, n in entities(body)]
    assert "Stoning the Devil" in names
    assert "Devil" not in names


@pytest.mark.parametrize(
    ("body", "joined", "apart"),
    [
        # a body whose name has "and" inside it, read as one by the recogniser
        ("Officials at the Securities and Exchange Commission opened an inquiry on Monday.",
         ["Securities and Exchange Commission"], ["Securities", "Exchange Commission"]),
        ("The plan was drawn up by the National Oceanic and Atmospheric Administration.",
         ["National Oceanic and Atmospheric Administration"],
         ["National Oceanic", "Atmospheric Administration"]),
        # the recogniser names no part of the single word before "and"
        ("Scientists at the Fish and Wildlife Service objected to the new rule.",
         ["Fish and Wildlife Service"], ["Fish", "Wildlife Service"]),
        # ... or reads the body from a word after the name's first
        ("House Ways and Means Committee Chairman Kevin Brady said tariffs hurt farmers.",
         ["House Ways and Means Committee"], ["House Ways", "Means Committee"]),
        # a firm the recogniser names on its own before "and" stays apart
        ("The phones were examined by experts from Cricket Wireless and Federal Bureau "
         "of Investigation agents.",
         ["Cricket Wireless", "Federal Bureau of Investigation"], []),
        # a country's agency the recogniser reads whole needs no head word after "and"
        ("A spokesman for U.S. Customs and Border Protection said the crossing would reopen.",
         ["U.S. Customs and Border Protection"], ["Border Protection"]),
        # a word the rules took for no name ("immigration" is printed in lower case)
        # opens the organisation the recogniser reads over "and"
        ("An immigration lawyer said the detainees were handed over to Immigration and "
         "Customs Enforcement on Friday.",
         ["Immigration and Customs Enforcement"], ["Customs Enforcement"]),
        # a body named for two things it is of, which the recogniser cuts at "and"
        ("The Association of Retired Teachers and Librarians said pensions had fallen.",
         ["Association of Retired Teachers and Librarians"],
         ["Association of Retired Teachers", "Librarians"]),
        # ... not a body of a place and another the recogniser names in two words
        ("A statement from the Bank of Ghana and Federal Reserve followed.",
         ["Bank of Ghana", "Federal Reserve"], ["Bank of Ghana and Federal Reserve"]),
        # two bodies side by side stay two: a head word ends the first one
        ("Rangers from the Forest Service and National Park Service fought the fire.",
         ["Forest Service", "National Park Service"],
         ["Forest Service and National Park Service"]),
        # a body named across "on" or "for" the recogniser reads whole
        ("The watchdog group the Project on Government Oversight asked for the files.",
         ["Project on Government Oversight"], ["Government Oversight"]),
        ("Officers searched the Yearning for Zion Ranch near the county line.",
         ["Yearning for Zion Ranch"], ["Zion Ranch"]),
    ],
)  # fmt: skip
def test_one_body_named_across_and_for_or_on_is_one_name(
    body: str, joined: list[str], apart: list[str]
) -> None:
    names = [n for _, n in entities(body)]
    assert all(n in names for n in joined), names
    assert not any(n in names for n in apart), names


def test_a_road_after_on_joins_no_name() -> None:
    # where someone was: the recogniser may read "Salem on Interstate" as one body
    body = "They found Dana Pruitt of Salem on Interstate 84 that night."
    salem, road = body.index("Salem"), body.index("Interstate")
    left = Candidate(salem, salem + 5, "Salem", EntityKind.OTHER, 0)
    right = Candidate(road, road + 10, "Interstate", EntityKind.OTHER, 0)
    names = [(salem, road + 10, "ORG")]
    assert not _one_body_across_for_on(body, left, right, names)
    body = body.replace("Interstate 84", "Interstate Pact")
    assert _one_body_across_for_on(body, left, right, names)


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # the recogniser reads "U.S." alone, or "U.S. Fish" as a name of its own
        ("Ranchers must now seek approval from U.S. Fish and Wildlife Service and National "
         "Park Service officials before clearing land.",
         [(ORG, "U.S. Fish and Wildlife Service"), (ORG, "National Park Service")]),
        ("The ruling leaves U.S. Fish and Wildlife Service and Bureau of Land Management "
         "staff in charge.",
         [(ORG, "U.S. Fish and Wildlife Service"), (ORG, "Bureau of Land Management")]),
        # two companies stay two
        ("The deal between U.S. Steel and Alcoa Corporation was blocked.",
         [(ORG, "U.S. Steel"), (ORG, "Alcoa Corporation")]),
        ("Talks between China Mobile and Alibaba Group ended.",
         [(ORG, "China Mobile"), (ORG, "Alibaba Group")]),
    ],
)  # fmt: skip
def test_a_country_and_one_word_before_and_opens_an_agencys_name(
    body: str, expected: list[tuple[EntityKind, str]]
) -> None:
    assert entities(body) == expected
