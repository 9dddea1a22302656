"""SQL for the change feed's outbox (the `changes` table) and its NOTIFY channel."""

from __future__ import annotations

from collections.abc import Iterable

from service.db.pool import Connection
from service.db.rows import ChangeRow

# PostgreSQL delivers a NOTIFY to listeners when its transaction commits, never before.
CHANNEL = "factdesk_changes"


async def append_change(
    conn: Connection, *, kind: str, article_id: int, fact_ids: Iterable[int]
) -> int:
    """Appends a change and notifies CHANNEL with its id; call inside the writing
    transaction, after the data version is bumped (so every writer takes the data version
    row first and this lock second). The lock is held until commit, so change ids follow
    commit order and a reader paging by id never skips one committed late."""
    await conn.execute("LOCK TABLE changes IN SHARE ROW EXCLUSIVE MODE")
    change_id = await conn.fetchval(
        """
        WITH appended AS (
            INSERT INTO changes (kind, article_id, fact_ids) VALUES ($1, $2, $3) RETURNING id
        )
        SELECT id, pg_notify($4, id::text) FROM appended
        """,
        kind,
        article_id,
        sorted(set(fact_ids)),
        CHANNEL,
    )
    return int(change_id)


async def list_changes_after(conn: Connection, *, after: int | None, limit: int) -> list[ChangeRow]:
    """Up to `limit` changes after the change `after` (all, when None), oldest first."""
    rows = await conn.fetch(
        """
        SELECT id, kind, article_id, fact_ids, at FROM changes
        WHERE $1::bigint IS NULL OR id > $1 ORDER BY id LIMIT $2
        """,
        after,
        limit,
    )
    return ChangeRow.from_records(rows)


async def list_fact_ids_of_article(conn: Connection, *, article_id: int) -> list[int]:
    """The facts the article's figures report values of."""
    rows = await conn.fetch(
        "SELECT DISTINCT fact_id FROM figures WHERE article_id = $1 AND fact_id IS NOT NULL",
        article_id,
    )
    return [int(r["fact_id"]) for r in rows]


async def count_changes(conn: Connection) -> int:
    return int(await conn.fetchval("SELECT count(*) FROM changes"))
