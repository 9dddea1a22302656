"""SQL for a fact's values as known at a past time, counted in the database: one row per
distinct report (value, upper bound, approximation, text) instead of one per figure, and
only the first few figures of each read whole. The caller owns the transaction.

A fact with 30,000 reports known at a time was 30,000 figure rows to Python (and its
reports' publications read again for the values' times): ~1 s a page at 100k articles.
Counted in SQL from every figure known then it still walked them all (~0.9 s); now the
counts are kept by month and day of publication (`fact_report_times`)."""

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
    first_ids: list[int]  # its first figures (`first`, or the budget's share), oldest first
    first_reported_at: dt.datetime
    last_reported_at: dt.datetime

    @property
    def key(self) -> tuple[float, float | None, str]:
        """Its value among the fact's (relations.GROUPED_VALUES)."""
        return (self.value, self.upper_bound, self.approximation)


# The most ids a report is read with: `first`, or with `budget`, as many as the budget
# leaves each value of its fact (`n` values known then), at least one.
SHOWN = "greatest(1, least($3::int, $4::int / {n}))"
EVERY = 2**31 - 1  # no budget


async def list_known_reports(
    conn: Connection,
    *,
    fact_ids: Sequence[int],
    as_of: dt.datetime,
    first: int,
    budget: int | None = None,
) -> list[KnownReport]:
    """Each distinct report of the facts among their figures that counted at `as_of`
    (known.known_sql), with the ids of its `first` figures (with `budget`, at most
    budget // its fact's values then, at least one) and the earliest and latest
    publication made by then of an article printing it; each fact's in order of first
    figure: what `list_known_reports_walked` answers, read from the counts kept by time.

    The figures of articles never corrected are counted by month and day of publication
    (`fact_report_times`, migration 2026_12_11_report_times): the months before as_of's
    month and the days of its month before its day are summed, as_of's own day is read
    from that day's publications. The others known then (figures of corrected articles,
    figures taken out since) are few, and walked as before. Each report's first ids are
    an index probe of its figures, first stored first, keeping those known then."""
    assert GROUPED_VALUES == ("value", "upper_bound", "approximation")
    assert first >= 1
    at = published_sql("p")
    known_then = f"""EXISTS (SELECT 1 FROM publications p
            WHERE p.article_id = g.article_id AND {at} <= $2)"""
    # The report's stored figures known then, in index order (an absent upper bound
    # matched by IS NULL, which the index answers: figures.list_first_reports_for_facts).
    probe = f"""SELECT g.id FROM figures g
            WHERE g.fact_id = r.fact_id AND g.value = r.value AND {{upper}}
                AND g.approximation = r.approximation AND g.text = r.text AND {known_then}
                AND NOT EXISTS (SELECT 1 FROM articles a
                    WHERE a.id = g.article_id AND a.corrected_at > $2)
            ORDER BY g.fact_id, g.value, g.upper_bound, g.approximation, g.id LIMIT r.shown"""
    # The report's earliest or latest day before as_of's day (a day's row holds its
    # pairs' times; a month's none), in index order.
    key = "d.fact_id, d.value, d.upper_bound, d.approximation, d.text, d.span, d.bucket"
    day = f"""(SELECT d.first_at, d.last_at FROM fact_report_times d
            WHERE d.fact_id = r.fact_id AND d.value = r.value AND d.upper_bound {{upper}}
                AND d.approximation = r.approximation AND d.text = r.text AND d.span = 'day'
                AND d.bucket < date_trunc('day', $2, 'UTC')
            ORDER BY {", ".join(c + "{order}" for c in key.split(", "))} LIMIT 1)"""
    rows = await conn.fetch(
        f"""
        WITH other AS MATERIALIZED (
            {known_sql("= ANY($1::bigint[])", "$2", published=False, uncorrected=False)}
        ), counted AS (
            SELECT r.fact_id, r.value, r.upper_bound, r.approximation, r.text, r.figures,
                   NULL::timestamptz AS first_at, NULL::timestamptz AS last_at
            FROM fact_report_times r
            WHERE r.fact_id = ANY($1::bigint[]) AND r.span = 'month'
                AND r.bucket < date_trunc('month', $2, 'UTC')
            UNION ALL
            SELECT r.fact_id, r.value, r.upper_bound, r.approximation, r.text, r.figures,
                   NULL, NULL
            FROM fact_report_times r
            WHERE r.fact_id = ANY($1::bigint[]) AND r.span = 'day'
                AND r.bucket >= date_trunc('month', $2, 'UTC')
                AND r.bucket < date_trunc('day', $2, 'UTC')
            UNION ALL
            SELECT g.fact_id, g.value, g.upper_bound, g.approximation, g.text,
                   (NOT EXISTS (SELECT 1 FROM publications q WHERE q.article_id = p.article_id
                       AND ({published_sql("q")}, q.id) < ({at}, p.id)))::int,
                   {at}, {at}
            FROM publications p
            JOIN figures g ON g.article_id = p.article_id AND g.fact_id = ANY($1::bigint[])
            JOIN articles a ON a.id = g.article_id AND a.corrected_at IS NULL
            WHERE {at} >= date_trunc('day', $2, 'UTC') AND {at} <= $2
            UNION ALL
            SELECT k.fact_id, k.value, k.upper_bound, k.approximation, k.text, 1,
                   t.first_at, t.last_at
            FROM other k CROSS JOIN LATERAL (
                SELECT min({at}) AS first_at, max({at}) AS last_at
                FROM publications p WHERE p.article_id = k.article_id AND {at} <= $2
            ) t
            WHERE t.first_at IS NOT NULL
        ), reports AS (
            SELECT fact_id, value, upper_bound, approximation, text,
                   sum(figures)::int AS figures, min(first_at) AS first_at,
                   max(last_at) AS last_at
            FROM counted GROUP BY fact_id, value, upper_bound, approximation, text
            HAVING sum(figures) > 0
        ), valued AS (
            SELECT t.*, {SHOWN.format(n="count(*) OVER (PARTITION BY t.fact_id)")} AS shown
            FROM (SELECT DISTINCT fact_id, value, upper_bound, approximation FROM reports) t
        ), shown AS (
            SELECT t.*, v.shown FROM reports t JOIN valued v ON v.fact_id = t.fact_id
                AND v.value = t.value AND v.upper_bound IS NOT DISTINCT FROM t.upper_bound
                AND v.approximation = t.approximation
        )
        SELECT r.fact_id, r.value, r.upper_bound, r.approximation, r.text, r.figures,
               least(r.first_at, earliest.first_at) AS first_reported_at,
               greatest(r.last_at, latest.last_at) AS last_reported_at, f.first_ids
        FROM shown r
        LEFT JOIN LATERAL ({day.format(upper="IS NULL AND r.upper_bound IS NULL", order="")}
            UNION ALL {day.format(upper="= r.upper_bound", order="")}
        ) earliest ON true
        LEFT JOIN LATERAL ({day.format(upper="IS NULL AND r.upper_bound IS NULL", order=" DESC")}
            UNION ALL {day.format(upper="= r.upper_bound", order=" DESC")}
        ) latest ON true
        CROSS JOIN LATERAL (
            SELECT array_agg(i.id ORDER BY i.id) AS first_ids FROM (
                SELECT u.id FROM (
                    ({probe.format(upper="g.upper_bound IS NULL AND r.upper_bound IS NULL")})
                    UNION ALL
                    ({probe.format(upper="g.upper_bound = r.upper_bound")})
                    UNION ALL
                    SELECT g.id FROM other g
                    WHERE g.until IS NOT NULL AND g.fact_id = r.fact_id
                        AND g.value = r.value
                        AND g.upper_bound IS NOT DISTINCT FROM r.upper_bound
                        AND g.approximation = r.approximation AND g.text = r.text
                        AND {known_then}
                ) u ORDER BY u.id LIMIT r.shown
            ) i
        ) f
        ORDER BY r.fact_id, f.first_ids[1]
        """,
        list(fact_ids),
        as_of,
        first,
        EVERY if budget is None else budget,
    )
    return [KnownReport(**dict(r.items())) for r in rows]


