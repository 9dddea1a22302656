"""What was known when: a fact as of a past time, by REST (`?as_of=`) and GraphQL
(`fact(asOf:)`, `Entity.facts(asOf:)`, `Fact.values(asOf:)`) alike, after a real ingest,
republication, correction, judgement and retraction. Publication times are chosen; the
writes' own times are read back from the database and asked about either side."""

from __future__ import annotations

import datetime as dt
from collections.abc import AsyncIterator
from typing import Any

import asyncpg
import httpx
import pytest_asyncio
from pydantic import SecretStr

from tests.rest.conftest import AUTH, api_client, post_article
from tests.rest.schemas import assert_matches

EDITOR = {"Authorization": "Bearer editor-key-one"}
DAILY = "Quake hits Almaty\n\nAn earthquake in Almaty killed 12 people, police said."
WEEKLY = "Almaty toll rises\n\nThe earthquake in Almaty killed 15 people, police said."
CORRECTED = "Almaty toll rises\n\nThe earthquake in Almaty killed 16 people, police said."
FACT = """query($id: ID!, $at: DateTime) { fact(id: $id, asOf: $at) {
    disputed firstReportedAt updatedAt preferred { value } reports { value }
    values { value rank conflicting firstReportedAt lastReportedAt sources { excerpt } } } }"""
MICRO = dt.timedelta(microseconds=1)
LATER = dt.datetime(2100, 1, 1, tzinfo=dt.UTC)


def _at(day: int, hour: int = 12) -> dt.datetime:
    return dt.datetime(2026, 11, day, hour, tzinfo=dt.UTC)


@pytest_asyncio.fixture
async def desk(pool: asyncpg.Pool) -> AsyncIterator[httpx.AsyncClient]:
    async with api_client(pool, factdesk_editor_keys=SecretStr("ann:editor-key-one")) as client:
        yield client


async def _rest(api: httpx.AsyncClient, fact_id: str, at: dt.datetime | None) -> Any:
    params = {"as_of": at.isoformat()} if at else {}
    answer = await api.get(f"/api/v1/facts/{fact_id}", params=params)
    if answer.status_code == 404:
        return None
    assert answer.status_code == 200, answer.text
    assert_matches(answer.json(), "Fact")
    return answer.json()


async def _known(api: httpx.AsyncClient, fact_id: str, at: dt.datetime | None) -> Any:
    """The fact at `at` by REST, checked against GraphQL's answer."""
    fact = await _rest(api, fact_id, at)
    variables = {"id": fact_id, "at": at.isoformat() if at else None}
    answer = (await api.post("/graphql", json={"query": FACT, "variables": variables})).json()
    assert "errors" not in answer, answer
    graphql = answer["data"]["fact"]
    if fact is None:
        assert graphql is None
        return None
    fields = ("value", "rank", "conflicting", "firstReportedAt", "lastReportedAt")
    assert graphql["values"] == [
        {**{k: v[k] for k in fields}, "sources": [{"excerpt": c["excerpt"]} for c in v["sources"]]}
        for v in fact["values"]
    ]
    for key in ("disputed", "firstReportedAt", "updatedAt"):
        assert graphql[key] == fact[key], key
    assert graphql["preferred"] == (fact["preferred"] and {"value": fact["preferred"]["value"]})
    return fact


async def _same_by_statement_and_resolvers(
    desk: httpx.AsyncClient, pool: asyncpg.Pool, fact_id: str, rest: Any
) -> None:
    """The times as service/db/trees.py's one statement answers them (the selection holds
    only fields it knows) are the resolvers' times, and REST's."""
    query = """query($id: ID!) { fact(id: $id) { firstReportedAt updatedAt
        values { firstReportedAt lastReportedAt } } }"""
    answers = []
    async with api_client(pool, factdesk_sql_trees=False) as resolvers:
        for client in (desk, resolvers):
            answer = await client.post(
                "/graphql", json={"query": query, "variables": {"id": fact_id}}
            )
            answers.append(answer.json()["data"]["fact"])
    assert answers[0] == answers[1]
    assert answers[0] == {
        "firstReportedAt": rest["firstReportedAt"],
        "updatedAt": rest["updatedAt"],
        "values": [
            {k: v[k] for k in ("firstReportedAt", "lastReportedAt")} for v in rest["values"]
        ],
    }


