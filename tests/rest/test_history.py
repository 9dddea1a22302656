"""What changed a fact and when (GET /api/v1/facts/{id}/history, Fact.history), and the
copies corrections replaced (GET /api/v1/articles/{id}/versions, Article.versions), after
a real ingest, republication, correction, judgement and retraction."""

from __future__ import annotations

import datetime as dt
from typing import Any

import asyncpg
import httpx

from tests.rest.conftest import AUTH, post_article
from tests.rest.schemas import assert_matches
from tests.rest.test_as_of import CORRECTED, DAILY, EDITOR, WEEKLY, _at, desk

__all__ = ["desk"]  # the fixture, shared

PAGE = """totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    edges { cursor node { %s } }"""
PAGING = "$first: Int, $after: String, $last: Int, $before: String"
PAGED = "first: $first, after: $after, last: $last, before: $before"
HISTORY = f"""query($id: ID!, {PAGING}) {{ fact(id: $id) {{ history({PAGED}) {{
    {PAGE % "at kind value text outlet reason by judgement figureId articleId"} }} }} }}"""
VERSIONS = f"""query($id: ID!, {PAGING}) {{ article(id: $id) {{ versions({PAGED}) {{
    {PAGE % "version headline standfirst body url publishedAt storedAt replacedAt reason"}
    }} }} }}"""


async def _gql(api: httpx.AsyncClient, query: str, id: str, **paging: Any) -> Any:
    variables = {"id": id, **paging}
    answer = (await api.post("/graphql", json={"query": query, "variables": variables})).json()
    assert "errors" not in answer, answer
    return answer["data"]


def _as_rest(connection: Any) -> Any:
    """A GraphQL connection in REST's shape: items, pageInfo, totalCount."""
    return {
        "items": [edge["node"] for edge in connection["edges"]],
        "pageInfo": connection["pageInfo"],
        "totalCount": connection["totalCount"],
    }


async def _walk(
    api: httpx.AsyncClient, path: str, size: int, *, backwards: bool = False
) -> list[Any]:
    """Every page of a REST list, `size` at a time, from its start (or its end); at most
    ten (a cursor that does not move on would go round for ever)."""
    pages: list[Any] = []
    cursor: str | None = None
    while len(pages) < 10:
        if backwards:
            params: dict[str, Any] = {"last": size, **({"before": cursor} if cursor else {})}
        else:
            params = {"first": size, **({"after": cursor} if cursor else {})}
        answer = await api.get(path, params=params)
        assert answer.status_code == 200, answer.text
        page = answer.json()
        pages.append(page)
        info = page["pageInfo"]
        if not (info["hasPreviousPage"] if backwards else info["hasNextPage"]):
            return pages
        cursor = info["startCursor"] if backwards else info["endCursor"]
    return pages


def _time(value: str) -> dt.datetime:
    return dt.datetime.fromisoformat(value)


async def test_a_facts_history_tells_every_change_in_order(
    desk: httpx.AsyncClient, pool: asyncpg.Pool
) -> None:
    daily = await post_article(desk, DAILY, "Daily", _at(17, 9))
    weekly = await post_article(desk, WEEKLY, "Weekly", _at(18, 9))
    await post_article(desk, DAILY, "Wire", _at(19, 9))
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
    assert_matches(answer.json(), "FactEventPage")
    assert answer.json()["totalCount"] == 8
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

    # GraphQL tells the same.
    graphql = _as_rest((await _gql(desk, HISTORY, fact_id))["fact"]["history"])
    assert graphql["items"] == [{k: e[k] for k in graphql["items"][0]} for e in events]


