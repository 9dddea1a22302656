"""Fixtures: one real PostgreSQL per session (embedded, or DATABASE_URL), migrated once.

Two databases: `factdesk_seeded` holds the seeds and is only read; `factdesk_test` is
emptied after every test that writes to it. Tests that stop PostgreSQL take `own_server`.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import asyncpg
import httpx
import pytest
import pytest_asyncio

from service.app import create_app
from service.config import REPO_ROOT, Settings
from service.db import migrate
from service.db.embedded import EmbeddedServer, start_embedded
from service.db.pool import create_pool
from service.db.scratch import environment_dsn, recreate_database, scratch_server

TABLES = (
    "changes, judgements, figures, facts, quotes, mentions, entity_resolutions, entity_keys, "
    "entity_aliases, entities, idempotency_keys, audit_log, withdrawn_figures, "
    "article_versions, retired_facts, articles, outlets"
)


@pytest.fixture(scope="session")
def server_dsn() -> Iterator[str]:
    """DSN of a maintenance database on the server the tests use."""
    with scratch_server(environment_dsn(), prefix="factdesk-test-") as dsn:
        yield dsn


@pytest_asyncio.fixture(scope="session")
async def test_dsn(server_dsn: str) -> str:
    dsn = await recreate_database(server_dsn, "factdesk_test")
    await asyncio.to_thread(migrate.upgrade, dsn)
    return dsn


@pytest_asyncio.fixture(scope="session")
async def seeded_pool(server_dsn: str) -> AsyncIterator[asyncpg.Pool]:
    """A database holding exactly the seeds, for tests that only read."""
    from service.ingest.seeds import load_seeds

    dsn = await recreate_database(server_dsn, "factdesk_seeded")
    await asyncio.to_thread(migrate.upgrade, dsn)
    pool = await create_pool(dsn, min_size=1, max_size=5)
    await load_seeds(pool, REPO_ROOT / "seeds")
    yield pool
    await pool.close()


@pytest_asyncio.fixture(scope="session")
async def _test_pool(test_dsn: str) -> AsyncIterator[asyncpg.Pool]:
    pool = await create_pool(test_dsn, min_size=1, max_size=5)
    yield pool
    await pool.close()


@pytest_asyncio.fixture
async def pool(_test_pool: asyncpg.Pool) -> AsyncIterator[asyncpg.Pool]:
    """An empty migrated database; whatever the test writes is removed afterwards."""
    yield _test_pool
    async with _test_pool.acquire() as conn:
        await conn.execute(f"TRUNCATE {TABLES} RESTART IDENTITY CASCADE")


def _client(pool: asyncpg.Pool) -> httpx.AsyncClient:
    app = create_app(Settings(factdesk_load_seeds=False))
    app.state.pool = pool
    return httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://test")


@pytest_asyncio.fixture
async def client(pool: asyncpg.Pool) -> AsyncIterator[httpx.AsyncClient]:
    async with _client(pool) as http:
        yield http


@pytest_asyncio.fixture
async def seeded_client(seeded_pool: asyncpg.Pool) -> AsyncIterator[httpx.AsyncClient]:
    async with _client(seeded_pool) as http:
        yield http


@pytest.fixture
def seeds_dir() -> Path:
    return REPO_ROOT / "seeds"


@pytest_asyncio.fixture
async def own_server(tmp_path: Path) -> AsyncIterator[EmbeddedServer]:
    """A PostgreSQL of this test's own, migrated, so stopping it disturbs no other test."""
    server = await asyncio.to_thread(start_embedded, tmp_path / "own")
    try:
        await asyncio.to_thread(migrate.upgrade, server.uri())
        yield server
    finally:
        await asyncio.to_thread(server.stop)
