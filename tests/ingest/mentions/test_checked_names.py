"""A rule candidate checked against the recognised names it overlaps (checked_names.py)."""

from __future__ import annotations

from service.ingest.model import EntityKind
from tests.ingest.mentions.finding import ORG, PLACE, entities


def test_a_title_before_its_holder_does_not_run_on() -> None:
    # "European Commissioner for Competition" is Neelie Kroes's title, no organisation
    found = entities("European Commissioner for Competition Neelie Kroes said the deal was fine.")
    assert (ORG, "Commissioner for Competition Neelie Kroes") not in found


def test_a_surname_prefix_printed_apart_is_not_cut_where_the_recogniser_stops() -> None:
    # The recogniser reads "Aoife O'" and a place "Keefe"; the rules' one surname stands.
    assert entities("Dublin councillor Aoife O' Keefe opposed the plan.") == [
        (PLACE, "Dublin"),
        (EntityKind.PERSON, "Aoife O'Keefe"),
    ]
