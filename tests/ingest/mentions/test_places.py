"""Places typed from GeoNames: a story's country is a country today."""

from __future__ import annotations

from service.ingest.mentions.places import demonym_country, named_country, place_type


def test_places_are_typed_from_geonames() -> None:
    assert place_type("Kazakhstan") == "country"
    assert place_type("Almaty") == "city"
    assert place_type("Mecca") == "city"  # another name of Makkah
    assert place_type("Nur-Sultan") == "city"
    assert place_type("Texas") == "region"
    assert place_type("U.S.") == "country"
    assert place_type("Soviet Union") is None


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
