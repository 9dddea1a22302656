"""The entity a description stands for ("the congressman", "the president", "a witness"), on
sentences of news copy, through the whole extraction (parse, mentions, quotes), so each rule
is checked against what the entity finder gives."""

from __future__ import annotations

from service.ingest.model import EntityKind, LocalEntity, MentionCandidate, Span
from service.ingest.quotes.mention_index import MentionIndex
from tests.ingest.quotes.reading import speakers

PERSON, ORG = EntityKind.PERSON, EntityKind.ORGANIZATION


def test_the_congressman_is_the_congressman_named_before() -> None:
    got = speakers(
        "Rep. Elijah E. Cummings of Maryland criticised the release on Thursday. The "
        'congressman added that the memos are also "corroborated by contemporaneous '
        'handwritten notes."\n'
    )
    assert got["corroborated by cont"] == "Elijah E. Cummings"


def test_the_president_is_whoever_is_described_as_president_whatever_their_kind() -> None:
    body = "Trump spoke before the Miss Universe contest. The president also said"
    trump = LocalEntity(index=0, kind=ORG, name="Trump", aliases=(), description="president")
    universe = LocalEntity(index=1, kind=PERSON, name="Universe", aliases=(), description="miss")
    mentions = [
        MentionCandidate(Span(0, 5), "Trump", "Trump", ORG, 0, 0),
        MentionCandidate(Span(29, 37), "Universe", "Universe", PERSON, 0, 1),
    ]
    index = MentionIndex(mentions, [trump, universe])
    assert index.by_description(["the", "president"], body.index("The president")) == 0


def test_a_witness_is_nobody_named_before() -> None:
    got = speakers(
        "Police shot Kimani Gray, 16, on Saturday night in Brooklyn. A witness said the "
        "youth did not have a gun in his hand. But a police spokesman said the witness told "
        "detectives she could not see the incident clearly \u201cfrom the angle I was at.\u201d\n"
    )
    assert got["from the angle I was"] is None