def _values(fact: Any) -> list[tuple[float, str]]:
    return [(v["value"], v["rank"]) for v in fact["values"]]


async def _time(pool: asyncpg.Pool, sql: str) -> dt.datetime:
    async with pool.acquire() as conn:
        at: dt.datetime = await conn.fetchval(sql)
    return at


async def test_a_fact_as_known_before_and_after_each_write(
    desk: httpx.AsyncClient, pool: asyncpg.Pool
) -> None:
    daily = await post_article(desk, DAILY, "Daily", _at(17, 9))
    weekly = await post_article(desk, WEEKLY, "Weekly", _at(18, 9))
    await post_article(desk, DAILY, "Wire", _at(19, 9))  # a republication of the daily's copy
    page = (await desk.get("/api/v1/facts", params={"property": "deaths"})).json()
    fact_id = page["items"][0]["id"]

    # Each value's times come from its sources' publications, republications included.
    now = await _known(desk, fact_id, None)
    assert [(v["value"], v["firstReportedAt"], v["lastReportedAt"]) for v in now["values"]] == [
        (12.0, "2026-11-17T09:00:00+00:00", "2026-11-19T09:00:00+00:00"),
        (15.0, "2026-11-18T09:00:00+00:00", "2026-11-18T09:00:00+00:00"),
    ]
    assert await _known(desk, fact_id, LATER) == now  # after every write: now
    await _same_by_statement_and_resolvers(desk, pool, fact_id, now)

    # Before the first publication nothing was known; then only what was published by then.
    assert await _known(desk, fact_id, _at(17, 8)) is None
    first = await _known(desk, fact_id, _at(17))
    assert (_values(first), first["disputed"]) == ([(12.0, "NORMAL")], False)
    assert first["firstReportedAt"] == first["values"][0]["lastReportedAt"]  # Wire not yet
    second = await _known(desk, fact_id, _at(18))
    assert (_values(second), second["disputed"]) == ([(12.0, "NORMAL"), (15.0, "NORMAL")], True)
    assert second["values"][0]["lastReportedAt"] == "2026-11-17T09:00:00+00:00"

    # A correction replaces the weekly's 15 by 16: 15 counts before it, 16 from it on.
    corrected = await desk.put(f"/api/v1/articles/{weekly}", json={"text": CORRECTED}, headers=AUTH)
    assert corrected.status_code == 200, corrected.text
    correction = await _time(pool, "SELECT max(replaced_at) FROM article_versions")
    before = await _known(desk, fact_id, correction - MICRO)
    assert [v for v, _ in _values(before)] == [12.0, 15.0]
    # its source is the copy as it stood then
    assert before["values"][1]["sources"][0]["excerpt"] == WEEKLY.split("\n\n")[1]
    assert [v for v, _ in _values(await _known(desk, fact_id, correction))] == [12.0, 16.0]

    # A judgement counts from when it was made.
    twelve = (await _rest(desk, fact_id, None))["values"][0]["figureIds"][0]
    judged = await desk.post(
        f"/api/v1/figures/{twelve}/judgements",
        json={"kind": "DEPRECATED", "reason": "an early count"},
        headers=EDITOR,
    )
    assert judged.status_code == 201, judged.text
    made = await _time(pool, "SELECT max(made_at) FROM judgements")
    unjudged = await _known(desk, fact_id, made - MICRO)
    assert (_values(unjudged), unjudged["disputed"]) == ([(12.0, "NORMAL"), (16.0, "NORMAL")], True)
    deprecated = await _known(desk, fact_id, made)
    assert _values(deprecated) == [(12.0, "DEPRECATED"), (16.0, "NORMAL")]
    assert deprecated["disputed"] is False

    # A retraction takes the daily's 12 out, and its judgement with it, from then on only.
    retracted = await desk.delete(f"/api/v1/articles/{daily}", headers=AUTH)
    assert retracted.status_code == 200, retracted.text
    retraction = await _time(pool, "SELECT max(retracted_at) FROM articles")
    assert _values(await _known(desk, fact_id, retraction - MICRO)) == _values(deprecated)
    after = await _known(desk, fact_id, retraction)
    assert (_values(after), after["disputed"]) == ([(16.0, "NORMAL")], False)
    assert await _known(desk, fact_id, LATER) == await _known(desk, fact_id, None)
    # What was known before the correction is still known as it was.
    assert await _known(desk, fact_id, correction - MICRO) == before


