"""Names printed in lower case: dated events and places (lower_case_names.py)."""

from __future__ import annotations

from service.ingest.model import EntityKind
from tests.ingest.mentions.finding import EVENT, run


def test_dated_event_mentions() -> None:
    body = (
        "Protests followed the June 9 presidential election in Kazakhstan.\n\n"
        "Observers said the June 9 election was marred by violations."
    )
    mentions, entities = run(body)
    events = [e for e in entities if e.kind is EVENT]
    assert len(events) == 1
    assert events[0].name == "June 9 presidential election"
    assert events[0].aliases == ("June 9 election",)
    assert len([m for m in mentions if m.kind is EVENT]) == 2


def test_the_euro_zone_is_a_place_in_lower_case_too() -> None:
    body = "Inflation in the euro zone fell to 2.4 percent. The euro area economy grew."
    mentions, entities = run(body)
    assert [(m.text, entities[m.local_entity].name) for m in mentions] == [
        ("euro zone", "Eurozone"),
        ("euro area", "Eurozone"),
    ]
    assert entities[0].kind is EntityKind.PLACE
