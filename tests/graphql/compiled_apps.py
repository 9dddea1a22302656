"""The two apps the compiled-vs-executor tests compare, over one pool, and the ids they
draw queries from (shared by test_compiled and test_compiled_corpus)."""

from __future__ import annotations

import datetime as dt
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import asyncpg
import httpx

from service.app import create_app
from service.config import Settings

MICRO = dt.timedelta(microseconds=1)
IDS_QUERY = (
    "{ facts(first: 100) { edges { node { id } } }"
    " entities(first: 100) { edges { node { id name } } }"
    " articles(first: 100) { edges { cursor node { publishedAt } } } }"
)


@asynccontextmanager
async def compiled_and_executed(
    pool: asyncpg.Pool, compiled_pool: asyncpg.Pool | None = None
) -> AsyncIterator[dict[bool, httpx.AsyncClient]]:
    """Clients of an app that compiles (True) and one that only executes (False), no
    response cache; the compiling one reads through `compiled_pool` when given (one that
    logs the statements it sends, say)."""
    clients = {}
    for compiling in (True, False):
        app = create_app(
            Settings(
                factdesk_load_seeds=False,
                factdesk_response_cache=False,
                factdesk_sql_trees=compiling,
            )
        )
        app.state.pool = compiled_pool if compiling and compiled_pool is not None else pool
        transport = httpx.ASGITransport(app=app)
        clients[compiling] = httpx.AsyncClient(transport=transport, base_url="http://test")
    try:
        yield clients
    finally:
        for client in clients.values():
            await client.aclose()


async def known_ids(client: httpx.AsyncClient) -> dict[str, Any]:
    """The first 100 facts, entities and article cursors, as the executor answers them."""
    response = await client.post("/graphql", json={"query": IDS_QUERY})
    data: dict[str, Any] = response.json()["data"]
    return data


def id_lists(found: dict[str, Any]) -> dict[str, list[str]]:
    """Fact ids, entity ids and names, article cursors of ``known_ids``, and times to ask
    `asOf` (each publication's and the moment before it, one before all, one without a
    zone)."""
    entities = [e["node"] for e in found["entities"]["edges"]]
    published = {
        dt.datetime.fromisoformat(e["node"]["publishedAt"])
        for e in found["articles"]["edges"]
        if e["node"]["publishedAt"]
    }
    moments = sorted({t + step for t in published for step in (-MICRO, dt.timedelta(0))})
    return {
        "fact": [e["node"]["id"] for e in found["facts"]["edges"]],
        "entity_id": [e["id"] for e in entities],
        "entity_name": [e["name"] for e in entities],
        "cursor": [e["cursor"] for e in found["articles"]["edges"]],
        "as_of": [m.isoformat() for m in moments] + ["2000-01-01T00:00:00Z", "2025-06-01T00:00:00"],
    }


# More @include variables than the compiler plans for (service/graphql/shapes.MAX_CONDITIONS):
# a document holding them is the executor's whatever its roots (every root is compiled now).
_CONDITIONS = ("a", "b", "c", "d")


def executed(query: str) -> str:
    """`query` (`{ ... }` or `query($x: ...) { ... }`), answered by the executor: four
    @include variables (default true) on a root `__typename` each."""
    declared = ", ".join(f"$executed_{c}: Boolean = true" for c in _CONDITIONS)
    kept = " ".join(f"__typename @include(if: $executed_{c})" for c in _CONDITIONS)
    if query.startswith("{"):
        return f"query({declared}) {{ {kept} {query[1:]}"
    head, _, rest = query.partition("(")
    arguments, _, body = rest.partition(") {")
    return f"{head}({arguments}, {declared}) {{ {kept} {body}"
