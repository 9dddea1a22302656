"""Parse and extraction in worker processes: bulk ingest on every core.

The pure stages (parse, the model, the rules) hold the GIL; threads cannot run two at
once. A pool of processes, each loading the model once, parses and extracts while the
calling process writes to the database, one transaction per article as always. Used by
the bulk paths (``factdesk ingest`` and the seed loader); a single request keeps the
thread path of ``pipeline.ingest_article``.
"""

from __future__ import annotations

import asyncio
import multiprocessing
import os
from collections.abc import AsyncIterator, Iterable
from concurrent.futures import Future, ProcessPoolExecutor
from typing import TypeVar

from service.ingest.extract import extract
from service.ingest.model import ArticleMeta, Extraction, ParsedArticle
from service.ingest.parse import parse_article

Parsed = tuple[ParsedArticle, Extraction]
K = TypeVar("K")


def _load_model() -> None:
    from service.ingest.nlp.model import pipeline

    pipeline()


def parse_and_extract(text: str, meta: ArticleMeta | None) -> Parsed:
    """What a worker does for one article (also callable in-process)."""
    parsed = parse_article(text, meta)
    return parsed, extract(parsed)


class ExtractionPool:
    """``processes`` workers (default: one per core), started with "spawn" so that no
    state of the caller (event loop, pool connections) is copied into them."""

    def __init__(self, processes: int | None = None) -> None:
        self.processes = processes or os.cpu_count() or 1
        self._executor = ProcessPoolExecutor(
            self.processes,
            mp_context=multiprocessing.get_context("spawn"),
            initializer=_load_model,
        )

    def submit(self, text: str, meta: ArticleMeta | None) -> Future[Parsed]:
        return self._executor.submit(parse_and_extract, text, meta)

    async def extracted(
        self, items: Iterable[tuple[K, str, ArticleMeta | None]]
    ) -> AsyncIterator[tuple[K, Parsed | BaseException]]:
        """Each item's parse and extraction, in the order given, with at most two per
        worker in flight; an error is handed back in place of its result."""
        window = 2 * self.processes
        pending: list[tuple[K, asyncio.Future[Parsed]]] = []
        for key, text, meta in items:
            pending.append((key, asyncio.wrap_future(self.submit(text, meta))))
            if len(pending) >= window:
                yield await _settle(*pending.pop(0))
        for key, future in pending:
            yield await _settle(key, future)

    def close(self) -> None:
        self._executor.shutdown(wait=True, cancel_futures=True)


async def _settle(key: K, future: asyncio.Future[Parsed]) -> tuple[K, Parsed | BaseException]:
    try:
        return key, await future
    except Exception as error:  # handed to the caller, which reports it per article
        return key, error
