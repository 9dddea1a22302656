"""Parse and extraction on worker processes: the same results, errors kept whole."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from service.errors import EmptyArticleError
from service.ingest.model import ArticleMeta
from service.ingest.workers import ExtractionPool, parse_and_extract


@pytest.fixture(scope="module")
def workers() -> Iterator[ExtractionPool]:
    pool = ExtractionPool(2)
    yield pool
    pool.close()


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
