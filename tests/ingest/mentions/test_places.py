"""Places typed from GeoNames: a story's country is a country today."""

from __future__ import annotations

from service.ingest.figures.properties import main_place
from service.ingest.mentions.places import demonym_country, named_country, place_type
from service.ingest.model import EntityKind, MentionCandidate, Span


def test_places_are_typed_from_geonames() -> None:
    assert place_type("Kazakhstan") == "country"
    assert place_type("Almaty") == "city"
    assert place_type("Mecca") == "city"  # another name of Makkah
    assert place_type("Nur-Sultan") == "city"
    assert place_type("Texas") == "region"
    assert place_type("U.S.") == "country"
    assert place_type("Soviet Union") is None


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


def test_named_country_reads_datelines_and_headlines() -> None:
    assert named_country(["ALMATY, Kazakhstan (AFP)"]) == "Kazakhstan"
    assert named_country([None, "Were 4,000 detained on Kazakhstan's election day?"]) == (
        "Kazakhstan"
    )
    assert named_country(["Protests spread across the United States"]) == "United States"
    assert named_country(["WASHINGTON (AP)", "Russian News Agency"]) is None


def test_demonym_country_is_the_country_its_nationality_words_name_most() -> None:
    assert demonym_country("Portuguese voters and a Spanish observer; Portuguese media") == (
        "Portugal"
    )
    assert demonym_country("Dutch and British officials met.") == "The Netherlands"
    assert demonym_country("Muslim and Christian leaders met in the West.") is None
