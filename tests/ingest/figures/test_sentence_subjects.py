"""The subject a property's own rule finds in its sentence: the place a distance is
measured from."""

from __future__ import annotations

from tests.ingest.figures.whom import subjects_of


def test_a_distance_is_of_the_place_it_is_measured_from() -> None:
    subjects = subjects_of(
        "Quake shakes Peru\n\n"
        "A strong earthquake hit Peru on Tuesday. It struck 40 kilometres (25 miles) "
        "south-east of the mountain city of Cusco.\n"
    )
    assert subjects["40 kilometres"] == "Cusco"
    assert subjects["25 miles"] == "Cusco"
