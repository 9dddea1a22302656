"""/healthz, /readyz, /metrics, request ids and structured logs, through the ASGI app."""

from __future__ import annotations

import asyncio
import logging
import re
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager
from typing import Any

import asyncpg
import httpx
import orjson
import pytest
from prometheus_client.parser import text_string_to_metric_families
from pydantic import SecretStr

from service.app import create_app
from service.config import Settings
from service.db import migrate
from service.db.pool import create_pool
from service.db.scratch import recreate_database
from service.ingest.model import ArticleMeta
from service.ingest.pipeline import ingest_article
from service.logs import JSONFormatter, TextFormatter


@asynccontextmanager
async def _client(app: Any) -> AsyncIterator[httpx.AsyncClient]:
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
        yield client


def _samples(text: str) -> dict[tuple[str, frozenset[tuple[str, str]]], float]:
    return {
        (sample.name, frozenset(sample.labels.items())): sample.value
        for family in text_string_to_metric_families(text)
        for sample in family.samples
    }


async def test_healthz_and_readyz(seeded_client: httpx.AsyncClient) -> None:
    health = await seeded_client.get("/healthz")
    assert (health.status_code, health.text) == (200, "ok")
    ready = await seeded_client.get("/readyz")
    assert ready.status_code == 200
    assert ready.json() == {"ready": True, "revision": migrate.head_revision()}


async def test_readyz_waits_for_migrations_and_drops_at_shutdown(server_dsn: str) -> None:
    """The real lifespan with FACTDESK_MIGRATE_ON_START=false: not ready until a separate
    job migrates; not ready again once shutdown has begun."""
    dsn = await recreate_database(server_dsn, "factdesk_readiness")
    settings = Settings(
        database_url=SecretStr(dsn), factdesk_migrate_on_start=False, factdesk_load_seeds=False
    )
    app = create_app(settings)
    async with _client(app) as client:
        async with app.router.lifespan_context(app):
            pending = await client.get("/readyz")
            assert pending.status_code == 503
            assert pending.json()["reason"] == "migrations_pending"
            await asyncio.to_thread(migrate.upgrade, dsn)  # the migrate job
            assert (await client.get("/readyz")).status_code == 200
        after = await client.get("/readyz")
    assert after.status_code == 503
    assert after.json()["reason"] == "shutting_down"


async def test_metrics_by_route_operation_pool_and_ingest(
    client: httpx.AsyncClient, pool: asyncpg.Pool
) -> None:
    before = _samples((await client.get("/metrics")).text)
    query = "query FrontPage { articles(first: 1) { totalCount } }"
    assert (await client.post("/graphql", json={"query": query})).status_code == 200
    text = "Ten people were detained in Almaty on Monday, police said."
    result = await ingest_article(pool, text, ArticleMeta(outlet="Metrics Wire"))
    assert result.created
    await client.get("/no/such/path")
    response = await client.get("/metrics")
    assert response.headers["content-type"].startswith("text/plain")
    after = _samples(response.text)

    def grew(name: str, **labels: str) -> float:
        key = (name, frozenset(labels.items()))
        return after.get(key, 0.0) - before.get(key, 0.0)

    assert grew("factdesk_http_requests_total", route="/graphql", method="POST", status="200") == 1
    assert grew("factdesk_http_requests_total", route="unmatched", method="GET", status="404") == 1
    graphql_posts = {"route": "/graphql", "method": "POST"}
    assert grew("factdesk_http_request_duration_seconds_count", **graphql_posts) == 1
    assert (
        grew("factdesk_graphql_operations_total", operation="FrontPage", type="query", outcome="ok")
        == 1
    )
    assert (
        grew(
            "factdesk_graphql_operation_duration_seconds_count", operation="FrontPage", type="query"
        )
        == 1
    )
    assert grew("factdesk_ingest_articles_total", outcome="created") == 1
    assert grew("factdesk_ingest_duration_seconds_count") == 1
    assert after[("factdesk_db_pool_max_connections", frozenset())] == 5
    assert after[("factdesk_db_pool_connections", frozenset())] >= 1
    # Raw paths never become labels: a 404 probe does not get its own series.
    assert "/no/such/path" not in response.text


