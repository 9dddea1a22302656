"""The capitalised words names are read from (name_tokens.py)."""

from __future__ import annotations

from tests.ingest.mentions.finding import ORG, entity, names, run


def test_a_month_cut_short_before_its_day_is_a_date_not_a_name() -> None:
    body = (
        "The hearing was moved to Sept. 14, and the Harbor Court on Jan. 9 fined the firm. "
        "Sales fell on Dec 2. Jan Kowalski, the mayor, said the port would reopen."
    )
    _, entities = run(body)
    found = names(entities)
    assert {"Harbor Court", "Jan Kowalski"} <= found, found
    assert not found & {"Sept", "Jan", "Dec", "Harbor Court on Jan"}, found


def test_a_market_index_is_one_name_with_its_number() -> None:
    _, entities = run(
        "The FTSE 100 fell 2.03 points. The S&P 500 index dropped 3.24%, the Nasdaq "
        "Composite fell 2% and the Dow Jones Industrial Average lost 631 points. Some 100 "
        "traders watched."
    )
    assert {"FTSE 100", "S&P 500", "Nasdaq Composite", "Dow Jones Industrial Average"} <= names(
        entities
    )
    assert entity(entities, "Nasdaq Composite").kind is ORG
    assert not any("100" in name for name in names(entities) - {"FTSE 100"})


def test_a_listed_name_with_a_possessive_inside_it_is_one_name() -> None:
    _, entities = run("The Standard & Poor's 500 index lost 26 points on Monday.")
    assert "Standard & Poor's 500" in names(entities)


def test_two_places_joined_by_a_hyphen_are_two_places() -> None:
    _, entities = run("Its first flight on the Singapore-Sydney route left Changi.")
    assert {"Singapore", "Sydney"} <= names(entities)
    assert "Singapore-Sydney" not in names(entities)
