"""Numbers written as words, vague amounts and scale words."""

from __future__ import annotations

import pytest

from service.ingest.figures.numbers import find_numbers
from service.ingest.model import Approximation

LOOKALIKES = [("s", "ſ"), ("i", "ı"), ("I", "İ"), ("k", "\u212a")]


@pytest.mark.parametrize(("plain", "lookalike"), LOOKALIKES)
@pytest.mark.parametrize(
    "text",
    [
        "scores of people and hundreds of thousands more",
        "two million voters, 5 billion tenge and 3bn",
        "INCLUDING SIX SENIOR OFFICIALS, nearly six thousand",
        "about $3 billion over six weeks, some 40 kilometres",
    ],
)
def test_letters_a_case_insensitive_pattern_equates_read_alike(
    text: str, plain: str, lookalike: str
) -> None:
    """Spelt "ſcores" or "mıllıon", the words match the patterns as "scores" and
    "million" do, so they must read as the same numbers, not fail a lookup. (The counted
    noun may differ: "voterſ" is not a word the rules know.)"""
    variant = text.replace(plain, lookalike)
    expected = [(n.number_span, n.value, n.upper_bound) for n in find_numbers(text)]
    assert expected
    found = [(n.number_span, n.value, n.upper_bound) for n in find_numbers(variant)]
    assert found == expected


@pytest.mark.parametrize(
    ("text", "printed"),
    [
        ("Firefighters said one woman died in the blaze.", "one woman"),
        ("One victim died on the way to hospital.", "One victim"),
    ],
)
def test_one_person_who_died_is_a_toll_of_one(text: str, printed: str) -> None:
    found = [(text[n.span.start : n.span.end], n.value, n.unit) for n in find_numbers(text)]
    assert found == [(printed, 1.0, "people")]


@pytest.mark.parametrize(
    ("text", "printed", "value", "upper", "unit"),
    [
        ("The club hopes to raise a few hundred million euros for the stadium.",
         "a few hundred million euros", 1e8, 999_999_999.0, "EUR"),
        ("Several dozen fans waited at the gate.", "Several dozen", 24.0, 99.0, "count"),
        ("The mayor was met by several thousand residents.", "several thousand residents",
         1000.0, 9999.0, "people"),
    ],
)  # fmt: skip
def test_a_few_or_several_of_a_scale_is_vague(
    text: str, printed: str, value: float, upper: float, unit: str
) -> None:
    found = [
        (text[n.span.start : n.span.end], n.value, n.upper_bound, n.approximation, n.unit)
        for n in find_numbers(text)
    ]
    assert found == [(printed, value, upper, Approximation.VAGUE, unit)]


@pytest.mark.parametrize(
    ("text", "printed", "upper", "unit"),
    [
        ("The striker may miss one or two matches.", "one or two", 2.0, "count"),
        ("The clerk was jailed for one to three years.", "one to three years", 3.0, "years"),
    ],
)
def test_one_is_the_low_end_of_a_range_of_number_words(
    text: str, printed: str, upper: float, unit: str
) -> None:
    found = [
        (text[n.span.start : n.span.end], n.value, n.upper_bound, n.unit)
        for n in find_numbers(text)
    ]
    assert found == [(printed, 1.0, upper, unit)]
