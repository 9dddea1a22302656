"""Judgements on the fact and entity pages: a deprecated value struck through but listed
and left out of the conflicts, a preferred one marked, who/when/why shown."""

from __future__ import annotations

import re
from collections.abc import AsyncIterator

import asyncpg
import httpx
import pytest
import pytest_asyncio
from pydantic import SecretStr

from service.ids import decode_id
from tests.desk.pages import hrefs, page, texts_of
from tests.rest.conftest import api_client, row_counts
from tests.rest.test_judgements import EDITOR, EDITOR_KEY, disputed_deaths, figure_of


@pytest_asyncio.fixture
async def desk(pool: asyncpg.Pool) -> AsyncIterator[httpx.AsyncClient]:
    async with api_client(pool, factdesk_editor_keys=SecretStr(f"ann:{EDITOR_KEY}")) as client:
        yield client


async def _judge(desk: httpx.AsyncClient, value: float, kind: str, reason: str) -> str:
    answer = await desk.post(
        f"/api/v1/figures/{await figure_of(desk, value)}/judgements",
        json={"kind": kind, "reason": reason},
        headers=EDITOR,
    )
    assert answer.status_code == 201, answer.text
    judgement_id: str = answer.json()["judgement"]["id"]
    return judgement_id


async def test_the_fact_page_shows_ranks_and_judgements(desk: httpx.AsyncClient) -> None:
    fact = await disputed_deaths(desk)
    path = f"/facts/{fact['id']}"
    before = await page(desk, path)
    assert texts_of(before, "badge")[0] == "disputed"
    assert re.findall(r'data-rank="(\w+)"', before) == ["NORMAL", "NORMAL"]

    await _judge(desk, 12.0, "DEPRECATED", "an early count")
    await _judge(desk, 15.0, "PREFERRED", "the police's final toll")
    html = await page(desk, path)

    assert texts_of(html, "badge")[0] == "agreed"
    assert re.findall(r'data-rank="(\w+)"', html) == ["DEPRECATED", "PREFERRED"]
    assert texts_of(html, "printed") == ["12 people", "15 people"]  # still listed
    assert '<s class="printed"' in html
    assert texts_of(html, "conflicts") == []
    assert [t.split(",")[0] for t in texts_of(html, "judgement")] == [
        "deprecated by ann",
        "preferred by ann",
    ]
    assert "an early count" in texts_of(html, "judgement")[0]
    assert texts_of(html, "preferred-value") == ["Preferred by an editor: 15 people."]
    assert re.findall(r'<g class="bar [a-z ]+" id="bar-1">', html) == [
        '<g class="bar agrees deprecated" id="bar-1">'
    ]


async def test_the_entity_page_shows_ranks(desk: httpx.AsyncClient) -> None:
    fact = await disputed_deaths(desk)
    await _judge(desk, 12.0, "WRONG_SUBJECT", "another quake")
    subject = fact["subject"]["id"]
    assert decode_id(subject)[0] == "Entity"

    html = await page(desk, f"/entities/{subject}")

    assert f"/facts/{fact['id']}" in hrefs(html, "/facts/")
    assert re.findall(r'data-rank="(\w+)"', html) == ["DEPRECATED", "NORMAL"]
    assert len(texts_of(html, "judgement")) == 1  # one flag, on its one report
    assert texts_of(html, "judgement")[0].startswith("wrong subject by ann")
    assert "(one report: 12 people)" in texts_of(html, "judgement")[0]


async def test_an_editor_judges_with_the_form_and_withdraws(desk: httpx.AsyncClient) -> None:
    fact = await disputed_deaths(desk)
    path = f"/facts/{fact['id']}"
    html = await page(desk, path)
    actions = re.findall(r'<form class="judge" method="post" action="([^"]+)"', html)
    assert actions == [f"{path}/judgements"] * 2
    figures = re.findall(r'<option value="(RmlndXJl[^"]+)"', html)
    assert len(figures) == 2

    answer = await desk.post(
        actions[0],
        data={"figure": figures[0], "kind": "DEPRECATED", "reason": "early", "key": EDITOR_KEY},
        headers={"Origin": "http://test"},
    )

    assert answer.status_code == 303, answer.text
    assert answer.headers["location"] == path
    html = await page(desk, path)
    assert re.findall(r'data-rank="(\w+)"', html) == ["DEPRECATED", "NORMAL"]
    assert texts_of(html, "badge")[0] == "agreed"
    withdraw = re.findall(r'<form class="withdraw" method="post" action="([^"]+)"', html)
    assert len(withdraw) == 1

    answer = await desk.post(withdraw[0], data={"key": EDITOR_KEY, "reason": "it stands"})

    assert answer.status_code == 303, answer.text
    html = await page(desk, path)
    assert re.findall(r'data-rank="(\w+)"', html) == ["NORMAL", "NORMAL"]
    assert texts_of(html, "badge")[0] == "disputed"


