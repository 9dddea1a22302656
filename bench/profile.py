"""Where a request's time goes: the benchmark queries through the real app, in process.

Runs each query through the ASGI app (no HTTP server, no response cache) against a loaded
database, reports milliseconds per request, and with --profile the top functions by
cumulative and own time (cProfile). With --ingest N it POSTs N new synthetic articles to
/api/v1/articles instead, one after another, and reports milliseconds per article.

    .venv/bin/python -m bench.profile --dsn postgresql://... --queries Q2 Q4 --repeat 50
    .venv/bin/python -m bench.profile --dsn ... --queries Q2 --profile
    .venv/bin/python -m bench.profile --dsn ... --queries Q1 --repeat 1000 --pstats /tmp/q1
        (also writes /tmp/q1-Q1.pstats and prints own time grouped by package)
    .venv/bin/python -m bench.profile --dsn ... --ingest 200 --profile
"""

from __future__ import annotations

import argparse
import asyncio
import cProfile
import pstats
import time
from typing import Any

import httpx

from bench.corpus import Generator
from bench.queries import QUERIES, variables
from bench.run import API_KEY, ingest_body, pick_params
from service.app import create_app
from service.config import Settings
from service.db.pool import create_pool
from service.lifespan import tune_garbage_collector


def _report(profiler: cProfile.Profile | None) -> None:
    if profiler is not None:
        stats = pstats.Stats(profiler).strip_dirs()
        stats.sort_stats("tottime").print_stats(25)
        stats.sort_stats("cumulative").print_stats(25)


async def ingest(dsn: str, count: int, profile: bool) -> None:
    """`count` new articles through POST /api/v1/articles, in process, one at a time."""
    gen = Generator()
    first = 20_000_000 + int(time.time()) % 1_000_000 * 1000  # never seen before
    items = [gen.article(first + i) for i in range(count)]
    pool = await create_pool(dsn, max_size=4)
    try:
        app = create_app(
            Settings(factdesk_load_seeds=False, factdesk_api_keys=API_KEY)  # type: ignore[arg-type]
        )
        app.state.pool = pool
        tune_garbage_collector()
        headers = {"Authorization": f"Bearer {API_KEY}"}
        transport = httpx.ASGITransport(app=app)
        profiler = cProfile.Profile() if profile else None
        async with httpx.AsyncClient(transport=transport, base_url="http://bench") as client:
            started = time.perf_counter()
            if profiler is not None:
                profiler.enable()
            for item in items:
                body = ingest_body(item)
                response = await client.post("/api/v1/articles", json=body, headers=headers)
                assert response.status_code in (200, 201), response.text[:300]
            if profiler is not None:
                profiler.disable()
            seconds = time.perf_counter() - started
        print(f"ingest: {seconds / count * 1000:.2f} ms/article, {count / seconds:.1f} articles/s")
        _report(profiler)
    finally:
        await pool.close()


def _by_package(stats: pstats.Stats, requests: int) -> None:
    """cProfile's own time per request, grouped by package (site-packages), Factdesk
    module, or standard library file: where a request's CPU goes, no function alone."""
    groups: dict[str, float] = {}
    for (file, _, function), row in stats.stats.items():  # type: ignore[attr-defined]
        own = row[2]
        if "site-packages/" in file:
            key = file.split("site-packages/")[1].split("/")[0]
        elif "/service/" in file:
            key = "service/" + file.split("/service/")[1]
        elif file == "~":
            key = "builtin " + function.split(" of ")[0]
        else:
            key = "stdlib " + file.rsplit("/", 1)[-1]
        groups[key] = groups.get(key, 0.0) + own
    total = sum(groups.values())
    for key, own in sorted(groups.items(), key=lambda kv: -kv[1])[:25]:
        print(f"{own / requests * 1000:8.3f} ms {own / total * 100:5.1f}%  {key}")


async def measure(
    dsn: str, names: list[str], repeat: int, profile: bool, sql: bool, save: str | None = None
) -> None:
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
                cpu_started = time.process_time()
                started = time.perf_counter()
                if profile:
                    profiler.enable()
                for _ in range(repeat):
                    await client.post("/graphql", json=body)
                if profile:
                    profiler.disable()
                per_request = (time.perf_counter() - started) / repeat * 1000
                # CPU of this process: the app's and the in-process client's (httpx).
                cpu = (time.process_time() - cpu_started) / repeat * 1000
                print(
                    f"{q.name}: {per_request:.2f} ms/request ({cpu:.2f} ms CPU), "
                    f"{len(first.content):,} bytes"
                )
                _report(profiler if profile else None)
                if profile and save:
                    profiler.dump_stats(f"{save}-{q.name}.pstats")
                    _by_package(pstats.Stats(profiler), repeat)
    finally:
        await pool.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dsn", required=True)
    parser.add_argument("--queries", nargs="+", default=[q.name for q in QUERIES])
    parser.add_argument("--repeat", type=int, default=30)
    parser.add_argument("--profile", action="store_true", help="print cProfile's top functions")
    parser.add_argument("--sql", action="store_true", help="print each statement and its time")
    parser.add_argument("--ingest", type=int, help="POST this many new articles instead")
    parser.add_argument("--pstats", help="with --profile: write PREFIX-Qn.pstats, group by package")
    args = parser.parse_args()
    if args.ingest:
        asyncio.run(ingest(args.dsn, args.ingest, args.profile))
    else:
        asyncio.run(
            measure(args.dsn, args.queries, args.repeat, args.profile, args.sql, args.pstats)
        )


if __name__ == "__main__":
    main()
