"""Figures of money, shares and markets: what a share or an amount measures."""

from __future__ import annotations

import pytest

from service.ingest.figures.lexicon import lexicon
from tests.ingest.figures.reading import reading_of


def test_money_and_shares_never_take_a_head_count() -> None:
    # "took" names a vote share for a percentage, never for money
    assert reading_of("Siemens took a 1.5bn euro charge.", "1.5bn euro")[0] != "vote_share"
    assert lexicon().concepts["vote_share"].unit == "percent"


@pytest.mark.parametrize(
    ("sentence", "text", "concept"),
    [
        # a share of a company its owners hold, buy, sell or keep is a stake in it
        ("The new airline will be owned 40 percent by the state pension fund.", "40 percent",
         "stake"),
        ("Renault plans to buy the 15 percent of carmaker Nissan that the state holds.",
         "15 percent", "stake"),
        ("The bank sold 70% of its stake in the insurer, keeping the remaining 30%.", "30%",
         "stake"),
        ("Since then the fund has raised its holding to 12 percent.", "12 percent", "stake"),
        # a share of something else is not
        ("The ruling party holds 45 percent of the seats.", "45 percent", "seats_share"),
    ],
)  # fmt: skip
def test_a_share_of_a_company_owned_or_traded_is_a_stake(
    sentence: str, text: str, concept: str
) -> None:
    assert reading_of(sentence, text)[0] == concept, sentence


@pytest.mark.parametrize(
    ("sentence", "text", "concept"),
    [
        ("The two banks agreed to lend the shipyard billions of euros.", "billions of euros",
         "debt"),
        ("The smugglers earned the cartel tens of millions of dollars.",
         "tens of millions of dollars", "profit"),
    ],
)  # fmt: skip
def test_a_sum_in_its_own_currency_word_is_what_its_verb_names(
    sentence: str, text: str, concept: str
) -> None:
    # the currency word says what the sum is counted in, not an exchange rate
    assert reading_of(sentence, text)[0] == concept, sentence


@pytest.mark.parametrize(
    ("sentence", "text", "concept"),
    [
        # a sum a company or a country receives is aid
        ("The struggling airline will receive 2 billion euros from the state.",
         "2 billion euros", "aid"),
        ("The shipyard expects to receive up to $400 million next year.", "up to $400 million",
         "aid"),
        ("The two carmakers asked to be given $5 billion in funds.", "$5 billion", "aid"),
        # what a person receives for work is pay; for nothing named, nothing
        ("She received $2 million for her work on the series.", "$2 million", "salary"),
        ("He was given $1 million by the studio.", "$1 million", None),
    ],
)  # fmt: skip
def test_a_sum_received_is_aid_or_pay(sentence: str, text: str, concept: str | None) -> None:
    assert reading_of(sentence, text)[0] == concept, sentence


@pytest.mark.parametrize(
    ("sentence", "text", "concept", "subject"),
    [
        ("The brewer earned 42 cents a share, while analysts had forecast 35 cents.",
         "35 cents", "earnings_per_share", "brewer"),
        ("Its net income came to $2.05 per share, while Wall Street expected $1.90.", "$1.90",
         "earnings_per_share", "Its"),
        ("Halvorsen lost 18 cents a share; analysts had expected 25 cents.", "25 cents",
         "loss_per_share", "Halvorsen"),
    ],
)  # fmt: skip
def test_an_amount_expected_against_one_per_share_measures_it_too(
    sentence: str, text: str, concept: str, subject: str
) -> None:
    # "a share" is printed once, with the result; the expected amount is the company's,
    # not the analysts' who expected it
    found, _, subjects = reading_of(sentence, text)
    assert (found, subjects[:1]) == (concept, [subject]), sentence


def test_an_amount_expected_with_no_amount_per_share_before_it_is_no_earnings() -> None:
    sentence = "Revenue reached $4.1 billion, while analysts expected $3.9 billion."
    assert reading_of(sentence, "$3.9 billion")[0] != "earnings_per_share"


@pytest.mark.parametrize(
    ("sentence", "text", "concept"),
    [
        ("The insurer booked $1.2 billion, or 88 cents a share, in the quarter.",
         "$1.2 billion", "profit"),
        ("A year earlier the brewer had made $310 million, or 41 cents per share.",
         "$310 million", "profit"),
        ("The carmaker lost $3.1 billion, or $2.40 a share.", "$3.1 billion", "loss"),
    ],
)  # fmt: skip
def test_an_amount_restated_per_share_is_the_result_it_divides(
    sentence: str, text: str, concept: str
) -> None:
    assert reading_of(sentence, text)[0] == concept, sentence
