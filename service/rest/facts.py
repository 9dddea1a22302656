"""/api/v1/facts: each claim with every value any source reported, never a silent winner."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

import asyncpg
from starlette.requests import Request
from starlette.responses import Response

from service.db import facts as facts_db
from service.db import figures as figures_db
from service.db import judgements as judgements_db
from service.db import known as known_db
from service.db.known import ValueTimes
from service.db.pool import Connection
from service.db.rows import FactRow, FactTimesRow, FigureRow
from service.ids import decode_id_cursor, encode_id
from service.ingest.facts.ranks import NONE, FactJudgements, assess, by_fact, preferred_index
from service.lookup import entity_id_from
from service.problems import ProblemError
from service.rest.figures import figure_citation
from service.rest.known_facts import fact_as_of
from service.rest.params import (
    bool_param,
    datetime_param,
    page_params,
    path_id,
    reads_of,
    text_param,
)
from service.rest.representations import Json, JsonResponse, Related, id_page_json, load_related


def _values(
    reports: list[FigureRow], judged: FactJudgements, times: ValueTimesOf, related: Related
) -> tuple[list[Json], int | None]:
    """Equal values grouped as GraphQL's Fact.values does, each keeping every source and
    ranked by the judgements in force; and which of them is preferred, if one is."""
    groups = figures_db.split_values(reports)
    heads = [(group[0], len(group)) for group in groups]
    values = [
        {
            "value": group[0].value,
            "upperBound": group[0].upper_bound,
            "approximation": group[0].approximation,
            "text": group[0].text,
            "rank": assessed.rank.value,
            "conflicting": assessed.conflicting,
            "firstReportedAt": times[_key(group[0])].first_reported_at,
            "lastReportedAt": times[_key(group[0])].last_reported_at,
            "sources": [figure_citation(report, related) for report in group],
            "figureIds": [encode_id("Figure", report.id) for report in group],
        }
        for group, assessed in zip(groups, assess(heads, judged), strict=True)
    ]
    return values, preferred_index(heads, judged)


def _key(figure: FigureRow) -> tuple[int, float, float | None, str]:
    assert figure.fact_id is not None
    return (figure.fact_id, figure.value, figure.upper_bound, figure.approximation)


ValueTimesOf = dict[tuple[int, float, float | None, str], ValueTimes]


def fact_json(
    row: FactRow,
    times: FactTimesRow,
    reports: list[FigureRow],
    judged: FactJudgements,
    value_times: ValueTimesOf,
    related: Related,
) -> Json:
    """The fact as REST shows it now (as known at a past time: rest/known_facts.py)."""
    values, preferred = _values(reports, judged, value_times, related)
    return {
        "id": encode_id("Fact", row.id),
        "label": row.label,
        "subject": related.entity_ref(row.subject_id),
        "property": row.property,
        "qualifier": row.qualifier,
        "unit": row.unit,
        "disputed": row.disputed,
        "firstReportedAt": times.first_reported_at,
        "updatedAt": times.updated_at,
        "values": values,
        "preferred": values[preferred] if preferred is not None else None,
    }


async def _facts(conn: Connection, ids: Sequence[int]) -> list[Json]:
    """Facts with values, sources and ranks: seven queries whatever the page size."""
    rows = {row.id: row for row in await facts_db.list_facts_by_ids(conn, ids=ids)}
    ordered = [rows[i] for i in ids if i in rows]
    fact_ids = [r.id for r in ordered]
    times = {t.id: t for t in await facts_db.list_fact_times(conn, ids=fact_ids)}
    figures = await figures_db.list_figures_for_facts(conn, fact_ids=fact_ids)
    in_force = await judgements_db.list_in_force_for_facts(conn, fact_ids=fact_ids)
    # A fact with no times has no value (a retraction emptied it while we read).
    ordered = [r for r in ordered if r.id in times]
    reports: dict[int, list[FigureRow]] = defaultdict(list)
    for figure in figures:
        if figure.fact_id is not None:
            reports[figure.fact_id].append(figure)
    value_times = {t.key: t for t in await known_db.list_value_times(conn, fact_ids=fact_ids)}
    figures = [f for group in reports.values() for f in group]
    article_ids = sorted({f.article_id for f in figures})
    related = await load_related(
        conn,
        article_ids=article_ids,
        entity_ids=[r.subject_id for r in ordered] + [f.attributed_to_id for f in figures],
    )
    judged = by_fact(in_force)
    return [
        fact_json(
            row, times[row.id], reports[row.id], judged.get(row.id, NONE), value_times, related
        )
        for row in ordered
    ]


async def fact_by_id(pool: asyncpg.Pool, fact_id: int | None) -> Json | None:
    """The fact as GET /api/v1/facts/{id} shows it, from the primary (a write just changed
    it); None for no fact."""
    if fact_id is None:
        return None
    async with pool.acquire() as conn:
        found = await _facts(conn, [fact_id])
    return found[0] if found else None


async def list_facts(request: Request) -> Response:
    query = request.query_params
    page = page_params(query)
    disputed = bool_param(query, "disputed")
    async with reads_of(request).acquire() as conn:
        flt = facts_db.FactFilter(
            subject_id=await entity_id_from(conn, text_param(query, "subject")),
            property=text_param(query, "property"),
            disputed=disputed,
        )
        found = await facts_db.FACTS.page(conn, flt, window=page.window(decode_id_cursor))
        items = await _facts(conn, found.ids)
    return JsonResponse(id_page_json(items, found))


async def get_fact(request: Request) -> Response:
    fact_id = path_id(request, "Fact")
    as_of = datetime_param(request.query_params, "as_of")
    async with reads_of(request).acquire() as conn:
        if as_of is None:
            items = await _facts(conn, [fact_id])
        else:
            known = await fact_as_of(conn, fact_id=fact_id, as_of=as_of)
            items = [known] if known is not None else []
    if not items:
        detail = "no fact has this id"
        if as_of is not None:
            detail += ", or none of its values had been reported by as_of"
        raise ProblemError("not_found", detail)
    return JsonResponse(items[0])
