"""Whom each figure of a copy is about, by its printed text: shared by the subject tests."""

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
