"""Idempotency-Key on POST /api/v1/articles: a retry gets the first answer, never a
second ingest, and one key cannot stand for two requests."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

import asyncpg
import httpx
import pytest

from tests.rest.conftest import AUTH, OTHER_KEY, api_client, row_counts

URL = "/api/v1/articles"


@pytest.fixture
def copies(seeds_dir: Path) -> list[str]:
    return [
        (seeds_dir / name).read_text(encoding="utf-8")
        for name in sorted(p.name for p in seeds_dir.glob("*.txt"))[:3]
    ]


def _keyed(key: str, auth: dict[str, str] = AUTH) -> dict[str, str]:
    return {**auth, "Idempotency-Key": key}


def _problem(response: httpx.Response, status: int, code: str) -> dict[str, Any]:
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == "application/problem+json"
    problem: dict[str, Any] = response.json()
    assert problem["code"] == code
    return problem


async def test_a_retry_gets_the_first_answer(
    api: httpx.AsyncClient, pool: asyncpg.Pool, copies: list[str]
) -> None:
    payload = {"text": copies[0], "outlet": "Wire"}
    first = await api.post(URL, json=payload, headers=_keyed('"retry-1"'))
    assert first.status_code == 201, first.text
    assert "idempotent-replayed" not in first.headers
    counts = await row_counts(pool)

    again = await api.post(URL, json=payload, headers=_keyed('"retry-1"'))
    assert again.status_code == 201
    assert again.content == first.content
    assert again.headers["location"] == first.headers["location"]
    assert again.headers["idempotent-replayed"] == "true"
    # Unquoted, as many clients send it: the same key.
    bare = await api.post(URL, json=payload, headers=_keyed("retry-1"))
    assert (bare.status_code, bare.content) == (201, first.content)
    assert await row_counts(pool) == counts


async def test_the_same_key_for_other_copy_is_422_and_writes_nothing(
    api: httpx.AsyncClient, pool: asyncpg.Pool, copies: list[str]
) -> None:
    first = await api.post(URL, json={"text": copies[0]}, headers=_keyed("k"))
    assert first.status_code == 201
    counts = await row_counts(pool)
    other = await api.post(URL, json={"text": copies[1]}, headers=_keyed("k"))
    problem = _problem(other, 422, "idempotency_key_reused")
    assert problem["field"] == "Idempotency-Key"
    # Other metadata is another request too.
    moved = await api.post(
        URL, json={"text": copies[0], "outlet": "Elsewhere"}, headers=_keyed("k")
    )
    _problem(moved, 422, "idempotency_key_reused")
    assert await row_counts(pool) == counts


async def test_keys_belong_to_their_api_key(
    api: httpx.AsyncClient, pool: asyncpg.Pool, copies: list[str]
) -> None:
    mine = await api.post(URL, json={"text": copies[0]}, headers=_keyed("shared"))
    other_caller = {"Authorization": f"Bearer {OTHER_KEY}"}
    theirs = await api.post(URL, json={"text": copies[1]}, headers=_keyed("shared", other_caller))
    assert (mine.status_code, theirs.status_code) == (201, 201)
    assert (await row_counts(pool))["articles"] == 2


async def test_a_key_expires(pool: asyncpg.Pool, copies: list[str]) -> None:
    async with api_client(pool, factdesk_idempotency_ttl=3600) as api:
        first = await api.post(URL, json={"text": copies[0]}, headers=_keyed("old"))
        assert first.status_code == 201
        async with pool.acquire() as conn:
            kept = await conn.fetchval(
                "SELECT expires_at - stored_at FROM idempotency_keys WHERE key = 'old'"
            )
            assert kept.total_seconds() == 3600
            await conn.execute("UPDATE idempotency_keys SET expires_at = now() - interval '1 s'")
        reused = await api.post(URL, json={"text": copies[1]}, headers=_keyed("old"))
        assert reused.status_code == 201, reused.text
        assert "idempotent-replayed" not in reused.headers


async def test_concurrent_requests_with_one_key_ingest_once(
    api: httpx.AsyncClient, pool: asyncpg.Pool, copies: list[str]
) -> None:
    same = await asyncio.gather(
        *(api.post(URL, json={"text": copies[0]}, headers=_keyed("same")) for _ in range(3))
    )
    assert [r.status_code for r in same] == [201, 201, 201]
    assert len({r.content for r in same}) == 1
    assert sorted(r.headers.get("idempotent-replayed", "") for r in same) == ["", "true", "true"]

    different = await asyncio.gather(
        *(api.post(URL, json={"text": text}, headers=_keyed("race")) for text in copies[1:])
    )
    assert sorted(r.status_code for r in different) == [201, 422]
    assert (await row_counts(pool))["articles"] == 2  # copies[0] once, one of the race's


@pytest.mark.parametrize("value", ["", '""', "x" * 256, "caf\u00e9"])
async def test_a_malformed_key_is_400(
    api: httpx.AsyncClient, pool: asyncpg.Pool, copies: list[str], value: str
) -> None:
    response = await api.post(
        URL,
        json={"text": copies[0]},
        headers=[
            (b"authorization", AUTH["Authorization"].encode()),
            (b"idempotency-key", value.encode()),
        ],
    )
    _problem(response, 400, "invalid_idempotency_key")
    assert set((await row_counts(pool)).values()) == {0}


async def test_two_keys_are_400(api: httpx.AsyncClient, copies: list[str]) -> None:
    response = await api.post(
        URL,
        json={"text": copies[0]},
        headers=[
            ("Authorization", AUTH["Authorization"]),
            ("Idempotency-Key", "a"),
            ("Idempotency-Key", "b"),
        ],
    )
    _problem(response, 400, "duplicate_header")
