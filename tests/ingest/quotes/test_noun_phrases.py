"""Who a noun phrase, a pronoun or a possessive role before a cue names, on sentences of news
copy, through the whole extraction (parse, mentions, quotes), so each rule is checked
against what the entity finder gives."""

from __future__ import annotations

from service.ingest.extract import extract
from service.ingest.parse.article import parse_article
from tests.ingest.quotes.reading import speakers


def test_an_adverb_after_a_pronoun_leaves_it_the_subject() -> None:
    got = speakers(
        "North Korea will stop nuclear tests, the Korean Central News Agency said on "
        'Saturday. It also said the North would "shut down a nuclear test site in the '
        "country's northern side.\"\n"
    )
    assert got["shut down a nuclear "] == "Korean Central News Agency"


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


def test_it_after_the_newspaper_is_the_newspaper_named_before() -> None:
    got = speakers(
        "The Denver Tribune reported on Monday that the Seattle Mariners have offered a new "
        "deal to pitcher Sam Ortega.\n\n"
        'Though the newspaper named no source, it said the offer is "worth close to $90 '
        'million over six years."\n'
    )
    assert got["worth close to $90 m"] == "Denver Tribune"


def test_an_adverb_opening_the_sentence_is_no_part_of_a_described_speaker() -> None:
    found = extract(
        parse_article(
            "Workers ran from the depot.\n\n"
            'Then a co-worker shouted, "Get out now! The roof is going."\n'
        )
    )
    assert [q.speaker_text for q in found.quotes] == ["a co-worker"]


def test_the_role_just_brought_in_without_a_name_is_not_the_named_holder() -> None:
    # the unnamed "one senior diplomat" speaks, not Mark Ellison named as a diplomat first
    got = speakers(
        "The talks were led by the veteran diplomat Mark Ellison, who flew to Geneva on "
        "Sunday.\n\nOne senior diplomat close to the delegation said on condition of "
        'anonymity that the draft had collapsed. "Nobody read it," the diplomat said.\n'
    )
    assert got["Nobody read it,"] is None


def test_a_role_set_after_a_name_is_that_person_s() -> None:
    # "a doctor" right after the name, after a comma, describes Maria Lopes
    got = speakers(
        "Two children were hurt when a school roof fell in, Maria Lopes, a doctor at the "
        'district hospital, told Reuters.\n\n"We have treated around 20 people with cuts," '
        "added the doctor.\n"
    )
    assert got["We have treated arou"] == "Maria Lopes"
