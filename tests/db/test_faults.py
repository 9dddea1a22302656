"""PostgreSQL stops under a running app: requests fail fast with 503, /readyz says not ready;
when it is back, the app recovers by itself, without a restart."""

from __future__ import annotations

import asyncio
import time

import httpx

from service.app import create_app
from service.config import Settings
from service.db.embedded import EmbeddedServer
from service.db.pool import create_pool

QUERY = {"query": "query Count { articles { totalCount } }"}
FAST = 2.0  # seconds: "fail fast" means well under the request timeout


def _stop(server: EmbeddedServer) -> None:
    server.halt()


def _start(server: EmbeddedServer) -> None:
    # Same data directory, same socket directory: the same DSN works again.
    server.resume()


async def _timed(client: httpx.AsyncClient, method: str, path: str) -> tuple[httpx.Response, float]:
    started = time.monotonic()
    response = await client.request(method, path, json=QUERY if method == "POST" else None)
    return response, time.monotonic() - started


async def test_outage_answers_503_fast_and_recovers_without_restart(
    own_server: EmbeddedServer,
) -> None:
    pool = await create_pool(own_server.uri(), min_size=2, max_size=4, acquire_timeout=1)
    app = create_app(Settings(factdesk_load_seeds=False))
    app.state.pool = pool
    transport = httpx.ASGITransport(app=app)
    try:
        async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
            before = await client.post("/graphql", json=QUERY)
            assert before.json() == {"data": {"articles": {"totalCount": 0}}}

            await asyncio.to_thread(_stop, own_server)

            graphql, elapsed = await _timed(client, "POST", "/graphql")
            assert graphql.status_code == 503
            assert graphql.headers["retry-after"] == "1"
            error = graphql.json()["errors"][0]
            assert error["extensions"] == {"code": "database_unavailable"}
            assert "asyncpg" not in graphql.text
            assert elapsed < FAST
            ready, elapsed = await _timed(client, "GET", "/readyz")
            assert ready.status_code == 503
            assert ready.json()["reason"] == "database_unavailable"
            assert elapsed < FAST
            assert (await client.get("/healthz")).status_code == 200  # alive, just not ready
            rest, elapsed = await _timed(client, "GET", "/api/v1/articles")
            assert rest.status_code == 503
            assert rest.headers["content-type"] == "application/problem+json"
            assert rest.json()["code"] == "database_unavailable"
            assert elapsed < FAST

            await asyncio.to_thread(_start, own_server)
            restarted = time.monotonic()
            while (await client.get("/readyz")).status_code != 200:
                assert time.monotonic() - restarted < 10, "not ready 10 s after the database"
                await asyncio.sleep(0.05)
            after = await client.post("/graphql", json=QUERY)
            assert after.status_code == 200
            assert after.json() == before.json()
    finally:
        await pool.close()
