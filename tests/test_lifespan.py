"""The zero-setup start: embedded PostgreSQL, migrations, seeds once, data kept on restart."""

from __future__ import annotations

import asyncio
from pathlib import Path

from service.config import Settings
from service.lifespan import prepare_database


async def _start_and_count(settings: Settings) -> dict[str, int]:
    database, pool = await prepare_database(settings)
    try:
        async with pool.acquire() as conn:
            return {
                "articles": await conn.fetchval("SELECT count(*) FROM articles"),
                "entities": await conn.fetchval("SELECT count(*) FROM entities"),
                "figures": await conn.fetchval("SELECT count(*) FROM figures"),
            }
    finally:
        await pool.close()
        await asyncio.to_thread(database.close)


async def test_embedded_start_seeds_once_and_keeps_data(tmp_path: Path, seeds_dir: Path) -> None:
    settings = Settings(database_url=None, factdesk_data_dir=tmp_path, factdesk_seeds_dir=seeds_dir)
    first = await _start_and_count(settings)
    assert first["articles"] == 5
    assert first["figures"] > 0
    assert (tmp_path / "pg" / "PG_VERSION").exists()

    # A restart finds the cluster, migrates nothing new, loads nothing twice.
    assert await _start_and_count(settings) == first
