"""Issue 4's drill: mixed reads and ingests at 32 clients with PostgreSQL restarted once.

    .venv/bin/python -m bench.outage [--seconds 60] [--clients 32] [--outage-at 25]

Starts an embedded PostgreSQL in a temporary directory, `factdesk serve` against it (a real
uvicorn process), drives it over HTTP, stops PostgreSQL in the middle and starts it again,
then checks: no 5xx outside the outage window, every acknowledged ingest stored exactly
once (503'd ingests are retried as a client following Retry-After would), and how long the
service took to be ready again once the database was back. Prints a report; exits 1 when
a check fails.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import asyncpg
import httpx

from service.config import REPO_ROOT
from service.db import migrate
from service.db.embedded import EmbeddedServer, start_embedded
from tests.copies import with_sentence

API_KEY = "drill-key"
RETRY_AFTER = 1.0  # seconds, what the service's 503s say
NAMES = ["Tokayev", "Toqaev", "Nazarbayev", "OSCE", "Kosanov", "Almaty", "Zaitov"]
Q_ARTICLES = "{ articles(first: 20) { edges { node { headline publishedAt outlet { name } } } } }"
Q_ENTITY = """query($n: String) { entity(name: $n) { name facts { label
    values { value sources { outlet { name } excerpt } } } } }"""


@dataclass
class Sample:
    started: float
    ended: float
    op: str
    status: int  # 0: no HTTP response at all


@dataclass
class Drill:
    base: str
    deadline: float
    samples: list[Sample] = field(default_factory=list)
    acknowledged: set[str] = field(default_factory=set)
    pending: list[str] = field(default_factory=list)  # ingests answered 503: retry later
    sequence: int = 0
    errors: list[str] = field(default_factory=list)  # bodies of unexpected 5xx


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _story(token: str) -> str:
    """The same copy for the same token, so a retry is the same ingest (idempotent)."""
    seeds = sorted((REPO_ROOT / "seeds").glob("*.txt"))
    base = seeds[int(token[1:]) % len(seeds)].read_text(encoding="utf-8")
    return with_sentence(base, f"Drill update {token}: the story was revised.")


async def _ingest(client: httpx.AsyncClient, drill: Drill, token: str) -> int:
    response = await client.post(
        "/api/v1/articles",
        json={"text": _story(token), "outlet": "Drill Wire"},
        headers={"Authorization": f"Bearer {API_KEY}"},
    )
    if response.status_code in (200, 201):
        drill.acknowledged.add(token)
    elif response.status_code >= 500 and response.status_code != 503:
        drill.errors.append(f"{response.status_code} {response.text[:300]}")
    elif response.status_code == 503:
        drill.pending.append(token)
    return response.status_code


async def _one(client: httpx.AsyncClient, drill: Drill) -> tuple[str, int]:
    """One request of the mix: 20% ingests, the rest reads of four kinds."""
    roll = random.random()
    if roll < 0.2:
        drill.sequence += 1
        return "ingest", await _ingest(client, drill, f"t{drill.sequence:06d}")
    if roll < 0.55:
        response = await client.post("/graphql", json={"query": Q_ARTICLES})
        return "graphql_articles", response.status_code
    if roll < 0.75:
        variables = {"n": random.choice(NAMES)}
        response = await client.post("/graphql", json={"query": Q_ENTITY, "variables": variables})
        return "graphql_entity", response.status_code
    if roll < 0.9:
        return "rest_articles", (await client.get("/api/v1/articles?first=20")).status_code
    search = random.choice(NAMES)
    return "rest_entities", (await client.get(f"/api/v1/entities?search={search}")).status_code


async def _client_loop(drill: Drill) -> None:
    async with httpx.AsyncClient(base_url=drill.base, timeout=30) as client:
        while time.monotonic() < drill.deadline:
            started = time.monotonic()
            try:
                op, status = await _one(client, drill)
            except httpx.HTTPError:
                op, status = "error", 0
            drill.samples.append(Sample(started, time.monotonic(), op, status))
            if status == 503:
                await asyncio.sleep(RETRY_AFTER)  # as the 503's Retry-After asks


async def _outage(
    server: EmbeddedServer, drill: Drill, at: float, down_for: float
) -> dict[str, float]:
    await asyncio.sleep(at)
    marks = {"down": time.monotonic()}
    await asyncio.to_thread(server.halt)
    await asyncio.sleep(down_for)
    await asyncio.to_thread(server.resume)
    marks["db_up"] = time.monotonic()
    async with httpx.AsyncClient(base_url=drill.base, timeout=5) as client:
        while (await client.get("/readyz")).status_code != 200:  # noqa: ASYNC110 - polling HTTP
            await asyncio.sleep(0.05)
    marks["ready"] = time.monotonic()
    return marks


async def _retry_pending(drill: Drill, clients: int) -> int:
    """Ingests refused during the outage, sent again (each at most a few times)."""
    queue = list(dict.fromkeys(drill.pending))
    left = 0

    async def worker(client: httpx.AsyncClient) -> None:
        nonlocal left
        while queue:
            token = queue.pop()
            for _ in range(5):
                if await _ingest(client, drill, token) in (200, 201):
                    break
                await asyncio.sleep(RETRY_AFTER)
            else:
                left += 1

    async with httpx.AsyncClient(base_url=drill.base, timeout=30) as client:
        await asyncio.gather(*(worker(client) for _ in range(clients)))
    return left


async def _stored(dsn: str) -> Counter[str]:
    conn = await asyncpg.connect(dsn)
    try:
        rows = await conn.fetch(
            "SELECT substring(raw_text from 'Drill update (t[0-9]+):') AS token FROM articles"
        )
    finally:
        await conn.close()
    return Counter(r["token"] for r in rows if r["token"])


def _wait_ready(base: str, proc: subprocess.Popen[bytes], limit: float = 60) -> None:
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError("factdesk serve exited during start-up")
        try:
            if httpx.get(base + "/readyz", timeout=1).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.1)
    raise RuntimeError("factdesk serve was not ready in time")


async def run(args: argparse.Namespace) -> int:
    workdir = Path(tempfile.mkdtemp(prefix="factdesk-drill-"))
    server = await asyncio.to_thread(start_embedded, workdir)
    dsn = server.uri()
    await asyncio.to_thread(migrate.upgrade, dsn)
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    env = {
        **os.environ,
        "DATABASE_URL": dsn,
        "FACTDESK_API_KEYS": API_KEY,
        "FACTDESK_LOG_LEVEL": "warning",
        "FACTDESK_POOL_MAX": "10",
    }
    proc = subprocess.Popen(  # noqa: ASYNC220 - our own CLI, started once
        [sys.executable, "-m", "service.cli", "serve", "--port", str(port)], env=env
    )
    try:
        await asyncio.to_thread(_wait_ready, base, proc)
        started = time.monotonic()
        drill = Drill(base=base, deadline=started + args.seconds)
        outage = asyncio.create_task(_outage(server, drill, args.outage_at, args.down_for))
        await asyncio.gather(*(_client_loop(drill) for _ in range(args.clients)))
        marks = await outage
        unretried = await _retry_pending(drill, args.clients)
        stored = await _stored(dsn)
    finally:
        proc.send_signal(signal.SIGTERM)
        proc.wait(timeout=30)
        server.stop()
    return _report(args, drill, marks, stored, unretried, started)


def _report(
    args: argparse.Namespace,
    drill: Drill,
    marks: dict[str, float],
    stored: Counter[str],
    unretried: int,
    started: float,
) -> int:
    down, ready = marks["down"], marks["ready"]
    inside = [s for s in drill.samples if s.ended >= down and s.started <= ready]
    outside = [s for s in drill.samples if s not in inside]
    bad_outside = [s for s in outside if s.status >= 500 or s.status == 0]
    duplicated = [t for t, n in stored.items() if n > 1]
    lost = sorted(drill.acknowledged - set(stored))
    elapsed = max(s.ended for s in drill.samples) - started
    print(f"clients {args.clients}, {elapsed:.1f} s, {len(drill.samples)} requests "
          f"({len(drill.samples) / elapsed:.0f}/s)")  # fmt: skip
    print(f"outage: PostgreSQL down at +{down - started:.1f} s for {args.down_for:.1f} s; "
          f"service ready {ready - marks['db_up']:.2f} s after the database was back")  # fmt: skip
    print("by operation and status, outside the outage window:")
    for (op, status), n in sorted(Counter((s.op, s.status) for s in outside).items()):
        print(f"  {op:18} {status}: {n}")
    print("inside the outage window:", dict(Counter(s.status for s in inside)))
    for error in drill.errors[:5]:
        print("unexpected:", error)
    print(f"ingests acknowledged {len(drill.acknowledged)}, stored {len(stored)}, "
          f"lost {len(lost)}, duplicated {len(duplicated)}, retried after 503 "
          f"{len(set(drill.pending))}, still failing {unretried}")  # fmt: skip
    checks = {
        "no 5xx outside the outage window": not bad_outside,
        "no acknowledged ingest lost": not lost,
        "no ingest stored twice": not duplicated,
        "ready within 5 s of the database": ready - marks["db_up"] <= 5,
    }
    for name, ok in checks.items():
        print(f"{'PASS' if ok else 'FAIL'}: {name}")
    return 0 if all(checks.values()) else 1


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--clients", type=int, default=32)
    parser.add_argument("--outage-at", type=float, default=25)
    parser.add_argument("--down-for", type=float, default=5)
    sys.exit(asyncio.run(run(parser.parse_args())))


if __name__ == "__main__":
    main()
