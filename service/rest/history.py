"""/api/v1/facts/{id}/history and /api/v1/articles/{id}/versions: what changed a fact and
when, and the copies corrections replaced (GraphQL's Fact.history and Article.versions)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from starlette.requests import Request
from starlette.responses import Response

from service.db import history as history_db
from service.db import known as known_db
from service.db.history import ArticleVersionRow, FactEventRow
from service.db.paging import RowPage
from service.ids import CursorKey, decode_event_cursor, decode_id_cursor, encode_id
from service.problems import ProblemError
from service.rest.articles import article_id_in_path
from service.rest.params import page_params, path_id, reads_of
from service.rest.representations import Json, JsonResponse, page_json


def event_json(row: FactEventRow) -> Json:
    return {
        "at": row.at,
        "kind": row.kind,
        "value": row.value,
        "upperBound": row.upper_bound,
        "approximation": row.approximation,
        "text": row.text,
        "figureId": encode_id("Figure", row.figure_id),
        "articleId": encode_id("Article", row.article_id),
        "outlet": row.outlet,
        "reason": row.reason,
        "by": row.by,
        "judgement": row.judgement,
    }


def version_json(row: ArticleVersionRow) -> Json:
    return {
        "version": row.version,
        "headline": row.headline,
        "standfirst": row.standfirst,
        "body": row.body,
        "url": row.url,
        "publishedAt": row.published_at,
        "storedAt": row.stored_at,
        "replacedAt": row.replaced_at,
        "reason": row.reason,
    }


async def get_fact_history(request: Request) -> Response:
    """A page of the fact's events (`first`/`after`, `last`/`before`), oldest first."""
    fact_id = path_id(request, "Fact")
    window = page_params(request.query_params).window(decode_event_cursor)
    async with reads_of(request).acquire() as conn:
        if not await known_db.list_facts_ever_by_ids(conn, ids=[fact_id]):
            raise ProblemError("not_found", "no fact has this id")
        pages = await history_db.page_fact_events(
            conn, fact_ids=[fact_id], window=window, count=True
        )
    page = pages[fact_id]
    return JsonResponse(_page([event_json(r) for r in page.rows], [r.key for r in page.rows], page))


async def get_article_versions(request: Request) -> Response:
    """A page of the copies corrections replaced, oldest first (retracted articles' too)."""
    article_id = await article_id_in_path(request)
    window = page_params(request.query_params).window(decode_id_cursor)
    async with reads_of(request).acquire() as conn:
        pages = await history_db.page_versions_per_article(
            conn, article_ids=[article_id], window=window, count=True
        )
    page = pages[article_id]
    items = [version_json(r) for r in page.rows]
    return JsonResponse(_page(items, [r.version for r in page.rows], page))


def _page(items: list[Json], keys: Sequence[CursorKey], page: RowPage[Any]) -> Json:
    return page_json(
        items, keys, has_next=page.has_next, has_previous=page.has_previous, total=page.total
    )
