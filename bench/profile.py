"""Where a request's time goes: the benchmark queries through the real app, in process.

Runs each query through the ASGI app (no HTTP server, no response cache) against a loaded
database, reports milliseconds per request, and with --profile the top functions by
cumulative and own time (cProfile).

    .venv/bin/python -m bench.profile --dsn postgresql://... --queries Q2 Q4 --repeat 50
    .venv/bin/python -m bench.profile --dsn ... --queries Q2 --profile
"""

from __future__ import annotations

import argparse
import asyncio
import cProfile
import pstats
import time
from typing import Any

import httpx

from bench.queries import QUERIES, variables
from bench.run import pick_params
from service.app import create_app
from service.config import Settings
from service.db.pool import create_pool
from service.lifespan import tune_garbage_collector


async def measure(dsn: str, names: list[str], repeat: int, profile: bool, sql: bool) -> None:
    params = await pick_params(dsn)
    statements: list[Any] = []
    pool = await create_pool(dsn, max_size=4, query_logger=statements.append if sql else None)
    try:
        app = create_app(Settings(factdesk_load_seeds=False, factdesk_response_cache=False))
        app.state.pool = pool
        tune_garbage_collector()  # as the lifespan does in `factdesk serve`
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://bench") as client:
            for q in QUERIES:
                if q.name not in names:
                    continue
                body: dict[str, Any] = {
                    "query": q.factdesk,
                    "variables": variables(q, params, postgraphile=False),
                }
                first = await client.post("/graphql", json=body)  # warm the caches
                assert "errors" not in first.json(), first.text[:300]
                statements.clear()
                await client.post("/graphql", json=body)
                for record in statements:
                    text = " ".join(record.query.split())[:150]
                    print(f"  {record.elapsed * 1000:7.2f} ms  {text}")
                profiler = cProfile.Profile()
                started = time.perf_counter()
                if profile:
                    profiler.enable()
                for _ in range(repeat):
                    await client.post("/graphql", json=body)
                if profile:
                    profiler.disable()
                per_request = (time.perf_counter() - started) / repeat * 1000
                print(f"{q.name}: {per_request:.2f} ms/request, {len(first.content):,} bytes")
                if profile:
                    stats = pstats.Stats(profiler).strip_dirs()
                    stats.sort_stats("tottime").print_stats(25)
    finally:
        await pool.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dsn", required=True)
    parser.add_argument("--queries", nargs="+", default=[q.name for q in QUERIES])
    parser.add_argument("--repeat", type=int, default=30)
    parser.add_argument("--profile", action="store_true", help="print cProfile's top functions")
    parser.add_argument("--sql", action="store_true", help="print each statement and its time")
    args = parser.parse_args()
    asyncio.run(measure(args.dsn, args.queries, args.repeat, args.profile, args.sql))


if __name__ == "__main__":
    main()
