"""Speakers on real sentences of unseen news copy, through the whole extraction (parse,
mentions, quotes), so each rule is checked against what the entity finder really gives."""

from __future__ import annotations

from service.ingest.extract import extract
from service.ingest.model import EntityKind, LocalEntity, MentionCandidate, Span
from service.ingest.parse.article import parse_article
from service.ingest.parse.sentences import split_sentences
from service.ingest.quotes.quotations import find_quotes
from service.ingest.quotes.speakers import MentionIndex

PERSON, ORG = EntityKind.PERSON, EntityKind.ORGANIZATION


def speakers(copy: str) -> dict[str, str | None]:
    """Each quote's first words -> the name of its speaker's entity."""
    found = extract(parse_article(copy))
    names = {e.index: e.name for e in found.entities}
    return {
        q.text[:20]: names.get(q.speaker) if q.speaker is not None else None for q in found.quotes
    }


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


def test_an_adverb_after_a_pronoun_leaves_it_the_subject() -> None:
    got = speakers(
        "North Korea will stop nuclear tests, the Korean Central News Agency said on "
        'Saturday. It also said the North would "shut down a nuclear test site in the '
        "country's northern side.\"\n"
    )
    assert got["shut down a nuclear "] == "Korean Central News Agency"


def test_an_adverb_after_a_surname_leaves_it_the_subject() -> None:
    got = speakers(
        "Rep. Elijah E. Cummings of Maryland criticised the release on Thursday. Cummings "
        'also notes that the memo is marked as "unclassified."\n'
    )
    assert got["unclassified."] == "Elijah E. Cummings"


def test_the_congressman_is_the_congressman_named_before() -> None:
    got = speakers(
        "Rep. Elijah E. Cummings of Maryland criticised the release on Thursday. The "
        'congressman added that the memos are also "corroborated by contemporaneous '
        'handwritten notes."\n'
    )
    assert got["corroborated by cont"] == "Elijah E. Cummings"


def test_the_president_is_whoever_is_described_as_president_whatever_their_kind() -> None:
    body = "Trump spoke before the Miss Universe contest. The president also said"
    trump = LocalEntity(index=0, kind=ORG, name="Trump", aliases=(), description="president")
    universe = LocalEntity(index=1, kind=PERSON, name="Universe", aliases=(), description="miss")
    mentions = [
        MentionCandidate(Span(0, 5), "Trump", "Trump", ORG, 0, 0),
        MentionCandidate(Span(29, 37), "Universe", "Universe", PERSON, 0, 1),
    ]
    index = MentionIndex(mentions, [trump, universe])
    assert index.by_description(["the", "president"], body.index("The president")) == 0


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


def test_who_was_quoted_as_saying_speaks() -> None:
    got = speakers(
        '"Technically, we are fully prepared to enrich uranium higher than we used to," '
        "Ali Akbar Salehi was quoted by Iranian state television as saying.\n"
    )
    assert got["Technically, we are "] == "Ali Akbar Salehi"


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


def test_whom_a_cue_reports_speaks_not_who_reports_it() -> None:
    got = speakers(
        "James Comey wrote about a call with President Donald Trump in April.\n\n"
        'After Trump said he would do so, Comey said the president told him, "I have been '
        'very loyal to you, very loyal, we had that thing, you know."\n'
    )
    assert got["I have been very loy"] == "Donald Trump"


def test_a_witness_is_nobody_named_before() -> None:
    got = speakers(
        "Police shot Kimani Gray, 16, on Saturday night in Brooklyn. A witness said the "
        "youth did not have a gun in his hand. But a police spokesman said the witness told "
        "detectives she could not see the incident clearly \u201cfrom the angle I was at.\u201d\n"
    )
    assert got["from the angle I was"] is None


def test_tweeting_is_a_cue_of_the_officer_an_organisation_and_title_introduce() -> None:
    got = speakers(
        "House Minority Leader Nancy Pelosi, D-Calif., disagreed, tweeting that the memos "
        '"are further proof of contempt for the rule of law."\n'
    )
    assert got["are further proof of"] == "Nancy Pelosi"


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


def test_a_name_after_the_verb_is_no_subject() -> None:
    got = speakers(
        "Barack Obama spoke about the carmakers on Monday.\n\n"
        "He pointed to the bankruptcy of Chrysler as an example of what he envisioned for "
        'General Motors, but stated that General Motors was a "more complex company" than '
        "Chrysler.\n"
    )
    assert got["more complex company"] != "Chrysler"


def test_a_described_subject_speaks_past_a_clause_naming_someone_else() -> None:
    got = speakers(
        "Governor Laura Briggs met lawmakers in Albany on Monday.\n\n"
        "The governor, standing beside Senator Mark Ellison, said she was "
        '"confident" the bill would pass.\n\n'
        'The senator, Mark Ellison, said the vote was "only a start."\n'
    )
    assert got["confident"] == "Laura Briggs"
    assert got["only a start."] == "Mark Ellison"


