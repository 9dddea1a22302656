"""The /graphql gate: method, one Authorization header, read auth and the body cap, all
decided before the body is parsed, cached or sent to PostgreSQL."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import asyncpg
import httpx
from pydantic import SecretStr

from service.app import create_app
from service.config import Settings
from service.db.pool import create_pool

KEY = "gate-test-key"
READ = {"query": "{ articles(first: 2) { totalCount edges { node { headline } } } }"}


def _dsn_of(pool: asyncpg.Pool) -> str:
    params = pool._connect_args  # type: ignore[attr-defined]
    return str(params[0])


@asynccontextmanager
async def _client(
    pool: asyncpg.Pool, statements: list[str] | None = None, **settings: Any
) -> AsyncIterator[httpx.AsyncClient]:
    """The real app (response cache on) over its own pool, which logs every statement."""
    logged = statements if statements is not None else []
    counting = await create_pool(
        _dsn_of(pool), max_size=2, query_logger=lambda record: logged.append(record.query)
    )
    settings.setdefault("factdesk_api_keys", SecretStr(KEY))
    app = create_app(Settings(factdesk_load_seeds=False, **settings))
    app.state.pool = counting
    try:
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
            yield client
    finally:
        await counting.close()


def _is_connection_setup(query: str) -> bool:
    return "typeinfo_tree" in query or "'jit'" in query


async def test_a_body_over_the_cap_is_413_before_it_is_parsed(seeded_pool: asyncpg.Pool) -> None:
    padding = " " * 2000
    body = b'{"query": "{ articles { totalCount } }' + padding.encode() + b'"}'

    async def chunks() -> AsyncIterator[bytes]:
        for start in range(0, len(body), 100):
            yield body[start : start + 100]

    async with _client(seeded_pool, factdesk_graphql_max_body_bytes=1000) as client:
        declared = await client.post(
            "/graphql", content=body, headers={"content-type": "application/json"}
        )
        # No Content-Length: counted while it streams in.
        streamed = await client.post(
            "/graphql", content=chunks(), headers={"content-type": "application/json"}
        )
        small = await client.post("/graphql", json=READ)
    for refused in (declared, streamed):
        assert refused.status_code == 413, refused.text
        error = refused.json()["errors"][0]
        assert error["extensions"]["code"] == "request_too_large"
        assert "1000 bytes" in error["message"]
    assert "content-length" not in streamed.request.headers
    assert small.status_code == 200
    assert small.json()["data"]["articles"]["totalCount"] == 5


async def test_a_refused_read_costs_no_body_and_no_query(seeded_pool: asyncpg.Pool) -> None:
    statements: list[str] = []
    read: list[bytes] = []

    async def body() -> AsyncIterator[bytes]:
        read.append(b"chunk")
        yield b'{"query": "{ articles { totalCount } }"}'

    async with _client(seeded_pool, statements, factdesk_protect_reads=True) as client:
        refused = await client.post(
            "/graphql", content=body(), headers={"content-type": "application/json"}
        )
        sent = [q for q in statements if not _is_connection_setup(q)]
        allowed = await client.post(
            "/graphql", json=READ, headers={"authorization": f"Bearer {KEY}"}
        )
    assert refused.status_code == 401
    assert refused.headers["content-type"] == "application/problem+json"
    assert sent == []  # the response cache did not even ask for the data version
    assert read == []  # nor was the body read
    assert allowed.status_code == 200


async def test_two_authorization_headers_are_a_400_and_never_open_a_protected_read(
    seeded_pool: asyncpg.Pool,
) -> None:
    async with _client(seeded_pool, factdesk_protect_reads=True) as client:
        # Auth read the first header, the cache the last: this answer was cached under
        # "no credentials", and the next request without any key was given it.
        doubled = await client.post(
            "/graphql",
            json=READ,
            headers=[("authorization", f"Bearer {KEY}"), ("authorization", "")],
        )
        anonymous = await client.post("/graphql", json=READ)
        keyed = await client.post("/graphql", json=READ, headers={"authorization": f"Bearer {KEY}"})
        anonymous_after = await client.post("/graphql", json=READ)
    assert doubled.status_code == 400
    assert doubled.json()["code"] == "duplicate_header"
    assert anonymous.status_code == 401
    assert keyed.status_code == 200
    assert anonymous_after.status_code == 401


async def test_a_cached_answer_is_not_served_to_a_request_graphql_refuses(
    seeded_pool: asyncpg.Pool,
) -> None:
    body = httpx.Request("POST", "http://test", json=READ).content
    async with _client(seeded_pool) as client:
        first = await client.post(
            "/graphql", content=body, headers={"content-type": "application/json"}
        )
        again = await client.post(
            "/graphql", content=body, headers={"content-type": "application/json"}
        )
        # A cross-site "simple" request: no preflight, and GraphQL refuses its content type.
        plain = await client.post("/graphql", content=body, headers={"content-type": "text/plain"})
    assert first.status_code == again.status_code == 200
    assert first.content == again.content
    assert plain.status_code == 400, plain.text
    assert plain.json() == {
        "errors": [{"message": "Unsupported content type", "extensions": {"code": "bad_request"}}]
    }


async def test_other_methods_and_unreadable_bodies_are_json_4xx(
    seeded_client: httpx.AsyncClient,
) -> None:
    put = await seeded_client.put("/graphql", json=READ)
    assert put.status_code == 405
    assert put.headers["allow"] == "GET, POST"
    assert put.json()["errors"][0]["extensions"]["code"] == "method_not_allowed"
    json_type = {"content-type": "application/json"}
    not_utf8 = await seeded_client.post(
        "/graphql", content=b'{"query": "{ articles { totalCount } }\xff"}', headers=json_type
    )
    deep = await seeded_client.post(
        "/graphql", content=b"[" * 100_000 + b"]" * 100_000, headers=json_type
    )
    for refused in (not_utf8, deep):
        assert refused.status_code == 400, refused.text
        assert refused.json()["errors"][0]["extensions"]["code"] == "bad_request"
