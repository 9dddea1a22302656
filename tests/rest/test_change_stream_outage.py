"""An event stream outlives a PostgreSQL restart: it keeps its heartbeats while the server
is away, and the change committed after the restart comes down the same stream.

PostgreSQL is this test's own (embedded), stopped and started under a real `factdesk
serve`, read by a real HTTP client."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from pathlib import Path

import httpx
import pytest_asyncio

from service.db.embedded import EmbeddedServer
from tests.graphql.test_subscription_outage import BACK_WITHIN, _ingest_when_back
from tests.graphql.test_subscriptions import KEY  # the key _ingest_when_back sends
from tests.ingest.test_corrections import TOLL_12, TOLL_15_LATER
from tests.rest.test_change_stream import STREAM, _events, _next_change
from tests.servers import served


@pytest_asyncio.fixture
async def base_url(own_server: EmbeddedServer, tmp_path: Path) -> AsyncIterator[str]:
    settings = {
        "FACTDESK_API_KEYS": KEY,
        "FACTDESK_EXTRACTION_WORKERS": "0",
        # Short, so the stream looks for changes while PostgreSQL is away.
        "FACTDESK_CHANGE_HEARTBEAT": "0.2",
    }
    async with served(own_server.uri(), log=tmp_path / "server.log", settings=settings) as base:
        yield base


async def test_a_stream_gets_the_change_after_a_database_restart(
    own_server: EmbeddedServer, base_url: str
) -> None:
    async with (
        httpx.AsyncClient(base_url=base_url, timeout=30) as client,
        client.stream("GET", STREAM) as response,
    ):
        assert response.status_code == 200
        events = _events(response)
        before = await _ingest_when_back(base_url, TOLL_12, "Daily")
        first = await asyncio.wait_for(_next_change(events), 5)
        assert first.data["articleId"] == before

        await asyncio.to_thread(own_server.halt)
        # Heartbeats while the server is away: each one follows a look for changes
        # that could not reach PostgreSQL. (The stream used to end there.)
        for _ in range(3):
            assert (await asyncio.wait_for(anext(events), 5)).id is None
        await asyncio.to_thread(own_server.resume)

        after = await _ingest_when_back(base_url, TOLL_15_LATER, "Gazette")
        later = await asyncio.wait_for(_next_change(events), BACK_WITHIN)
        assert (later.data["kind"], later.data["articleId"]) == ("ingest", after)
