"""Corrections and retractions: one transaction per article, owned here as ingest's is
owned by the pipeline.

A correction is copy through the same intake and extraction as an ingest; in one
transaction it keeps the article's current version, takes out everything extracted from
it (its figures go to the facts' history), writes the copy in place (id and slug stay)
and what the new copy says, then computes again every fact the old or new figures touch.
A retraction takes the article's values out of every fact the same way and leaves the
article a tombstone. Both are audited with the caller's key fingerprint, never the key.
"""

from __future__ import annotations

from dataclasses import dataclass

import asyncpg

from service.db import articles as articles_db
from service.db import changes as changes_db
from service.db import corrections as corrections_db
from service.db import entities as entities_db
from service.db import outlets as outlets_db
from service.db.pool import Connection
from service.db.versions import bump_data_version
from service.errors import ArticleRetractedError, CopyExistsError, NotFoundError
from service.ids import encode_id
from service.ingest.facts.agreement import recheck_facts
from service.ingest.model import ArticleMeta, ParsedArticle
from service.ingest.pipeline import extract_parsed, parse_text
from service.ingest.storage import Checkpoint, write_extraction


@dataclass(frozen=True, slots=True)
class Correction:
    article_id: int
    changed: bool  # False: the copy and metadata were the article's already; nothing written
    version: int  # the article's version number now (1: never corrected)


async def correct_article(
    pool: asyncpg.Pool,
    article_id: int,
    text: str,
    meta: ArticleMeta | None = None,
    *,
    by: str,
    reason: str | None = None,
    checkpoint: Checkpoint | None = None,
) -> Correction:
    """Replaces the article's copy with ``text`` (already through intake) and re-extracts
    it. Metadata not given keeps the stored url and publication time; the outlet stays
    the article's. ``by`` is the caller's key fingerprint."""
    parsed = await parse_text(text, meta)
    async with pool.acquire() as conn:
        await _current(conn, article_id)  # refuse early: extraction is the costly part
    extraction = await extract_parsed(parsed)
    async with pool.acquire() as conn, conn.transaction():
        current = await _current(conn, article_id, lock=True)
        url = (meta.url if meta else None) or current.url
        copy = await _new_copy(conn, parsed, current, url)
        if _unchanged(current, copy):
            return Correction(article_id, changed=False, version=current.version)
        other = await articles_db.find_article_id_by_hash(
            conn, content_hash=copy.content_hash, story_hash=copy.story_hash
        )
        if other is not None and other != article_id:
            raise CopyExistsError(
                f"this copy is already stored as article {encode_id('Article', other)}; "
                "retract one of them instead"
            )
        await corrections_db.save_version(
            conn, article_id=article_id, replaced_by=by, reason=reason
        )
        touched = await corrections_db.withdraw_extracted(
            conn, article_id=article_id, cause="correction"
        )
        await corrections_db.replace_copy(conn, article_id=article_id, copy=copy)
        if checkpoint:
            await checkpoint("copy")
        written = await write_extraction(
            conn, article_id=article_id, extraction=extraction, checkpoint=checkpoint
        )
        facts = {*touched, *(f.id for f in written.facts.values())}
        await recheck_facts(conn, fact_ids=facts)
        await corrections_db.record_audit(
            conn, action="correct", article_id=article_id, key_fingerprint=by, reason=reason
        )
        await changes_db.append_change(
            conn, kind="correction", article_id=article_id, fact_ids=facts
        )
    return Correction(article_id, changed=True, version=current.version + 1)


async def retract_article(
    pool: asyncpg.Pool, article_id: int, *, by: str, reason: str | None = None
) -> corrections_db.Tombstone:
    """Makes the article a tombstone: its values leave every fact (kept in the facts'
    history with the retraction time), its quotes and mentions go, the row stays with
    the retraction time and reason. ``by`` is the caller's key fingerprint."""
    async with pool.acquire() as conn, conn.transaction():
        await _current(conn, article_id, lock=True)
        # Ingests add figures to facts under this lock: none may add one to a fact this
        # retraction is about to delete as empty.
        await entities_db.lock_resolution(conn)
        touched = await corrections_db.withdraw_extracted(
            conn, article_id=article_id, cause="retraction"
        )
        tombstone = await corrections_db.mark_retracted(conn, article_id=article_id, reason=reason)
        await recheck_facts(conn, fact_ids=touched)
        await corrections_db.record_audit(
            conn, action="retract", article_id=article_id, key_fingerprint=by, reason=reason
        )
        await bump_data_version(conn)
        await changes_db.append_change(
            conn, kind="retraction", article_id=article_id, fact_ids=touched
        )
    return tombstone


async def _current(
    conn: Connection, article_id: int, *, lock: bool = False
) -> corrections_db.ArticleState:
    """The live article (locked until commit with ``lock``); refused when it is none."""
    current = await corrections_db.find_article_state(conn, article_id=article_id, lock=lock)
    if current is None:
        raise NotFoundError("no article has this id")
    if current.retracted_at is not None:
        raise ArticleRetractedError(
            "the article was retracted",
            retracted_at=current.retracted_at,
            reason=current.retraction_reason,
        )
    return current


async def _new_copy(
    conn: Connection,
    parsed: ParsedArticle,
    current: corrections_db.ArticleState,
    url: str | None,
) -> articles_db.NewCopy:
    source = parsed.original_source
    source_id = (await outlets_db.outlet_ids(conn, names=[source]))[source] if source else None
    return articles_db.NewCopy(
        original_source_id=source_id,
        headline=parsed.headline or current.headline,
        standfirst=parsed.standfirst,
        dateline=parsed.dateline,
        bylines=parsed.bylines,
        body=parsed.body,
        captions=parsed.captions,
        removed=parsed.removed,
        raw_text=parsed.raw_text,
        content_hash=parsed.content_hash,
        story_hash=parsed.story_hash,
        url=url,
        published_at=parsed.published_at or current.published_at,
    )


def _unchanged(current: corrections_db.ArticleState, copy: articles_db.NewCopy) -> bool:
    """The same copy and metadata again (a retried PUT): nothing to correct."""
    return (current.content_hash, current.headline, current.url, current.published_at) == (
        copy.content_hash,
        copy.headline,
        copy.url,
        copy.published_at,
    )
