"""The figure stage: whom a prison term is about, who tells an age."""

from __future__ import annotations

from service.ingest.extract import extract
from service.ingest.parse.article import parse_article
from tests.ingest.figures.whom import subjects_of


def test_a_prison_term_is_the_persons_not_the_prisons() -> None:
    subjects = subjects_of(
        "Court jails detainee\n\n"
        "A military court on Monday sentenced Bagram prison inmate Yusuf Karimov to nine "
        "more years in prison.\n"
    )
    assert subjects["nine more years"] == "Yusuf Karimov"


def test_a_count_of_times_counts_no_jobs() -> None:
    figures = {
        f.text: f
        for f in extract(
            parse_article("Rovers twice cut the deficit to one goal before half-time.")
        ).figures
    }
    assert figures["twice"].unit == "times"
    assert figures["twice"].property is None  # the deficit was cut, no jobs


def test_things_counted_are_never_people_the_story_names() -> None:
    """ "arrested four houses away": houses, no one detained; "spread to more than a dozen
    other towns": towns, none injured; "Three police were injured": people, injured."""
    body = (
        "Riots\n\nThe suspect was arrested four houses away from the bank on Friday. The"
        " unrest spread to more than a dozen other towns, and 40 people were injured."
        " Three police were injured in the clashes on Sunday.\n"
    )
    figures = {f.text: f for f in extract(parse_article(body)).figures}
    assert figures["four"].property == "houses"
    assert figures["more than a dozen"].property == "towns"
    assert (figures["40 people"].property, figures["Three police"].property) == (
        "injured",
        "injured",
    )
    assert figures["Three police"].unit == "people"


def test_an_age_told_in_a_claim_is_the_speakers_word() -> None:
    extraction = extract(
        parse_article(
            "Former member sues sect\n\n"
            "Marta Keller claims that she was kept at the compound until she was sixteen.\n"
            "The sect confirmed that it had expelled Keller, 41, in 2009.\n"
            "Keller announced her lawsuit at the age of 41.\n"
        )
    )
    names = [e.name for e in extraction.entities]
    sources = {
        (f.text, f.sentence.start): (
            names[f.attributed_to] if f.attributed_to is not None else f.attributed_to_text
        )
        for f in extraction.figures
        if f.property == "age"
    }
    told = [source for (text, _), source in sources.items() if text == "sixteen"]
    assert told == ["Marta Keller"]
    assert [s for (text, _), s in sources.items() if text in ("41", "at the age of 41")] == [
        None,
        None,
    ]


def test_a_count_of_a_group_named_before_takes_its_unit() -> None:
    article = (
        "Trawlers return\n\nSix fishing trawlers left the harbour on Monday.\n"
        "Four of them returned before dark, the coastguard said.\n"
        "The club sold 40,000 tickets, 12,000 of which went to members.\n"
    )
    units = {f.text: f.unit for f in extract(parse_article(article)).figures}
    assert units["Four"] == "trawlers"
    assert units["12,000"] == "tickets"


def test_the_other_two_looks_for_its_group_in_its_own_sentence() -> None:
    article = (
        "Cables cut\n\nThe second cable serves 14 states.\n"
        "With one line down we could use the other two, he said.\n"
    )
    units = {f.text: f.unit for f in extract(parse_article(article)).figures}
    assert units.get("two", "count") == "count"


def test_the_two_after_two_people_are_named_counts_people() -> None:
    article = (
        "Leaders meet\n\nChancellor Olaf Brandt welcomed President Maria Duarte in Lisbon on "
        "Monday.\nThe two signed a trade pact after lunch.\n"
    )
    units = {f.text: f.unit for f in extract(parse_article(article)).figures}
    assert units["two"] == "people"
