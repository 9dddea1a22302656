"""A response cache for reads, keyed by the request and the data version.

Copy arrives a few times a minute and reads all the time, so most answers can be reused.
Each POST or GET to the cached path costs one small query (the data version, which every
write transaction bumps before it commits; a GET shares the one its revalidation read,
service/conditional.py); when an answer to the very same request body and content type
(or query string), representation and credentials was computed at that version, it is
sent again without running the app. It sits below both APIs: what is a read and which
representation an answer takes are the caller's to say (`is_read`, `variant`), so for
/graphql the app passes GraphQL's own rules (service/graphql/negotiation.py).

It runs behind the gate (service/graphql/gate.py): auth is decided and the body capped
before this reads anything, so a refused request never costs a database query here. The
credentials in the key are the bearer token auth itself reads (the gate refuses a second
Authorization header), and only `application/json` requests are kept: a request GraphQL
would refuse (a `text/plain` cross-site post) never meets an answer computed for another.

A read that starts after an ingest commits sees the new version, so it never gets an
older answer.

Only successful reads are kept: responses with errors, non-200 statuses and any request
`is_read` refuses go through untouched. Entries are bounded in number and in bytes, least
recently used out first.

Identical reads that arrive while the first is still being answered wait for that answer
instead of computing it again (as a CDN's request collapsing does): after an ingest, or
at start, a popular page is computed once, not once per waiting client. A waiter whose
leader fails (errors, a disconnect) computes its own answer.
"""

from __future__ import annotations

import asyncio
import hashlib
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass

import asyncpg
import orjson
from starlette.datastructures import Headers
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from service.auth import bearer_token
from service.conditional import DATA_VERSION
from service.db.versions import current_data_version
from service.deadline import seconds_left
from service.request_body import read_body, replay

MAX_ENTRIES = 2048
MAX_BYTES = 64 * 1024 * 1024
MAX_ENTRY_BYTES = 1024 * 1024  # larger answers are computed every time
MAX_REQUEST_BYTES = 64 * 1024  # larger requests are never cached


@dataclass(frozen=True, slots=True)
class CachedResponse:
    status: int
    headers: list[tuple[bytes, bytes]]
    body: bytes


class ResponseStore:
    """Least-recently-used answers by (version, credentials, body); old versions age out."""

    def __init__(self, max_entries: int = MAX_ENTRIES, max_bytes: int = MAX_BYTES) -> None:
        self.max_entries = max_entries
        self.max_bytes = max_bytes
        self.size = 0
        self.hits = 0
        self.misses = 0
        self._entries: OrderedDict[tuple[str, bytes, bytes], CachedResponse] = OrderedDict()

    def get(self, key: tuple[str, bytes, bytes]) -> CachedResponse | None:
        found = self._entries.get(key)
        if found is None:
            self.misses += 1
            return None
        self._entries.move_to_end(key)
        self.hits += 1
        return found

    def put(self, key: tuple[str, bytes, bytes], response: CachedResponse) -> None:
        if key in self._entries:
            return
        self._entries[key] = response
        self.size += len(response.body)
        while self._entries and (
            len(self._entries) > self.max_entries or self.size > self.max_bytes
        ):
            _, evicted = self._entries.popitem(last=False)
            self.size -= len(evicted.body)


