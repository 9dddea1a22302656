"""Read throughput of the database topologies of issue 20, in process, on the seeds.

Runs the same GraphQL reads (no response cache) through the ASGI app against: PostgreSQL
directly (asyncpg's statement cache on, as by default); directly with the cache off (what
FACTDESK_PGBOUNCER=true costs by itself); through Debian's PgBouncer pooling by
transaction in that mode; and the primary with one streaming replica read through
service/db/replicas.py. Each starts from a fresh embedded cluster in a temporary
directory; needs `pgbouncer` installed (apt-get install -y pgbouncer).

    .venv/bin/python -m bench.topologies --requests 400 --clients 8 --rounds 3
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import tempfile
import time
from pathlib import Path

import asyncpg
import httpx

from service.app import create_app
from service.config import REPO_ROOT, Settings
from service.db import migrate
from service.db.embedded import start_embedded
from service.db.pool import create_pool
from service.db.replicas import ReadRouter
from service.ingest.seeds import load_seeds
from tests.pgbouncer import pgbouncer
from tests.replica import streaming_replica

READS = (
    "query A { articles(first: 20) { edges { node { headline publishedAt outlet { name } } } } }",
    'query E { entity(name: "Tokayev") { name aliases facts { label values { value } } } }',
    "query F { articles(first: 5) { edges { node { headline figures { text } } } } }",
)
POOL = 4


async def measure_reads(
    pool: asyncpg.Pool, router: ReadRouter | None, requests: int, clients: int
) -> tuple[float, float]:
    """Requests per second and median milliseconds of `requests` reads from `clients`."""
    app = create_app(Settings(factdesk_load_seeds=False, factdesk_response_cache=False))
    app.state.pool = pool
    app.state.reads = router
    timings: list[float] = []
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://bench") as client:

        async def one(n: int) -> None:
            started = time.perf_counter()
            answer = await client.post("/graphql", json={"query": READS[n % len(READS)]})
            assert answer.status_code == 200, answer.text
            assert "errors" not in answer.json(), answer.text
            timings.append(time.perf_counter() - started)

        for n in range(len(READS) * 5):  # warm: parse caches, connections, codecs
            await one(n)
        timings.clear()
        queue = iter(range(requests))

        async def worker() -> None:
            for n in queue:
                await one(n)

        started = time.perf_counter()
        await asyncio.gather(*(worker() for _ in range(clients)))
        took = time.perf_counter() - started
    return requests / took, statistics.median(timings) * 1000


async def main(requests: int, clients: int, rounds: int) -> None:
    with tempfile.TemporaryDirectory(prefix="factdesk-topologies-") as tmp:
        root = Path(tmp)
        # The embedded server's own user (under root) makes the replica in here.
        root.chmod(0o755)  # noqa: ASYNC240 (once, before anything runs)
        server = await asyncio.to_thread(start_embedded, root / "primary")
        try:
            await asyncio.to_thread(migrate.upgrade, server.uri())
            seeding = await create_pool(server.uri(), max_size=2)
            await load_seeds(seeding, REPO_ROOT / "seeds")
            await seeding.close()
            with (
                pgbouncer(server.uri("postgres")) as template,
                streaming_replica(server, root / "replica") as replica_dsn,
            ):
                bouncer = template.format(database="factdesk")
                primary = await create_pool(server.uri(), max_size=POOL)
                uncached = await create_pool(server.uri(), max_size=POOL, pgbouncer=True)
                pooled = await create_pool(bouncer, max_size=POOL, pgbouncer=True)
                replica = await create_pool(replica_dsn, max_size=POOL)
                router = ReadRouter(primary, [replica])
                runs: list[tuple[str, asyncpg.Pool, ReadRouter | None]] = [
                    ("direct, statement cache on", primary, None),
                    ("direct, FACTDESK_PGBOUNCER (cache off)", uncached, None),
                    ("PgBouncer, transaction pooling", pooled, None),
                    ("primary + 1 replica (reads on the replica)", primary, router),
                ]
                results: dict[str, list[tuple[float, float]]] = {r[0]: [] for r in runs}
                try:
                    for _ in range(rounds):  # interleaved: the machine's load drifts
                        for label, pool, reads in runs:
                            results[label].append(
                                await measure_reads(pool, reads, requests, clients)
                            )
                finally:
                    await router.close()
                    for pool in (primary, uncached, pooled):
                        await pool.close()
            for label, measured in results.items():
                rate = statistics.median(m[0] for m in measured)
                p50 = statistics.median(m[1] for m in measured)
                print(f"{label:<44} {rate:6.0f} req/s   p50 {p50:6.1f} ms (median of {rounds})")
            counts = (router.replica_reads, router.primary_reads)
            print("reads on the replica {}, on the primary {}".format(*counts))
        finally:
            await asyncio.to_thread(server.stop)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=400)
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    asyncio.run(main(args.requests, args.clients, args.rounds))
