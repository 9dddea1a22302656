"""Fixtures: one real PostgreSQL per session (embedded, or DATABASE_URL), migrated once.

Two databases: `factdesk_seeded` holds the seeds and is only read; `factdesk_test` is
emptied after every test that writes to it.
"""

from __future__ import annotations

import asyncio
import os
import tempfile
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import asyncpg
import httpx
import pytest
import pytest_asyncio

from service.app import create_app
from service.config import REPO_ROOT, Settings
from service.db import migrate
from service.db.embedded import start_embedded
from service.db.pool import create_pool

TABLES = (
    "figures, facts, quotes, mentions, entity_resolutions, entity_keys, entity_aliases, "
    "entities, articles, outlets"
)


def _with_database(dsn: str, name: str) -> str:
    parts = urlsplit(dsn)
    return urlunsplit(parts._replace(path="/" + name))


@pytest.fixture(scope="session")
def server_dsn() -> Iterator[str]:
    """DSN of a maintenance database on the server the tests use."""
    given = os.environ.get("DATABASE_URL")
    if given:
        yield given
        return
    with tempfile.TemporaryDirectory(prefix="factdesk-test-") as tmp:
        server = start_embedded(Path(tmp))
        try:
            yield server.uri("postgres")
        finally:
            server.stop()


async def _fresh_database(server_dsn: str, name: str) -> str:
    admin = await asyncpg.connect(server_dsn)
    try:
        await admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        await admin.execute(f'CREATE DATABASE "{name}"')
    finally:
        await admin.close()
    return _with_database(server_dsn, name)


@pytest_asyncio.fixture(scope="session")
async def test_dsn(server_dsn: str) -> str:
    dsn = await _fresh_database(server_dsn, "factdesk_test")
    await asyncio.to_thread(migrate.upgrade, dsn)
    return dsn


@pytest_asyncio.fixture(scope="session")
async def seeded_pool(server_dsn: str) -> AsyncIterator[asyncpg.Pool]:
    """A database holding exactly the seeds, for tests that only read."""
    from service.ingest.seeds import load_seeds

    dsn = await _fresh_database(server_dsn, "factdesk_seeded")
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
