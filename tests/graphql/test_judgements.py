"""judgeValue and withdrawJudgement over /graphql: roles, ranks, `preferred`, conflicts
and `Figure.judgements`, and the same answer as REST gives."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import asyncpg
import httpx
import pytest_asyncio
from pydantic import SecretStr

from tests.graphql.test_corrections import _graphql
from tests.rest.conftest import AUTH, api_client, row_counts
from tests.rest.test_judgements import EDITOR, EDITOR_KEY, disputed_deaths, figure_of

JUDGE = """mutation($input: JudgeValueInput!) {
  judgeValue(input: $input) {
    judgement { id kind reason madeBy madeAt inForce figure { id value } }
    fact { id disputed }
    errors { field code message }
  }
}"""
WITHDRAW = """mutation($id: ID!, $reason: String) {
  withdrawJudgement(id: $id, reason: $reason) {
    judgement { id inForce withdrawnBy withdrawalReason withdrawnAt }
    fact { disputed }
    errors { field code }
  }
}"""
FACT = """query($id: ID!) {
  fact(id: $id) {
    disputed
    values { value rank conflicting sources { article { id } } }
    preferred { value text }
    reports { id judgements { id kind reason madeBy inForce } }
  }
}"""


@pytest_asyncio.fixture
async def desk(pool: asyncpg.Pool) -> AsyncIterator[httpx.AsyncClient]:
    async with api_client(pool, factdesk_editor_keys=SecretStr(f"ann:{EDITOR_KEY}")) as client:
        yield client


async def _fact(desk: httpx.AsyncClient, fact_id: str) -> dict[str, Any]:
    answer = await _graphql(desk, FACT, id=fact_id)
    assert "errors" not in answer, answer
    fact: dict[str, Any] = answer["data"]["fact"]
    return fact


def _same_as_rest(graphql: dict[str, Any], rest: dict[str, Any]) -> None:
    assert graphql["disputed"] == rest["disputed"]
    assert [(v["value"], v["rank"], v["conflicting"]) for v in graphql["values"]] == [
        (v["value"], v["rank"], v["conflicting"]) for v in rest["values"]
    ]
    preferred = rest["preferred"]
    assert graphql["preferred"] == (
        None if preferred is None else {"value": preferred["value"], "text": preferred["text"]}
    )


async def test_judge_and_withdraw(desk: httpx.AsyncClient) -> None:
    fact_id = (await disputed_deaths(desk))["id"]
    twelve, fifteen = await figure_of(desk, 12.0), await figure_of(desk, 15.0)

    made = await _graphql(
        desk,
        JUDGE,
        EDITOR,
        input={"figureId": twelve, "kind": "DEPRECATED", "reason": "an early count"},
    )

    done = made["data"]["judgeValue"]
    assert done["errors"] == []
    assert done["fact"] == {"id": fact_id, "disputed": False}
    judgement = done["judgement"]
    assert (judgement["kind"], judgement["madeBy"], judgement["inForce"]) == (
        "DEPRECATED",
        "ann",
        True,
    )
    assert judgement["figure"] == {"id": twelve, "value": 12.0}
    fact = await _fact(desk, fact_id)
    assert [(v["value"], v["rank"], v["conflicting"]) for v in fact["values"]] == [
        (12.0, "DEPRECATED", False),
        (15.0, "NORMAL", False),
    ]
    assert fact["preferred"] is None
    judged = {r["id"]: r["judgements"] for r in fact["reports"]}
    assert [j["id"] for j in judged[twelve]] == [judgement["id"]]
    assert judged[fifteen] == []
    _same_as_rest(fact, (await desk.get(f"/api/v1/facts/{fact_id}")).json())
    node = await _graphql(
        desk,
        "query($id: ID!) { node(id: $id) { ... on Judgement { reason } } }",
        id=judgement["id"],
    )
    assert node["data"]["node"] == {"reason": "an early count"}

    preferred = await _graphql(
        desk, JUDGE, EDITOR, input={"figureId": fifteen, "kind": "PREFERRED", "reason": "final"}
    )
    assert preferred["data"]["judgeValue"]["errors"] == []
    withdrawn = await _graphql(desk, WITHDRAW, EDITOR, id=judgement["id"], reason="it stands")

    after = withdrawn["data"]["withdrawJudgement"]
    assert after["errors"] == []
    assert after["fact"] == {"disputed": True}
    assert (after["judgement"]["inForce"], after["judgement"]["withdrawnBy"]) == (False, "ann")
    fact = await _fact(desk, fact_id)
    assert fact["preferred"]["value"] == 15.0
    assert [(v["rank"], v["conflicting"]) for v in fact["values"]] == [
        ("NORMAL", True),
        ("PREFERRED", True),
    ]
    _same_as_rest(fact, (await desk.get(f"/api/v1/facts/{fact_id}")).json())
    again = await _graphql(desk, WITHDRAW, EDITOR, id=judgement["id"])
    assert again["data"]["withdrawJudgement"]["errors"] == [
        {"field": "id", "code": "judgement_withdrawn"}
    ]
    feed = await _graphql(desk, "{ changes(first: 50) { edges { node { kind factIds } } } }")
    feed_judged = [
        e["node"] for e in feed["data"]["changes"]["edges"] if e["node"]["kind"] != "INGEST"
    ]
    assert feed_judged == [{"kind": "JUDGEMENT", "factIds": [fact_id]}] * 3
    rest = (await desk.get("/api/v1/changes")).json()["items"]
    assert [c["kind"] for c in rest] == ["ingest", "ingest", "judgement", "judgement", "judgement"]


async def test_read_only_keys_are_refused_and_nothing_is_written(
    desk: httpx.AsyncClient, pool: asyncpg.Pool
) -> None:
    fact_id = (await disputed_deaths(desk))["id"]
    twelve = await figure_of(desk, 12.0)
    before = await row_counts(pool)
    good = {"figureId": twelve, "kind": "DEPRECATED", "reason": "early"}

    cases: list[tuple[dict[str, str] | None, dict[str, Any], str, str | None]] = [
        (None, good, "unauthorized", None),
        (AUTH, good, "not_an_editor", None),
        ({"Authorization": "Bearer nope"}, good, "forbidden", None),
        (EDITOR, {**good, "reason": ""}, "invalid_field", "input.reason"),
        (EDITOR, {**good, "figureId": fact_id}, "invalid_id", "input.figureId"),
        (EDITOR, {**good, "figureId": "RmlndXJlOjk5OTk5"}, "not_found", "input.figureId"),
    ]
    for headers, payload, code, field in cases:
        answer = await _graphql(desk, JUDGE, headers, input=payload)
        payload_answer = answer["data"]["judgeValue"]
        assert payload_answer["judgement"] is None
        assert [(e["code"], e["field"]) for e in payload_answer["errors"]] == [(code, field)]
    refused = await _graphql(desk, WITHDRAW, AUTH, id="SnVkZ2VtZW50OjE")
    assert refused["data"]["withdrawJudgement"]["errors"][0]["code"] == "not_an_editor"

    assert await row_counts(pool) == before
    assert (await _fact(desk, fact_id))["disputed"]
