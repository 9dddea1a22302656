"""Which full name a surname or a given name printed alone joins (full_names.py)."""

from __future__ import annotations

from service.ingest.mentions.entities import find_mentions
from service.ingest.mentions.full_names import person_key
from service.ingest.mentions.names import name_key
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


def test_a_leading_initial_and_a_senior_leave_the_name_a_man_goes_by() -> None:
    assert person_key(name_key("R. Tomas Hallam Sr")) == person_key(name_key("Tomas Hallam"))
    assert person_key(name_key("R. Tomas Hallam")) == person_key(name_key("Tomas Hallam"))


def test_a_junior_and_an_initial_before_a_surname_alone_stay() -> None:
    assert person_key(name_key("Tomas Hallam Jr")) != person_key(name_key("Tomas Hallam"))
    assert person_key(name_key("R. Hallam")) != person_key(name_key("Hallam"))
