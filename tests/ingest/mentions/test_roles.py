"""The role a person is described by (roles.py)."""

from __future__ import annotations

from service.ingest.extract import extract
from service.ingest.parse.article import parse_article
from tests.ingest.mentions.finding import entity


def test_a_person_only_the_recogniser_found_is_described_like_the_rest() -> None:
    body = (
        "The former union boss was first sentenced in 2004 by Harold Pike, a federal judge "
        "in Maine, who called him a danger to the public.\n\n"
        "In August 2009, Judge Martin T. Wendell of Federal District Court in Boston ruled "
        "that he was fit to stand trial.\n\n"
        '"He has paid for what he did," the judge said.'
    )
    extraction = extract(parse_article("Headline\n\n" + body))
    assert entity(extraction.entities, "Martin T. Wendell").description == "judge"
    (quote,) = extraction.quotes  # "the judge" is the judge named last
    named = {e.index: e.name for e in extraction.entities}
    assert quote.speaker is not None
    assert named[quote.speaker] == "Martin T. Wendell"
