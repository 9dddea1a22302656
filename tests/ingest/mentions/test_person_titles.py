"""Titles and roles printed with a person's name are no part of it (person_titles.py)."""

from __future__ import annotations

import pytest

from service.ingest.extract import extract
from service.ingest.parse.article import parse_article
from tests.ingest.mentions.finding import PERSON, entity, names, run


def test_a_role_noun_opening_a_sentence_is_a_title_not_part_of_the_name() -> None:
    # Seen at 100k: "Businessman Aisultan Nazarbayev" became a person of that name.
    body = (
        "ALMATY — Businessman Aisultan Nazarbayev opened a shop on Friday, the agency said. "
        "Activist Ermek Kassymenuly said police detained 12 people."
    )
    mentions, entities = run(body)
    found = names(entities)
    assert not any(n.split()[0] in ("Businessman", "Activist") for n in found), found
    for name in ("Aisultan Nazarbayev", "Ermek Kassymenuly"):
        assert entity(entities, name).kind is PERSON
        (mention,) = [m for m in mentions if m.name == name]
        assert mention.span.start == body.index(name)


def test_a_portfolio_before_a_title_is_part_of_the_title() -> None:
    body = "Environment Minister John Baird said the plan was sound on Monday."
    _, entities = run(body)
    assert entity(entities, "John Baird").kind is PERSON
    assert not any("Minister" in n for n in names(entities)), names(entities)


@pytest.mark.parametrize(
    ("title", "name"),
    [
        ("Assistant District Attorney", "Anthony Evans"),
        ("City Councilman", "Charles Barron"),
        ("Police Inspector", "Dave Gaskin"),
        ("Detective Chief Inspector", "Paul Duhig"),
        ("Corrections Officer", "Manuel Gonzalez"),
        ("Coroner", "Gary Hargrove"),
        ("Assistant Sheriff", "Doyle Campbell"),
        ("Special Counsel", "Hannah Okafor"),
        ("State Trooper", "Wes Delaney"),
        ("Representative", "Carla Munoz"),
        ("Undersheriff", "Dale Whitcomb"),
        ("Deputy Undersecretary", "Lena Porter"),
    ],
)
def test_local_government_and_police_titles_are_no_part_of_the_name(title: str, name: str) -> None:
    body = f"{title} {name} said the case was closed on Monday."
    _, entities = run(body)
    assert entity(entities, name).kind is PERSON
    assert not any(title.split()[-1] in n for n in names(entities)), names(entities)


@pytest.mark.parametrize(
    ("body", "name", "role"),
    [
        (
            "Deputy Public Defender Mara Quinn asked the witness about the car.",
            "Mara Quinn",
            "deputy public defender",
        ),
        (
            "Chief Patrol Agent Dana Whitfield said there had been no arrests.",
            "Dana Whitfield",
            "chief patrol agent",
        ),
        (
            "Chief Executive Owen Marsh told analysts the deal would close.",
            "Owen Marsh",
            "chief executive",
        ),
        ("The Saints signed RB Dorian Hale off the practice squad.", "Dorian Hale", "rb"),
        ("As for the Cubs, GM Theo Epstein has said little.", "Theo Epstein", "gm"),
    ],
)
def test_a_title_of_words_that_are_no_title_alone_is_no_part_of_the_name(
    body: str, name: str, role: str | None
) -> None:
    _, entities = run(body)
    found = entity(entities, name)
    assert found.kind is PERSON
    assert len(names(entities) - {"Saints", "Cubs"}) == 1, names(entities)
    if role is not None:
        assert found.description == role


def test_a_title_run_on_over_of_is_no_part_of_the_name() -> None:
    body = '"The plan protects the parks," said Secretary of the Interior Dirk Halvorsen.'
    _, entities = run(body)
    found = entity(entities, "Dirk Halvorsen")
    assert found.kind is PERSON
    assert found.description == "secretary of the interior"


def test_gm_before_words_that_are_no_name_is_general_motors() -> None:
    body = 'GM launched the "GM Total Confidence" plan for buyers who lose their jobs.'
    _, entities = run(body)
    assert not any(e.name == "Total Confidence" for e in entities), names(entities)


def test_a_title_cut_short_between_a_body_and_a_name_belongs_to_neither() -> None:
    body = (
        "The fire was set on purpose, Harbor County Sheriff's Office Lt. Dana Royce said. "
        "Rep. Omar Lindqvist and Rivertown Fire Department Capt. Lee Ortega agreed."
    )
    _, entities = run(body)
    found = names(entities)
    assert {"Dana Royce", "Omar Lindqvist", "Rivertown Fire Department", "Lee Ortega"} <= found
    assert not any(n.endswith(("Lt", "Capt")) or n == "Rep" for n in found), found


@pytest.mark.parametrize(
    ("body", "person", "not_names"),
    [
        # a title between a place's or a body's name and its holder
        ("Flooding closed three roads, Marlow Governor Dennis Keating said on Friday.",
         "Dennis Keating", ("Marlow Governor Dennis Keating",)),
        ("Plans were filed by Kestrel Dynamics Chief Financial Officer Ruth Hale on Monday.",
         "Ruth Hale", ("Kestrel Dynamics Chief Financial", "Financial Officer Ruth Hale")),
        # a title with what it is of between it and its holder
        ("The case was reopened by Chief of Detectives Laura Whitfield last week.",
         "Laura Whitfield", ("Chief of Detectives Laura Whitfield", "Detectives Laura Whitfield")),
        ("The memo went to Assistant Secretary of the Navy for Research Paul Henning.",
         "Paul Henning", ("Research Paul Henning",)),
    ],
)  # fmt: skip
def test_a_title_inside_a_run_of_capitals_is_in_no_name(
    body: str, person: str, not_names: tuple[str, ...]
) -> None:
    extraction = extract(parse_article("Report\n\n" + body))
    found = {e.name: e for e in extraction.entities}
    assert found[person].kind is PERSON, sorted(found)
    assert not set(not_names) & set(found), sorted(found)


def test_a_title_opening_a_run_still_describes_the_name_after_it() -> None:
    _, entities = run("Commerce Secretary Gary Locke said the rule would stand.")
    locke = entity(entities, "Gary Locke")
    assert locke.description == "commerce secretary"
    assert "Commerce" not in names(entities)


@pytest.mark.parametrize(
    ("body", "kept", "not_names"),
    [
        # a title in the possessive after the place it is held in
        ("Two deputies from the Marin County Sheriff's office were called.",
         "Marin County", ("Marin County Sheriff",)),
        # a body named so keeps it
        ("The Marin County Sheriff's Department arrested two men.",
         "Marin County Sheriff's Department", ("Marin County",)),
        # a corporate title between a body and its holder
        ("The plan, said Rainford Trust Co-Founder Ellen Marsh, was sound.",
         "Ellen Marsh", ("Rainford Trust Co-Founder", "Rainford Trust Co-Founder Ellen Marsh")),
    ],
)  # fmt: skip
def test_a_title_after_the_name_it_is_held_in_is_no_part_of_it(
    body: str, kept: str, not_names: tuple[str, ...]
) -> None:
    extraction = extract(parse_article("Report\n\n" + body))
    found = {e.name for e in extraction.entities}
    assert kept in found, sorted(found)
    assert not set(not_names) & found, sorted(found)
