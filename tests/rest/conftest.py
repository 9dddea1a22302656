"""Clients for the REST tests: the real ASGI app over the real database, with API keys."""

from __future__ import annotations

import datetime as dt
from collections.abc import AsyncIterator
from typing import Any

import asyncpg
import httpx
import pytest_asyncio
from pydantic import SecretStr

from service.app import create_app
from service.config import Settings
from tests.conftest import TABLES

KEY = "test-key-one"
OTHER_KEY = "test-key-two"
AUTH = {"Authorization": f"Bearer {KEY}"}


async def post_article(
    api: httpx.AsyncClient, text: str, outlet: str, published: dt.datetime
) -> str:
    """Ingests ``text`` as ``outlet`` published it at ``published``; the article's id."""
    answer = await api.post(
        "/api/v1/articles",
        json={"text": text, "outlet": outlet, "publishedAt": published.isoformat()},
        headers=AUTH,
    )
    assert answer.status_code in (200, 201), answer.text
    article_id: str = answer.json()["id"]
    return article_id


def chrome_page(nav: str, aside: str) -> str:
    """The same story on an outlet's page with its own chrome."""
    return (
        f"<html><body><header><nav><a href='/'>{nav}</a></nav></header><main><article>"
        "<h1>Quake toll rises in Almaty</h1>"
        "<p>An earthquake in Almaty killed 12 people on Monday, police said.</p>"
        "<p>Rescue teams searched collapsed buildings through the night, officials said.</p>"
        "<p>The city's mayor declared a day of mourning for the victims on Tuesday.</p>"
        f"</article><aside>{aside}</aside></main></body></html>"
    )


async def post_republished(api: httpx.AsyncClient) -> str:
    """One story posted by Daily, then republished by Wire, each page with its own chrome
    (Daily: "Daily home", "Daily most read"; Wire: "Wire front page", "Wire newsletter");
    the article's id."""
    first = await api.post(
        "/api/v1/articles",
        json={"text": chrome_page("Daily home", "Daily most read"), "outlet": "Daily"},
        headers=AUTH,
    )
    again = await api.post(
        "/api/v1/articles",
        json={"text": chrome_page("Wire front page", "Wire newsletter"), "outlet": "Wire"},
        headers=AUTH,
    )
    assert first.status_code == 201, first.text
    assert again.json()["id"] == first.json()["id"]
    article_id: str = first.json()["id"]
    return article_id


def api_client(pool: asyncpg.Pool, **settings: Any) -> httpx.AsyncClient:
    """A client for an app with the test keys configured, and any other settings given."""
    settings.setdefault("factdesk_api_keys", SecretStr(f"{KEY},{OTHER_KEY}"))
    app = create_app(Settings(factdesk_load_seeds=False, **settings))
    app.state.pool = pool
    return httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://test")


async def row_counts(pool: asyncpg.Pool) -> dict[str, int]:
    async with pool.acquire() as conn:
        return {
            table: int(await conn.fetchval(f"SELECT count(*) FROM {table}"))
            for table in TABLES.replace(" ", "").split(",")
        }


@pytest_asyncio.fixture
async def api(pool: asyncpg.Pool) -> AsyncIterator[httpx.AsyncClient]:
    """Empty database, keys configured."""
    async with api_client(pool) as client:
        yield client


@pytest_asyncio.fixture
async def seeded_api(seeded_pool: asyncpg.Pool) -> AsyncIterator[httpx.AsyncClient]:
    """The five seeds, read only."""
    async with api_client(seeded_pool) as client:
        yield client
