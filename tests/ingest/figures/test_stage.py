"""The figure stage: whom a prison term is about."""

from __future__ import annotations

from tests.ingest.figures.whom import subjects_of


def test_a_prison_term_is_the_persons_not_the_prisons() -> None:
    subjects = subjects_of(
        "Court jails detainee\n\n"
        "A military court on Monday sentenced Bagram prison inmate Yusuf Karimov to nine "
        "more years in prison.\n"
    )
    assert subjects["nine more years"] == "Yusuf Karimov"
