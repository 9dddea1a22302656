"""Reads from a streaming replica (FACTDESK_READ_DATABASE_URL): ingested on the primary,
the new values are read through the replica once it has replayed them, and until then
from the primary, so no answer is older than the data version the request began at."""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path

import asyncpg
import httpx
import pytest
import pytest_asyncio
from pydantic import SecretStr

from service.app import create_app
from service.config import Settings
from service.db import migrate
from service.db.embedded import start_embedded
from service.db.pool import create_pool
from service.db.replicas import ReadRouter
from service.db.versions import current_data_version, version_reached
from service.ingest.model import ArticleMeta
from service.ingest.pipeline import ingest_article
from service.lifespan import open_replicas
from tests.replica import streaming_replica

LAG_BOUND = 5.0  # seconds: the README's bound on how long a replica may trail on one host
HEADLINES = "query %s { articles(first: 50) { edges { node { headline } } } }"


@dataclass
class Topology:
    primary: asyncpg.Pool
    replica: asyncpg.Pool
    router: ReadRouter
    client: httpx.AsyncClient
    primary_queries: list[object]  # every statement the primary pool ran
    replica_dsn: str


@pytest_asyncio.fixture(scope="module")
async def topology(tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[Topology]:
    root: Path = tmp_path_factory.mktemp("replication")
    server = await asyncio.to_thread(start_embedded, root)
    try:
        await asyncio.to_thread(migrate.upgrade, server.uri())
        with streaming_replica(server, root / "replica") as replica_dsn:
            primary_queries: list[object] = []
            primary = await create_pool(
                server.uri(), max_size=3, query_logger=primary_queries.append
            )
            replica = await create_pool(replica_dsn, max_size=3)
            router = ReadRouter(primary, [replica])
            app = create_app(
                Settings(factdesk_load_seeds=False, factdesk_allow_anonymous_writes=True)
            )
            app.state.pool = primary
            app.state.reads = router
            transport = httpx.ASGITransport(app=app)
            try:
                async with httpx.AsyncClient(transport=transport, base_url="http://t") as client:
                    yield Topology(primary, replica, router, client, primary_queries, replica_dsn)
            finally:
                await router.close()
                await primary.close()
    finally:
        await asyncio.to_thread(server.stop)


async def _ingest(pool: asyncpg.Pool, headline: str) -> str:
    """Ingests an article on the primary; returns the data version it committed."""
    # The headline in the story too: the same story under another headline is no new article.
    text = f"{headline}\n\n{headline}: police in Almaty said 3 people were hurt on Monday."
    await ingest_article(pool, text, ArticleMeta(headline=headline, outlet="Wire"))
    async with pool.acquire() as conn:
        return await current_data_version(conn)


async def _headlines(client: httpx.AsyncClient, name: str) -> set[str]:
    """The headlines, asked under an operation name of its own (no cached answer)."""
    answer = (await client.post("/graphql", json={"query": HEADLINES % name})).json()
    return {e["node"]["headline"] for e in answer["data"]["articles"]["edges"]}


async def _replayed(replica: asyncpg.Pool, version: str) -> float:
    """Seconds until the replica has replayed `version` (fails past LAG_BOUND)."""
    started = time.monotonic()
    while time.monotonic() - started < LAG_BOUND:
        async with replica.acquire() as conn:
            if version_reached(await current_data_version(conn), version):
                return time.monotonic() - started
        await asyncio.sleep(0.005)
    raise AssertionError(f"the replica did not replay {version} within {LAG_BOUND} s")


async def test_new_values_are_read_through_the_replica(topology: Topology) -> None:
    version = await _ingest(topology.primary, "Replicated headline one")
    lag = await _replayed(topology.replica, version)
    print(f"replica lag after one ingest: {lag * 1000:.1f} ms")  # shown with -s / -rP
    before = topology.router.replica_reads
    topology.primary_queries.clear()
    assert "Replicated headline one" in await _headlines(topology.client, "AfterReplay")
    assert topology.router.replica_reads > before  # answered by the replica
    # The primary only told the data version, once: the response cache's read of it is
    # the one the replica is held to.
    assert len(topology.primary_queries) == 1
    rest = await topology.client.get("/api/v1/articles", params={"first": 50})
    assert "Replicated headline one" in {a["headline"] for a in rest.json()["items"]}


async def test_a_replica_behind_the_data_version_is_not_read(topology: Topology) -> None:
    async with topology.replica.acquire() as conn:
        await conn.execute("SELECT pg_wal_replay_pause()")
    try:
        await _ingest(topology.primary, "Written while the replica stood still")
        replica_reads, primary_reads = topology.router.replica_reads, topology.router.primary_reads
        # Read straight away: the replica lacks it, so the primary answers.
        assert "Written while the replica stood still" in await _headlines(
            topology.client, "WhilePaused"
        )
        assert topology.router.replica_reads == replica_reads
        assert topology.router.primary_reads > primary_reads
    finally:
        async with topology.replica.acquire() as conn:
            await conn.execute("SELECT pg_wal_replay_resume()")
    async with topology.primary.acquire() as conn:
        await _replayed(topology.replica, await current_data_version(conn))
    replica_reads = topology.router.replica_reads
    assert "Written while the replica stood still" in await _headlines(
        topology.client, "AfterResume"
    )
    assert topology.router.replica_reads > replica_reads  # caught up: the replica again


async def test_the_service_opens_a_pool_per_configured_replica(topology: Topology) -> None:
    dsns = SecretStr(f" {topology.replica_dsn},{topology.replica_dsn}")
    settings = Settings(factdesk_read_database_url=dsns)
    router = await open_replicas(settings, topology.primary)
    assert router is not None
    try:
        assert len(router.replicas) == 2
        for replica in router.replicas:
            async with replica.acquire() as conn:
                assert await conn.fetchval("SELECT pg_is_in_recovery()")
    finally:
        await router.close()
    assert await open_replicas(Settings(), topology.primary) is None


INGEST = """mutation { ingestArticle(input: {text: "Floods closed 4 schools in Almaty on Tuesday.",
  headline: "Floods close schools", outlet: "Replica Wire"}) {
  created article { headline outlet { name } } } }"""


async def test_a_mutation_reads_back_what_it_wrote(topology: Topology) -> None:
    async with topology.replica.acquire() as conn:
        await conn.execute("SELECT pg_wal_replay_pause()")
    try:
        replica_reads = topology.router.replica_reads
        answer = (await topology.client.post("/graphql", json={"query": INGEST})).json()
        assert answer == {
            "data": {
                "ingestArticle": {
                    "created": True,
                    "article": {
                        "headline": "Floods close schools",
                        "outlet": {"name": "Replica Wire"},  # new: the replica lacks it
                    },
                }
            }
        }
        assert topology.router.replica_reads == replica_reads
    finally:
        async with topology.replica.acquire() as conn:
            await conn.execute("SELECT pg_wal_replay_resume()")
