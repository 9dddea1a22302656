"""correctArticle and retractArticle over /graphql, and what reads say of a tombstone."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import asyncpg
import httpx
import pytest_asyncio

from tests.ingest.test_corrections import TOLL_12, TOLL_15, TOLL_15_LATER
from tests.rest.conftest import AUTH, api_client

CORRECT = """mutation($id: ID!, $input: CorrectArticleInput!) {
  correctArticle(id: $id, input: $input) {
    changed version article { id slug body } errors { field code }
  }
}"""
RETRACT = """mutation($id: ID!, $reason: String) {
  retractArticle(id: $id, reason: $reason) {
    retraction { articleId slug retractedAt reason } errors { field code }
  }
}"""
READ = """query($id: ID!) {
  article(id: $id) { id }
  facts(filter: {property: "deaths"}) { edges { node { disputed values { value } } } }
}"""


@pytest_asyncio.fixture
async def api(pool: asyncpg.Pool) -> AsyncIterator[httpx.AsyncClient]:
    async with api_client(pool) as client:
        yield client


async def _graphql(
    client: httpx.AsyncClient, query: str, headers: dict[str, str] | None = None, **variables: Any
) -> dict[str, Any]:
    response = await client.post(
        "/graphql", json={"query": query, "variables": variables}, headers=headers
    )
    assert response.status_code == 200, response.text
    payload: dict[str, Any] = response.json()
    return payload


async def _post(client: httpx.AsyncClient, text: str, outlet: str) -> str:
    answer = await client.post(
        "/api/v1/articles", json={"text": text, "outlet": outlet}, headers=AUTH
    )
    assert answer.status_code == 201, answer.text
    article_id: str = answer.json()["id"]
    return article_id


async def test_correct_then_retract(api: httpx.AsyncClient, pool: asyncpg.Pool) -> None:
    daily = await _post(api, TOLL_12, "Daily")
    weekly = await _post(api, TOLL_15_LATER, "Weekly")

    corrected = await _graphql(
        api, CORRECT, AUTH, id=daily, input={"text": TOLL_15, "reason": "toll was 15"}
    )
    payload = corrected["data"]["correctArticle"]
    assert payload["errors"] == []
    assert payload["changed"]
    assert payload["version"] == 2
    assert payload["article"]["id"] == daily
    assert "15 people" in payload["article"]["body"]
    read = await _graphql(api, READ, id=daily)
    facts = read["data"]["facts"]["edges"]
    assert [(f["node"]["disputed"], f["node"]["values"]) for f in facts] == [
        (False, [{"value": 15.0}])
    ]

    retracted = await _graphql(api, RETRACT, AUTH, id=weekly, reason="unsourced")
    tombstone = retracted["data"]["retractArticle"]["retraction"]
    assert tombstone["articleId"] == weekly
    assert tombstone["reason"] == "unsourced"
    gone = await _graphql(api, READ, id=weekly)
    assert gone["data"]["article"] is None
    [error] = gone["errors"]
    assert error["path"] == ["article"]
    assert error["extensions"]["code"] == "article_retracted"
    assert error["extensions"]["reason"] == "unsourced"
    assert error["extensions"]["retractedAt"] == tombstone["retractedAt"]
    assert gone["data"]["facts"]["edges"][0]["node"]["values"] == [{"value": 15.0}]

    again = await _graphql(api, RETRACT, AUTH, id=weekly)
    assert again["data"]["retractArticle"]["errors"] == [
        {"field": "id", "code": "article_retracted"}
    ]
    async with pool.acquire() as conn:
        actions = [
            r["action"] for r in await conn.fetch("SELECT action FROM audit_log ORDER BY id")
        ]
    assert actions == ["correct", "retract"]


async def test_refusals_change_nothing(api: httpx.AsyncClient, pool: asyncpg.Pool) -> None:
    daily = await _post(api, TOLL_12, "Daily")
    no_key = await _graphql(api, RETRACT, id=daily)
    assert no_key["data"]["retractArticle"]["errors"] == [{"field": None, "code": "unauthorized"}]
    no_key = await _graphql(api, CORRECT, id=daily, input={"text": TOLL_15})
    assert no_key["data"]["correctArticle"]["errors"] == [{"field": None, "code": "unauthorized"}]
    empty = await _graphql(api, CORRECT, AUTH, id=daily, input={"text": "  "})
    assert empty["data"]["correctArticle"]["errors"] == [
        {"field": "input.text", "code": "empty_article"}
    ]
    bad_id = await _graphql(api, RETRACT, AUTH, id="nope")
    assert bad_id["data"]["retractArticle"]["errors"] == [{"field": "id", "code": "invalid_id"}]
    long_reason = await _graphql(api, RETRACT, AUTH, id=daily, reason="x" * 1001)
    assert long_reason["data"]["retractArticle"]["errors"] == [
        {"field": "reason", "code": "invalid_argument"}
    ]
    async with pool.acquire() as conn:
        assert await conn.fetchval("SELECT count(*) FROM audit_log") == 0
        assert await conn.fetchval("SELECT version FROM articles") == 1
        assert await conn.fetchval("SELECT retracted_at FROM articles") is None
