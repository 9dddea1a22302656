"""Issue 19's number floods against a real `factdesk serve`: wall seconds and the CPU of
the server and of its extraction workers, this tree against another in one run.

    .venv/bin/python -m bench.number_floods [--before TREE] [--rounds N (default 3)]
        [--only NAME ...]

One `factdesk serve` per tree (with `--before TREE`, a `git archive` of the commit to
compare with, run from that tree), each with its default settings (one extraction
worker and a warm spare) over a database of its own holding the seeds, both warmed by
an ordinary ingest. Each round sends every flood (tests/attacks.py NUMBER_FLOODS) to
each server in turn, so both see the same machine. Each body is new to its server (its
digits differ from round to round: another copy, not a republication), so extraction
really runs. Prints a Markdown table per round and tree: the answer, wall seconds, and
the CPU seconds of the server process and of its workers while it ran.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import subprocess
import sys
import tempfile
import time
from contextlib import AsyncExitStack
from dataclasses import dataclass
from pathlib import Path

import httpx
import psutil

from service.db.scratch import environment_dsn, scratch_server
from tests.attacks import KEY, NUMBER_FLOODS, request_of
from tests.servers import free_port, seeded_database, wait_ready

ORDINARY_COPY = (
    "Quake toll rises\n\nOfficials said 120 people died in Jajarkot on Saturday, and "
    "more than 400 were injured, the home ministry said.\n"
)


@dataclass
class Server:
    name: str
    process: subprocess.Popen[bytes]
    client: httpx.AsyncClient

    def cpu(self) -> tuple[float, float]:
        """CPU seconds so far of the server process and of all its children."""
        root = psutil.Process(self.process.pid)
        own = root.cpu_times()
        children = 0.0
        for child in root.children(recursive=True):
            try:
                times = child.cpu_times()
            except psutil.NoSuchProcess:
                continue
            children += times.user + times.system
        return own.user + own.system, children


def _serve(tree: Path, dsn: str, port: int, log: Path) -> subprocess.Popen[bytes]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("FACTDESK_")}
    env |= {
        "PYTHONPATH": str(tree),
        "DATABASE_URL": dsn,
        "FACTDESK_LOAD_SEEDS": "false",
        "FACTDESK_MIGRATE_ON_START": "false",
        "FACTDESK_LOG_LEVEL": "warning",
        "FACTDESK_API_KEYS": KEY,
    }
    command = [sys.executable, "-m", "service.cli", "serve", "--host", "127.0.0.1"]
    with log.open("wb") as sink:
        return subprocess.Popen(
            [*command, "--port", str(port)],
            cwd=tree,
            env=env,
            stdout=sink,
            stderr=subprocess.STDOUT,
        )


def _variant(content: bytes, round_: int) -> bytes:
    """The flood with its digits turned into others: new copy of the same shape."""
    if round_ == 0:
        return content
    digits = "".join(str((d + round_) % 9 + 1) for d in range(10))
    table = bytes.maketrans(b"0123456789", digits.encode())
    return content.translate(table)


async def _flood(server: Server, name: str, round_: int) -> str:
    method, path, kwargs = request_of(name)
    kwargs = {**kwargs, "content": _variant(kwargs["content"], round_)}
    own, children = server.cpu()
    started = time.monotonic()
    response = await server.client.request(method, path, **kwargs)
    wall = time.monotonic() - started
    own_after, children_after = server.cpu()
    return (
        f"| {round_ + 1} | {server.name} | {name} | {response.status_code} | {wall:.2f} "
        f"| {own_after - own:.2f} | {children_after - children:.2f} |"
    )


async def run(trees: dict[str, Path], names: list[str], rounds: int) -> None:
    with scratch_server(environment_dsn(), prefix="factdesk-floods-") as server_dsn:
        async with AsyncExitStack() as stack:
            tmp = Path(stack.enter_context(tempfile.TemporaryDirectory()))
            servers: list[Server] = []
            for name, tree in trees.items():
                dsn = await seeded_database(server_dsn, f"factdesk_bench_floods_{name}")
                port = free_port()
                process = _serve(tree, dsn, port, tmp / f"{name}.log")
                stack.callback(_stop, process)
                client = await stack.enter_async_context(
                    httpx.AsyncClient(base_url=f"http://127.0.0.1:{port}", timeout=120)
                )
                await wait_ready(client, process, within=120)
                await client.post(
                    "/api/v1/articles",
                    content=ORDINARY_COPY.encode(),
                    headers={"authorization": f"Bearer {KEY}", "content-type": "text/plain"},
                )
                servers.append(Server(name, process, client))
            await asyncio.sleep(2)  # the spares finish loading
            print("| round | tree | flood | answer | wall s | server CPU s | workers CPU s |")
            print("|---|---|---|---|---:|---:|---:|")
            for round_ in range(rounds):
                for name in names:
                    for server in servers:
                        print(await _flood(server, name, round_), flush=True)


def _stop(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is None:
        process.terminate()
        process.wait(timeout=60)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--before", type=Path, help="a source tree to compare with")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--only", nargs="*", choices=list(NUMBER_FLOODS), default=None)
    args = parser.parse_args()
    trees = {"after": Path(__file__).resolve().parent.parent}
    if args.before is not None:
        trees = {"before": args.before.resolve(), **trees}
    asyncio.run(run(trees, args.only or list(NUMBER_FLOODS), args.rounds))


if __name__ == "__main__":
    main()
