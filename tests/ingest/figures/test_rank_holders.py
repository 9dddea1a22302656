"""Who holds a rank: the name printed right after it, else the name it is said of, else
what the parse points at."""

from __future__ import annotations

from service.ingest.extract import extract
from service.ingest.figures.rank_holders import rank_holder
from service.ingest.figures.sentence_mentions import SentenceMentions
from service.ingest.model import EntityKind, LocalEntity
from service.ingest.parse.article import parse_article


def _ranks(copy: str) -> dict[str, str | None]:
    extraction = extract(parse_article(copy))
    names = [e.name for e in extraction.entities]
    return {
        f.text: names[f.subject] if f.subject is not None and f.subject >= 0 else None
        for f in extraction.figures
        if f.property == "rank"
    }


def test_a_rank_printed_before_a_name_is_that_names() -> None:
    ranks = _ranks(
        "Owls stun the Volunteers\n\n"
        "Coach Fran Dunphy praised his guards after Temple's 71-64 win over No. 6 "
        "Tennessee on Sunday.\n"
    )
    assert ranks["No. 6"] == "Tennessee"


def test_a_rank_said_of_a_name_after_a_comma_is_that_names() -> None:
    ranks = _ranks(
        "Bureau veteran dies\n\n"
        "Walter Greer worked for the FBI for thirty years. Greer, the No. 3 official at "
        "the FBI in the 1970s, retired in 1980.\n"
    )
    assert ranks["No. 3"] == "Walter Greer"


def test_a_rank_said_of_a_name_the_name_finder_missed_is_that_names() -> None:
    # no mention of "Netscape Navigator" in the sentence; the story named it before
    sentence = '"Usually, Netscape Navigator is the #2 browser after Opera."'
    browser = LocalEntity(0, EntityKind.ORGANIZATION, "Netscape Navigator", ())
    sm = SentenceMentions(sentence, 0, [], [browser])
    start = sentence.index("#2")
    assert rank_holder(sm, sentence, start, start + 2) == 0
    described = sentence.replace("Netscape Navigator", "the Netscape browser")
    assert rank_holder(sm, described, described.index("#2"), described.index("#2") + 2) is None


def test_a_name_describing_the_noun_of_a_rank_holds_nothing() -> None:
    ranks = _ranks(
        "Music sales\n\n"
        "The store passed Best Buy to become the No. 2 U.S. music retailer last year.\n"
    )
    assert ranks["No. 2"] != "U.S."
