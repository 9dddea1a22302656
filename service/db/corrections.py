"""SQL for corrections and retractions: the article row locked for a change, its earlier
versions (``article_versions``), the figures taken out of facts (``withdrawn_figures``),
tombstones, and the audit log. The caller owns the transaction."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from service.db.articles import NewCopy
from service.db.pool import Connection


@dataclass(frozen=True, slots=True)
class ArticleState:
    """What a correction compares and keeps of the article it changes."""

    id: int
    slug: str
    headline: str
    content_hash: str
    url: str | None
    published_at: dt.datetime | None
    version: int
    retracted_at: dt.datetime | None
    retraction_reason: str | None


@dataclass(frozen=True, slots=True)
class Tombstone:
    article_id: int
    slug: str
    retracted_at: dt.datetime
    reason: str | None


async def find_article_state(
    conn: Connection, *, article_id: int, lock: bool = False
) -> ArticleState | None:
    """The article; with ``lock``, locked until commit (so corrections and retractions of
    one article queue)."""
    row = await conn.fetchrow(
        f"""
        SELECT id, slug, headline, content_hash, url, published_at, version, retracted_at,
               retraction_reason
        FROM articles WHERE id = $1 {"FOR UPDATE" if lock else ""}
        """,
        article_id,
    )
    return ArticleState(**dict(row.items())) if row is not None else None


async def find_tombstone(conn: Connection, *, article_id: int) -> Tombstone | None:
    """The retraction of the article; None when it is not retracted (or does not exist)."""
    row = await conn.fetchrow(
        """
        SELECT id AS article_id, slug, retracted_at, retraction_reason AS reason
        FROM articles WHERE id = $1 AND retracted_at IS NOT NULL
        """,
        article_id,
    )
    return Tombstone(**dict(row.items())) if row is not None else None


async def save_version(
    conn: Connection, *, article_id: int, replaced_by: str, reason: str | None
) -> None:
    """Keeps the article's current copy and metadata as its version number `version`."""
    await conn.execute(
        """
        INSERT INTO article_versions (
            article_id, version, original_source_id, headline, standfirst, dateline, bylines,
            body, captions, raw_text, content_hash, url, published_at, stored_at, replaced_by,
            reason, removed
        )
        SELECT id, version, original_source_id, headline, standfirst, dateline, bylines, body,
               captions, raw_text, content_hash, url, published_at,
               coalesce(corrected_at, ingested_at), $2, $3, removed
        FROM articles WHERE id = $1
        """,
        article_id,
        replaced_by,
        reason,
    )


async def replace_copy(conn: Connection, *, article_id: int, copy: NewCopy) -> None:
    """The article's copy and metadata replaced in place (id, slug, outlet stay), its
    version number one higher."""
    await conn.execute(
        """
        UPDATE articles SET original_source_id = $2, headline = $3, standfirst = $4,
            dateline = $5, bylines = $6, body = $7, captions = $8, raw_text = $9,
            content_hash = $10, url = $11, published_at = $12, version = version + 1,
            corrected_at = now(), removed = $13, story_hash = $14
        WHERE id = $1
        """,
        article_id,
        copy.original_source_id,
        copy.headline,
        copy.standfirst,
        copy.dateline,
        list(copy.bylines),
        copy.body,
        list(copy.captions),
        copy.raw_text,
        copy.content_hash,
        copy.url,
        copy.published_at,
        list(copy.removed),
        copy.story_hash,
    )


async def withdraw_extracted(conn: Connection, *, article_id: int, cause: str) -> list[int]:
    """Deletes what was extracted from the article (figures, quotes, mentions, the
    resolution log; entities stay), keeping each figure that belonged to a fact in the
    facts' history (`cause`: correction or retraction). Returns the facts it touched."""
    rows = await conn.fetch(
        """
        WITH withdrawn AS (
            INSERT INTO withdrawn_figures (fact_id, fact_label, article_id, figure, cause)
            SELECT g.fact_id, f.label, g.article_id, to_jsonb(g) - 'fact_id', $2
            FROM figures g JOIN facts f ON f.id = g.fact_id
            WHERE g.article_id = $1
            ORDER BY g.id
        ), figure AS (
            DELETE FROM figures WHERE article_id = $1 RETURNING fact_id
        ), quote AS (
            DELETE FROM quotes WHERE article_id = $1
        ), mention AS (
            DELETE FROM mentions WHERE article_id = $1
        ), logged AS (
            DELETE FROM entity_resolutions WHERE article_id = $1
        )
        SELECT DISTINCT fact_id FROM figure WHERE fact_id IS NOT NULL
        """,
        article_id,
        cause,
    )
    return [int(r["fact_id"]) for r in rows]


async def mark_retracted(conn: Connection, *, article_id: int, reason: str | None) -> Tombstone:
    row = await conn.fetchrow(
        """
        UPDATE articles SET retracted_at = now(), retraction_reason = $2 WHERE id = $1
        RETURNING id AS article_id, slug, retracted_at, retraction_reason AS reason
        """,
        article_id,
        reason,
    )
    assert row is not None, "the caller locked the article"
    return Tombstone(**dict(row.items()))


async def delete_facts_without_figures(conn: Connection, *, fact_ids: Sequence[int]) -> list[int]:
    """Of `fact_ids`, deletes those no figure reports any more (keeping their rows in
    `retired_facts`, for what was known before); returns the ones left."""
    rows = await conn.fetch(
        """
        WITH gone AS (
            DELETE FROM facts f WHERE f.id = ANY($1::bigint[])
                AND NOT EXISTS (SELECT 1 FROM figures g WHERE g.fact_id = f.id)
            RETURNING id, subject_id, property, qualifier, unit, label
        ), kept AS (
            INSERT INTO retired_facts (id, subject_id, property, qualifier, unit, label)
            SELECT id, subject_id, property, qualifier, unit, label FROM gone
        )
        SELECT id FROM unnest($1::bigint[]) AS t(id) WHERE id NOT IN (SELECT id FROM gone)
        """,
        list(fact_ids),
    )
    return [int(r["id"]) for r in rows]


async def record_audit(
    conn: Connection,
    *,
    action: str,
    article_id: int,
    key_fingerprint: str,
    reason: str | None,
    judgement_id: int | None = None,
) -> None:
    """Who did what, when and why: `action` is correct, retract, judge or
    withdraw_judgement (the last two name the judgement)."""
    await conn.execute(
        """
        INSERT INTO audit_log (action, article_id, key_fingerprint, reason, judgement_id)
        VALUES ($1, $2, $3, $4, $5)
        """,
        action,
        article_id,
        key_fingerprint,
        reason,
        judgement_id,
    )
