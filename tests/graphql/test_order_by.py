"""`orderBy` on articles, entities and facts: paging forwards and backwards through each
order, in pages small enough to cut through ties, gives exactly what ORDER BY gives."""

from __future__ import annotations

from pathlib import Path

import asyncpg
import httpx
import pytest

from service.app import create_app
from service.config import Settings
from service.ids import decode_id
from tests.graphql.test_articles import gql
from tests.graphql.test_round_trips import _ingest_variants

# Written here, not taken from service/db: the order each field should mean.
ORDERS = {
    ("articles", "PUBLISHED_AT"): (
        "articles",
        "coalesce(published_at, '-infinity'::timestamptz)",
        "retracted_at IS NULL",
    ),
    ("articles", "HEADLINE"): ("articles", "headline", "retracted_at IS NULL"),
    ("articles", "STORED"): ("articles", "id", "retracted_at IS NULL"),
    ("entities", "NAME"): ("entities", "name", "TRUE"),
    ("entities", "STORED"): ("entities", "id", "TRUE"),
    ("facts", "LABEL"): ("facts", "label", "TRUE"),
    ("facts", "PROPERTY"): ("facts", "property", "TRUE"),
    ("facts", "STORED"): ("facts", "id", "TRUE"),
    ("quotes", "STORED"): ("quotes", "id", "TRUE"),
    ("figures", "VALUE"): ("figures", "value", "TRUE"),
    ("figures", "STORED"): ("figures", "id", "TRUE"),
}
# Orders whose values repeat in this data (the same story's headline and time from several
# outlets, many facts of one property), so paging crosses ties.
TIED = {
    ("articles", "PUBLISHED_AT"),
    ("articles", "HEADLINE"),
    ("facts", "PROPERTY"),
    ("figures", "VALUE"),
}
PAGE = """query($first: Int, $last: Int, $after: String, $before: String) {
  ROOT(first: $first, last: $last, after: $after, before: $before,
       orderBy: {field: FIELD, direction: DIRECTION}) {
    totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    edges { cursor node { id } } } }"""


async def _walk(client: httpx.AsyncClient, query: str, root: str, *, backwards: bool) -> list[int]:
    """Every id of the list, in list order, read a page of 3 at a time."""
    ids: list[int] = []
    cursor: str | None = None
    while True:
        variables = {"last": 3, "before": cursor} if backwards else {"first": 3, "after": cursor}
        page = (await gql(client, query, **variables))[root]
        found = [decode_id(e["node"]["id"])[1] for e in page["edges"]]
        info = page["pageInfo"]
        assert len(found) <= 3
        ids = found + ids if backwards else ids + found
        if backwards:
            more, cursor = info["hasPreviousPage"], info["startCursor"]
        else:
            more, cursor = info["hasNextPage"], info["endCursor"]
        if not more:
            assert page["totalCount"] == len(ids)
            return ids


async def test_every_order_pages_both_ways_as_order_by_does(
    pool: asyncpg.Pool, seeds_dir: Path
) -> None:
    # The seeds twice over (one story by several outlets): ties in every order but id.
    await _ingest_variants(pool, seeds_dir, 8)
    app = create_app(Settings(factdesk_load_seeds=False, factdesk_response_cache=False))
    app.state.pool = pool
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
        for (root, field), (table, expression, live) in ORDERS.items():
            for direction in ("ASC", "DESC"):
                async with pool.acquire() as conn:
                    expected = [
                        r["id"]
                        for r in await conn.fetch(
                            f"SELECT id FROM {table} WHERE {live} "
                            f"ORDER BY {expression} {direction}, id {direction}"
                        )
                    ]
                    ties = await conn.fetchval(
                        f"SELECT count(*) - count(DISTINCT {expression}) FROM {table}"
                    )
                assert len(expected) > 6
                query = (
                    PAGE.replace("ROOT", root)
                    .replace("FIELD", field)
                    .replace("DIRECTION", direction)
                )
                where = f"{root} by {field} {direction}"
                assert await _walk(client, query, root, backwards=False) == expected, where
                assert await _walk(client, query, root, backwards=True) == expected, where
                if (root, field) in TIED:
                    assert ties > 0, where  # the tie-breaker was needed


@pytest.mark.parametrize(
    ("root", "other"),
    [("articles", "PUBLISHED_AT"), ("entities", "STORED"), ("facts", "PROPERTY")],
)
async def test_a_cursor_belongs_to_its_order(
    seeded_client: httpx.AsyncClient, root: str, other: str
) -> None:
    field = {"articles": "HEADLINE", "entities": "NAME", "facts": "LABEL"}[root]
    query = PAGE.replace("ROOT", root).replace("DIRECTION", "ASC")
    page = await gql(seeded_client, query.replace("FIELD", field), first=1)
    cursor = page[root]["pageInfo"]["endCursor"]
    response = await seeded_client.post(
        "/graphql",
        json={"query": query.replace("FIELD", other), "variables": {"after": cursor}},
    )
    error = response.json()["errors"][0]
    assert error["extensions"]["code"] == "invalid_cursor"
    # Nor does a cursor of the default order fit a chosen one.
    default = await gql(seeded_client, f"{{ {root}(first: 1) {{ pageInfo {{ endCursor }} }} }}")
    response = await seeded_client.post(
        "/graphql",
        json={
            "query": query.replace("FIELD", field),
            "variables": {"after": default[root]["pageInfo"]["endCursor"]},
        },
    )
    assert response.json()["errors"][0]["extensions"]["code"] == "invalid_cursor"
