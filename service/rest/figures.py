"""/api/v1/figures: numbers as reported, each with its exact place in the article."""

from __future__ import annotations

from collections.abc import Sequence

from starlette.requests import Request
from starlette.responses import Response

from service.db import figures as figures_db
from service.db import judgements as judgements_db
from service.db.pool import Connection
from service.db.rows import FigureRow, JudgementRow
from service.ids import decode_id_cursor, encode_id
from service.lookup import entity_id_from
from service.problems import ProblemError
from service.rest.params import id_param, page_params, path_id, reads_of, text_param
from service.rest.representations import (
    Json,
    JsonResponse,
    Related,
    citation_json,
    id_page_json,
    load_related,
)


def figure_citation(row: FigureRow, related: Related) -> Json:
    return citation_json(
        related,
        article_id=row.article_id,
        start=row.start_offset,
        end=row.end_offset,
        sentence_start=row.sentence_start,
        sentence_end=row.sentence_end,
        attributed_to_id=row.attributed_to_id,
        attributed_to_text=row.attributed_to_text,
        part=row.part,
        caption_index=row.caption_index,
    )


def judgement_json(row: JudgementRow) -> Json:
    return {
        "id": encode_id("Judgement", row.id),
        "figureId": encode_id("Figure", row.figure_id) if row.figure_id is not None else None,
        "kind": row.kind,
        "reason": row.reason,
        "madeBy": row.made_by,
        "madeAt": row.made_at,
        "withdrawnAt": row.withdrawn_at,
        "withdrawnBy": row.withdrawn_by,
        "withdrawalReason": row.withdrawal_reason,
        "inForce": row.in_force,
    }


def figure_json(row: FigureRow, related: Related, judgements: list[JudgementRow]) -> Json:
    return {
        "id": encode_id("Figure", row.id),
        "value": row.value,
        "upperBound": row.upper_bound,
        "approximation": row.approximation,
        "unit": row.unit,
        "text": row.text,
        "property": row.property,
        "qualifier": row.qualifier,
        "status": row.status,
        "refersTo": row.refers_to,
        "subject": related.entity_ref(row.subject_id),
        "factId": encode_id("Fact", row.fact_id) if row.fact_id is not None else None,
        "citation": figure_citation(row, related),
        "judgements": [judgement_json(j) for j in judgements],
    }


async def _figures(conn: Connection, ids: Sequence[int]) -> list[Json]:
    rows = {row.id: row for row in await figures_db.list_figures_by_ids(conn, ids=ids)}
    ordered = [rows[i] for i in ids if i in rows]
    related = await load_related(
        conn,
        article_ids=[r.article_id for r in ordered],
        entity_ids=[e for r in ordered for e in (r.subject_id, r.attributed_to_id)],
    )
    judged: dict[int, list[JudgementRow]] = {}
    for judgement in await judgements_db.list_judgements_for_figures(conn, figure_ids=ids):
        if judgement.figure_id is not None:
            judged.setdefault(judgement.figure_id, []).append(judgement)
    return [figure_json(row, related, judged.get(row.id, [])) for row in ordered]


async def list_figures(request: Request) -> Response:
    query = request.query_params
    page = page_params(query)
    article_id = id_param(query, "article", "Article")
    async with reads_of(request).acquire() as conn:
        flt = figures_db.FigureFilter(
            article_id=article_id,
            subject_id=await entity_id_from(conn, text_param(query, "subject")),
            property=text_param(query, "property"),
            unit=text_param(query, "unit"),
        )
        found = await figures_db.FIGURES.page(conn, flt, window=page.window(decode_id_cursor))
        items = await _figures(conn, found.ids)
    return JsonResponse(id_page_json(items, found))


async def get_figure(request: Request) -> Response:
    figure_id = path_id(request, "Figure")
    async with reads_of(request).acquire() as conn:
        items = await _figures(conn, [figure_id])
    if not items:
        raise ProblemError("not_found", "no figure has this id")
    return JsonResponse(items[0])
