"""`fact(asOf:)` cites every report in the article's copy as it stood then: through
`Fact.reports` as through `SourcedValue.sources`, after a real ingest and correction."""

from __future__ import annotations

import datetime as dt
from typing import Any

import asyncpg
import httpx

from tests.rest.conftest import AUTH, api_client

BEFORE = "Almaty toll rises\n\nThe earthquake in Almaty killed 15 people, police said."
AFTER = "Almaty toll rises\n\nAfter a recount, the earthquake in Almaty killed 16 people."
CITED = """query($id: ID!, $at: DateTime) { fact(id: $id, asOf: $at) {
    reports(first: 10) { text citation { excerpt span { start end } article { body } } }
    values(first: 10) { sources(first: 10) { excerpt span { start end } article { body } } } } }"""
PUBLISHED = dt.datetime(2026, 11, 18, 9, tzinfo=dt.UTC)


async def _fact(api: httpx.AsyncClient, fact_id: str, at: dt.datetime) -> Any:
    answer = await api.post(
        "/graphql", json={"query": CITED, "variables": {"id": fact_id, "at": at.isoformat()}}
    )
    body = answer.json()
    assert "errors" not in body, body
    return body["data"]["fact"]


async def test_reports_under_as_of_cite_the_copy_of_then(pool: asyncpg.Pool) -> None:
    async with api_client(pool) as api:
        posted = await api.post(
            "/api/v1/articles",
            json={"text": BEFORE, "outlet": "Weekly", "publishedAt": PUBLISHED.isoformat()},
            headers=AUTH,
        )
        assert posted.status_code == 201, posted.text
        article_id = posted.json()["id"]
        fact_id = (await api.get("/api/v1/facts", params={"property": "deaths"})).json()["items"][
            0
        ]["id"]
        corrected = await api.put(
            f"/api/v1/articles/{article_id}", json={"text": AFTER}, headers=AUTH
        )
        assert corrected.status_code == 200, corrected.text
        async with pool.acquire() as conn:
            correction: dt.datetime = await conn.fetchval(
                "SELECT replaced_at FROM article_versions"
            )

        then = await _fact(api, fact_id, correction - dt.timedelta(microseconds=1))
        old_body = BEFORE.split("\n\n")[1]
        [report] = then["reports"]
        assert report["text"] == "15 people"
        assert report["citation"]["excerpt"] == old_body
        assert report["citation"]["article"]["body"] == old_body
        span = report["citation"]["span"]
        assert old_body[span["start"] : span["end"]] == "15 people"
        # The same as the value's own sources say.
        [value] = then["values"]
        assert value["sources"] == [report["citation"]]

        now = await _fact(api, fact_id, correction)
        [report] = now["reports"]
        assert report["citation"]["excerpt"] == AFTER.split("\n\n")[1]
