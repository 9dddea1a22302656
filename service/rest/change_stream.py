"""/api/v1/changes/stream: the change feed as server-sent events.

Each event is one change (`id:` its cursor, `data:` the same JSON as /api/v1/changes);
`Last-Event-ID` (or `after`) resumes after a cursor. A stream holds no database
connection while it waits: it borrows one from the pool to read what is new, then waits
for the process's LISTEN connection (service/change_signal.py) to say a change was
committed, sending a comment line as heartbeat when nothing comes. While PostgreSQL is
away it keeps its heartbeats and reads again when it is back.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator

import asyncpg
import orjson
from starlette.requests import Request
from starlette.responses import Response, StreamingResponse

from service.change_signal import ChangeSignal, TooManyStreamsError
from service.config import Settings
from service.db.paging import MAX_PAGE
from service.db.pool import is_connection_failure
from service.db.rows import ChangeRow
from service.ids import decode_id_cursor
from service.problems import ProblemError
from service.rest.changes import change_json, read_changes
from service.rest.params import pool_of
from service.rest.problems import Handler

log = logging.getLogger(__name__)
HEARTBEAT = b": heartbeat\n\n"


def event(row: ChangeRow) -> bytes:
    data = change_json(row)
    return f"id: {data['cursor']}\nevent: change\ndata: ".encode() + orjson.dumps(data) + b"\n\n"


async def _events(
    pool: asyncpg.Pool, signal: ChangeSignal, *, after: int | None, heartbeat: float
) -> AsyncIterator[bytes]:
    try:
        while True:
            woken = signal.current()  # before reading: a commit meanwhile still wakes us
            try:
                rows = await read_changes(pool, after=after, limit=MAX_PAGE)
            except Exception as error:
                if not is_connection_failure(error):
                    raise
                # PostgreSQL is away: the stream stays open and reads again when the
                # LISTEN connection is back or at the next heartbeat; its cursor means
                # nothing committed meanwhile is missed. (It used to end mid-body.)
                log.warning("change stream waits for the database (%s)", type(error).__name__)
                rows = []
            for row in rows:
                yield event(row)
                after = row.id
            if len(rows) == MAX_PAGE:
                continue  # more are waiting
            try:
                await asyncio.wait_for(woken.wait(), heartbeat)
            except TimeoutError:
                yield HEARTBEAT
    finally:
        signal.release_stream()


def stream_handler(settings: Settings) -> Handler:
    async def stream_changes(request: Request) -> Response:
        signal: ChangeSignal | None = getattr(request.app.state, "change_signal", None)
        if signal is None:
            raise ProblemError("too_many_streams", "this server streams no changes")
        cursor = request.headers.get("last-event-id") or request.query_params.get("after")
        after = decode_id_cursor(cursor or None, "Last-Event-ID")
        try:
            signal.claim_stream()
        except TooManyStreamsError as error:
            raise ProblemError(
                "too_many_streams", str(error), headers={"Retry-After": "5"}
            ) from None
        body = _events(
            pool_of(request), signal, after=after, heartbeat=settings.factdesk_change_heartbeat
        )
        return StreamingResponse(
            body,
            media_type="text/event-stream",
            headers={"Cache-Control": "no-store", "X-Accel-Buffering": "no"},
        )

    return stream_changes
