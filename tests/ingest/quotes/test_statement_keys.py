"""One statement across articles: the same words whatever their marks, case or elisions. Seed
tests run the whole parse; synthetic ones build mentions by hand, so they pin the quote
logic alone."""

from __future__ import annotations

import re

import pytest

from service.ingest.quotes.statement_keys import is_same_statement, statement_key, statement_words
from tests.ingest.quotes.reading import seed


def test_statement_key_links_the_same_statement_across_articles() -> None:
    rfe, rfe_again = seed("000"), seed("001")
    for start in ("a lack of regard", "tarnished", "clear violations", "While there were"):
        a, b = rfe.quote(start), rfe_again.quote(start)
        assert a.text != b.text or start == "tarnished" or "'" in rfe.body
        assert statement_key(a.text) == statement_key(b.text), start
    assert statement_key(rfe.quote("tarnished").text) != statement_key(
        rfe.quote("clear violations").text
    )


def test_different_wording_is_a_different_statement() -> None:
    al_jazeera = seed("002").quote("a lack of respect").text
    rfe = seed("000").quote("a lack of regard").text
    assert statement_key(al_jazeera) != statement_key(rfe)
    assert not is_same_statement(al_jazeera, rfe)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("“We’ve had enough,”", '"We\'ve had enough."'),
        (
            "'In future they will operate in the same way,'",
            "In Future They Will Operate In The Same Way",
        ),
        ("Police... will not allow disturbances", "police … will not allow disturbances!"),
        ("radically-minded elements.", "radically minded elements"),
        ("‘tarnished’", "tarnished"),
    ],
)
def test_statement_key_ignores_marks_case_and_punctuation(a: str, b: str) -> None:
    assert statement_key(a) == statement_key(b)
    assert is_same_statement(a, b)


def test_statement_key_is_a_sha1_of_the_words() -> None:
    key = statement_key("We’ve had enough.")
    assert re.fullmatch(r"[0-9a-f]{40}", key)
    assert statement_words("We’ve had enough.") == ("weve", "had", "enough")
    assert statement_key("We have had enough") != key


def test_sub_span_of_six_words_or_more_is_the_same_statement() -> None:
    whole = (
        "a lack of regard for fundamental rights, including detentions of peaceful "
        "protesters, and widespread voting irregularities on election day, showed scant "
        "respect for democratic standards."
    )
    assert is_same_statement("widespread voting irregularities on election day", whole)
    assert is_same_statement(whole, "Showed scant respect for democratic standards")
    assert not is_same_statement("scant respect for democratic standards", whole)  # 5 words
    assert not is_same_statement("widespread voting irregularities in the capital city", whole)
    assert is_same_statement(
        "a lack of regard for fundamental rights ... showed scant respect", whole
    )
    assert not is_same_statement("", "")
