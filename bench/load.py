"""Loads a synthetic corpus into a database, one article at a time or in bulk.

Bulk: parse and extract (pure, CPU bound) run in a process pool while this process stores
each article through the pipeline's own `store_article`, one transaction per article, so
what is stored is exactly what `ingest_article` stores.

    .venv/bin/python -m bench.load --size 10000 --jobs 2           # fresh embedded cluster
    .venv/bin/python -m bench.load --size 1000 --serial --dsn ...  # ingest_article, one by one
    .venv/bin/python -m bench.load --size 1000 --extract-only      # parse + extract alone
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import json
import os
import time
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from itertools import islice
from pathlib import Path

import asyncpg

from bench.corpus import CORPUS_DIR, read_corpus, write_corpus
from service.db import articles as articles_db
from service.db import migrate
from service.db.embedded import EmbeddedServer, start_embedded
from service.db.pool import create_pool
from service.ingest.extract import extract
from service.ingest.model import ArticleMeta, Extraction, ParsedArticle
from service.ingest.parse.article import parse_article
from service.ingest.pipeline import ingest_article
from service.ingest.storage import store_article

CHUNK = 64  # articles per task sent to a worker process


@dataclass(frozen=True, slots=True)
class LoadReport:
    articles: int
    created: int
    seconds: float

    @property
    def per_second(self) -> float:
        return self.articles / self.seconds if self.seconds else 0.0

    def as_dict(self) -> dict[str, float]:
        return {
            "articles": self.articles,
            "created": self.created,
            "seconds": round(self.seconds, 2),
            "per_second": round(self.per_second, 1),
        }


def meta_of(item: dict[str, str]) -> ArticleMeta:
    return ArticleMeta(
        outlet=item.get("outlet"),
        headline=item.get("headline"),
        url=item.get("url"),
        published_at=dt.datetime.fromisoformat(item["published_at"])
        if item.get("published_at")
        else None,
    )


def parse_and_extract(
    items: list[dict[str, str]],
) -> list[tuple[ParsedArticle, Extraction, str | None]]:
    """The pure stages of the pipeline over a chunk (runs in a worker process)."""
    done = []
    for item in items:
        meta = meta_of(item)
        parsed = parse_article(item["text"], meta)
        done.append((parsed, extract(parsed), meta.url))
    return done


def _chunks(items: Iterator[dict[str, str]], size: int) -> Iterator[list[dict[str, str]]]:
    while chunk := list(islice(items, size)):
        yield chunk


def extract_only(path: Path, limit: int | None) -> LoadReport:
    items = list(islice(read_corpus(path), limit))
    started = time.perf_counter()
    parse_and_extract(items)
    return LoadReport(len(items), 0, time.perf_counter() - started)


async def serial_load(dsn: str, path: Path, limit: int | None) -> LoadReport:
    """Every article through `ingest_article`, as the API and the seed loader do."""
    pool = await create_pool(dsn, min_size=1, max_size=2)
    created = count = 0
    started = time.perf_counter()
    try:
        for item in islice(read_corpus(path), limit):
            result = await ingest_article(pool, item["text"], meta_of(item))
            created += result.created
            count += 1
    finally:
        await pool.close()
    return LoadReport(count, created, time.perf_counter() - started)


async def bulk_load(dsn: str, path: Path, limit: int | None, jobs: int) -> LoadReport:
    """Parse+extract in `jobs` processes; store here, one transaction per article."""
    conn = await asyncpg.connect(dsn)
    loop = asyncio.get_running_loop()
    created = count = 0
    started = time.perf_counter()
    try:
        with ProcessPoolExecutor(max_workers=jobs) as workers:
            chunks = _chunks(islice(read_corpus(path), limit), CHUNK)
            # Keep a few chunks in flight so the workers never wait for the store.
            pending = [
                loop.run_in_executor(workers, parse_and_extract, chunk)
                for chunk in islice(chunks, jobs * 2)
            ]
            while pending:
                done = await pending.pop(0)
                for chunk in islice(chunks, 1):
                    pending.append(loop.run_in_executor(workers, parse_and_extract, chunk))
                for parsed, extraction, url in done:
                    count += 1
                    existing = await articles_db.find_article_id_by_hash(
                        conn, content_hash=parsed.content_hash, story_hash=parsed.story_hash
                    )
                    if existing is not None:
                        continue
                    async with conn.transaction():
                        result = await store_article(conn, parsed, extraction, url=url)
                    created += result.created
    finally:
        await conn.close()
    return LoadReport(count, created, time.perf_counter() - started)


def cluster_dir(size: int) -> Path:
    return CORPUS_DIR / f"cluster-{size}"


def open_cluster(data_dir: Path) -> tuple[EmbeddedServer, str]:
    """An embedded cluster in `data_dir` (created on first use), migrated to head."""
    server = start_embedded(data_dir)
    dsn = server.uri()
    migrate.upgrade(dsn)
    return server, dsn


async def _count(dsn: str) -> int:
    conn = await asyncpg.connect(dsn)
    try:
        return await articles_db.count_articles(conn)
    finally:
        await conn.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=1000, help="corpus size")
    parser.add_argument("--limit", type=int, help="load only the first LIMIT articles")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 2)
    parser.add_argument("--dsn", help="load into this database (default: embedded cluster)")
    parser.add_argument("--data-dir", type=Path, help="embedded cluster directory")
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument("--serial", action="store_true", help="ingest_article one by one")
    mode.add_argument("--extract-only", action="store_true", help="parse+extract, no database")
    args = parser.parse_args()
    path = write_corpus(args.size)
    if args.extract_only:
        print(json.dumps({"mode": "extract-only", **extract_only(path, args.limit).as_dict()}))
        return
    server = None
    dsn = args.dsn
    if dsn is None:
        server, dsn = open_cluster(args.data_dir or cluster_dir(args.size))
    else:
        migrate.upgrade(dsn)
    try:
        if args.serial:
            report = asyncio.run(serial_load(dsn, path, args.limit))
        else:
            report = asyncio.run(bulk_load(dsn, path, args.limit, args.jobs))
        total = asyncio.run(_count(dsn))
        label = "serial" if args.serial else f"bulk jobs={args.jobs}"
        print(json.dumps({"mode": label, **report.as_dict(), "articles_in_db": total}))
    finally:
        if server is not None:
            server.stop()


if __name__ == "__main__":
    main()
