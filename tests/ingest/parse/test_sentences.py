"""Sentence splitting: offsets, paragraph breaks, abbreviations, quotes, datelines."""

from __future__ import annotations

import itertools

import pytest

from service.ingest.parse.sentences import split_sentences


def texts(body: str) -> list[str]:
    return [body[s.span.start : s.span.end] for s in split_sentences(body)]


# From seed 000 (RFE/RL), story text only.
SEED_PARAGRAPHS = (
    "Talking to journalists in Nur-Sultan on June 10, Toqaev said the election-day protests "
    "by hundreds of demonstrators in Almaty, Shymkent, and other cities were 'illegal' and had "
    "been staged by people who were 'misled by information from abroad.'\n\n"
    "'In future they will operate in the same way,' Toqaev said.\n\n"
    "'Scant Respect' For Democratic Standards\n\n"
    "The Central Election Commission said on June 10 that Toqaev, 66, had received 70.76 "
    "percent of the vote in the presidential polls. Former journalist Amirzhan Qosanov was a "
    "very distant second with 16.02 percent."
)


def test_seed_paragraphs_split_into_their_sentences() -> None:
    assert texts(SEED_PARAGRAPHS) == [
        "Talking to journalists in Nur-Sultan on June 10, Toqaev said the election-day protests "
        "by hundreds of demonstrators in Almaty, Shymkent, and other cities were 'illegal' and "
        "had been staged by people who were 'misled by information from abroad.'",
        "'In future they will operate in the same way,' Toqaev said.",
        "'Scant Respect' For Democratic Standards",
        "The Central Election Commission said on June 10 that Toqaev, 66, had received 70.76 "
        "percent of the vote in the presidential polls.",
        "Former journalist Amirzhan Qosanov was a very distant second with 16.02 percent.",
    ]


def test_indices_and_offsets_are_consistent() -> None:
    sentences = split_sentences("  First one.  Second one!\n\n\n  Third one?  \n")
    assert [s.index for s in sentences] == [0, 1, 2]
    assert [(s.span.start, s.span.end) for s in sentences] == [(2, 12), (14, 25), (30, 40)]
    assert all(a.span.end <= b.span.start for a, b in itertools.pairwise(sentences))


def test_empty_and_blank_bodies_have_no_sentences() -> None:
    assert split_sentences("") == ()
    assert split_sentences(" \n\n \n") == ()


def test_paragraph_break_ends_a_sentence_without_final_period() -> None:
    body = "POET DETAINED\n\nAblyazov lives in France\n\nHe said so."
    assert texts(body) == ["POET DETAINED", "Ablyazov lives in France", "He said so."]


@pytest.mark.parametrize(
    "body",
    [
        "Mr. Smith met Dr. Jones and Gen. Ivanov on Jan. 5 in Room No. 3.",
        "George W. Bush and J. R. R. Tolkien were mentioned.",
        "The U.S. Supreme Court sat in Washington, D.C. on Monday.",
        "Turnout was 70.76 percent, up from 63.5 percent.",
        "Police... will not allow disturbances of public order.",
        "Why now? he asked the court.",
        "Shares of Acme Inc. rose sharply.",
        "Vancouver police Const. Tim Fanning and Cst. Lee spoke.",
    ],
)
def test_no_split_inside_a_sentence(body: str) -> None:
    assert texts(body) == [body]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "He moved to the U.S. The move was quick.",
            ["He moved to the U.S.", "The move was quick."],
        ),
        (
            "Observers said it was 'tarnished' by 'clear violations of fundamental freedoms.' "
            "The OSCE agreed.",
            [
                "Observers said it was 'tarnished' by 'clear violations of fundamental freedoms.'",
                "The OSCE agreed.",
            ],
        ),
        (
            'The group called it "an illusion." Critics agreed.',
            ['The group called it "an illusion."', "Critics agreed."],
        ),
        ("He waited... Nothing happened.", ["He waited...", "Nothing happened."]),
        ("Is it over? Yes! It is.", ["Is it over?", "Yes!", "It is."]),
        (
            "It ended in 1991. 12 million people voted.",
            ["It ended in 1991.", "12 million people voted."],
        ),
        (
            "He works for Acme Inc. The company grew.",
            ["He works for Acme Inc.", "The company grew."],
        ),
    ],
)
def test_sentence_boundaries(body: str, expected: list[str]) -> None:
    assert texts(body) == expected


def test_dateline_stays_in_the_first_sentence() -> None:
    body = (
        "NUR-SULTAN/ALMATY -- Two leading Kazakh human rights groups have urged the government "
        "to investigate. WASHINGTON, D.C. -- The Trump administration has started again."
    )
    assert texts(body) == [
        "NUR-SULTAN/ALMATY -- Two leading Kazakh human rights groups have urged the government "
        "to investigate.",
        "WASHINGTON, D.C. -- The Trump administration has started again.",
    ]


def test_single_newline_inside_a_paragraph_is_whitespace() -> None:
    body = "The interior ministry said police arrested 200 people\non Monday."
    assert texts(body) == [body]
