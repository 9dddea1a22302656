"""SQL that stores what one article says, once its entities are resolved, in one statement:
what resolution decided (aliases, keys, the log, names), then mentions, quotes, facts
and figures.

An ingest holds the resolution lock until it commits, so every round trip it saves is
time other ingests no longer wait. This statement is what used to be eleven.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from service.db.facts import ClaimedFact, ClaimKey
from service.db.pool import Connection
from service.db.versions import BUMP_DATA_VERSION


@dataclass(frozen=True, slots=True)
class NewAlias:
    entity_id: int
    alias: str


@dataclass(frozen=True, slots=True)
class NewKey:
    entity_id: int
    key: str


@dataclass(frozen=True, slots=True)
class NewResolution:
    entity_id: int
    local_name: str
    decision: str
    reason: str


@dataclass(frozen=True, slots=True)
class EntityChange:
    entity_id: int
    name: str | None  # a new canonical name
    description: str | None  # a description, kept only when it has none


@dataclass(frozen=True, slots=True)
class Resolution:
    """What resolving an article's entities writes: names each entity did not hold yet, in
    the order seen; its new keys; the log; new canonical names and first descriptions."""

    aliases: Sequence[NewAlias]
    keys: Sequence[NewKey]
    log: Sequence[NewResolution]
    changes: Sequence[EntityChange]


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
    part: str = "BODY"  # BODY, STANDFIRST or CAPTION: the text the offsets count in
    caption_index: int | None = None
    in_fact: bool = True  # False: no fact of its own (figures.subjects.forms_fact)

    def claim_key(self) -> ClaimKey | None:
        if self.property is None or self.subject_id is None or not self.in_fact:
            return None  # no subject, no fact (ingest/storage.py, _claims)
        return (self.subject_id, self.property, self.qualifier)


Columns = list[tuple[str, str]]  # (attribute, PostgreSQL type) of rows sent as arrays

_ALIASES: Columns = [("entity_id", "bigint"), ("alias", "text")]
_KEYS: Columns = [("entity_id", "bigint"), ("key", "text")]
_LOG: Columns = [("entity_id", "bigint"), ("local_name", "text"), ("decision", "text"),
                 ("reason", "text")]  # fmt: skip
_CHANGES: Columns = [("entity_id", "bigint"), ("name", "text"), ("description", "text")]
_MENTIONS: Columns = [("entity_id", "bigint"), ("start", "int"), ("end", "int"),
                      ("text", "text"), ("sentence_index", "int")]  # fmt: skip
_QUOTES: Columns = [
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
_CLAIMS: Columns = [("subject_id", "bigint"), ("property", "text"), ("qualifier", "text"),
                    ("unit", "text"), ("label", "text")]  # fmt: skip
_FIGURES: Columns = [
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
    ("part", "text"),
    ("caption_index", "int"),
]
# In the order their arrays follow the article id ($1).
_ROWS = (_ALIASES, _KEYS, _LOG, _CHANGES, _MENTIONS, _QUOTES, _CLAIMS, _FIGURES)


def _unnest(columns: Columns) -> str:
    """`unnest(...) AS n(...)` over this row kind's arrays, numbered in send order."""
    first = 2 + sum(len(c) for c in _ROWS[: _ROWS.index(columns)])
    arrays = ", ".join(f"${first + i}::{kind}[]" for i, (_, kind) in enumerate(columns))
    names = ", ".join(f'"{name}"' for name, _ in columns)
    return f"unnest({arrays}) WITH ORDINALITY AS n({names}, ord)"


