"""Capitalised words and names that name nothing (not_names.py)."""

from __future__ import annotations

from service.ingest.extract import extract
from service.ingest.parse.article import parse_article
from tests.ingest.mentions.finding import PLACE, entity, names, run


def test_a_numbered_street_or_precinct_keeps_its_number_and_compass_word() -> None:
    body = (
        "Deputies went to the 12000 block of East 223rd Street on Monday. Officers from the "
        "67th Precinct said the suspect was arrested near Fifth Avenue."
    )
    _, entities = run(body)
    found = names(entities)
    assert {"East 223rd Street", "67th Precinct", "Fifth Avenue"} <= set(found), found
    assert entity(entities, "East 223rd Street").kind is PLACE
    assert "Street" not in found, found
    assert "East" not in found, found  # the compass word is the street's
    assert "Precinct" not in found, found


def test_a_generic_head_alone_is_an_entity_only_for_a_body_named_in_full() -> None:
    _, entities = run(
        "Our Company thanks its staff, said Mr. Dale. The Calloway Institute agreed; the "
        "Institute will publish its review."
    )
    found = names(entities)
    assert "Company" not in found, found
    assert "Calloway Institute" in found, found


def test_the_acronym_of_a_common_noun_alone_is_no_name() -> None:
    body = (
        "The Harlow Motors van carried a GPS tracker, 8GB of RAM and two USB ports, police "
        "said. The driver, a senior VP at the firm, was held on a DUI charge at 9 p.m. EDT "
        "while the Harlow Motors TV advert ran."
    )
    _, entities = run(body)
    found = names(entities)
    assert not {"GPS", "RAM", "USB", "VP", "DUI", "EDT"} & found, found
    assert "Harlow Motors" in found, found
    extraction = extract(parse_article("Van held\n\n" + body))
    found = {e.name for e in extraction.entities}
    assert not {"GPS", "RAM", "USB", "VP", "DUI", "EDT"} & found, found


def test_the_acronym_of_a_degree_a_test_a_unit_or_a_chemical_alone_is_no_name() -> None:
    body = (
        "The SWAT team found the suspect, who holds a BS in Biology from Dunmore College and "
        "scored an I.Q. of 140, with traces of DDT and VX on his gloves, police said at "
        "6 a.m. PT. The Raiders placed their tackle on IR."
    )
    _, entities = run(body)
    found = names(entities)
    assert not {"SWAT", "BS", "I.Q.", "DDT", "VX", "PT", "IR"} & found, found
    assert "Dunmore College" in found, found


def test_a_lower_case_tail_between_capitalised_words_stays_in_the_name() -> None:
    _, entities = run(
        "On Sunday, elders of the United Church of Latter-day Saints met, and "
        "the New York-based Human Rights Watch wrote to them."
    )
    found = names(entities)
    assert "United Church of Latter-day Saints" in found, found
    assert not any("-based" in name for name in found), found
