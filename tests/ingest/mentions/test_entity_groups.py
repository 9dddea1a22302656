"""Grouping names into an article's entities, on real sentences through the finder."""

from __future__ import annotations

from service.ingest.mentions.candidate import Candidate
from service.ingest.mentions.entities import find_mentions
from service.ingest.mentions.entity_groups import group_mentions
from service.ingest.model import EntityKind
from service.ingest.parse.sentences import split_sentences


def test_a_surname_joined_by_and_to_a_full_name_of_it_is_another_person() -> None:
    body = (
        "Trump warns Iran on nuclear program as Macron aims to preserve pact\n\n"
        "President Trump warned Iran's leaders on Tuesday.\n\n"
        "Trump and first lady Melania Trump welcomed Macron and his wife to the White "
        "House on Tuesday morning.\n\n"
        "Trump said the visit came at a critical time."
    )
    mentions, entities = find_mentions(body, split_sentences(body))
    melania = {m.local_entity for m in mentions if m.text == "Melania Trump"}
    bare = {m.local_entity for m in mentions if m.text == "Trump"}
    assert len(melania) == 1
    assert bare, [e.name for e in entities]
    assert not bare & melania, [e.name for e in entities]


def test_a_surname_with_an_honorific_of_the_other_sex_joins_no_full_name() -> None:
    body = (
        "The senator's wife, Margaret Hale, opened the clinic on Monday.\n\n"
        "Mr. Hale told reporters the clinic would serve veterans."
    )
    mentions, entities = find_mentions(body, split_sentences(body))
    margaret = {m.local_entity for m in mentions if m.text == "Margaret Hale"}
    mister = {m.local_entity for m in mentions if body[m.span.start - 4 : m.span.start] == "Mr. "}
    assert mister, [e.name for e in entities]
    assert not mister & margaret, [e.name for e in entities]


def test_a_surname_the_story_calls_mr_joins_no_woman_named_in_the_standfirst() -> None:
    body = (
        "President Hale signed the order on Tuesday.\n\n"
        "Mr. Hale said the order would take effect at once."
    )
    mentions, entities = find_mentions(body, split_sentences(body), known_people=["Margaret Hale"])
    assert all(e.name != "Margaret Hale" for e in entities), [e.name for e in entities]
    hale = {m.local_entity for m in mentions if m.text == "Hale"}
    assert len(hale) == 1, [e.name for e in entities]


def test_an_organisation_a_person_s_title_was_printed_before_is_that_person() -> None:
    body = "Hale, Ellison seek common ground. President Hale said the talks went well."
    first = Candidate(0, 4, "Hale", EntityKind.ORGANIZATION, 0)
    titled = Candidate(44, 48, "Hale", EntityKind.PERSON, 1, description="president")
    _, entities = group_mentions(body, [first, titled])
    assert [(e.name, e.kind) for e in entities] == [("Hale", EntityKind.PERSON)]


def test_an_organisation_a_role_word_describes_stays_one_when_its_name_is_no_person_s() -> None:
    body = "Northgate Holdings cut jobs. The general, Northgate Holdings, said so."
    first = Candidate(0, 18, "Northgate Holdings", EntityKind.ORGANIZATION, 0)
    described = Candidate(
        42, 60, "Northgate Holdings", EntityKind.ORGANIZATION, 1, description="general"
    )
    _, entities = group_mentions(body, [first, described])
    assert [e.kind for e in entities] == [EntityKind.ORGANIZATION]
