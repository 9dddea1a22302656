"""Who speaks a quote with no cue of its own: the statement it runs on from, a paragraph ending
in a colon, a headline's name, whoever reported just before. Seed tests run the whole parse;
synthetic ones build mentions by hand, so they pin the quote logic alone."""

from __future__ import annotations

from service.ingest.extract import extract
from service.ingest.parse.article import parse_article
from tests.ingest.quotes.reading import ORG, PERSON, seed, synthetic


def test_continuation_paragraph_keeps_the_speaker() -> None:
    found = seed("002")
    first = found.quote("The overnight crackdown")
    follow = found.quote("One cracked skull")
    assert found.speaker(first) == found.speaker(follow) == "Mukhtar Taizhan"
    assert first.cue == follow.cue == "wrote"
    assert not follow.is_partial


def test_a_quote_paragraph_after_a_reported_speech_is_that_speakers() -> None:
    found = synthetic(
        "Trump confirms the meeting.\n\n"
        "Donald Trump acknowledged the meeting in a tweet, saying it went well.\n\n"
        '"Mike Pompeo met with Kim Jong Un last week. Meeting went very smoothly."\n\n'
        'Officials have said he threatened the United States with "fire and fury".',
        ("Donald Trump", PERSON, ("Trump",)),
    )
    first, *rest = found.quotes
    assert found.speaker(first) == "Donald Trump"
    assert all(q.cue != "States" for q in rest)  # "the United States" is nobody's cue


def test_a_quote_paragraph_after_a_sentence_closed_by_its_cue_is_that_cue_s() -> None:
    # the participle inside the sentence ("a call from the Solveig saying") is not what
    # the sentence attributes; the cue that closes it after a comma is
    found = synthetic(
        "The coastguard cutter was on patrol when it received a call from the trawler "
        "Solveig saying its engine had failed, a Coastguard Agency statement said.\n\n"
        '"On reaching the trawler, the crew took it in tow. Both vessels reached port '
        'safely."',
        ("Solveig", ORG, ()),
        ("Coastguard Agency", ORG, ()),
    )
    assert found.speaker(found.quotes[0]) == "Coastguard Agency"


def test_cue_less_sentence_quote_without_a_previous_statement_has_no_speaker() -> None:
    found = synthetic(
        "Crowds gathered in the square.\n\n"
        '"Freedom is not given, it is taken by those who want it."\n\n'
        "Aidos Sarym watched from a balcony.",
        ("Aidos Sarym", PERSON, ()),
    )
    (q,) = found.quotes
    assert q.speaker is None
    assert q.speaker_text is None
    assert q.cue is None


def test_a_paragraph_ending_in_a_colon_introduces_the_quote_after_it() -> None:
    found = synthetic(
        "Prime Minister Mark Olsen wrote on his account late on Sunday:\n\n"
        '"We will rebuild every school the flood took. Nobody will be left behind."\n\n'
        'The agency notes, "rainfall was twice the monthly average in two days."',
        ("Mark Olsen", PERSON, ()),
    )
    olsen, agency = found.quotes
    assert found.speaker(olsen) == "Mark Olsen"
    assert not olsen.is_partial
    assert agency.speaker_text == "The agency"


def test_a_short_clause_opened_by_a_person_and_a_colon_introduces_the_quote() -> None:
    found = synthetic(
        'England drew. Coach Gareth Southgate was less upbeat: "We have to improve."\n\n'
        'Her verdict on Kamala Harris was harsh: "She failed the test."',
        ("Gareth Southgate", PERSON, ()),
        ("Kamala Harris", PERSON, ()),
    )
    improve, failed = found.quotes
    assert found.speaker(improve) == "Gareth Southgate"
    assert failed.speaker is None  # Harris is who the verdict is on, not who speaks


