"""The recogniser's names, trimmed as the rules trim theirs (recognised_names.py)."""

from __future__ import annotations

import pytest

from tests.ingest.mentions.finding import PLACE, entities


def test_a_transcript_heading_names_the_speaker_without_on_behalf_of() -> None:
    body = (
        "We'll hear argument first this morning in Case 22-506. General Prelogar.\n"
        "ORAL ARGUMENT OF GEN. ELIZABETH B. PRELOGAR ON BEHALF OF THE PETITIONERS\n"
        "Mr. Chief Justice, and may it please the Court: the pandemic caused distress."
    )
    names = [name for _, name in entities(body)]
    assert "ELIZABETH B. PRELOGAR" in names
    assert not [n for n in names if "BEHALF" in n]


@pytest.mark.parametrize(
    ("body", "name"),
    [
        # a given name's syllable after a hyphen is part of the name
        ("Localist group Civic Passion's Wong Yeung-tat was defeated in this district.",
         "Wong Yeung-tat"),
        ("While pro-Beijing veteran politician Wong Kwok-hing of FTU was defeated.",
         "Wong Kwok-hing"),
        # also one that spells a function word, which the parse reads as a noun
        ("Pyongyang will host South Korean President Moon Jae-in at a summit next week.",
         "Moon Jae-in"),
        # a participle after a hyphen is not
        ("The Gordon Brown-led government fell.", "Gordon Brown"),
        # nor a word of the clause a lost dash ran into the name
        ("Chela Ortiz-in 2019 she moved to Texas with her mother.", "Chela Ortiz"),
        # nor a word of the sentence a lost dash ran into the name
        ("Chela Ortiz-who was married three weeks before-sat with her mother.",
         "Chela Ortiz"),
        # nor a verb a lost dash ran into the name
        ("His best-known role-as the coach Dennis Harlow-would not hold him back, he said.",
         "Dennis Harlow"),
    ],
)  # fmt: skip
def test_a_person_s_name_runs_on_over_a_hyphen_to_a_syllable(body: str, name: str) -> None:
    assert name in [n for _, n in entities(body)]


def test_a_recognised_name_ending_in_of_cuts_no_name_read_whole() -> None:
    found = entities("The jet circled the Bay of Biscay for an hour before it landed.")
    assert (PLACE, "Bay of Biscay") in found, found
    assert not {"Bay of", "Biscay"} & {name for _, name in found}, found
