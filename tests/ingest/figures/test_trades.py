"""What a sum changing hands measures: a cost someone bore, a holding sold."""

from __future__ import annotations

import pytest

from tests.ingest.figures.reading import reading_of


@pytest.mark.parametrize(
    ("sentence", "text", "concept"),
    [
        # a sum "cost" someone, or has cost already, is a cost someone bore
        ("The strike could cost the economy $2 billion.", "$2 billion", "cost"),
        ("Delays have cost the carmaker more than $6 billion.", "more than $6 billion", "cost"),
        ("The inquiry has already cost more than $3 million, officials said.",
         "more than $3 million", "cost"),
        ("The lawsuits cost the county about $400,000 in settlements.", "about $400,000",
         "cost"),
        # what a thing for sale costs is its price
        ("The new phone will cost $199.", "$199", "price"),
        ("The tablet costs $499 in the US.", "$499", "price"),
    ],
)  # fmt: skip
def test_a_sum_someone_bore_is_a_cost_and_a_sum_asked_a_price(
    sentence: str, text: str, concept: str
) -> None:
    assert reading_of(sentence, text)[0] == concept, sentence


@pytest.mark.parametrize(
    ("sentence", "text", "concept"),
    [
        # a holding sold is a deal, as one bought is
        ("Intel sold its modem unit to Marvell for $600 million.", "$600 million",
         "deal_value"),
        ("The family sold one of their oil fields for $30 million.", "$30 million",
         "deal_value"),
        ("Perot sold EDS to General Motors for $2.5 billion in 1984.", "$2.5 billion",
         "deal_value"),
        ("HP bought Compaq for $19 billion in 2002.", "$19 billion", "deal_value"),
        # a product sold keeps its price
        ("Songs are sold for 99 cents each.", "99 cents", "price"),
        ("The phone sells for $199 online.", "$199", "price"),
        ("The shop sold the phones for $99 each.", "$99", "price"),
    ],
)  # fmt: skip
def test_a_holding_sold_is_a_deal_and_a_product_sold_keeps_its_price(
    sentence: str, text: str, concept: str
) -> None:
    assert reading_of(sentence, text)[0] == concept, sentence


@pytest.mark.parametrize(
    ("sentence", "text", "concept"),
    [
        # what the goods a clause sold came to in all is the seller's takings
        ("The carmaker said it sold 2.1 million vehicles last year, totaling $48 billion.",
         "$48 billion", "revenue"),
        ("The studio sold 40 million tickets in China, totalling $310 million.",
         "$310 million", "revenue"),
        ("The firm shipped 900,000 printers in the quarter, amounting to $1.2 billion.",
         "$1.2 billion", "revenue"),
    ],
)  # fmt: skip
def test_what_goods_sold_came_to_is_revenue(sentence: str, text: str, concept: str) -> None:
    assert reading_of(sentence, text)[0] == concept, sentence


@pytest.mark.parametrize(
    ("sentence", "text"),
    [
        # a total of anything but goods sold is no takings
        ("Congress approved relief for farmers last year, totaling $12 billion.", "$12 billion"),
        # a holding sold is a deal
        ("The bank sold its insurance arm to Allianz, totaling $4 billion.", "$4 billion"),
    ],
)  # fmt: skip
def test_a_total_of_other_things_is_no_revenue(sentence: str, text: str) -> None:
    assert reading_of(sentence, text)[0] != "revenue", sentence