async def test_request_id_is_echoed_or_generated(seeded_client: httpx.AsyncClient) -> None:
    given = await seeded_client.get("/healthz", headers={"X-Request-ID": "abc-123"})
    assert given.headers["x-request-id"] == "abc-123"
    generated = await seeded_client.get("/healthz")
    assert re.fullmatch(r"[0-9a-f]{32}", generated.headers["x-request-id"])
    forged = await seeded_client.get("/healthz", headers={"X-Request-ID": "a b\tc" + "x" * 200})
    assert re.fullmatch(r"[0-9a-f]{32}", forged.headers["x-request-id"])


class _JSONLines(logging.Handler):
    """Formats at emit time, as the real handler does, while the request's context is live."""

    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.setFormatter(JSONFormatter())
        self.lines: list[dict[str, Any]] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(orjson.loads(self.format(record)))


@pytest.fixture
def json_logs() -> Iterator[_JSONLines]:
    handler = _JSONLines()
    root = logging.getLogger()
    level = root.level
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    try:
        yield handler
    finally:
        root.removeHandler(handler)
        root.setLevel(level)


async def test_every_log_line_of_a_request_carries_its_id(
    test_dsn: str, json_logs: _JSONLines
) -> None:
    # A database error inside a resolver: masked for the client, logged in full for us.
    broken = await create_pool(test_dsn, max_size=1)
    async with broken.acquire() as conn:
        await conn.execute("SET search_path TO nowhere")
    try:
        app = create_app(Settings(factdesk_load_seeds=False))
        app.state.pool = broken
        async with _client(app) as client:
            response = await client.post(
                "/graphql",
                json={"query": "{ articles { totalCount } }"},
                headers={"X-Request-ID": "req-42"},
            )
    finally:
        await broken.close()
    assert response.json()["errors"][0]["message"] == "Internal server error."
    lines = [line for line in json_logs.lines if line["logger"].startswith("factdesk")]
    assert {line["logger"] for line in lines} >= {"factdesk.graphql", "factdesk.access"}
    assert all(line["request_id"] == "req-42" for line in lines), lines
    error = next(line for line in lines if line["logger"] == "factdesk.graphql")
    assert error["level"] == "error"
    assert "UndefinedTableError" in error["exception"]  # the traceback stays server-side
    access = next(line for line in lines if line["logger"] == "factdesk.access")
    assert access["status"] == 200
    assert access["route"] == "/graphql"
    assert access["duration_ms"] > 0


async def test_metrics_need_a_key_when_reads_are_protected(seeded_pool: asyncpg.Pool) -> None:
    app = create_app(
        Settings(
            factdesk_load_seeds=False,
            factdesk_protect_reads=True,
            factdesk_api_keys=SecretStr("metrics-key"),
        )
    )
    app.state.pool = seeded_pool
    async with _client(app) as client:
        anonymous = await client.get("/metrics")
        keyed = await client.get("/metrics", headers={"Authorization": "Bearer metrics-key"})
        health = await client.get("/healthz")
    assert anonymous.status_code == 401
    assert anonymous.headers["content-type"] == "application/problem+json"
    assert "factdesk_http_requests_total" not in anonymous.text
    assert keyed.status_code == 200
    assert "factdesk_http_requests_total" in keyed.text
    assert health.status_code == 200


async def test_a_text_log_line_cannot_be_forged_from_the_path(
    seeded_client: httpx.AsyncClient,
) -> None:
    lines: list[str] = []

    class TextLines(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            lines.append(self.format(record))

    handler = TextLines(logging.INFO)
    handler.setFormatter(TextFormatter())
    access = logging.getLogger("factdesk.access")
    level = access.level
    access.addHandler(handler)
    access.setLevel(logging.INFO)
    try:
        await seeded_client.get("/healthz%0AERROR%20factdesk.auth:%20admin%20logged%20in%0D")
    finally:
        access.removeHandler(handler)
        access.setLevel(level)
    assert len(lines) == 1
    assert "\n" not in lines[0]
    assert "\r" not in lines[0]
    assert "INFO factdesk.access: GET /healthz\\nERROR factdesk.auth: admin" in lines[0]


async def test_pool_sets_statement_timeout(test_dsn: str) -> None:
    pool = await create_pool(test_dsn, max_size=1, statement_timeout=1.5)
    try:
        async with pool.acquire() as conn:
            assert await conn.fetchval("SHOW statement_timeout") == "1500ms"
    finally:
        await pool.close()
    plain = await asyncpg.connect(test_dsn)
    try:
        assert await plain.fetchval("SHOW statement_timeout") == "0"
    finally:
        await plain.close()
