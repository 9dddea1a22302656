"""The benchmark's Q2, Q3 and Q4 (bench/queries.py), compiled, on a loaded database,
asked in-process through the real app (no HTTP server, no response cache) one at a time:
p50 / p95 ms per request, and per statement PostgreSQL's kept (generic) and fresh
(custom) plans of the connection that answered, and a digest of the answer's bytes. Q2 is
asked for the benchmark's entity (bench/run.py pick_params) and for the subject of the
most reported fact; and a connection below an object (the most written-about entity's
articles), whose window is passed as parameters.

With `--before DIR` (another tree of the code, e.g. `git archive main`), each round
times that tree first, in a subprocess run from it, then this one, on the same database:
before and after in one run, and the digests say whether the answers are the same bytes.

    .venv/bin/python -m bench.entity_values --dsn DSN --requests 100 --rounds 3 --before DIR
"""

from __future__ import annotations

import argparse
import asyncio
import hashlib
import statistics
import time
from pathlib import Path
from typing import Any

import httpx

from service.app import create_app
from service.config import Settings
from service.db.pool import create_pool
from service.ids import encode_id

# The benchmark's queries, written here so that a tree without this file's imports runs it.
Q2 = """query($name: String!) { entity(name: $name) { name aliases facts { label disputed
        values { value text sources { outlet { name } excerpt attributedTo { name }
            article { headline } } } } } }"""
Q3 = """query($id: ID!) { fact(id: $id) { label disputed subject { name } values { value
        upperBound approximation text sources { outlet { name } excerpt
            attributedTo { name } article { headline publishedAt } } } } }"""
Q4 = """query { articles(first: 20) { edges { node { headline quotes(first: 10) { text
        speaker { name facts(first: 5) { label values(first: 5) { value text } } } } } } } }"""
# A connection below an object: its page size and cursors are parameters of the statement.
NESTED = """query($id: ID!, $n: Int) { entity(id: $id) { name articles(first: $n) {
        totalCount edges { cursor node { headline } } } quotes(first: 5) { edges {
        node { text } } } } }"""
MOST_ARTICLES = "SELECT entity_id FROM entity_article_counts ORDER BY articles DESC LIMIT 1"
# As bench/run.py picks them: Q2's entity and Q3's fact.
ENTITY = """SELECT e.name FROM entities e
    JOIN facts f ON f.subject_id = e.id JOIN figures g ON g.fact_id = f.id
    WHERE e.kind = 'PERSON' GROUP BY e.id HAVING count(g.id) BETWEEN 20 AND 200
    ORDER BY count(g.id) DESC, e.id LIMIT 1"""
FACT = """SELECT fact_id FROM figures WHERE fact_id IS NOT NULL GROUP BY fact_id
    HAVING count(*) <= 60 ORDER BY count(*) DESC, fact_id LIMIT 1"""
HEAVIEST = """SELECT e.name FROM entities e JOIN facts f ON f.subject_id = e.id
    WHERE f.id = (SELECT fact_id FROM figures WHERE fact_id IS NOT NULL GROUP BY 1
                  ORDER BY count(*) DESC LIMIT 1)"""


async def _measure(dsn: str, requests: int) -> None:
    pool = await create_pool(dsn, min_size=1, max_size=1)
    async with pool.acquire() as conn:
        entity, fact, heaviest, most = [
            await conn.fetchval(q) for q in (ENTITY, FACT, HEAVIEST, MOST_ARTICLES)
        ]
    asked: list[tuple[str, str, dict[str, Any]]] = [
        (f"Q2 {entity}", Q2, {"name": entity}),
        (f"Q2 {heaviest} (most reported fact)", Q2, {"name": heaviest}),
        (f"Q3 fact {fact}", Q3, {"id": encode_id("Fact", fact)}),
        ("Q4", Q4, {}),
        ("entity(id:) articles(first: 10)", NESTED, {"id": encode_id("Entity", most), "n": 10}),
    ]
    app = create_app(Settings(factdesk_load_seeds=False, factdesk_response_cache=False))
    app.state.pool = pool
    client = httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://b")
    for name, query, variables in asked:
        body = {"query": query, "variables": variables}
        for _ in range(6):  # past PostgreSQL's five custom plans, and our caches
            answer = await client.post("/graphql", json=body)
            assert answer.status_code == 200, answer.text
            assert b'"errors"' not in answer.content, answer.text[:300]
        took = []
        for _ in range(requests):
            started = time.perf_counter()
            await client.post("/graphql", json=body)
            took.append((time.perf_counter() - started) * 1000)
        took.sort()
        p95 = took[max(0, int(len(took) * 0.95) - 1)]
        async with pool.acquire() as conn:
            plans = await conn.fetch(
                "SELECT generic_plans, custom_plans FROM pg_prepared_statements"
                " WHERE statement LIKE 'SELECT ''{%' ORDER BY prepare_time DESC LIMIT 1"
            )
        kept = "/".join(f"{p['generic_plans']}/{p['custom_plans']}" for p in plans)
        digest = hashlib.sha256(answer.content).hexdigest()[:10]
        print(
            f"| {name} | {statistics.median(took):.2f} | {p95:.2f} | {kept} "
            f"| {len(answer.content)} B, {digest} |",
            flush=True,
        )
    await client.aclose()
    await pool.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--dsn", required=True)
    parser.add_argument("--requests", type=int, default=100, help="timed requests per query")
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
        "| query | p50 ms | p95 ms | plans kept/fresh | answer |\n|---|---:|---:|---|---|",
    )


if __name__ == "__main__":
    main()
