"""Compiled and executed answers are the same bytes on a synthetic corpus too.

Forty articles of the benchmark's generator (bench/corpus.py: invented people, outlets and
figures, many sharing a publication time) are ingested through the API into the test
database, then the shapes of tests/graphql/test_compiled.py, every page of articles and
the benchmark's queries are asked of a compiling app and of the plain executor.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import asyncpg
import httpx
import pytest
import pytest_asyncio
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import SecretStr

from bench.corpus import Generator
from bench.queries import Q1, Q2, Q3, Q4
from bench.run import ingest_body
from service.app import create_app
from service.config import Settings
from tests.conftest import TABLES
from tests.graphql.compiled_apps import compiled_and_executed, id_lists, known_ids
from tests.graphql.test_compiled import (
    EXAMPLES,
    PAGE,
    compiled,
    every_window_in_each_order,
    same_answer,
    shaped,
)

ARTICLES = 40
KEY = "corpus-key"


@pytest_asyncio.fixture(scope="module")
async def corpus(_test_pool: asyncpg.Pool) -> AsyncIterator[asyncpg.Pool]:
    """The test database holding the synthetic articles (emptied afterwards)."""
    app = create_app(Settings(factdesk_load_seeds=False, factdesk_api_keys=SecretStr(KEY)))
    app.state.pool = _test_pool
    generator = Generator()
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
        for index in range(ARTICLES):
            response = await client.post(
                "/api/v1/articles",
                json=ingest_body(generator.article(index)),
                headers={"Authorization": f"Bearer {KEY}"},
            )
            assert response.status_code == 201, response.text
    yield _test_pool
    async with _test_pool.acquire() as conn:
        await conn.execute(f"TRUNCATE {TABLES} RESTART IDENTITY CASCADE")


@pytest_asyncio.fixture(scope="module")
async def apps(corpus: asyncpg.Pool) -> AsyncIterator[dict[bool, httpx.AsyncClient]]:
    async with compiled_and_executed(corpus) as clients:
        yield clients


@pytest_asyncio.fixture(scope="module")
async def ids(apps: dict[bool, httpx.AsyncClient]) -> dict[str, list[str]]:
    lists = id_lists(await known_ids(apps[False]))
    assert len(lists["cursor"]) == ARTICLES
    assert lists["fact"]
    return lists


@settings(EXAMPLES, max_examples=150)
@given(data=st.data())
async def test_compiled_shapes_answer_alike_on_a_corpus(
    apps: dict[bool, httpx.AsyncClient], ids: dict[str, list[str]], data: st.DataObject
) -> None:
    query, variables = data.draw(shaped(ids))
    await same_answer(apps, query, variables)


async def test_every_page_of_the_corpus_answers_alike(
    apps: dict[bool, httpx.AsyncClient], ids: dict[str, list[str]]
) -> None:
    for after in [None, *ids["cursor"][::3]]:
        for first in (1, 7, 100):
            await same_answer(apps, PAGE, {"first": first, "after": after})
    assert compiled(PAGE)


async def test_every_window_of_the_corpus_in_each_order_answers_alike(
    apps: dict[bool, httpx.AsyncClient],
) -> None:
    """Many articles share a publication time: ties go by id, in the order's direction."""
    await every_window_in_each_order(apps)


@pytest.mark.parametrize("bench", [Q1, Q2, Q3, Q4], ids=lambda q: q.name)
async def test_the_benchmark_queries_answer_alike_on_a_corpus(
    apps: dict[bool, httpx.AsyncClient], ids: dict[str, list[str]], bench: Any
) -> None:
    for index in range(3):
        variables = (
            {"name": ids["entity_name"][index]}
            if bench is Q2
            else {"id": ids["fact"][index]}
            if bench is Q3
            else {}
        )
        answer = await same_answer(apps, bench.factdesk, variables)
        assert b'"errors"' not in answer, answer[:300]
    assert compiled(bench.factdesk)
