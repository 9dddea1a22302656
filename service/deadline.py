"""One deadline per HTTP request (FACTDESK_REQUEST_TIMEOUT), shared by all it waits for.

The deadline is set when the request arrives and every step after spends from it: the
data-version read (ETag, response cache), the GraphQL operation or the REST read, and the
measuring of the answer. A step that waits leaves that much less to the next, so a request
ends within its limit in total. (Each step had its own limit before: behind a PgBouncer
that queued every query, a GraphQL request took twice its limit plus 2 s, and a REST read
had none; issue 20.)
"""

from __future__ import annotations

from time import monotonic

from starlette.types import ASGIApp, Receive, Scope, Send

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
