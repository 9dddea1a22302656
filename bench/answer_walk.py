"""/healthz while the worst answers the response cap allows are written (issue 19).

    .venv/bin/python -m bench.answer_walk [--rounds N (default 1)]

The real app is served by uvicorn on this process's event loop, as `factdesk serve` runs
it; a second process probes its /healthz over TCP one request after another. On the
server's loop, the GraphQL view writes each answer of `bench.response_encoding.SHAPES` as
it writes every answer after execution (`process_result`, then `create_response`: the
size walk and orjson), one after another with a pause between. No database and no
execution: what is measured is the writing alone, the part of a worst-case answer that
happens after its deadline-bound execution. Prints, per answer, the wall seconds to write
it and the slowest and median /healthz whose request overlapped the writing (the best of
`--rounds` rounds), and the probes with nothing written, for the machine's own floor.
Compare rows of one run, and runs at two commits one after the other.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import time

import uvicorn
from starlette.requests import Request
from starlette.responses import Response
from strawberry.types import ExecutionResult

from bench.response_encoding import SHAPES
from service.app import create_app
from service.config import Settings
from service.graphql.schema import GraphQLView
from tests.servers import free_port

SCOPE = {"type": "http", "method": "POST", "path": "/graphql", "headers": [], "query_string": b""}
PAUSE = 0.5  # seconds between two answers: probes with nothing written
# The probing process: prints each /healthz request's start and end (CLOCK_MONOTONIC,
# shared by every process of the machine) until its stdin closes.
PROBE = """
import sys, threading, time, httpx
done = threading.Event()
threading.Thread(target=lambda: (sys.stdin.read(), done.set()), daemon=True).start()
with httpx.Client(base_url=sys.argv[1], timeout=None) as client:
    while not done.is_set():
        started = time.monotonic()
        client.get("/healthz").raise_for_status()
        print(started, time.monotonic(), flush=True)
"""
IDLE = "nothing written (probes alone)"


async def _write(view: GraphQLView, data: object) -> int:
    """The answer's bytes, written as the view writes an executed answer."""
    request = Request(dict(SCOPE))
    result = ExecutionResult(data=data, errors=None)  # type: ignore[arg-type]
    answer = await view.process_result(request, result)
    response = view.create_response(answer, Response())
    return len(response.body)


async def _round(view: GraphQLView) -> list[tuple[str, float, float, int]]:
    """Each answer's name, writing window (monotonic start and end) and bytes."""
    windows = []
    started = time.monotonic()
    await asyncio.sleep(PAUSE)
    windows.append((IDLE, started, time.monotonic(), 0))
    for name, build, _written in SHAPES:
        # Building the answer holds the loop too: the pauses keep it out of the window.
        data = build()
        await asyncio.sleep(PAUSE)
        started = time.monotonic()
        size = await _write(view, data)
        windows.append((name, started, time.monotonic(), size))
        await asyncio.sleep(PAUSE)
        del data
    return windows


async def run(rounds: int) -> None:
    settings = Settings(factdesk_load_seeds=False)
    view = GraphQLView(lambda request: None, settings)
    port = free_port()
    config = uvicorn.Config(create_app(settings), port=port, log_level="warning", lifespan="off")
    server = uvicorn.Server(config)
    serving = asyncio.ensure_future(server.serve())
    while not server.started:  # noqa: ASYNC110 (uvicorn.Server has no event to wait on)
        await asyncio.sleep(0.01)
    probe = await asyncio.create_subprocess_exec(
        sys.executable,
        "-c",
        PROBE,
        f"http://127.0.0.1:{port}",
        stdin=asyncio.subprocess.PIPE,
        stdout=asyncio.subprocess.PIPE,
    )
    assert probe.stdout is not None
    await probe.stdout.readline()  # probing
    windows = [w for _ in range(rounds) for w in await _round(view)]
    assert probe.stdin is not None
    probe.stdin.close()
    out, _ = await probe.communicate()
    server.should_exit = True
    await serving
    probes = [tuple(map(float, line.split())) for line in out.decode().splitlines()]
    best: dict[str, tuple[float, int, float, float]] = {}
    for name, start, end, size in windows:
        overlapping = [e - s for s, e in probes if s < end and e > start]
        if not overlapping:
            continue
        row = (end - start, size, max(overlapping), statistics.median(overlapping))
        if name not in best or row[2] < best[name][2]:
            best[name] = row
    print("| answer | bytes answered | write s | /healthz max / median ms |")
    print("|---|---:|---:|---:|")
    for name, (seconds, size, slowest, median) in best.items():
        print(f"| {name} | {size:,} | {seconds:.3f} | {slowest * 1000:.1f} / {median * 1000:.2f} |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rounds", type=int, default=1)
    args = parser.parse_args()
    asyncio.run(run(args.rounds))


if __name__ == "__main__":
    main()
