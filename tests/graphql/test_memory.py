"""A request's rows go when its answer is written, not at the next full collection."""

from __future__ import annotations

import gc

import asyncpg
import httpx

from service.app import create_app
from service.config import Settings
from service.db import rows

QUERY = """{ entity(name: "Tokayev") { facts { values { value sources { excerpt
    article { headline } attributedTo { name } } } } } }"""


async def test_loaded_rows_are_not_left_to_the_cycle_collector(
    seeded_pool: asyncpg.Pool,
) -> None:
    # The loaders' rows: the figures, their articles and outlets. (The root entity's row
    # stays with graphql-core's execution context, which refers to itself.)
    row_types = (rows.FigureRow, rows.ArticleRow, rows.OutletRow, rows.FactRow)
    # Without the response cache: every request executes.
    app = create_app(Settings(factdesk_load_seeds=False, factdesk_response_cache=False))
    app.state.pool = seeded_pool
    client = httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://test")
    await client.post("/graphql", json={"query": QUERY})  # warm: caches, pool
    gc.collect()
    gc.disable()
    gc.set_debug(gc.DEBUG_SAVEALL)
    try:
        for _ in range(3):  # the last request's objects may still be held by the client
            response = await client.post("/graphql", json={"query": QUERY})
        gc.collect()
        left = [o for o in gc.garbage if isinstance(o, row_types)]
    finally:
        await client.aclose()
        gc.set_debug(0)
        gc.garbage.clear()
        gc.enable()
    assert response.json()["data"]["entity"]["facts"]  # the rows were really loaded
    assert left == []