def test_a_name_after_the_cue_then_a_role_is_the_place_of_the_person_named_next() -> None:
    got = speakers(
        "Police searched the office tower on Monday.\n\n"
        '"He was looking for someone," said Troy police Lt. Gerry Scherlinck.\n\n'
        '"The cars come straight through," said Richmond Hill resident Suri Charanjit.\n\n'
        '"It was fine," said Mark Evans, a neighbour.\n'
    )
    assert got["He was looking for s"] == "Gerry Scherlinck"
    assert got["The cars come straig"] == "Suri Charanjit"
    assert got["It was fine,"] == "Mark Evans"


def test_a_title_s_full_stop_after_the_cue_ends_no_clause() -> None:
    got = speakers(
        "Police searched the office tower in Troy on Monday.\n\n"
        'The suspect was "deliberately seeking out these individuals," according to Troy '
        "police Lt. Gerry Scherlinck.\n"
    )
    assert got["deliberately seeking"] == "Gerry Scherlinck"


def test_a_person_named_after_a_role_of_an_organisation_speaks() -> None:
    got = speakers(
        "Shares fell again\n\n"
        '"Nobody wants to hold anything with risk in it right now," said the chief '
        "economist at Harbour Lane Capital, Priya Raman.\n"
    )
    assert got["Nobody wants to hold"] == "Priya Raman"


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


def test_a_country_s_role_is_the_one_person_described_with_it() -> None:
    got = speakers(
        'Canada\'s finance minister says the budget will "balance itself" within four '
        "years.\n\nCanadian finance minister Ralph Goodale presented the budget on "
        "Tuesday in Ottawa. Opposition leader Stephen Harper called it a disappointment.\n"
    )
    assert got["balance itself"] == "Ralph Goodale"


def test_a_possessive_role_nobody_holds_is_not_the_last_person_named() -> None:
    got = speakers(
        'A "deliberate" blaze gutted the bakery owned by retired footballer Peter Crouch '
        "in his home town of Ludlow, the bakery's manager said.\n"
    )
    assert got["deliberate"] is None


def test_a_cue_after_a_comma_names_its_speaker_after_it_not_the_name_before() -> None:
    got = speakers(
        "Harbour cranes have lost ground for years as terminals turn to rail links run "
        "by Maersk, said Tomas Lindqvist, an analyst at Nordea Markets.\n\n"
        '"A deal with the rail operators lets the port compete on price again."\n'
    )
    assert got["A deal with the rail"] == "Tomas Lindqvist"


def test_it_after_the_newspaper_is_the_newspaper_named_before() -> None:
    got = speakers(
        "The Denver Tribune reported on Monday that the Seattle Mariners have offered a new "
        "deal to pitcher Sam Ortega.\n\n"
        'Though the newspaper named no source, it said the offer is "worth close to $90 '
        'million over six years."\n'
    )
    assert got["worth close to $90 m"] == "Denver Tribune"


def test_answered_is_a_cue_that_keeps_a_one_word_reply() -> None:
    got = speakers(
        "When the defence asked whether she had seen the driver's face, witness Maria "
        'Lopez answered, "No."\n'
    )
    assert got["No."] == "Maria Lopez"


def test_the_name_after_a_firm_and_its_title_speaks_though_typed_an_organisation() -> None:
    body = '"We could not have asked for more," crowed Zentra CEO Wei-Lun Tsang on Monday.\n'
    zentra = LocalEntity(index=0, kind=ORG, name="Zentra", aliases=(), description=None)
    tsang = LocalEntity(index=1, kind=ORG, name="Wei-Lun Tsang", aliases=(), description="ceo")
    start = body.index("Zentra")
    mentions = [
        MentionCandidate(Span(start, start + 6), "Zentra", "Zentra", ORG, 0, 0),
        MentionCandidate(
            Span(body.index("Wei"), body.index(" on")), "Wei-Lun Tsang", "Wei-Lun Tsang", ORG, 0, 1
        ),
    ]
    quotes = find_quotes(body, split_sentences(body), mentions, [zentra, tsang])
    assert [q.speaker for q in quotes] == [1]


def test_him_after_a_relaying_verb_is_whom_he_stands_for() -> None:
    got = speakers(
        "According to chef Daniel Moreau, the new kitchen opens in May "
        '"because the old one simply could not keep up," the Gazette quoted him as saying.\n'
    )
    assert got["because the old one "] == "Daniel Moreau"


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


def test_a_participle_after_a_comma_runs_on_from_a_he_opening_the_sentence() -> None:
    got = speakers(
        "Ray Dunmore, the bank's chief executive, spoke on Monday.\n\n"
        "He also declined to guess when the bank would sell its shares, saying that was "
        'a matter "for the board to decide", and merely saying that he expected it to take '
        '"months, not weeks."\n'
    )
    assert got["for the board to dec"] == "Ray Dunmore"
    assert got["months, not weeks."] == "Ray Dunmore"


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


def test_an_adverb_opening_the_sentence_is_no_part_of_a_described_speaker() -> None:
    found = extract(
        parse_article(
            "Workers ran from the depot.\n\n"
            'Then a co-worker shouted, "Get out now! The roof is going."\n'
        )
    )
    assert [q.speaker_text for q in found.quotes] == ["a co-worker"]
