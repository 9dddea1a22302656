"""Corrections and retractions against real PostgreSQL: one transaction each, facts
computed again, the earlier version and the facts' history kept."""

from __future__ import annotations

import asyncpg
import pytest

from service.errors import ArticleRetractedError, CopyExistsError, NotFoundError
from service.ingest.corrections import correct_article, retract_article
from service.ingest.model import ArticleMeta
from service.ingest.pipeline import ingest_article

TOLL_12 = "Quake hits Almaty\n\nAn earthquake in Almaty killed 12 people on Monday, police said."
TOLL_15 = "Quake hits Almaty\n\nAn earthquake in Almaty killed 15 people on Monday, police said."
TOLL_15_LATER = "Almaty toll rises\n\nThe earthquake in Almaty killed 15 people, police said."
BY = "fingerprint-of-a-key"


async def _fact(pool: asyncpg.Pool) -> asyncpg.Record | None:
    async with pool.acquire() as conn:
        return await conn.fetchrow(
            """
            SELECT f.id, f.disputed, array_agg(g.value ORDER BY g.value) AS values
            FROM facts f LEFT JOIN figures g ON g.fact_id = f.id
            WHERE f.property = 'deaths' GROUP BY f.id
            """
        )


async def _two_outlets_disagree(pool: asyncpg.Pool) -> tuple[int, int]:
    first = await ingest_article(pool, TOLL_12, ArticleMeta(outlet="Daily"))
    second = await ingest_article(pool, TOLL_15_LATER, ArticleMeta(outlet="Weekly"))
    fact = await _fact(pool)
    assert fact is not None
    assert fact["disputed"]
    assert fact["values"] == [12.0, 15.0]
    return first.article_id, second.article_id


async def test_a_correction_ends_a_dispute_and_keeps_the_earlier_version(
    pool: asyncpg.Pool,
) -> None:
    daily, _ = await _two_outlets_disagree(pool)
    async with pool.acquire() as conn:
        slug = await conn.fetchval("SELECT slug FROM articles WHERE id = $1", daily)

    done = await correct_article(pool, daily, TOLL_15, by=BY, reason="toll was 15")

    assert done.changed
    assert done.version == 2
    fact = await _fact(pool)
    assert fact is not None
    assert fact["values"] == [15.0, 15.0]
    assert not fact["disputed"]
    async with pool.acquire() as conn:
        article = await conn.fetchrow("SELECT * FROM articles WHERE id = $1", daily)
        version = await conn.fetchrow("SELECT * FROM article_versions WHERE article_id = $1", daily)
        history = await conn.fetch("SELECT * FROM withdrawn_figures WHERE article_id = $1", daily)
        audit = await conn.fetch("SELECT * FROM audit_log")
    assert article is not None
    assert version is not None
    assert article["slug"] == slug
    assert "15 people" in article["body"]
    assert article["version"] == 2
    assert version["version"] == 1
    assert "12 people" in version["raw_text"]
    assert version["replaced_by"] == BY
    assert version["reason"] == "toll was 15"
    assert [(h["fact_id"], h["cause"], h["figure"]) for h in history] == [
        (fact["id"], "correction", history[0]["figure"])
    ]
    assert '"value": 12' in history[0]["figure"]
    assert [(a["action"], a["article_id"], a["key_fingerprint"]) for a in audit] == [
        ("correct", daily, BY)
    ]


async def test_the_same_correction_again_changes_nothing(pool: asyncpg.Pool) -> None:
    daily, _ = await _two_outlets_disagree(pool)
    await correct_article(pool, daily, TOLL_15, by=BY)
    again = await correct_article(pool, daily, TOLL_15 + "\n", by=BY)
    assert not again.changed
    assert again.version == 2
    async with pool.acquire() as conn:
        assert await conn.fetchval("SELECT count(*) FROM article_versions") == 1


