"""Behind Debian's PgBouncer pooling by transaction (FACTDESK_PGBOUNCER=true), ingest and
reads work while the service's connections share fewer server connections."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import asyncpg
import httpx
import pytest

from service.app import create_app
from service.config import Settings
from service.db import migrate
from service.db.embedded import EmbeddedServer
from service.db.pool import CANCEL_GRACE, create_pool
from service.db.scratch import drop_database, recreate_database
from service.ingest.seeds import load_seeds
from service.observability import READY_TIMEOUT
from tests.pgbouncer import BINARY, INSTALL, LOGIN_RETRY, POOL_SIZE, pgbouncer

pytestmark = pytest.mark.skipif(BINARY is None, reason=f"pgbouncer is not installed: {INSTALL}")

DATABASE = "factdesk_pgbouncer"
CLIENTS = 8  # service connections, four times PgBouncer's server connections
ARTICLES = "{ articles(first: 10) { totalCount edges { node { headline outlet { name } } } } }"
ENTITY = '{ entity(name: "Tokayev") { name facts { label values { value } } } }'
READS = [
    ("POST", "/graphql", {"query": ARTICLES}),
    ("POST", "/graphql", {"query": ENTITY}),
    ("GET", "/graphql?query={articles{totalCount}}", None),
    ("GET", "/api/v1/articles", None),
    ("GET", "/api/v1/entities?q=Tokayev", None),
]
# /readyz answers within its own time limit (a query PgBouncer holds for a server it cannot
# reach is given up), plus room for a loaded machine.
ANSWER = READY_TIMEOUT + 2.0
# Ready again after PostgreSQL is back within PgBouncer's login retry and one probe.
RECOVERY = LOGIN_RETRY + ANSWER + 3.0


@pytest.fixture(scope="module")
def bouncer(server_dsn: str) -> Iterator[str]:
    with pgbouncer(server_dsn) as template:
        yield template


async def _read(client: httpx.AsyncClient, method: str, path: str, body: object) -> httpx.Response:
    return await client.request(method, path, json=body)


async def test_ingest_and_reads_through_transaction_pooling(
    server_dsn: str, bouncer: str, seeds_dir: Path
) -> None:
    direct = await recreate_database(server_dsn, DATABASE)
    await asyncio.to_thread(migrate.upgrade, direct)  # migrations go to PostgreSQL itself
    pool = await create_pool(
        bouncer.format(database=DATABASE),
        min_size=CLIENTS,
        max_size=CLIENTS,
        statement_timeout=5,
        pgbouncer=True,
    )
    try:
        ingested = await load_seeds(pool, seeds_dir)  # the pipeline's transactions, through it
        assert [r.created for r in ingested] == [True] * 5
        async with pool.acquire() as conn:
            assert await conn.fetchval("SHOW statement_timeout") == "5s"  # PgBouncer's
        app = create_app(Settings(factdesk_load_seeds=False, factdesk_response_cache=False))
        app.state.pool = pool
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
            # Every read many times at once: each connection's statements meet other
            # connections' server sessions, which named statements would not survive.
            answers = await asyncio.gather(*(_read(client, *read) for read in READS * 8))
        for answer in answers:
            assert answer.status_code == 200, answer.text
            assert "errors" not in answer.json(), answer.text
        assert answers[0].json()["data"]["articles"]["totalCount"] == 5
        assert answers[1].json()["data"]["entity"]["name"]
        admin = await asyncpg.connect(direct)
        try:
            servers = await admin.fetchval(
                "SELECT count(*) FROM pg_stat_activity WHERE datname = $1 AND pid <> "
                "pg_backend_pid()",
                DATABASE,
            )
        finally:
            await admin.close()
        assert 1 <= servers <= POOL_SIZE  # CLIENTS connections shared POOL_SIZE servers
    finally:
        await pool.close()
        await drop_database(server_dsn, DATABASE)


async def _ready(client: httpx.AsyncClient) -> int:
    """/readyz's status, which must come within ANSWER seconds."""
    started = time.monotonic()
    status = (await client.get("/readyz")).status_code
    assert time.monotonic() - started < ANSWER, "/readyz did not answer in time"
    return status


async def test_ready_again_soon_after_postgresql_restarts_behind_pgbouncer(
    own_server: EmbeddedServer,
) -> None:
    # As compose runs it: the pool's connections stay open to PgBouncer while PostgreSQL
    # goes away and comes back, and /readyz is polled all along (issue 20: it stayed 503
    # for minutes, every permit of the pool lost to a connection PgBouncer closed).
    with pgbouncer(own_server.uri()) as template:
        pool = await create_pool(
            template.format(database="factdesk"),
            min_size=2,
            max_size=2,
            acquire_timeout=1,
            pgbouncer=True,
        )
        app = create_app(Settings(factdesk_load_seeds=False))
        app.state.pool = pool
        transport = httpx.ASGITransport(app=app)
        try:
            async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
                assert await _ready(client) == 200
                await asyncio.to_thread(own_server.halt)
                for _ in range(3):  # more probes than connections, each one answered
                    assert await _ready(client) == 503
                await asyncio.to_thread(own_server.resume)
                back = time.monotonic()
                while await _ready(client) != 200:
                    assert time.monotonic() - back < RECOVERY, "not ready again in time"
                    await asyncio.sleep(0.05)
        finally:
            await pool.close()


