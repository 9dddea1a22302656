"""Names the rules find in a body, checked against the mentions' contract: shared by the
tests of the mention modules."""

from __future__ import annotations

from service.ingest.mentions.entities import find_mentions
from service.ingest.model import EntityKind, LocalEntity, MentionCandidate
from service.ingest.nlp.model import analyse
from service.ingest.parse.sentences import split_sentences

PERSON, ORG, PLACE, EVENT, OTHER = (
    EntityKind.PERSON,
    EntityKind.ORGANIZATION,
    EntityKind.PLACE,
    EntityKind.EVENT,
    EntityKind.OTHER,
)


def run(body: str) -> tuple[tuple[MentionCandidate, ...], tuple[LocalEntity, ...]]:
    mentions, entities = find_mentions(body, split_sentences(body))
    for m in mentions:  # the contract every consumer relies on
        assert body[m.span.start : m.span.end] == m.text
        assert 0 <= m.local_entity < len(entities)
    assert [e.index for e in entities] == list(range(len(entities)))
    return mentions, entities


def entity(entities: tuple[LocalEntity, ...], name: str) -> LocalEntity:
    found = [e for e in entities if e.name == name]
    assert len(found) == 1, f"{name!r} not among {[e.name for e in entities]}"
    return found[0]


def names(entities: tuple[LocalEntity, ...]) -> set[str]:
    return {e.name for e in entities} | {a for e in entities for a in e.aliases}


def entities(body: str) -> list[tuple[EntityKind, str]]:
    """The entities of ``body`` as (kind, name), names checked against the recogniser."""
    _, found = find_mentions(body, split_sentences(body), analyse(body))
    return [(e.kind, e.name) for e in found]
