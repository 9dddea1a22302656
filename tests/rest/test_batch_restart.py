"""A real `factdesk serve` killed (SIGKILL) in the middle of a batch: after a restart each
article of it is whole (its figures, quotes, mentions and facts, as an ingest with nothing
in the way stores them) or absent, and the batch sent again with the same line keys
leaves exactly one copy of each (issue 17)."""

from __future__ import annotations

import asyncio
import signal
from pathlib import Path

import asyncpg
import httpx
import orjson
import psutil
import pytest

from service.db import migrate
from service.db.pool import create_pool
from service.db.scratch import recreate_database
from service.ingest.model import ArticleMeta
from service.ingest.pipeline import ingest_article
from tests.servers import free_port, start_serve, wait_ready

KEY = "restart-test-key"
LINES = 40
KILL_AT = 6  # articles committed when the server is killed
HEADERS = {"Authorization": f"Bearer {KEY}", "Content-Type": "application/x-ndjson"}
# Per article, by its copy: what was stored of it.
STORED = """
    SELECT a.content_hash,
           (SELECT count(*) FROM figures f WHERE f.article_id = a.id) AS figures,
           (SELECT count(*) FROM figures f WHERE f.article_id = a.id
                AND f.fact_id IS NOT NULL) AS in_facts,
           (SELECT count(*) FROM quotes q WHERE q.article_id = a.id) AS quotes,
           (SELECT count(*) FROM mentions m WHERE m.article_id = a.id) AS mentions,
           (SELECT count(*) FROM changes c WHERE c.article_id = a.id) AS changes
    FROM articles a
"""

pytestmark = pytest.mark.asyncio(loop_scope="session")


def _copy(n: int) -> str:
    return (
        f"Floods hit district {n}\n\n"
        f"Floods in district {n} of Jajarkot killed {100 + n} people on Sunday, police said.\n\n"
        f'"We are still looking for {10 + n} missing people," said Ram Thapa, the chief '
        "district officer.\n"
    )


def _batch() -> bytes:
    lines = [
        {"text": _copy(n), "outlet": "Wire", "idempotencyKey": f"line-{n}"} for n in range(LINES)
    ]
    return b"".join(orjson.dumps(line) + b"\n" for line in lines)


async def _stored(dsn: str) -> dict[str, tuple[int, ...]]:
    conn = await asyncpg.connect(dsn)
    try:
        rows = await conn.fetch(STORED)
        keys_without_article = await conn.fetchval(
            "SELECT count(*) FROM idempotency_keys k WHERE NOT EXISTS "
            "(SELECT 1 FROM articles a WHERE a.id = k.article_id)"
        )
    finally:
        await conn.close()
    assert keys_without_article == 0
    found = {r["content_hash"]: tuple(r)[1:] for r in rows}
    assert len(found) == len(rows)  # one article per copy
    return found


async def _reference(server_dsn: str) -> dict[str, tuple[int, ...]]:
    """Each article as an ingest with no kill in the way stores it."""
    dsn = await recreate_database(server_dsn, "factdesk_restart_reference")
    await asyncio.to_thread(migrate.upgrade, dsn)
    pool = await create_pool(dsn, min_size=1, max_size=2)
    try:
        for n in range(LINES):
            await ingest_article(pool, _copy(n), ArticleMeta(outlet="Wire"))
    finally:
        await pool.close()
    return await _stored(dsn)


def _kill(process: psutil.Process) -> None:
    """SIGKILL to the server and its extraction worker: no handler, no cleanup runs."""
    family = [process, *process.children(recursive=True)]
    for member in family:
        member.send_signal(signal.SIGKILL)
    gone, alive = psutil.wait_procs(family, timeout=30)
    assert alive == []
    # Only the server is this process's child, whose exit status psutil can read.
    assert [p.returncode for p in gone if p.pid == process.pid] == [-signal.SIGKILL]


async def _kill_when_stored(dsn: str, server: psutil.Process) -> None:
    """Kills the server the moment KILL_AT articles are committed: the others in flight
    are being extracted or written then."""
    conn = await asyncpg.connect(dsn)
    try:
        for _ in range(24_000):  # two minutes at most
            if await conn.fetchval("SELECT count(*) FROM articles") >= KILL_AT:
                break
            await asyncio.sleep(0.005)
        else:
            raise AssertionError(f"{KILL_AT} articles were not stored in two minutes")
    finally:
        await conn.close()
    _kill(server)


async def test_a_batch_cut_by_sigkill_is_whole_or_absent_and_sent_again_once(
    server_dsn: str, tmp_path: Path
) -> None:
    reference = await _reference(server_dsn)
    assert len(reference) == LINES
    assert all(figures >= 2 and quotes == 1 for figures, _, quotes, _, _ in reference.values())
    dsn = await recreate_database(server_dsn, "factdesk_restart")
    await asyncio.to_thread(migrate.upgrade, dsn)
    settings = {"FACTDESK_API_KEYS": KEY}
    port = free_port()
    base = f"http://127.0.0.1:{port}"

    first = start_serve(dsn, port=port, log=tmp_path / "first.log", settings=settings)
    try:
        async with httpx.AsyncClient(base_url=base, timeout=120) as client:
            await wait_ready(client, first, within=60)
            sending = asyncio.create_task(
                client.post("/api/v1/articles:batch", content=_batch(), headers=HEADERS)
            )
            await _kill_when_stored(dsn, psutil.Process(first.pid))
            with pytest.raises(httpx.HTTPError):  # the connection died with the server
                await sending
    finally:
        if first.poll() is None:  # a failure before the kill
            first.kill()
        first.wait(timeout=30)  # after the kill psutil reaped it: this closes the Popen

    cut = await _stored(dsn)
    assert KILL_AT <= len(cut) < LINES  # killed in the middle
    assert cut == {h: reference[h] for h in cut}  # each one whole

    second = start_serve(dsn, port=port, log=tmp_path / "second.log", settings=settings)
    try:
        async with httpx.AsyncClient(base_url=base, timeout=300) as client:
            await wait_ready(client, second, within=60)
            again = await client.post("/api/v1/articles:batch", content=_batch(), headers=HEADERS)
    finally:
        second.terminate()
        second.wait(timeout=30)
    results = [orjson.loads(line) for line in again.content.splitlines()]
    assert len(results) == LINES
    assert all(r["status"] in (200, 201) and "problem" not in r for r in results), results
    assert sum(r["replayed"] for r in results) == len(cut)  # stored before: replayed
    assert await _stored(dsn) == reference  # one copy of each, each whole
