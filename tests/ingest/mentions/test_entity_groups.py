"""Grouping names into an article's entities, on real sentences through the finder."""

from __future__ import annotations

from service.ingest.mentions.entities import find_mentions
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
