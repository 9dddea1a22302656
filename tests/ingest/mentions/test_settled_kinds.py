"""The kind of a name settled over all its mentions before grouping (settled_kinds.py)."""

from __future__ import annotations

from service.ingest.mentions.candidate import Candidate
from service.ingest.mentions.entity_groups import group_mentions
from service.ingest.mentions.settled_kinds import people_named_by_surname
from service.ingest.model import EntityKind


def _kinds(
    body: str, readings: list[tuple[str, EntityKind]], titled: str = ""
) -> dict[str, EntityKind]:
    """Group candidates read as given (each name at its next occurrence in ``body``), the
    first after ``titled`` carrying that title as the finder gives it."""
    candidates: list[Candidate] = []
    seen: dict[str, int] = {}
    for name, kind in readings:
        start = body.index(name, seen.get(name, 0))
        seen[name] = start + len(name)
        title = titled.lower() if titled and body.endswith(titled + " ", 0, start) else None
        candidates.append(Candidate(start, start + len(name), name, kind, 0, title))
    _, entities = group_mentions(body, candidates)
    return {e.name: e.kind for e in entities}


P, G, L = EntityKind.PERSON, EntityKind.ORGANIZATION, EntityKind.PLACE


def test_a_name_once_titled_is_a_person_wherever_the_recogniser_read_an_organisation() -> None:
    body = "Trump to visit Britain. President Trump will travel in July. Trump nixed a visit."
    readings = [("Trump", G), ("Britain", L), ("Trump", P), ("Trump", G)]
    assert _kinds(body, readings, titled="President")["Trump"] is P
    assert _kinds(body, readings)["Trump"] is G
    body = "Trump to visit Britain. Mr. Trump will travel in July. Trump nixed a visit."
    assert _kinds(body, readings)["Trump"] is P


def test_a_name_once_read_as_a_place_after_in_is_that_place() -> None:
    body = "A man of Newton Street, Millom was held. Millom police said. He lived in Millom."
    readings = [("Newton Street", L), ("Millom", G), ("Millom", G), ("Millom", L)]
    assert _kinds(body, readings)["Millom"] is L


def test_most_readings_decide_but_a_bare_person_majority_needs_a_given_name() -> None:
    body = "The Colts beat Denver. The Colts won again. Colts fans cheered."
    assert _kinds(body, [("Colts", P), ("Colts", G), ("Colts", G)])["Colts"] is G
    body = "Irish airline, Ryanair, ordered jets. Ryanair has 91 aircraft. Ryanair is big."
    assert _kinds(body, [("Ryanair", G), ("Ryanair", P), ("Ryanair", P)])["Ryanair"] is G
    body = "Gloria fell ill. Gloria was taken to hospital. Gloria died in May."
    assert _kinds(body, [("Gloria", G), ("Gloria", P), ("Gloria", P)])["Gloria"] is P


def test_a_country_read_as_an_organisation_once_joins_its_other_spelling() -> None:
    body = (
        "The President of the United States will visit. U.S. troops left. The United States agreed."
    )
    readings = [("United States", G), ("U.S.", L), ("United States", L)]
    kinds = _kinds(body, readings)
    assert kinds == {"United States": L}, kinds


def test_a_ship_named_with_its_prefix_is_a_thing_and_so_is_its_bare_name() -> None:
    body = (
        "The frigate HMS Kestrel answered a mayday from the freighter MV Orla. Kestrel sent"
        " a boat across, and the Orla reached port. Her master lives in Orla."
    )
    readings = [
        ("HMS Kestrel", P),
        ("MV Orla", G),
        ("Kestrel", P),
        ("Orla", P),
        ("Orla", L),
    ]
    candidates: list[Candidate] = []
    for name, kind in readings:  # in reading order, each after the one before
        start = body.index(name, candidates[-1].end if candidates else 0)
        candidates.append(Candidate(start, start + len(name), name, kind, 0))
    _, entities = group_mentions(body, candidates)
    found = {e.name: (e.kind, e.aliases) for e in entities}
    assert found["HMS Kestrel"] == (EntityKind.OTHER, ("Kestrel",))
    assert found["MV Orla"][0] is EntityKind.OTHER
    assert "Orla" in found["MV Orla"][1]
    assert found["Orla"][0] is L  # "in Orla": the town


