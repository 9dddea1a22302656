"""Parse and extraction on worker processes: the same results, errors kept whole."""

from __future__ import annotations

import asyncio
import gc
import os
import signal
from collections.abc import Iterator
from pathlib import Path

import pytest
from spacy.pipeline import Lemmatizer

from service.errors import ArticleTooComplexError, EmptyArticleError
from service.ingest.model import ArticleMeta
from service.ingest.nlp import model
from service.ingest.parse.article import parse_article
from service.ingest.workers import (
    CHUNK,
    ExtractionPool,
    _Worker,
    parse_and_extract,
    parse_and_extract_many,
    process_cpu_seconds,
)


@pytest.fixture(scope="module")
def workers() -> Iterator[ExtractionPool]:
    pool = ExtractionPool(2)
    yield pool
    pool.close()


@pytest.fixture(scope="module")
def guarded() -> Iterator[ExtractionPool]:
    """One worker and a spare, as `serve` runs them."""
    pool = ExtractionPool(1, spares=1)
    pool.warm()
    yield pool
    pool.close()


SHORT = "Headline\n\nOfficials counted 12 dead in Jajarkot on Sunday.\n"
LONG = "Headline\n\n" + "The toll rose to 157 on Sunday, police said. " * 4000


@pytest.fixture
def texts(seeds_dir: Path) -> list[str]:
    return [p.read_text(encoding="utf-8") for p in sorted(seeds_dir.glob("*.txt"))]


async def test_workers_extract_what_this_process_extracts(
    workers: ExtractionPool, texts: list[str]
) -> None:
    items = [(i, text, ArticleMeta(outlet="Wire")) for i, text in enumerate(texts)]
    results = [outcome async for _, outcome in workers.extracted(items)]
    for text, outcome in zip(texts, results, strict=True):
        assert not isinstance(outcome, BaseException)
        assert outcome == parse_and_extract(text, ArticleMeta(outlet="Wire"))


async def test_an_error_comes_back_in_its_place_with_its_field(workers: ExtractionPool) -> None:
    items = [("empty", "  \n", None), ("copy", "Headline\n\nOfficials counted 12 dead.\n", None)]
    results = [(key, outcome) async for key, outcome in workers.extracted(items)]
    assert [key for key, _ in results] == ["empty", "copy"]
    error = results[0][1]
    assert isinstance(error, EmptyArticleError)
    assert error.field == "text"
    assert not isinstance(results[1][1], BaseException)


async def test_an_article_past_its_budget_is_refused_and_the_pool_goes_on(
    workers: ExtractionPool,
) -> None:
    with pytest.raises(ArticleTooComplexError) as refused:
        await workers.extract(parse_article(LONG), budget=0.05)
    assert refused.value.field == "text"
    assert "of CPU" in refused.value.message
    extraction = await workers.extract(parse_article(SHORT), budget=30)
    assert [f.value for f in extraction.figures] == [12.0]


async def test_a_runaway_worker_is_stopped_and_a_warm_spare_takes_its_place(
    guarded: ExtractionPool,
) -> None:
    """Past its CPU budget the worker's process is stopped (the work does not go on
    behind the refusal), and the spare, already warm, serves the next article: it does
    not wait for a model load (54 s at load 10 before the spare)."""
    worker, spare = guarded.pids
    with pytest.raises(ArticleTooComplexError) as refused:
        await guarded.extract(parse_article(LONG), budget=0.05)
    # Either limit stops it: on a loaded machine the clock's (4 x 0.05 s) can come first.
    assert refused.value.message.startswith("reading the copy took")
    assert guarded.is_warm
    await _ended(worker)
    extraction = await guarded.extract(parse_article(SHORT), budget=30)
    assert [f.value for f in extraction.figures] == [12.0]
    assert guarded.pids[0] == spare


async def test_a_runaway_in_a_bulk_chunk_is_refused_and_the_others_are_read() -> None:
    """The bulk path's backstop (issue 19): a chunk past its CPU budget is stopped with
    its worker and read again one article at a time; only the runaway is refused, and
    the next chunk runs on the worker that took the stopped one's place."""
    pool = ExtractionPool(1)
    try:
        pool.warm()
        [first] = pool.pids
        items = [("short", SHORT, None), ("long", LONG, None), ("again", SHORT, None)]
        results = [item async for item in pool.extracted(items, budget=0.1)]
        assert [key for key, _ in results] == ["short", "long", "again"]
        refused = results[1][1]
        assert isinstance(refused, ArticleTooComplexError)
        assert "of CPU" in refused.message
        for _, outcome in (results[0], results[2]):
            assert not isinstance(outcome, BaseException)
            assert [f.value for f in outcome[1].figures] == [12.0]
        await _ended(first)
        [(_, outcome)] = [item async for item in pool.extracted([("next", SHORT, None)])]
        assert not isinstance(outcome, BaseException)
    finally:
        pool.close()


async def test_a_bulk_worker_that_died_is_replaced() -> None:
    """A worker killed between chunks (out of memory, an operator): before, every later
    chunk sent to it came back as BrokenProcessPool; now a new worker reads them."""
    pool = ExtractionPool(1)
    try:
        pool.warm()
        [first] = pool.pids
        os.kill(first, signal.SIGKILL)
        await _ended(first)
        items = [(i, SHORT, None) for i in range(CHUNK + 1)]  # two chunks
        results = [outcome async for _, outcome in pool.extracted(items, budget=30)]
        assert all(not isinstance(outcome, BaseException) for outcome in results)
        assert pool.pids[0] != first
    finally:
        pool.close()


