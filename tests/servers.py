"""Helpers for tests (and benchmarks) that start `factdesk serve` as a real process."""

from __future__ import annotations

import asyncio
import os
import socket
import subprocess
import sys
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

import httpx

from service.config import REPO_ROOT
from service.db import migrate
from service.db.pool import create_pool
from service.db.scratch import recreate_database

FACTDESK = str(Path(sys.executable).with_name("factdesk"))


async def wait_ready(
    client: httpx.AsyncClient, process: subprocess.Popen[bytes], *, within: float
) -> None:
    """Poll /readyz until it answers 200; fail if the process exits or `within` passes."""
    deadline = time.monotonic() + within
    while time.monotonic() < deadline:
        assert process.poll() is None, "the server exited while starting"
        try:
            if (await client.get("/readyz")).status_code == 200:
                return
        except httpx.TransportError:
            pass  # not listening yet
        await asyncio.sleep(0.05)
    raise AssertionError("the server was not ready in time")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


async def seeded_database(server_dsn: str, name: str) -> str:
    """The DSN of database `name` on that server, made anew, migrated, holding the seeds."""
    from service.ingest.seeds import load_seeds

    dsn = await recreate_database(server_dsn, name)
    await asyncio.to_thread(migrate.upgrade, dsn)
    pool = await create_pool(dsn, min_size=1, max_size=2)
    try:
        await load_seeds(pool, REPO_ROOT / "seeds")
    finally:
        await pool.close()
    return dsn


def start_serve(
    dsn: str, *, port: int, log: Path, settings: dict[str, str]
) -> subprocess.Popen[bytes]:
    """`factdesk serve` on 127.0.0.1:`port` against `dsn`, with no FACTDESK_ setting of
    this environment, only `settings` (and no migrations or seeds of its own)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("FACTDESK_")}
    env |= {
        "DATABASE_URL": dsn,
        "FACTDESK_LOAD_SEEDS": "false",
        "FACTDESK_MIGRATE_ON_START": "false",
        "FACTDESK_LOG_LEVEL": "warning",
        **settings,
    }
    return popen_serve(env, port=port, log=log)


def popen_serve(env: dict[str, str], *, port: int, log: Path) -> subprocess.Popen[bytes]:
    """`factdesk serve` on 127.0.0.1:`port` with exactly `env`, its output to `log`."""
    with log.open("wb") as sink:
        return subprocess.Popen(
            [FACTDESK, "serve", "--host", "127.0.0.1", "--port", str(port)],
            env=env,
            stdout=sink,
            stderr=subprocess.STDOUT,
        )


@asynccontextmanager
async def served(
    dsn: str, *, log: Path, settings: dict[str, str], within: float = 60
) -> AsyncIterator[str]:
    """`start_serve` on a free port, waited for until ready; its base URL. Stopped after."""
    port = free_port()
    process = start_serve(dsn, port=port, log=log, settings=settings)
    base = f"http://127.0.0.1:{port}"
    try:
        async with httpx.AsyncClient(base_url=base) as probe:
            await wait_ready(probe, process, within=within)
        yield base
    finally:
        process.terminate()
        process.wait(timeout=30)
