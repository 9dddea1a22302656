"""`fact(asOf:)` compiled answers with the executor's bytes, before and after each write.

A fact's history is made through the API (two outlets, a republication, a correction, a
judgement, a retraction, and a fact whose only article was retracted); then, at every
moment either side of each write, fixed and generated selections are asked of a compiling
app and of the plain executor (tests/graphql/test_compiled.py's comparison).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import AsyncIterator
from typing import Any

import asyncpg
import httpx
import orjson
import pytest_asyncio
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import SecretStr

from service.graphql import compiler
from service.graphql.schema import schema
from service.ids import encode_id
from tests.conftest import TABLES
from tests.graphql.compiled_apps import compiled_and_executed
from tests.graphql.test_compiled import (
    EXAMPLES,
    same_answer,
    statements_built,
)
from tests.graphql.test_trees import selection
from tests.rest.conftest import AUTH, api_client, post_article

EDITOR = {"Authorization": "Bearer editor-key-one"}
DAILY = "Quake hits Almaty\n\nAn earthquake in Almaty killed 12 people, police said."
WEEKLY = "Almaty toll rises\n\nThe earthquake in Almaty killed 15 people, police said."
CORRECTED = "Almaty toll rises\n\nAfter a recount, the earthquake in Almaty killed 16 people."
GONE = "Flood in Atyrau\n\nThe flood in Atyrau displaced 300 families, officials said."
MICRO = dt.timedelta(microseconds=1)

# Every field the statement answers as of a time, nested where asOf reaches.
WHOLE = """query($id: ID!, $at: DateTime) { fact(id: $id, asOf: $at) {
    id label property unit qualifier __typename firstReportedAt updatedAt disputed
    d2: disputed
    subject { name facts(first: 3) { label disputed values(first: 3) { value } } }
    values(first: 5, asOf: null) {
        value upperBound approximation text firstReportedAt lastReportedAt rank conflicting
        sources(first: 5) { excerpt attributedToText span { start end part caption }
            outlet { name } attributedTo { name }
            article { id headline body standfirst publishedAt removedLines
                outlet { name } publications(first: 3) { url publishedAt } } } }
    v2: values(first: 1) { sources(first: 1) { excerpt } }
    preferred { value rank conflicting sources(first: 2) { excerpt } } } }"""


def _at(day: int, hour: int = 12) -> dt.datetime:
    return dt.datetime(2026, 11, day, hour, tzinfo=dt.UTC)


@pytest_asyncio.fixture(scope="module")
async def history(_test_pool: asyncpg.Pool) -> AsyncIterator[dict[str, Any]]:
    """The facts' ids and every moment worth asking about."""
    async with api_client(_test_pool, factdesk_editor_keys=SecretStr("ann:editor-key-one")) as desk:
        daily = await post_article(desk, DAILY, "Daily", _at(17, 9))
        weekly = await post_article(desk, WEEKLY, "Weekly", _at(18, 9))
        await post_article(desk, DAILY, "Wire", _at(19, 9))  # a republication
        gone = await post_article(desk, GONE, "Daily", _at(19, 10))
        corrected = await desk.put(
            f"/api/v1/articles/{weekly}", json={"text": CORRECTED}, headers=AUTH
        )
        assert corrected.status_code == 200, corrected.text
        fact = (await desk.get("/api/v1/facts", params={"property": "deaths"})).json()
        fact_id = fact["items"][0]["id"]
        twelve = (await desk.get(f"/api/v1/facts/{fact_id}")).json()["values"][0]["figureIds"][0]
        judged = await desk.post(
            f"/api/v1/figures/{twelve}/judgements",
            json={"kind": "DEPRECATED", "reason": "an early count"},
            headers=EDITOR,
        )
        assert judged.status_code == 201, judged.text
        sixteen = (await desk.get(f"/api/v1/facts/{fact_id}")).json()["values"][1]["figureIds"]
        preferred = await desk.post(
            f"/api/v1/figures/{sixteen[0]}/judgements",
            json={"kind": "PREFERRED", "reason": "the recount"},
            headers=EDITOR,
        )
        assert preferred.status_code == 201, preferred.text
        facts = (await desk.get("/api/v1/facts")).json()["items"]
        for article in (daily, gone):
            retracted = await desk.delete(f"/api/v1/articles/{article}", headers=AUTH)
            assert retracted.status_code == 200, retracted.text
    async with _test_pool.acquire() as conn:
        writes = await conn.fetch(
            """SELECT replaced_at AS at FROM article_versions
            UNION ALL SELECT made_at FROM judgements
            UNION ALL SELECT retracted_at FROM articles WHERE retracted_at IS NOT NULL
            UNION ALL SELECT coalesce(published_at, received_at) FROM publications"""
        )
    moments = sorted({w["at"] + step for w in writes for step in (-MICRO, dt.timedelta(0))})
    times = [m.isoformat() for m in moments]
    times += ["2026-11-17T08:00:00Z", "2026-11-18T12:00:00", "2100-01-01T00:00:00Z", None]
    ids = [f["id"] for f in facts] + [encode_id("Fact", 999999)]
    assert len(ids) >= 3, facts
    yield {"ids": ids, "times": times}
    async with _test_pool.acquire() as conn:
        await conn.execute(f"TRUNCATE {TABLES} RESTART IDENTITY CASCADE")


@pytest_asyncio.fixture(scope="module")
async def apps(
    _test_pool: asyncpg.Pool, history: dict[str, Any]
) -> AsyncIterator[dict[bool, httpx.AsyncClient]]:
    async with compiled_and_executed(_test_pool) as clients:
        yield clients


async def test_a_fact_as_of_each_moment_answers_alike_and_compiled(
    apps: dict[bool, httpx.AsyncClient], history: dict[str, Any]
) -> None:
    answered, chosen = set(), set()
    before = statements_built()
    for fact_id in history["ids"]:
        for at in history["times"]:
            answer = await same_answer(apps, WHOLE, {"id": fact_id, "at": at})
            assert b'"errors"' not in answer, answer
            fact = orjson.loads(answer)["data"]["fact"]
            answered.add(fact is not None)
            chosen.add(fact is not None and fact["preferred"] is not None)
    assert answered == {True, False}  # known at some moments, not at others
    assert chosen == {True, False}  # preferred at some moments, not at others
    assert statements_built() - before >= len(history["ids"]) * len(history["times"])
    for fact_id in history["ids"]:  # each time binds to a statement, not to the executor
        for at in history["times"]:
            assert bound(WHOLE, {"id": fact_id, "at": at}), at


def bound(query: str, variables: dict[str, Any]) -> bool:
    """Whether the compiled plan of `query` answers these variables with a statement."""
    plans = [
        plan
        for kept in compiler._plans_by_limits.values()
        for key, plan in kept.items()
        if key[0] == query and plan is not None
    ]
    return bool(plans) and compiler.bind(plans[0], schema._schema, variables) is not None


@settings(EXAMPLES, max_examples=120)
@given(data=st.data())
async def test_generated_selections_as_of_answer_alike(
    apps: dict[bool, httpx.AsyncClient], history: dict[str, Any], data: st.DataObject
) -> None:
    pure = data.draw(st.booleans())
    below = data.draw(selection("Fact", pure))
    fact_id = data.draw(st.sampled_from(history["ids"]))
    at = data.draw(st.sampled_from(history["times"]))
    query = f"query($id: ID!, $at: DateTime) {{ fact(id: $id, asOf: $at) {below} }}"
    await same_answer(apps, query, {"id": fact_id, "at": at})
