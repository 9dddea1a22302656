"""Conditional GET for reads (GraphQL GET, the REST API and the desk's pages): `ETag`,
`Cache-Control`, and `304 Not Modified` on a matching `If-None-Match`.

An answer to a GET read is a function of the stored data and the request, so its tag is
derived from them rather than from its bytes: the data version (which every write
transaction bumps before it commits, service/db/versions.py), the API's shape (the
GraphQL SDL and the OpenAPI document, so a deploy that changes answers changes tags),
the path and query string (query, variables, operation name, persisted-query hash), the
`Accept` header (GraphQL answers in the media type it negotiates), and under
FACTDESK_PROTECT_READS the caller's key. A revalidation costs one tiny query and no
GraphQL or REST work at all.

The tag is weak (`W/"..."`): it promises the same data in the same shape, not the same
bytes. It is sent only on 200 answers without GraphQL `errors` (a timeout is not a
property of the data), and a request that may not read never gets a 304.

`Cache-Control: no-cache`: any cache may store the answer but must revalidate it every
time, since copy can arrive at any moment and a reader must never see an answer older
than the last ingest. `public` while reads are open (every caller gets the same answer,
so a CDN may serve it); `private` when reads need a key.

The version is read before the answer is computed, so a tag never claims data newer
than its answer holds: after a concurrent ingest the next revalidation simply misses.
"""

from __future__ import annotations

import asyncio
import hashlib
from collections.abc import Callable

import asyncpg
import orjson
from starlette.datastructures import Headers, MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send
from werkzeug.http import parse_etags

from service.auth import bearer_token, read_denial
from service.config import Settings
from service.db.versions import current_data_version
from service.deadline import seconds_left

# GET only: /graphql refuses HEAD (405), which a 304 must not pre-empt.
METHODS = ("GET",)
# The scope key under which the version read here is handed on (the GraphQL response
# cache keys its answers by it), so a GET reads the version once.
DATA_VERSION = "factdesk.data_version"
# The scope key under which an app that knows it says whether its answer carries GraphQL
# `errors` (True/False), before sending it: then its body is passed on piece by piece, not
# held here until complete to look (GraphQL's view sends a large answer in pieces).
ANSWER_ERRORS = "factdesk.answer_errors"
# The document's tag is not the data's; an event stream never ends, so is never tagged.
EXCLUDED = frozenset({"/api/v1/openapi.json", "/api/v1/changes/stream"})


class ConditionalGet:
    """ASGI middleware: tags GET reads under `prefixes`, answers 304 when the tag matches."""

    def __init__(
        self,
        app: ASGIApp,
        *,
        pool: Callable[[Scope], asyncpg.Pool],
        settings: Settings,
        api_identity: str,
        prefixes: tuple[str, ...] = ("/graphql", "/api/v1/"),
        paths: tuple[str, ...] = (),
    ) -> None:
        """`prefixes` ending in / cover every path below them, others one path; `paths`
        are single paths only (the desk's `/` covers nothing below it)."""
        self.app = app
        self.pool = pool
        self.settings = settings
        self.api_identity = api_identity
        self.prefixes = prefixes
        self.paths = frozenset(paths)
        protected = settings.factdesk_protect_reads
        self.cache_control = "private, no-cache" if protected else "public, no-cache"
        self.vary = "Accept, Authorization" if protected else "Accept"

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if not self._applies(scope):
            await self.app(scope, receive, send)
            return
        headers = Headers(scope=scope)
        if len(headers.getlist("authorization")) > 1 or read_denial(headers, self.settings):
            await self.app(scope, receive, send)  # refused further in, never a 304
            return
        try:
            # Within the request's deadline: behind PgBouncer it can queue.
            timeout = seconds_left(scope, self.settings.factdesk_request_timeout)
            async with asyncio.timeout(timeout), self.pool(scope).acquire() as conn:
                version = await current_data_version(conn)
        except Exception:  # tags only ever save work; they never fail a request
            await self.app(scope, receive, send)
            return
        scope[DATA_VERSION] = version
        tag = self._tag(scope, headers, version)
        if parse_etags(headers.get("if-none-match")).contains_weak(tag):
            await send(
                {
                    "type": "http.response.start",
                    "status": 304,
                    "headers": self._headers(f'W/"{tag}"'),
                }
            )
            await send({"type": "http.response.body", "body": b""})
            return
        await self._answer(scope, receive, send, f'W/"{tag}"')

    def _applies(self, scope: Scope) -> bool:
        if scope["type"] != "http" or scope["method"] not in METHODS:
            return False
        path: str = scope["path"]
        return path not in EXCLUDED and (
            path in self.paths
            or any(path == p or (p.endswith("/") and path.startswith(p)) for p in self.prefixes)
        )

    def _tag(self, scope: Scope, headers: Headers, version: str) -> str:
        token = bearer_token(headers) if self.settings.factdesk_protect_reads else None
        parts = [
            self.api_identity,
            version,
            scope["path"],
            scope.get("query_string", b"").decode("latin-1"),
            headers.get("accept", ""),  # GraphQL answers in the media type it asks for
            hashlib.sha256(token.encode()).hexdigest() if token else "",
        ]
        return hashlib.sha256("\n".join(parts).encode()).hexdigest()[:32]

    def _headers(self, etag: str) -> list[tuple[bytes, bytes]]:
        return [
            (b"etag", etag.encode()),
            (b"cache-control", self.cache_control.encode()),
            (b"vary", self.vary.encode()),
        ]

    async def _answer(self, scope: Scope, receive: Receive, send: Send, etag: str) -> None:
        """The app's answer, with the tag when it is a successful read (held until its body
        is complete, to see whether a GraphQL answer carries errors, unless the app said so:
        ANSWER_ERRORS)."""
        start: Message | None = None
        chunks: list[bytes] = []

        async def tagging(message: Message) -> None:
            nonlocal start
            if message["type"] == "http.response.start" and message["status"] == 200:
                start = message
                return
            if start is None:
                await send(message)
                return
            errors = scope.get(ANSWER_ERRORS)
            if isinstance(errors, bool):
                await send(self._tagged(start, etag) if not errors else start)
                start = None  # sent: the body follows as it comes
                await send(message)
                return
            chunks.append(message.get("body", b""))
            if message.get("more_body", False):
                return
            body = b"".join(chunks)
            if _is_complete_answer(body, Headers(raw=start["headers"])):
                start = self._tagged(start, etag)
            await send(start)
            await send({"type": "http.response.body", "body": body})

        await self.app(scope, receive, tagging)

    def _tagged(self, start: Message, etag: str) -> Message:
        # A copy: the message may be the response cache's stored answer.
        response_headers = MutableHeaders(raw=list(start["headers"]))
        for name, value in self._headers(etag):
            response_headers[name.decode()] = value.decode()
        return {**start, "headers": response_headers.raw}


def _is_complete_answer(body: bytes, headers: Headers) -> bool:
    """Not a GraphQL answer with errors (REST answers 200 only on success)."""
    if "json" not in headers.get("content-type", "") or b'"errors"' not in body:
        return True
    try:
        payload = orjson.loads(body)
    except orjson.JSONDecodeError:
        return False
    return not (isinstance(payload, dict) and payload.get("errors"))
