"""Start-up and shut-down of the service: database, migrations, seeds, pool."""

from __future__ import annotations

import asyncio
import gc
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import asyncpg
from starlette.applications import Starlette

from service.change_signal import ChangeSignal
from service.config import Settings
from service.db import articles as articles_db
from service.db import migrate
from service.db.pool import create_pool
from service.db.replicas import ReadRouter
from service.db.runtime import Database, open_database
from service.ingest.seeds import load_seeds
from service.ingest.workers import ExtractionPool
from service.ingest.workers import install as install_workers

log = logging.getLogger(__name__)


async def open_replicas(settings: Settings, primary: asyncpg.Pool) -> ReadRouter | None:
    """Pools on the read replicas (FACTDESK_READ_DATABASE_URL), None without any."""
    replicas: list[asyncpg.Pool] = []
    try:
        for dsn in settings.read_dsns:
            replicas.append(
                await create_pool(
                    dsn,
                    min_size=settings.factdesk_pool_min,
                    max_size=settings.factdesk_pool_max,
                    statement_timeout=settings.factdesk_statement_timeout,
                    acquire_timeout=settings.factdesk_pool_acquire_timeout,
                    pgbouncer=settings.factdesk_pgbouncer,
                )
            )
    except BaseException:
        for replica in replicas:
            await replica.close()
        raise
    return ReadRouter(primary, replicas) if replicas else None


async def prepare_database(settings: Settings) -> tuple[Database, asyncpg.Pool]:
    """Open the database, migrate it to head (unless a separate job does), load the seeds
    into an empty one, open the pool."""
    database = await asyncio.to_thread(open_database, settings)
    pool: asyncpg.Pool | None = None
    try:
        if settings.factdesk_migrate_on_start:
            await asyncio.to_thread(migrate.upgrade, database.dsn)
        pool = await create_pool(
            database.dsn,
            min_size=settings.factdesk_pool_min,
            max_size=settings.factdesk_pool_max,
            statement_timeout=settings.factdesk_statement_timeout,
            acquire_timeout=settings.factdesk_pool_acquire_timeout,
            pgbouncer=settings.factdesk_pgbouncer,
        )
        if settings.factdesk_load_seeds:
            async with pool.acquire() as conn:
                empty = await articles_db.count_articles(conn) == 0
            if empty:
                results = await load_seeds(pool, settings.factdesk_seeds_dir)
                log.info("loaded %d seed articles", len(results))
    except BaseException:
        if pool is not None:
            await pool.close()
        database.close()
        raise
    return database, pool


def tune_garbage_collector() -> None:
    """Keep what start-up built out of the cyclic collector's way.

    A large answer allocates tens of thousands of objects, so the collector runs several
    times per request, and its older generations walked every object the process holds
    (schema, caches, modules) each time. Frozen after start-up, those are never scanned
    again. Measured in process at 100k articles (bench.profile's harness): Q2 p99 87 ->
    23 ms, Q4 1005 -> 855 ms, same peak memory. Raising the thresholds as well cut a
    little more latency but let garbage pile up (1.7 GB per process in the benchmark).
    """
    gc.collect()
    gc.freeze()


def _uninstall(workers: ExtractionPool | None) -> None:
    if workers is not None:
        install_workers(None)
        workers.close()


def lifespan_for(settings: Settings):  # type: ignore[no-untyped-def]
    @asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        workers = None
        if settings.factdesk_extraction_workers:
            # Extraction (the model) runs in worker processes: never on this process's
            # GIL, and stoppable. Started before the seeds, which go through them too. A
            # spare, warm, takes a stopped worker's place: the next article does not wait
            # for a model load (54 s at load 10).
            workers = ExtractionPool(
                settings.factdesk_extraction_workers,
                cpu_budget=settings.factdesk_extraction_cpu_budget,
                spares=1,
            )
            await asyncio.to_thread(workers.warm)
            install_workers(workers)
        try:
            database, pool = await prepare_database(settings)
        except BaseException:
            _uninstall(workers)
            raise
        # LISTEN needs a session of its own: through PgBouncer it goes straight to PostgreSQL.
        signal = ChangeSignal(
            settings.listen_dsn or database.dsn, max_streams=settings.factdesk_change_streams
        )
        reads = None
        try:
            reads = await open_replicas(settings, pool)
            await signal.start()
        except BaseException:
            await signal.close()
            if reads is not None:
                await reads.close()
            await pool.close()
            await asyncio.to_thread(database.close)
            _uninstall(workers)
            raise
        app.state.pool = pool
        app.state.reads = reads
        app.state.change_signal = signal
        app.state.draining = False
        tune_garbage_collector()
        try:
            yield
        finally:
            app.state.draining = True  # /readyz answers 503 from here on
            await signal.close()
            if reads is not None:
                await reads.close()
            await pool.close()
            await asyncio.to_thread(database.close)
            _uninstall(workers)

    return lifespan
