"""Walking the parse around a figure (service/ingest/figures/tree.py), seen through what
the figure is read to measure."""

from __future__ import annotations

import pytest

from service.ingest.figures.concepts import read_figure
from service.ingest.figures.numbers import find_numbers
from service.ingest.nlp.model import analyse
from tests.ingest.figures.reading import reading_of


def concept_of(sentence: str, text: str) -> str | None:
    doc = analyse(sentence)
    (number,) = [n for n in find_numbers(sentence) if sentence[n.span.start : n.span.end] == text]
    return read_figure(doc, number.span, number.unit).concept


@pytest.mark.parametrize(
    ("sentence", "text", "concept"),
    [
        # a part of a group: the number's verb says what happened to the part
        ("Rebels ambushed the convoy, and four of her bodyguards were killed.", "four", "deaths"),
        ("The mudslide killed two of their neighbours on Sunday.", "two", "deaths"),
        (
            "Roughly 300 of their supporters gathered outside the ministry.",
            "Roughly 300 of their supporters",
            "protesters",
        ),
        # the whole a part is taken from is no part of it: still what it counts
        ("She grieved when one of her five horses died last winter.", "five", "horses"),
    ],
)
def test_a_part_of_a_group_is_read_from_the_verb_of_its_number(
    sentence: str, text: str, concept: str
) -> None:
    assert concept_of(sentence, text) == concept, sentence


def test_a_model_between_a_number_and_its_noun_leaves_the_noun_counted() -> None:
    sentence = "Troops recovered five AK-47 rifles, 30 magazines and 200 rounds."
    assert concept_of(sentence, "five") == "rifles"


@pytest.mark.parametrize(
    ("sentence", "text", "concept"),
    [
        # the parse splits "co-workers" in three: the noun after the hyphen is counted
        ("The gunman killed three co-workers at the depot before fleeing.", "three",
         "deaths"),
        ("The man was charged with killing two co-workers.", "two", "deaths"),
        # a fraction written with a hyphen is no noun
        ("The new model's failure rate is about one-third of the old one's.", "about one-third",
         None),
    ],
)  # fmt: skip
def test_a_hyphenated_noun_the_parse_splits_is_counted_by_its_last_part(
    sentence: str, text: str, concept: str | None
) -> None:
    assert concept_of(sentence, text) == concept, sentence


def test_a_participle_set_off_by_commas_does_not_govern_its_noun() -> None:
    # the people cast ballots: "representing ..." only describes them
    sentence = (
        "Some 1.9 million people, representing about 71 percent of the electorate,"
        " cast their ballots by noon."
    )
    assert reading_of(sentence, "Some 1.9 million people")[0] == "voters"


@pytest.mark.parametrize(
    ("sentence", "text", "concept"),
    [
        # an amount the parse hangs on a date in the clause is the clause verb's
        ("The Greek government bought back the Patras-based tank maker from Krupp, in late "
         "2006 for US$48 million.", "US$48 million", "deal_value"),
    ],
)  # fmt: skip
def test_an_amount_hung_on_a_date_is_read_from_the_clause_verb(
    sentence: str, text: str, concept: str
) -> None:
    assert reading_of(sentence, text)[0] == concept, sentence
