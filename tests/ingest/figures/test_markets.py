"""Where a market stood, read from the parse (sentences written for these tests)."""

from __future__ import annotations

import pytest

from tests.ingest.figures.reading import reading_of


@pytest.mark.parametrize(
    ("sentence", "text", "concept"),
    [
        # a market's low, high or record is a level of the index
        (
            "The Nikkei touched an intraday low of 8,115.41 before recovering.",
            "8,115.41",
            "index_level",
        ),
        (
            "The FTSE 100 index is still below its all-time high of 7,877.",
            "7,877",
            "index_level",
        ),
        # with no market in view, a high is a count of its own
        ("The striker reached a career high of 31 goals this season.", "31", "goals"),
    ],
)
def test_a_markets_extremes_are_its_level(sentence: str, text: str, concept: str) -> None:
    assert reading_of(sentence, text)[0] == concept


@pytest.mark.parametrize(
    ("sentence", "text", "concept"),
    [
        # a company's shares moving, in a sentence about markets
        (
            "Bank shares were weak, with Barclays losing 6.2% and Lloyds falling by 4.1%.",
            "6.2%",
            "decline",
        ),
        # "slip", a particle, "lower by" say which way it went
        ("In Paris, the CAC 40 slipped 1.4%.", "1.4%", "decline"),
        ("The Hang Seng has today gone up in value by 3.5%.", "3.5%", "growth"),
        ("Shares of mining companies were lower by four percent.", "four percent", "decline"),
        # the index a participle hangs on moved
        (
            "Markets across Europe slid as well, the FTSE index losing 3.1% and the CAC index "
            "of France falling by four percent.",
            "3.1%",
            "decline",
        ),
        # how far it went at most, or in all
        (
            "Over the week, shares in Tokyo have been down by a total of nine percent; on "
            "Friday they were down as much as three percent.",
            "nine percent",
            "decline",
        ),
        (
            "Over the week, shares in Tokyo have been down by a total of nine percent; on "
            "Friday they were down as much as three percent.",
            "three percent",
            "decline",
        ),
    ],
)
def test_which_way_a_market_moved(sentence: str, text: str, concept: str) -> None:
    assert reading_of(sentence, text)[0] == concept


@pytest.mark.parametrize(
    ("sentence", "text", "concept"),
    [
        # where a commodity went is its price
        ("Light crude was down $1.40 to $64.20 in London.", "$64.20", "price"),
        ("Copper fell 3% to $8,100 on Tuesday.", "$8,100", "price"),
        # how far it went is none, nor is what a seller got for it a market's price
        ("Light crude was down $1.40 to $64.20 in London.", "$1.40", None),
        ("The firm sold its copper to a buyer at $8,100.", "$8,100", "deal_value"),
    ],
)
def test_where_a_commodity_went_is_its_price(sentence: str, text: str, concept: str | None) -> None:
    assert reading_of(sentence, text)[0] == concept