async def list_known_reports_walked(
    conn: Connection,
    *,
    fact_ids: Sequence[int],
    as_of: dt.datetime,
    first: int,
    budget: int | None = None,
) -> list[KnownReport]:
    """What `list_known_reports` answers, by definition: each distinct report of the facts
    among their figures that counted at `as_of` (known.known_sql), with the ids of its
    `first` figures (with `budget`, at most budget // its fact's values then, at least
    one) and the earliest and latest publication made by then of an article printing it;
    each fact's in order of first figure. Walks every figure known then (a fact's tens of
    thousands: the reference the counted reading is tested against)."""
    assert GROUPED_VALUES == ("value", "upper_bound", "approximation")
    # Published by then: the lateral join's times are those publications.
    known = known_sql("= ANY($1::bigint[])", "$2", published=False)
    rows = await conn.fetch(
        f"""
        WITH reports AS (
            SELECT k.fact_id, k.value, k.upper_bound, k.approximation, k.text,
                   count(*) AS figures, array_agg(k.id ORDER BY k.id) AS ids,
                   min(t.first_at) AS first_reported_at, max(t.last_at) AS last_reported_at
            FROM ({known}) k
            CROSS JOIN LATERAL (
                SELECT min({published_sql("p")}) AS first_at,
                       max({published_sql("p")}) AS last_at
                FROM publications p
                WHERE p.article_id = k.article_id AND {published_sql("p")} <= $2
            ) t
            WHERE t.first_at IS NOT NULL
            GROUP BY k.fact_id, k.value, k.upper_bound, k.approximation, k.text
        )
        SELECT r.fact_id, r.value, r.upper_bound, r.approximation, r.text, r.figures,
               r.ids[1:(SELECT {SHOWN.format(n="count(*)")} FROM (
                   SELECT DISTINCT v.value, v.upper_bound, v.approximation FROM reports v
                   WHERE v.fact_id = r.fact_id) d)] AS first_ids,
               r.first_reported_at, r.last_reported_at
        FROM reports r
        ORDER BY r.fact_id, r.ids[1]
        """,
        list(fact_ids),
        as_of,
        first,
        EVERY if budget is None else budget,
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
