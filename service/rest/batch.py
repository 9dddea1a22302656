"""POST /api/v1/articles:batch: NDJSON in, one article per line; NDJSON out, one result
per line, in order.

Each line is what the single POST takes as JSON (plus an optional `idempotencyKey`) and
goes through the same intake and pipeline, in its own transaction: a bad line is
answered with its problem and never holds the others back. The body is read whole
within FACTDESK_MAX_BATCH_BYTES before any line runs (413 otherwise: nothing ingested),
so a refused batch leaves nothing half done.
"""

from __future__ import annotations

import asyncio
import datetime as dt
from collections import deque
from collections.abc import AsyncIterator, Sequence

import asyncpg
import orjson
from starlette.requests import Request
from starlette.responses import Response, StreamingResponse

from service.auth import bearer_token
from service.config import Settings
from service.db import articles as articles_db
from service.db.pool import Connection
from service.ids import encode_id
from service.ingest.idempotency import IdempotencyKey, caller_of, fingerprint, parse_key
from service.ingest.intake import decode_copy
from service.ingest.outcome import Answer, IngestResult
from service.ingest.pipeline import ingest_article
from service.problems import ProblemError, problem_body
from service.rest.auth import require_write
from service.rest.ingest_body import BatchLine, read_batch_line, read_capped_body
from service.rest.params import pool_of
from service.rest.problems import Handler, problem_of
from service.rest.representations import Json

MEDIA_TYPES = ("application/x-ndjson", "application/jsonl", "application/jsonlines")
# Lines in flight at once: extraction of one overlaps the writes of another; results are
# still sent in input order.
IN_FLIGHT = 4
# A line's JSON may escape its text to up to three times its size (as on /graphql).
LINE_OVERHEAD = 65_536


async def _stored_answer(conn: Connection, result: IngestResult) -> Answer:
    # A line's answer is rebuilt from the article on a replay; only the status is kept.
    return Answer(status=201 if result.created else 200, body=b"", headers={})


class BatchRun:
    """One batch request's lines, ingested as the same caller under the same settings."""

    def __init__(self, pool: asyncpg.Pool, settings: Settings, caller: str, path: str) -> None:
        self.pool = pool
        self.settings = settings
        self.caller = caller
        self.path = path
        self.line_cap = 3 * settings.factdesk_max_article_bytes + LINE_OVERHEAD

    def _key(self, line: BatchLine) -> IdempotencyKey | None:
        if line.idempotency_key is None:
            return None
        meta = line.ingest.meta
        return IdempotencyKey(
            caller=self.caller,
            key=parse_key(line.idempotency_key),
            fingerprint=fingerprint(
                "batch", line.ingest.text, meta.outlet, meta.url, meta.headline, meta.published_at
            ),
            ttl=dt.timedelta(seconds=self.settings.factdesk_idempotency_ttl),
            render=_stored_answer,
        )

    async def ingest_line(self, number: int, raw: bytes) -> Json:
        """The line's result: its article (status 201 or 200), or its problem."""
        try:
            if len(raw) > self.line_cap:
                raise ProblemError(
                    "article_too_large", f"a line must be at most {self.line_cap} bytes"
                )
            line = await read_batch_line(
                decode_copy(raw), max_bytes=self.settings.factdesk_max_article_bytes
            )
            result = await ingest_article(
                self.pool, line.ingest.text, line.ingest.meta, idempotency=self._key(line)
            )
            async with self.pool.acquire() as conn:
                slug = await articles_db.find_article_slug(conn, article_id=result.article_id)
        except Exception as error:
            problem = problem_of(error, write=True, where=f"POST {self.path} line {number}")
            return {
                "line": number,
                "status": problem.status,
                "problem": orjson.loads(problem_body(problem)),
            }
        return {
            "line": number,
            "status": 201 if result.created else 200,
            "id": encode_id("Article", result.article_id),
            "slug": slug,
            "created": result.created,
            "republished": result.republished,
            "replayed": result.replayed,
        }

    async def results(self, lines: Sequence[bytes]) -> AsyncIterator[bytes]:
        """One NDJSON result per non-blank line, in input order, `IN_FLIGHT` at a time."""
        pending: deque[asyncio.Task[Json]] = deque()
        try:
            for number, raw in enumerate(lines, start=1):
                if not raw.strip():
                    continue  # blank lines (a final newline) carry no article
                pending.append(asyncio.create_task(self.ingest_line(number, raw)))
                if len(pending) >= IN_FLIGHT:
                    yield orjson.dumps(await pending.popleft()) + b"\n"
            while pending:
                yield orjson.dumps(await pending.popleft()) + b"\n"
        finally:
            for task in pending:  # the client went away: lines not yet committed roll back
                task.cancel()


def _media_type(request: Request) -> str:
    kind, _, params = request.headers.get("content-type", "").partition(";")
    charset = params.strip().lower().removeprefix("charset=").strip('"')
    if params.strip() and charset not in ("utf-8", "utf8"):
        raise ProblemError("unsupported_media_type", "send NDJSON encoded as UTF-8")
    return kind.strip().lower()


def batch_handler(settings: Settings) -> Handler:
    async def post_batch(request: Request) -> Response:
        """200 with one NDJSON result per line; the request itself refused as a problem."""
        require_write(request.headers, settings)
        media_type = _media_type(request)
        if media_type not in MEDIA_TYPES:
            raise ProblemError(
                "unsupported_media_type",
                f"send {MEDIA_TYPES[0]}, one JSON object per line; got "
                f"{media_type or 'no Content-Type'}",
            )
        body = await read_capped_body(
            request, settings.factdesk_max_batch_bytes, code="batch_too_large", field=None
        )
        run = BatchRun(
            pool_of(request), settings, caller_of(bearer_token(request.headers)), request.url.path
        )
        return StreamingResponse(run.results(body.split(b"\n")), media_type=MEDIA_TYPES[0])

    return post_batch
