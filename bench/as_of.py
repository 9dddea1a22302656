"""What `asOf`, value times and history cost: the most reported fact of a corpus, asked
in-process through the real app (no HTTP server, no wrk), now and as of a past time.

A relative measurement within one run: each request shape is timed the same way on the
same data, and compared with Q3 (the fact with its values and sources) asked now.

    .venv/bin/python -m bench.as_of --size 1000 --requests 200
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import statistics
import time

import httpx

from bench.corpus import Generator
from service.app import create_app
from service.config import REPO_ROOT, Settings
from service.db import migrate
from service.db.pool import create_pool
from service.db.scratch import environment_dsn, recreate_database, scratch_server
from service.ids import encode_id
from service.ingest.model import ArticleMeta
from service.ingest.pipeline import ingest_article
from service.ingest.seeds import load_seeds

VALUES = """values { value text sources { outlet { name } excerpt attributedTo { name }
    article { headline publishedAt } } }"""
SHAPES = {
    "Q3 now": f"query($id: ID!) {{ fact(id: $id) {{ label disputed {VALUES} }} }}",
    "Q3 + times (one statement)": f"""query($id: ID!) {{ fact(id: $id) {{ label disputed
        firstReportedAt updatedAt values {{ firstReportedAt lastReportedAt }} {VALUES} }} }}""",
    "Q3 asOf (middle of its reports)": f"""query($id: ID!, $at: DateTime) {{
        fact(id: $id, asOf: $at) {{ label disputed {VALUES} }} }}""",
    "Q3 asOf + times": f"""query($id: ID!, $at: DateTime) {{ fact(id: $id, asOf: $at) {{
        label disputed firstReportedAt updatedAt values {{ firstReportedAt lastReportedAt }}
        {VALUES} }} }}""",
    "history (first 100)": """query($id: ID!) { fact(id: $id) { history(first: 100) {
        edges { node { at kind value outlet reason by } } } } }""",
}
# Asked of the executor as well (FACTDESK_SQL_TREES=false): what the statement saves.
BY_EXECUTOR = ("Q3 now", "Q3 asOf (middle of its reports)", "Q3 asOf + times")


async def _load(dsn: str, size: int) -> None:
    pool = await create_pool(dsn, min_size=1, max_size=4)
    try:
        await load_seeds(pool, REPO_ROOT / "seeds")
        gen = Generator()
        for index in range(size):
            item = gen.article(index)
            meta = ArticleMeta(
                outlet=item["outlet"],
                headline=item["headline"],
                published_at=dt.datetime.fromisoformat(item["published_at"]),
            )
            await ingest_article(pool, item["text"], meta)
    finally:
        await pool.close()


async def _measure(dsn: str, requests: int) -> None:
    pool = await create_pool(dsn, min_size=1, max_size=4)
    async with pool.acquire() as conn:
        row = await conn.fetchrow(
            """
            SELECT g.fact_id, count(*), percentile_disc(0.5) WITHIN GROUP (
                ORDER BY coalesce(p.published_at, p.received_at))
            FROM figures g JOIN publications p ON p.article_id = g.article_id
            WHERE g.fact_id IS NOT NULL
            GROUP BY g.fact_id ORDER BY count(*) DESC LIMIT 1
            """
        )
    assert row is not None, "the corpus has facts"
    fact_id, reports, middle = row
    variables = {"id": encode_id("Fact", fact_id), "at": middle.isoformat()}
    print(f"fact {fact_id}: {reports} reports; asOf {middle.isoformat()}")
    base = None
    for compiling in (True, False):
        app = create_app(
            Settings(
                factdesk_load_seeds=False,
                factdesk_response_cache=False,
                factdesk_sql_trees=compiling,
            )
        )
        app.state.pool = pool
        shapes = SHAPES if compiling else {n: SHAPES[n] for n in BY_EXECUTOR}
        client = httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://b")
        for name, query in shapes.items():
            body = {"query": query, "variables": variables}
            for _ in range(10):  # warm: plans, caches
                answer = await client.post("/graphql", json=body)
                assert "errors" not in answer.json(), answer.text
            times = []
            for _ in range(requests):
                started = time.perf_counter()
                await client.post("/graphql", json=body)
                times.append((time.perf_counter() - started) * 1000)
            times.sort()
            p50, p95 = statistics.median(times), times[int(len(times) * 0.95) - 1]
            base = base or p50
            label = name if compiling else f"{name}, executor"
            print(f"| {label} | {p50:.2f} | {p95:.2f} | {p50 / base:.2f} |")
        await client.aclose()
    await pool.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--size", type=int, default=1000, help="corpus articles to ingest")
    parser.add_argument("--requests", type=int, default=200, help="timed requests per shape")
    args = parser.parse_args()
    with scratch_server(environment_dsn(), prefix="factdesk-bench-as-of-") as server:
        dsn = asyncio.run(recreate_database(server, "factdesk_bench_as_of"))
        migrate.upgrade(dsn)
        started = time.perf_counter()
        asyncio.run(_load(dsn, args.size))
        print(f"loaded seeds + {args.size} articles in {time.perf_counter() - started:.0f} s")
        print("| request | p50 ms | p95 ms | p50 / Q3 now |\n|---|---:|---:|---:|")
        asyncio.run(_measure(dsn, args.requests))


if __name__ == "__main__":
    main()
