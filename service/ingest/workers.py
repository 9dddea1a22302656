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
import collections
import gc
import itertools
import math
import multiprocessing
import os
import threading
import time
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
# How often a running article's worker has its CPU time read, seconds.
WATCH_EVERY = 0.05
# The last resort, should the CPU time not tell (a worker stopped, or starved so long
# that something is wrong): this many times the CPU budget on the clock.
WALL_PER_CPU = 4
K = TypeVar("K")
T = TypeVar("T")


# Read once by each worker as it starts: the first article loads more than the model
# (0.41 s where the next took 8 ms), and a worker is ready, or a spare warm, once it has.
WARM_UP = "Quake toll rises\n\nOfficials said 120 people died in Jajarkot on Saturday.\n"


def _load_model() -> None:
    parse_and_extract(WARM_UP, None)
    # What loading built (the model, lexicons, caches) kept out of the cyclic collector's
    # way, as serve's process does after start-up: a full collection during a large
    # article would otherwise walk all of it (160-470 ms seen in a loading worker).
    gc.collect()
    gc.freeze()


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
    state of the caller (event loop, pool connections) is copied into them, and
    ``spares`` more kept started and warm to take the place of a worker that is stopped.
    Each article may spend ``cpu_budget`` seconds of CPU in the stages (None: no limit).

    Each worker runs one article at a time, so the CPU time its process spends meanwhile
    is that article's: the backstop (``parse``, ``extract``) judges an article on it, not
    on the wall clock, which on a loaded machine says more about the machine."""

    def __init__(
        self, processes: int | None = None, *, cpu_budget: float | None = None, spares: int = 0
    ) -> None:
        self.processes = processes or os.cpu_count() or 1
        self.cpu_budget = cpu_budget
        self._workers = [_Worker() for _ in range(self.processes)]
        self._idle = collections.deque(self._workers)
        self._spares = collections.deque(_Worker() for _ in range(spares))
        self._waiters: list[asyncio.Future[None]] = []

    @property
    def pids(self) -> list[int]:
        """The process ids of the workers, then of the spares (waits for them to start)."""
        return [worker.pid for worker in (*self._workers, *self._spares)]

    @property
    def is_warm(self) -> bool:
        """Whether every worker (not counting spares) has loaded its model, now."""
        return all(worker.ready.done() for worker in self._workers)

    def warm(self) -> None:
        """Wait until every worker and spare has started and loaded its model."""
        for worker in (*self._workers, *self._spares):
            worker.ready.result()

    async def parse(self, text: str, meta: ArticleMeta | None, *, budget: float) -> ParsedArticle:
        """``text`` parsed on a worker, within ``budget`` seconds of the worker's CPU (as
        ``extract``): the serving process never holds its GIL for a regular expression
        running over a megabyte of copy."""
        return await self._run(budget, parse_article, text, meta)

    async def extract(self, parsed: ParsedArticle, *, budget: float) -> Extraction:
        """``parsed``'s extraction on a worker, within the pool's CPU budget, which the
        stages check as they go, and within ``budget`` seconds of the worker's CPU, the
        backstop for work they cannot check (inside the model, a regular expression)."""
        return await self._run(budget, extract_within, parsed, self.cpu_budget)

    async def _run(self, budget: float, stage: Callable[..., T], *args: object) -> T:
        """``stage(*args)`` on an idle worker. Past ``budget`` seconds of that worker's CPU
        (or WALL_PER_CPU times as many on the clock) the worker is stopped, a warm spare
        takes its place, and the article is refused; a worker that died under it is
        replaced and the article tried once more."""
        for attempt in range(2):
            worker = await self._acquire()
            try:
                await asyncio.wrap_future(worker.ready)  # an article's time, not a model load
                result = await self._watched(worker, budget, stage, *args)
            except BrokenProcessPool:
                self._replace(worker)
                if attempt:
                    raise
                continue
            except BaseException:  # refused or cancelled: the work may still be running
                self._replace(worker)
                raise
            self._release(worker)
            return result
        raise AssertionError("unreachable")

    async def _watched(
        self, worker: _Worker, budget: float, stage: Callable[..., T], *args: object
    ) -> T:
        """``stage(*args)`` on ``worker``, its CPU time read every WATCH_EVERY seconds."""
        started, cpu = time.monotonic(), worker.cpu_seconds()
        future = asyncio.wrap_future(worker.executor.submit(stage, *args))
        # Refused or cancelled, the work fails when its worker is stopped: nobody waits
        # for it then, and asyncio would log its error as never retrieved.
        future.add_done_callback(_retrieved)
        while True:
            done, _ = await asyncio.wait({future}, timeout=WATCH_EVERY)
            if done:
                return future.result()
            wall = time.monotonic() - started
            now = worker.cpu_seconds()
            spent = wall if now is None or cpu is None else now - cpu
            if spent > budget:
                raise ArticleTooComplexError(
                    f"reading the copy took more than {budget:g} s of CPU", field="text"
                )
            if wall > budget * WALL_PER_CPU:
                raise ArticleTooComplexError(
                    f"reading the copy took longer than {budget * WALL_PER_CPU:g} s",
                    field="text",
                )

    async def _acquire(self) -> _Worker:
        while not self._idle:
            waiter = asyncio.get_running_loop().create_future()
            self._waiters.append(waiter)
            try:
                await waiter
            finally:
                if waiter in self._waiters:
                    self._waiters.remove(waiter)
        return self._idle.popleft()

    def _release(self, worker: _Worker) -> None:
        self._idle.append(worker)
        self._wake()

    def _wake(self) -> None:
        # Every waiter looks again (one may have been cancelled meanwhile).
        for waiter in self._waiters:
            if not waiter.done():
                waiter.set_result(None)
        self._waiters.clear()

    def _replace(self, worker: _Worker) -> None:
        """Stop ``worker``; a warm spare takes its place at once, and a new spare starts
        loading the model now, while no article waits for it."""
        if worker not in self._workers:
            return
        worker.stop()
        if self._spares:
            replacement = self._spares.popleft()
            self._spares.append(_Worker())
        else:
            replacement = _Worker()
        self._workers[self._workers.index(worker)] = replacement
        self._release(replacement)

    async def extracted(
        self, items: Iterable[tuple[K, str, ArticleMeta | None]], *, budget: float = math.inf
    ) -> AsyncIterator[tuple[K, Parsed | BaseException]]:
        """Each item's parse and extraction, in the order given, in chunks of CHUNK
        articles (the model runs over a chunk in one batch), each chunk on an idle worker
        within ``budget`` seconds of that worker's CPU per article (as ``extract``), at
        most two chunks per worker under way; an error is handed back in place of its
        result. A chunk past its budget, or whose worker died, is stopped with its worker
        (a new one takes its place) and read again one article at a time, each within
        ``budget``: the article that runs away or kills its worker is refused, the others
        are read."""
        pending: list[asyncio.Future[list[tuple[K, Parsed | BaseException]]]] = []
        for chunk in _chunks(items, CHUNK):
            pending.append(asyncio.ensure_future(self._chunk(chunk, budget)))
            if len(pending) >= 2 * self.processes:
                for settled in await pending.pop(0):
                    yield settled
        try:
            for waiting in pending:
                for settled in await waiting:
                    yield settled
        finally:
            for waiting in pending:
                waiting.cancel()

    async def _chunk(
        self, chunk: Sequence[tuple[K, str, ArticleMeta | None]], budget: float
    ) -> list[tuple[K, Parsed | BaseException]]:
        keys = [key for key, _, _ in chunk]
        work = [(text, meta) for _, text, meta in chunk]
        try:
            results: list[Parsed | Exception] = await self._run(
                budget * len(chunk), parse_and_extract_many, work, self.cpu_budget
            )
            return list(zip(keys, results, strict=True))
        except (ArticleTooComplexError, BrokenProcessPool):
            pass  # one of them ran away or killed its worker: which one, read alone
        out: list[tuple[K, Parsed | BaseException]] = []
        for key, text, meta in chunk:
            try:
                out.append(
                    (key, await self._run(budget, parse_and_extract, text, meta, self.cpu_budget))
                )
            except (ArticleTooComplexError, BrokenProcessPool) as error:
                out.append((key, error))
        return out

    def close(self) -> None:
        """Stop the workers and spares now, whatever they are doing (shutdown must not
        wait)."""
        for worker in (*self._workers, *self._spares):
            _stop(worker.executor)


class _Worker:
    """One worker process: a one-process executor, so it runs one task at a time and the
    CPU time its process spends meanwhile is that task's. Started at once; ``ready``
    settles with its pid once it has loaded the model."""

    def __init__(self) -> None:
        self.executor = ProcessPoolExecutor(
            1, mp_context=multiprocessing.get_context("spawn"), initializer=_load_model
        )
        self.ready = self.executor.submit(os.getpid)

    @property
    def pid(self) -> int:
        return self.ready.result()

    def cpu_seconds(self) -> float | None:
        return process_cpu_seconds(self.pid)

    def stop(self) -> None:
        """Stop the process, whatever it is doing, without waiting for it here."""
        threading.Thread(target=_stop, args=(self.executor,), daemon=True).start()


def _retrieved(future: asyncio.Future[T]) -> None:
    if not future.cancelled():
        future.exception()


def process_cpu_seconds(pid: int) -> float | None:
    """User and system CPU seconds of process ``pid`` so far, from /proc (None where
    there is no /proc, or the process is gone: the caller judges on the clock then)."""
    try:
        with open(f"/proc/{pid}/stat", "rb") as stat:
            line = stat.read()
    except OSError:
        return None
    # The command name (field 2) may hold spaces: count the fields after its ")";
    # utime and stime are fields 14 and 15.
    fields = line[line.rindex(b")") + 2 :].split()
    return (int(fields[11]) + int(fields[12])) / _CLOCK_TICKS


_CLOCK_TICKS = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100


def _stop(executor: ProcessPoolExecutor) -> None:
    # ProcessPoolExecutor can only wait for a task, never stop one: its processes are
    # killed (the attribute is the standard library's own, stable since 3.2). SIGKILL, as
    # a stopped (SIGSTOP) or wedged worker would hold SIGTERM, and shutdown with it.
    processes = list(getattr(executor, "_processes", {}).values())
    executor.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        process.kill()
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
