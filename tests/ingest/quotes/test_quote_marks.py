"""Quote marks in the seed copy and in other outlets' styles: pairs, apostrophes, nesting,
quotes over paragraphs. Seed tests run the whole parse; synthetic ones build mentions by
hand, so they pin the quote logic alone."""

from __future__ import annotations

import pytest

from service.ingest.quotes.statement_keys import statement_words
from tests.ingest.quotes.reading import PERSON, seed, synthetic


@pytest.mark.parametrize("prefix", ["000", "001", "002", "003", "004"])
def test_spans_hold_the_quoted_words_inside_their_sentence(prefix: str) -> None:
    found = seed(prefix)
    assert found.quotes
    for q in found.quotes:
        assert q.text == found.body[q.span.start : q.span.end]
        assert q.sentence.start <= q.span.start < q.span.end <= q.sentence.end
        assert found.body[q.span.start - 1] in "\"'“‘"
        assert found.body[q.span.end] in "\"'”’"


def test_rfe_apostrophes_are_not_quote_marks() -> None:
    found = seed("000")
    for q in found.quotes:
        assert "Kazakhstan" not in q.text
        assert not q.text.startswith("s ")


def test_bbc_single_quotes_hold_double_quotes() -> None:
    found = synthetic(
        "'We are not afraid of them,' said Aigerim Bekova, a student. 'They called it "
        '"a festival of democracy" but it was a farce.\'\n\n'
        "She said the police were 'brutal'.",
        ("Aigerim Bekova", PERSON, ("Bekova",)),
    )
    assert [q.text for q in found.quotes] == [
        "We are not afraid of them,",
        'They called it "a festival of democracy" but it was a farce.',
        "brutal",
    ]
    assert {found.speaker(q) for q in found.quotes} == {"Aigerim Bekova"}
    assert found.quotes[2].speaker_text == "She"
    assert found.quotes[2].is_partial


def test_curly_quotes_with_nested_single_quotes_and_apostrophes() -> None:
    found = synthetic(
        "“The authorities told us the ‘rules’ had changed overnight,” said Dana Lee, who "
        "was detained. “We’ve had enough.”",
        ("Dana Lee", PERSON, ("Lee",)),
    )
    assert [q.text for q in found.quotes] == [
        "The authorities told us the ‘rules’ had changed overnight,",
        "We’ve had enough.",
    ]
    assert [found.speaker(q) for q in found.quotes] == ["Dana Lee", "Dana Lee"]


def test_a_quote_over_paragraphs_is_one_quote_per_paragraph_of_one_speaker() -> None:
    """Newspaper style leaves a quote open at a paragraph's end and opens the next
    paragraph with a mark: each paragraph's words are a quote, all the first speaker's
    (annotated so in the real gold too)."""
    body = (
        'Gulnara Bazhkenova said: "We will keep protesting until our demands are met.\n\n'
        '"Nobody will stop us. We are the people of this country."\n\n'
        "The rally ended at night."
    )
    found = synthetic(body, ("Gulnara Bazhkenova", PERSON, ("Bazhkenova",)))
    first, second = found.quotes
    assert first.text == "We will keep protesting until our demands are met."
    assert second.text == "Nobody will stop us. We are the people of this country."
    assert [found.speaker(q) for q in found.quotes] == ["Gulnara Bazhkenova"] * 2
    assert [first.is_partial, second.is_partial] == [False, False]
    assert statement_words(second.text)[-3:] == ("of", "this", "country")


def test_unclosed_double_quote_without_continuation_ends_with_its_paragraph() -> None:
    found = synthetic(
        'Aliya Sadykova said: "They took my brother away and nobody will tell us where\n\n'
        "Police declined to comment.",
        ("Aliya Sadykova", PERSON, ()),
    )
    (q,) = found.quotes
    assert q.text == "They took my brother away and nobody will tell us where"
    assert found.speaker(q) == "Aliya Sadykova"


def test_apostrophes_elisions_and_plural_possessives_are_not_quotes() -> None:
    found = synthetic(
        "Protesters' demands were ignored in the '90s and Kazakhstan's rulers didn't "
        "listen.\n\n"
        "'The protesters' leaders were arrested,' said the spokesman.",
    )
    (q,) = found.quotes
    assert q.text == "The protesters' leaders were arrested,"
    assert q.speaker is None
    assert q.speaker_text == "the spokesman"


@pytest.mark.parametrize(
    "body",
    [
        "'",
        '"',
        "“”",
        "''\n\n''",
        "\"'\"'“‘”’«»„",
        'He said "\n\n"\n\n"',
        "It's 'a' b' c 'd\n\n'e' f's' g'",
        "“Open without close\n\n“still open\n\nplain",
        "x" * 50 + " said '" + "word " * 40,
    ],
)
def test_malformed_quote_marks_never_break_the_stage(body: str) -> None:
    found = synthetic(body)
    for q in found.quotes:
        assert q.text == body[q.span.start : q.span.end]
        assert q.sentence.start <= q.span.start <= q.span.end <= q.sentence.end <= len(body)


def test_a_mark_after_a_full_stop_and_a_space_opens_the_next_statement() -> None:
    # The copy lost the paragraph break between two statements of one speaker: the
    # mark before "The mill" opens a quote, it does not close the one before it.
    found = synthetic(
        '"The mill has fed this town for ninety years," said Owen Hale, the mayor.\n\n'
        '"We owe it a fair hearing. "The mill will not close while I hold this office," '
        "Hale added.\n\n"
        '"Nobody should lose a job over a zoning map."',
        ("Owen Hale", PERSON, ("Hale",)),
    )
    assert found.speaker(found.quote("We owe it")) == "Owen Hale"
    assert found.quote("We owe it").text == "We owe it a fair hearing."
    assert found.speaker(found.quote("The mill will not")) == "Owen Hale"
    assert found.speaker(found.quote("Nobody should")) == "Owen Hale"
