"""Reads from streaming replicas (FACTDESK_READ_DATABASE_URL), never staler than the primary's
data version at the start of the request.

Every read request already learns the data version from the primary (the ETag and the
GraphQL response cache are keyed by it: service/conditional.py, service/response_cache.py).
A replica connection is used for the request only when that replica has replayed at least
this version; otherwise the read goes to the primary. So an answer computed on a replica
holds every ingest committed before the request began, exactly as one computed on the
primary, and the response cache can never store an older answer under a newer version.

A replica only moves forward, so the version it was last seen at is remembered: once it
has caught up, a request costs no extra query; after an ingest, the first request per
replica asks it again (one small query). A replica that cannot be reached is skipped for
the primary, so it adds capacity but never an outage.
"""

from __future__ import annotations

import itertools
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import TYPE_CHECKING, TypeAlias

import asyncpg
from asyncpg.pool import PoolConnectionProxy

from service.db.pool import Connection, is_connection_failure
from service.db.versions import current_data_version, version_reached

if TYPE_CHECKING:
    Borrowed: TypeAlias = PoolConnectionProxy[asyncpg.Record]
else:
    Borrowed = PoolConnectionProxy


class ReadRouter:
    """The primary pool and the replicas' pools, for the whole process."""

    def __init__(self, primary: asyncpg.Pool, replicas: list[asyncpg.Pool]) -> None:
        self.primary = primary
        self.replicas = replicas
        self._turns = itertools.cycle(range(len(replicas)))
        self._seen: list[str | None] = [None] * len(replicas)  # last version read on each
        # How reads went: on a replica, or on the primary because the replica was behind
        # or away (tests and operators read these).
        self.replica_reads = 0
        self.primary_reads = 0

    def for_request(self, version: str | None) -> RequestReads:
        """Reads for one request that must see at least `version` (None: ask the primary
        on the first read)."""
        return RequestReads(self, version)

    async def close(self) -> None:
        for replica in self.replicas:
            await replica.close()

    async def _replica_at(self, index: int, conn: Connection, version: str) -> bool:
        seen = self._seen[index]
        if seen is not None and version_reached(seen, version):
            return True
        seen = await current_data_version(conn)
        self._seen[index] = seen
        return version_reached(seen, version)


class RequestReads:
    """What one request reads through: `acquire()` as asyncpg.Pool's, on a replica that has
    replayed the request's version, else on the primary."""

    def __init__(self, router: ReadRouter, version: str | None) -> None:
        self._router = router
        self.version = version
        self._primary_only = not router.replicas

    def use_primary(self) -> None:
        """From now on read from the primary (this request wrote: no replica has it yet)."""
        self._primary_only = True

    @asynccontextmanager
    async def acquire(self) -> AsyncIterator[Connection]:
        router = self._router
        if not self._primary_only:
            if self.version is None:
                async with router.primary.acquire() as conn:
                    self.version = await current_data_version(conn)
            index = next(router._turns)
            replica = router.replicas[index]
            borrowed = await self._replica_connection(index, self.version)
            if borrowed is not None:
                router.replica_reads += 1
                try:
                    yield borrowed
                finally:
                    await replica.release(borrowed)
                return
        router.primary_reads += 1
        async with router.primary.acquire() as conn:
            yield conn

    async def _replica_connection(self, index: int, version: str) -> Borrowed | None:
        """A connection to replica `index` when it has replayed `version`; None when it is
        behind or cannot be reached."""
        router = self._router
        replica = router.replicas[index]
        try:
            conn: Borrowed = await replica.acquire()
        except Exception as error:
            if not is_connection_failure(error):
                raise
            router._seen[index] = None  # it may come back rebuilt: ask it again then
            return None
        try:
            if await router._replica_at(index, conn, version):
                return conn
        except Exception as error:
            await replica.release(conn)
            if not is_connection_failure(error):
                raise
            router._seen[index] = None
            return None
        await replica.release(conn)
        return None


# What reads go through: the primary pool itself, or a request's replica-aware reads.
Reads: TypeAlias = "asyncpg.Pool | RequestReads"


def request_reads(primary: asyncpg.Pool, router: ReadRouter | None, version: object) -> Reads:
    """Where a read request reads: the primary without replicas; otherwise replicas that
    have replayed `version` (the data version the request already read, if a string)."""
    if router is None:
        return primary
    return router.for_request(version if isinstance(version, str) else None)