async def test_a_fact_whose_only_article_was_retracted_is_known_before(
    desk: httpx.AsyncClient, pool: asyncpg.Pool
) -> None:
    """Its values all gone, the fact is deleted; what was known before stays known."""
    daily = await post_article(desk, DAILY, "Daily", _at(17, 9))
    fact_id = (await desk.get("/api/v1/facts", params={"property": "deaths"})).json()["items"][0][
        "id"
    ]
    retracted = await desk.delete(f"/api/v1/articles/{daily}", headers=AUTH)
    assert retracted.status_code == 200, retracted.text
    retraction = await _time(pool, "SELECT max(retracted_at) FROM articles")

    assert (await desk.get(f"/api/v1/facts/{fact_id}")).status_code == 404
    assert await _known(desk, fact_id, retraction) is None
    before = await _known(desk, fact_id, retraction - MICRO)
    assert (_values(before), before["label"]) == ([(12.0, "NORMAL")], "Almaty: deaths")
    history = (await desk.get(f"/api/v1/facts/{fact_id}/history")).json()["items"]
    assert [e["kind"] for e in history] == ["REPORTED", "RETRACTED"]


async def test_an_entitys_facts_and_a_values_list_as_of_a_time(desk: httpx.AsyncClient) -> None:
    await post_article(desk, DAILY, "Daily", _at(17, 9))
    await post_article(desk, WEEKLY, "Weekly", _at(18, 9))
    query = """query($early: DateTime, $late: DateTime) { entity(name: "Almaty") {
        early: facts(asOf: $early) { property disputed values { value } }
        late: facts(asOf: $late) { property values { value } early: values(asOf: $early) {
            value } } } }"""
    answer = await desk.post(
        "/graphql",
        json={
            "query": query,
            "variables": {"early": _at(17).isoformat(), "late": _at(18).isoformat()},
        },
    )
    entity = answer.json()["data"]["entity"]
    deaths = [f for f in entity["early"] if f["property"] == "deaths"]
    assert deaths == [{"property": "deaths", "disputed": False, "values": [{"value": 12.0}]}]
    late = next(f for f in entity["late"] if f["property"] == "deaths")
    assert late["values"] == [{"value": 12.0}, {"value": 15.0}]
    assert late["early"] == [{"value": 12.0}]
    before = await desk.post(
        "/graphql",
        json={
            "query": query,
            "variables": {"early": _at(16).isoformat(), "late": _at(16).isoformat()},
        },
    )
    assert before.json()["data"]["entity"]["early"] == []


async def test_a_bad_as_of_is_a_problem(desk: httpx.AsyncClient) -> None:
    await post_article(desk, DAILY, "Daily", _at(17, 9))
    page = (await desk.get("/api/v1/facts")).json()
    answer = await desk.get(f"/api/v1/facts/{page['items'][0]['id']}", params={"as_of": "soon"})
    assert answer.status_code == 400
    assert answer.json()["code"] == "invalid_parameter"
