"""Where a request's CPU goes under uvicorn: one server process, driven by wrk over TCP.

bench/profile.py calls the app in process through httpx, whose own work (a third of the
CPU) lands in the same profile. Here uvicorn serves the real app (its lifespan, settings
from the environment as for `factdesk serve`) on a socket made as bench/serve.py makes
one, wrk sends the benchmark query for --seconds, and the server's CPU per request is
reported: process CPU time over requests answered (the number that decides req/s on a
busy machine), and with --profile cProfile's own time per request grouped by package.

    DATABASE_URL=DSN FACTDESK_RESPONSE_CACHE=false FACTDESK_LOAD_SEEDS=false \\
        .venv/bin/python -m bench.server_profile --query Q1 --seconds 10 --profile
"""

from __future__ import annotations

import argparse
import asyncio
import cProfile
import json
import os
import pstats
import socket
import tempfile
import time
from pathlib import Path
from typing import Any

import httpx
import uvicorn
import uvloop

from bench.profile import _by_package, _report
from bench.queries import QUERIES, variables
from bench.run import BENCH, pick_params
from service.app import create_app
from service.config import get_settings
from service.request_head import bounded_head_protocol


async def _wrk(url: str, body: Path, connections: int, seconds: int) -> dict[str, float]:
    proc = await asyncio.create_subprocess_exec(
        "wrk",
        f"-t{min(connections, 2)}",
        f"-c{connections}",
        f"-d{seconds}s",
        "-s",
        str(BENCH / "post.lua"),
        url,
        env={**os.environ, "BENCH_BODY": str(body)},
        stdout=asyncio.subprocess.PIPE,
    )
    out, _ = await proc.communicate()
    line = next(ln for ln in out.decode().splitlines() if ln.startswith("BENCH "))
    result: dict[str, float] = json.loads(line[6:])
    return result


async def _until_ready(url: str) -> None:
    async with httpx.AsyncClient() as client:
        for _ in range(1200):
            try:
                if (await client.get(url)).status_code == 200:
                    return
            except httpx.HTTPError:
                pass
            await asyncio.sleep(0.1)
    raise TimeoutError(url)


async def measure(
    query: str, seconds: int, connections: int, profile: bool, save: str, plain: bool
) -> None:
    dsn = os.environ["DATABASE_URL"]
    params = await pick_params(dsn)
    q = next(q for q in QUERIES if q.name == query)
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    settings = get_settings()
    # As `factdesk serve` runs it (service/server.py), or uvicorn's own protocol.
    protocol: Any = "auto" if plain else bounded_head_protocol(settings)
    config = uvicorn.Config(
        create_app(settings), access_log=False, log_level="warning", http=protocol
    )
    server = uvicorn.Server(config)
    serving = asyncio.create_task(server.serve(sockets=[sock]))
    base = f"http://127.0.0.1:{port}"
    await _until_ready(base + "/readyz")
    body = {"query": q.factdesk, "variables": variables(q, params, postgraphile=False)}
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as f:
        json.dump(body, f)
    try:
        await _wrk(base + "/graphql", Path(f.name), connections, 2)  # warm: pool, caches
        profiler = cProfile.Profile()
        if profile:
            profiler.enable()
        cpu = time.process_time()
        result = await _wrk(base + "/graphql", Path(f.name), connections, seconds)
        cpu = time.process_time() - cpu
        if profile:
            profiler.disable()
    finally:
        os.unlink(f.name)
        server.should_exit = True
        await serving
    requests = int(result["requests"])
    print(
        f"{q.name}: {requests / result['seconds']:.0f} req/s, "
        f"server CPU {cpu / requests * 1000:.3f} ms/request, "
        f"p50 {result['p50_ms']} ms, p99 {result['p99_ms']} ms, "
        f"non-2xx {result['non2xx']}" + (" (under cProfile)" if profile else "")
    )
    if profile:
        _report(profiler)
        if save:
            profiler.dump_stats(f"{save}-{q.name}.pstats")
        _by_package(pstats.Stats(profiler), requests)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--query", default="Q1")
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--profile", action="store_true")
    parser.add_argument("--pstats", default="", help="with --profile: write PREFIX-Qn.pstats")
    parser.add_argument(
        "--plain", action="store_true", help="uvicorn's own httptools protocol, not `serve`'s"
    )
    parser.add_argument(
        "--asyncio", action="store_true", help="asyncio's own loop, not uvloop (serve's)"
    )
    args = parser.parse_args()
    measured = measure(
        args.query, args.seconds, args.connections, args.profile, args.pstats, args.plain
    )
    if args.asyncio:
        asyncio.run(measured)
    else:  # as uvicorn runs the app (its loop "auto": uvloop when installed)
        uvloop.run(measured)


if __name__ == "__main__":
    main()
