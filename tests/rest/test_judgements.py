"""POST /api/v1/figures/{id}/judgements and DELETE /api/v1/judgements/{id} over HTTP:
roles, ranks and `disputed` in the fact's JSON, withdrawal, nothing written on refusal."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import asyncpg
import httpx
import pytest_asyncio
from pydantic import SecretStr

from tests.ingest.test_corrections import TOLL_12, TOLL_15_LATER
from tests.rest.conftest import AUTH, api_client, row_counts
from tests.rest.schemas import assert_matches

EDITOR_KEY = "editor-key-one"
EDITOR = {"Authorization": f"Bearer {EDITOR_KEY}"}


@pytest_asyncio.fixture
async def desk(pool: asyncpg.Pool) -> AsyncIterator[httpx.AsyncClient]:
    """Empty database; the test keys, and an editor's named ann."""
    async with api_client(pool, factdesk_editor_keys=SecretStr(f"ann:{EDITOR_KEY}")) as client:
        yield client


async def disputed_deaths(api: httpx.AsyncClient) -> dict[str, Any]:
    """Two outlets disagree on a toll: the deaths fact, disputed, over REST."""
    for text, outlet in ((TOLL_12, "Daily"), (TOLL_15_LATER, "Weekly")):
        answer = await api.post(
            "/api/v1/articles", json={"text": text, "outlet": outlet}, headers=AUTH
        )
        assert answer.status_code == 201, answer.text
    facts = (await api.get("/api/v1/facts", params={"property": "deaths"})).json()["items"]
    assert len(facts) == 1
    fact: dict[str, Any] = facts[0]
    assert fact["disputed"]
    return fact


async def figure_of(api: httpx.AsyncClient, value: float) -> str:
    figures = (await api.get("/api/v1/figures", params={"property": "deaths"})).json()["items"]
    found: str = next(f["id"] for f in figures if f["value"] == value)
    return found


def _ranks(fact: dict[str, Any]) -> list[tuple[float, str, bool]]:
    return [(v["value"], v["rank"], v["conflicting"]) for v in fact["values"]]


async def test_an_editor_deprecates_then_withdraws(desk: httpx.AsyncClient) -> None:
    fact = await disputed_deaths(desk)
    assert _ranks(fact) == [(12.0, "NORMAL", True), (15.0, "NORMAL", True)]
    assert fact["preferred"] is None
    twelve = await figure_of(desk, 12.0)

    made = await desk.post(
        f"/api/v1/figures/{twelve}/judgements",
        json={"kind": "DEPRECATED", "reason": "an early count"},
        headers=EDITOR,
    )

    assert made.status_code == 201, made.text
    assert_matches(made.json(), "JudgementResult")
    judgement = made.json()["judgement"]
    assert made.headers["location"] == f"/api/v1/judgements/{judgement['id']}"
    assert (judgement["kind"], judgement["madeBy"], judgement["inForce"]) == (
        "DEPRECATED",
        "ann",
        True,
    )
    now = (await desk.get(f"/api/v1/facts/{fact['id']}")).json()
    assert made.json()["fact"] == now
    assert not now["disputed"]
    assert _ranks(now) == [(12.0, "DEPRECATED", False), (15.0, "NORMAL", False)]
    figure = (await desk.get(f"/api/v1/figures/{twelve}")).json()
    assert_matches(figure, "Figure")
    assert figure["value"] == 12.0  # the raw value stays
    assert [j["id"] for j in figure["judgements"]] == [judgement["id"]]
    assert (await desk.get(made.headers["location"])).json() == judgement

    preferred = await desk.post(
        f"/api/v1/figures/{await figure_of(desk, 15.0)}/judgements",
        json={"kind": "PREFERRED", "reason": "the police's final toll"},
        headers=EDITOR,
    )
    assert preferred.status_code == 201, preferred.text
    assert preferred.json()["fact"]["preferred"]["value"] == 15.0

    withdrawn = await desk.delete(
        f"/api/v1/judgements/{judgement['id']}",
        params={"reason": "both counts stand"},
        headers=EDITOR,
    )

    assert withdrawn.status_code == 200, withdrawn.text
    assert_matches(withdrawn.json(), "JudgementResult")
    assert withdrawn.json()["judgement"]["inForce"] is False
    assert withdrawn.json()["judgement"]["withdrawalReason"] == "both counts stand"
    after = withdrawn.json()["fact"]
    assert after["disputed"]
    assert _ranks(after) == [(12.0, "NORMAL", True), (15.0, "PREFERRED", True)]
    again = await desk.delete(f"/api/v1/judgements/{judgement['id']}", headers=EDITOR)
    assert again.status_code == 409
    assert again.json()["code"] == "judgement_withdrawn"


async def test_only_an_editor_may_judge_and_a_refusal_writes_nothing(
    desk: httpx.AsyncClient, pool: asyncpg.Pool
) -> None:
    await disputed_deaths(desk)
    twelve = await figure_of(desk, 12.0)
    url = f"/api/v1/figures/{twelve}/judgements"
    body = {"kind": "DEPRECATED", "reason": "early"}
    before = await row_counts(pool)

    cases = [
        ({}, body, 401, "unauthorized"),
        (AUTH, body, 403, "not_an_editor"),
        ({"Authorization": "Bearer not-a-key"}, body, 403, "forbidden"),
        (EDITOR, {"kind": "DEPRECATED", "reason": " "}, 422, "invalid_field"),
        (EDITOR, {"kind": "WRONG", "reason": "why"}, 422, "invalid_field"),
        (EDITOR, {"kind": "DEPRECATED"}, 422, "invalid_field"),
    ]
    for headers, payload, status, code in cases:
        answer = await desk.post(url, json=payload, headers=headers)
        assert answer.status_code == status, (code, answer.text)
        assert answer.headers["content-type"] == "application/problem+json"
        assert answer.json()["code"] == code
    missing = await desk.post(
        "/api/v1/figures/RmlndXJlOjk5OTk5/judgements", json=body, headers=EDITOR
    )
    assert missing.status_code == 404
    withdraw = await desk.delete("/api/v1/judgements/SnVkZ2VtZW50OjE", headers=AUTH)
    assert withdraw.json()["code"] == "not_an_editor"

    assert await row_counts(pool) == before
    fact = (await desk.get("/api/v1/facts", params={"property": "deaths"})).json()["items"][0]
    assert fact["disputed"]


async def test_judging_needs_an_editor_even_with_anonymous_writes(pool: asyncpg.Pool) -> None:
    async with api_client(
        pool, factdesk_api_keys=SecretStr(""), factdesk_allow_anonymous_writes=True
    ) as open_api:
        await disputed_deaths(open_api)
        twelve = await figure_of(open_api, 12.0)
        answer = await open_api.post(
            f"/api/v1/figures/{twelve}/judgements",
            json={"kind": "DEPRECATED", "reason": "early"},
        )
    assert answer.status_code == 401
    assert answer.json()["code"] == "unauthorized"
