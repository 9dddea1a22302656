"""Acronyms in brackets and the names they spell (acronyms.py)."""

from __future__ import annotations

from tests.ingest.mentions.finding import entity, names, run


def test_a_list_of_capitalised_words_before_the_acronym_it_spells_is_one_name() -> None:
    _, entities = run(
        "Its Flight Data, Navigation and Control Unit (FDNCU) failed twice, and the "
        "Tracking and Landing Aid (TLA) was switched off."
    )
    found = names(entities)
    assert {"Flight Data, Navigation and Control Unit", "Tracking and Landing Aid"} <= found
    assert not {"Flight Data", "Navigation", "Control Unit", "Tracking"} & found, found
    assert entity(entities, "Flight Data, Navigation and Control Unit").aliases == ("FDNCU",)
