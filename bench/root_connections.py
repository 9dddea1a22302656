"""What compiling the root connections saves per request: each query answered by a
compiling app and by the executor alone (FACTDESK_SQL_TREES=false, how they were all
answered before), in process, rounds alternating, over one loaded database (only read).

    .venv/bin/python -m bench.root_connections --dsn postgresql://... [--repeat 200 --rounds 3]

Prints per query and path: wall ms and CPU ms per request (app and in-process client
together), and the SQL statements one request sends. The answers of both paths are
compared byte for byte once.
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
from service.ids import encode_id

QUERIES = {
    "entities by name": """{ entities(first: 20, orderBy: {field: NAME, direction: ASC}) {
        totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id name kind } } } }""",
    "entities searched": """{ entities(first: 20, filter: {search: "minister"}) {
        edges { node { id name kind aliases } } } }""",
    "facts disputed": """{ facts(first: 20, filter: {disputed: true}) { pageInfo { endCursor }
        edges { node { id label property unit disputed values(first: 3) { value text } } } } }""",
    "quotes": """{ quotes(last: 20) { edges { cursor node { text speakerText
        speaker { name } article { headline publishedAt } } } } }""",
    "figures by value": """{ figures(first: 20, orderBy: {field: VALUE, direction: DESC}) {
        edges { node { id value unit text property } } } }""",
    "changes": """{ changes(first: 50) { pageInfo { hasNextPage endCursor }
        edges { node { kind articleId factIds at } } } }""",
    "fact history": """query($id: ID!) { fact(id: $id) { label history(first: 20) {
        totalCount edges { cursor node { at kind value text outlet reason } } } } }""",
}


async def _most_reported_fact(dsn: str) -> str:
    conn = await asyncpg.connect(dsn)
    try:
        pk = await conn.fetchval(
            "SELECT fact_id FROM figures WHERE fact_id IS NOT NULL GROUP BY fact_id "
            "ORDER BY count(*) DESC LIMIT 1"
        )
    finally:
        await conn.close()
    return encode_id("Fact", int(pk))


async def _time(
    client: httpx.AsyncClient, body: dict[str, Any], repeat: int
) -> tuple[float, float]:
    """(wall ms, CPU ms) per request over `repeat` requests."""
    wall, cpu = time.perf_counter(), time.process_time()
    for _ in range(repeat):
        response = await client.post("/graphql", json=body)
        assert response.status_code == 200, response.text[:300]
    return (
        (time.perf_counter() - wall) * 1000 / repeat,
        (time.process_time() - cpu) * 1000 / repeat,
    )


async def run(dsn: str, repeat: int, rounds: int) -> None:
    fact = await _most_reported_fact(dsn)
    sent: list[str] = []
    pool = await create_pool(dsn, max_size=4, query_logger=lambda r: sent.append(r.query))
    clients: dict[bool, httpx.AsyncClient] = {}
    try:
        for compiling in (True, False):
            app = create_app(
                Settings(
                    factdesk_load_seeds=False,
                    factdesk_response_cache=False,
                    factdesk_sql_trees=compiling,
                )
            )
            app.state.pool = pool
            transport = httpx.ASGITransport(app=app)
            clients[compiling] = httpx.AsyncClient(transport=transport, base_url="http://bench")
        print("query | path | wall ms/req (per round) | CPU ms/req (per round) | statements")
        for name, query in QUERIES.items():
            body = {"query": query, "variables": {"id": fact} if "$id" in query else {}}
            answers, statements = {}, {}
            for compiling, client in clients.items():  # warm, compare, count statements
                await client.post("/graphql", json=body)
                sent.clear()
                answers[compiling] = (await client.post("/graphql", json=body)).content
                statements[compiling] = len([q for q in sent if "typeinfo" not in q])
            assert answers[True] == answers[False], name
            assert b'"errors"' not in answers[True], answers[True][:300]
            times: dict[bool, list[tuple[float, float]]] = {True: [], False: []}
            for _ in range(rounds):
                for compiling in (False, True):
                    times[compiling].append(await _time(clients[compiling], body, repeat))
            for compiling in (False, True):
                path = "compiled" if compiling else "executor"
                walls = " ".join(f"{w:.2f}" for w, _ in times[compiling])
                cpus = " ".join(f"{c:.2f}" for _, c in times[compiling])
                print(f"{name} | {path} | {walls} | {cpus} | {statements[compiling]}")
    finally:
        for client in clients.values():
            await client.aclose()
        await pool.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--dsn", required=True)
    parser.add_argument("--repeat", type=int, default=200)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    asyncio.run(run(args.dsn, args.repeat, args.rounds))


if __name__ == "__main__":
    main()
