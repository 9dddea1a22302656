"""The door of /graphql: what is decided before a byte of the body is read.

In order, each cheap and bounded: the method (GET and POST; anything else a JSON 405), one
`Authorization` header at most (two are a 400: auth and the response cache must never read
different ones), the read key under FACTDESK_PROTECT_READS (401/403 before the body, so a
refused client costs neither memory nor a database query), then the body, refused with 413
from `Content-Length` or as soon as the bytes received pass FACTDESK_GRAPHQL_MAX_BODY_BYTES.
A request that may write (a valid key) may send more: an `ingestArticle` carries up to
FACTDESK_MAX_ARTICLE_BYTES of text, which JSON escapes can triple (an emoji as two
six-byte escapes), and the mutation itself answers `article_too_large` past that.
Only then does the request reach the response cache and GraphQL, with the body replayed.
"""

from __future__ import annotations

from starlette.datastructures import Headers
from starlette.responses import JSONResponse
from starlette.types import ASGIApp, Receive, Scope, Send

from service.auth import read_denial, write_denial
from service.config import Settings
from service.graphql.negotiation import JSON, response_media_type
from service.problems import ProblemError, problem_response
from service.request_body import replay

METHODS = ("GET", "POST")


class GraphQLGate:
    """ASGI middleware in front of the response cache and the GraphQL view."""

    def __init__(self, app: ASGIApp, settings: Settings) -> None:
        self.app = app
        self.settings = settings
        self.max_body = settings.factdesk_graphql_max_body_bytes
        self.max_write_body = self.max_body + 3 * settings.factdesk_max_article_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = Headers(scope=scope)
        media = response_media_type(headers)
        if scope["method"] not in METHODS:
            await request_error(
                405,
                f"{scope['method']} is not allowed; use GET or POST.",
                "method_not_allowed",
                media=media,
            )(scope, receive, send)
            return
        if len(headers.getlist("authorization")) > 1:
            problem = ProblemError("duplicate_header", "send one Authorization header, not several")
            await problem_response(problem)(scope, receive, send)
            return
        denial = read_denial(headers, self.settings)
        if denial is not None:
            problem = ProblemError(denial.code, denial.detail, headers=denial.headers)
            await problem_response(problem)(scope, receive, send)
            return
        writer = write_denial(headers, self.settings) is None
        limit = self.max_write_body if writer else self.max_body
        body = await _read_body(headers, receive, limit)
        if body is None:
            await request_error(
                413,
                f"The request body is larger than {limit} bytes.",
                "request_too_large",
                media=media,
            )(scope, receive, send)
            return
        await self.app(scope, replay(body, receive), send)


async def _read_body(headers: Headers, receive: Receive, limit: int) -> bytes | None:
    """The whole body, or None once it is known to be over `limit` bytes."""
    declared = headers.get("content-length", "").strip()
    if declared.isdigit() and int(declared) > limit:
        return None
    received = bytearray()
    # Count what arrives, not what the header claims: a lying header buys nothing.
    while True:
        message = await receive()
        if message["type"] != "http.request":
            break
        received += message.get("body", b"")
        if len(received) > limit:
            return None
        if not message.get("more_body", False):
            break
    return bytes(received)


def request_error(
    status: int, message: str, code: str, *, media: str = JSON, allow: str = ", ".join(METHODS)
) -> JSONResponse:
    """A GraphQL-over-HTTP request error: `errors` alone, no `data` (nothing was executed),
    in the media type the client accepts."""
    return JSONResponse(
        {"errors": [{"message": message, "extensions": {"code": code}}]},
        status_code=status,
        headers={"Allow": allow} if status == 405 else None,
        media_type=media,
    )
