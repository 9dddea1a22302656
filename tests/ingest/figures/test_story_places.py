"""The story's places: its country is a country today, never a former state named in its
background; a place the copy calls an island is no city."""

from __future__ import annotations

from service.ingest.figures.story_places import city_entities, main_place
from service.ingest.model import EntityKind, MentionCandidate, Span


def _place(index: int, name: str, start: int) -> MentionCandidate:
    return MentionCandidate(
        Span(start, start + len(name)), name, name, EntityKind.PLACE, 0, local_entity=index
    )


def test_the_story_country_is_never_a_former_state() -> None:
    mentions = [
        _place(0, "Soviet Union", 0),
        _place(0, "Soviet Union", 20),
        _place(1, "Kazakhstan", 40),
    ]
    assert main_place(mentions, frozenset(), city=False) == 1


def test_a_place_the_copy_calls_an_island_is_no_city() -> None:
    body = "A quake shook Kish island near Bandar Abbas, and then Kish again."
    kish = body.index("Kish")
    mentions = [
        _place(0, "Kish", kish),
        _place(1, "Bandar Abbas", body.index("Bandar")),
        _place(0, "Kish", body.index("Kish", kish + 1)),
    ]
    assert city_entities(body, mentions) == frozenset({1})