@pytest.mark.parametrize("stage", ["copy", "entities", "extracted"])
async def test_a_failure_mid_correction_leaves_the_old_version_intact(
    pool: asyncpg.Pool, stage: str
) -> None:
    daily, _ = await _two_outlets_disagree(pool)
    async with pool.acquire() as conn:
        before = {
            table: await conn.fetch(f"SELECT * FROM {table} ORDER BY 1")
            for table in ("articles", "figures", "facts", "mentions", "quotes", "data_version")
        }

    async def fail_at(reached: str) -> None:
        if reached == stage:
            raise RuntimeError(f"injected failure after {reached}")

    with pytest.raises(RuntimeError, match="injected"):
        await correct_article(pool, daily, TOLL_15, by=BY, checkpoint=fail_at)

    async with pool.acquire() as conn:
        for table, rows in before.items():
            assert await conn.fetch(f"SELECT * FROM {table} ORDER BY 1") == rows, table
        for table in ("article_versions", "withdrawn_figures", "audit_log"):
            assert await conn.fetchval(f"SELECT count(*) FROM {table}") == 0, table


async def test_a_retraction_takes_its_values_out_of_every_fact(pool: asyncpg.Pool) -> None:
    daily, weekly = await _two_outlets_disagree(pool)
    async with pool.acquire() as conn:
        version = await conn.fetchval("SELECT version FROM data_version")

    tombstone = await retract_article(pool, weekly, by=BY, reason="unverified")

    assert tombstone.reason == "unverified"
    fact = await _fact(pool)
    assert fact is not None
    assert fact["values"] == [12.0]
    assert not fact["disputed"]
    async with pool.acquire() as conn:
        assert await conn.fetchval("SELECT version FROM data_version") > version
        left = await conn.fetchval(
            "SELECT count(*) FROM mentions WHERE article_id = $1", weekly
        ) + await conn.fetchval("SELECT count(*) FROM quotes WHERE article_id = $1", weekly)
        history = await conn.fetchrow("SELECT * FROM withdrawn_figures")
    assert left == 0
    assert history is not None
    assert history["cause"] == "retraction"
    assert history["withdrawn_at"] == tombstone.retracted_at

    # The last report of the fact gone, the fact goes; its entity stays.
    await retract_article(pool, daily, by=BY)
    assert await _fact(pool) is None
    async with pool.acquire() as conn:
        assert await conn.fetchval("SELECT count(*) FROM entities") > 0


async def test_retracted_copy_can_be_ingested_again(pool: asyncpg.Pool) -> None:
    first = await ingest_article(pool, TOLL_12, ArticleMeta(outlet="Daily"))
    await retract_article(pool, first.article_id, by=BY)
    again = await ingest_article(pool, TOLL_12, ArticleMeta(outlet="Daily"))
    assert again.created
    assert again.article_id != first.article_id
    assert (await _fact(pool)) is not None


async def test_copy_retracted_again_and_again_comes_back_each_time(pool: asyncpg.Pool) -> None:
    slugs = []
    for _ in range(3):
        stored = await ingest_article(pool, TOLL_12, ArticleMeta(outlet="Daily"))
        assert stored.created
        async with pool.acquire() as conn:
            slugs.append(
                await conn.fetchval("SELECT slug FROM articles WHERE id = $1", stored.article_id)
            )
        await retract_article(pool, stored.article_id, by=BY)
    assert len(set(slugs)) == 3
    assert slugs[0] == "quake-hits-almaty"


async def test_refusals(pool: asyncpg.Pool) -> None:
    daily, weekly = await _two_outlets_disagree(pool)
    with pytest.raises(CopyExistsError):
        await correct_article(pool, daily, TOLL_15_LATER, by=BY)
    with pytest.raises(NotFoundError):
        await retract_article(pool, weekly + 100, by=BY)
    await retract_article(pool, weekly, by=BY, reason="wrong")
    with pytest.raises(ArticleRetractedError) as gone:
        await retract_article(pool, weekly, by=BY)
    assert gone.value.reason == "wrong"
    with pytest.raises(ArticleRetractedError):
        await correct_article(pool, weekly, TOLL_15, by=BY)


async def test_a_correction_records_its_removed_lines_and_keeps_the_earlier_ones(
    pool: asyncpg.Pool,
) -> None:
    first = await ingest_article(pool, "Share this\n\n" + TOLL_12, ArticleMeta(outlet="Daily"))
    await correct_article(pool, first.article_id, "Menu\n\n" + TOLL_15, by=BY)
    async with pool.acquire() as conn:
        now = await conn.fetchval("SELECT removed FROM articles WHERE id = $1", first.article_id)
        kept = await conn.fetchval(
            "SELECT removed FROM article_versions WHERE article_id = $1", first.article_id
        )
    assert (now, kept) == (["Menu"], ["Share this"])
