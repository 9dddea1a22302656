"""The kind of a name the rules read (kinds.py)."""

from __future__ import annotations

from service.ingest.model import EntityKind
from tests.ingest.mentions.finding import PLACE, entity, run


def test_a_sea_or_a_cape_named_for_where_it_lies_is_a_place() -> None:
    body = "Tankers crossing the Strait of Hormuz and the Cape of Good Hope were delayed."
    _, entities = run(body)
    assert entity(entities, "Strait of Hormuz").kind is PLACE
    assert entity(entities, "Cape of Good Hope").kind is PLACE


def test_a_show_a_flight_or_a_marathon_is_an_event_not_a_person() -> None:
    # "Paris" and "Adam" are given names too; the last word says what the name is
    body = (
        "Qatar Airways ordered jets at the Paris Air Show. The crash of Adam Air Flight 574 "
        "killed 102 people. The Gold Coast Marathon was held on Sunday."
    )
    _, entities = run(body)
    kinds = {e.name: e.kind for e in entities}
    assert kinds["Paris Air Show"] is EntityKind.EVENT
    assert kinds["Adam Air Flight"] is EntityKind.EVENT
    assert kinds["Gold Coast Marathon"] is EntityKind.EVENT
