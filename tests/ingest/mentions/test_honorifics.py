"""The sex the story's honorifics give a surname (honorifics.py)."""

from __future__ import annotations

from service.ingest.mentions.entities import find_mentions
from service.ingest.parse.sentences import split_sentences


def test_a_surname_the_story_calls_mr_joins_no_woman_named_in_the_standfirst() -> None:
    body = (
        "President Hale signed the order on Tuesday.\n\n"
        "Mr. Hale said the order would take effect at once."
    )
    mentions, entities = find_mentions(body, split_sentences(body), known_people=["Margaret Hale"])
    assert all(e.name != "Margaret Hale" for e in entities), [e.name for e in entities]
    hale = {m.local_entity for m in mentions if m.text == "Hale"}
    assert len(hale) == 1, [e.name for e in entities]
