"""How long the largest reads hold the event loop, in process (issue 19).

    .venv/bin/python -m bench.loop_gaps [--rounds N (default 5)] [--dsn DSN]

The real app over httpx's ASGI transport (no HTTP server, the response cache off,
`gc.freeze()` as the lifespan does) on a scratch database holding the seeds, or on
`--dsn` (a larger corpus). While each query of `bench.largest_reads` is answered, a
ticker task asks the loop for a turn every millisecond and records how late each turn
came: the longest wait in wall time and in this thread's CPU time (the part the machine's
load does not inflate), and the longest garbage collection meanwhile. Prints a Markdown
table per query: median request ms, longest wait wall / CPU ms, longest GC ms.
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import statistics
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field

import httpx

from bench.largest_reads import READS
from service.app import create_app
from service.config import Settings
from service.db.pool import create_pool
from service.db.scratch import environment_dsn, scratch_server
from tests.servers import seeded_database

TICK = 0.001  # seconds the ticker sleeps between turns


@dataclass
class Gaps:
    wall: float = 0.0
    cpu: float = 0.0
    gc: float = 0.0
    _gc_started: float = field(default=0.0, repr=False)

    def on_gc(self, phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            self._gc_started = time.perf_counter()
        else:
            self.gc = max(self.gc, time.perf_counter() - self._gc_started)


async def _tick(gaps: Gaps, stop: asyncio.Event) -> None:
    while not stop.is_set():
        wall, cpu = time.perf_counter(), time.thread_time()
        await asyncio.sleep(TICK)
        gaps.wall = max(gaps.wall, time.perf_counter() - wall - TICK)
        gaps.cpu = max(gaps.cpu, time.thread_time() - cpu)


@asynccontextmanager
async def _database(dsn: str | None) -> AsyncIterator[str]:
    if dsn is not None:
        yield dsn
        return
    with scratch_server(environment_dsn(), prefix="factdesk-gaps-") as server_dsn:
        yield await seeded_database(server_dsn, "factdesk_bench_gaps")


async def run(rounds: int, dsn: str | None) -> None:
    async with _database(dsn) as database:
        pool = await create_pool(database, min_size=1, max_size=4)
        app = create_app(Settings(factdesk_load_seeds=False, factdesk_response_cache=False))
        app.state.pool = pool
        transport = httpx.ASGITransport(app=app)
        print("| read | bytes | request ms (median) | longest wait wall / CPU ms | longest GC ms |")
        print("|---|---:|---:|---:|---:|")
        async with httpx.AsyncClient(transport=transport, base_url="http://bench") as client:
            for name, query in READS.items():
                (await client.post("/graphql", json={"query": query})).raise_for_status()
                gc.collect()
                gc.freeze()
                gaps, times, size = Gaps(), list[float](), 0
                gc.callbacks.append(gaps.on_gc)
                stop = asyncio.Event()
                ticker = asyncio.create_task(_tick(gaps, stop))
                await asyncio.sleep(0.01)
                for _ in range(rounds):
                    started = time.perf_counter()
                    response = await client.post("/graphql", json={"query": query})
                    times.append(time.perf_counter() - started)
                    size = len(response.content)
                    assert "errors" not in response.json(), response.text[:300]
                stop.set()
                await ticker
                gc.callbacks.remove(gaps.on_gc)
                print(
                    f"| {name} | {size:,} | {statistics.median(times) * 1000:.1f} | "
                    f"{gaps.wall * 1000:.1f} / {gaps.cpu * 1000:.1f} | {gaps.gc * 1000:.1f} |"
                )
        await pool.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--dsn", help="a database to read instead of the seeds")
    args = parser.parse_args()
    asyncio.run(run(args.rounds, args.dsn))


if __name__ == "__main__":
    main()