# Seconds the worker is kept off the CPU below: past its budget on the clock, within the
# last resort's (WALL_PER_CPU times as many).
STARVED = 3.0
STARVED_BUDGET = 2.0


async def test_a_worker_kept_off_the_cpu_is_not_judged_for_the_wait(
    guarded: ExtractionPool,
) -> None:
    """A loaded machine in the extreme: the worker gets no CPU at all for STARVED
    seconds (SIGSTOP) while an ordinary article waits on it. The article is judged on the
    worker's CPU time, which the wait does not add to, and stored; the worker stays."""
    guarded.warm()
    worker = guarded.pids[0]
    os.kill(worker, signal.SIGSTOP)
    try:
        extracting = asyncio.ensure_future(
            guarded.extract(parse_article(SHORT), budget=STARVED_BUDGET)
        )
        # Not a wait for something to happen: the time passing is the contention.
        await asyncio.sleep(STARVED)
        assert not extracting.done()
    finally:
        os.kill(worker, signal.SIGCONT)
    extraction = await extracting
    assert [f.value for f in extraction.figures] == [12.0]
    assert guarded.pids[0] == worker


async def _ended(pid: int) -> None:
    """Wait (10 s at most) until process ``pid`` has ended (gone, or a zombie)."""
    for _ in range(200):
        if _state(pid) in (None, "Z", "X"):
            return
        await asyncio.sleep(0.05)
    raise AssertionError(f"process {pid} still runs ({_state(pid)})")


def _state(pid: int) -> str | None:
    if process_cpu_seconds(pid) is None:
        return None
    with open(f"/proc/{pid}/stat", "rb") as stat:
        line = stat.read()
    return line[line.rindex(b")") + 2 :].split()[0].decode()


async def test_an_article_past_its_cpu_budget_is_refused_by_the_stages_themselves(
    workers: ExtractionPool,
) -> None:
    long = "Headline\n\n" + "The toll rose to 157 on Sunday, police said. " * 400
    workers.cpu_budget = 0.001  # the model alone takes longer
    try:
        with pytest.raises(ArticleTooComplexError) as refused:
            await workers.extract(parse_article(long), budget=600)
        # The stages' refusal (budget.py), not the wall-clock stop of the worker.
        assert "of CPU" in refused.value.message
        [(_, outcome)] = [item async for item in workers.extracted([("long", long, None)])]
        assert isinstance(outcome, ArticleTooComplexError)
    finally:
        workers.cpu_budget = None
    extraction = await workers.extract(parse_article(SHORT), budget=30)
    assert [f.value for f in extraction.figures] == [12.0]


async def test_workers_parse_what_this_process_parses(
    workers: ExtractionPool, texts: list[str]
) -> None:
    meta = ArticleMeta(outlet="Wire")
    for text in texts:
        assert await workers.parse(text, meta, budget=600) == parse_article(text, meta)
    with pytest.raises(EmptyArticleError):
        await workers.parse("  \n", None, budget=600)


async def test_chunks_keep_the_order_and_the_results_of_one_article_at_a_time(
    workers: ExtractionPool, texts: list[str]
) -> None:
    """More articles than one chunk, an empty one among them: every result in its place,
    each the same as the article extracted alone."""
    many = [*texts, "  \n", *(texts * (2 * CHUNK // len(texts) + 1))]
    assert len(many) > CHUNK * 2
    items = [(i, text, None) for i, text in enumerate(many)]
    results = [(key, outcome) async for key, outcome in workers.extracted(items)]
    assert [key for key, _ in results] == list(range(len(many)))
    for text, (_, outcome) in zip(many, results, strict=True):
        if not text.strip():
            assert isinstance(outcome, EmptyArticleError)
        else:
            assert outcome == parse_and_extract(text, None)


# Made-up words no model or copy holds.
UNSEEN = "Officials in Qorvendal counted 12 zintharque and 40 vellomirs near Ustrabek.\n"


def test_a_worker_forgets_the_words_each_article_brings(
    texts: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A long-running worker does not grow with every unseen word (issue 19): what an
    article adds to the model's vocabulary is dropped after it, and what it reads after
    that is unchanged."""
    strings = model.pipeline().vocab.strings
    first = parse_and_extract(texts[0], None)
    kept = len(strings)
    unseen = parse_and_extract(UNSEEN, None)
    parse_and_extract_many([(UNSEEN.replace("12", "13"), None)])
    assert [f.text for f in unseen[1].figures] == ["12", "40"]
    assert len(strings) == kept
    assert "zintharque" not in strings
    assert parse_and_extract(texts[0], None) == first
    # The lemmatizer's cache is emptied once past its bound.
    monkeypatch.setattr(model, "LEMMA_CACHE", 0)
    parse_and_extract(UNSEEN, None)
    lemmatizer = model.pipeline().get_pipe("lemmatizer")
    assert isinstance(lemmatizer, Lemmatizer)
    assert lemmatizer.cache == {}


def test_a_worker_keeps_what_loading_built_out_of_the_collectors_way() -> None:
    """A full collection during a large article would otherwise walk the whole model."""
    worker = _Worker()
    try:
        assert worker.executor.submit(gc.get_freeze_count).result(timeout=120) > 100_000
    finally:
        worker.stop()
