"""A rule candidate checked against the recognised names it overlaps (checked_names.py)."""

from __future__ import annotations

import pytest

from service.ingest.mentions.entities import find_mentions
from service.ingest.model import EntityKind
from service.ingest.nlp.model import analyse
from service.ingest.parse.sentences import split_sentences
from tests.ingest.mentions.finding import ORG, PLACE, entities


def test_a_name_holding_a_place_stays_whole() -> None:
    # The recogniser sees only "Canada" in it; the rules' whole name stands.
    names = [name for _, name in entities("Environment Canada issued a warning for Ottawa.")]
    assert names == ["Environment Canada", "Ottawa"]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # a convention runs on across "on" to what it is about, though the recogniser
        # reads two names ("The UN Convention", "Biological Diversity")
        ("The UN Convention on Biological Diversity places a ban on geoengineering.",
         [(ORG, "UN Convention on Biological Diversity")]),
        ("The Convention on Biological Diversity (CBD) meets in Japan.",
         [(ORG, "Convention on Biological Diversity"), (PLACE, "Japan")]),
        # an organisation's office runs on across "for"
        ('It came after the United Nations High Commissioner for Refugees "recommended it".',
         [(ORG, "United Nations High Commissioner for Refugees")]),
    ],
)  # fmt: skip
def test_a_name_runs_on_to_what_it_is_about(
    body: str, expected: list[tuple[EntityKind, str]]
) -> None:
    assert entities(body) == expected


def test_a_title_before_its_holder_does_not_run_on() -> None:
    # "European Commissioner for Competition" is Neelie Kroes's title, no organisation
    found = entities("European Commissioner for Competition Neelie Kroes said the deal was fine.")
    assert (ORG, "Commissioner for Competition Neelie Kroes") not in found


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


def test_an_organisation_ending_in_a_party_word_is_one_name() -> None:
    body = "The cause was not known, said the Press Democrat newspaper in Santa Rosa."
    _, entities = find_mentions(body, split_sentences(body), analyse(body))
    found = {e.name for e in entities}
    assert "Press Democrat" in found, sorted(found)


def test_what_a_title_is_of_stays_out_of_the_holders_name() -> None:
    # the recogniser reads "Interior Dirk Halvorsen" as one name; "Interior" is what the
    # rules' title "Secretary of the Interior" is of
    body = '"The plan protects the parks," said Secretary of the Interior Dirk Halvorsen.'
    assert [name for _, name in entities(body)] == ["Dirk Halvorsen"]


def test_a_surname_prefix_printed_apart_is_not_cut_where_the_recogniser_stops() -> None:
    # The recogniser reads "Aoife O'" and a place "Keefe"; the rules' one surname stands.
    assert entities("Dublin councillor Aoife O' Keefe opposed the plan.") == [
        (PLACE, "Dublin"),
        (EntityKind.PERSON, "Aoife O'Keefe"),
    ]