async def _hold_every_server(template: str, database: str) -> list[asyncpg.Connection]:
    """Connections through PgBouncer that each keep a server in an open transaction, so
    a query sent after them waits in PgBouncer's queue until one is given back."""
    holders = [await asyncpg.connect(template.format(database=database)) for _ in range(POOL_SIZE)]
    for holder in holders:
        await holder.execute("BEGIN; SELECT 1")
    return holders


# One request each way a read reaches the database first: a GraphQL POST (the response
# cache's version read), a GraphQL GET (the ETag's version read, then the cache's), a REST
# read (the ETag's version read, then the handler's queries).
STOPPED = {
    "graphql post": ("POST", "/graphql", {"query": "{ articles { totalCount } }"}),
    "graphql get": ("GET", "/graphql?query={articles{totalCount}}", None),
    "rest get": ("GET", "/api/v1/articles", None),
}
# Room for a loaded machine past the deadline; less than CANCEL_GRACE, so a request that
# waits for its connection's cancel to be acknowledged is too late.
LATE = 0.7


def _stopped_code(answer: httpx.Response) -> str:
    if answer.headers["content-type"].startswith("application/problem+json"):
        assert answer.status_code == 503, answer.text
        assert answer.headers["retry-after"] == "1"
        return str(answer.json()["code"])
    codes = [e["extensions"]["code"] for e in answer.json()["errors"]]
    assert len(codes) == 1, answer.text
    return str(codes[0])


@pytest.mark.parametrize("request_kind", list(STOPPED))
async def test_a_request_stopped_while_pgbouncer_queues_it_ends_by_its_deadline(
    test_dsn: str, bouncer: str, request_kind: str
) -> None:
    # A query waiting in PgBouncer for a server is not stopped by the cancel asyncpg sends
    # when its task is cancelled (request timeout, client gone): the connection was
    # given back only when the server acknowledged, after asyncpg's command_timeout (30 s),
    # and the timed-out request answered only then (51.6 s). Then each step had a limit of
    # its own, and waited it plus CANCEL_GRACE for the cancel: a GraphQL POST answered
    # after 2 x (limit + 1 s), a GET after 3 x, and a REST read had no limit (issue 20).
    # Now one deadline covers the whole request, and a stopped borrower does not wait for
    # its connection's cancel.
    database = urlsplit(test_dsn).path.lstrip("/")
    timeout = 1.0
    method, path, body = STOPPED[request_kind]
    holders = await _hold_every_server(bouncer, database)
    pool = await create_pool(
        bouncer.format(database=database), min_size=2, max_size=2, pgbouncer=True
    )
    try:
        app = create_app(Settings(factdesk_load_seeds=False, factdesk_request_timeout=timeout))
        app.state.pool = pool
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
            started = time.monotonic()
            # As many requests as the pool has connections: each stopped while queued.
            answers = await asyncio.gather(
                *(client.request(method, path, json=body) for _ in range(2))
            )
            took = time.monotonic() - started
            print(f"{request_kind}: answered after {took:.2f} s at a {timeout:g} s limit")
            assert [_stopped_code(a) for a in answers] == ["request_timeout"] * 2
            assert took < timeout + LATE, f"answered after {took:.2f} s"
            # Given back at once while PgBouncer still queues: both connections can be
            # lent again (new ones; the stuck ones were closed), well within CANCEL_GRACE.
            lent = [await pool.acquire(timeout=CANCEL_GRACE / 2) for _ in range(2)]
            for connection in lent:
                await pool.release(connection)
            for holder in holders:
                await holder.execute("ROLLBACK")
            # Both connections serve again at once: neither waits for an old cancel.
            started = time.monotonic()
            answers = await asyncio.gather(
                *(client.request(method, path, json=body) for _ in range(2))
            )
            assert [a.status_code for a in answers] == [200, 200], answers[0].text
            assert time.monotonic() - started < 3.0
    finally:
        for holder in holders:
            await holder.close()
        await pool.close()


async def test_a_stopped_borrowers_connection_is_lent_again_at_once(
    test_dsn: str, bouncer: str
) -> None:
    # A borrower stopped while PgBouncer queues its query (no server free) never gets the
    # cancel acknowledged. Its connection was given back only when CANCEL_GRACE closed it,
    # so the pool's slot stayed taken for a second after the request had answered.
    database = urlsplit(test_dsn).path.lstrip("/")
    holders = await _hold_every_server(bouncer, database)
    pool = await create_pool(
        bouncer.format(database=database), min_size=1, max_size=1, pgbouncer=True
    )
    try:

        async def borrow() -> None:
            async with pool.acquire() as connection:
                await connection.fetchval("SELECT 1")  # queued: every server is held

        with pytest.raises(TimeoutError):
            await asyncio.wait_for(borrow(), 0.3)
        started = time.monotonic()
        connection = await pool.acquire(timeout=5)
        waited = time.monotonic() - started
        await pool.release(connection)
        print(f"the slot was lent again after {waited * 1000:.0f} ms")
        assert waited < CANCEL_GRACE / 2, f"lent again after {waited:.2f} s"
    finally:
        for holder in holders:
            await holder.close()
        await pool.close()
