"""Parse and extraction in worker processes: bulk ingest on every core.

The pure stages (parse, the model, the rules) hold the GIL; threads cannot run two at
once. A pool of processes, each loading the model once, parses and extracts while the
calling process writes to the database, one transaction per article as always. Used by
the bulk path (``factdesk ingest``) and, installed by ``serve``, by every ingest of the
server: extraction then never holds the serving process's GIL, and an article that
takes longer than its budget is stopped with its worker.
"""

from __future__ import annotations

import asyncio
import itertools
import multiprocessing
import os
from collections.abc import AsyncIterator, Callable, Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import TypeVar

from service.errors import ArticleTooComplexError
from service.ingest.budget import UNLIMITED, ExtractionBudget
from service.ingest.extract import extract, extract_many
from service.ingest.model import ArticleMeta, Extraction, ParsedArticle
from service.ingest.nlp.model import reading
from service.ingest.parse.article import parse_article

Parsed = tuple[ParsedArticle, Extraction]
# Articles a worker takes at once on the bulk path: enough for the model's batches to pay,
# few enough that results keep flowing and a failed chunk costs little.
CHUNK = 16
K = TypeVar("K")
T = TypeVar("T")


def _load_model() -> None:
    from service.ingest.nlp.model import pipeline

    pipeline()


def parse_and_extract(
    text: str, meta: ArticleMeta | None, cpu_budget: float | None = None
) -> Parsed:
    """What a worker does for one article (also callable in-process): the extraction
    within ``cpu_budget`` seconds of CPU (budget.py), or unbounded."""
    parsed = parse_article(text, meta)
    return parsed, extract_within(parsed, cpu_budget)


def extract_within(parsed: ParsedArticle, cpu_budget: float | None) -> Extraction:
    """``parsed``'s extraction, its budget started here (in the thread or worker that
    does the work, whose CPU time it counts); the words it brings forgotten after it
    (``reading``)."""
    with reading():
        return extract(parsed, UNLIMITED if cpu_budget is None else ExtractionBudget(cpu_budget))


def parse_and_extract_many(
    items: Sequence[tuple[str, ArticleMeta | None]], cpu_budget: float | None = None
) -> list[Parsed | Exception]:
    """What a worker does for a chunk of the bulk path: each article parsed, then the model
    run over the chunk's bodies in one batch, then each article's rules within
    ``cpu_budget``. An article that fails is handed back as its error, in its place; the
    others are not held up by it."""
    parsed: list[ParsedArticle | Exception] = []
    for text, meta in items:
        try:
            parsed.append(parse_article(text, meta))
        except Exception as error:  # reported per article by the caller
            parsed.append(error)
    good = [p for p in parsed if isinstance(p, ParsedArticle)]
    with reading():
        extractions = iter(extract_many(good, cpu_budget))
    out: list[Parsed | Exception] = []
    for p in parsed:
        if isinstance(p, Exception):
            out.append(p)
        else:
            extraction = next(extractions)
            out.append(extraction if isinstance(extraction, Exception) else (p, extraction))
    return out


