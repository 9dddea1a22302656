"""Grouping names into an article's entities, on real sentences through the finder."""

from __future__ import annotations

from service.ingest.mentions.candidate import Candidate
from service.ingest.mentions.entities import find_mentions
from service.ingest.mentions.entity_groups import group_mentions
from service.ingest.model import EntityKind
from service.ingest.nlp.model import analyse
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


def _kinds(
    body: str, readings: list[tuple[str, EntityKind]], titled: str = ""
) -> dict[str, EntityKind]:
    """Group candidates read as given (each name at its next occurrence in ``body``), the
    first after ``titled`` carrying that title as the finder gives it."""
    candidates: list[Candidate] = []
    seen: dict[str, int] = {}
    for name, kind in readings:
        start = body.index(name, seen.get(name, 0))
        seen[name] = start + len(name)
        title = titled.lower() if titled and body.endswith(titled + " ", 0, start) else None
        candidates.append(Candidate(start, start + len(name), name, kind, 0, title))
    _, entities = group_mentions(body, candidates)
    return {e.name: e.kind for e in entities}


P, G, L = EntityKind.PERSON, EntityKind.ORGANIZATION, EntityKind.PLACE


def test_a_name_once_titled_is_a_person_wherever_the_recogniser_read_an_organisation() -> None:
    body = "Trump to visit Britain. President Trump will travel in July. Trump nixed a visit."
    readings = [("Trump", G), ("Britain", L), ("Trump", P), ("Trump", G)]
    assert _kinds(body, readings, titled="President")["Trump"] is P
    assert _kinds(body, readings)["Trump"] is G
    body = "Trump to visit Britain. Mr. Trump will travel in July. Trump nixed a visit."
    assert _kinds(body, readings)["Trump"] is P


def test_a_name_once_read_as_a_place_after_in_is_that_place() -> None:
    body = "A man of Newton Street, Millom was held. Millom police said. He lived in Millom."
    readings = [("Newton Street", L), ("Millom", G), ("Millom", G), ("Millom", L)]
    assert _kinds(body, readings)["Millom"] is L


def test_most_readings_decide_but_a_bare_person_majority_needs_a_given_name() -> None:
    body = "The Colts beat Denver. The Colts won again. Colts fans cheered."
    assert _kinds(body, [("Colts", P), ("Colts", G), ("Colts", G)])["Colts"] is G
    body = "Irish airline, Ryanair, ordered jets. Ryanair has 91 aircraft. Ryanair is big."
    assert _kinds(body, [("Ryanair", G), ("Ryanair", P), ("Ryanair", P)])["Ryanair"] is G
    body = "Gloria fell ill. Gloria was taken to hospital. Gloria died in May."
    assert _kinds(body, [("Gloria", G), ("Gloria", P), ("Gloria", P)])["Gloria"] is P


def test_a_country_read_as_an_organisation_once_joins_its_other_spelling() -> None:
    body = (
        "The President of the United States will visit. U.S. troops left. The United States agreed."
    )
    readings = [("United States", G), ("U.S.", L), ("United States", L)]
    kinds = _kinds(body, readings)
    assert kinds == {"United States": L}, kinds


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


def test_a_given_name_alone_is_the_one_person_of_that_given_name_named_before() -> None:
    body = (
        'The director Nora Blake praised the cast on Friday. "Nora was calm all through '
        'the shoot," a producer said. Later Dan Fox and Dan Ruiz arrived, and Dan left early.'
    )
    mentions, entities = find_mentions(body, split_sentences(body), analyse(body))
    by_text = {m.text: m.local_entity for m in mentions}
    assert by_text["Nora"] == by_text["Nora Blake"], [e.name for e in entities]
    # two people share the given name: it joins neither
    assert by_text["Dan"] not in (by_text["Dan Fox"], by_text["Dan Ruiz"])


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
