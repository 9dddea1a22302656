"""Relay backward paging: `last`/`before` walk every connection from its end, and meet the
pages `first`/`after` walk from its start."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from tests.graphql.test_articles import gql

PAGE = "pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { cursor node { %s } }"

# Root connections and one nested connection of each loader, with a field to tell nodes
# apart; `{args}` takes the paging arguments.
CONNECTIONS = {
    "articles": ("{ c: articles({args}) { %s } }", "id"),
    "entities": ("{ c: entities({args}) { %s } }", "id"),
    "quotes": ("{ c: quotes({args}) { %s } }", "id"),
    "figures": ("{ c: figures({args}) { %s } }", "id"),
    "facts": ("{ c: facts({args}) { %s } }", "id"),
    "Entity.mentions": ('{ e: entity(name: "Tokayev") { c: mentions({args}) { %s } } }', "text"),
    "Entity.articles": ('{ e: entity(name: "Tokayev") { c: articles({args}) { %s } } }', "id"),
    "Entity.quotes": ('{ e: entity(name: "Tokayev") { c: quotes({args}) { %s } } }', "text"),
    "Outlet.articles": (
        '{ e: node(id: "{outlet}") { ... on Outlet { c: articles({args}) { %s } } } }',
        "id",
    ),
}
BUSIEST_OUTLET = "{ outlets { id articles { totalCount } } }"


async def _page(client: httpx.AsyncClient, name: str, args: str) -> dict[str, Any]:
    template, field = CONNECTIONS[name]
    if "{outlet}" in template:
        outlets = (await gql(client, BUSIEST_OUTLET))["outlets"]
        busiest = max(outlets, key=lambda o: o["articles"]["totalCount"])
        template = template.replace("{outlet}", busiest["id"])
    data = await gql(client, template.replace("{args}", args) % (PAGE % field))
    connection: dict[str, Any] = data.get("e", data)["c"]
    return connection


def _keys(connection: dict[str, Any]) -> list[str]:
    return [edge["cursor"] for edge in connection["edges"]]


@pytest.mark.parametrize("name", sorted(CONNECTIONS))
async def test_last_and_before_walk_the_list_backwards(
    seeded_client: httpx.AsyncClient, name: str
) -> None:
    whole = _keys(await _page(seeded_client, name, "first: 100"))
    # Enough to page through (each seed outlet publishes one article: Entity.articles reads
    # pages of articles per parent the same way).
    assert len(whole) >= (1 if name == "Outlet.articles" else 2), name
    size = 2 if len(whole) > 2 else 1
    walked: list[str] = []
    before = None
    pages = 0
    while True:
        args = f"last: {size}" + (f', before: "{before}"' if before else "")
        page = await _page(seeded_client, name, args)
        keys = _keys(page)
        info = page["pageInfo"]
        assert info["hasNextPage"] is (before is not None)
        walked = keys + walked
        pages += 1
        if not info["hasPreviousPage"]:
            break
        assert keys
        assert info["startCursor"] == keys[0]
        assert info["endCursor"] == keys[-1]
        before = info["startCursor"]
    assert walked == whole
    assert pages == -(-len(whole) // size)


async def test_after_and_before_together_bound_a_slice(seeded_client: httpx.AsyncClient) -> None:
    whole = _keys(await _page(seeded_client, "articles", "first: 100"))
    inside = f'after: "{whole[0]}", before: "{whole[-1]}"'
    assert _keys(await _page(seeded_client, "articles", f"first: 100, {inside}")) == whole[1:-1]
    assert _keys(await _page(seeded_client, "articles", f"last: 2, {inside}")) == whole[-3:-1]


async def test_first_and_last_together_are_refused(seeded_client: httpx.AsyncClient) -> None:
    response = await seeded_client.post(
        "/graphql", json={"query": "{ articles(first: 2, last: 2) { totalCount } }"}
    )
    error = response.json()["errors"][0]
    assert error["extensions"]["code"] == "BAD_USER_INPUT"
    assert "not both" in error["message"]


@pytest.mark.parametrize("last", [-1, 101])
async def test_last_out_of_range_is_refused(seeded_client: httpx.AsyncClient, last: int) -> None:
    query = "query($n: Int) { entities(last: $n) { totalCount } }"
    response = await seeded_client.post("/graphql", json={"query": query, "variables": {"n": last}})
    error = response.json()["errors"][0]
    assert error["extensions"]["code"] == "page_size_out_of_range"
    assert "`last`" in error["message"]


async def test_last_counts_towards_the_cost(seeded_client: httpx.AsyncClient) -> None:
    nested = (
        "{ entities(last: 100) { edges { node { quotes(last: 100) { edges { node { %s } } } } } } }"
    )
    deep = "speaker { mentions(last: 100) { totalCount } }"
    response = await seeded_client.post("/graphql", json={"query": nested % deep})
    assert response.json()["errors"][0]["extensions"]["code"] == "query_too_costly"


async def test_a_bad_before_cursor_names_before(seeded_client: httpx.AsyncClient) -> None:
    response = await seeded_client.post(
        "/graphql", json={"query": '{ facts(last: 2, before: "nope") { totalCount } }'}
    )
    error = response.json()["errors"][0]
    assert error["extensions"]["code"] == "invalid_cursor"
    assert error["extensions"].get("field") == "before"
