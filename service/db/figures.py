"""SQL for figures."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from service.db.paging import IdPage, Window, page_by_id
from service.db.pool import Connection
from service.db.rows import FigureRow

COLUMNS = """id, article_id, fact_id, subject_id, attributed_to_id, attributed_to_text, value,
    upper_bound, approximation, unit, text, property, qualifier, status, refers_to,
    start_offset, end_offset, sentence_start, sentence_end, part, caption_index"""


async def list_figures_by_ids(conn: Connection, *, ids: Sequence[int]) -> list[FigureRow]:
    rows = await conn.fetch(
        f"SELECT {COLUMNS} FROM figures WHERE id = ANY($1::bigint[])", list(ids)
    )
    return FigureRow.from_records(rows)


async def list_figures_for_articles(
    conn: Connection, *, article_ids: Sequence[int]
) -> list[FigureRow]:
    rows = await conn.fetch(
        f"""SELECT {COLUMNS} FROM figures WHERE article_id = ANY($1::bigint[])
        ORDER BY article_id, start_offset""",
        list(article_ids),
    )
    return FigureRow.from_records(rows)


async def list_figures_for_facts(conn: Connection, *, fact_ids: Sequence[int]) -> list[FigureRow]:
    rows = await conn.fetch(
        f"SELECT {COLUMNS} FROM figures WHERE fact_id = ANY($1::bigint[]) ORDER BY fact_id, id",
        list(fact_ids),
    )
    return FigureRow.from_records(rows)


@dataclass(frozen=True, slots=True)
class DistinctReport:
    """One distinct (value, upper bound, approximation, text) reported of a fact."""

    fact_id: int
    value: float
    upper_bound: float | None
    approximation: str
    text: str
    figures: int


async def list_distinct_reports_for_facts(
    conn: Connection, *, fact_ids: Sequence[int]
) -> list[DistinctReport]:
    """What a fact's dispute depends on, without one row per figure: popular facts have
    thousands of figures and only a handful of distinct reports."""
    rows = await conn.fetch(
        """
        SELECT fact_id, value, upper_bound, approximation, text, count(*) AS figures
        FROM figures WHERE fact_id = ANY($1::bigint[])
        GROUP BY fact_id, value, upper_bound, approximation, text
        ORDER BY fact_id, min(id)
        """,
        list(fact_ids),
    )
    return [
        DistinctReport(
            r["fact_id"], r["value"], r["upper_bound"], r["approximation"], r["text"], r["figures"]
        )
        for r in rows
    ]


async def page_figures(
    conn: Connection,
    *,
    article_id: int | None,
    subject_id: int | None,
    property: str | None,
    unit: str | None,
    window: Window[int],
    count: bool = True,
) -> IdPage:
    return await page_by_id(
        conn,
        source="figures t",
        where="""($3::bigint IS NULL OR t.article_id = $3)
            AND ($4::bigint IS NULL OR t.subject_id = $4)
            AND ($5::text IS NULL OR t.property = $5)
            AND ($6::text IS NULL OR t.unit = $6)""",
        args=[article_id, subject_id, property, unit],
        window=window,
        count=count,
    )
