"""Words capitals make names that are none: page labels, times, sentence openers
(forced_capitals.py)."""

from __future__ import annotations

import pytest

from tests.ingest.mentions.finding import entities


@pytest.mark.parametrize(
    ("body", "name", "run_on"),
    [
        ("Recently Google has been buying rights to sell films online.", "Google",
         "Recently Google"),
        ("Acquiring Compaq also gave HP a larger share of the market.", "Compaq",
         "Acquiring Compaq"),
        # an opening word the recogniser reads into a person's name, cut off where the copy
        # prints the name alone elsewhere
        ("Orozco will be held without bail, Sheriff Tom Cooley told reporters.\n\n"
         "Joining Cooley at the news conference was Assistant Sheriff Doyle Campbell.",
         "Tom Cooley", "Joining Cooley"),
        ("The deal was struck by Obama. The base hated Obama. Anything Obama did was by "
         "definition bad.", "Obama", "Anything Obama"),
        # ... or into a title it takes the whole quoted sentence for
        ('"Acquiring Harlow Data Centre Services gives us a foothold in Europe," the chief '
         "executive said. Harlow Data Centre Services employs 300 people.",
         "Harlow Data Centre Services", "Acquiring Harlow Data Centre Services"),
    ],
)  # fmt: skip
def test_a_word_opening_the_sentence_is_no_part_of_the_name_after_it(
    body: str, name: str, run_on: str
) -> None:
    names = [n for _, n in entities(body)]
    assert name in names, names
    assert run_on not in names, names


@pytest.mark.parametrize(
    ("body", "name"),
    [
        # a given name opening the sentence is the person's own
        ("Butler missed the game. Darius Butler returned to practice on Friday.",
         "Darius Butler"),
        # a word printed with its capital inside a sentence too is a name's word
        ("Voters in Central Lakeland were angry. Lakeland was quiet. Central Lakeland "
         "voted no.", "Central Lakeland"),
    ],
)  # fmt: skip
def test_an_opening_word_of_the_name_itself_stays(body: str, name: str) -> None:
    names = [n for _, n in entities(body)]
    assert name in names, names


def test_a_word_the_recogniser_reads_into_the_name_stays() -> None:
    names = [n for _, n in entities("Northern Ireland voted to stay, officials said.")]
    assert "Northern Ireland" in names, names


def test_a_time_made_a_name_by_its_capitals_is_no_name() -> None:
    body = (
        "Late Friday, protesters marched to the harbour. Months later the talks resumed at "
        "9 AM EDT, and on Anzac Day the city fell silent."
    )
    found = [name for _, name in entities(body)]
    assert not {"Late Friday", "Months", "AM EDT"} & set(found), found
    assert "Anzac Day" in found


@pytest.mark.parametrize(
    ("body", "kept", "dropped"),
    [
        # the page's labels in capitals before a colon name nothing
        ("PUBLISHED: 09:12 GMT, 3 March 2015 | UPDATED: 11:40 GMT, 3 March 2015. Ferry "
         "operator Stena Line said sailings were cancelled.",
         ["Stena Line"], ["PUBLISHED", "UPDATED"]),
        ("The senator said the memo was clear (NOTE: the memo has not been released).",
         [], ["NOTE"]),
        # an exchange before its ticker is a name
        ("Shares of Intel (NASDAQ: INTC) rose on Monday.", ["Intel", "Nasdaq"], []),
    ],
)  # fmt: skip
def test_a_label_of_the_page_is_no_name(body: str, kept: list[str], dropped: list[str]) -> None:
    names = [n for _, n in entities(body)]
    assert all(n in names for n in kept), names
    assert not any(n in names for n in dropped), names
