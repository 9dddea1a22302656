"""GraphQL over WebSocket (graphql-transport-ws): who may connect, and how long it may idle.

A WebSocket upgrade skips the HTTP gate (service/graphql/gate.py), so the read key is
checked here when FACTDESK_PROTECT_READS is on: from `connection_init`'s payload
(`{"authorization": "Bearer <key>"}`, or `{"apiKey": "<key>"}`, since browsers cannot
set headers on a WebSocket) or else the upgrade request's own `Authorization` header. A
refused client is closed with 4403 before any subscription starts.

Limits: FACTDESK_SUBSCRIPTIONS_PER_CONNECTION operations at once on one connection
(strawberry answers the next with an error), `connection_init` within
CONNECTION_INIT_WAIT (else 4408), and a connection with no operation running for
FACTDESK_SUBSCRIPTION_IDLE_TIMEOUT seconds is closed (1000, "Idle timeout").
"""

from __future__ import annotations

import asyncio
import datetime as dt
from collections.abc import Mapping
from contextlib import suppress
from typing import Any

from strawberry.exceptions import ConnectionRejectionError
from strawberry.subscriptions.protocols.graphql_transport_ws.handlers import (
    BaseGraphQLTransportWSHandler,
)

from service.auth import read_denial
from service.config import Settings
from service.graphql.context import Context

CONNECTION_INIT_WAIT = dt.timedelta(seconds=10)
IDLE_CLOSE_CODE = 1000
IDLE_REASON = "Idle timeout"


def connection_headers(params: Mapping[str, Any] | None) -> dict[str, str]:
    """The `connection_init` payload's key as an Authorization header."""
    params = params or {}
    for name in ("authorization", "Authorization"):
        value = params.get(name)
        if isinstance(value, str):
            return {"authorization": value}
    key = params.get("apiKey")
    return {"authorization": f"Bearer {key}"} if isinstance(key, str) else {}


def check_connection(
    context: Context, upgrade_headers: Mapping[str, str], settings: Settings
) -> None:
    """Raise ConnectionRejectionError unless the connection may read."""
    offered = connection_headers(context.connection_params) or {
        "authorization": upgrade_headers.get("authorization", "")
    }
    if read_denial(offered, settings) is not None:
        raise ConnectionRejectionError()


class IdleClosingHandler(BaseGraphQLTransportWSHandler[Context, None]):
    """strawberry's graphql-transport-ws handler, closing connections left idle."""

    idle_timeout: float = 300.0

    def on_request_accepted(self) -> None:
        super().on_request_accepted()
        loop = asyncio.get_running_loop()
        self._busy_at = loop.time()
        self._idle_watch = loop.create_task(self._close_when_idle())

    async def cleanup_operation(self, operation_id: str) -> None:
        await super().cleanup_operation(operation_id)
        self._busy_at = asyncio.get_running_loop().time()

    async def shutdown(self) -> None:
        self._idle_watch.cancel()
        with suppress(asyncio.CancelledError):
            await self._idle_watch
        await super().shutdown()

    async def _close_when_idle(self) -> None:
        loop = asyncio.get_running_loop()
        while True:
            if self.operations:
                self._busy_at = loop.time()
            left = self._busy_at + self.idle_timeout - loop.time()
            if left <= 0:
                await self.websocket.close(code=IDLE_CLOSE_CODE, reason=IDLE_REASON)
                return
            await asyncio.sleep(left)


def idle_closing_handler(idle_timeout: float) -> type[IdleClosingHandler]:
    """The handler class with this server's idle timeout."""
    return type("IdleClosingHandler", (IdleClosingHandler,), {"idle_timeout": idle_timeout})
