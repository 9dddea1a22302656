"""What an amount of money is when no concept's words say: a price by how a thing is
offered, else the noun the sum is the size of (sentences written for these tests)."""

from __future__ import annotations

import pytest

from tests.ingest.figures.reading import reading_of


@pytest.mark.parametrize(
    ("sentence", "text", "concept"),
    [
        # how copy offers a thing at a price
        ("The larger tablets start at $649 and ship next month.", "$649", "price"),
        ("Plans for small firms begin at $24.99 a month.", "$24.99", "price"),
        ("The game will be available in stores for $59.", "$59", "price"),
        ("The maker will ask $1,299 for the top model.", "$1,299", "price"),
        ("Tickets for the final have gone for $900 online.", "$900", "price"),
        # the noun a sum is the size of, through "of", "in", a participle or a subject
        ("The insurer listed assets of $4.1 billion at the end of June.", "$4.1 billion", "assets"),
        (
            "The club received $2 million in bridge financing from its owner.",
            "$2 million",
            "bridge_financing",
        ),
        (
            "The film earned a box office take of $31 million in its first week.",
            "$31 million",
            "box_office_take",
        ),
        (
            "Damage to the stadium was estimated at $3 million, the council said.",
            "$3 million",
            "damage",
        ),
        ("The ransom was $2 million, the family said.", "$2 million", "ransom"),
        (
            "The shop sells the phones at prices ranging from $300 to $450.",
            "$300 to $450",
            "price",
        ),
        ("The state promised a cash infusion of $500 million.", "$500 million", "aid"),
    ],
)
def test_what_a_sum_is(sentence: str, text: str, concept: str) -> None:
    assert reading_of(sentence, text)[0] == concept


@pytest.mark.parametrize(
    ("sentence", "text"),
    [
        # words that only frame a sum name nothing
        ("The company now needs more than its earlier estimate of $18 billion.", "$18 billion"),
        ("The team was believed to have offered a figure of $160 million.", "$160 million"),
        ("The charity had a total of $11 million in the failed bank.", "$11 million"),
        # a thing said to be cheaper at a price is not what the sum is
        ("The small model is cheaper than its rival at $149.", "$149"),
    ],
)
def test_framing_words_name_nothing(sentence: str, text: str) -> None:
    assert reading_of(sentence, text)[0] is None
