"""The asyncpg connection pool."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeAlias

import asyncpg
from asyncpg.pool import PoolConnectionProxy

QueryLogger = Callable[[Any], None]


async def create_pool(
    dsn: str, *, min_size: int = 1, max_size: int = 10, query_logger: QueryLogger | None = None
) -> asyncpg.Pool:
    """A pool whose connections optionally report every query (tests count round trips)."""

    async def init(connection: asyncpg.Connection) -> None:
        if query_logger is not None:
            connection.add_query_logger(query_logger)

    async def reset(connection: asyncpg.Connection) -> None:
        # asyncpg's default reset (unlock advisory locks, CLOSE ALL, RESET ALL, ...) costs a
        # round trip per release. Factdesk keeps no session state: advisory locks are
        # transaction-scoped, nothing LISTENs, no SET outside a transaction.
        return None

    pool = await asyncpg.create_pool(
        dsn, min_size=min_size, max_size=max_size, init=init, reset=reset, command_timeout=30
    )
    assert pool is not None
    return pool


async def current_revision(connection: Connection) -> str | None:
    """The Alembic revision the database is at, None before the first migration."""
    exists = await connection.fetchval("SELECT to_regclass('alembic_version') IS NOT NULL")
    if not exists:
        return None
    value = await connection.fetchval("SELECT version_num FROM alembic_version")
    return str(value) if value is not None else None


# What data-access functions take: a bare connection or one borrowed from the pool.
# (asyncpg's classes are generic only in its stubs.)
if TYPE_CHECKING:
    Connection: TypeAlias = asyncpg.Connection[asyncpg.Record] | PoolConnectionProxy[asyncpg.Record]
else:
    Connection = asyncpg.Connection | PoolConnectionProxy
