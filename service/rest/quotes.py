"""/api/v1/quotes: quotations with their speaker and where they were reported."""

from __future__ import annotations

from collections.abc import Sequence

from starlette.requests import Request
from starlette.responses import Response

from service.db import quotes as quotes_db
from service.db.pool import Connection
from service.db.rows import QuoteRow
from service.ids import decode_id_cursor, encode_id
from service.lookup import entity_id_from
from service.problems import ProblemError
from service.rest.params import id_param, page_params, path_id, reads_of, search_param, text_param
from service.rest.representations import (
    Json,
    JsonResponse,
    Related,
    citation_json,
    id_page_json,
    load_related,
)


def quote_json(row: QuoteRow, related: Related) -> Json:
    return {
        "id": encode_id("Quote", row.id),
        "text": row.text,
        "speaker": related.entity_ref(row.speaker_id),
        "speakerText": row.speaker_text,
        "isPartial": row.is_partial,
        "cue": row.cue,
        "citation": citation_json(
            related,
            article_id=row.article_id,
            start=row.start_offset,
            end=row.end_offset,
            sentence_start=row.sentence_start,
            sentence_end=row.sentence_end,
            attributed_to_id=row.speaker_id,
            attributed_to_text=row.speaker_text,
        ),
    }


async def _quotes(conn: Connection, ids: Sequence[int]) -> list[Json]:
    """Quotes in the order of `ids`, in a constant number of queries."""
    rows = {row.id: row for row in await quotes_db.list_quotes_by_ids(conn, ids=ids)}
    ordered = [rows[i] for i in ids if i in rows]
    related = await load_related(
        conn,
        article_ids=[r.article_id for r in ordered],
        entity_ids=[r.speaker_id for r in ordered],
    )
    return [quote_json(row, related) for row in ordered]


async def list_quotes(request: Request) -> Response:
    query = request.query_params
    page = page_params(query)
    article_id = id_param(query, "article", "Article")
    async with reads_of(request).acquire() as conn:
        flt = quotes_db.QuoteFilter(
            speaker_id=await entity_id_from(conn, text_param(query, "speaker")),
            article_id=article_id,
            search=search_param(query),
        )
        found = await quotes_db.QUOTES.page(conn, flt, window=page.window(decode_id_cursor))
        items = await _quotes(conn, found.ids)
    return JsonResponse(id_page_json(items, found))


async def get_quote(request: Request) -> Response:
    quote_id = path_id(request, "Quote")
    async with reads_of(request).acquire() as conn:
        items = await _quotes(conn, [quote_id])
    if not items:
        raise ProblemError("not_found", "no quote has this id")
    return JsonResponse(items[0])
