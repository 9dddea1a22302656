"""Request middleware (pure ASGI): request id, access log, HTTP metrics, and the 503 safety
net for database outages; plus /healthz, /readyz and the draining flag behind /readyz."""

from __future__ import annotations

import asyncio
import logging
import re
import time
import uuid
from typing import Any

from starlette.requests import Request
from starlette.responses import JSONResponse, PlainTextResponse, Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from service import metrics
from service.db import migrate
from service.db.pool import current_revision, is_connection_failure
from service.logs import access_fields, request_id
from service.problems import PROBLEM_MEDIA_TYPE, ProblemError, problem_body

access_log = logging.getLogger("factdesk.access")
log = logging.getLogger(__name__)

REQUEST_ID_HEADER = "x-request-id"
# A caller's id is kept when it is short and plain, so it cannot forge log lines.
_VALID_REQUEST_ID = re.compile(r"[A-Za-z0-9._:@/+=-]{1,128}")
READY_TIMEOUT = 2.0


class RequestObservabilityMiddleware:
    """Gives every HTTP request an id (X-Request-ID in and out, and in every log line), logs
    one access line, records route metrics, and turns a database outage that escaped a route
    into a 503 problem instead of a 500."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        rid = _incoming_request_id(scope) or uuid.uuid4().hex
        token = request_id.set(rid)
        noted: dict[str, object] = {}
        noted_token = access_fields.set(noted)
        started = time.perf_counter()
        root_path = scope.get("root_path", "")
        status = 500
        response_started = False

        async def send_with_id(message: Message) -> None:
            nonlocal status, response_started
            if message["type"] == "http.response.start":
                response_started = True
                status = message["status"]
                headers = list(message.get("headers", []))
                headers.append((REQUEST_ID_HEADER.encode(), rid.encode()))
                message = {**message, "headers": headers}
            await send(message)

        metrics.HTTP_IN_FLIGHT.inc()
        try:
            await self.app(scope, receive, send_with_id)
        except Exception as error:
            if response_started:
                raise
            if is_connection_failure(error):
                log.warning("database unavailable: %s", type(error).__name__)
                await _send_problem(
                    send_with_id,
                    ProblemError(
                        "database_unavailable",
                        "The database cannot be reached right now; retry shortly.",
                        headers={"Retry-After": "1"},
                    ),
                )
            else:
                log.exception("unhandled error")
                await _send_problem(send_with_id, ProblemError("internal_error", "Unexpected."))
        finally:
            metrics.HTTP_IN_FLIGHT.dec()
            elapsed = time.perf_counter() - started
            route = _route_label(scope, root_path)
            method = scope["method"]
            metrics.child(metrics.HTTP_REQUESTS, route, method, str(status)).inc()
            metrics.child(metrics.HTTP_LATENCY, route, method).observe(elapsed)
            if access_log.isEnabledFor(logging.INFO):  # its fields built only to be written
                operation = noted.get("operation")
                access_log.info(
                    "%s %s %d%s",
                    method,
                    scope["path"],
                    status,
                    f" {operation}" if operation else "",
                    extra={
                        **noted,
                        "method": method,
                        "path": scope["path"],
                        "route": route,
                        "status": status,
                        "duration_ms": round(elapsed * 1000, 2),
                        "client": (scope.get("client") or ("", 0))[0],
                    },
                )
            access_fields.reset(noted_token)
            request_id.reset(token)


def _incoming_request_id(scope: Scope) -> str | None:
    for name, value in scope.get("headers", []):
        if name == REQUEST_ID_HEADER.encode():
            text = value.decode("latin-1")
            return text if _VALID_REQUEST_ID.fullmatch(text) else None
    return None


def _route_label(scope: Scope, root_path: str) -> str:
    """The matched route's template (`/api/v1/articles/{id}`), never the raw path: raw paths
    would give every 404 probe its own time series."""
    route: Any = scope.get("route")
    path = getattr(route, "path", None)
    if not isinstance(path, str):
        return "unmatched"
    mount_prefix = str(scope.get("root_path", ""))[len(root_path) :]
    return mount_prefix + path


async def _send_problem(send: Send, problem: ProblemError) -> None:
    body = problem_body(problem)
    headers = [
        (b"content-type", PROBLEM_MEDIA_TYPE.encode()),
        (b"content-length", str(len(body)).encode()),
        *((k.lower().encode(), v.encode()) for k, v in problem.headers.items()),
    ]
    await send({"type": "http.response.start", "status": problem.status, "headers": headers})
    await send({"type": "http.response.body", "body": body})


async def healthz(request: Request) -> Response:
    """Liveness: the process answers. Never touches the database."""
    return PlainTextResponse("ok")


async def readyz(request: Request) -> Response:
    """Readiness: not draining, the database answers, and its schema is at the head
    migration. 503 with the reason otherwise."""
    state = request.app.state
    if getattr(state, "draining", False):
        return _not_ready("shutting_down")
    pool = getattr(state, "pool", None)
    if pool is None:
        return _not_ready("starting")
    try:
        # One time limit on the whole probe, queries included: behind PgBouncer a query can
        # wait there, unanswered, for a PostgreSQL it cannot reach (up to its
        # query_wait_timeout, 2 minutes), and a probe must answer before its caller gives up.
        async with asyncio.timeout(READY_TIMEOUT), pool.acquire() as conn:
            try:
                revision = await current_revision(conn)
            except asyncio.CancelledError:
                # Out of time: the connection is dropped rather than waited on until the
                # held query's cancellation is acknowledged (asyncpg's release would).
                conn.terminate()
                raise
    except Exception as error:
        if is_connection_failure(error):
            return _not_ready("database_unavailable")
        raise
    head = getattr(state, "head_revision", None)
    if head is None:
        head = state.head_revision = migrate.head_revision()
    if revision != head:
        return _not_ready("migrations_pending", revision=revision, head=head)
    return JSONResponse({"ready": True, "revision": revision})


def _not_ready(reason: str, **details: object) -> Response:
    return JSONResponse({"ready": False, "reason": reason, **details}, status_code=503)
