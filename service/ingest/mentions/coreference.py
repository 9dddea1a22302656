"""What a pronoun or a description points back to: the last entity of its kind named
before it ("it" after "General Motors", "he" after "Kane Williamson")."""

from __future__ import annotations

from collections.abc import Collection, Sequence

from service.ingest.model import EntityKind, LocalEntity, MentionCandidate


def last_named(
    mentions: Sequence[MentionCandidate],
    entities: Sequence[LocalEntity],
    *,
    before: int,
    kinds: Collection[EntityKind],
) -> int | None:
    """The local entity of ``kinds`` mentioned last, ending at or before ``before``."""
    found = None
    for m in mentions:
        if m.span.end > before:
            continue
        if 0 <= m.local_entity < len(entities) and entities[m.local_entity].kind in kinds:
            found = m.local_entity
    return found
