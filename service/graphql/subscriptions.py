"""The Subscription root: the change feed pushed over graphql-transport-ws.

`changes(after:)` yields every change committed after the cursor, oldest first, then each
new one as it commits: the same outbox as `Query.changes` and the server-sent events
(rest/change_stream.py), woken by the process's LISTEN connection
(service/change_signal.py). Each event is an edge, so `cursor` is where a client that
reconnects resumes. A subscription holds no database connection while it waits, and
counts against FACTDESK_CHANGE_STREAMS like an event stream does. While PostgreSQL is
away it waits and reads again (when the LISTEN connection is back, or every
OUTAGE_RETRY seconds): the cursor it holds means nothing committed meanwhile is missed.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncGenerator
from contextlib import suppress

import strawberry
from graphql import GraphQLError

from service.change_signal import TooManyStreamsError
from service.db import changes as changes_db
from service.db.paging import MAX_PAGE
from service.db.pool import is_connection_failure
from service.db.rows import ChangeRow
from service.graphql.context import Context, Info
from service.graphql.types.change import Change
from service.graphql.types.common import After, Edge
from service.ids import decode_id_cursor

log = logging.getLogger(__name__)
OUTAGE_RETRY = 1.0  # seconds between reads while the database is away


@strawberry.type(description="Pushed over WebSocket (graphql-transport-ws) at /graphql.")
class Subscription:
    @strawberry.subscription(
        description="Every change committed after the cursor `after` (all of them without "
        "it), oldest first, then each new change as it commits, over graphql-transport-ws. "
        "Keep the last edge's `cursor` and subscribe again with `after` to miss nothing "
        "after a reconnect."
    )
    async def changes(self, info: Info, after: After = None) -> AsyncGenerator[Edge[Change]]:
        context = info.context
        signal = context.change_signal
        if signal is None:
            raise GraphQLError(
                "This server streams no changes.", extensions={"code": "too_many_streams"}
            )
        last = decode_id_cursor(after, "after")
        try:
            signal.claim_stream()
        except TooManyStreamsError as error:
            raise GraphQLError(str(error), extensions={"code": "too_many_streams"}) from None
        try:
            while True:
                woken = signal.current()  # before reading: a commit meanwhile still wakes us
                rows = await _read_after(context, last)
                if rows is None:  # the database is away: wait for it, then read again
                    with suppress(TimeoutError):
                        await asyncio.wait_for(woken.wait(), OUTAGE_RETRY)
                    continue
                for row in rows:
                    yield Edge(key=row.id, node=Change.from_row(row))
                    last = row.id
                if len(rows) < MAX_PAGE:
                    await woken.wait()
        finally:
            signal.release_stream()


async def _read_after(context: Context, last: int | None) -> list[ChangeRow] | None:
    """The next changes after `last`, or None while the database cannot be reached."""
    try:
        async with context.pool.acquire() as conn:
            return await changes_db.list_changes_after(conn, after=last, limit=MAX_PAGE)
    except Exception as error:
        if not is_connection_failure(error):
            raise
        log.warning("change subscription waits for the database (%s)", type(error).__name__)
        return None
