"""The whole name the recogniser reads over what the rules cut off (widened_names.py)."""

from __future__ import annotations

import pytest

from service.ingest.model import EntityKind
from tests.ingest.mentions.finding import ORG, PLACE, entities


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("Wildfires spread across Southern California on Monday.",
         [(PLACE, "Southern California")]),
        ("Veterans of the Korean War gathered in Seoul.",
         [(EntityKind.EVENT, "Korean War"), (PLACE, "Seoul")]),
        ("He was treated at a hospital in British Columbia.", [(PLACE, "British Columbia")]),
        # a direction opens a body's name complete with its head, or one the rules took
        # for a person's, and an event's
        ("Two frigates of the Eastern Naval Command escorted the convoy on Tuesday.",
         [(ORG, "Eastern Naval Command")]),
        ("The Southern Arena Chess Championship drew large crowds over the weekend.",
         [(EntityKind.EVENT, "Southern Arena Chess Championship")]),
        # a nationality before such a name describes it
        ("Officials of the British National Council for Voluntary Organisations met.",
         [(ORG, "National Council for Voluntary Organisations")]),
    ],
)  # fmt: skip
def test_a_nationality_or_direction_the_recogniser_reads_into_a_name_stays(
    body: str, expected: list[tuple[EntityKind, str]]
) -> None:
    assert entities(body) == expected


def test_what_a_title_is_of_stays_out_of_the_holders_name() -> None:
    # the recogniser reads "Interior Dirk Halvorsen" as one name; "Interior" is what the
    # rules' title "Secretary of the Interior" is of
    body = '"The plan protects the parks," said Secretary of the Interior Dirk Halvorsen.'
    assert [name for _, name in entities(body)] == ["Dirk Halvorsen"]
