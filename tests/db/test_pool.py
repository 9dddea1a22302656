"""The pool hands connections out in the order they were asked for, and keeps its bounds."""

from __future__ import annotations

import asyncio
import os
import signal
import time

import asyncpg
import pytest

from service.db import pool as pool_module
from service.db.pool import create_pool
from service.errors import DatabaseUnavailableError


@pytest.mark.parametrize("delay", range(6))
async def test_a_waiter_is_served_before_a_later_newcomer(test_dsn: str, delay: int) -> None:
    pool = await create_pool(test_dsn, min_size=1, max_size=1)
    order: list[str] = []

    async def borrow(name: str) -> None:
        async with pool.acquire() as conn:
            order.append(name)
            await conn.fetchval("SELECT 1")

    async def newcomer() -> None:
        # Asks while the release is under way: after `delay` turns of the event loop, one
        # of which lands after the connection is back and before the waiter has run again.
        # Plain asyncpg hands it to the newcomer and sends the waiter to the back.
        for _ in range(delay):
            await asyncio.sleep(0)
        await borrow("newcomer")

    try:
        held = await pool.acquire()
        waiter = asyncio.create_task(borrow("waiter"))
        await asyncio.sleep(0.05)  # the waiter is in line
        late = asyncio.create_task(newcomer())
        await pool.release(held)
        await asyncio.gather(waiter, late)
    finally:
        await pool.close()
    assert order == ["waiter", "newcomer"]


async def test_releases_return_permits_and_a_full_pool_times_out(test_dsn: str) -> None:
    pool = await create_pool(test_dsn, min_size=1, max_size=2, acquire_timeout=0.2)
    try:
        for _ in range(5):  # permits come back: five rounds of two never run dry
            first, second = await pool.acquire(), await pool.acquire()
            await pool.release(first)
            await pool.release(first)  # twice: asyncpg ignores it, and so does the gate
            await pool.release(second)
        first, second = await pool.acquire(), await pool.acquire()
        with pytest.raises(DatabaseUnavailableError):
            await pool.acquire()
        await pool.release(first)
        async with pool.acquire() as conn:  # the timed-out wait left nothing behind
            assert await conn.fetchval("SELECT 2") == 2
        await pool.release(second)
    finally:
        await pool.close()


async def test_a_connection_dropped_while_lent_returns_its_permit(test_dsn: str) -> None:
    # PgBouncer closes a client's connection in the middle of a query when it cannot log in
    # to PostgreSQL (after a restart, for server_login_retry). asyncpg then hands the slot
    # back by itself, before the caller releases: the permit must come back all the same,
    # or after max_size such drops the pool answers "unavailable" for ever (issue 20).
    pool = await create_pool(test_dsn, min_size=1, max_size=2, acquire_timeout=1)
    try:
        for _ in range(5):  # more drops than connections
            async with pool.acquire() as conn:
                # The server closes this connection while its query runs.
                with pytest.raises(asyncpg.ConnectionDoesNotExistError):
                    await conn.fetchval("SELECT pg_terminate_backend(pg_backend_pid())")
        async with pool.acquire() as conn:
            assert await conn.fetchval("SELECT 3") == 3
    finally:
        await pool.close()


async def _sleeping_backends(dsn: str) -> int:
    connection = await asyncpg.connect(dsn)
    try:
        return int(
            await connection.fetchval(
                "SELECT count(*) FROM pg_stat_activity "
                "WHERE state = 'active' AND query LIKE 'SELECT pg_sleep(30)%'"
            )
        )
    finally:
        await connection.close()


async def test_a_stopped_query_is_cancelled_on_the_server_before_its_connection_closes(
    test_dsn: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The pool closes a stopped borrower's connection when the server does not answer the
    # cancel at once; here it never waits (0 s). Closed before asyncpg sent the cancel,
    # the query ran on: PostgreSQL does not notice a client gone while a query runs.
    monkeypatch.setattr(pool_module, "CANCEL_ACK_WAIT", 0.0)
    pool = await create_pool(test_dsn, min_size=1, max_size=1)
    try:

        async def borrow() -> None:
            async with pool.acquire() as connection:
                await connection.fetchval("SELECT pg_sleep(30)")

        with pytest.raises(TimeoutError):
            await asyncio.wait_for(borrow(), 0.5)
        async with pool.acquire(timeout=1) as connection:  # the slot is lent again
            assert await connection.fetchval("SELECT 4") == 4
        deadline = time.monotonic() + 5
        while await _sleeping_backends(test_dsn):
            assert time.monotonic() < deadline, "the stopped query still runs on the server"
            await asyncio.sleep(0.05)
    finally:
        await pool.close()


async def test_a_borrower_stopped_in_a_transaction_leaves_it_at_once(test_dsn: str) -> None:
    # The server never answers the cancel (its backend is stopped, as a stalled or
    # unreachable PostgreSQL would be): the transaction's ROLLBACK waited for that answer
    # until CANCEL_GRACE closed the connection, then raised the closed connection's error.
    pool = await create_pool(test_dsn, min_size=1, max_size=1)
    backend: list[int] = []
    running = asyncio.Event()

    async def ingest() -> None:
        async with pool.acquire() as connection, connection.transaction():
            backend.append(await connection.fetchval("SELECT pg_backend_pid()"))
            running.set()
            await connection.fetchval("SELECT pg_sleep(30)")

    task = asyncio.create_task(ingest())
    try:
        await running.wait()
        await asyncio.sleep(0.2)  # in the sleep
        os.kill(backend[0], signal.SIGSTOP)
        started = time.monotonic()
        task.cancel()
        with pytest.raises(asyncio.CancelledError):  # its own exception, not the connection's
            await task
        waited = time.monotonic() - started
        print(f"the stopped borrower left its transaction after {waited * 1000:.0f} ms")
        assert waited < pool_module.CANCEL_GRACE / 2, f"left after {waited:.2f} s"
        async with pool.acquire(timeout=1) as connection:  # the slot is lent again
            assert await connection.fetchval("SELECT 5") == 5
    finally:
        if backend:
            os.kill(backend[0], signal.SIGCONT)
        await pool.close()
