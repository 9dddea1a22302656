"""What service/graphql/trees.py is worth where the compiler does not answer: operations
the executor answers (four `@include` variables, as tests/graphql/compiled_apps.executed
writes them), in process through the real app (no response cache), with the executor's
one-statement trees and without them (its `_statement` made to find none, so prefetch and
the loaders answer every level), alternated: statements per request, p50 ms, answer bytes.

    .venv/bin/python -m bench.executor_trees --dsn DSN [--requests 15] [--rounds 2]
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import time
from typing import Any

import httpx

from service.app import create_app
from service.config import Settings
from service.db.pool import create_pool
from service.graphql import trees

VALUES = """values(first: 5) { value firstReportedAt lastReportedAt sources(first: 5) {
    excerpt outlet { name } article { headline publishedAt } attributedTo { name } } }"""
KEPT = "$a: Boolean = true, $b: Boolean = true, $c: Boolean = true, $d: Boolean = true"
EXECUTED = " ".join(f"__typename @include(if: ${c})" for c in "abcd")
ASKED = {
    "fact(id:)": f"""query($v: ID!, {KEPT}) {{ {EXECUTED} fact(id: $v) {{
        label firstReportedAt updatedAt subject {{ name aliases }} {VALUES} }} }}""",
    "entity(name:)": f"""query($v: String!, {KEPT}) {{ {EXECUTED} entity(name: $v) {{
        name facts {{ label firstReportedAt updatedAt {VALUES} }} }} }}""",
    "outlets -> articles(2) -> quotes -> speaker -> facts -> values": f"""query($v: Int!,
        {KEPT}) {{ {EXECUTED} outlets(first: 10) {{ name articles(first: $v) {{ edges {{
        node {{ headline quotes(first: 5) {{ text speaker {{ name facts(first: 3) {{ label
        {VALUES} }} }} }} }} }} }} }} }}""",
}
# The benchmark's Q2 entity and Q3 fact (bench/run.py pick_params).
ENTITY = """SELECT e.name FROM entities e
    JOIN facts f ON f.subject_id = e.id JOIN figures g ON g.fact_id = f.id
    WHERE e.kind = 'PERSON' GROUP BY e.id HAVING count(g.id) BETWEEN 20 AND 200
    ORDER BY count(g.id) DESC, e.id LIMIT 1"""
FACT = """SELECT fact_id FROM figures WHERE fact_id IS NOT NULL GROUP BY fact_id
    HAVING count(*) <= 60 ORDER BY count(*) DESC, fact_id LIMIT 1"""


async def run(dsn: str, requests: int, rounds: int) -> None:
    from service.ids import encode_id

    sent: list[str] = []
    pool = await create_pool(dsn, min_size=1, max_size=3, query_logger=lambda r: sent.append(""))
    async with pool.acquire() as conn:
        entity, fact = await conn.fetchval(ENTITY), await conn.fetchval(FACT)
    given: dict[str, Any] = {
        "fact(id:)": encode_id("Fact", fact),
        "entity(name:)": entity,
    }
    app = create_app(Settings(factdesk_load_seeds=False, factdesk_response_cache=False))
    app.state.pool = pool
    client = httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://b")
    found = trees._statement
    print(
        "| round | trees | operation | statements | p50 ms | answer |\n|---|---|---|---:|---:|---|"
    )
    for round_ in range(1, rounds + 1):
        for mode in ("with", "without"):
            trees._statement = found if mode == "with" else (lambda *a, **k: None)
            for name, query in ASKED.items():
                body = {"query": query, "variables": {"v": given.get(name, 2)}}
                answer = await client.post("/graphql", json=body)
                if b'"errors"' in answer.content:
                    message = answer.json()["errors"][0]["message"]
                    print(f"| {round_} | {mode} | {name} | | | error: {message} |", flush=True)
                    continue
                sent.clear()
                await client.post("/graphql", json=body)
                statements = len(sent)
                took = []
                for _ in range(requests):
                    started = time.perf_counter()
                    await client.post("/graphql", json=body)
                    took.append((time.perf_counter() - started) * 1000)
                print(
                    f"| {round_} | {mode} | {name} | {statements} | "
                    f"{statistics.median(took):.1f} | {len(answer.content):,} B |",
                    flush=True,
                )
    trees._statement = found
    await client.aclose()
    await pool.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dsn", required=True)
    parser.add_argument("--requests", type=int, default=15)
    parser.add_argument("--rounds", type=int, default=2)
    args = parser.parse_args()
    asyncio.run(run(args.dsn, args.requests, args.rounds))


if __name__ == "__main__":
    main()
