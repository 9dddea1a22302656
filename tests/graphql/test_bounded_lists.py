"""Every plain list of the contract takes `first` (0 to 100, with a default in the schema)
and returns the start of the same list, whether the SQL tree or the resolvers answer."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import asyncpg
import httpx
import pytest
import pytest_asyncio

from service.app import create_app
from service.config import Settings
from service.db.selection import Pick
from service.db.trees import tree_sql
from service.relations import FACTS_BOUND, SOURCES_BOUND, VALUES_BOUND
from tests.graphql.test_articles import gql

# (query with FIRST where each list's `first` goes, the path to the lists below data)
ARTICLE_LISTS = """{ articles(first: 3) { edges { node {
    quotes FIRST { text otherReports FIRST { id } }
    figures FIRST { text }
    entities FIRST { name }
    mentions FIRST { text }
    publications FIRST { url }
} } } }"""
# Only what one SQL statement answers (service/db/trees.py), when trees are on.
ARTICLE_TREE = """{ articles(first: 3) { edges { node {
    quotes FIRST { text } publications FIRST { url } } } } }"""
ENTITY_LISTS = """{ entity(name: "Kazakhstan") { facts FIRST { label
    values FIRST { value sources FIRST { excerpt } }
} } }"""
REPORTS = """{ entity(name: "Kazakhstan") { facts FIRST { reports FIRST { text } } } }"""
OUTLETS = "{ outlets FIRST { name } }"


@pytest_asyncio.fixture
async def clients(seeded_pool: asyncpg.Pool) -> AsyncIterator[dict[bool, httpx.AsyncClient]]:
    """Two apps on the seeds: one answering trees in one statement, one by resolvers."""
    found = {}
    for trees in (True, False):
        app = create_app(
            Settings(
                factdesk_load_seeds=False,
                factdesk_response_cache=False,
                factdesk_sql_trees=trees,
                factdesk_graphql_max_cost=10_000_000,  # whole lists, to compare with
            )
        )
        app.state.pool = seeded_pool
        found[trees] = httpx.AsyncClient(
            transport=httpx.ASGITransport(app=app), base_url="http://t"
        )
    yield found
    for client in found.values():
        await client.aclose()


def _cut(value: Any, first: int, key: str = "") -> Any:
    """The answer as it would be with every plain list of objects (not the page of
    articles) cut to its first `first`."""
    if isinstance(value, dict):
        return {k: _cut(v, first, k) for k, v in value.items()}
    if isinstance(value, list) and value and isinstance(value[0], dict):
        kept = value if key == "edges" else value[:first]
        return [_cut(v, first) for v in kept]
    return value


def _longest(value: Any) -> int:
    if isinstance(value, dict):
        return max((_longest(v) for v in value.values()), default=0)
    if isinstance(value, list) and value and isinstance(value[0], dict):
        return max(len(value), *(_longest(v) for v in value))
    return 0


@pytest.mark.parametrize("query", [ARTICLE_LISTS, ARTICLE_TREE, ENTITY_LISTS, REPORTS, OUTLETS])
@pytest.mark.parametrize("trees", [True, False])
async def test_first_returns_the_start_of_each_list(
    clients: dict[bool, httpx.AsyncClient], query: str, trees: bool
) -> None:
    client = clients[trees]
    whole = await gql(client, query.replace("FIRST", "(first: 100)"))
    assert _longest(whole) > 2  # there is something to cut
    for first in (0, 2):
        cut = await gql(client, query.replace("FIRST", f"(first: {first})"))
        assert cut == _cut(whole, first)


async def test_a_list_without_first_returns_its_default_bound(
    clients: dict[bool, httpx.AsyncClient],
) -> None:
    whole = await gql(clients[False], ENTITY_LISTS.replace("FIRST", "(first: 100)"))
    default = await gql(clients[False], ENTITY_LISTS.replace("FIRST", ""))
    facts = whole["entity"]["facts"]
    assert len(facts) > 2
    assert default["entity"]["facts"] == [
        {
            **fact,
            "values": [
                {**value, "sources": value["sources"][:SOURCES_BOUND]}
                for value in fact["values"][:VALUES_BOUND]
            ],
        }
        for fact in facts[:FACTS_BOUND]
    ]


def test_the_statement_reads_each_list_up_to_its_bound() -> None:
    label = (Pick("label", "label"),)
    sources = Pick("sources", "sources", (Pick("excerpt", "excerpt"),))
    values = Pick("values", "values", (sources,))
    default = tree_sql("Entity", (Pick("facts", "facts", (*label, values)),), many=False)
    assert default is not None
    assert f"LIMIT {FACTS_BOUND})" in default
    assert f"LIMIT {VALUES_BOUND})" in default
    assert f".rn <= {SOURCES_BOUND})" in default
    asked = tree_sql("Entity", (Pick("facts", "facts", label, first=3),), many=False)
    assert asked is not None
    assert "LIMIT 3)" in asked


@pytest.mark.parametrize("first", [-1, 101])
async def test_first_out_of_range_is_refused(
    clients: dict[bool, httpx.AsyncClient], first: int
) -> None:
    response = await clients[True].post(
        "/graphql", json={"query": OUTLETS.replace("FIRST", f"(first: {first})")}
    )
    payload = response.json()
    assert payload["data"] is None
    assert payload["errors"][0]["extensions"]["code"] == "page_size_out_of_range"


async def test_first_from_a_variable_default_is_checked_too(
    clients: dict[bool, httpx.AsyncClient],
) -> None:
    query = 'query($n: Int! = 1000) { entity(name: "Kazakhstan") { facts(first: $n) { label } } }'
    payload = (await clients[True].post("/graphql", json={"query": query})).json()
    assert payload["data"] is None
    assert payload["errors"][0]["extensions"]["code"] == "page_size_out_of_range"
    within = (
        await clients[True].post(
            "/graphql", json={"query": query.replace("1000", "1"), "variables": {}}
        )
    ).json()
    assert len(within["data"]["entity"]["facts"]) == 1
