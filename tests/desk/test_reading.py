"""What a page reads of a fact as known at a past time (`read_fact_values(as_of=)`, the
reports counted in the database) is what REST's `?as_of=` answers at every moment of a
real history (tests/graphql/test_compiled_as_of.py builds it through the API: two
outlets, a republication, a correction, judgements, retractions)."""

from __future__ import annotations

import datetime as dt
from collections.abc import AsyncIterator
from typing import Any

import asyncpg
import httpx
import pytest_asyncio

from service.db import facts as facts_db
from service.db import known as known_db
from service.desk.reading import read_fact_values
from service.ids import decode_id, encode_id
from tests.graphql.test_compiled_as_of import history
from tests.known_history import add_reports, moments
from tests.rest.conftest import api_client

__all__ = ["history"]  # the module-scoped fixture this file's tests use


@pytest_asyncio.fixture(scope="module")
async def api(
    history: dict[str, Any], _test_pool: asyncpg.Pool
) -> AsyncIterator[httpx.AsyncClient]:
    async with api_client(_test_pool) as client:
        await add_reports(client)
        yield client


def _time(at: str) -> dt.datetime:
    return dt.datetime.fromisoformat(at.replace("Z", "+00:00"))


async def _desk(
    pool: asyncpg.Pool, fact_id: int, at: dt.datetime, per_value: int
) -> dict[str, Any] | None:
    """The fact as the desk reads it then, in REST's words."""
    async with pool.acquire() as conn:
        facts = await known_db.list_facts_ever_by_ids(conn, ids=[fact_id])
        if not facts:
            facts = await facts_db.list_facts_by_ids(conn, ids=[fact_id])
        if not facts:
            return None
        found, _ = await read_fact_values(
            conn, facts=facts, per_value=per_value, with_times=True, as_of=at
        )
    fact = found[0]
    if not fact.values:
        return None
    return {
        "disputed": fact.fact.disputed,
        "values": [
            {
                "text": v.group.first.text,
                "rank": v.group.rank.value,
                "reports": v.reports,
                "first": [encode_id("Figure", s.figure.id) for s in v.sources],
                "firstReportedAt": v.first_reported.isoformat() if v.first_reported else None,
                "lastReportedAt": v.last_reported.isoformat() if v.last_reported else None,
            }
            for v in fact.values
        ],
    }


def _rest(fact: dict[str, Any], per_value: int) -> dict[str, Any]:
    def ids(value: dict[str, Any]) -> list[str]:
        return sorted(value["figureIds"], key=lambda i: decode_id(i, "Figure")[1])

    return {
        "disputed": fact["disputed"],
        "values": [
            {
                "text": v["text"],
                "rank": v["rank"],
                "reports": len(v["figureIds"]),
                "first": ids(v)[:per_value],
                "firstReportedAt": _time(v["firstReportedAt"]).isoformat(),
                "lastReportedAt": _time(v["lastReportedAt"]).isoformat(),
            }
            for v in fact["values"]
        ],
    }


async def test_a_fact_as_of_each_moment_is_what_rest_knew_then(
    api: httpx.AsyncClient, history: dict[str, Any], pool: asyncpg.Pool
) -> None:
    compared = disputed = 0
    several = set()
    for fact_id in history["ids"]:
        key = decode_id(fact_id, "Fact")[1]
        for when in await moments(pool):
            at = when.isoformat()
            rest = await api.get(f"/api/v1/facts/{fact_id}", params={"as_of": at})
            for per_value in (1, 2):
                desk = await _desk(pool, key, _time(at), per_value)
                if rest.status_code == 404:
                    assert desk is None, (fact_id, at)
                    continue
                assert rest.status_code == 200, rest.text
                assert desk == _rest(rest.json(), per_value), (fact_id, at, per_value)
                compared += 1
                disputed += desk["disputed"]
                several |= {v["reports"] for v in desk["values"]}
    assert compared >= 20
    assert max(several) >= 3  # the values of several reports were compared too
    assert 0 < disputed < compared  # disputed at some moments, not at others
