"""`factdesk serve` stopped (SIGTERM) while an ingest runs: the ingest is stopped whole and
answered 503 `shutting_down`, and the process exits 0 without waiting for the article."""

from __future__ import annotations

import asyncio
import signal
from pathlib import Path

import asyncpg
import httpx
import psutil
import pytest

from tests.attacks import KEY, NUMBER_FLOODS
from tests.conftest import TABLES
from tests.servers import free_port, seeded_database, start_serve, wait_ready

pytestmark = pytest.mark.asyncio(loop_scope="session")


async def _rows(dsn: str) -> dict[str, int]:
    conn = await asyncpg.connect(dsn)
    try:
        return {
            table: await conn.fetchval(f"SELECT count(*) FROM {table}")
            for table in TABLES.replace(" ", "").split(",")
        }
    finally:
        await conn.close()


async def _in_flight(client: httpx.AsyncClient) -> float:
    """The server's HTTP requests in flight (its own /metrics request among them)."""
    text = (await client.get("/metrics")).text
    [line] = [x for x in text.splitlines() if x.startswith("factdesk_http_requests_in_flight ")]
    return float(line.split()[1])


async def _until_in_flight(client: httpx.AsyncClient, idle: float) -> None:
    """Wait (60 s at most) until the server has begun answering one more request."""
    for _ in range(6000):
        if await _in_flight(client) > idle:
            return
        await asyncio.sleep(0.01)
    raise AssertionError("the ingest never reached the server")


async def test_sigterm_stops_an_ingest_in_flight_whole_and_exits(
    server_dsn: str, tmp_path: Path
) -> None:
    dsn = await seeded_database(server_dsn, "factdesk_server_sigterm")
    before = await _rows(dsn)
    port = free_port()
    log = tmp_path / "server.log"
    process = start_serve(dsn, port=port, log=log, settings={"FACTDESK_API_KEYS": KEY})
    async with httpx.AsyncClient(base_url=f"http://127.0.0.1:{port}", timeout=120) as client:
        try:
            await wait_ready(client, process, within=120)
            idle = await _in_flight(client)
            # The extraction workers get no CPU at all: the article cannot be finished,
            # however fast the machine (a long article on a loaded one, in the extreme).
            workers = [
                child
                for child in psutil.Process(process.pid).children(recursive=True)
                if "multiprocessing" in " ".join(child.cmdline())
                and "resource_tracker" not in " ".join(child.cmdline())
            ]
            assert workers
            for worker in workers:
                worker.send_signal(signal.SIGSTOP)
            ingest = asyncio.ensure_future(
                client.post(
                    "/api/v1/articles",
                    content=NUMBER_FLOODS["1 MiB of numbers"].encode(),
                    headers={"Authorization": f"Bearer {KEY}", "Content-Type": "text/plain"},
                )
            )
            await _until_in_flight(client, idle)
            process.send_signal(signal.SIGTERM)
            answer = await ingest
            status = await asyncio.to_thread(process.wait, 60)
        finally:
            if process.poll() is None:
                process.kill()
                process.wait()
    assert answer.status_code == 503, answer.text
    assert answer.headers["content-type"] == "application/problem+json"
    assert answer.json()["code"] == "shutting_down"
    assert answer.headers["retry-after"]
    assert status == 0, log.read_text()
    assert await _rows(dsn) == before
