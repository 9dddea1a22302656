"""POST /api/v1/articles:batch: one result per line, in order; a bad line never blocks
the others; the request itself bounded and keyed."""

from __future__ import annotations

from typing import Any

import asyncpg
import httpx
import orjson
from pydantic import SecretStr

from tests.rest.conftest import AUTH, api_client, row_counts

URL = "/api/v1/articles:batch"
NDJSON = {**AUTH, "Content-Type": "application/x-ndjson"}


def story(n: int) -> dict[str, Any]:
    """A short article of its own (distinct copy) with one figure."""
    return {
        "text": f"Report {n}\n\nPolice in Almaty detained {n + 10} people on day {n}, "
        "officials said.",
        "outlet": f"Outlet {n % 3}",
    }


def ndjson(objects: list[Any]) -> bytes:
    return b"".join(orjson.dumps(o) + b"\n" for o in objects)


async def _batch(
    api: httpx.AsyncClient, body: bytes, headers: dict[str, str] = NDJSON
) -> list[dict[str, Any]]:
    answer = await api.post(URL, content=body, headers=headers)
    assert answer.status_code == 200, answer.text
    assert answer.headers["content-type"] == "application/x-ndjson"
    return [orjson.loads(line) for line in answer.content.splitlines()]


async def test_one_bad_line_is_reported_alone(api: httpx.AsyncClient, pool: asyncpg.Pool) -> None:
    lines = [orjson.dumps(story(n)) for n in range(120)]
    lines[57] = b'{"text": "Report 57", "outlet": '  # cut short: not JSON
    results = await _batch(api, b"\n".join(lines) + b"\n")

    assert [r["line"] for r in results] == list(range(1, 121))
    bad = [r for r in results if r["status"] not in (200, 201)]
    assert [(r["line"], r["status"], r["problem"]["code"]) for r in bad] == [
        (58, 400, "malformed_json")
    ]
    assert all(r["status"] == 201 and r["created"] for r in results if r["line"] != 58)
    assert (await row_counts(pool))["articles"] == 119
    one = await api.get(f"/api/v1/articles/{results[0]['id']}")
    assert one.json()["slug"] == results[0]["slug"]
    assert "Police in Almaty detained 10 people" in one.json()["body"]


async def test_each_kind_of_bad_line(api: httpx.AsyncClient, pool: asyncpg.Pool) -> None:
    body = (
        ndjson(
            [
                story(1),
                {"text": "   "},
                {"outlet": "No text"},
                ["not", "an", "object"],
                {**story(2), "publishedAt": "yesterday"},
                {**story(3), "extra": 1},
                story(1),  # the same copy again: the stored article
            ]
        )
        + b"\xff\xfe\n"
        + b"\n\n"
        + ndjson([story(4)])
    )
    results = await _batch(api, body)
    assert [(r["line"], r["status"], r.get("problem", {}).get("code")) for r in results] == [
        (1, 201, None),
        (2, 422, "empty_article"),
        (3, 422, "invalid_field"),
        (4, 422, "invalid_field"),
        (5, 422, "invalid_field"),
        (6, 422, "invalid_field"),
        (7, 200, None),
        (8, 422, "invalid_encoding"),
        (11, 201, None),  # blank lines 9 and 10 carry nothing
    ]
    assert results[6]["id"] == results[0]["id"]
    assert (await row_counts(pool))["articles"] == 2


async def test_lines_with_an_idempotency_key(api: httpx.AsyncClient, pool: asyncpg.Pool) -> None:
    first = await _batch(api, ndjson([{**story(1), "idempotencyKey": "k-1"}]))
    again = await _batch(
        api,
        ndjson(
            [
                {**story(1), "idempotencyKey": "k-1"},
                {**story(2), "idempotencyKey": "k-1"},
                {**story(3), "idempotencyKey": ""},
            ]
        ),
    )
    assert first[0]["status"] == 201
    assert (again[0]["status"], again[0]["replayed"], again[0]["id"]) == (201, True, first[0]["id"])
    assert again[1]["problem"]["code"] == "idempotency_key_reused"
    assert again[2]["problem"]["code"] == "invalid_idempotency_key"  # as the header's
    assert (await row_counts(pool))["articles"] == 1


async def test_the_request_itself_is_refused_whole(pool: asyncpg.Pool) -> None:
    body = ndjson([story(n) for n in range(5)])
    async with api_client(pool, factdesk_max_batch_bytes=len(body) - 1) as api:
        too_large = await api.post(URL, content=body, headers=NDJSON)
        no_key = await api.post(URL, content=body, headers={"Content-Type": "application/x-ndjson"})
        as_json = await api.post(URL, content=body, headers=AUTH)
        got = await api.get(URL, headers=AUTH)
    assert (too_large.status_code, too_large.json()["code"]) == (413, "batch_too_large")
    assert no_key.status_code == 401
    assert (as_json.status_code, as_json.json()["code"]) == (415, "unsupported_media_type")
    assert (got.status_code, got.headers["allow"]) == (405, "POST")
    assert (await row_counts(pool))["articles"] == 0


async def test_a_line_over_the_article_cap(pool: asyncpg.Pool) -> None:
    keys = SecretStr(AUTH["Authorization"].removeprefix("Bearer "))
    async with api_client(pool, factdesk_api_keys=keys, factdesk_max_article_bytes=200) as api:
        results = await _batch(api, ndjson([story(1), {"text": "x " * 150}, story(2)]))
    assert [(r["line"], r["status"]) for r in results] == [(1, 201), (2, 413), (3, 201)]
