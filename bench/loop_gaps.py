"""How long the largest reads hold the event loop, in process (issue 19).

    .venv/bin/python -m bench.loop_gaps [--rounds N (default 5)] [--dsn DSN]
        [--gc-threshold 700,10,10]

The real app over httpx's ASGI transport (no HTTP server, the response cache off,
`gc.freeze()` as the lifespan does) on a scratch database holding the seeds, or on
`--dsn` (a larger corpus). While each query of `bench.largest_reads` is answered, a
ticker task asks the loop for a turn every millisecond and records how late each turn
came: the longest wait in wall time and in this thread's CPU time (the part the machine's
load does not inflate), and the garbage collections meanwhile (the longest in wall time;
per generation their number, summed and longest CPU time). Prints a Markdown table per
query: median request ms, longest wait wall / CPU ms, longest GC ms, the collections, and
this process's RSS after the query. `--gc-threshold` sets the collector's thresholds first
(to compare with the lifespan's). The in-process client (httpx, reading the answer) runs on
the same loop, so its own turns count among the waits.
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import os
import statistics
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from pathlib import Path

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
    # Per generation: collections, their summed and longest CPU seconds.
    collections: list[int] = field(default_factory=lambda: [0, 0, 0])
    gc_cpu: list[float] = field(default_factory=lambda: [0.0, 0.0, 0.0])
    gc_longest: list[float] = field(default_factory=lambda: [0.0, 0.0, 0.0])
    _gc_started: float = field(default=0.0, repr=False)
    _gc_cpu_started: float = field(default=0.0, repr=False)

    def on_gc(self, phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            self._gc_started = time.perf_counter()
            self._gc_cpu_started = time.thread_time()
            return
        self.gc = max(self.gc, time.perf_counter() - self._gc_started)
        generation, spent = info["generation"], time.thread_time() - self._gc_cpu_started
        self.collections[generation] += 1
        self.gc_cpu[generation] += spent
        self.gc_longest[generation] = max(self.gc_longest[generation], spent)

    def by_generation(self) -> str:
        """Collections per generation: count, summed / longest CPU ms."""
        return " ; ".join(
            f"{n} x, {total * 1000:.1f} / {longest * 1000:.1f}"
            for n, total, longest in zip(
                self.collections, self.gc_cpu, self.gc_longest, strict=True
            )
        )


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


async def run(rounds: int, dsn: str | None, thresholds: tuple[int, ...] | None) -> None:
    if thresholds is not None:
        gc.set_threshold(*thresholds)
    async with _database(dsn) as database:
        pool = await create_pool(database, min_size=1, max_size=4)
        app = create_app(Settings(factdesk_load_seeds=False, factdesk_response_cache=False))
        app.state.pool = pool
        transport = httpx.ASGITransport(app=app)
        print(
            "| read | bytes | request ms (median) | longest wait wall / CPU ms | longest GC ms "
            "| collections gen 0 ; 1 ; 2: count, summed / longest CPU ms | RSS MiB |"
        )
        print("|---|---:|---:|---:|---:|---|---:|")
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
                    f"{gaps.wall * 1000:.1f} / {gaps.cpu * 1000:.1f} | {gaps.gc * 1000:.1f} | "
                    f"{gaps.by_generation()} | {_rss_mib():.0f} |"
                )
        await pool.close()


def _rss_mib() -> float:
    """This process's resident memory now."""
    pages = int(Path("/proc/self/statm").read_text().split()[1])
    return pages * os.sysconf("SC_PAGE_SIZE") / 2**20


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--dsn", help="a database to read instead of the seeds")
    parser.add_argument(
        "--gc-threshold",
        type=lambda text: tuple(int(n) for n in text.split(",")),
        help="the collector's thresholds, e.g. 700,10,10 (Python's default)",
    )
    args = parser.parse_args()
    asyncio.run(run(args.rounds, args.dsn, args.gc_threshold))


if __name__ == "__main__":
    main()
