"""Keyset pagination by id, for one list or one page per parent in a single query.

`source` and `link` are SQL fragments written in this package (never user input):
`source` names the table as `t`, `link` ties a row of `t` to the parent `p.id`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from service.db.pool import Connection

# Every list is read a page at a time: `first` defaults to 20 and is at most 100, in
# GraphQL and REST alike.
DEFAULT_PAGE = 20
MAX_PAGE = 100


@dataclass(frozen=True, slots=True)
class IdPage:
    ids: list[int]
    has_next: bool
    total: int  # 0 when the caller did not ask for the count


def counted(count: bool, query: str) -> str:
    """`query` (a count) when asked for; counting reads every matching row, so a page that
    does not show the total does not pay for it."""
    return f"({query})" if count else "0::bigint"


async def page_by_id(
    conn: Connection,
    *,
    source: str,
    where: str,
    args: Sequence[object],
    first: int,
    after: int | None,
    count: bool = True,
) -> IdPage:
    """Ascending ids after `after`; `where` uses parameters from $3 on."""
    total = counted(count, f"SELECT count(*) FROM {source} WHERE {where}")
    row = await conn.fetchrow(
        f"""
        SELECT
            {total} AS total,
            ARRAY(
                SELECT t.id FROM {source} WHERE {where} AND ($1::bigint IS NULL OR t.id > $1)
                ORDER BY t.id LIMIT $2
            ) AS ids
        """,
        after,
        first + 1,
        *args,
    )
    assert row is not None
    ids = [int(i) for i in row["ids"]]
    return IdPage(ids=ids[:first], has_next=len(ids) > first, total=int(row["total"]))


async def page_by_id_per_parent(
    conn: Connection,
    *,
    source: str,
    link: str,
    parent_ids: Sequence[int],
    first: int,
    after: int | None,
    count: bool = True,
) -> dict[int, IdPage]:
    """One page of ascending ids per parent, with each parent's total, in one round trip."""
    total = counted(count, f"SELECT count(*) FROM {source} WHERE {link}")
    rows = await conn.fetch(
        f"""
        SELECT p.id AS parent_id, {total} AS total, page.id
        FROM unnest($1::bigint[]) AS p(id)
        LEFT JOIN LATERAL (
            SELECT t.id FROM {source}
            WHERE {link} AND ($2::bigint IS NULL OR t.id > $2)
            ORDER BY t.id LIMIT $3
        ) AS page ON TRUE
        """,
        list(parent_ids),
        after,
        first + 1,
    )
    ids: dict[int, list[int]] = {pid: [] for pid in parent_ids}
    totals: dict[int, int] = {}
    for r in rows:
        pid = int(r["parent_id"])
        totals[pid] = int(r["total"])
        if r["id"] is not None:
            ids[pid].append(int(r["id"]))
    return {
        pid: IdPage(ids=found[:first], has_next=len(found) > first, total=totals.get(pid, 0))
        for pid, found in ids.items()
    }
