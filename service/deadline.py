"""One deadline per HTTP request (FACTDESK_REQUEST_TIMEOUT), shared by all it waits for.

The deadline is set when the request arrives and every step after spends from it: the
data-version read (ETag, response cache), the GraphQL operation or the REST read, and the
measuring of the answer. A step that waits leaves that much less to the next, so a request
ends within its limit in total. (Each step had its own limit before: behind a PgBouncer
that queued every query, a GraphQL request took twice its limit plus 2 s, and a REST read
had none; issue 20.)
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from time import monotonic
from typing import TypeVar

from starlette.types import ASGIApp, Receive, Scope, Send

from service import metrics

T = TypeVar("T")

# The scope key of the request's deadline, a time.monotonic() value. (asyncio's loop clock
# may be another one, uvloop's: so waits take the seconds left, never this value.)
REQUEST_DEADLINE = "factdesk.deadline"


class RequestDeadline:
    """ASGI middleware: starts each HTTP request's deadline as it arrives."""

    def __init__(self, app: ASGIApp, *, seconds: float) -> None:
        self.app = app
        self.seconds = seconds

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            scope.setdefault(REQUEST_DEADLINE, monotonic() + self.seconds)
        await self.app(scope, receive, send)


def request_deadline(scope: Scope, seconds: float) -> float:
    """The request's deadline (monotonic); one `seconds` from now when none was started
    (an app mounted without the middleware, as some tests do)."""
    deadline = scope.get(REQUEST_DEADLINE)
    if not isinstance(deadline, float):
        deadline = scope[REQUEST_DEADLINE] = monotonic() + seconds
    return deadline


def seconds_left(scope: Scope, seconds: float) -> float:
    """What is left of the request's deadline, never below 0."""
    return max(0.0, request_deadline(scope, seconds) - monotonic())


async def by_deadline(
    scope: Scope, seconds: float, *, door: str, work: Callable[[], Awaitable[T]]
) -> T | None:
    """`work()`'s answer, or None when the request's deadline passed first: its wait is
    cancelled and the timeout counted for `door` (rest, desk). A TimeoutError of another
    wait's own limit (a connection not had in time) is not ours and propagates."""
    stop = asyncio.timeout(seconds_left(scope, seconds))
    try:
        async with stop:
            return await work()
    except TimeoutError:
        if not stop.expired():
            raise
        metrics.REQUEST_TIMEOUTS.labels(door).inc()
        return None
