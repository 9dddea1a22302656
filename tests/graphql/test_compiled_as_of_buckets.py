"""`fact(asOf:)` compiled reads a fact's reports counted by UTC month and day
(`fact_report_times`, known_values.known_reports_sql); the executor walks every figure
known then. Reports published either side of a month's and a day's first instant (UTC),
asked at each instant around them, must answer alike.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import AsyncIterator
from typing import Any

import asyncpg
import httpx
import orjson
import pytest_asyncio

from tests.conftest import TABLES
from tests.graphql.compiled_apps import compiled_and_executed
from tests.graphql.test_compiled import same_answer
from tests.graphql.test_compiled_as_of import bound
from tests.rest.conftest import api_client, post_article

MICRO = dt.timedelta(microseconds=1)
UTC = dt.UTC
# (text, outlet, published): the same report (12) and another (14) of one fact, around
# 1 November's first instant (a month's and a day's) and 2 November's (a day's).
REPORTS = [
    (
        "An earthquake in Almaty killed 12 people, police said.",
        "Daily",
        dt.datetime(2026, 10, 31, 23, 30, tzinfo=UTC),
    ),
    (
        "The earthquake in Almaty killed 12 people, officials said.",
        "Weekly",
        dt.datetime(2026, 11, 1, tzinfo=UTC),
    ),
    (
        "An earthquake in Almaty killed 12 people, police said.",
        "Wire",
        dt.datetime(2026, 11, 1, 0, 30, tzinfo=UTC),
    ),
    (
        "The earthquake in Almaty killed 14 people, doctors said.",
        "Herald",
        dt.datetime(2026, 11, 1, 23, 59, 59, 999999, tzinfo=UTC),
    ),
    (
        "The quake in Almaty killed 12 people, the mayor said.",
        "Post",
        dt.datetime(2026, 11, 2, 0, 0, 0, 1, tzinfo=UTC),
    ),
]
QUERY = """query($id: ID!, $at: DateTime) { fact(id: $id, asOf: $at) {
    label disputed firstReportedAt
    values(first: 5) { value text firstReportedAt lastReportedAt rank conflicting
        sources(first: 5) { excerpt outlet { name } } }
    preferred { value } } }"""


@pytest_asyncio.fixture(scope="module")
async def facts(_test_pool: asyncpg.Pool) -> AsyncIterator[dict[str, Any]]:
    """The fact's id and the moments around each publication and each UTC midnight."""
    async with api_client(_test_pool) as desk:
        for text, outlet, published in REPORTS:
            await post_article(desk, f"Almaty\n\n{text}", outlet, published)
        found = (await desk.get("/api/v1/facts", params={"property": "deaths"})).json()
    [fact] = found["items"]
    instants = [published for _, _, published in REPORTS]
    instants += [dt.datetime(2026, 11, day, tzinfo=UTC) for day in (1, 2)]
    moments = sorted({i + step for i in instants for step in (-MICRO, dt.timedelta(0), MICRO)})
    times = [m.isoformat() for m in moments]
    # The same instants written in another zone: the buckets are UTC's, not the offset's.
    times += ["2026-11-01T01:30:00+02:00", "2026-11-01T20:00:00-05:00"]
    yield {"id": fact["id"], "times": times}
    async with _test_pool.acquire() as conn:
        await conn.execute(f"TRUNCATE {TABLES} RESTART IDENTITY CASCADE")


@pytest_asyncio.fixture(scope="module")
async def apps(
    _test_pool: asyncpg.Pool, facts: dict[str, Any]
) -> AsyncIterator[dict[bool, httpx.AsyncClient]]:
    async with compiled_and_executed(_test_pool) as clients:
        yield clients


async def test_reports_either_side_of_a_month_and_a_day_answer_alike(
    apps: dict[bool, httpx.AsyncClient], facts: dict[str, Any]
) -> None:
    sources = []
    for at in facts["times"]:
        variables = {"id": facts["id"], "at": at}
        answer = orjson.loads(await same_answer(apps, QUERY, variables))
        assert "errors" not in answer, answer
        assert bound(QUERY, variables), at  # answered by the compiled statement
        fact = answer["data"]["fact"]
        sources.append(0 if fact is None else sum(len(v["sources"]) for v in fact["values"]))
    # Each article counted in turn: none before the first, all four after the last (the
    # Wire's is a republication of the Daily's: a later publication, no new figure).
    assert sources[0] == 0
    assert max(sources) == 4
    assert sorted(set(sources)) == [0, 1, 2, 3, 4]
