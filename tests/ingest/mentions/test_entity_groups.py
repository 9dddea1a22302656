"""Grouping names into an article's entities, on real sentences through the finder."""

from __future__ import annotations

from service.ingest.mentions.candidate import Candidate
from service.ingest.mentions.entities import find_mentions
from service.ingest.mentions.entity_groups import group_mentions
from service.ingest.model import EntityKind
from service.ingest.nlp.model import analyse
from service.ingest.parse.sentences import split_sentences


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


def test_a_compass_word_is_the_half_of_the_country_the_article_names_in_both_halves() -> None:
    body = (
        "Envoys from North Korea met officials of South Korea on Friday. The North agreed "
        "to halt its tests, and the South welcomed the move."
    )
    mentions, entities = find_mentions(body, split_sentences(body), analyse(body))
    names = {e.index: e.name for e in entities}
    by_text = {m.text: names[m.local_entity] for m in mentions}
    assert by_text["North"] == "North Korea", by_text
    assert by_text["South"] == "South Korea", by_text


def test_a_compass_word_with_no_pair_of_halves_stays_apart() -> None:
    body = "Voters in South Carolina went to the polls. Across the South, turnout was high."
    mentions, entities = find_mentions(body, split_sentences(body), analyse(body))
    names = {e.index: e.name for e in entities}
    assert all(names[m.local_entity] != "South Carolina" for m in mentions if m.text == "South")


def test_a_man_named_with_his_first_initial_and_without_it_is_one_person() -> None:
    body = "R. Tomas Hallam Sr, the banker, retired. Tomas Hallam said Hallam was tired."
    at = body.index
    cands = [
        Candidate(0, 18, "R. Tomas Hallam Sr", EntityKind.PERSON, 0),
        Candidate(
            at("Tomas Hallam said"),
            at("Tomas Hallam said") + 12,
            "Tomas Hallam",
            EntityKind.PERSON,
            1,
        ),
        Candidate(at("Hallam was"), at("Hallam was") + 6, "Hallam", EntityKind.PERSON, 1),
    ]
    mentions, entities = group_mentions(body, cands)
    assert [e.name for e in entities] == ["R. Tomas Hallam Sr"]
    assert {m.local_entity for m in mentions} == {0}


def test_a_surname_joins_a_full_name_printed_with_a_first_initial() -> None:
    body = "R. Tomas Hallam founded the bank. Hallam sold it in 1990."
    at = body.index("Hallam sold")
    cands = [
        Candidate(0, 15, "R. Tomas Hallam", EntityKind.PERSON, 0),
        Candidate(at, at + 6, "Hallam", EntityKind.PERSON, 1),
    ]
    _, entities = group_mentions(body, cands)
    assert [(e.name, e.aliases) for e in entities] == [("R. Tomas Hallam", ("Hallam",))]
