"""GraphQL `fact(id:, asOf:)` compiled, on a loaded database: the most reported fact as
of its last report and halfway to it, asked in-process through the real app (no HTTP
server, no response cache), p50 / p95 per shape, and a digest of each answer's bytes.

With `--before DIR` (another tree of the code, e.g. `git archive main`), each round
times that tree first, in a subprocess run from it, then this one, on the same database:
before and after in one run, and the digests say whether the answers are the same bytes.

    .venv/bin/python -m bench.fact_as_of --dsn DSN --requests 20 --rounds 3 --before DIR
"""

from __future__ import annotations

import argparse
import asyncio
import hashlib
import statistics
import time
from pathlib import Path

import httpx

from service.app import create_app
from service.config import Settings
from service.db.pool import create_pool
from service.ids import encode_id

HEAVIEST_FACT = """SELECT fact_id FROM figures WHERE fact_id IS NOT NULL GROUP BY 1
    ORDER BY count(*) DESC LIMIT 1"""
FACT_TIMES = """SELECT min(first_reported_at), max(last_reported_at) FROM fact_values
    WHERE fact_id = $1"""
SOURCES = "sources(first: 2) { excerpt outlet { name } article { headline publishedAt } }"
SHAPES = {
    "values(first: 5) { sources(first: 2) }": f"""query($id: ID!, $at: DateTime) {{
        fact(id: $id, asOf: $at) {{ label values(first: 5) {{ value text {SOURCES} }} }} }}""",
    "+ disputed, rank, value times, preferred": f"""query($id: ID!, $at: DateTime) {{
        fact(id: $id, asOf: $at) {{ label disputed values(first: 5) {{ value text
            firstReportedAt lastReportedAt rank conflicting {SOURCES} }}
            preferred {{ value }} }} }}""",
}


async def _measure(dsn: str, requests: int) -> None:
    pool = await create_pool(dsn, min_size=1, max_size=2)
    async with pool.acquire() as conn:
        fact = await conn.fetchval(HEAVIEST_FACT)
        times_row = await conn.fetchrow(FACT_TIMES, fact)
    assert times_row is not None, "the corpus has a reported fact"
    first, last = times_row
    app = create_app(Settings(factdesk_load_seeds=False, factdesk_response_cache=False))
    app.state.pool = pool
    client = httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://b")
    times = {"its last report": last, "halfway": first + (last - first) / 2}
    for name, query in SHAPES.items():
        for when, at in times.items():
            body = {
                "query": query,
                "variables": {"id": encode_id("Fact", fact), "at": at.isoformat()},
            }
            answer = await client.post("/graphql", json=body)  # warm: plans, caches
            assert answer.status_code == 200, answer.text
            assert b'"errors"' not in answer.content, answer.text
            took = []
            for _ in range(requests):
                started = time.perf_counter()
                await client.post("/graphql", json=body)
                took.append((time.perf_counter() - started) * 1000)
            took.sort()
            p95 = took[max(0, int(len(took) * 0.95) - 1)]
            digest = hashlib.sha256(answer.content).hexdigest()[:10]
            print(
                f"| {name}, as of {when} | {statistics.median(took):.1f} | {p95:.1f} "
                f"| {len(answer.content)} B, {digest} |",
                flush=True,
            )
    await client.aclose()
    await pool.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--dsn", required=True)
    parser.add_argument("--requests", type=int, default=20, help="timed requests per shape")
    parser.add_argument("--rounds", type=int, default=1)
    parser.add_argument("--before", type=Path, help="another tree of the code, timed first")
    parser.add_argument("--one", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        asyncio.run(_measure(args.dsn, args.requests))
        return
    # Imported here: the other tree runs this file by path with `--one` and need not
    # have the helper.
    from bench.alternate import alternate

    arguments = ["--dsn", args.dsn, "--requests", str(args.requests)]
    alternate(
        __file__,
        arguments,
        args.before,
        args.rounds,
        "| request | p50 ms | p95 ms | answer |\n|---|---:|---:|---|",
    )


if __name__ == "__main__":
    main()
