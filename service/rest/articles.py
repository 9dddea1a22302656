"""/api/v1/articles: list, get, and ingest (POST)."""

from __future__ import annotations

import orjson
from starlette.requests import Request
from starlette.responses import Response

from service.config import Settings
from service.db import articles as articles_db
from service.db.pool import Connection
from service.db.replicas import Reads
from service.errors import InvalidIdError
from service.ids import decode_id, decode_time_cursor, encode_id
from service.ingest.outcome import Answer, IngestResult
from service.ingest.pipeline import ingest_article
from service.lookup import entity_id_from, outlet_id_from, refuse_retracted
from service.problems import ProblemError
from service.rest.auth import require_write
from service.rest.idempotency import idempotency_key
from service.rest.ingest_body import read_ingest_request
from service.rest.params import (
    datetime_param,
    page_params,
    pool_of,
    reads_of,
    search_param,
    text_param,
)
from service.rest.problems import Handler
from service.rest.representations import (
    Json,
    JsonResponse,
    article_json,
    load_related,
    page_json,
)


async def list_articles(request: Request) -> Response:
    query = request.query_params
    page = page_params(query)
    async with reads_of(request).acquire() as conn:
        flt = articles_db.ArticleFilter(
            outlet_id=await outlet_id_from(conn, text_param(query, "outlet")),
            entity_id=await entity_id_from(conn, text_param(query, "entity")),
            published_after=datetime_param(query, "publishedAfter"),
            published_before=datetime_param(query, "publishedBefore"),
            search=search_param(query),
        )
        found = await articles_db.page_articles(
            conn, flt=flt, window=page.window(decode_time_cursor)
        )
        total = await articles_db.count_filtered_articles(conn, flt=flt)
        related = await load_related(
            conn, article_ids=[i for i, _ in found.items], publications=True
        )
    body = [
        article_json(related.articles[i], related) for i, _ in found.items if i in related.articles
    ]
    return JsonResponse(
        page_json(
            body,
            [key for _, key in found.items],
            has_next=found.has_next,
            has_previous=found.has_previous,
            total=total,
        )
    )


async def article_by_id(pool: Reads, article_id: int) -> Json:
    """The article's JSON; 410 for a retracted one, 404 for none."""
    async with pool.acquire() as conn:
        related = await load_related(conn, article_ids=[article_id], publications=True)
        row = related.articles.get(article_id)
        if row is None:
            await refuse_retracted(conn, article_id=article_id)
            raise ProblemError("not_found", "no article has this id")
    return article_json(row, related)


async def article_id_in_path(request: Request) -> int:
    """The article the path names, by global id or by slug (retracted ones included)."""
    value: str = request.path_params["id"]
    try:
        article_id: int | None = decode_id(value, "Article")[1]
    except InvalidIdError:
        if "\x00" in value:  # PostgreSQL text cannot hold NUL, so no slug has one
            raise ProblemError("not_found", "no article has this id or slug") from None
        async with reads_of(request).acquire() as conn:
            article_id = await articles_db.find_article_id_by_slug(conn, slug=value)
    if article_id is None:
        raise ProblemError("not_found", f"no article has the id or slug {value!r}")
    return article_id


async def get_article(request: Request) -> Response:
    """By global id, or by slug."""
    article_id = await article_id_in_path(request)
    return JsonResponse(await article_by_id(reads_of(request), article_id))


def ingest_handler(settings: Settings) -> Handler:
    async def post_article(request: Request) -> Response:
        """201 with the new article, or 200 with the stored one when the copy was seen;
        with an Idempotency-Key, the first answer to that key again."""
        require_write(request.headers, settings)
        ingest = await read_ingest_request(request, max_bytes=settings.factdesk_max_article_bytes)
        extra = {"Factdesk-Converted-From": "text/html"} if ingest.converted_from_html else {}

        async def render(conn: Connection, result: IngestResult) -> Answer:
            article_id = result.article_id
            related = await load_related(conn, article_ids=[article_id], publications=True)
            body = orjson.dumps(article_json(related.articles[article_id], related))
            headers = {**_location(article_id), **extra, **_republication(result)}
            return Answer(201 if result.created else 200, body, headers)

        key = idempotency_key(request.headers, settings, ingest, render)
        result = await ingest_article(pool_of(request), ingest.text, ingest.meta, idempotency=key)
        if result.answer is not None:
            replayed = {"Idempotent-Replayed": "true"} if result.replayed else {}
            return Response(
                result.answer.body,
                status_code=result.answer.status,
                headers={**result.answer.headers, **replayed},
                media_type="application/json",
            )
        return JsonResponse(
            await article_by_id(pool_of(request), result.article_id),
            status_code=201 if result.created else 200,
            headers={**_location(result.article_id), **extra, **_republication(result)},
        )

    return post_article


def _republication(result: IngestResult) -> dict[str, str]:
    """Says that the copy was stored before and this outlet's publication was recorded."""
    return {"Factdesk-Republication": "recorded"} if result.republished else {}


def _location(article_id: int) -> dict[str, str]:
    return {"Location": f"/api/v1/articles/{encode_id('Article', article_id)}"}
