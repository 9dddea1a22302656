"""REST's fact `?as_of=` and GraphQL's `fact(asOf:)` agree at every moment of a real
history (tests/graphql/test_compiled_as_of.py builds it through the API: two outlets, a
republication, a correction, judgements, retractions): the same values, ranks, times,
sources and preferred value, and figureIds that are the reports GraphQL lists then."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import asyncpg
import httpx
import pytest_asyncio

from tests.graphql.test_compiled_as_of import history
from tests.rest.conftest import api_client
from tests.rest.schemas import assert_matches

__all__ = ["history"]  # the module-scoped fixture this file's tests use

ENTITY = "id name kind"
VALUE = f"""value upperBound approximation text rank conflicting firstReportedAt lastReportedAt
    sources(first: 50) {{ article {{ id headline url publishedAt }} outlet {{ id name }}
        span {{ start end part caption }} excerpt attributedTo {{ {ENTITY} }} attributedToText }}"""
FACT = f"""query($id: ID!, $at: DateTime) {{ fact(id: $id, asOf: $at) {{
    id label subject {{ {ENTITY} }} property qualifier unit disputed firstReportedAt updatedAt
    values(first: 20) {{ {VALUE} }} preferred {{ {VALUE} }} reports(first: 100) {{ id }} }} }}"""


@pytest_asyncio.fixture(scope="module")
async def api(
    history: dict[str, Any], _test_pool: asyncpg.Pool
) -> AsyncIterator[httpx.AsyncClient]:
    async with api_client(_test_pool) as client:
        yield client


def _without_figure_ids(value: dict[str, Any] | None) -> dict[str, Any] | None:
    return None if value is None else {k: v for k, v in value.items() if k != "figureIds"}


async def test_rest_and_graphql_know_the_same_fact_at_every_moment(
    api: httpx.AsyncClient, history: dict[str, Any]
) -> None:
    known = 0
    for fact_id in history["ids"]:
        for at in history["times"]:
            if at is None or ("+" not in at and not at.endswith("Z")):
                continue  # REST's as_of names its zone
            rest = await api.get(f"/api/v1/facts/{fact_id}", params={"as_of": at})
            variables = {"id": fact_id, "at": at}
            answer = await api.post("/graphql", json={"query": FACT, "variables": variables})
            graphql = answer.json()["data"]["fact"]
            if graphql is None:
                assert rest.status_code == 404, (fact_id, at, rest.text)
                continue
            assert rest.status_code == 200, rest.text
            fact = rest.json()
            assert_matches(fact, "Fact")
            reports = {r["id"] for r in graphql.pop("reports")}
            assert {i for v in fact["values"] for i in v["figureIds"]} == reports, at
            for value in fact["values"]:
                assert len(value["figureIds"]) == len(value["sources"])
            assert {
                **fact,
                "values": [_without_figure_ids(v) for v in fact["values"]],
                "preferred": _without_figure_ids(fact["preferred"]),
            } == graphql, (fact_id, at)
            known += 1
    assert known >= 10


async def test_as_of_after_every_write_is_the_fact_now(
    api: httpx.AsyncClient, history: dict[str, Any]
) -> None:
    """REST's compiled `as_of` and its answer now (read in Python) are the same fact."""
    for fact_id in history["ids"][:-1]:
        now = await api.get(f"/api/v1/facts/{fact_id}")
        if now.status_code == 404:  # its only article retracted
            continue
        later = await api.get(f"/api/v1/facts/{fact_id}", params={"as_of": "2100-01-01T00:00:00Z"})
        assert later.json() == now.json()
