"""A speaker text that describes nobody (a place, a word, a fragment) read again from the
parse."""

from __future__ import annotations

from tests.ingest.quotes.reading import parsed_speakers


def test_a_word_the_cue_rules_took_for_a_speaker_gives_way_to_the_subject() -> None:
    # The cue rules read "The council has" as the speaker of both words.
    body = 'The council has described the tax as "dangerous" and "ideological".'
    assert parsed_speakers(body) == [("dangerous", "The council"), ("ideological", "The council")]


def test_he_is_never_a_holiday() -> None:
    body = (
        "John Key promoted the campaign for a new flag on Waitangi Day this year. "
        'Of the public process, he said, "In the end I will have one vote like everyone."'
    )
    assert parsed_speakers(body) == [("In the end I will have one vote like everyone.", "John Key")]


def test_words_that_are_no_noun_phrase_are_no_speaker() -> None:
    # The cue rules read "saying" as the cue and "There is an old" as who says it.
    body = 'There is an old saying that "a watched pot never boils, however long you wait."'
    assert [who for _, who in parsed_speakers(body)] == [None]


def test_a_noun_of_time_the_parse_made_a_subject_gives_way_to_the_clause_subject() -> None:
    # The cue rules and the parse both read "several times" as who described.
    body = (
        "Chief executive Mary Holt spoke to investors on Monday. She stated that she "
        'expected the firm to build "safer and cheaper trains for the next decade," and '
        'several times described what she wanted as "simpler" designs.'
    )
    assert [who for _, who in parsed_speakers(body)] == ["Mary Holt", "Mary Holt"]


def test_a_description_runs_to_its_noun_not_on_into_the_clause() -> None:
    body = (
        "Dockers marched through the port on Tuesday. A ministry official dismissed the "
        'protest saying that "strikes at the port have never changed anything at all."'
    )
    assert [who for _, who in parsed_speakers(body)] == ["A ministry official"]


def test_a_description_is_cut_before_the_verb_it_ran_on_into() -> None:
    body = (
        "The senator resigned in March after a year in which, one of his closest aides "
        'would later say, "nobody in the office slept more than four hours a night."'
    )
    assert [who for _, who in parsed_speakers(body)] == ["one of his closest aides"]
