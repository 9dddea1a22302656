"""/api/v1/changes: the change feed, a page at a time (the stream is change_stream.py)."""

from __future__ import annotations

import asyncpg
from starlette.requests import Request
from starlette.responses import Response

from service.db import changes as changes_db
from service.db.rows import ChangeRow
from service.ids import decode_id_cursor, encode_cursor, encode_id
from service.problems import ProblemError
from service.rest.params import page_params, pool_of
from service.rest.representations import Json, JsonResponse, page_json


def change_json(row: ChangeRow) -> Json:
    return {
        "cursor": encode_cursor(row.id),
        "kind": row.kind,
        "articleId": encode_id("Article", row.article_id),
        "factIds": [encode_id("Fact", f) for f in row.fact_ids],
        "at": row.at,
    }


async def read_changes(pool: asyncpg.Pool, *, after: int | None, limit: int) -> list[ChangeRow]:
    async with pool.acquire() as conn:
        return await changes_db.list_changes_after(conn, after=after, limit=limit)


async def list_changes(request: Request) -> Response:
    page = page_params(request.query_params)
    if page.last is not None or page.before is not None:
        raise ProblemError(
            "invalid_parameter", "the change feed pages forwards only (first, after)", field="last"
        )
    after = decode_id_cursor(page.after, "after")
    pool = pool_of(request)
    rows = await read_changes(pool, after=after, limit=page.first + 1)
    async with pool.acquire() as conn:
        total = await changes_db.count_changes(conn)
    shown = rows[: page.first]
    return JsonResponse(
        page_json(
            [change_json(r) for r in shown],
            [r.id for r in shown],
            has_next=len(rows) > page.first,
            has_previous=after is not None,
            total=total,
        )
    )
