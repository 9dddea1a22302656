"""A fact page read on a loaded corpus: a fact with its values, when each was first and
last reported, and their first sources, asked through the real app in process (no HTTP
server), compiled. Reports milliseconds per request (p50, p95) and the compiled
statement's own time in PostgreSQL, for the most reported fact and one of median reports.

A relative measurement: run it before and after a change, on the same cluster, in the
same hour, and compare.

    .venv/bin/python -m bench.value_times --dsn DSN [--requests 200]
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import time

import httpx

from service.app import create_app
from service.config import Settings
from service.db.pool import create_pool
from service.graphql import compiler
from service.graphql.limits import GraphQLLimits
from service.graphql.schema import schema
from service.ids import encode_id

PAGE = """query($id: ID!) { fact(id: $id) { label firstReportedAt updatedAt
    values { value text firstReportedAt lastReportedAt
        sources(first: 3) { excerpt outlet { name } article { headline } } } } }"""
# The facts asked: the most reported, and the one at the median of reports.
FACTS = """SELECT fact_id, count(*) AS reports FROM figures WHERE fact_id IS NOT NULL
    GROUP BY fact_id ORDER BY count(*) DESC, fact_id"""


def _ms(samples: list[float]) -> str:
    ordered = sorted(samples)
    p95 = ordered[min(len(ordered) - 1, int(len(ordered) * 0.95))]
    return f"min {ordered[0]:.2f} ms, p50 {statistics.median(ordered):.2f} ms, p95 {p95:.2f} ms"


async def run(dsn: str, requests: int) -> None:
    pool = await create_pool(dsn, min_size=1, max_size=2)
    try:
        async with pool.acquire() as conn:
            counted = await conn.fetch(FACTS)
            values = await conn.fetchval("SELECT count(*) FROM fact_values")
            articles = await conn.fetchval("SELECT count(*) FROM articles")
        print(f"{articles} articles, {len(counted)} facts, {values} values")
        chosen = [counted[0], counted[len(counted) // 2]]
        settings = Settings(factdesk_load_seeds=False, factdesk_response_cache=False)
        limits = GraphQLLimits.from_settings(settings)
        app = create_app(settings)
        app.state.pool = pool
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://bench") as client:
            for fact in chosen:
                variables = {"id": encode_id("Fact", fact["fact_id"])}
                body = {"query": PAGE, "variables": variables}
                for _ in range(20):  # compiled, then known, warm
                    answer = await client.post("/graphql", json=body)
                    assert answer.status_code == 200, answer.text
                    assert b'"errors"' not in answer.content, answer.text[:300]
                samples = []
                for _ in range(requests):
                    started = time.perf_counter()
                    await client.post("/graphql", json=body)
                    samples.append((time.perf_counter() - started) * 1000)
                print(
                    f"fact {fact['fact_id']} ({fact['reports']} reports): {_ms(samples)} "
                    f"per request; {len(answer.content):,} bytes"
                )
                plan = compiler.known_plan(limits, PAGE, None)
                assert plan is not None, "the page was not compiled"
                bound = compiler.bind(plan, schema._schema, variables)
                assert bound is not None
                statement, arguments = bound
                timed = []
                async with pool.acquire() as conn:
                    for _ in range(requests):
                        started = time.perf_counter()
                        await conn.fetchval(statement.sql, *arguments)
                        timed.append((time.perf_counter() - started) * 1000)
                print(f"  the statement alone: {_ms(timed)}")
    finally:
        await pool.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--dsn", required=True)
    parser.add_argument("--requests", type=int, default=200)
    args = parser.parse_args()
    asyncio.run(run(args.dsn, args.requests))


if __name__ == "__main__":
    main()
