"""The kind of a name the rules read (kinds.py)."""

from __future__ import annotations

from service.ingest.mentions.kinds import capitals_beside_lower
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


def test_a_name_with_a_word_in_capitals_after_its_first_is_no_person() -> None:
    # software, a police detachment: a person's name prints no "OS" or "RCMP" inside it
    body = (
        "Microsoft said on Tuesday that Vista Home XP would ship in March. "
        "Officers from the Nelson RCMP attended the scene."
    )
    _, entities = run(body)
    kinds = {e.name: e.kind for e in entities}
    assert kinds["Vista Home XP"] is not EntityKind.PERSON
    assert kinds["Nelson RCMP"] is not EntityKind.PERSON


def test_initials_run_together_or_a_numeral_still_make_a_person() -> None:
    assert not capitals_beside_lower("JJ Abrams")
    assert not capitals_beside_lower("Benedict XVI")
    assert not capitals_beside_lower("US Treasury")
    assert not capitals_beside_lower("Lowell Anger of CAPOS")
    assert capitals_beside_lower("Mac OS X")
