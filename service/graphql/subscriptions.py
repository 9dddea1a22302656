"""The Subscription root: the change feed pushed over graphql-transport-ws.

`changes(after:)` yields every change committed after the cursor, oldest first, then each
new one as it commits: the same outbox as `Query.changes` and the server-sent events
(service/rest/change_stream.py), woken by the process's LISTEN connection
(service/change_signal.py). Each event is an edge, so `cursor` is where a client that
reconnects resumes. A subscription holds no database connection while it waits, and
counts against FACTDESK_CHANGE_STREAMS like an event stream does.
"""

from __future__ import annotations

from collections.abc import AsyncGenerator

import strawberry
from graphql import GraphQLError

from service.change_signal import TooManyStreamsError
from service.db import changes as changes_db
from service.db.paging import MAX_PAGE
from service.graphql.context import Info
from service.graphql.types.change import Change
from service.graphql.types.common import After, Edge
from service.ids import decode_id_cursor


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
                async with context.pool.acquire() as conn:
                    rows = await changes_db.list_changes_after(conn, after=last, limit=MAX_PAGE)
                for row in rows:
                    yield Edge(key=row.id, node=Change.from_row(row))
                    last = row.id
                if len(rows) < MAX_PAGE:
                    await woken.wait()
        finally:
            signal.release_stream()
