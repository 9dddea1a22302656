"""The change feed's outbox on real PostgreSQL: each write appends its change in its own
transaction, and NOTIFY reaches a listener only when that transaction commits."""

from __future__ import annotations

import asyncio

import asyncpg

from service.db import changes as changes_db
from service.ingest.corrections import correct_article, retract_article
from service.ingest.model import ArticleMeta
from service.ingest.pipeline import ingest_article

TOLL_12 = "Quake hits Almaty\n\nAn earthquake in Almaty killed 12 people on Monday, police said."
TOLL_15 = "Quake hits Almaty\n\nAn earthquake in Almaty killed 15 people on Monday, police said."
BY = "fingerprint-of-a-key"


async def _changes(pool: asyncpg.Pool) -> list[tuple[str, int, list[int]]]:
    async with pool.acquire() as conn:
        rows = await changes_db.list_changes_after(conn, after=None, limit=100)
    assert [r.id for r in rows] == sorted(r.id for r in rows)
    return [(r.kind, r.article_id, r.fact_ids) for r in rows]


async def _deaths_fact(pool: asyncpg.Pool) -> int:
    async with pool.acquire() as conn:
        return int(await conn.fetchval("SELECT id FROM facts WHERE property = 'deaths'"))


async def test_every_write_appends_its_change(pool: asyncpg.Pool) -> None:
    first = await ingest_article(pool, TOLL_12, ArticleMeta(outlet="Daily"))
    fact = await _deaths_fact(pool)
    await ingest_article(pool, TOLL_12)  # the same copy again: nothing changed
    await ingest_article(pool, TOLL_12, ArticleMeta(outlet="Weekly"))
    await correct_article(pool, first.article_id, TOLL_15, by=BY)
    await correct_article(pool, first.article_id, TOLL_15, by=BY)  # a retried PUT
    await retract_article(pool, first.article_id, by=BY)

    article = first.article_id
    assert await _changes(pool) == [
        ("ingest", article, [fact]),
        ("republication", article, [fact]),
        ("correction", article, [fact]),
        ("retraction", article, [fact]),
    ]


async def test_a_change_is_announced_on_commit_only(pool: asyncpg.Pool) -> None:
    first = await ingest_article(pool, TOLL_12, ArticleMeta(outlet="Daily"))
    heard: asyncio.Queue[str] = asyncio.Queue()
    async with pool.acquire() as listener:
        await listener.add_listener(changes_db.CHANNEL, lambda *args: heard.put_nowait(args[3]))
        try:
            async with pool.acquire() as conn:
                tx = conn.transaction()
                await tx.start()
                await changes_db.append_change(
                    conn, kind="correction", article_id=first.article_id, fact_ids=[]
                )
                await tx.rollback()
                async with conn.transaction():
                    kept = await changes_db.append_change(
                        conn, kind="retraction", article_id=first.article_id, fact_ids=[3, 1, 3]
                    )
            # Notifications arrive in commit order: the first heard is the committed one.
            assert await asyncio.wait_for(heard.get(), timeout=5) == str(kept)
        finally:
            await listener.reset()
    assert [kind for kind, _, _ in await _changes(pool)] == ["ingest", "retraction"]
    assert (await _changes(pool))[-1][2] == [1, 3]
