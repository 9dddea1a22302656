"""Descriptions, honours and bare titles printed in capitals beside names are not names."""

from __future__ import annotations

import pytest

from service.ingest.mentions.entities import find_mentions
from service.ingest.model import EntityKind
from service.ingest.nlp.model import analyse
from service.ingest.parse.sentences import split_sentences

PERSON, ORG, PLACE = EntityKind.PERSON, EntityKind.ORGANIZATION, EntityKind.PLACE


def entities(body: str) -> list[tuple[EntityKind, str]]:
    _, found = find_mentions(body, split_sentences(body), analyse(body))
    return [(e.kind, e.name) for e in found]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # a description before a full name the recogniser reads as a person
        ("Nonpartisan Paul Tse and Wong Kwok-kin were re-elected.",
         [(PERSON, "Paul Tse"), (PERSON, "Wong Kwok-kin")]),
        # a stance joined by a hyphen: before a person, before a party
        ("Pan-democrat Lam Cheuk-ting won the seat.", [(PERSON, "Lam Cheuk-ting")]),
        ("Pro-Beijing DAB lost two seats.", [(ORG, "DAB")]),
        # an honour after a name is no organisation
        ("In the words of the prosecutor, Mark Tedeschi, QC, the case was sad.",
         [(PERSON, "Mark Tedeschi")]),
        # a title alone, a common noun alone
        ("The Chief Justice said the State would pay.", []),
        # but a body named by its head word alone stays, and so does a party; a given
        # name makes a person though the surname heads organisations ("Press")
        ("The Senate voted. Jim Press, the vice chairman, spoke; Press left.",
         [(ORG, "Senate"), (PERSON, "Jim Press")]),
        ("Fernando Cheung of the Labour Party won.",
         [(PERSON, "Fernando Cheung"), (ORG, "Labour Party")]),
        # a speaker's name run on after a body's, before "said"; not a firm named after
        # people
        ("The director of the Council on American-Islamic Relations Alia Salem said so.",
         [(ORG, "Council on American-Islamic Relations"), (PERSON, "Alia Salem")]),
        ("Analysts at Bank of America Merrill Lynch said so.",
         [(ORG, "Bank of America Merrill Lynch")]),
        # a person's name cut at its particles is one name
        ('"We deserved it," manager Erik ten Hag told BBC Sport.',
         [(PERSON, "Erik ten Hag"), (ORG, "BBC Sport")]),
        ("Ursula von der Leyen said so.", [(PERSON, "Ursula von der Leyen")]),
        # what a company does, before its name
        ("Chipmaker Nvidia said revenue rose.", [(ORG, "Nvidia")]),
        ("Shares in electric carmaker Tesla fell.", [(ORG, "Tesla")]),
        ("A jury ordered Johnson & Johnson to pay.", [(ORG, "Johnson & Johnson")]),
        # a one-word place the recogniser reads as a person, after "of"
        ("Maria Lopez, the mayor of Valencia, spoke.",
         [(PERSON, "Maria Lopez"), (EntityKind.PLACE, "Valencia")]),
    ],
)  # fmt: skip
def test_words_beside_a_name_are_not_the_name(
    body: str, expected: list[tuple[EntityKind, str]]
) -> None:
    assert entities(body) == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # a stance alone is no place
        ("For the Pro-Beijing camp, Elizabeth Quat of DAB was elected.",
         [(PERSON, "Elizabeth Quat"), (ORG, "DAB")]),
        # a group of a tournament's draw is nobody
        ("Group F — Sweden 1 – 0 Korea Republic",
         [(EntityKind.PLACE, "Sweden"), (EntityKind.PLACE, "Korea Republic")]),
        # a grade of a word and a letter, a numbered part of a text
        ("The document had the stamp Protected B on every page.", []),
        ("The states say Article III demands more, and Title IV allows it.", []),
        # an office named by its portfolio is a role, not an entity; its holder is one
        ("The Haitian government Communications Minister states that 150,000 people died.",
         []),
        ("Jeff Rathke, the State Department Spokesperson, said, \"We urge calm.\"",
         [(PERSON, "Jeff Rathke")]),
    ],
)  # fmt: skip
def test_a_stance_a_draw_group_or_an_office_alone_is_no_entity(
    body: str, expected: list[tuple[EntityKind, str]]
) -> None:
    assert entities(body) == expected


def test_a_name_with_a_roman_numeral_stays() -> None:
    assert [name for _, name in entities("The Atlas V rocket was launched.")] == ["Atlas V"]


def test_a_given_name_before_a_letter_stays_a_person() -> None:
    # the copy's tokens split "O' Leary"; the given name is still a person's
    body = "A contrary view is offered by Charles O 'Reilly, a management expert."
    assert "Charles O" in [name for _, name in entities(body)]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # a title run on after the organisation it is held in is a role
        ("The Apple Chief Executive Officer said nothing.", [(ORG, "Apple")]),
        ("The Goldman Sachs Chief Executive Officer said nothing.", [(ORG, "Goldman Sachs")]),
        # an office alone is no entity
        ("Joe Leonard, Chairman and Chief Operating Officer, said so.",
         [(PERSON, "Joe Leonard")]),
    ],
)  # fmt: skip
def test_a_title_after_an_organisation_is_a_role(
    body: str, expected: list[tuple[EntityKind, str]]
) -> None:
    assert entities(body) == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # a title the rules dropped between the possessor and the head
        ("A spokesman for the Essex County District Attorney's Office declined to comment.",
         [(ORG, "Essex County District Attorney's Office")]),
        # a given name owning a store's name
        ("A shopper was struck outside a Sam's Club store in Edina.",
         [(ORG, "Sam's Club"), (PLACE, "Edina")]),
        ("The phone was unveiled at the Global Developer's Conference in June.",
         [(ORG, "Global Developer's Conference")]),
        # a country's office is the country's
        ("Iran's Office for Disaster Relief said 40 people died.",
         [(PLACE, "Iran"), (ORG, "Office for Disaster Relief")]),
    ],
)  # fmt: skip
def test_a_name_the_possessive_cut_in_two_is_one_name(
    body: str, expected: list[tuple[EntityKind, str]]
) -> None:
    assert entities(body) == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # the body a title is of is a name, the title is not
        ("She once served as Chair of the Association of County Clerks in Ohio.",
         [(ORG, "Association of County Clerks"), (PLACE, "Ohio")]),
        # a portfolio names nobody
        ("Tom Reed, Canada's Minister of Fisheries, said the quota would stay.",
         [(PERSON, "Tom Reed"), (PLACE, "Canada")]),
        # a title of two words and no holder
        ("The Surgeon General warned against vaping.", []),
        # a style one person is known by stays what the recogniser read
        ("Prince Charles, the Prince of Wales, opened the hospital.",
         [(PERSON, "Charles"), (ORG, "Prince of Wales")]),
    ],
)  # fmt: skip
def test_a_title_and_what_it_is_of_is_no_name(
    body: str, expected: list[tuple[EntityKind, str]]
) -> None:
    assert entities(body) == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("Traffic was stopped on Interstate 805 near the border.",
         [(PLACE, "Interstate 805")]),
        ("Passengers will board at Terminal 3 of Changi International Airport from January.",
         [(PLACE, "Terminal 3"), (PLACE, "Changi International Airport")]),
    ],
)  # fmt: skip
def test_a_road_or_a_terminal_is_named_with_its_number(
    body: str, expected: list[tuple[EntityKind, str]]
) -> None:
    assert entities(body) == expected
