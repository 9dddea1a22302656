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
from service.db.judgements import in_force_sql
from service.db.known import in_force_at_sql, known_sql, published_sql
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


def known_reports_sql(facts: str, at: str, shown: str) -> str:
    """The rows `list_known_reports` reads (its columns, each fact's in order of first
    figure) for the facts whose id is `facts` (an SQL condition on it: `= ANY($1)`,
    `= t0.id`) as known at `at` (an SQL time), each report with its first `shown` ids (an
    SQL int; `{n}` in it: how many values its fact had then)."""
    pub = published_sql("p")
    known_then = f"""EXISTS (SELECT 1 FROM publications p
            WHERE p.article_id = g.article_id AND {pub} <= {at})"""
    # The report's stored figures known then, in index order (an absent upper bound
    # matched by IS NULL, which the index answers: figures.list_first_reports_for_facts).
    probe = f"""SELECT g.id FROM figures g
            WHERE g.fact_id = r.fact_id AND g.value = r.value AND {{upper}}
                AND g.approximation = r.approximation AND g.text = r.text AND {known_then}
                AND NOT EXISTS (SELECT 1 FROM articles a
                    WHERE a.id = g.article_id AND a.corrected_at > {at})
            ORDER BY g.fact_id, g.value, g.upper_bound, g.approximation, g.id LIMIT r.shown"""
    # The report's earliest or latest day before as_of's day (a day's row holds its
    # pairs' times; a month's none), in index order.
    key = "d.fact_id, d.value, d.upper_bound, d.approximation, d.text, d.span, d.bucket"
    day = f"""(SELECT d.first_at, d.last_at FROM fact_report_times d
            WHERE d.fact_id = r.fact_id AND d.value = r.value AND d.upper_bound {{upper}}
                AND d.approximation = r.approximation AND d.text = r.text AND d.span = 'day'
                AND d.bucket < date_trunc('day', {at}, 'UTC')
            ORDER BY {", ".join(c + "{order}" for c in key.split(", "))} LIMIT 1)"""
    return f"""
        WITH other AS MATERIALIZED (
            {known_sql(facts, at, published=False, uncorrected=False)}
        ), counted AS (
            SELECT r.fact_id, r.value, r.upper_bound, r.approximation, r.text, r.figures,
                   NULL::timestamptz AS first_at, NULL::timestamptz AS last_at
            FROM fact_report_times r
            WHERE r.fact_id {facts} AND r.span = 'month'
                AND r.bucket < date_trunc('month', {at}, 'UTC')
            UNION ALL
            SELECT r.fact_id, r.value, r.upper_bound, r.approximation, r.text, r.figures,
                   NULL, NULL
            FROM fact_report_times r
            WHERE r.fact_id {facts} AND r.span = 'day'
                AND r.bucket >= date_trunc('month', {at}, 'UTC')
                AND r.bucket < date_trunc('day', {at}, 'UTC')
            UNION ALL
            SELECT g.fact_id, g.value, g.upper_bound, g.approximation, g.text,
                   (NOT EXISTS (SELECT 1 FROM publications q WHERE q.article_id = p.article_id
                       AND ({published_sql("q")}, q.id) < ({pub}, p.id)))::int,
                   {pub}, {pub}
            FROM publications p
            -- From the day's publications (a hundred) to their articles' figures (a few
            -- each), never by the fact's figures (68,000, each tested for the article):
            -- with `facts` a correlated id (`= t0.id`) the planner guesses a fact has 300
            -- figures and took that way. OFFSET 0 keeps the fact's test out of the scan.
            CROSS JOIN LATERAL (SELECT g.* FROM figures g
                WHERE g.article_id = p.article_id OFFSET 0) g
            JOIN articles a ON a.id = g.article_id AND a.corrected_at IS NULL
            WHERE {pub} >= date_trunc('day', {at}, 'UTC') AND {pub} <= {at} AND g.fact_id {facts}
            UNION ALL
            SELECT k.fact_id, k.value, k.upper_bound, k.approximation, k.text, 1,
                   t.first_at, t.last_at
            FROM other k CROSS JOIN LATERAL (
                SELECT min({pub}) AS first_at, max({pub}) AS last_at
                FROM publications p WHERE p.article_id = k.article_id AND {pub} <= {at}
            ) t
            WHERE t.first_at IS NOT NULL
        ), reports AS (
            SELECT fact_id, value, upper_bound, approximation, text,
                   sum(figures)::int AS figures, min(first_at) AS first_at,
                   max(last_at) AS last_at
            FROM counted GROUP BY fact_id, value, upper_bound, approximation, text
            HAVING sum(figures) > 0
        ), valued AS (
            SELECT t.*, {shown.format(n="count(*) OVER (PARTITION BY t.fact_id)")} AS shown
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
"""


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
    rows = await conn.fetch(
        known_reports_sql("= ANY($1::bigint[])", "$2", SHOWN),
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


def value_inputs_sql(fact: str, at: str | None) -> str:
    """What the rules over a fact's values (service.ingest: its agreement, each value's
    rank and conflicts, the preferred value) read, for the fact row `fact` now or as known
    at `at` (an SQL time), as JSON text: {"reports": [[value, upper bound, approximation,
    text, figures, value], ...] (each distinct report, in order of first figure; `value`:
    its value's first figure, figures.value_group_sql), "judgements": [[id, kind, value,
    upper bound, approximation, text], ...] (in force, oldest first)}. The rules themselves
    are Python's (service/computed.py reads this). As known at a time the reports are the
    counted reading's (known_reports_sql), not a walk of every figure known then."""
    grouped = ", ".join(f"k.{c}" for c in GROUPED_VALUES)
    if at is None:
        judged = in_force_sql(f"= {fact}.id")
        reports = f"""SELECT k.value, k.upper_bound, k.approximation, k.text, count(*) AS n,
                min(k.id) AS first, min(min(k.id)) OVER (PARTITION BY {grouped}) AS value_group
            FROM figures k WHERE k.fact_id = {fact}.id
            GROUP BY k.value, k.upper_bound, k.approximation, k.text"""
    else:
        judged = in_force_at_sql(f"= {fact}.id", at)
        reports = f"""SELECT k.value, k.upper_bound, k.approximation, k.text, k.figures AS n,
                k.first_ids[1] AS first,
                min(k.first_ids[1]) OVER (PARTITION BY {grouped}) AS value_group
            FROM ({known_reports_sql(f"= {fact}.id", at, "1")}) k"""
    return f"""(SELECT json_build_object(
        'reports', coalesce((SELECT json_agg(json_build_array(d.value, d.upper_bound,
                d.approximation, d.text, d.n, d.value_group) ORDER BY d.first)
            FROM ({reports}) d), '[]'),
        'judgements', coalesce((SELECT json_agg(json_build_array(
                j.id, j.kind, k.value, k.upper_bound, k.approximation, k.text) ORDER BY j.id)
            {judged}), '[]'))::text)"""


def first_known_sql(fact: str, at: str) -> str:
    """When the fact row `fact` was first reported as known at `at` (an SQL time): what
    known.first_known_sql answers (NULL: no value then), from the counted reading's
    reports instead of every figure known then."""
    return f"""(SELECT min(r.first_reported_at)
        FROM ({known_reports_sql(f"= {fact}.id", at, "1")}) r)"""
