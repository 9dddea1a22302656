"""Quote speakers read through the whole extraction: shared by the speaker tests."""

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
