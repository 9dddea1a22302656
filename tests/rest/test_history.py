"""What changed a fact and when (GET /api/v1/facts/{id}/history, Fact.history), and the
copies corrections replaced (GET /api/v1/articles/{id}/versions, Article.versions), after
a real ingest, republication, correction, judgement and retraction."""

from __future__ import annotations

import datetime as dt
from typing import Any

import asyncpg
import httpx

from tests.rest.conftest import AUTH
from tests.rest.schemas import assert_matches
from tests.rest.test_as_of import CORRECTED, DAILY, EDITOR, WEEKLY, _at, _post, desk

__all__ = ["desk"]  # the fixture, shared

HISTORY = """query($id: ID!) { fact(id: $id) { history {
    at kind value text outlet reason by judgement figureId articleId } } }"""
VERSIONS = """query($id: ID!) { article(id: $id) { versions {
    version headline standfirst body url publishedAt storedAt replacedAt reason } } }"""


async def _gql(api: httpx.AsyncClient, query: str, id: str) -> Any:
    answer = (await api.post("/graphql", json={"query": query, "variables": {"id": id}})).json()
    assert "errors" not in answer, answer
    return answer["data"]


def _time(value: str) -> dt.datetime:
    return dt.datetime.fromisoformat(value)


async def test_a_facts_history_tells_every_change_in_order(
    desk: httpx.AsyncClient, pool: asyncpg.Pool
) -> None:
    daily = await _post(desk, DAILY, "Daily", _at(17, 9))
    weekly = await _post(desk, WEEKLY, "Weekly", _at(18, 9))
    await _post(desk, DAILY, "Wire", _at(19, 9))
    fact_id = (await desk.get("/api/v1/facts", params={"property": "deaths"})).json()["items"][0][
        "id"
    ]
    corrected = await desk.put(
        f"/api/v1/articles/{weekly}",
        content=CORRECTED,
        params={"reason": "the toll was 16"},
        headers={**AUTH, "Content-Type": "text/plain"},
    )
    assert corrected.status_code == 200, corrected.text
    twelve = (await desk.get(f"/api/v1/facts/{fact_id}")).json()["values"][0]["figureIds"][0]
    made = await desk.post(
        f"/api/v1/figures/{twelve}/judgements",
        json={"kind": "DEPRECATED", "reason": "an early count"},
        headers=EDITOR,
    )
    judgement = made.json()["judgement"]["id"]
    withdrawn = await desk.delete(
        f"/api/v1/judgements/{judgement}", params={"reason": "it was right"}, headers=EDITOR
    )
    assert withdrawn.status_code == 200, withdrawn.text
    retracted = await desk.delete(
        f"/api/v1/articles/{daily}", params={"reason": "unsourced"}, headers=AUTH
    )
    assert retracted.status_code == 200, retracted.text

    answer = await desk.get(f"/api/v1/facts/{fact_id}/history")
    assert answer.status_code == 200, answer.text
    assert_matches(answer.json(), "FactEventList")
    events = answer.json()["items"]
    assert [(e["kind"], e["value"], e["outlet"], e["reason"], e["by"]) for e in events] == [
        ("REPORTED", 12.0, "Daily", None, None),
        ("REPORTED", 15.0, "Weekly", None, None),
        ("REPORTED", 12.0, "Wire", None, None),
        ("REPORTED", 16.0, "Weekly", None, None),  # brought by the correction
        ("CORRECTED", 15.0, None, "the toll was 16", None),
        ("JUDGED", 12.0, None, "an early count", "ann"),
        ("JUDGEMENT_WITHDRAWN", 12.0, None, "it was right", "ann"),
        ("RETRACTED", 12.0, None, "unsourced", None),
    ]
    times = [_time(e["at"]) for e in events]
    assert times == sorted(times)
    assert times[:3] == [_at(17, 9), _at(18, 9), _at(19, 9)]
    async with pool.acquire() as conn:
        correction = await conn.fetchval("SELECT replaced_at FROM article_versions")
        retraction = await conn.fetchval(
            "SELECT retracted_at FROM articles WHERE retracted_at IS NOT NULL"
        )
    assert times[3] == times[4] == correction
    assert times[-1] == retraction
    assert events[5]["judgement"] == "DEPRECATED"

    # GraphQL tells the same, and `first` keeps the oldest.
    graphql = (await _gql(desk, HISTORY, fact_id))["fact"]["history"]
    assert graphql == [{k: e[k] for k in graphql[0]} for e in events]
    two = (await desk.get(f"/api/v1/facts/{fact_id}/history", params={"first": 2})).json()
    assert two["items"] == events[:2]


async def test_an_articles_replaced_copies_are_served(desk: httpx.AsyncClient) -> None:
    weekly = await _post(desk, WEEKLY, "Weekly", _at(18, 9))
    assert (await desk.get(f"/api/v1/articles/{weekly}/versions")).json() == {"items": []}
    for text, reason in ((CORRECTED, "the toll was 16"), (WEEKLY, "back to 15")):
        corrected = await desk.put(
            f"/api/v1/articles/{weekly}",
            content=text,
            params={"reason": reason},
            headers={**AUTH, "Content-Type": "text/plain"},
        )
        assert corrected.status_code == 200, corrected.text

    answer = await desk.get(f"/api/v1/articles/{weekly}/versions")
    assert answer.status_code == 200, answer.text
    assert_matches(answer.json(), "ArticleVersionList")
    versions = answer.json()["items"]
    assert [(v["version"], v["body"], v["reason"]) for v in versions] == [
        (1, WEEKLY.split("\n\n")[1], "the toll was 16"),
        (2, CORRECTED.split("\n\n")[1], "back to 15"),
    ]
    assert versions[0]["replacedAt"] == versions[1]["storedAt"]
    graphql = (await _gql(desk, VERSIONS, weekly))["article"]["versions"]
    assert graphql == versions
    missing = await desk.get("/api/v1/articles/no-such-article/versions")
    assert missing.status_code == 404
