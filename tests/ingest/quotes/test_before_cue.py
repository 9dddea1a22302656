"""The speaker named before the cue: the subject, an appositive, a relative clause's
antecedent, an officer, on sentences of news copy, through the whole extraction (parse,
mentions, quotes), so each rule is checked against what the entity finder gives."""

from __future__ import annotations

from tests.ingest.quotes.reading import parsed_speakers, speakers


def test_a_participle_after_a_comma_runs_on_from_the_sentence_subject() -> None:
    got = speakers(
        'President Donald Trump did not restrain giving his opinion about the "terrible" '
        "Iran nuclear deal on Tuesday during a meeting with French President Emmanuel "
        "Macron, warning Iran against restarting its nuclear program.\n"
    )
    assert got["terrible"] == "Donald Trump"


def test_a_participle_after_an_opening_clause_is_the_subject_s() -> None:
    got = speakers(
        "Dispensing with harsh criticism of the past, Donald Trump even praised Kim Jong Un "
        'in strikingly positive terms, calling the North Korean leader "very open and very '
        'honorable."\n'
    )
    assert got["very open and very h"] == "Donald Trump"


def test_an_adverb_after_a_surname_leaves_it_the_subject() -> None:
    got = speakers(
        "Rep. Elijah E. Cummings of Maryland criticised the release on Thursday. Cummings "
        'also notes that the memo is marked as "unclassified."\n'
    )
    assert got["unclassified."] == "Elijah E. Cummings"


def test_a_person_then_an_appositive_naming_a_role_in_an_organisation_speaks() -> None:
    got = speakers(
        "Rep. Elijah E. Cummings of Maryland, the senior Democrat on the House Committee "
        'on Oversight and Government Reform, said late Thursday that the memos "provide '
        'strong corroborating evidence."\n\n'
        "Jo Swinson, Liberal Democrat deputy leader and Foreign Affairs spokesperson said "
        'the "scaled-down trip must not be met with scaled-down protests".\n'
    )
    assert got["provide strong corro"] == "Elijah E. Cummings"
    assert got["scaled-down trip mus"] == "Jo Swinson"


def test_people_listed_before_the_cue_are_no_appositive() -> None:
    got = speakers(
        "Bob Goodlatte, the Judiciary chairman, Trey Gowdy and Devin Nunes said Comey's "
        'memos "show the President '
        'made clear he wanted allegations fully investigated."\n'
    )
    assert got["show the President m"] != "Bob Goodlatte"


def test_the_cue_of_a_relative_clause_is_its_antecedent_s() -> None:
    got = speakers(
        "Ron Dermer also ripped Iranian diplomat Mohammad Javad Zarif, who said Donald Trump "
        'is being "impetuous" and sabotaging the deal.\n\n'
        "But the announcement has also revealed how some senior British politicians have "
        "changed their attitudes towards Trump.\n\n"
        "Boris Johnson, who said in December 2015 \"the only reason I wouldn't go to some "
        'parts of New York is the real risk of meeting Donald Trump", tweeted the news '
        'about the now-president\'s trip was "fantastic".\n'
    )
    assert got["impetuous"] == "Mohammad Javad Zarif"
    assert got["the only reason I wo"] == "Boris Johnson"
    assert got["fantastic"] == "Boris Johnson"


def test_a_participle_runs_on_from_a_described_subject() -> None:
    got = speakers(
        "President Donald Trump said Michael Cohen was a good man.\n\n"
        "The president, however, has since moved to distance himself from Cohen, saying "
        'last week that the lawyer handled only a "tiny, tiny little fraction" of his '
        "legal work.\n"
    )
    assert got["tiny, tiny little fr"] == "Donald Trump"


def test_tweeting_is_a_cue_of_the_officer_an_organisation_and_title_introduce() -> None:
    got = speakers(
        "House Minority Leader Nancy Pelosi, D-Calif., disagreed, tweeting that the memos "
        '"are further proof of contempt for the rule of law."\n'
    )
    assert got["are further proof of"] == "Nancy Pelosi"


def test_a_name_after_the_verb_is_no_subject() -> None:
    got = speakers(
        "Barack Obama spoke about the carmakers on Monday.\n\n"
        "He pointed to the bankruptcy of Chrysler as an example of what he envisioned for "
        'General Motors, but stated that General Motors was a "more complex company" than '
        "Chrysler.\n"
    )
    assert got["more complex company"] != "Chrysler"


def test_a_participle_after_a_comma_runs_on_from_a_he_opening_the_sentence() -> None:
    got = speakers(
        "Ray Dunmore, the bank's chief executive, spoke on Monday.\n\n"
        "He also declined to guess when the bank would sell its shares, saying that was "
        'a matter "for the board to decide", and merely saying that he expected it to take '
        '"months, not weeks."\n'
    )
    assert got["for the board to dec"] == "Ray Dunmore"
    assert got["months, not weeks."] == "Ray Dunmore"


def test_a_participle_runs_on_from_someone_brought_in_without_a_name() -> None:
    # nobody is named: the quoted words are the unnamed official's, not no one's
    got = parsed_speakers(
        "A senior finance ministry official later played down the figures, saying the "
        'deficit was "manageable" and the targets still "within reach."'
    )
    assert dict(got)["manageable"] == "A senior finance ministry official"
