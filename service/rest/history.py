"""/api/v1/facts/{id}/history and /api/v1/articles/{id}/versions: what changed a fact and
when, and the copies corrections replaced (GraphQL's Fact.history and Article.versions)."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import Response

from service.db import history as history_db
from service.db import known as known_db
from service.db.history import ArticleVersionRow, FactEventRow
from service.db.paging import MAX_PAGE
from service.ids import encode_id
from service.problems import ProblemError
from service.rest.articles import article_id_in_path
from service.rest.params import page_params, path_id, reads_of
from service.rest.representations import Json, JsonResponse


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
    """The fact's first `first` events (default and at most 100), oldest first."""
    fact_id = path_id(request, "Fact")
    query = request.query_params
    first = page_params(query).first if "first" in query else MAX_PAGE
    async with reads_of(request).acquire() as conn:
        if not await known_db.list_facts_ever_by_ids(conn, ids=[fact_id]):
            raise ProblemError("not_found", "no fact has this id")
        rows = await history_db.list_fact_events(conn, fact_ids=[fact_id], per_fact=first)
    return JsonResponse({"items": [event_json(r) for r in rows]})


async def get_article_versions(request: Request) -> Response:
    """Every copy corrections replaced, oldest first (retracted articles' too)."""
    article_id = await article_id_in_path(request)
    async with reads_of(request).acquire() as conn:
        rows = await history_db.list_versions_for_articles(conn, article_ids=[article_id])
    return JsonResponse({"items": [version_json(r) for r in rows]})
