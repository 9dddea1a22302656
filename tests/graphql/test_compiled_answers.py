"""Each query the compiled path leaves to the executor is counted once in /metrics, by why:
the document (not_compiled), its arguments, a failing statement, an answer too large."""

from __future__ import annotations

import base64
import re
from collections.abc import AsyncIterator, Mapping

import asyncpg
import httpx
import orjson
import pytest_asyncio

from service.app import create_app
from service.config import Settings
from service.metrics import FALLBACK_REASONS
from tests.graphql.compiled_apps import executed

SMALL_ANSWERS = 2_000  # bytes: the response cap of the app that answers too_large
COMPILED = "{ articles(first: 2) { edges { node { headline } } } }"
LARGE = "{ articles(first: 100) { edges { node { headline body } } } }"
BY_VALUE = """query($after: String) { figures(first: 2, after: $after,
    orderBy: {field: VALUE, direction: ASC}) { edges { node { value } } } }"""


@pytest_asyncio.fixture(scope="module")
async def clients(seeded_pool: asyncpg.Pool) -> AsyncIterator[dict[str, httpx.AsyncClient]]:
    """An app as served, and one whose response cap a page of article bodies passes."""
    made = {}
    for name, cap in (("served", None), ("capped", SMALL_ANSWERS)):
        settings = Settings(factdesk_load_seeds=False, factdesk_response_cache=False)
        if cap is not None:
            settings = settings.model_copy(update={"factdesk_graphql_max_response_bytes": cap})
        app = create_app(settings)
        app.state.pool = seeded_pool
        transport = httpx.ASGITransport(app=app)
        made[name] = httpx.AsyncClient(transport=transport, base_url="http://test")
    try:
        yield made
    finally:
        for client in made.values():
            await client.aclose()


async def fallbacks(client: httpx.AsyncClient) -> dict[str, float]:
    text = (await client.get("/metrics")).text
    found = {}
    for reason in FALLBACK_REASONS:
        line = re.search(
            rf'^factdesk_graphql_compiled_fallbacks_total{{reason="{reason}"}} (\S+)$',
            text,
            re.MULTILINE,
        )
        assert line is not None, reason
        found[reason] = float(line.group(1))
    return found


async def counted(
    client: httpx.AsyncClient, query: str, variables: Mapping[str, object] | None = None
) -> dict[str, float]:
    """What two requests of `query` (the second finds its plan known) added to each reason."""
    before = await fallbacks(client)
    for _ in range(2):
        response = await client.post("/graphql", json={"query": query, "variables": variables})
        assert response.status_code == 200, response.text
    after = await fallbacks(client)
    return {
        reason: after[reason] - before[reason]
        for reason in FALLBACK_REASONS
        if after[reason] != before[reason]
    }


def value_cursor(value: str) -> str:
    """A figures-by-value cursor as service.ids writes one, holding `value` as its key."""
    raw = orjson.dumps(["s", "VALUE", value, 1])
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


async def test_a_compiled_query_counts_nothing(clients: dict[str, httpx.AsyncClient]) -> None:
    assert await counted(clients["served"], COMPILED) == {}


async def test_each_fallback_is_counted_once_by_its_reason(
    clients: dict[str, httpx.AsyncClient],
) -> None:
    served = clients["served"]
    assert await counted(served, executed(COMPILED)) == {"not_compiled": 2}
    assert await counted(served, '{ fact(id: "nonsense") { label } }') == {"arguments": 2}
    # A value PostgreSQL cannot read as a float8: the statement fails, the executor reports it.
    failing = {"after": value_cursor("1e400")}
    assert await counted(served, BY_VALUE, failing) == {"statement_failed": 2}
    assert await counted(clients["capped"], LARGE) == {"too_large": 2}


async def test_mutations_are_not_fallbacks(clients: dict[str, httpx.AsyncClient]) -> None:
    mutation = 'mutation { retractArticle(id: "nonsense") { __typename } }'  # refused: no key
    assert await counted(clients["served"], mutation) == {}
