"""The server's memory while it sends the largest answers the response cap allows (issue 19).

    .venv/bin/python -m bench.answer_memory [--before TREE] [--rounds N (default 3)]

Each answer of `bench.response_encoding.SHAPES` that orjson writes is sent by a server in
a process of its own, served by uvicorn on 127.0.0.1 as `factdesk serve` runs it: one route
runs the GraphQL view's own writing on the answer built at start-up (`process_result`,
then `create_response`: measured, written, sent), as for an executed answer. No database
and no execution: what is measured is what writing and sending add. Once the server is up
and has answered once (a small answer: every code path loaded), its peak RSS is reset
(`/proc/PID/clear_refs`); one client then reads the answer at full speed, another 64 KiB
every 20 ms (a slow reader: what the server holds while the socket is full); the peak RSS
(`VmHWM`) over the idle RSS is the cost of the answer.

`--before TREE` runs the same server from another source tree (a `git archive` of the
commit to compare with), alternating with this one in every round, so both see the same
machine. Prints the least and the median of the rounds, in MiB.
"""

from __future__ import annotations

import argparse
import os
import socket
import statistics
import subprocess
import sys
import time
from pathlib import Path

import httpx

from bench.response_encoding import SHAPES
from tests.servers import free_port

# The server: the shape's answer built once, then written by the view for every request.
SERVER = """
import sys, uvicorn
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route
from strawberry.types import ExecutionResult
from bench.response_encoding import SHAPES
from service.config import Settings
from service.graphql.schema import GraphQLView

data = [build for name, build, _ in SHAPES if name == sys.argv[2]][0]()
warm = {"x": [{"a": i} for i in range(30_000)]}  # 300 KB: pieces too, the code paths loaded
view = GraphQLView(lambda request: None, Settings(factdesk_load_seeds=False))

async def answer(request: Request) -> Response:
    result = ExecutionResult(data=warm if request.query_params else data, errors=None)
    answer = await view.process_result(request, result)
    return view.create_response(answer, await view.get_sub_response(request))

app = Starlette(routes=[Route("/graphql", answer, methods=["POST"])])
uvicorn.run(app, host="127.0.0.1", port=int(sys.argv[1]), log_level="warning")
"""
SLOW_READ = 64 * 1024  # bytes the slow reader takes at a time
SLOW_PAUSE = 0.02  # seconds between two of its reads
MIB = 1024 * 1024


def _status(pid: int, field: str) -> int:
    """A `VmRSS`/`VmHWM` line of /proc/PID/status, in bytes."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1]) * 1024
    raise KeyError(field)


def _read_fast(port: int) -> int:
    response = httpx.post(f"http://127.0.0.1:{port}/graphql", timeout=60)
    response.raise_for_status()
    return len(response.content)


def _read_slowly(port: int) -> int:
    """Reads the answer over a raw socket, SLOW_READ bytes every SLOW_PAUSE seconds."""
    request = (
        "POST /graphql HTTP/1.1\r\nHost: bench\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
    )
    received = 0
    with socket.create_connection(("127.0.0.1", port)) as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, SLOW_READ)
        sock.sendall(request.encode())
        while chunk := sock.recv(SLOW_READ):
            received += len(chunk)
            time.sleep(SLOW_PAUSE)
    return received


def _growth(tree: Path, shape: str, read: str) -> tuple[float, int]:
    """(peak RSS over idle RSS in bytes, bytes read) of one answer sent by a fresh server
    running the code of `tree`."""
    port = free_port()
    env = {**os.environ, "PYTHONPATH": str(tree)}
    server = subprocess.Popen([sys.executable, "-c", SERVER, str(port), shape], cwd=tree, env=env)
    try:
        for _ in range(600):
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=1):
                    break
            except OSError:
                time.sleep(0.1)
        httpx.post(f"http://127.0.0.1:{port}/graphql?warm", timeout=60).raise_for_status()
        time.sleep(0.5)
        Path(f"/proc/{server.pid}/clear_refs").write_text("5")  # the peak starts here
        idle = _status(server.pid, "VmRSS")
        size = _read_slowly(port) if read == "slow" else _read_fast(port)
        return _status(server.pid, "VmHWM") - idle, size
    finally:
        server.terminate()
        server.wait()


def run(trees: dict[str, Path], rounds: int) -> None:
    print("| answer | reader | bytes | " + " | ".join(f"{n}: MiB least / median" for n in trees))
    print("|---|---|---:|" + "---:|" * len(trees))
    for name, _build, written in SHAPES:
        if not written:
            continue
        for read in ("fast", "slow"):
            grown: dict[str, list[float]] = {label: [] for label in trees}
            size = 0
            for _ in range(rounds):
                for label, tree in trees.items():
                    growth, size = _growth(tree, name, read)
                    grown[label].append(growth / MIB)
            cells = [f"{min(g):.1f} / {statistics.median(g):.1f}" for g in grown.values()]
            print(f"| {name} | {read} | {size:,} | " + " | ".join(cells) + " |", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--before", type=Path, help="a source tree to compare with")
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    trees = {"this tree": Path.cwd()}
    if args.before is not None:
        trees = {"before": args.before.resolve(), **trees}
    run(trees, args.rounds)


if __name__ == "__main__":
    main()