def test_a_sentence_opened_by_a_participle_clause_is_spoken_by_its_subject() -> None:
    """ "Asked whether ..., Guardiola smiled:": who was asked is the subject after the
    comma, not an unnamed asker."""
    found = synthetic(
        'Asked whether he would stay next season, Guardiola smiled: "Of course."',
        ("Guardiola", PERSON, ()),
    )
    (stay,) = found.quotes
    assert found.speaker(stay) == "Guardiola"


def test_a_quote_after_a_speaker_reports_without_quoting_is_theirs() -> None:
    """ "X noted ... . "<quote>"": the quote that is a sentence of its own is X's; a
    quoted term inside the narrative after X's reported words is nobody's."""
    found = synthetic(
        "Colette Heald noted the findings show pollution cuts matter. "
        '"A cleanup would improve crop yields by 10 percent."\n\n'
        "Senator Mark Udall asked the council to help. The team was then given "
        '"a significant public benefit exemption from the rules" by the State Department.',
        ("Colette Heald", PERSON, ("Heald",)),
        ("Mark Udall", PERSON, ()),
    )
    cleanup, exemption = found.quotes
    assert found.speaker(cleanup) == "Colette Heald"
    assert found.speaker(exemption) is None


def test_a_paragraph_quote_runs_on_past_words_the_splitter_cut_off() -> None:
    # The splitter ends the first sentence at "Ch." and leaves "10." to a sentence of
    # its own: the statement still ends its paragraph.
    found = synthetic(
        '"The bridge will reopen in May," said Ana Ruiz, a reporter at KXTV, Ch. 10.\n\n'
        '"Drivers should plan for delays until then."',
        ("Ana Ruiz", PERSON, ("Ruiz",)),
    )
    assert found.speaker(found.quote("Drivers should plan")) == "Ana Ruiz"


def test_a_headline_led_by_a_name_and_a_colon_quotes_that_person() -> None:
    found = synthetic(
        "Merkel: New border checks 'will not last beyond the summer'.\n\n"
        "Chancellor Angela Merkel defended the checks on Monday in Berlin.\n\n"
        "Report: Ministers call the plan 'a stopgap'.",
        ("Angela Merkel", PERSON, ("Merkel",)),
    )
    assert found.speaker(found.quote("will not last")) == "Angela Merkel"


def test_the_organisation_a_titled_person_speaks_for_is_part_of_the_title() -> None:
    found = synthetic(
        "Shares of the bottler fell sharply.\n\n"
        'Northwind Beverages spokesman Karl Dufresne spoke about the drop: "We are looking '
        'into what caused it."\n\n'
        'A note from Orbis Capital on the merger was blunt: "It makes no sense."',
        ("Northwind Beverages", ORG, ()),
        ("Karl Dufresne", PERSON, ()),
        ("Orbis Capital", ORG, ()),
    )
    looking, sense = found.quotes
    assert found.speaker(looking) == "Karl Dufresne"
    assert sense.speaker is None  # no person opens the clause


def test_a_paragraph_issuing_the_following_statement_introduces_the_quote() -> None:
    """A clause too long for a short colon clause still introduces the statement after it
    when its verb is issuing one."""
    article = (
        "Club suspends striker\n\n"
        "The striker was arrested early on Sunday.\n\n"
        "Director of football Ruth Adair issued the following statement on the arrest of "
        "the striker:\n\n"
        '"We are aware of the incident. We take it very seriously."\n'
    )
    extraction = extract(parse_article(article))
    names = [e.name for e in extraction.entities]
    (quote,) = extraction.quotes
    assert quote.speaker is not None
    assert names[quote.speaker] == "Ruth Adair"


def test_a_name_right_after_a_quote_that_lost_its_verb_speaks() -> None:
    found = synthetic(
        "The port strike enters its third week.\n\n"
        '"We will not sign a deal that cuts pensions," Labour Minister Marta Kovac during a '
        "rally outside the docks on Sunday.\n\n"
        'Shipping firms expect a "long winter" of delays.',
        ("Marta Kovac", PERSON, ("Kovac",)),
    )
    said, *_ = found.quotes
    assert found.speaker(said) == "Marta Kovac"
