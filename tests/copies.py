"""Copy made for tests and drills: many stories from the few seeds."""

from __future__ import annotations

from service.ingest.parse.article import parse_article


def with_sentence(copy: str, sentence: str) -> str:
    """``copy`` with ``sentence`` as a paragraph of its own after the lead: another story
    (a line after the story's end would be furniture, and the same story under other
    furniture is the same article)."""
    lead = parse_article(copy).body.split("\n\n", 1)[0]
    assert lead in copy
    return copy.replace(lead, f"{lead}\n\n{sentence}", 1)


def revised(copy: str, mark: int) -> str:
    """Another story with the same values for each ``mark``: the added sentence carries
    no figure and no quote."""
    return with_sentence(copy, f"Editors revised this copy, mark {'a' * (mark + 1)}.")
