"""Capitalised words joined into names and cut where a connector joins two (runs.py)."""

from __future__ import annotations

import pytest

from service.ingest.model import EntityKind
from tests.ingest.mentions.finding import PLACE, entities, entity, names, run


def test_saint_mount_or_fort_cut_short_opens_a_place_name() -> None:
    body = (
        "The St. Petersburg office will close. Workers in Ft. Wayne and Mt. Pleasant were "
        "told on Monday, a spokesman on Elm St. said."
    )
    _, entities = run(body)
    found = names(entities)
    assert {"St. Petersburg", "Ft. Wayne", "Mt. Pleasant"} <= found, found
    assert entity(entities, "Mt. Pleasant").kind is PLACE
    assert not found & {"St", "Ft", "Mt", "Petersburg", "Wayne", "Pleasant"}, found


def test_a_person_of_a_party_in_the_possessive_is_two_names() -> None:
    body = (
        "In Hong Kong Island, Regina Ip of the New People's Party won. "
        "Profit at Bank of America's main unit rose."
    )
    _, entities = run(body)
    kinds = {e.name: e.kind for e in entities}
    assert kinds["Regina Ip"] is EntityKind.PERSON
    assert kinds["Bank of America"] is EntityKind.ORGANIZATION


def test_a_companys_legal_form_after_a_comma_is_no_name_of_its_own() -> None:
    _, entities = run("YRC Worldwide, Inc. was the biggest faller, and Apple, Inc. gained.")
    found = names(entities)
    assert "YRC Worldwide" in found
    assert "Apple" in found
    assert not any("Inc" in name for name in found)


def test_an_acronym_before_the_name_it_spells_out_is_that_name() -> None:
    _, entities = run(
        "We will consider other options, including use of the TARP Troubled Assets "
        "Relief Program, to prevent a collapse."
    )
    found = entity(entities, "Troubled Assets Relief Program")
    assert found.aliases == ("TARP",)
    assert found.kind is EntityKind.ORGANIZATION


def test_a_name_before_a_colon_is_a_title_only_in_running_text() -> None:
    # opening a sentence, or after no lower-case word, it is a name of its own
    for body in (
        "Shares fell. Reuters: Apple Inc shares rose 5% on Monday.",
        "At 10 Reuters: Apple Inc rose.",
    ):
        _, entities = run(body)
        assert {e.name for e in entities} >= {"Reuters", "Apple Inc"}


def test_a_person_of_a_listed_place_is_a_person_and_the_place() -> None:
    _, entities = run(
        "The guests included Nicolae Ceausescu of Romania and President Lech Walesa of "
        "Poland, who met staff of the University of Texas and the Federal Reserve "
        "Bank of New York."
    )
    found = names(entities)
    assert {"Nicolae Ceausescu", "Romania", "Lech Walesa"} <= found, found
    assert {"University of Texas", "Federal Reserve Bank of New York"} <= found, found
    assert not any(" of Romania" in n or " of Poland" in n for n in found), found


def test_a_compass_word_before_and_shares_the_name_after_it() -> None:
    # named in full elsewhere: the bare word is no mention; else it names the shared name
    mentions, entities = run(
        "Envoys from North and South Korea met in Geneva, while ferries between East and "
        "West Timor stopped. North Korea sent four."
    )
    found = names(entities)
    assert {"North Korea", "South Korea", "East Timor", "West Timor"} <= found, found
    assert not {"North", "East"} & found, found
    assert "North" not in {m.text for m in mentions}


def test_a_month_or_a_street_after_in_or_on_is_no_part_of_the_name() -> None:
    _, entities = run(
        "The singer entered the Hazelden Recovery Center in June, her agent said. A fire "
        "broke out at the Pacific Coast Bank on Route 9 overnight. The Commission on "
        "Human Rights and the Council on Foreign Relations met."
    )
    found = names(entities)
    assert {"Hazelden Recovery Center", "Pacific Coast Bank"} <= found, found
    assert {"Commission on Human Rights", "Council on Foreign Relations"} <= found, found
    assert not {"Hazelden Recovery Center in June", "Pacific Coast Bank on Route"} & found


@pytest.mark.parametrize(
    ("body", "name"),
    [
        # a work's title runs on across a colon to its subtitle in running text
        ("Kevin Conroy, the voice of Batman in Batman: The Animated Series, spoke.",
         "Batman: The Animated Series"),
        ("The finals saw Cloud9 and Immortals face off in Counter-Strike: Global Offensive.",
         "Counter-Strike: Global Offensive"),
    ],
)  # fmt: skip
def test_a_title_runs_on_to_its_subtitle(body: str, name: str) -> None:
    assert (EntityKind.OTHER, name) in entities(body)


def test_a_surname_prefix_printed_apart_after_its_apostrophe_is_one_surname() -> None:
    _, entities = run("The council's leader, Aoife O' Keefe, said the plan would go ahead.")
    found = names(entities)
    assert "Aoife O'Keefe" in found, found
    assert not found & {"Aoife O", "Keefe"}, found
