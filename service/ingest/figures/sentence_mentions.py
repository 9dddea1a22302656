"""The mentions of one sentence, with the helpers a rule uses to find the one it needs: the
last person before a figure, the first place after it, the nearest organisation."""

from __future__ import annotations

from collections.abc import Sequence

from service.ingest.model import EntityKind, LocalEntity, MentionCandidate


def is_possessive(body: str, mention: MentionCandidate) -> bool:
    return mention.text.endswith(("'s", "’s")) or body[mention.span.end :].startswith(("'s", "’s"))


class SentenceMentions:
    """The mentions of one sentence, with helpers to find the one a rule needs."""

    def __init__(
        self,
        body: str,
        sentence_start: int,
        mentions: Sequence[MentionCandidate],
        entities: Sequence[LocalEntity],
        cities: frozenset[int] = frozenset(),
    ) -> None:
        self.body = body
        self.offset = sentence_start
        self.cities = cities
        self.mentions = [m for m in mentions if m.local_entity >= 0]
        self.entities = entities

    def kind(self, mention: MentionCandidate) -> EntityKind:
        if 0 <= mention.local_entity < len(self.entities):
            return self.entities[mention.local_entity].kind
        return mention.kind

    def of_kind(self, *kinds: EntityKind) -> list[MentionCandidate]:
        return [m for m in self.mentions if self.kind(m) in kinds]

    def last_before(
        self, pos: int, *kinds: EntityKind, possessive: bool = False
    ) -> MentionCandidate | None:
        """The last mention of ``kinds`` ending at or before body offset ``pos``."""
        found = [
            m
            for m in self.of_kind(*kinds)
            if m.span.end <= pos and (possessive or not is_possessive(self.body, m))
        ]
        return found[-1] if found else None

    def within(
        self, start: int, end: int, *kinds: EntityKind, possessive: bool = True
    ) -> list[MentionCandidate]:
        """The mentions of ``kinds`` lying inside the sentence's ``start``..``end`` (offsets
        in the sentence), in order; without possessives ("the agency's") unless asked."""
        return [
            m
            for m in self.of_kind(*kinds)
            if self.offset + start <= m.span.start
            and m.span.end <= self.offset + end
            and (possessive or not is_possessive(self.body, m))
        ]

    def first_after(self, pos: int, *kinds: EntityKind) -> MentionCandidate | None:
        found = [m for m in self.of_kind(*kinds) if m.span.start >= pos]
        return found[0] if found else None

    def nearest(self, start: int, end: int, *kinds: EntityKind) -> MentionCandidate | None:
        found = self.of_kind(*kinds)

        def distance(m: MentionCandidate) -> int:
            return start - m.span.end if m.span.end <= start else max(0, m.span.start - end)

        return min(found, key=distance) if found else None
