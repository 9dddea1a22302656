"""The pipeline against real PostgreSQL: idempotent, and all-or-nothing per article."""

from __future__ import annotations

import asyncio
from pathlib import Path

import asyncpg
import pytest

from service.errors import EmptyArticleError
from service.ingest.model import ArticleMeta
from service.ingest.pipeline import ingest_article
from service.ingest.seeds import load_seeds
from tests.conftest import TABLES


async def _counts(pool: asyncpg.Pool) -> dict[str, int]:
    async with pool.acquire() as conn:
        return {
            table: int(await conn.fetchval(f"SELECT count(*) FROM {table}"))
            for table in TABLES.replace(" ", "").split(",")
        }


async def test_seeds_twice_change_nothing(pool: asyncpg.Pool, seeds_dir: Path) -> None:
    first = await load_seeds(pool, seeds_dir)
    assert [r.created for r in first] == [True] * 5
    after_first = await _counts(pool)
    assert after_first["articles"] == 5
    assert after_first["mentions"] > 0
    assert after_first["figures"] > 0

    second = await load_seeds(pool, seeds_dir)
    assert [r.created for r in second] == [False] * 5
    assert [r.article_id for r in second] == [r.article_id for r in first]
    assert await _counts(pool) == after_first


async def test_same_text_is_the_same_article(pool: asyncpg.Pool, seeds_dir: Path) -> None:
    text = (seeds_dir / "002_5ff466a66850c255.txt").read_text(encoding="utf-8")
    a = await ingest_article(pool, text, ArticleMeta(outlet="Al Jazeera"))
    b = await ingest_article(pool, text.replace("\n", "\r\n"), ArticleMeta(outlet="Al Jazeera"))
    assert a.created
    assert not b.created
    assert a.article_id == b.article_id


async def test_empty_copy_is_refused_and_writes_nothing(pool: asyncpg.Pool) -> None:
    with pytest.raises(EmptyArticleError):
        await ingest_article(pool, "   \n\n  ")
    assert set((await _counts(pool)).values()) == {0}


@pytest.mark.parametrize("stage", ["article", "entities", "extracted"])
async def test_failure_mid_pipeline_leaves_no_row(
    pool: asyncpg.Pool, seeds_dir: Path, stage: str
) -> None:
    text = (seeds_dir / "004_d5dc6f06da05cd96.txt").read_text(encoding="utf-8")

    async def fail_at(reached: str) -> None:
        if reached == stage:
            raise RuntimeError(f"injected failure after {reached}")

    with pytest.raises(RuntimeError, match="injected"):
        await ingest_article(pool, text, ArticleMeta(outlet="Blog"), checkpoint=fail_at)
    assert set((await _counts(pool)).values()) == {0}
    # and the same copy goes in cleanly afterwards
    assert (await ingest_article(pool, text, ArticleMeta(outlet="Blog"))).created


async def test_concurrent_ingests_of_one_copy_store_it_once(
    pool: asyncpg.Pool, seeds_dir: Path
) -> None:
    text = (seeds_dir / "003_e2791c5ec8a80bf6.txt").read_text(encoding="utf-8")
    results = await asyncio.gather(
        *(ingest_article(pool, text, ArticleMeta(outlet="Wire")) for _ in range(5))
    )
    assert sorted(r.created for r in results) == [False] * 4 + [True]
    assert len({r.article_id for r in results}) == 1
    assert (await _counts(pool))["articles"] == 1
