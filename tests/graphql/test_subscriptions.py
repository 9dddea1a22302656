"""Subscription.changes over graphql-transport-ws, from a real `factdesk serve`, read by a
real WebSocket client (the `websockets` package): a committed ingest, a correction and a
retraction each arrive within a second, `after` resumes after a cursor, the read key is checked in
`connection_init`, and the per-connection and idle limits hold."""

from __future__ import annotations

import asyncio
import datetime as dt
from collections.abc import AsyncIterator
from typing import Any

import httpx
import orjson
import pytest
import pytest_asyncio
from websockets.asyncio.client import ClientConnection, connect
from websockets.exceptions import ConnectionClosed

from service.db import migrate
from service.db.scratch import recreate_database
from tests.ingest.test_corrections import TOLL_12, TOLL_15, TOLL_15_LATER
from tests.servers import served

KEY = "subscription-test-key"
AUTH = {"Authorization": f"Bearer {KEY}"}
PROTOCOL = "graphql-transport-ws"
PER_CONNECTION = 2
IDLE_SECONDS = 2.0
CHANGES = """subscription($after: String) {
  changes(after: $after) { cursor node { kind articleId factIds at } }
}"""

pytestmark = pytest.mark.asyncio(loop_scope="session")


@pytest_asyncio.fixture(scope="module", loop_scope="session")
async def base_url(server_dsn: str, tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[str]:
    dsn = await recreate_database(server_dsn, "factdesk_subscriptions")
    await asyncio.to_thread(migrate.upgrade, dsn)
    settings = {
        "FACTDESK_API_KEYS": KEY,
        "FACTDESK_PROTECT_READS": "true",
        "FACTDESK_EXTRACTION_WORKERS": "0",
        "FACTDESK_SUBSCRIPTIONS_PER_CONNECTION": str(PER_CONNECTION),
        "FACTDESK_SUBSCRIPTION_IDLE_TIMEOUT": str(IDLE_SECONDS),
    }
    async with served(
        dsn, log=tmp_path_factory.mktemp("subscriptions") / "server.log", settings=settings
    ) as base:
        yield base


def _ws_url(base_url: str) -> str:
    return base_url.replace("http://", "ws://") + "/graphql"


async def _send(ws: ClientConnection, message: dict[str, Any]) -> None:
    await ws.send(orjson.dumps(message).decode())


async def _receive(ws: ClientConnection, within: float = 5) -> dict[str, Any]:
    message: dict[str, Any] = orjson.loads(await asyncio.wait_for(ws.recv(), within))
    return message


async def _connected(ws: ClientConnection, payload: dict[str, Any]) -> None:
    await _send(ws, {"type": "connection_init", "payload": payload})
    assert await _receive(ws) == {"type": "connection_ack"}


async def _subscribe(ws: ClientConnection, op: str, after: str | None = None) -> None:
    variables = {"after": after}
    await _send(
        ws, {"id": op, "type": "subscribe", "payload": {"query": CHANGES, "variables": variables}}
    )


async def _ingest(base_url: str, text: str, outlet: str) -> str:
    async with httpx.AsyncClient(base_url=base_url, timeout=60) as client:
        answer = await client.post(
            "/api/v1/articles", json={"text": text, "outlet": outlet}, headers=AUTH
        )
    assert answer.status_code == 201, answer.text
    article_id: str = answer.json()["id"]
    return article_id


async def _change(ws: ClientConnection, op: str, within: float = 5) -> dict[str, Any]:
    message = await _receive(ws, within)
    assert (message["type"], message["id"]) == ("next", op), message
    assert "errors" not in message["payload"], message
    edge: dict[str, Any] = message["payload"]["data"]["changes"]
    return edge


def _within_a_second(edge: dict[str, Any]) -> None:
    """The change reached this client within a second of its commit. `at` is stamped in
    the writing transaction, after its writes, on this machine's clock: an upper bound."""
    latency = dt.datetime.now(dt.UTC) - dt.datetime.fromisoformat(edge["node"]["at"])
    latency_s = latency.total_seconds()
    assert 0 <= latency_s < 1.0, (edge["node"]["kind"], latency)
    print(f"{edge['node']['kind']} to subscriber: {latency_s * 1000:.1f} ms")  # (-s)


async def test_every_write_reaches_the_subscriber_within_a_second_and_after_resumes(
    base_url: str,
) -> None:
    async with connect(_ws_url(base_url), subprotocols=[PROTOCOL]) as ws:  # type: ignore[list-item]
        assert ws.subprotocol == PROTOCOL
        await _connected(ws, {"authorization": f"Bearer {KEY}"})
        await _subscribe(ws, "live")
        daily = await _ingest(base_url, TOLL_12, "Daily")
        first = await _change(ws, "live")
        assert first["node"]["kind"] == "INGEST"
        assert first["node"]["articleId"] == daily
        assert first["node"]["factIds"], first
        _within_a_second(first)

        gazette = await _ingest(base_url, TOLL_15_LATER, "Gazette")
        second = await _change(ws, "live")
        assert second["node"]["articleId"] == gazette

        async with httpx.AsyncClient(base_url=base_url, timeout=60) as client:
            # A correction and a retraction reach the subscriber too, each with the facts
            # whose values it changed or took out.
            corrected = await client.put(
                f"/api/v1/articles/{daily}", json={"text": TOLL_15}, headers=AUTH
            )
            assert corrected.status_code == 200, corrected.text
            third = await _change(ws, "live")
            assert (third["node"]["kind"], third["node"]["articleId"]) == ("CORRECTION", daily)
            assert set(third["node"]["factIds"]) & set(first["node"]["factIds"])
            _within_a_second(third)

            retracted = await client.delete(f"/api/v1/articles/{gazette}", headers=AUTH)
            assert retracted.status_code in (200, 204), retracted.text
            fourth = await _change(ws, "live")
            assert (fourth["node"]["kind"], fourth["node"]["articleId"]) == ("RETRACTION", gazette)
            assert set(fourth["node"]["factIds"]) & set(second["node"]["factIds"])
            _within_a_second(fourth)

    # A client that kept the first cursor gets what came after it, and nothing twice.
    async with connect(_ws_url(base_url), subprotocols=[PROTOCOL]) as ws:  # type: ignore[list-item]
        await _connected(ws, {"apiKey": KEY})
        await _subscribe(ws, "resume", after=first["cursor"])
        assert await _change(ws, "resume") == second
        assert await _change(ws, "resume") == third
        assert await _change(ws, "resume") == fourth
        with pytest.raises(TimeoutError):
            await _receive(ws, within=0.5)


@pytest.mark.parametrize(
    "payload", [{}, {"authorization": "Bearer wrong-key"}, {"apiKey": "wrong"}], ids=str
)
async def test_without_the_read_key_the_connection_is_refused(
    base_url: str, payload: dict[str, Any]
) -> None:
    async with connect(_ws_url(base_url), subprotocols=[PROTOCOL]) as ws:  # type: ignore[list-item]
        await _send(ws, {"type": "connection_init", "payload": payload})
        with pytest.raises(ConnectionClosed) as closed:
            await _receive(ws)
    assert closed.value.rcvd is not None
    assert closed.value.rcvd.code == 4403


async def test_the_upgrade_request_may_carry_the_key(base_url: str) -> None:
    async with connect(
        _ws_url(base_url),
        subprotocols=[PROTOCOL],  # type: ignore[list-item]
        additional_headers=AUTH,
    ) as ws:
        await _connected(ws, {})


async def test_one_connection_runs_at_most_the_configured_subscriptions(base_url: str) -> None:
    async with connect(_ws_url(base_url), subprotocols=[PROTOCOL]) as ws:  # type: ignore[list-item]
        await _connected(ws, {"apiKey": KEY})
        for op in range(PER_CONNECTION):
            await _subscribe(ws, f"s{op}")
        await _subscribe(ws, "one-too-many")
        refused = await _receive(ws)
        # The subscriptions above replay the feed first: skip their events.
        while refused["type"] == "next":
            refused = await _receive(ws)
        assert (refused["type"], refused["id"]) == ("error", "one-too-many"), refused
        assert "limit" in refused["payload"][0]["message"]


async def test_an_idle_connection_is_closed_and_a_busy_one_is_not(base_url: str) -> None:
    async with connect(_ws_url(base_url), subprotocols=[PROTOCOL]) as busy:  # type: ignore[list-item]
        await _connected(busy, {"apiKey": KEY})
        await _subscribe(busy, "busy", after=None)
        async with connect(_ws_url(base_url), subprotocols=[PROTOCOL]) as idle:  # type: ignore[list-item]
            await _connected(idle, {"apiKey": KEY})
            with pytest.raises(ConnectionClosed) as closed:
                await _receive(idle, within=IDLE_SECONDS * 3)
        assert closed.value.rcvd is not None
        assert (closed.value.rcvd.code, closed.value.rcvd.reason) == (1000, "Idle timeout")
        # The subscribed connection outlived the idle one's timeout and still answers.
        await _send(busy, {"type": "ping"})
        while (message := await _receive(busy))["type"] == "next":
            pass
        assert message == {"type": "pong"}


async def test_a_subscription_over_plain_http_is_refused_not_hung(base_url: str) -> None:
    async with httpx.AsyncClient(base_url=base_url, timeout=10) as client:
        answer = await client.post("/graphql", json={"query": CHANGES}, headers=AUTH)
    assert answer.status_code == 400, answer.text
    assert answer.json()["errors"][0]["extensions"]["code"] == "subscription_needs_websocket"