async def test_a_facts_history_pages_both_ways_with_cursors(desk: httpx.AsyncClient) -> None:
    """Eight events, three at a time: forwards with `after`, backwards with `before`, the
    same pages and cursors by REST and GraphQL."""
    await post_article(desk, DAILY, "Daily", _at(17, 9))
    for outlet, day in (("Weekly", 18), ("Wire", 19), ("Radio", 20), ("Blog", 21)):
        await post_article(desk, DAILY, outlet, _at(day, 9))
    await post_article(desk, WEEKLY, "Monthly", _at(22, 9))
    await post_article(desk, WEEKLY, "Yearly", _at(23, 9))
    await post_article(desk, CORRECTED, "Late", _at(24, 9))
    fact_id = (await desk.get("/api/v1/facts", params={"property": "deaths"})).json()["items"][0][
        "id"
    ]
    path = f"/api/v1/facts/{fact_id}/history"
    whole = (await desk.get(path)).json()
    assert whole["totalCount"] == 8
    outlets = ["Daily", "Weekly", "Wire", "Radio", "Blog", "Monthly", "Yearly", "Late"]
    assert [e["outlet"] for e in whole["items"]] == outlets

    forwards = await _walk(desk, path, 3)
    assert [len(p["items"]) for p in forwards] == [3, 3, 2]
    assert [e for p in forwards for e in p["items"]] == whole["items"]
    assert [p["pageInfo"]["hasPreviousPage"] for p in forwards] == [False, True, True]
    backwards = await _walk(desk, path, 3, backwards=True)
    assert [len(p["items"]) for p in backwards] == [3, 3, 2]
    assert [e for p in reversed(backwards) for e in p["items"]] == whole["items"]
    assert [p["pageInfo"]["hasNextPage"] for p in backwards] == [False, True, True]

    # GraphQL pages alike, with the same cursors.
    second = forwards[1]
    after = forwards[0]["pageInfo"]["endCursor"]
    graphql = (await _gql(desk, HISTORY, fact_id, first=3, after=after))["fact"]["history"]
    assert graphql["edges"][-1]["cursor"] == second["pageInfo"]["endCursor"]
    assert [e["node"]["outlet"] for e in graphql["edges"]] == outlets[3:6]
    assert _as_rest(graphql)["pageInfo"] == second["pageInfo"]
    before = backwards[0]["pageInfo"]["startCursor"]
    graphql = (await _gql(desk, HISTORY, fact_id, last=2, before=before))["fact"]["history"]
    assert [e["node"]["outlet"] for e in graphql["edges"]] == outlets[3:5]

    bad = await desk.get(path, params={"after": "not-a-cursor"})
    assert bad.status_code == 400, bad.text


async def test_an_articles_replaced_copies_are_served(desk: httpx.AsyncClient) -> None:
    weekly = await post_article(desk, WEEKLY, "Weekly", _at(18, 9))
    empty = (await desk.get(f"/api/v1/articles/{weekly}/versions")).json()
    assert (empty["items"], empty["totalCount"]) == ([], 0)
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
    assert_matches(answer.json(), "ArticleVersionPage")
    versions = answer.json()["items"]
    assert [(v["version"], v["body"], v["reason"]) for v in versions] == [
        (1, WEEKLY.split("\n\n")[1], "the toll was 16"),
        (2, CORRECTED.split("\n\n")[1], "back to 15"),
    ]
    assert versions[0]["replacedAt"] == versions[1]["storedAt"]
    graphql = _as_rest((await _gql(desk, VERSIONS, weekly))["article"]["versions"])
    assert graphql == answer.json()
    # A page at a time, either way, by REST and GraphQL alike.
    path = f"/api/v1/articles/{weekly}/versions"
    forwards = await _walk(desk, path, 1)
    assert [p["items"] for p in forwards] == [[versions[0]], [versions[1]]]
    backwards = await _walk(desk, path, 1, backwards=True)
    assert [p["items"] for p in backwards] == [[versions[1]], [versions[0]]]
    after = forwards[0]["pageInfo"]["endCursor"]
    graphql = (await _gql(desk, VERSIONS, weekly, first=1, after=after))["article"]["versions"]
    assert _as_rest(graphql) == forwards[1]
    missing = await desk.get("/api/v1/articles/no-such-article/versions")
    assert missing.status_code == 404