class ResponseCache:
    """ASGI middleware in front of the app: caches GET and POST `path` answers (see module
    doc). `is_read` says whether a JSON POST body only reads; `variant` names the
    representation the request's headers ask for (part of the key)."""

    def __init__(
        self,
        app: ASGIApp,
        *,
        pool: Callable[[Scope], asyncpg.Pool],
        is_read: Callable[[bytes], bool],
        variant: Callable[[Headers], str],
        path: str = "/graphql",
        store: ResponseStore | None = None,
        request_timeout: float | None = None,
    ) -> None:
        self.app = app
        self.pool = pool
        self.is_read = is_read
        self.variant = variant
        self.path = path
        self.store = store or ResponseStore()
        # The version read spends from the request's deadline (FACTDESK_REQUEST_TIMEOUT,
        # service/deadline.py): behind PgBouncer it can queue for a server.
        self.request_timeout = request_timeout
        # Answers being computed, by key: identical requests meanwhile wait for them.
        self._running: dict[tuple[str, bytes, bytes], asyncio.Future[CachedResponse | None]]
        self._running = {}

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["path"] != self.path:
            await self.app(scope, receive, send)
            return
        headers = Headers(scope=scope)
        if scope["method"] == "GET":
            # The view answers a GET query (it refuses mutations with a 405, never kept); no
            # query string is a visit to GraphiQL.
            body, request_text = b"", scope.get("query_string", b"")
            if not request_text or len(request_text) > MAX_REQUEST_BYTES:
                await self.app(scope, receive, send)
                return
        elif scope["method"] == "POST":
            body = await read_body(receive)
            content_type = headers.get("content-type", "")
            if (
                len(body) > MAX_REQUEST_BYTES
                or not self.is_read(body)
                or content_type.partition(";")[0].strip().lower() != "application/json"
            ):
                await self.app(scope, replay(body, receive), send)
                return
            request_text = content_type.encode("latin-1") + b"\n" + body
        else:
            await self.app(scope, receive, send)
            return
        token = bearer_token(headers)
        credentials = b"" if token is None else hashlib.sha256(token.encode()).digest()
        version = scope.get(DATA_VERSION)  # read already when the GET was revalidated
        try:
            if not isinstance(version, str):
                left = None
                if self.request_timeout is not None:
                    left = seconds_left(scope, self.request_timeout)
                async with (
                    asyncio.timeout(left),
                    self.pool(scope).acquire() as conn,
                ):
                    version = await current_data_version(conn)
                scope[DATA_VERSION] = version  # replicas must have replayed it to answer
        except Exception:  # the cache only ever speeds things up; it never fails a request
            # No version, no cache: GraphQL itself meets the same fault and answers it in
            # GraphQL's terms (a 503 with errors for an outage, a masked error otherwise).
            await self.app(scope, replay(body, receive), send)
            return
        # A digest, not the body: a key costs 32 bytes whatever the client sent. The method
        # and the media type answered are part of it: the same query is sent back as what
        # Accept asked for.
        media = self.variant(headers)
        request = hashlib.sha256(
            f"{scope['method']}\n{media}\n".encode("latin-1") + request_text
        ).digest()
        key = (version, credentials, request)
        cached = self.store.get(key)
        running = self._running.get(key) if cached is None else None
        if running is not None:
            # Shielded: a waiter that goes away cancels only itself, not the shared answer.
            cached = await asyncio.shield(running)
            if cached is None:  # the answer it waited for failed: this one is answered alone
                await self.app(scope, replay(body, receive), send)
                return
        if cached is not None:
            await send(
                {"type": "http.response.start", "status": cached.status, "headers": cached.headers}
            )
            await send({"type": "http.response.body", "body": cached.body})
            return
        running = asyncio.get_running_loop().create_future()
        self._running[key] = running
        answer = None
        try:
            answer = await self._run(scope, body, receive, send)
        finally:
            del self._running[key]
            running.set_result(answer)
        if answer is not None and len(answer.body) <= MAX_ENTRY_BYTES:
            self.store.put(key, answer)

    async def _run(
        self, scope: Scope, body: bytes, receive: Receive, send: Send
    ) -> CachedResponse | None:
        """Answers the request; returns the answer when it is a successful read."""
        start: Message | None = None
        chunks: list[bytes] = []
        size = 0

        async def capture(message: Message) -> None:
            nonlocal start, size
            if message["type"] == "http.response.start":
                start = message
            elif message["type"] == "http.response.body":
                chunk = message.get("body", b"")
                size += len(chunk)
                if size <= MAX_ENTRY_BYTES:
                    chunks.append(chunk)
            await send(message)

        await self.app(scope, replay(body, receive), capture)
        # An answer too large to keep is neither joined nor parsed: orjson took 0.1 s of
        # the event loop to parse one of 8 MiB, sent already.
        if start is None or start["status"] != 200 or size > MAX_ENTRY_BYTES:
            return None
        answer = b"".join(chunks)
        if _has_errors(answer):
            return None
        headers = [(k, v) for k, v in start.get("headers", []) if k.lower() != b"set-cookie"]
        return CachedResponse(200, headers, answer)


def _has_errors(answer: bytes) -> bool:
    """Whether the answer is not a JSON object free of top-level errors (then not kept)."""
    # A quote inside a JSON string is escaped: without `"errors"` in its bytes, no key of
    # the answer is named so, and it is not parsed (13 ms for 1 MiB, on the event loop).
    if b'"errors"' not in answer:
        return not answer.lstrip().startswith(b"{")
    try:
        payload = orjson.loads(answer)
    except orjson.JSONDecodeError:
        return True
    return not isinstance(payload, dict) or bool(payload.get("errors"))
