"""Whom each figure of a copy is about and whom it is attributed to, by its printed text:
shared by the subject and source tests."""

from __future__ import annotations

from service.ingest.extract import extract
from service.ingest.parse.article import parse_article


def subjects_of(copy: str) -> dict[str, str | None]:
    """Each figure's printed text -> the name of the entity it is about (None for none)."""
    extraction = extract(parse_article(copy))
    names = [e.name for e in extraction.entities]
    return {
        f.text: names[f.subject] if f.subject is not None and f.subject >= 0 else None
        for f in extraction.figures
    }


def sources_of(copy: str) -> dict[str, str | None]:
    """Each figure's printed text -> the name (or the words) of whom it is attributed to."""
    extraction = extract(parse_article(copy))
    names = [e.name for e in extraction.entities]
    return {
        f.text: (names[f.attributed_to] if f.attributed_to is not None else f.attributed_to_text)
        for f in extraction.figures
    }
