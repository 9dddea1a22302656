"""Slow loris on the request body against a real `factdesk serve`, measured (not asserted).

    .venv/bin/python -m bench.slow_body [--clients 20] [--wait 40]

Starts a scratch PostgreSQL, a database holding the seeds and `factdesk serve` with its
default settings. `--clients` connections each announce a 1 MB ingest and then send one
byte a second; meanwhile /healthz is timed and one 1 MB ingest is sent at full speed. Prints
how long the trickling requests were held (until answered or closed, at most `--wait`
seconds) and what they were answered, and the /healthz and full-speed ingest results.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import tempfile
import time
from pathlib import Path

import httpx

from service.db.scratch import environment_dsn, scratch_server
from tests.attacks import KEY
from tests.servers import free_port, seeded_database, start_serve, wait_ready

LENGTH = 1_000_000


def _head(length: int) -> bytes:
    return (
        b"POST /api/v1/articles HTTP/1.1\r\nhost: x\r\ncontent-type: text/plain\r\n"
        b"authorization: Bearer %s\r\ncontent-length: %d\r\n\r\n" % (KEY.encode(), length)
    )


async def _trickle(port: int, wait: float) -> tuple[float, str]:
    """Seconds the connection was held, and the status line it got ('' for none)."""
    started = time.monotonic()
    reader, writer = await asyncio.open_connection("127.0.0.1", port)

    async def send() -> None:
        writer.write(_head(LENGTH))
        try:
            while not reader.at_eof():
                writer.write(b"x")
                await writer.drain()
                await asyncio.sleep(1.0)
        except ConnectionError:
            pass

    sender = asyncio.create_task(send())
    try:
        answer = await asyncio.wait_for(reader.read(), wait)
        status = answer.split(b"\r\n", 1)[0].decode()
    except TimeoutError:
        status = ""
    finally:
        sender.cancel()
        writer.close()
    return time.monotonic() - started, status


async def _healthz(client: httpx.AsyncClient, until: float) -> list[float]:
    times: list[float] = []
    while time.monotonic() < until:
        started = time.monotonic()
        await client.get("/healthz")
        times.append(time.monotonic() - started)
        await asyncio.sleep(0.1)
    return times


async def run(clients: int, wait: float) -> None:
    with (
        tempfile.TemporaryDirectory() as tmp,
        scratch_server(environment_dsn(), prefix="factdesk-slow-body-") as server_dsn,
    ):
        dsn = await seeded_database(server_dsn, "factdesk_bench_slow_body")
        port = free_port()
        log = Path(tmp) / "serve.log"
        process = start_serve(dsn, port=port, log=log, settings={"FACTDESK_API_KEYS": KEY})
        base = f"http://127.0.0.1:{port}"
        try:
            async with httpx.AsyncClient(base_url=base, timeout=wait) as client:
                await wait_ready(client, process, within=60)
                trickles = [asyncio.create_task(_trickle(port, wait)) for _ in range(clients)]
                probes = asyncio.create_task(_healthz(client, time.monotonic() + 5))
                await asyncio.sleep(1)
                started = time.monotonic()
                fast = await client.post(
                    "/api/v1/articles",
                    content=b" " * LENGTH,
                    headers={"content-type": "text/plain", "authorization": f"Bearer {KEY}"},
                )
                fast_seconds = time.monotonic() - started
                held = await asyncio.gather(*trickles)
                healthz = await probes
        finally:
            process.terminate()
            process.wait(timeout=30)
    seconds = [s for s, _ in held]
    answers = sorted({a or f"no answer in {wait:g} s" for _, a in held})
    print(f"| trickling clients | {clients} |")
    print(
        f"| held, min / median / max s | {min(seconds):.1f} / {statistics.median(seconds):.1f}"
        f" / {max(seconds):.1f} |"
    )
    print(f"| their answers | {'; '.join(answers)} |")
    print(
        f"| /healthz meanwhile, max / median ms | {max(healthz) * 1000:.1f} / "
        f"{statistics.median(healthz) * 1000:.1f} |"
    )
    print(f"| 1 MB ingest at full speed | {fast.status_code} in {fast_seconds:.2f} s |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--wait", type=float, default=40.0)
    args = parser.parse_args()
    asyncio.run(run(args.clients, args.wait))


if __name__ == "__main__":
    main()
