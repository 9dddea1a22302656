"""The order of the speaker rules: relaying verbs, reported speech, a verb joined by "but", on
sentences of news copy, through the whole extraction (parse, mentions, quotes), so each rule
is checked against what the entity finder gives."""

from __future__ import annotations

from tests.ingest.quotes.reading import speakers


def test_who_was_quoted_as_saying_speaks() -> None:
    got = speakers(
        '"Technically, we are fully prepared to enrich uranium higher than we used to," '
        "Ali Akbar Salehi was quoted by Iranian state television as saying.\n"
    )
    assert got["Technically, we are "] == "Ali Akbar Salehi"


def test_whom_a_cue_reports_speaks_not_who_reports_it() -> None:
    got = speakers(
        "James Comey wrote about a call with President Donald Trump in April.\n\n"
        'After Trump said he would do so, Comey said the president told him, "I have been '
        'very loyal to you, very loyal, we had that thing, you know."\n'
    )
    assert got["I have been very loy"] == "Donald Trump"


def test_a_cue_joined_by_but_is_the_subject_s_of_the_verb_before() -> None:
    got = speakers(
        "WASHINGTON — President Donald Trump signaled on Tuesday that he was open to a new "
        "arrangement with European allies.\n\n"
        "Hosting President Emmanuel Macron of France at the White House, Mr. Trump again "
        'assailed the agreement made by the Obama administration as "insane" and '
        '"ridiculous," but said he could agree to "a new deal" negotiated by American and '
        "European officials if it was strong enough.\n"
    )
    assert got["a new deal"] == "Donald Trump"


def test_a_described_subject_speaks_past_a_clause_naming_someone_else() -> None:
    got = speakers(
        "Governor Laura Briggs met lawmakers in Albany on Monday.\n\n"
        "The governor, standing beside Senator Mark Ellison, said she was "
        '"confident" the bill would pass.\n\n'
        'The senator, Mark Ellison, said the vote was "only a start."\n'
    )
    assert got["confident"] == "Laura Briggs"
    assert got["only a start."] == "Mark Ellison"


def test_him_after_a_relaying_verb_is_whom_he_stands_for() -> None:
    got = speakers(
        "According to chef Daniel Moreau, the new kitchen opens in May "
        '"because the old one simply could not keep up," the Gazette quoted him as saying.\n'
    )
    assert got["because the old one "] == "Daniel Moreau"


def test_a_cue_joined_by_and_with_an_adverb_shares_the_subject_of_the_verb_before() -> None:
    # "and again branded" runs on from "thundered", as "and branded" would
    got = speakers(
        "Talks\n\n"
        "Mr. Hale hired two new lawyers this week. And on Friday night, Mr. Hale thundered "
        'on the radio that there was "NO DEAL and NO SURRENDER," and again branded the '
        'whole inquiry a "charade."\n'
    )
    assert got["NO DEAL and NO SURRE"] == "Hale"
    assert got["charade."] == "Hale"
