"""One deadline per request: the data-version read (ETag, response cache), the GraphQL
operation, the REST read and the desk's page all spend from it, on the real app and a
real PostgreSQL in which a transaction holds a table locked. And a statement that
PostgreSQL stops (FACTDESK_STATEMENT_TIMEOUT) is a timeout on every door, not an error."""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator

import asyncpg
import httpx
import pytest
import pytest_asyncio
from prometheus_client import REGISTRY

from service.app import create_app
from service.config import Settings
from service.db.pool import create_pool
from service.deadline import by_deadline

TIMEOUT = 1.0
# Room for a loaded machine past the deadline; less than TIMEOUT, so a request whose
# steps each wait their own limit is too late.
LATE = 0.7
REQUESTS = {
    "graphql post": ("POST", "/graphql", {"query": "{ articles { totalCount } }"}),
    "graphql get": ("GET", "/graphql?query={articles{totalCount}}", None),
    "rest get": ("GET", "/api/v1/articles", None),
    "desk page": ("GET", "/", None),
}
# Where each is counted in factdesk_request_timeouts_total.
DOORS = {
    "graphql post": "graphql",
    "graphql get": "graphql",
    "rest get": "rest",
    "desk page": "desk",
}
# data_version: the version read before every read waits (ETag, response cache); articles:
# the read itself waits.
LOCKED = ("data_version", "articles")


@pytest_asyncio.fixture
async def own_pool(test_dsn: str) -> AsyncIterator[asyncpg.Pool]:
    """A pool of this test's own: its connections are the ones stopped mid-query."""
    pool = await create_pool(test_dsn, min_size=1, max_size=2)
    yield pool
    await pool.close()


def _stopped_code(answer: httpx.Response) -> str:
    """The code of a timeout the answer reports, in its own terms (a page says it)."""
    if answer.headers["content-type"].startswith("text/html"):
        assert answer.status_code == 503, answer.text
        assert answer.headers["retry-after"] == "1"
        if "took longer than" in answer.text:
            return "request_timeout"
        return "query_timeout" if "query took too long" in answer.text else answer.text
    if answer.headers["content-type"].startswith("application/problem+json"):
        assert answer.status_code == 503, answer.text
        assert answer.headers["retry-after"] == "1"
        return str(answer.json()["code"])
    errors = answer.json().get("errors") or [{"extensions": {"code": "none"}}]
    return str(errors[0]["extensions"]["code"])


def _timeouts(door: str) -> float:
    return REGISTRY.get_sample_value("factdesk_request_timeouts_total", {"door": door}) or 0.0


async def _waiting_on_locks(conn: asyncpg.Connection) -> int:
    count = await conn.fetchval(
        "SELECT count(*) FROM pg_stat_activity"
        " WHERE datname = current_database() AND wait_event_type = 'Lock'"
    )
    return int(count)


@pytest.mark.parametrize("table", LOCKED)
@pytest.mark.parametrize("kind", list(REQUESTS))
async def test_a_read_held_by_a_lock_ends_by_its_deadline(
    own_pool: asyncpg.Pool, test_dsn: str, kind: str, table: str
) -> None:
    # Before: the ETag's version read, the response cache's and the GraphQL operation each
    # had the whole limit, one after the other (a GET with data_version locked answered
    # after twice it), and a REST read had none (with articles locked it waited for the
    # lock as long as it was held).
    method, path, body = REQUESTS[kind]
    app = create_app(Settings(factdesk_load_seeds=False, factdesk_request_timeout=TIMEOUT))
    app.state.pool = own_pool
    locker = await asyncpg.connect(test_dsn)
    try:
        await locker.execute(f"BEGIN; LOCK TABLE {table} IN ACCESS EXCLUSIVE MODE")
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
            counted = _timeouts(DOORS[kind])
            started = time.monotonic()
            async with asyncio.timeout(10 * TIMEOUT):  # a read with no deadline fails here
                answer = await client.request(method, path, json=body)
            took = time.monotonic() - started
            assert _stopped_code(answer) == "request_timeout", answer.text
            assert took < TIMEOUT + LATE, f"answered after {took:.2f} s"
            assert _timeouts(DOORS[kind]) == counted + 1
            # Its connections were given back while the lock is still held, so its
            # queries were cancelled: nothing is left waiting for the lock.
            lent = [await own_pool.acquire(timeout=2.0) for _ in range(2)]
            for connection in lent:
                await own_pool.release(connection)
            assert await _waiting_on_locks(locker) == 0
            await locker.execute("ROLLBACK")
            # And they serve again.
            answers = await asyncio.gather(
                *(client.request(method, path, json=body) for _ in range(2))
            )
            assert [a.status_code for a in answers] == [200, 200], answers[0].text
    finally:
        await locker.close()


@pytest.mark.parametrize("kind", list(REQUESTS))
async def test_a_statement_past_the_statement_timeout_is_a_query_timeout(
    test_dsn: str, kind: str
) -> None:
    # REST and the desk answered PostgreSQL's statement_timeout as an unexpected error
    # (500, logged with its traceback), GraphQL as query_timeout.
    method, path, body = REQUESTS[kind]
    pool = await create_pool(test_dsn, min_size=1, max_size=2, statement_timeout=0.2)
    app = create_app(Settings(factdesk_load_seeds=False, factdesk_response_cache=False))
    app.state.pool = pool
    locker = await asyncpg.connect(test_dsn)
    try:
        await locker.execute("BEGIN; LOCK TABLE articles IN ACCESS EXCLUSIVE MODE")
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
            answer = await client.request(method, path, json=body)
        assert _stopped_code(answer) == "query_timeout", answer.text
    finally:
        await locker.close()
        await pool.close()


async def test_another_waits_own_timeout_is_not_the_requests() -> None:
    # A TimeoutError of a wait with its own limit, inside the request's deadline, is that
    # wait's failure: it propagates (the desk answers it as an outage) and is not counted.
    async def own_limit() -> None:
        async with asyncio.timeout(0.01):
            await asyncio.sleep(1)

    counted = _timeouts("rest")
    with pytest.raises(TimeoutError):
        await by_deadline({}, 10.0, door="rest", work=own_limit)
    assert _timeouts("rest") == counted


async def test_work_past_the_deadline_is_none_and_counted() -> None:
    async def slow() -> str:
        await asyncio.sleep(1)
        return "made"

    counted = _timeouts("desk")
    assert await by_deadline({}, 0.01, door="desk", work=slow) is None
    assert _timeouts("desk") == counted + 1


@pytest.mark.parametrize("kind", ["rest get", "desk page"])
async def test_a_pool_with_no_connection_to_lend_is_unavailable(test_dsn: str, kind: str) -> None:
    # The desk answered a pool that could lend no connection in time with a 400 "Cannot
    # show this" page (the pool's error is a FactdeskError); REST answered 503.
    method, path, body = REQUESTS[kind]
    pool = await create_pool(test_dsn, min_size=1, max_size=2, acquire_timeout=0.2)
    app = create_app(Settings(factdesk_load_seeds=False, factdesk_response_cache=False))
    app.state.pool = pool
    held = [await pool.acquire(), await pool.acquire()]
    try:
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
            answer = await client.request(method, path, json=body)
        assert answer.status_code == 503, answer.text
    finally:
        for conn in held:
            await pool.release(conn)
        await pool.close()
