"""An article's mentions ordered by position, and the entity a description stands for
("the US-based rights group" -> Human Rights Watch, "the newspaper" -> The Boston Herald,
"the 26-year-old" -> the person named last)."""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

from service.ingest.mentions import gazetteer as gz
from service.ingest.mentions.coreference import may_be
from service.ingest.model import EntityKind, LocalEntity, MentionCandidate
from service.ingest.quotes.speaker_words import (
    GENERIC_ORG_HEADS,
    ORG_HEADS,
    PERSON_HEADS,
    SPEAKER_KINDS,
    UNNAMED_HEADS,
    WEAK_WORDS,
    WORD,
    singular,
)

# "the newspaper", "the paper": the last organisation whose name ends like a newspaper's
_NEWSPAPER_HEADS = gz.word_set("newspaper paper daily tabloid")


_MASTHEADS = gz.word_set(
    """news times gazette chronicle telegraph courier inquirer examiner bulletin post
    journal herald tribune globe mirror express guardian independent observer standard"""
)


# A person told by age: "the 26-year-old", "the 78-year-old".
_AGED = re.compile(r"\d{1,3}-year-old")


# How far back "the manager" may look for the person it stands for, when no name fits.
_DESCRIBED_REACH = 300


class MentionIndex:
    """An article's mentions ordered by position, with their local entity."""

    def __init__(
        self, mentions: Sequence[MentionCandidate], entities: Sequence[LocalEntity]
    ) -> None:
        by_name: dict[str, int] = {}
        for entity in entities:
            for name in (entity.name, *entity.aliases):
                by_name.setdefault(name.casefold(), entity.index)
        resolved: list[tuple[MentionCandidate, int]] = []
        for m in sorted(mentions, key=lambda m: (m.span.start, m.span.end)):
            idx = m.local_entity if 0 <= m.local_entity < len(entities) else None
            if idx is None:
                idx = by_name.get(m.name.casefold())
            if idx is not None:
                resolved.append((m, idx))
        self.entities = entities
        self.items = resolved
        self._starts = [m.span.start for m, _ in resolved]
        self._entity_words = [_entity_words(e) for e in entities]

    def kind(self, entity: int) -> EntityKind:
        return self.entities[entity].kind

    def within(self, start: int, end: int) -> list[tuple[MentionCandidate, int]]:
        """Mentions that end inside ``start..end`` (they may begin before it)."""
        hi = bisect.bisect_left(self._starts, end)
        return [(m, e) for m, e in self.items[:hi] if start < m.span.end <= end]

    def last_before(
        self, pos: int, kinds: tuple[EntityKind, ...], since: int = 0, sex: str | None = None
    ) -> tuple[MentionCandidate, int] | None:
        """The last mention of ``kinds`` before ``pos``; with ``sex``, never a person
        whose given name is only ever the other sex's."""
        hi = bisect.bisect_left(self._starts, pos)
        for m, e in reversed(self.items[:hi]):
            if m.span.end <= since:
                return None
            if (
                m.span.end <= pos
                and self.kind(e) in kinds
                and may_be(self.entities[e], sex, self.entities)
            ):
                return m, e
        return None

    def sole_holder(self, role: str) -> int | None:
        """The one person of the article whose description holds every word of ``role``
        ("prime minister" for "Israeli prime minister"), or None when none or several do."""
        wanted = {singular(w) for w in WORD.findall(role)}
        holders = {
            e.index
            for e in self.entities
            if e.kind is EntityKind.PERSON
            and wanted <= {singular(w) for w in WORD.findall(e.description or "")}
        }
        return holders.pop() if len(holders) == 1 else None

    def surname_of(self, word: str) -> int | None:
        """The one person of the article whose full name ends in ``word``."""
        bearers = {
            e.index
            for e in self.entities
            if e.kind is EntityKind.PERSON and " " in e.name and e.name.split()[-1] == word
        }
        return bearers.pop() if len(bearers) == 1 else None

    def described_as(self, words: list[str], pos: int, kinds: tuple[EntityKind, ...]) -> int | None:
        """The last entity of ``kinds`` before ``pos`` whose name or description has the
        head noun of "the <words>" or one of its modifiers ("the president" -> Donald
        Trump, described as "President Donald Trump"); nobody when none has."""
        cues = {singular(words[-1])} | {singular(w) for w in words[:-1] if w not in WEAK_WORDS}
        hi = bisect.bisect_left(self._starts, pos)
        seen: set[int] = set()
        for _m, e in reversed(self.items[:hi]):
            if e in seen or self.kind(e) not in kinds:
                continue
            seen.add(e)
            if cues & self._entity_words[e]:
                return e
        return None

    def by_description(self, words: list[str], pos: int) -> int | None:
        """The last entity before ``pos`` that "the <words>" fits, by head noun or modifier."""
        head = singular(words[-1])
        if _AGED.fullmatch(head):  # "added the 26-year-old": the last person named
            last = self.last_before(pos, (EntityKind.PERSON,))
            return last[1] if last else None
        if head in ORG_HEADS:
            kinds: tuple[EntityKind, ...] = (EntityKind.ORGANIZATION,)
        elif head in PERSON_HEADS:
            kinds = (EntityKind.PERSON,)
        else:
            kinds = SPEAKER_KINDS
        fits = self.described_as(words, pos, kinds)
        if fits is not None:
            return fits
        hi = bisect.bisect_left(self._starts, pos)
        if head in _NEWSPAPER_HEADS:
            # "The Boston Herald reported ... Though the newspaper doesn't cite its source":
            # the last organisation named as a newspaper is
            for _m, e in reversed(self.items[:hi]):
                name = self.entities[e].name.split()
                if self.kind(e) is EntityKind.ORGANIZATION and name[-1].casefold() in _MASTHEADS:
                    return e
            return None
        if head in GENERIC_ORG_HEADS:
            last = self.last_before(pos, (EntityKind.ORGANIZATION,))
            return last[1] if last else None
        if kinds == (EntityKind.PERSON,):
            # "the president": an entity described as one, even when its name was taken
            # for an organisation's, before whoever was named last
            for _m, e in reversed(self.items[:hi]):
                if self.kind(e) is EntityKind.ORGANIZATION and head in self._entity_words[e]:
                    return e
            # "the City manager said": the person just named; a witness or a resident is
            # someone the story does not name
            if head in UNNAMED_HEADS:
                return None
            last = self.last_before(pos, kinds, since=max(0, pos - _DESCRIBED_REACH))
            return last[1] if last else None
        return None


def _entity_words(entity: LocalEntity) -> frozenset[str]:
    text = " ".join((entity.name, *entity.aliases, entity.description or ""))
    return frozenset(singular(w) for w in WORD.findall(text.casefold()))
