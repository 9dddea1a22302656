"""Figures in value order with and without the index on figures (value, id)
(migration 2026_12_11_figures_by_value), rounds alternating, on a database of your own:
it drops and creates that index (never run it on a shared corpus).

    .venv/bin/python -m bench.figures_by_value --dsn postgresql://... [--repeat 20 --rounds 3]

Per round and index state: wall ms per request of a first page both ways and of the page
after a cursor, compiled (one statement) and by the executor (FACTDESK_SQL_TREES=false),
in process, no response cache; the answers of both states are compared byte for byte.
"""

from __future__ import annotations

import argparse
import asyncio
import time
from typing import Any

import asyncpg
import httpx

from service.app import create_app
from service.config import Settings
from service.db.pool import create_pool

PAGE = """query($after: String, $direction: OrderDirection!) {
    figures(first: 20, after: $after, orderBy: {field: VALUE, direction: $direction}) {
    pageInfo { endCursor } edges { node { id value unit text property } } } }"""
INDEX = "figures_value_idx"


async def _index(dsn: str, *, present: bool) -> float:
    conn = await asyncpg.connect(dsn)
    started = time.perf_counter()
    try:
        if present:
            await conn.execute(f"CREATE INDEX IF NOT EXISTS {INDEX} ON figures (value, id)")
        else:
            await conn.execute(f"DROP INDEX IF EXISTS {INDEX}")
        await conn.execute("ANALYZE figures")
    finally:
        await conn.close()
    return time.perf_counter() - started


async def _cases(client: httpx.AsyncClient) -> dict[str, dict[str, Any]]:
    first = await client.post("/graphql", json={"query": PAGE, "variables": {"direction": "DESC"}})
    cursor = first.json()["data"]["figures"]["pageInfo"]["endCursor"]
    return {
        "first page DESC": {"direction": "DESC"},
        "first page ASC": {"direction": "ASC"},
        "after a cursor DESC": {"direction": "DESC", "after": cursor},
    }


async def _apps(dsn: str) -> tuple[asyncpg.Pool, dict[str, httpx.AsyncClient]]:
    """A compiling app and an executor over a new pool: prepared statements planned before
    the index came or went would keep their old plans' costs (PostgreSQL's plan cache)."""
    pool = await create_pool(dsn, max_size=2)
    clients = {}
    for compiling in (True, False):
        settings = Settings(
            factdesk_load_seeds=False, factdesk_response_cache=False, factdesk_sql_trees=compiling
        )
        app = create_app(settings)
        app.state.pool = pool
        transport = httpx.ASGITransport(app=app)
        name = "compiled" if compiling else "executor"
        clients[name] = httpx.AsyncClient(transport=transport, base_url="http://bench")
    return pool, clients


async def measure(dsn: str, repeat: int, rounds: int) -> None:
    answers: dict[tuple[str, str], bytes] = {}
    cases: dict[str, dict[str, Any]] = {}
    try:
        for n in range(rounds):
            for present in (False, True):
                seconds = await _index(dsn, present=present)
                state = "with index" if present else "without"
                pool, clients = await _apps(dsn)
                try:
                    cases = cases or await _cases(clients["compiled"])
                    for path, client in clients.items():
                        for case, variables in cases.items():
                            body = {"query": PAGE, "variables": variables}
                            answer = (await client.post("/graphql", json=body)).content  # warm
                            assert b'"errors"' not in answer, answer[:300]
                            previous = answers.setdefault((path, case), answer)
                            assert previous == answer, (path, case, state)
                            started = time.perf_counter()
                            for _ in range(repeat):
                                await client.post("/graphql", json=body)
                            ms = (time.perf_counter() - started) / repeat * 1000
                            print(f"round {n + 1} {state:10} {path:8} {case:20} {ms:8.2f} ms")
                finally:
                    for client in clients.values():
                        await client.aclose()
                    await pool.close()
                print(f"round {n + 1} {state}: index set in {seconds:.1f} s", flush=True)
    finally:
        await _index(dsn, present=True)  # as the migration leaves it


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dsn", required=True)
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    asyncio.run(measure(args.dsn, args.repeat, args.rounds))


if __name__ == "__main__":
    main()