def test_an_award_is_a_thing_but_not_the_body_that_gives_it() -> None:
    body = (
        "The novelist won the Hollis Prize in May and the Orchard Award a year later; the"
        " Hollis Prize Committee praised her."
    )
    readings = [("Hollis Prize", P), ("Orchard Award", G), ("Hollis Prize Committee", G)]
    kinds = _kinds(body, readings)
    assert kinds["Hollis Prize"] is EntityKind.OTHER
    assert kinds["Orchard Award"] is EntityKind.OTHER
    assert kinds["Hollis Prize Committee"] is G


def test_a_person_named_for_a_building_is_that_building_but_not_a_given_name() -> None:
    body = "The donor met aides at Varga Tower on Friday; John Tower, a lawyer, was there."
    kinds = _kinds(body, [("Varga Tower", P), ("John Tower", P)])
    assert kinds["Varga Tower"] is L
    assert kinds["John Tower"] is P


def test_a_person_the_copy_sets_where_a_place_goes_is_that_place() -> None:
    body = (
        "The farmer, who lives in Pedra Baixa, said rain fell near the village of Corvão."
        " Later Mossel Bay told reporters the roads were shut in Ronda Vale; Mr. Ronda Vale"
        " agreed. Sales rose in NEW LEAF and Kitra Dunn, seen in Kitra Dunn's shop, smiled"
        " at Voss, who grew up in Voss."
    )
    readings = [
        ("Pedra Baixa", P),
        ("Corvão", P),
        ("Ronda Vale", P),
        ("Ronda Vale", P),
        ("NEW LEAF", P),
        ("Kitra Dunn", P),
        ("Voss", P),
    ]
    kinds = _kinds(body, readings)
    assert kinds["Pedra Baixa"] is L
    assert kinds["Corvão"] is L  # one word: only after "the village of"
    assert kinds["Ronda Vale"] is P  # "Mr. Ronda Vale": a person
    assert kinds["NEW LEAF"] is P  # not spelt as towns are
    assert kinds["Kitra Dunn"] is P  # opens with a given name
    assert kinds["Voss"] is P  # one word after "in": a surname as often as a town


def test_a_person_named_for_a_day_or_an_event_is_that_day_or_the_honour() -> None:
    body = (
        "Crowds gathered for Founders Day, then for the Lantern Bowl; Kessel Festival"
        " drew more. Doris Day sang, and the coach entered the Hall of Fame."
    )
    readings = [
        ("Founders Day", P),
        ("Lantern Bowl", P),
        ("Kessel Festival", P),
        ("Doris Day", P),
        ("Hall of Fame", P),
    ]
    kinds = _kinds(body, readings)
    assert kinds["Founders Day"] is EntityKind.EVENT
    assert kinds["Lantern Bowl"] is EntityKind.EVENT
    assert kinds["Kessel Festival"] is EntityKind.EVENT
    assert kinds["Doris Day"] is P  # opens with a given name
    assert kinds["Hall of Fame"] is EntityKind.OTHER


def _after_full_name(
    body: str, full: tuple[str, EntityKind], bare: list[EntityKind]
) -> list[EntityKind]:
    """Kinds the surname rule settles for a full name printed first and its bare surname
    (the full name's last word) read as given at each later occurrence."""
    name, kind = full
    candidates = [Candidate(0, len(name), name, kind, 0, None)]
    word, pos = name.split()[-1], len(name)
    for reading in bare:
        start = body.index(word, pos)
        pos = start + len(word)
        candidates.append(Candidate(start, pos, word, reading, 0, None))
    people_named_by_surname(body, candidates)
    return [c.kind for c in candidates[1:]]


def test_a_bare_surname_read_as_a_place_or_a_firm_is_the_full_named_person() -> None:
    body = "Laura Marsh opened the bridge. The Marsh plan was cheered. Critics wrote to Marsh."
    assert _after_full_name(body, ("Laura Marsh", P), [L, G]) == [P, P]
    body = "Laura Marsh opened the bridge. Later, Marsh flew home. Locals in Marsh cheered."
    assert _after_full_name(body, ("Laura Marsh", P), [G, L]) == [G, L]
    body = "Aero Marsh grounded its jets. The Marsh fleet is old. Marsh agreed."
    assert _after_full_name(body, ("Aero Marsh", P), [G, G]) == [G, G]
