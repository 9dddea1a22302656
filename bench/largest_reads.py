"""/healthz while the largest reads the limits allow run on the seeds (issue 19).

    .venv/bin/python -m bench.largest_reads [--rounds N (default 3)] [--dsn DSN]

Starts a scratch PostgreSQL holding the seeds (or reads `--dsn`, a larger corpus) and a
real `factdesk serve` (its default settings, the response cache off so that every read
executes). Each query of READS sits
just under the cost limit (25,000 nodes) and repeats the seeds' rows through nested
lists, the largest answers the seeds give; each is sent `--rounds` times while a second
connection probes /healthz one request after another. Prints, per query, its answer, the
bytes and seconds of the slowest round, and the slowest and median /healthz that ran
while the query did (over all rounds), after the probes alone for the machine's floor.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import tempfile
import time
from collections.abc import AsyncIterator, Awaitable
from contextlib import asynccontextmanager
from pathlib import Path
from typing import TypeVar

import httpx

from service.db.scratch import environment_dsn, scratch_server
from tests.servers import free_port, seeded_database, start_serve, wait_ready

NESTED = "mentions(first: 100) { text entity { name "
READS = {
    "mentions of the entities of 500 mentions": (
        "{ articles(first: 5) { edges { node { "
        + NESTED
        + "mentions(first: 40) { edges { node { text span { start end } } } } } } } } } }"
    ),
    "articles and mentions of the entities of 500 mentions": (
        "{ articles(first: 5) { edges { node { "
        + NESTED
        + "articles(first: 5) { edges { node { headline mentions(first: 8) { text } } } } "
        + "} } } } } }"
    ),
    "475 bodies": (
        "{ entities(first: 95) { edges { node { name articles(first: 5) { edges { node { "
        "body } } } } } } }"
    ),
}
IDLE = "probes alone (1 s)"
T = TypeVar("T")


async def _probe(client: httpx.AsyncClient, stop: asyncio.Event, out: list[float]) -> None:
    while not stop.is_set():
        started = time.monotonic()
        (await client.get("/healthz")).raise_for_status()
        out.append(time.monotonic() - started)


async def _measured(base: str, send: Awaitable[T]) -> tuple[list[float], T]:
    stop, latencies = asyncio.Event(), list[float]()
    async with httpx.AsyncClient(base_url=base) as probe:
        probing = asyncio.create_task(_probe(probe, stop, latencies))
        await asyncio.sleep(0.2)
        skip = len(latencies)
        result = await send
        stop.set()
        await probing
    return latencies[skip:] or [0.0], result


@asynccontextmanager
async def _database(dsn: str | None) -> AsyncIterator[str]:
    if dsn is not None:
        yield dsn
        return
    with scratch_server(environment_dsn(), prefix="factdesk-largest-") as server_dsn:
        yield await seeded_database(server_dsn, "factdesk_bench_largest")


async def run(rounds: int, dsn_given: str | None) -> None:
    async with _database(dsn_given) as dsn:
        port = free_port()
        with tempfile.TemporaryDirectory() as tmp:
            settings = {"FACTDESK_RESPONSE_CACHE": "false"}
            popen = start_serve(dsn, port=port, log=Path(tmp) / "server.log", settings=settings)
            base = f"http://127.0.0.1:{port}"
            try:
                async with httpx.AsyncClient(base_url=base, timeout=60) as client:
                    await wait_ready(client, popen, within=60)
                    idle, _ = await _measured(base, asyncio.sleep(1))
                    print("| read | answer | bytes | slowest s | /healthz max / median ms |")
                    print("|---|---|---:|---:|---:|")
                    print(f"| {IDLE} | - | - | 1.0 | {_ms(idle)} |")
                    for name, query in READS.items():
                        await client.post("/graphql", json={"query": query})  # warm
                        during: list[float] = []
                        slowest, size, answer = 0.0, 0, ""
                        for _ in range(rounds):
                            started = time.monotonic()
                            probes, response = await _measured(
                                base, client.post("/graphql", json={"query": query})
                            )
                            slowest = max(slowest, time.monotonic() - started)
                            during += probes
                            size = len(response.content)
                            errors = response.json().get("errors")
                            code = errors[0]["extensions"]["code"] if errors else ""
                            answer = f"{response.status_code} {code}".strip()
                        print(f"| {name} | {answer} | {size:,} | {slowest:.3f} | {_ms(during)} |")
            finally:
                popen.terminate()
                popen.wait()


def _ms(latencies: list[float]) -> str:
    return f"{max(latencies) * 1000:.1f} / {statistics.median(latencies) * 1000:.1f}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--dsn", help="a database to read instead of the seeds")
    args = parser.parse_args()
    asyncio.run(run(args.rounds, args.dsn))


if __name__ == "__main__":
    main()
