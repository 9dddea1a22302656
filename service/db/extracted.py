"""SQL that stores what one article says: mentions, quotes, facts and figures, in one statement.

An ingest holds the resolution lock until it commits, so every round trip it saves is
time other ingests no longer wait. This statement is most of what used to be six.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from service.db.facts import ClaimedFact, ClaimKey
from service.db.pool import Connection
from service.db.versions import BUMP_DATA_VERSION


@dataclass(frozen=True, slots=True)
class NewMention:
    entity_id: int
    start: int
    end: int
    text: str
    sentence_index: int


@dataclass(frozen=True, slots=True)
class NewQuote:
    speaker_id: int | None
    speaker_text: str | None
    text: str
    start: int
    end: int
    sentence_start: int
    sentence_end: int
    is_partial: bool
    cue: str | None
    statement_key: str


@dataclass(frozen=True, slots=True)
class NewClaim:
    subject_id: int | None
    property: str
    qualifier: str | None
    unit: str
    label: str

    def claim_key(self) -> ClaimKey:
        return (self.subject_id, self.property, self.qualifier)


@dataclass(frozen=True, slots=True)
class NewFigure:
    """A figure; one with a property belongs to the fact of its claim key."""

    subject_id: int | None
    attributed_to_id: int | None
    attributed_to_text: str | None
    value: float
    upper_bound: float | None
    approximation: str
    unit: str
    text: str
    property: str | None
    qualifier: str | None
    status: str | None
    refers_to: dt.date | None
    start: int
    end: int
    sentence_start: int
    sentence_end: int

    def claim_key(self) -> ClaimKey | None:
        return (self.subject_id, self.property, self.qualifier) if self.property else None


_MENTIONS = [("entity_id", "bigint"), ("start", "int"), ("end", "int"), ("text", "text"),
             ("sentence_index", "int")]  # fmt: skip
_QUOTES = [
    ("speaker_id", "bigint"),
    ("speaker_text", "text"),
    ("text", "text"),
    ("start", "int"),
    ("end", "int"),
    ("sentence_start", "int"),
    ("sentence_end", "int"),
    ("is_partial", "bool"),
    ("cue", "text"),
    ("statement_key", "text"),
]
_CLAIMS = [("subject_id", "bigint"), ("property", "text"), ("qualifier", "text"),
           ("unit", "text"), ("label", "text")]  # fmt: skip
_FIGURES = [
    ("subject_id", "bigint"),
    ("attributed_to_id", "bigint"),
    ("attributed_to_text", "text"),
    ("value", "float8"),
    ("upper_bound", "float8"),
    ("approximation", "text"),
    ("unit", "text"),
    ("text", "text"),
    ("property", "text"),
    ("qualifier", "text"),
    ("status", "text"),
    ("refers_to", "date"),
    ("start", "int"),
    ("end", "int"),
    ("sentence_start", "int"),
    ("sentence_end", "int"),
]


def _unnest(columns: list[tuple[str, str]], first: int) -> str:
    arrays = ", ".join(f"${first + i}::{kind}[]" for i, (_, kind) in enumerate(columns))
    names = ", ".join(f'"{name}"' for name, _ in columns)
    return f"unnest({arrays}) WITH ORDINALITY AS n({names}, ord)"


def _statement() -> str:
    quotes_at = 2 + len(_MENTIONS)
    claims_at = quotes_at + len(_QUOTES)
    figures_at = claims_at + len(_CLAIMS)
    return f"""
    WITH fact AS (
        INSERT INTO facts (subject_id, property, qualifier, unit, label)
        SELECT subject_id, property, qualifier, unit, label FROM {_unnest(_CLAIMS, claims_at)}
        ORDER BY ord
        ON CONFLICT ON CONSTRAINT facts_claim_unique DO UPDATE SET label = facts.label
        RETURNING id, subject_id, property, qualifier, disputed, agreed_low, agreed_high
    ), mention AS (
        INSERT INTO mentions (article_id, entity_id, start_offset, end_offset, text,
                              sentence_index)
        SELECT $1, entity_id, "start", "end", text, sentence_index
        FROM {_unnest(_MENTIONS, 2)} ORDER BY ord
    ), quote AS (
        INSERT INTO quotes (article_id, speaker_id, speaker_text, text, start_offset,
                            end_offset, sentence_start, sentence_end, is_partial, cue,
                            statement_key)
        SELECT $1, speaker_id, speaker_text, text, "start", "end", sentence_start,
               sentence_end, is_partial, cue, statement_key
        FROM {_unnest(_QUOTES, quotes_at)} ORDER BY ord
    ), figure AS (
        INSERT INTO figures (article_id, fact_id, subject_id, attributed_to_id,
                             attributed_to_text, value, upper_bound, approximation, unit, text,
                             property, qualifier, status, refers_to, start_offset, end_offset,
                             sentence_start, sentence_end)
        SELECT $1, fact.id, n.subject_id, attributed_to_id, attributed_to_text, value,
               upper_bound, approximation, unit, text, n.property, n.qualifier, status,
               refers_to, "start", "end", sentence_start, sentence_end
        FROM {_unnest(_FIGURES, figures_at)}
        LEFT JOIN fact ON fact.property = n.property
            AND fact.subject_id IS NOT DISTINCT FROM n.subject_id
            AND fact.qualifier IS NOT DISTINCT FROM n.qualifier
        ORDER BY ord
    ), bumped AS (
        {BUMP_DATA_VERSION}
    )
    SELECT * FROM fact
    """


_STATEMENT = _statement()


async def insert_extracted(
    conn: Connection,
    *,
    article_id: int,
    mentions: Sequence[NewMention],
    quotes: Sequence[NewQuote],
    claims: Sequence[NewClaim],
    figures: Sequence[NewFigure],
) -> dict[ClaimKey, ClaimedFact]:
    """Stores the article's mentions, quotes and figures, each in the order given, and
    bumps the data version. Returns the fact of each claim, created when new (in the order
    given; a repeated claim keeps its first unit and label) and locked either way."""
    first: dict[ClaimKey, NewClaim] = {}
    for claim in claims:
        first.setdefault(claim.claim_key(), claim)
    unique = list(first.values())
    rows = await conn.fetch(
        _STATEMENT,
        article_id,
        *[[getattr(m, name) for m in mentions] for name, _ in _MENTIONS],
        *[[getattr(q, name) for q in quotes] for name, _ in _QUOTES],
        *[[getattr(c, name) for c in unique] for name, _ in _CLAIMS],
        *[[getattr(f, name) for f in figures] for name, _ in _FIGURES],
    )
    return {
        (r["subject_id"], r["property"], r["qualifier"]): ClaimedFact(
            int(r["id"]),
            r["disputed"],
            (r["agreed_low"], r["agreed_high"]) if r["agreed_low"] is not None else None,
        )
        for r in rows
    }
