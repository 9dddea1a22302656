"""Wakes change-feed streams when PostgreSQL announces a committed change.

One dedicated connection (never the pool's) LISTENs on the changes channel for the whole
process; each stream waits on the current `asyncio.Event`, which a notification sets and
replaces. A stream takes the event *before* it reads the outbox, so a change committed
between its read and its wait still wakes it. Streams are counted: past `max_streams` a
new one is refused, so clients cannot hold the server's memory or sockets without bound.
"""

from __future__ import annotations

import asyncio
import logging
from typing import Any

import asyncpg

from service.db.changes import CHANNEL

log = logging.getLogger(__name__)
RECONNECT_DELAY = 1.0  # seconds between attempts while PostgreSQL is away


class TooManyStreamsError(Exception):
    pass


class ChangeSignal:
    def __init__(self, dsn: str, *, max_streams: int) -> None:
        self._dsn = dsn
        self._event = asyncio.Event()
        self._conn: asyncpg.Connection | None = None
        self._reconnecting: asyncio.Task[None] | None = None
        self._closed = False
        self.max_streams = max_streams
        self.streams = 0

    async def start(self) -> None:
        await self._connect()

    async def close(self) -> None:
        self._closed = True
        if self._reconnecting is not None:
            self._reconnecting.cancel()
        if self._conn is not None and not self._conn.is_closed():
            await self._conn.close()
        self._wake()

    def current(self) -> asyncio.Event:
        """The event the next committed change sets."""
        return self._event

    def claim_stream(self) -> None:
        if self.streams >= self.max_streams:
            raise TooManyStreamsError(f"at most {self.max_streams} change streams at once")
        self.streams += 1

    def release_stream(self) -> None:
        self.streams -= 1

    async def _connect(self) -> None:
        conn = await asyncpg.connect(self._dsn, timeout=5)
        await conn.add_listener(CHANNEL, self._notified)
        conn.add_termination_listener(self._lost)
        self._conn = conn
        self._wake()  # changes may have committed while no one listened: streams look again

    def _notified(self, *_: Any) -> None:
        self._wake()

    def _wake(self) -> None:
        woken, self._event = self._event, asyncio.Event()
        woken.set()

    def _lost(self, *_: Any) -> None:
        if not self._closed and self._reconnecting is None:
            self._reconnecting = asyncio.get_running_loop().create_task(self._reconnect())

    async def _reconnect(self) -> None:
        while not self._closed:
            try:
                await self._connect()
            except (OSError, asyncpg.PostgresError, TimeoutError) as error:
                log.warning("change feed cannot listen (%s); retrying", error)
                await asyncio.sleep(RECONNECT_DELAY)
            else:
                break
        self._reconnecting = None