def _statement() -> str:
    return f"""
    WITH seen AS (
        INSERT INTO entity_aliases (entity_id, alias, origin)
        SELECT entity_id, alias, 'seen' FROM {_unnest(_ALIASES)} ORDER BY ord
        ON CONFLICT ON CONSTRAINT entity_aliases_entity_alias_unique DO NOTHING
    ), keyed AS (
        INSERT INTO entity_keys (entity_id, key) SELECT entity_id, key FROM {_unnest(_KEYS)}
        ON CONFLICT ON CONSTRAINT entity_keys_pkey DO NOTHING
    ), logged AS (
        INSERT INTO entity_resolutions (entity_id, article_id, local_name, decision, reason)
        SELECT entity_id, $1, local_name, decision, reason FROM {_unnest(_LOG)} ORDER BY ord
    ), changed AS (
        UPDATE entities e SET name = coalesce(n.name, e.name),
                              description = coalesce(e.description, n.description)
        FROM {_unnest(_CHANGES)}
        WHERE e.id = n.entity_id AND (n.name IS NOT NULL OR e.description IS NULL)
    ), fact AS (
        INSERT INTO facts (subject_id, property, qualifier, unit, label)
        SELECT subject_id, property, qualifier, unit, label FROM {_unnest(_CLAIMS)}
        ORDER BY ord
        ON CONFLICT ON CONSTRAINT facts_claim_unique DO UPDATE SET label = facts.label
        RETURNING id, subject_id, property, qualifier, disputed, agreed_low, agreed_high
    ), mention AS (
        INSERT INTO mentions (article_id, entity_id, start_offset, end_offset, text,
                              sentence_index)
        SELECT $1, entity_id, "start", "end", text, sentence_index
        FROM {_unnest(_MENTIONS)} ORDER BY ord
    ), quote AS (
        INSERT INTO quotes (article_id, speaker_id, speaker_text, text, start_offset,
                            end_offset, sentence_start, sentence_end, is_partial, cue,
                            statement_key)
        SELECT $1, speaker_id, speaker_text, text, "start", "end", sentence_start,
               sentence_end, is_partial, cue, statement_key
        FROM {_unnest(_QUOTES)} ORDER BY ord
    ), figure AS (
        INSERT INTO figures (article_id, fact_id, subject_id, attributed_to_id,
                             attributed_to_text, value, upper_bound, approximation, unit, text,
                             property, qualifier, status, refers_to, start_offset, end_offset,
                             sentence_start, sentence_end, part, caption_index)
        SELECT $1, fact.id, n.subject_id, attributed_to_id, attributed_to_text, value,
               upper_bound, approximation, unit, text, n.property, n.qualifier, status,
               refers_to, "start", "end", sentence_start, sentence_end, part, caption_index
        FROM {_unnest(_FIGURES)}
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
    resolution: Resolution,
    mentions: Sequence[NewMention],
    quotes: Sequence[NewQuote],
    claims: Sequence[NewClaim],
    figures: Sequence[NewFigure],
) -> dict[ClaimKey, ClaimedFact]:
    """Stores what resolution decided, and the article's mentions, quotes and figures, each
    in the order given, and bumps the data version. Returns the fact of each claim, created
    when new (in the order given; a repeated claim keeps its first unit and label) and
    locked either way. Labels of facts stored before are not changed: see
    `entities_db.relabel_facts` for entities renamed."""
    first: dict[ClaimKey, NewClaim] = {}
    for claim in claims:
        first.setdefault(claim.claim_key(), claim)
    rows_of = (
        resolution.aliases,
        resolution.keys,
        resolution.log,
        resolution.changes,
        mentions,
        quotes,
        list(first.values()),
        figures,
    )
    arrays = [
        [getattr(row, name) for row in rows]
        for columns, rows in zip(_ROWS, rows_of, strict=True)
        for name, _ in columns
    ]
    rows = await conn.fetch(_STATEMENT, article_id, *arrays)
    return {
        (r["subject_id"], r["property"], r["qualifier"]): ClaimedFact(
            int(r["id"]),
            r["disputed"],
            (r["agreed_low"], r["agreed_high"]) if r["agreed_low"] is not None else None,
        )
        for r in rows
    }
