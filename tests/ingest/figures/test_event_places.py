"""The place a toll is of: where it happened, the town before its country, the country
when two cities are named as one place."""

from __future__ import annotations

from tests.ingest.figures.whom import subjects_of


def test_a_count_after_two_cities_named_as_one_place_is_the_countrys() -> None:
    subjects = subjects_of(
        "Quake hits Spain\n\n"
        "A strong earthquake struck Spain between Madrid and the city of Toledo. "
        "The government declared an emergency with 300 dead. The quake also shook Seville. "
        "Officials in Seville reported 12 injured.\n"
    )
    assert subjects["300"] == "Spain"
    assert subjects["12"] == "Seville"


def test_a_toll_is_the_place_where_it_happened_not_the_victims_country() -> None:
    subjects = subjects_of(
        "Convoy attacked\n\n"
        "Three people were killed when gunmen fired on a convoy carrying the Ghana rugby "
        "team to a tournament in Zambia.\n"
    )
    assert subjects["Three people"] == "Zambia"


def test_a_toll_in_a_town_and_its_country_is_the_towns() -> None:
    subjects = subjects_of(
        "Gunman sought\n\n"
        "Police in Liberia are searching for a gunman. In March, a gunman killed four "
        "people at a market in Kolahun, Liberia, before fleeing into Guinea.\n"
    )
    assert subjects["four people"] == "Kolahun"


def test_a_count_a_nations_government_found_is_that_countrys() -> None:
    subjects = subjects_of(
        "Quake toll rises in Peru\n\n"
        "A powerful earthquake struck Lima, the capital of Peru, on Tuesday. Rescuers "
        "said 2,300 people had died in Lima. On Sunday the Red Cross said the Peruvian "
        "government had found 4,120 bodies. Its officers studied Peruvian army photographs "
        "of 85 injured.\n"
    )
    assert subjects["2,300 people"] == "Lima"
    assert subjects["4,120"] == "Peru"
    assert subjects["85"] != "Peru"


def test_a_toll_on_an_island_or_in_a_province_is_the_countrys() -> None:
    subjects = subjects_of(
        "Quake in the Philippines\n\n"
        "The Philippines was shaken on Friday. A quake killed 14 people on Leyte island. "
        "Another killed nine people in the province of Samar. Floods killed six people in "
        "the Philippines.\n"
    )
    assert subjects["14 people"] == "Philippines"
    assert subjects["nine people"] == "Philippines"


def test_a_toll_in_a_city_named_for_a_bay_is_the_citys() -> None:
    subjects = subjects_of(
        "Floods in Jamaica\n\n"
        "Heavy rain fell across Jamaica on Monday. Floods killed 12 people in Montego Bay.\n"
    )
    assert subjects["12 people"] == "Montego Bay"
