"""Latency from a commit to the clients subscribed to `changes` over graphql-transport-ws.

A real `factdesk serve` on a scratch database; `--clients` real WebSocket clients each
subscribe. Two kinds of writes, one at a time, each awaited by every client before the next:

- commits: the bench commits a change the way a writer does (the data version bumped and
  the change appended in one transaction, through service/db) and times from the moment
  its COMMIT returns to each client's receipt: commit to subscriber, exactly.
- corrections: real `PUT /api/v1/articles/{id}` alternating two texts; timed from the
  change's `at` (stamped in the writing transaction after its writes, on this machine's
  clock) to receipt: an upper bound that includes the end of the transaction.

    .venv/bin/python -m bench.subscription_latency --rounds 200 --clients 1
    .venv/bin/python -m bench.subscription_latency --rounds 200 --clients 10

Prints p50 / p95 / max milliseconds per kind. Numbers go to bench/RESULTS.md.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import statistics
import tempfile
import time
from pathlib import Path
from typing import Any

import asyncpg
import httpx
import orjson
from websockets.asyncio.client import ClientConnection, connect

from service.db import changes as changes_db
from service.db import migrate
from service.db.scratch import environment_dsn, recreate_database, scratch_server
from service.db.versions import bump_data_version
from service.ids import decode_id
from tests.ingest.test_corrections import TOLL_12, TOLL_15
from tests.servers import served

KEY = "latency-bench-key"
AUTH = {"Authorization": f"Bearer {KEY}"}
CHANGES = "subscription { changes { cursor node { kind articleId at } } }"
GAP = 0.02  # seconds between writes, so each is announced on its own


async def _subscribed(base_url: str, clients: int) -> list[ClientConnection]:
    url = base_url.replace("http://", "ws://") + "/graphql"
    sockets = []
    for n in range(clients):
        ws = await connect(url, subprotocols=["graphql-transport-ws"])  # type: ignore[list-item]
        await ws.send(
            orjson.dumps({"type": "connection_init", "payload": {"apiKey": KEY}}).decode()
        )
        assert orjson.loads(await ws.recv())["type"] == "connection_ack"
        subscribe = {"id": str(n), "type": "subscribe", "payload": {"query": CHANGES}}
        await ws.send(orjson.dumps(subscribe).decode())
        sockets.append(ws)
    return sockets


async def _next_change(ws: ClientConnection) -> tuple[float, dict[str, Any]]:
    """The next change pushed to `ws` and the monotonic time it arrived."""
    message = orjson.loads(await asyncio.wait_for(ws.recv(), 10))
    arrived = time.monotonic()
    assert message["type"] == "next", message
    node: dict[str, Any] = message["payload"]["data"]["changes"]["node"]
    return arrived, node


async def _commits(
    dsn: str, sockets: list[ClientConnection], article: int, rounds: int
) -> list[float]:
    conn = await asyncpg.connect(dsn)
    latencies: list[float] = []
    try:
        for _ in range(rounds):
            async with conn.transaction():
                await bump_data_version(conn)
                await changes_db.append_change(
                    conn, kind="correction", article_id=article, fact_ids=[]
                )
            committed = time.monotonic()
            for arrived, _node in await asyncio.gather(*(_next_change(ws) for ws in sockets)):
                latencies.append(arrived - committed)
            await asyncio.sleep(GAP)
    finally:
        await conn.close()
    return latencies


async def _corrections(
    base_url: str, sockets: list[ClientConnection], article: str, rounds: int
) -> list[float]:
    latencies: list[float] = []
    async with httpx.AsyncClient(base_url=base_url, timeout=60) as client:
        for n in range(rounds):
            text = TOLL_15 if n % 2 == 0 else TOLL_12
            pushed = asyncio.gather(*(_next_change(ws) for ws in sockets))
            answer = await client.put(
                f"/api/v1/articles/{article}", json={"text": text}, headers=AUTH
            )
            assert answer.status_code == 200, answer.text
            now_wall, now_mono = dt.datetime.now(dt.UTC), time.monotonic()
            for arrived, node in await pushed:
                at = dt.datetime.fromisoformat(node["at"])
                # The arrival on the wall clock: now, less the time since it arrived.
                arrived_wall = now_wall - dt.timedelta(seconds=now_mono - arrived)
                latencies.append((arrived_wall - at).total_seconds())
            await asyncio.sleep(GAP)
    return latencies


def _summary(name: str, latencies: list[float]) -> str:
    ms = sorted(x * 1000 for x in latencies)
    p95 = ms[min(len(ms) - 1, round(0.95 * (len(ms) - 1)))]
    return (
        f"{name}: {len(ms)} deliveries, p50 {statistics.median(ms):.1f} ms, "
        f"p95 {p95:.1f} ms, max {ms[-1]:.1f} ms"
    )


async def main(rounds: int, clients: int) -> None:
    with scratch_server(environment_dsn(), prefix="factdesk-bench-") as server_dsn:
        dsn = await recreate_database(server_dsn, "factdesk_latency")
        await asyncio.to_thread(migrate.upgrade, dsn)
        settings = {
            "FACTDESK_API_KEYS": KEY,
            "FACTDESK_EXTRACTION_WORKERS": "0",
            "FACTDESK_CHANGE_STREAMS": str(clients + 1),
        }
        log = Path(tempfile.mkdtemp(prefix="factdesk-latency-")) / "server.log"
        async with served(dsn, log=log, settings=settings) as base_url:
            async with httpx.AsyncClient(base_url=base_url, timeout=60) as client:
                answer = await client.post(
                    "/api/v1/articles", json={"text": TOLL_12, "outlet": "Daily"}, headers=AUTH
                )
                assert answer.status_code == 201, answer.text
                article = answer.json()["id"]
            sockets = await _subscribed(base_url, clients)
            try:
                await asyncio.gather(*(_next_change(ws) for ws in sockets))  # the ingest
                _, row_id = decode_id(article, "Article")
                commits = await _commits(dsn, sockets, row_id, rounds)
                corrections = await _corrections(base_url, sockets, article, rounds)
            finally:
                for ws in sockets:
                    await ws.close()
    print(f"{clients} subscribed client(s), {rounds} writes of each kind")
    print(_summary("commit to subscriber (exact)", commits))
    print(_summary("PUT correction, `at` to subscriber (upper bound)", corrections))


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=200)
    parser.add_argument("--clients", type=int, default=1)
    args = parser.parse_args()
    asyncio.run(main(args.rounds, args.clients))
