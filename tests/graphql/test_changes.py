"""The change feed over /graphql: `changes(after:, first:)` pages every committed write."""

from __future__ import annotations

from collections.abc import AsyncIterator

import asyncpg
import httpx
import pytest_asyncio

from service.ids import encode_id
from tests.graphql.test_corrections import RETRACT, _graphql, _post
from tests.ingest.test_corrections import TOLL_12, TOLL_15_LATER
from tests.rest.conftest import AUTH, api_client

CHANGES = """query($after: String, $first: Int) {
  changes(after: $after, first: $first) {
    totalCount
    edges { cursor node { kind articleId factIds at } }
    pageInfo { hasNextPage hasPreviousPage endCursor }
  }
}"""


@pytest_asyncio.fixture
async def api(pool: asyncpg.Pool) -> AsyncIterator[httpx.AsyncClient]:
    async with api_client(pool) as client:
        yield client


async def test_changes_page_in_commit_order(api: httpx.AsyncClient, pool: asyncpg.Pool) -> None:
    daily = await _post(api, TOLL_12, "Daily")
    weekly = await _post(api, TOLL_15_LATER, "Weekly")
    await _graphql(api, RETRACT, AUTH, id=daily, reason="wrong toll")
    async with pool.acquire() as conn:
        fact = encode_id(
            "Fact", await conn.fetchval("SELECT id FROM facts WHERE property = 'deaths'")
        )
    first = (await _graphql(api, CHANGES, first=2))["data"]["changes"]
    assert first["totalCount"] == 3
    assert [(e["node"]["kind"], e["node"]["articleId"]) for e in first["edges"]] == [
        ("INGEST", daily),
        ("INGEST", weekly),
    ]
    assert first["edges"][0]["node"]["factIds"] == [fact]
    assert first["pageInfo"] == {
        "hasNextPage": True,
        "hasPreviousPage": False,
        "endCursor": first["edges"][1]["cursor"],
    }

    end = first["pageInfo"]["endCursor"]
    rest = (await _graphql(api, CHANGES, after=end, first=1))["data"]["changes"]
    assert [(e["node"]["kind"], e["node"]["articleId"]) for e in rest["edges"]] == [
        ("RETRACTION", daily)
    ]
    assert rest["pageInfo"]["hasNextPage"] is False
    assert rest["pageInfo"]["hasPreviousPage"] is True
    since = (await _graphql(api, CHANGES, after=rest["pageInfo"]["endCursor"]))["data"]
    assert since["changes"]["edges"] == []


async def test_changes_take_at_most_a_hundred(api: httpx.AsyncClient) -> None:
    answer = await _graphql(api, CHANGES, first=101)
    assert answer["errors"][0]["extensions"]["code"] == "page_size_out_of_range"
