"""Quotes and their speakers read from copy, shared by the quote tests: ``speakers`` through
the whole extraction, ``seed`` on the seed copy, ``synthetic`` with hand-made entities."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from service.ingest.extract import extract
from service.ingest.mentions.entities import find_mentions
from service.ingest.model import EntityKind, LocalEntity, MentionCandidate, QuoteCandidate, Span
from service.ingest.parse.article import parse_article
from service.ingest.parse.sentences import split_sentences
from service.ingest.quotes.quotations import find_quotes

SEEDS = Path(__file__).parents[3] / "seeds"
PERSON, ORG, PLACE = EntityKind.PERSON, EntityKind.ORGANIZATION, EntityKind.PLACE


def speakers(copy: str) -> dict[str, str | None]:
    """Each quote's first words -> the name of its speaker's entity."""
    found = extract(parse_article(copy))
    names = {e.index: e.name for e in found.entities}
    return {
        q.text[:20]: names.get(q.speaker) if q.speaker is not None else None for q in found.quotes
    }


@dataclass(frozen=True)
class Found:
    """One article's quotes with the names of their speakers."""

    body: str
    quotes: tuple[QuoteCandidate, ...]
    entities: tuple[LocalEntity, ...]

    def speaker(self, q: QuoteCandidate) -> str | None:
        return None if q.speaker is None else self.entities[q.speaker].name

    def quote(self, starts_with: str) -> QuoteCandidate:
        matches = [q for q in self.quotes if q.text.startswith(starts_with)]
        assert len(matches) == 1, (starts_with, [q.text for q in self.quotes])
        return matches[0]

    def has_quote(self, containing: str) -> bool:
        return any(containing in q.text for q in self.quotes)


@cache
def seed(prefix: str) -> Found:
    (path,) = SEEDS.glob(f"{prefix}_*.txt")
    body = parse_article(path.read_text(encoding="utf-8")).body
    sentences = split_sentences(body)
    mentions, entities = find_mentions(body, sentences)
    return Found(body, find_quotes(body, sentences, mentions, entities), entities)


def synthetic(body: str, *names: tuple[str, EntityKind, tuple[str, ...]]) -> Found:
    """Quotes of ``body`` with hand-made entities: (name, kind, other spellings)."""
    sentences = split_sentences(body)
    entities: list[LocalEntity] = []
    mentions: list[MentionCandidate] = []
    taken: list[Span] = []
    for i, (name, kind, aliases) in enumerate(names):
        entities.append(LocalEntity(index=i, kind=kind, name=name, aliases=aliases))
        for form in sorted((name, *aliases), key=len, reverse=True):
            for m in re.finditer(rf"\b{re.escape(form)}\b", body):
                if any(t.start < m.end() and m.start() < t.end for t in taken):
                    continue
                taken.append(Span(m.start(), m.end()))
                sentence = next(s.index for s in sentences if s.span.start <= m.start())
                mentions.append(
                    MentionCandidate(
                        span=Span(m.start(), m.end()),
                        text=m.group(),
                        name=form,
                        kind=kind,
                        sentence_index=sentence,
                        local_entity=i,
                    )
                )
    mentions.sort(key=lambda m: m.span.start)
    quotes = find_quotes(body, sentences, tuple(mentions), tuple(entities))
    return Found(body, quotes, tuple(entities))


def parsed_speakers(body: str) -> list[tuple[str, str | None]]:
    """Each quote's text -> its speaker's entity name, else its speaker text (after a
    headline, as the parse reads an article)."""
    extraction = extract(parse_article("Headline\n\n" + body))
    names = {e.index: e.name for e in extraction.entities}
    return [
        (q.text, names[q.speaker] if q.speaker is not None else q.speaker_text)
        for q in extraction.quotes
    ]
