"""The sentence around a quote: a question split off its cue clause, a paragraph break inside a
sentence. Seed tests run the whole parse; synthetic ones build mentions by hand, so they pin
the quote logic alone."""

from __future__ import annotations

from tests.ingest.quotes.reading import PERSON, synthetic


def test_a_question_split_off_its_cue_clause_is_that_clauses_speakers() -> None:
    found = synthetic(
        'The visitors scored twice in the last ten minutes. "Could we have asked for more?" '
        'United manager Rhian Dawes asked. "Not really."',
        ("Rhian Dawes", PERSON, ("Dawes",)),
    )
    assert found.speaker(found.quote("Could we have")) == "Rhian Dawes"
    assert found.speaker(found.quote("Not really")) == "Rhian Dawes"


def test_a_question_inside_a_reported_sentence_is_not_the_next_clause_speakers() -> None:
    found = synthetic(
        'A guard who had shouted, "Where is the exit?" Inspector Dev Kaur said.',
        ("Dev Kaur", PERSON, ("Kaur",)),
    )
    assert found.speaker(found.quote("Where is")) is None


def test_a_question_is_not_the_speaker_of_a_clause_whose_cue_follows_a_comma() -> None:
    found = synthetic(
        'The inquiry resumes on Monday. "What was the plan?" Inspector Dev Kaur planned to '
        "ask, according to the briefing notes.",
        ("Dev Kaur", PERSON, ("Kaur",)),
    )
    plan = found.quote("What was")
    # the one who planned to ask it (speakers21), not the notes
    assert found.speaker(plan) == "Dev Kaur"


def test_a_paragraph_opening_with_a_lower_case_cue_ends_the_quote_before() -> None:
    # a paragraph break the layout put inside the sentence
    found = synthetic(
        "Ministers met on Monday.\n\n"
        '"We will not let the yards close. Too many jobs depend on them."\n\n'
        "said Mara Lind, the industry minister.\n\n"
        "The unions welcomed the pledge.",
        ("Mara Lind", PERSON, ("Lind",)),
    )
    assert found.speaker(found.quote("We will not")) == "Mara Lind"