async def test_the_form_is_refused_without_an_editors_key_or_from_another_site(
    desk: httpx.AsyncClient, pool: asyncpg.Pool
) -> None:
    fact = await disputed_deaths(desk)
    action = f"/facts/{fact['id']}/judgements"
    figure = await figure_of(desk, 12.0)
    good = {"figure": figure, "kind": "DEPRECATED", "reason": "early", "key": EDITOR_KEY}
    before = await row_counts(pool)

    cases = [
        ({**good, "key": ""}, {}, 401),
        ({**good, "key": "test-key-one"}, {}, 403),  # a key, but not an editor's
        (good, {"Origin": "https://elsewhere.example"}, 403),
        (good, {"Referer": "https://elsewhere.example/page"}, 403),
        ({**good, "reason": ""}, {}, 400),
        ({**good, "figure": fact["id"]}, {}, 404),
    ]
    for data, headers, status in cases:
        answer = await desk.post(action, data=data, headers=headers)
        assert answer.status_code == status, (data, headers, answer.text)
        assert answer.headers["content-type"] == "text/html; charset=utf-8"
    other_fact = await desk.post(
        "/facts/RmFjdDo5OTk5/judgements", data=good, headers={"Origin": "http://test"}
    )
    assert other_fact.status_code == 404

    assert await row_counts(pool) == before


async def test_behind_a_proxy_the_form_is_accepted_from_the_public_origin_only(
    pool: asyncpg.Pool,
) -> None:
    """The proxy sends Host: test; the browser's page is https://desk.example.org."""
    public = "https://desk.example.org"
    editors = SecretStr(f"ann:{EDITOR_KEY}")
    async with api_client(pool, factdesk_editor_keys=editors) as plain:
        fact = await disputed_deaths(plain)
        action = f"/facts/{fact['id']}/judgements"
        good = {
            "figure": await figure_of(plain, 12.0),
            "kind": "DEPRECATED",
            "reason": "early",
            "key": EDITOR_KEY,
        }
        # Without the setting the public origin is another site, forwarded headers or not.
        forwarded = {"Origin": public, "X-Forwarded-Host": "desk.example.org"}
        refused = await plain.post(action, data=good, headers=forwarded)
        empty = await plain.post(action, data=good, headers={"Origin": ""})
    assert (refused.status_code, empty.status_code) == (403, 403)
    async with api_client(
        pool, factdesk_editor_keys=editors, factdesk_public_origin=public
    ) as proxied:
        for headers, status in [
            ({"Origin": "https://elsewhere.example"}, 403),
            ({"Referer": "https://elsewhere.example/facts"}, 403),
            ({"Referer": f"{public}/facts/{fact['id']}"}, 303),
            ({"Origin": public}, 303),
        ]:
            answer = await proxied.post(action, data=good, headers=headers)
            assert answer.status_code == status, (headers, answer.text)


async def test_a_judged_value_is_shown_in_full_however_little_reported(
    desk: httpx.AsyncClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Values beyond the most reported are a row each, with no form: one an editor judged
    keeps its block, so its judgements can be read and withdrawn on the fact's page."""
    monkeypatch.setattr("service.desk.fact.VALUES_IN_FULL", 0)
    fact = await disputed_deaths(desk)
    path = f"/facts/{fact['id']}"
    before = await page(desk, path)
    assert re.findall(r'data-rank="(\w+)"', before) == []
    assert len(texts_of(before, "compact-value")) == 2
    await _judge(desk, 15.0, "PREFERRED", "the police's final toll")
    html = await page(desk, path)
    assert re.findall(r'data-rank="(\w+)"', html) == ["PREFERRED"]
    assert texts_of(html, "printed") == ["15 people", "12 people"]
    assert len(re.findall(r'<form class="withdraw"', html)) == 1
