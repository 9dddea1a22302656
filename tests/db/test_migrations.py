"""Alembic: upgrade head and downgrade base both work, on a database of their own."""

from __future__ import annotations

import asyncio

import asyncpg
import pytest

from service.db import migrate
from service.db.pool import current_revision
from service.db.scratch import recreate_database


async def _tables(dsn: str) -> set[str]:
    conn = await asyncpg.connect(dsn)
    try:
        rows = await conn.fetch(
            "SELECT tablename FROM pg_tables"
            " WHERE schemaname = 'public' AND tablename <> 'alembic_version'"
        )
        return {r["tablename"] for r in rows}
    finally:
        await conn.close()


async def test_upgrade_downgrade_upgrade(server_dsn: str) -> None:
    dsn = await recreate_database(server_dsn, "factdesk_migrations")
    await asyncio.to_thread(migrate.upgrade, dsn)
    assert {"articles", "entities", "facts", "figures", "quotes", "mentions"} <= await _tables(dsn)
    conn = await asyncpg.connect(dsn)
    try:
        assert await current_revision(conn) == migrate.head_revision()
    finally:
        await conn.close()

    await asyncio.to_thread(migrate.downgrade, dsn, "base")
    assert await _tables(dsn) == set()

    await asyncio.to_thread(migrate.upgrade, dsn)
    assert "figures" in await _tables(dsn)


async def _data_version(dsn: str) -> str:
    conn = await asyncpg.connect(dsn)
    try:
        return str(await conn.fetchval("SELECT epoch::text || ':' || version FROM data_version"))
    finally:
        await conn.close()


async def test_every_migration_moves_the_data_version(server_dsn: str) -> None:
    # fact_labels rewrote every fact's label without a bump: cached answers kept the old ones.
    dsn = await recreate_database(server_dsn, "factdesk_migrations")
    await asyncio.to_thread(migrate.upgrade, dsn, "2026_11_22_fact_agreement")
    before = await _data_version(dsn)
    await asyncio.to_thread(migrate.upgrade, dsn, "2026_11_22_fact_labels")
    after_labels = await _data_version(dsn)
    await asyncio.to_thread(migrate.upgrade, dsn)
    assert before != after_labels != await _data_version(dsn)


async def test_constraints_reject_bad_rows(pool: asyncpg.Pool) -> None:
    async with pool.acquire() as conn:
        outlet = await conn.fetchval(
            "INSERT INTO outlets (name, name_key) VALUES ('X', 'x') RETURNING id"
        )
        with pytest.raises(asyncpg.CheckViolationError) as caught:
            await conn.execute(
                """INSERT INTO articles (slug, outlet_id, headline, body, raw_text, content_hash)
                   VALUES ('a', $1, 'h', 'b', 'r', 'not-a-hash')""",
                outlet,
            )
    assert caught.value.constraint_name == "articles_content_hash_format"
