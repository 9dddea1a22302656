"""SQL for a fact's values as known at a past time, counted in the database: one row per
distinct report (value, upper bound, approximation, text) instead of one per figure, and
only the first few figures of each read whole. The caller owns the transaction.

A fact with 30,000 reports known at a time was 30,000 figure rows to Python (and its
reports' publications read again for the values' times): ~1 s a page at 100k articles."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from service.db.figures import COLUMNS as FIGURE_COLUMNS
from service.db.figures import value_group_sql
from service.db.known import known_sql, published_sql
from service.db.pool import Connection
from service.db.rows import FigureRow
from service.relations import GROUPED_VALUES


@dataclass(frozen=True, slots=True)
class KnownReport:
    """One distinct report of a fact known at a time: how many figures printed it then,
    the first few of them, and when it was first and last published by then."""

    fact_id: int
    value: float
    upper_bound: float | None
    approximation: str
    text: str
    figures: int
    first_ids: list[int]  # the first `first` figures printing it, oldest first
    first_reported_at: dt.datetime
    last_reported_at: dt.datetime

    @property
    def key(self) -> tuple[float, float | None, str]:
        """Its value among the fact's (relations.GROUPED_VALUES)."""
        return (self.value, self.upper_bound, self.approximation)


async def list_known_reports(
    conn: Connection, *, fact_ids: Sequence[int], as_of: dt.datetime, first: int
) -> list[KnownReport]:
    """Each distinct report of the facts among their figures that counted at `as_of`
    (known.known_sql), with the ids of its `first` figures and the earliest and latest
    publication made by then of an article printing it; each fact's in order of first
    figure. A figure's publications by then are read once, for both its counting and its
    times."""
    assert GROUPED_VALUES == ("value", "upper_bound", "approximation")
    # Published by then: the lateral join's times are those publications.
    known = known_sql("= ANY($1::bigint[])", "$2", published=False)
    rows = await conn.fetch(
        f"""
        SELECT k.fact_id, k.value, k.upper_bound, k.approximation, k.text,
               count(*) AS figures, (array_agg(k.id ORDER BY k.id))[1:$3] AS first_ids,
               min(t.first_at) AS first_reported_at, max(t.last_at) AS last_reported_at
        FROM ({known}) k
        CROSS JOIN LATERAL (
            SELECT min({published_sql("p")}) AS first_at, max({published_sql("p")}) AS last_at
            FROM publications p WHERE p.article_id = k.article_id AND {published_sql("p")} <= $2
        ) t
        WHERE t.first_at IS NOT NULL
        GROUP BY k.fact_id, k.value, k.upper_bound, k.approximation, k.text
        ORDER BY k.fact_id, min(k.id)
        """,
        list(fact_ids),
        as_of,
        first,
    )
    return [KnownReport(**dict(r.items())) for r in rows]


async def list_figures_known_at_by_ids(
    conn: Connection, *, fact_ids: Sequence[int], ids: Sequence[int], as_of: dt.datetime
) -> list[FigureRow]:
    """The figures `ids` of the facts as they counted at `as_of` (one taken out since is
    read from what was kept of it), oldest first, each with its value among them
    (`value_group_sql`: with each value's first figures read, its first report's id)."""
    rows = await conn.fetch(
        f"""SELECT {FIGURE_COLUMNS}, {value_group_sql("known")} AS value_group
        FROM ({known_sql("= ANY($1::bigint[])", "$2")}) known
        WHERE known.id = ANY($3::bigint[])
        ORDER BY fact_id, id""",
        list(fact_ids),
        as_of,
        list(ids),
    )
    return FigureRow.from_records(rows)