class ExtractionPool:
    """``processes`` workers (default: one per core), started with "spawn" so that no
    state of the caller (event loop, pool connections) is copied into them. Each article
    may spend ``cpu_budget`` seconds of CPU (None: no limit)."""

    def __init__(self, processes: int | None = None, *, cpu_budget: float | None = None) -> None:
        self.processes = processes or os.cpu_count() or 1
        self.cpu_budget = cpu_budget
        self._executor = self._start()

    def _start(self) -> ProcessPoolExecutor:
        executor = ProcessPoolExecutor(
            self.processes,
            mp_context=multiprocessing.get_context("spawn"),
            initializer=_load_model,
        )
        # One task per process makes every one of them start, and load the model, now;
        # they are done when the pool is ready for articles.
        self._ready = [executor.submit(_load_model) for _ in range(self.processes)]
        return executor

    def warm(self) -> None:
        """Wait until every worker has started and loaded its model."""
        for future in self._ready:
            future.result()

    async def parse(self, text: str, meta: ArticleMeta | None, *, budget: float) -> ParsedArticle:
        """``text`` parsed on a worker, within ``budget`` seconds of wall time (as
        ``extract``): the serving process never holds its GIL for a regular expression
        running over a megabyte of copy."""
        return await self._run(budget, parse_article, text, meta)

    async def extract(self, parsed: ParsedArticle, *, budget: float) -> Extraction:
        """``parsed``'s extraction on a worker, within the pool's CPU budget, which the
        stages check as they go, and within ``budget`` seconds of wall time, the backstop
        for work they cannot check (inside the model, a regular expression)."""
        return await self._run(budget, extract_within, parsed, self.cpu_budget)

    async def _run(self, budget: float, stage: Callable[..., T], *args: object) -> T:
        """``stage(*args)`` on a worker. Past ``budget`` seconds the workers are stopped and
        started anew (a process is the only thing that stops CPU-bound Python from
        outside) and the article is refused; work that was sharing the stopped pool is
        done again on the new one."""
        for attempt in range(2):
            executor = await self._started()
            try:
                future = asyncio.wrap_future(executor.submit(stage, *args))
                return await asyncio.wait_for(future, budget)
            except TimeoutError:
                self._restart(executor)
                raise ArticleTooComplexError(
                    f"reading the copy took longer than {budget:g} s", field="text"
                ) from None
            except BrokenProcessPool:
                if attempt:
                    raise
                self._restart(executor)
        raise AssertionError("unreachable")

    async def _started(self) -> ProcessPoolExecutor:
        """The pool once its workers have started. A budget counts an article's time, not
        the model load of a pool just (re)started: on a loaded machine that alone can
        outlast it, and then every article was refused and every new pool stopped."""
        while True:
            executor, ready = self._executor, self._ready
            # A start that failed breaks the pool: submitting to it says so.
            await asyncio.gather(*(asyncio.wrap_future(f) for f in ready), return_exceptions=True)
            if executor is self._executor:
                return executor

    def _restart(self, executor: ProcessPoolExecutor) -> None:
        if executor is not self._executor:
            return  # another request already restarted it
        self._executor = self._start()
        _stop(executor)

    async def extracted(
        self, items: Iterable[tuple[K, str, ArticleMeta | None]]
    ) -> AsyncIterator[tuple[K, Parsed | BaseException]]:
        """Each item's parse and extraction, in the order given, in chunks of CHUNK
        articles (the model runs over a chunk in one batch), with at most two chunks per
        worker in flight; an error is handed back in place of its result."""
        window = 2 * self.processes
        pending: list[tuple[list[K], asyncio.Future[list[Parsed | Exception]]]] = []
        for chunk in _chunks(items, CHUNK):
            keys = [key for key, _, _ in chunk]
            work = [(text, meta) for _, text, meta in chunk]
            future = self._executor.submit(parse_and_extract_many, work, self.cpu_budget)
            pending.append((keys, asyncio.wrap_future(future)))
            if len(pending) >= window:
                for settled in await _settle(*pending.pop(0)):
                    yield settled
        for keys, waiting in pending:
            for settled in await _settle(keys, waiting):
                yield settled

    def close(self) -> None:
        """Stop the workers now, whatever they are doing (shutdown must not wait)."""
        _stop(self._executor)


def _stop(executor: ProcessPoolExecutor) -> None:
    # ProcessPoolExecutor can only wait for a task, never stop one: its processes are
    # terminated (the attribute is the standard library's own, stable since 3.2).
    processes = list(getattr(executor, "_processes", {}).values())
    executor.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        process.terminate()
    for process in processes:
        process.join(timeout=5)


_installed: ExtractionPool | None = None


def install(pool: ExtractionPool | None) -> None:
    """The pool every ingest of this process extracts on (None: a thread, in-process)."""
    global _installed
    _installed = pool


def installed() -> ExtractionPool | None:
    return _installed


def _chunks(items: Iterable[T], size: int) -> Iterator[tuple[T, ...]]:
    """``items`` in tuples of ``size`` (the last shorter): itertools.batched of 3.12."""
    iterator = iter(items)
    while chunk := tuple(itertools.islice(iterator, size)):
        yield chunk


async def _settle(
    keys: list[K], future: asyncio.Future[list[Parsed | Exception]]
) -> list[tuple[K, Parsed | BaseException]]:
    try:
        return list(zip(keys, await future, strict=True))
    except Exception as error:  # a worker died: each article of its chunk reports it
        return [(key, error) for key in keys]
