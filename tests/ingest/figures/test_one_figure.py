"""One number read as a figure: whom a prison term is about, things counted that are
no people."""

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
