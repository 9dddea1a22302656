"""SQL round trips per request do not grow with the number of articles in the page."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import asyncpg
import httpx

from service.app import create_app
from service.config import Settings
from service.db.pool import create_pool
from service.ingest.model import ArticleMeta
from service.ingest.pipeline import ingest_article
from tests.copies import revised

NESTED = """query($first: Int) { articles(first: $first) { totalCount edges { node {
    headline outlet { name } originalSource { name }
    quotes(first: 5) { text speaker { name aliases } otherReports(first: 3) { id } }
    figures(first: 10) { text subject { name } fact { label values(first: 5) { value
        sources(first: 5) { outlet { name } excerpt attributedTo { name } } } } }
    entities(first: 20) { name kind }
} } } }"""


async def _ingest_variants(pool: asyncpg.Pool, seeds_dir: Path, count: int) -> None:
    texts = [p.read_text(encoding="utf-8") for p in sorted(seeds_dir.glob("*.txt"))]  # noqa: ASYNC240
    for n in range(count):
        await ingest_article(
            pool, revised(texts[n % len(texts)], n), ArticleMeta(outlet=f"Outlet {n % 7}")
        )


def _is_connection_setup(query: str) -> bool:
    # asyncpg's own per-connection queries (type introspection, JIT switch) happen once per
    # new connection, not per request.
    return "typeinfo_tree" in query or "'jit'" in query


async def _round_trips(dsn: str, first: int) -> tuple[int, dict[str, Any]]:
    queries: list[str] = []

    def log(record: Any) -> None:
        if not _is_connection_setup(record.query):
            queries.append(record.query)

    pool = await create_pool(dsn, max_size=4, query_logger=log)
    try:
        # One slice for the whole answer: a pause lets a loader's batch go before all its
        # keys are in (pacing.py), which a loaded machine would make happen at random.
        settings = Settings(factdesk_load_seeds=False, factdesk_graphql_completion_slice=60.0)
        app = create_app(settings)
        app.state.pool = pool
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
            response = await client.post(
                "/graphql", json={"query": NESTED, "variables": {"first": first}}
            )
    finally:
        await pool.close()
    payload = response.json()
    assert "errors" not in payload, payload
    return len(queries), payload["data"]


async def test_round_trips_constant_in_list_size(
    pool: asyncpg.Pool, test_dsn: str, seeds_dir: Path
) -> None:
    await _ingest_variants(pool, seeds_dir, 50)
    small, small_data = await _round_trips(test_dsn, 5)
    large, large_data = await _round_trips(test_dsn, 50)
    assert len(small_data["articles"]["edges"]) == 5
    assert len(large_data["articles"]["edges"]) == 50
    figures = sum(len(e["node"]["figures"]) for e in large_data["articles"]["edges"])
    assert figures > 50  # the nested lists are really there
    # Loaders batch per level, so the count depends on the query's depth, not on the list
    # length; a larger page can only hit the per-request cache more (fewer batches).
    assert large <= small, f"{small} round trips for 5 articles, {large} for 50"
    assert small <= 20
