"""Ages in a sentence: who tells an age."""

from __future__ import annotations

from service.ingest.extract import extract
from service.ingest.parse.article import parse_article


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
