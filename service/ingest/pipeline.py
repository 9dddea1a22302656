"""The ingest pipeline: parse and extract (pure), then one transaction per article, in
which ``storage.py`` writes the article and what was extracted from it.

The seed loader, the CLI, GraphQL and REST all ingest through `ingest_article`.
"""

from __future__ import annotations

import asyncio
import time

import asyncpg

from service import metrics
from service.config import get_settings
from service.ingest.idempotency import (
    IdempotencyKey,
    claim_key,
    record_answer,
    stored_answer,
)
from service.ingest.model import ArticleMeta, Extraction, ParsedArticle
from service.ingest.outcome import IngestResult
from service.ingest.parse.article import parse_article
from service.ingest.republication import republished
from service.ingest.storage import Checkpoint, store_article, stored_article_id
from service.ingest.workers import extract_within
from service.ingest.workers import installed as installed_workers
from service.shutdown import finishing
from service.tracing import traced


@traced("ingest")
async def ingest_article(
    pool: asyncpg.Pool,
    text: str,
    meta: ArticleMeta | None = None,
    *,
    checkpoint: Checkpoint | None = None,
    idempotency: IdempotencyKey | None = None,
) -> IngestResult:
    """Parse, extract and store one article; the same text again returns the stored one.
    With ``idempotency``, the answer is stored under its key in the article's transaction,
    and a request with that key again gets it back (ingesting nothing). Should the server
    stop meanwhile, it has a short window to finish, else it is stopped whole and
    ShuttingDownError raised (shutdown.py)."""
    return await finishing(
        _ingest_article(pool, text, meta, checkpoint=checkpoint, idempotency=idempotency)
    )


async def _ingest_article(
    pool: asyncpg.Pool,
    text: str,
    meta: ArticleMeta | None,
    *,
    checkpoint: Checkpoint | None,
    idempotency: IdempotencyKey | None,
) -> IngestResult:
    started = time.perf_counter()
    outcome = "failed"
    try:
        if idempotency is not None:
            async with pool.acquire() as conn:
                replayed = await stored_answer(conn, idempotency)
            if replayed is not None:
                outcome = "replayed"
                return replayed
        parsed = await parse_text(text, meta)
        existing = await _existing(pool, parsed)
        if existing is not None and idempotency is None and parsed.outlet is None:
            outcome = "existing"  # nothing to record: no outlet, no key
            return IngestResult(article_id=existing, created=False)
        extraction = await extract_parsed(parsed) if existing is None else None
        url = meta.url if meta else None
        async with pool.acquire() as conn, conn.transaction():
            if idempotency is not None and not await claim_key(conn, idempotency):
                replayed = await stored_answer(conn, idempotency)
                if replayed is None:
                    raise RuntimeError("an idempotency key held but not answered")
                outcome = "replayed"
                return replayed
            if extraction is None:
                assert existing is not None
                result = await republished(conn, parsed, existing, url)
            else:
                result = await store_article(
                    conn, parsed, extraction, url=url, checkpoint=checkpoint
                )
            if idempotency is not None:
                result = await record_answer(conn, idempotency, result)
        outcome = _outcome(result)
        return result
    finally:
        metrics.INGESTS.labels(outcome).inc()
        metrics.INGEST_LATENCY.observe(time.perf_counter() - started)


@traced("ingest.parse")
async def parse_text(text: str, meta: ArticleMeta | None) -> ParsedArticle:
    """The parse, in a worker process when `serve` runs them, else in a thread: either
    way not on the event loop, which keeps answering other requests meanwhile."""
    workers = installed_workers()
    if workers is None:
        return await asyncio.to_thread(parse_article, text, meta)
    return await workers.parse(text, meta, budget=get_settings().factdesk_extraction_budget)


@traced("ingest.extract")
async def extract_parsed(parsed: ParsedArticle) -> Extraction:
    """The extraction, in a worker process when `serve` runs them (with the pool's CPU
    budget), else in a thread (with FACTDESK_EXTRACTION_CPU_BUDGET)."""
    settings = get_settings()
    workers = installed_workers()
    if workers is None:
        return await asyncio.to_thread(
            extract_within, parsed, settings.factdesk_extraction_cpu_budget
        )
    return await workers.extract(parsed, budget=settings.factdesk_extraction_budget)


def _outcome(result: IngestResult) -> str:
    if result.created:
        return "created"
    return "republished" if result.republished else "existing"


@traced("ingest")
async def ingest_extracted(
    pool: asyncpg.Pool,
    parsed: ParsedArticle,
    extraction: Extraction,
    *,
    url: str | None = None,
) -> IngestResult:
    """Store one article parsed and extracted elsewhere (``workers.ExtractionPool``):
    the same text again returns the stored one (the article insert finds it by hash)."""
    started = time.perf_counter()
    outcome = "failed"
    try:
        async with pool.acquire() as conn, conn.transaction():
            result = await store_article(conn, parsed, extraction, url=url)
        outcome = _outcome(result)
        return result
    finally:
        metrics.INGESTS.labels(outcome).inc()
        metrics.INGEST_LATENCY.observe(time.perf_counter() - started)


async def _existing(pool: asyncpg.Pool, parsed: ParsedArticle) -> int | None:
    async with pool.acquire() as conn:
        return await stored_article_id(conn, parsed)
