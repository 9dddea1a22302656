"""Speakers on real sentences of unseen news copy, through the whole extraction (parse,
mentions, quotes), so each rule is checked against what the entity finder really gives."""

from __future__ import annotations

from service.ingest.extract import extract
from service.ingest.parse.article import parse_article


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
