"""A subscription outlives a PostgreSQL restart: the change committed after the restart
reaches the same subscription, and nothing committed before it is lost or sent twice.

PostgreSQL is this test's own (embedded), stopped and started under a real `factdesk
serve`, read by a real WebSocket client."""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator
from pathlib import Path

import httpx
import pytest_asyncio
from websockets.asyncio.client import connect

from service.db.embedded import EmbeddedServer
from tests.graphql.test_subscriptions import (
    AUTH,
    KEY,
    PROTOCOL,
    _change,
    _connected,
    _receive,
    _subscribe,
    _ws_url,
)
from tests.ingest.test_corrections import TOLL_12, TOLL_15_LATER
from tests.servers import served

BACK_WITHIN = 20.0  # seconds for the server to write again once PostgreSQL is back


@pytest_asyncio.fixture
async def base_url(own_server: EmbeddedServer, tmp_path: Path) -> AsyncIterator[str]:
    settings = {
        "FACTDESK_API_KEYS": KEY,
        "FACTDESK_EXTRACTION_WORKERS": "0",
    }
    async with served(own_server.uri(), log=tmp_path / "server.log", settings=settings) as base:
        yield base


async def _ingest_when_back(base_url: str, text: str, outlet: str) -> str:
    """POST the copy, retrying while the server still answers 503 after the restart."""
    deadline = time.monotonic() + BACK_WITHIN
    async with httpx.AsyncClient(base_url=base_url, timeout=60) as client:
        while True:
            answer = await client.post(
                "/api/v1/articles", json={"text": text, "outlet": outlet}, headers=AUTH
            )
            if answer.status_code != 503 or time.monotonic() > deadline:
                break
            await asyncio.sleep(0.2)
    assert answer.status_code == 201, answer.text
    article_id: str = answer.json()["id"]
    return article_id


async def test_a_subscription_gets_the_change_after_a_database_restart(
    own_server: EmbeddedServer, base_url: str
) -> None:
    async with connect(_ws_url(base_url), subprotocols=[PROTOCOL]) as ws:  # type: ignore[list-item]
        await _connected(ws, {"apiKey": KEY})
        await _subscribe(ws, "live")
        before = await _ingest_when_back(base_url, TOLL_12, "Daily")
        assert (await _change(ws, "live"))["node"]["articleId"] == before

        await asyncio.to_thread(own_server.halt)
        await asyncio.to_thread(own_server.resume)

        after = await _ingest_when_back(base_url, TOLL_15_LATER, "Gazette")
        assert (await _change(ws, "live", within=BACK_WITHIN))["node"]["articleId"] == after
        try:
            extra = await _receive(ws, within=0.5)
        except TimeoutError:
            extra = None
        assert extra is None, f"sent twice: {extra}"
