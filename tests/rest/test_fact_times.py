"""Fact.firstReportedAt and updatedAt, on REST and GraphQL alike, from what is stored:
the articles' publication times, republications, and the change feed."""

from __future__ import annotations

import datetime as dt
from typing import Any

import asyncpg
import httpx

from tests.rest.conftest import AUTH
from tests.rest.schemas import assert_matches

DAILY = "Quake hits Almaty\n\nAn earthquake in Almaty killed 12 people, police said."
WEEKLY = "Almaty toll rises\n\nThe earthquake in Almaty killed 15 people, police said."
EARLY = "Almaty quake\n\nThe earthquake in Almaty killed 11 people, the mayor said."
FACT = """query($id: ID!) { fact(id: $id) { firstReportedAt updatedAt } }"""


async def _ingest(api: httpx.AsyncClient, text: str, outlet: str, published: str) -> str:
    answer = await api.post(
        "/api/v1/articles",
        json={"text": text, "outlet": outlet, "publishedAt": published},
        headers=AUTH,
    )
    assert answer.status_code == 201, answer.text
    article_id: str = answer.json()["id"]
    return article_id


async def _deaths(api: httpx.AsyncClient) -> dict[str, Any]:
    """The one deaths fact, by REST; GraphQL must give the same times."""
    page = (await api.get("/api/v1/facts", params={"property": "deaths"})).json()
    assert len(page["items"]) == 1, page
    fact: dict[str, Any] = page["items"][0]
    assert_matches(fact, "Fact")
    answer = await api.post("/graphql", json={"query": FACT, "variables": {"id": fact["id"]}})
    times = answer.json()["data"]["fact"]
    assert times == {k: fact[k] for k in ("firstReportedAt", "updatedAt")}, (times, fact)
    return fact


def _at(value: str) -> dt.datetime:
    return dt.datetime.fromisoformat(value)


async def _latest_change(pool: asyncpg.Pool) -> dt.datetime:
    async with pool.acquire() as conn:
        at: dt.datetime = await conn.fetchval("SELECT max(at) FROM changes")
    return at


async def test_first_reported_is_the_earliest_publication_updated_the_latest_change(
    api: httpx.AsyncClient, pool: asyncpg.Pool
) -> None:
    await _ingest(api, DAILY, "Daily", "2026-11-17T09:00:00Z")
    first = await _deaths(api)
    assert _at(first["firstReportedAt"]) == dt.datetime(2026, 11, 17, 9, tzinfo=dt.UTC)
    assert _at(first["updatedAt"]) == await _latest_change(pool)

    # A later report of another value: first reported stays, updated moves on.
    await _ingest(api, WEEKLY, "Weekly", "2026-11-18T09:00:00Z")
    second = await _deaths(api)
    assert [v["value"] for v in second["values"]] == [12.0, 15.0]
    assert second["firstReportedAt"] == first["firstReportedAt"]
    assert _at(second["updatedAt"]) == await _latest_change(pool)
    assert _at(second["updatedAt"]) > _at(first["updatedAt"])

    # A report published earlier, though it arrived last, was first.
    early = await _ingest(api, EARLY, "Gazette", "2026-11-16T20:00:00Z")
    third = await _deaths(api)
    assert _at(third["firstReportedAt"]) == dt.datetime(2026, 11, 16, 20, tzinfo=dt.UTC)

    # Retracted, its value leaves the fact: first reported is the earliest report left, and
    # updated is the retraction's time.
    retracted = await api.delete(f"/api/v1/articles/{early}", headers=AUTH)
    assert retracted.status_code in (200, 204), retracted.text
    fourth = await _deaths(api)
    assert sorted(v["value"] for v in fourth["values"]) == [12.0, 15.0]
    assert fourth["firstReportedAt"] == first["firstReportedAt"]
    assert _at(fourth["updatedAt"]) == await _latest_change(pool)
    assert _at(fourth["updatedAt"]) > _at(third["updatedAt"])


async def test_a_republication_published_earlier_is_the_first_report(
    api: httpx.AsyncClient, pool: asyncpg.Pool
) -> None:
    await _ingest(api, DAILY, "Daily", "2026-11-17T09:00:00Z")
    first = await _deaths(api)
    again = await api.post(
        "/api/v1/articles",
        json={"text": DAILY, "outlet": "Wire", "publishedAt": "2026-11-17T06:00:00Z"},
        headers=AUTH,
    )
    assert again.status_code == 200, again.text
    republished = await _deaths(api)
    assert _at(republished["firstReportedAt"]) == dt.datetime(2026, 11, 17, 6, tzinfo=dt.UTC)
    assert _at(republished["updatedAt"]) == await _latest_change(pool)
    assert _at(republished["updatedAt"]) > _at(first["updatedAt"])
