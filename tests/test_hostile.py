"""Hostile requests replayed against a real server (`factdesk serve` on 127.0.0.1).

Each attack of issue 19 must get its clear answer (a 4xx, an error code, or a correct
bounded answer) while /healthz keeps answering, and must leave the database as it was.
The bounds are generous on purpose (ATTACK_BOUND, HEALTHZ_BOUND: many times what the
fixed server takes, on a loaded CI machine): they catch the regressions that matter, an
attack that runs for minutes or freezes the event loop, not a slow machine.
"""

from __future__ import annotations

import asyncio
import subprocess
import time
from collections.abc import AsyncIterator, Awaitable
from dataclasses import dataclass
from typing import Generic, TypeVar

import asyncpg
import httpx
import pytest
import pytest_asyncio

from service.ingest.figures.stage import MAX_FIGURES
from tests.attacks import (
    ATTACKS,
    KEY,
    LONG_TOKENS,
    NUMBER_FLOODS,
    SLOW_BODIES,
    RawAnswer,
    error_code,
    request_of,
    send_slowly,
)
from tests.conftest import TABLES
from tests.servers import free_port, seeded_database, start_serve, wait_ready

STARTUP_BOUND = 120.0  # seconds to become ready; 30 s was missed twice at load 6-7
ATTACK_BOUND = 10.0  # seconds of server time any attack may take (the aim is under 1 s)
HEALTHZ_BOUND = 2.0  # slowest /healthz while an attack runs (the aim is 100 ms)
CLIENT_TIMEOUT = 60.0  # an attack still running after this fails the test
BODY_TIMEOUT = 2.0  # the server's FACTDESK_REQUEST_BODY_TIMEOUT (10 s by default)
T = TypeVar("T")

pytestmark = pytest.mark.asyncio(loop_scope="session")


@dataclass
class Server:
    client: httpx.AsyncClient
    probe: httpx.AsyncClient  # its own connections, so probes never queue behind an attack
    dsn: str


@pytest_asyncio.fixture(scope="module", loop_scope="session")
async def server(
    server_dsn: str, tmp_path_factory: pytest.TempPathFactory
) -> AsyncIterator[Server]:
    dsn = await seeded_database(server_dsn, "factdesk_hostile")
    port = free_port()
    log = tmp_path_factory.mktemp("hostile") / "server.log"
    # A body that trickles in is cut off BODY_TIMEOUT after it starts (plus a second per
    # 16 KiB received, FACTDESK_REQUEST_BODY_MIN_RATE): well within ATTACK_BOUND.
    settings = {"FACTDESK_API_KEYS": KEY, "FACTDESK_REQUEST_BODY_TIMEOUT": str(BODY_TIMEOUT)}
    process = start_serve(dsn, port=port, log=log, settings=settings)
    base = f"http://127.0.0.1:{port}"
    client = httpx.AsyncClient(base_url=base, timeout=CLIENT_TIMEOUT)
    probe = httpx.AsyncClient(base_url=base, timeout=CLIENT_TIMEOUT)
    try:
        await wait_ready(probe, process, within=STARTUP_BOUND)
        yield Server(client, probe, dsn)
    finally:
        await client.aclose()
        await probe.aclose()
        process.terminate()
        try:
            process.wait(timeout=STARTUP_BOUND)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


async def _row_counts(dsn: str) -> dict[str, int]:
    conn = await asyncpg.connect(dsn)
    try:
        return {
            table: int(await conn.fetchval(f"SELECT count(*) FROM {table}"))
            for table in TABLES.replace(" ", "").split(",")
        }
    finally:
        await conn.close()


@dataclass
class Outcome(Generic[T]):
    response: T
    seconds: float
    slowest_healthz: float


async def _under_attack(server: Server, attack: Awaitable[T]) -> Outcome[T]:
    """Runs `attack` while probing /healthz, one probe after another, until it answers."""
    started = time.monotonic()
    task = asyncio.ensure_future(attack)
    slowest = 0.0
    probes = 0
    while probes < 10_000:  # bounded; an attack that outlasts CLIENT_TIMEOUT fails anyway
        probe_started = time.monotonic()
        health = await server.probe.get("/healthz")
        slowest = max(slowest, time.monotonic() - probe_started)
        assert health.status_code == 200
        probes += 1
        if task.done():
            break
    response = await task
    return Outcome(response, time.monotonic() - started, slowest)


@pytest.mark.parametrize("name", list(ATTACKS))
async def test_an_attack_is_answered_and_changes_nothing(server: Server, name: str) -> None:
    method, path, kwargs = request_of(name)
    _, _, _, status, code = ATTACKS[name]
    before = await _row_counts(server.dsn)
    outcome = await _under_attack(server, server.client.request(method, path, **kwargs))
    assert outcome.response.status_code == status, outcome.response.text[:500]
    if code is None:
        assert "errors" not in outcome.response.json()
    else:
        assert error_code(outcome.response) == code
    assert outcome.seconds < ATTACK_BOUND, outcome
    assert outcome.slowest_healthz < HEALTHZ_BOUND, outcome
    assert await _row_counts(server.dsn) == before


@pytest.mark.parametrize("name", list(LONG_TOKENS))
async def test_copy_with_one_long_token_is_ingested_without_freezing(
    server: Server, name: str
) -> None:
    method, path, kwargs = request_of(name)
    before = await _row_counts(server.dsn)
    outcome = await _under_attack(server, server.client.request(method, path, **kwargs))
    assert outcome.response.status_code in (200, 201), outcome.response.text[:500]
    assert outcome.seconds < ATTACK_BOUND, outcome
    assert outcome.slowest_healthz < HEALTHZ_BOUND, outcome
    after = await _row_counts(server.dsn)
    assert after["articles"] - before["articles"] <= 1


@pytest.mark.parametrize("name", list(NUMBER_FLOODS))
async def test_copy_made_of_numbers_gets_a_bounded_answer(server: Server, name: str) -> None:
    method, path, kwargs = request_of(name)
    before = await _row_counts(server.dsn)
    outcome = await _under_attack(server, server.client.request(method, path, **kwargs))
    response = outcome.response
    # Stored with its first figures read (the bounds), or refused whole past the CPU
    # budget: either is a clear answer. Never an error of the server's own.
    assert response.status_code in (200, 201, 422), response.text[:500]
    if response.status_code == 422:
        assert response.json()["code"] == "article_too_complex"
    assert outcome.seconds < ATTACK_BOUND, outcome
    assert outcome.slowest_healthz < HEALTHZ_BOUND, outcome
    after = await _row_counts(server.dsn)
    assert after["articles"] - before["articles"] <= 1
    assert after["figures"] - before["figures"] <= MAX_FIGURES


@pytest.mark.parametrize("name", list(SLOW_BODIES))
async def test_a_body_that_trickles_in_is_cut_off(server: Server, name: str) -> None:
    _, _, status, code = SLOW_BODIES[name]
    before = await _row_counts(server.dsn)
    attack = asyncio.wait_for(send_slowly(str(server.client.base_url), name), CLIENT_TIMEOUT)
    outcome: Outcome[RawAnswer] = await _under_attack(server, attack)
    assert (outcome.response.status, outcome.response.code) == (status, code), outcome
    assert BODY_TIMEOUT <= outcome.seconds < ATTACK_BOUND, outcome
    assert outcome.slowest_healthz < HEALTHZ_BOUND, outcome
    assert await _row_counts(server.dsn) == before
