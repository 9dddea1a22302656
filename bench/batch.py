"""Throughput of POST /api/v1/articles:batch: N synthetic articles as NDJSON, one line
made bad, through the real app in process, on a scratch database (or --dsn).

    .venv/bin/python -m bench.batch                   # 1,000 lines, extraction in threads
    .venv/bin/python -m bench.batch --workers 2       # extraction in 2 worker processes
    .venv/bin/python -m bench.batch --lines 200 --dsn postgresql://...

Prints the lines, the seconds, articles per second, and the lines reported bad (exactly
the one made bad, or it exits 1). Numbers go to bench/RESULTS.md, never into code.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import time
from typing import Any

import httpx
import orjson
from pydantic import SecretStr

from bench.corpus import Generator
from bench.run import API_KEY, ingest_body
from service.app import create_app
from service.config import Settings
from service.db import migrate
from service.db.pool import create_pool
from service.db.scratch import environment_dsn, recreate_database, scratch_server
from service.ingest.workers import ExtractionPool, install


def ndjson_lines(count: int, bad: int) -> bytes:
    """`count` new articles, one a line; line `bad` (from 1) is cut short (not JSON)."""
    gen = Generator()
    first = 30_000_000 + int(time.time()) % 1_000_000 * 1000  # copy never seen before
    lines = [orjson.dumps(ingest_body(gen.article(first + i))) for i in range(count)]
    lines[bad - 1] = lines[bad - 1][: len(lines[bad - 1]) // 2]
    return b"\n".join(lines) + b"\n"


async def run_batch(dsn: str, body: bytes, workers: int) -> tuple[float, list[dict[str, Any]]]:
    pool = await create_pool(dsn, max_size=6)
    extraction = ExtractionPool(workers) if workers else None
    if extraction is not None:
        extraction.warm()
        install(extraction)
    try:
        app = create_app(Settings(factdesk_load_seeds=False, factdesk_api_keys=SecretStr(API_KEY)))
        app.state.pool = pool
        headers = {"Authorization": f"Bearer {API_KEY}", "Content-Type": "application/x-ndjson"}
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://bench") as client:
            started = time.perf_counter()
            answer = await client.post(
                "/api/v1/articles:batch", content=body, headers=headers, timeout=None
            )
            elapsed = time.perf_counter() - started
        answer.raise_for_status()
        return elapsed, [orjson.loads(line) for line in answer.content.splitlines()]
    finally:
        if extraction is not None:
            install(None)
            extraction.close()
        await pool.close()


async def measure(dsn: str | None, lines: int, workers: int) -> int:
    bad = lines // 2
    body = ndjson_lines(lines, bad)
    if dsn is None:
        with scratch_server(environment_dsn(), prefix="factdesk-bench-batch-") as server:
            target = await recreate_database(server, "factdesk_bench_batch")
            await asyncio.to_thread(migrate.upgrade, target)
            elapsed, results = await run_batch(target, body, workers)
    else:
        elapsed, results = await run_batch(dsn, body, workers)
    failed = [r["line"] for r in results if r["status"] not in (200, 201)]
    print(
        f"{len(results)} lines ({len(body) / 1e6:.1f} MB) in {elapsed:.1f} s: "
        f"{len(results) / elapsed:.1f} articles/s; bad lines reported: {failed} "
        f"(made bad: {bad}); extraction: {f'{workers} processes' if workers else 'threads'}"
    )
    return 0 if failed == [bad] and len(results) == lines else 1


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lines", type=int, default=1000)
    parser.add_argument("--workers", type=int, default=0, help="extraction processes (0: threads)")
    parser.add_argument("--dsn", help="a migrated database (default: a scratch one)")
    args = parser.parse_args()
    sys.exit(asyncio.run(measure(args.dsn, args.lines, args.workers)))


if __name__ == "__main__":
    main()
