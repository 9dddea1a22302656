"""`/facts/{id}/values/{figure}`: every source of one value, a page at a time, reached
from the fact's page when the page shows only the first few."""

from __future__ import annotations

import datetime as dt
import re
from html import unescape

import asyncpg
import httpx
import pytest

from service.ids import encode_id
from service.ingest.model import ArticleMeta
from service.ingest.pipeline import ingest_article
from tests.desk.pages import page, texts_of

# Three outlets report the same toll, a fourth another.
COPIES = [
    ("Daily", 17, "Quake hits Almaty\n\nAn earthquake in Almaty killed 12 people, police said."),
    ("Weekly", 18, "Almaty mourns\n\nThe earthquake in Almaty killed 12 people, officials said."),
    ("Wire", 19, "Almaty toll\n\nThe Almaty earthquake killed 12 people, the mayor said."),
    ("Herald", 20, "Almaty count\n\nThe earthquake in Almaty killed 15 people, medics said."),
]


async def _deaths(pool: asyncpg.Pool) -> str:
    for outlet, day, copy in COPIES:
        published = dt.datetime(2026, 11, day, 9, tzinfo=dt.UTC)
        await ingest_article(pool, copy, ArticleMeta(outlet, published_at=published))
    async with pool.acquire() as conn:
        fact_id = await conn.fetchval("SELECT id FROM facts WHERE property = 'deaths'")
    return f"/facts/{encode_id('Fact', fact_id)}"


def _outlets(html: str) -> list[str]:
    return texts_of(html, "outlet")


def _link(html: str, css_class: str) -> str | None:
    found = re.findall(rf'<a class="{css_class}" href="([^"]+)"', html)
    return unescape(found[0]) if found else None


async def _follow(client: httpx.AsyncClient, href: str) -> str:
    path, _, query = href.partition("?")
    params = dict(p.split("=", 1) for p in query.split("&")) if query else {}
    return await page(client, path, **params)


async def test_the_fact_page_shows_a_budget_of_sources_and_links_to_all(
    pool: asyncpg.Pool, client: httpx.AsyncClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    fact = await _deaths(pool)
    whole = await page(client, fact)
    assert _outlets(whole) == ["Daily", "Weekly", "Wire", "Herald"]
    assert _link(whole, "all-sources") is None

    # Two sources in all: still one of each value, and a link to the rest of the first.
    monkeypatch.setattr("service.desk.fact.SOURCES_PER_PAGE", 2)
    html = await page(client, fact)
    assert _outlets(html) == ["Daily", "Herald"]
    assert _outlets(await page(client, fact, as_of="2026-11-21T00:00")) == ["Daily", "Herald"]
    assert texts_of(html, "first-reported")[0] == (
        "First reported 2026-11-17 09:00 UTC; 3 sources, the first stored shown: all 3 sources."
    )
    every = _link(html, "all-sources")
    assert every is not None
    assert every.startswith(f"{fact}/values/")

    value = await page(client, every)
    assert _outlets(value) == ["Daily", "Weekly", "Wire"]
    assert texts_of(value, "printed") == ["12 people"]
    assert texts_of(value, "first-reported") == [
        "First reported 2026-11-17 09:00 UTC; 3 sources; 3 of them here, first stored first."
    ]
    assert texts_of(value, "conflicts") == ["conflicts with value 2"]
    assert _link(value, "sources-later") is None


async def test_a_values_sources_come_a_page_at_a_time(
    pool: asyncpg.Pool, client: httpx.AsyncClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    fact = await _deaths(pool)
    monkeypatch.setattr("service.desk.value.SOURCES_PER_PAGE", 2)
    async with pool.acquire() as conn:
        last = await conn.fetchval("SELECT max(id) FROM figures WHERE value = 12")
    # Any report of the value names it: here its last one.
    first = await page(client, f"{fact}/values/{encode_id('Figure', last)}")
    assert _outlets(first) == ["Daily", "Weekly"]
    assert _link(first, "sources-first") is None
    later = _link(first, "sources-later")
    assert later is not None
    second = await _follow(client, later)
    assert _outlets(second) == ["Wire"]
    assert _link(second, "sources-later") is None
    assert _link(second, "sources-first") == f"{fact}/values/{encode_id('Figure', last)}"


async def test_a_figure_of_another_fact_names_no_value(
    pool: asyncpg.Pool, client: httpx.AsyncClient
) -> None:
    fact = await _deaths(pool)
    async with pool.acquire() as conn:
        other = await conn.fetchval("SELECT id FROM figures WHERE fact_id IS NULL LIMIT 1")
    missing = await client.get(f"{fact}/values/{encode_id('Figure', other or 10**9)}")
    assert missing.status_code == 404
