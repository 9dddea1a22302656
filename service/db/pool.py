"""The asyncpg connection pool."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import asyncpg

QueryLogger = Callable[[Any], None]


async def create_pool(
    dsn: str, *, min_size: int = 1, max_size: int = 10, query_logger: QueryLogger | None = None
) -> asyncpg.Pool:
    """A pool whose connections optionally report every query (tests count round trips)."""

    async def init(connection: asyncpg.Connection) -> None:
        if query_logger is not None:
            connection.add_query_logger(query_logger)

    pool = await asyncpg.create_pool(
        dsn, min_size=min_size, max_size=max_size, init=init, command_timeout=30
    )
    assert pool is not None
    return pool


async def current_revision(connection: asyncpg.Connection) -> str | None:
    """The Alembic revision the database is at, None before the first migration."""
    exists = await connection.fetchval("SELECT to_regclass('alembic_version') IS NOT NULL")
    if not exists:
        return None
    value = await connection.fetchval("SELECT version_num FROM alembic_version")
    return str(value) if value is not None else None
