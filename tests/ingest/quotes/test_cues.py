"""Which words are speech cues and which are not ("found that", "alleged to have", "to read"),
on sentences of news copy, through the whole extraction (parse, mentions, quotes), so each
rule is checked against what the entity finder gives."""

from __future__ import annotations

from service.ingest.extract import extract
from service.ingest.parse.article import parse_article
from tests.ingest.quotes.reading import speakers


def test_a_document_that_read_is_the_speaker_and_an_infinitive_read_no_cue() -> None:
    found = extract(
        parse_article(
            "School mourns pupil\n\n"
            "The head teacher, Aled Morris, wrote to every family on Monday.\n\n"
            '"Dylan worked harder than anyone this year," the letter read.\n\n'
            'The council sent a summary for staff to read to parents, marked "urgent."\n'
        )
    )
    said = {q.text[:12]: (q.speaker, q.speaker_text, q.cue) for q in found.quotes}
    assert said["Dylan worked"] == (None, "the letter", "read")
    assert said.get("urgent.", (None, None, None))[2] != "read"


def test_words_a_speaker_accuses_vows_or_dismisses_with_are_theirs() -> None:
    got = speakers(
        "Opposition leader Ruth Kane accused the minister of "
        '"hiding the true cost of the bridge from the public."\n\n'
        'Mayor Tom Bell dismissed the report as "a fairy tale written by the builders."\n'
    )
    assert got["hiding the true cost"] == "Ruth Kane"
    assert got["a fairy tale written"] == "Tom Bell"


def test_a_clause_saying_what_someone_is_alleged_to_have_done_is_no_cue() -> None:
    got = speakers(
        "Two men were arrested in Dover on Monday, police said.\n\n"
        'Carl Voss, alleged to have run the scheme, is charged with "conspiracy to '
        'defraud the Revenue over nine years" between 2019 and 2023.\n'
    )
    assert got["conspiracy to defrau"] is None


def test_answered_is_a_cue_that_keeps_a_one_word_reply() -> None:
    got = speakers(
        "When the defence asked whether she had seen the driver's face, witness Maria "
        'Lopez answered, "No."\n'
    )
    assert got["No."] == "Maria Lopez"


def test_a_verb_of_speech_after_planned_to_is_its_subject_s_cue() -> None:
    got = speakers(
        "The city's inspector general has drawn up a list of questions for Mayor Tom "
        "Reddick.\n\n"
        '"Who approved the payment to the contractor?" Maria Alvarez planned to ask, '
        "according to the list.\n\n"
        '"When did you learn of the audit?" she planned to ask.\n'
    )
    assert got["Who approved the pay"] == "Maria Alvarez"
    assert got["When did you learn o"] == "Maria Alvarez"


def test_found_with_an_object_is_no_cue_but_found_that_is() -> None:
    got = speakers(
        'The complaint alleges that Halvorsen Group found a "willing and eager partner" '
        "in the bank's former chairman, Oskar Brandt.\n\n"
        'Judge Helen Marsh found that the bank had made "no real effort" to check '
        "its accounts.\n"
    )
    assert got["willing and eager pa"] not in ("Halvorsen Group", "Oskar Brandt")
    assert got["no real effort"] == "Helen Marsh"


def test_alleges_is_a_cue_of_the_document_that_alleges() -> None:
    found = extract(
        parse_article(
            "The complaint alleges that the bank's former chairman, Oskar Brandt, ran a "
            '"shadow ledger" for eight years.\n'
        )
    )
    assert [q.speaker_text for q in found.quotes] == ["The complaint"]


def test_a_participle_after_the_describes_a_noun_and_is_no_cue() -> None:
    # "the alleged breach" is a noun phrase: the quote is the mayor's, whom "calling" runs
    # on from, not the allegation's
    got = speakers(
        "Harbour deal\n\n"
        '"The port has been sold off behind our backs," said Mayor Tom Bell in a statement, '
        'calling the alleged breach of contract "a betrayal of every taxpayer in the city."\n'
    )
    assert got["a betrayal of every "] == "Tom Bell"


def test_responded_with_an_act_is_no_cue() -> None:
    got = speakers(
        "The State Department condemned the strike on Tuesday.\n\n"
        "Explaining the strike, the navy claimed that a rocket was fired from the pier, "
        "and it responded with a single shell; the blast was worse because the smugglers "
        'had "rigged the warehouse".\n'
    )
    assert got["rigged the warehouse"] != "State Department"


def test_replied_with_a_statement_is_a_cue() -> None:
    got = speakers(
        "Senator Ruth Hale replied with a short statement on Tuesday, calling the report "
        '"entirely false".\n'
    )
    assert got["entirely false"] == "Ruth Hale"
