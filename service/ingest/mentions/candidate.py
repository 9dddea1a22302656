"""A name found in a body before grouping: what the finder, the recogniser check and
the grouping pass along."""

from __future__ import annotations

from dataclasses import dataclass

from service.ingest.model import EntityKind


@dataclass(slots=True)
class Candidate:
    """A name found in the body before grouping: what entity_groups works on."""

    start: int
    end: int
    name: str
    kind: EntityKind
    sentence_index: int
    description: str | None = None
    acronym_of: Candidate | None = None  # the long name this acronym is defined for
