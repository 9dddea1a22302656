"""Quotations that are no statement: titles, slogans, names, ratings, scare quotes, headings.
Seed tests run the whole parse; synthetic ones build mentions by hand, so they pin the quote
logic alone."""

from __future__ import annotations

import pytest

from tests.ingest.quotes.reading import ORG, PERSON, seed, synthetic


def test_slogans_and_subheads_are_not_statements() -> None:
    found = seed("002")
    assert not found.has_quote("Oyan Kazakh")
    assert not found.has_quote("Wave of popular anger")


def test_poem_and_scare_quotes_are_not_pinned_on_anyone() -> None:
    found = seed("004")
    for text in ("Wake up", "choose"):
        assert all(
            q.speaker_text is None and q.speaker is None for q in found.quotes if text in q.text
        )
    assert not found.has_quote("Think, Kazakh")
    assert not found.has_quote("choose")


@pytest.mark.parametrize(
    "body",
    [
        'Protesters held banners reading "Shame on the regime" as Ruslan Ospanov said nothing.',
        'Ruslan Ospanov sang a song called "My Kazakhstan is free" on Monday.',
        'The movement, known as "Oyan, Qazaqstan", was founded by Ruslan Ospanov.',
        'Ruslan Ospanov used the hashtag #oyan ("Wake up") widely.',
        'Ruslan Ospanov recited a poem, "Wake up, Kazakh! Think, Kazakh!" to the crowd.',
        'Ruslan Ospanov asked voters to "choose" a president.',
        '"A fake election"\n\nRuslan Ospanov was detained on Monday.',
    ],
)
def test_titles_slogans_and_scare_quotes_are_not_statements(body: str) -> None:
    found = synthetic(body, ("Ruslan Ospanov", PERSON, ()))
    assert found.quotes == ()


def test_a_title_in_quotes_is_nobodys_words() -> None:
    found = synthetic(
        'Mayor Rita Lund said the city would rename the park "Harbour View Gardens" in '
        'June. Senator Paul Dole wrote on Friday that there was "NO DEAL and NO TALKS." '
        'Lund asked: "Who Wants a Park?"',
        ("Rita Lund", PERSON, ("Lund",)),
        ("Paul Dole", PERSON, ("Dole",)),
    )
    title = found.quote("Harbour View Gardens")
    assert (title.speaker, title.speaker_text, title.cue) == (None, None, None)
    assert found.speaker(found.quote("NO DEAL")) == "Paul Dole"  # a shouted tweet speaks
    assert found.speaker(found.quote("Who Wants")) == "Rita Lund"  # so does a question


def test_an_analyst_s_rating_is_nobodys_words() -> None:
    found = synthetic(
        'Barclays upgraded Nordic Shipping to "overweight" from "equal weight" on Tuesday, '
        'and analyst Tom Berg said the fleet was "better placed than any rival."',
        ("Tom Berg", PERSON, ("Berg",)),
        ("Barclays", ORG, ()),
    )
    for grade in ("overweight", "equal weight"):
        quote = found.quote(grade)
        assert (quote.speaker, quote.speaker_text, quote.cue) == (None, None, None)
    assert found.speaker(found.quote("better placed")) == "Tom Berg"


def test_one_capitalised_word_before_a_work_s_noun_names_the_work() -> None:
    found = synthetic(
        '"Dune" director Lena Moss confirmed on Friday that the "Arrakis" sequel would '
        'start filming in March, calling the script "stronger than the first."',
        ("Lena Moss", PERSON, ("Moss",)),
    )
    for title in ("Dune", "Arrakis"):
        quote = found.quote(title)
        assert (quote.speaker, quote.speaker_text, quote.cue) == (None, None, None)
    assert found.speaker(found.quote("stronger")) == "Lena Moss"
