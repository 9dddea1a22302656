"""GET /api/v1/changes/stream from a real `factdesk serve`, read by a real HTTP client:
a committed change arrives within a second, Last-Event-ID resumes after a cursor, idle
streams get heartbeats, and streams past the limit are refused."""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator
from dataclasses import dataclass

import httpx
import orjson
import pytest
import pytest_asyncio

from service.db import migrate
from service.db.scratch import recreate_database
from tests.ingest.test_corrections import TOLL_12, TOLL_15_LATER
from tests.servers import served

KEY = "stream-test-key"
AUTH = {"Authorization": f"Bearer {KEY}"}
STREAM = "/api/v1/changes/stream"

pytestmark = pytest.mark.asyncio(loop_scope="session")


@dataclass(frozen=True)
class Event:
    id: str | None  # None: a comment (the heartbeat)
    data: dict[str, object]


@pytest_asyncio.fixture(scope="module", loop_scope="session")
async def base_url(server_dsn: str, tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[str]:
    dsn = await recreate_database(server_dsn, "factdesk_stream")
    await asyncio.to_thread(migrate.upgrade, dsn)
    settings = {
        "FACTDESK_API_KEYS": KEY,
        "FACTDESK_EXTRACTION_WORKERS": "0",
        "FACTDESK_CHANGE_STREAMS": "2",
        "FACTDESK_CHANGE_HEARTBEAT": "3",  # longer than the latency allowed: LISTEN must wake,
    }
    async with served(
        dsn, log=tmp_path_factory.mktemp("stream") / "server.log", settings=settings
    ) as base:
        yield base


async def _events(response: httpx.Response) -> AsyncIterator[Event]:
    """Server-sent events and comments, as the stream delivers them."""
    event_id: str | None = None
    data = b""
    async for line in response.aiter_lines():
        if line.startswith(":"):
            yield Event(None, {})
        elif line.startswith("id: "):
            event_id = line[4:]
        elif line.startswith("data: "):
            data = line[6:].encode()
        elif line == "" and event_id is not None:
            yield Event(event_id, orjson.loads(data))
            event_id, data = None, b""


async def _next_change(events: AsyncIterator[Event]) -> Event:
    async for event in events:
        if event.id is not None:
            return event
    raise AssertionError("the stream ended")


async def _ingest(client: httpx.AsyncClient, text: str, outlet: str) -> str:
    answer = await client.post(
        "/api/v1/articles", json={"text": text, "outlet": outlet}, headers=AUTH
    )
    assert answer.status_code == 201, answer.text
    article_id: str = answer.json()["id"]
    return article_id


async def test_a_commit_reaches_the_stream_within_a_second(base_url: str) -> None:
    async with httpx.AsyncClient(base_url=base_url, timeout=30) as client:
        async with client.stream("GET", STREAM) as response:
            assert response.status_code == 200
            assert response.headers["content-type"].startswith("text/event-stream")
            events = _events(response)
            assert (await asyncio.wait_for(anext(events), 5)).id is None  # idle: a heartbeat
            daily = await _ingest(client, TOLL_12, "Daily")
            committed = time.monotonic()
            first = await asyncio.wait_for(_next_change(events), 5)
            latency = time.monotonic() - committed
        assert (first.data["kind"], first.data["articleId"]) == ("ingest", daily)
        assert latency < 1.0, f"{latency:.3f} s from commit to subscriber"

        weekly = await _ingest(client, TOLL_15_LATER, "Weekly")
        resume = {"Last-Event-ID": first.id or ""}
        async with client.stream("GET", STREAM, headers=resume) as response:
            later = await asyncio.wait_for(_next_change(_events(response)), 5)
        assert (later.data["kind"], later.data["articleId"]) == ("ingest", weekly)


async def test_streams_past_the_limit_are_refused(base_url: str) -> None:
    async with httpx.AsyncClient(base_url=base_url, timeout=30) as client:
        async with client.stream("GET", STREAM) as one, client.stream("GET", STREAM) as two:
            assert (one.status_code, two.status_code) == (200, 200)
            refused = await client.get(STREAM)
            assert refused.status_code == 503
            assert refused.json()["type"].endswith("too-many-streams")
        # Closed streams give their places back (the server sees the disconnect).
        for _ in range(100):
            async with client.stream("GET", STREAM) as again:
                if again.status_code == 200:
                    break
            await asyncio.sleep(0.05)
        assert again.status_code == 200
