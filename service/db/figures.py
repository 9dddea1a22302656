"""SQL for figures."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import ClassVar

from service.db.paging import (
    Filters,
    PagedTable,
    optional_where,
)
from service.db.pool import Connection
from service.db.rows import FigureRow
from service.relations import GROUPED_VALUES

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
        ORDER BY article_id, start_offset, id""",
        list(article_ids),
    )
    return FigureRow.from_records(rows)


def value_group_sql(figure: str) -> str:
    """The value the figure row `figure` reports among the rows of its query: the id of
    that value's first report. A fact's values are its reports of equal value, upper bound
    and approximation (relations.GROUPED_VALUES, which the one-statement answers group by
    too), in order of first report; this is the one place the rule is written for rows."""
    columns = ", ".join(f"{figure}.{c}" for c in GROUPED_VALUES)
    return f"min({figure}.id) OVER (PARTITION BY {figure}.fact_id, {columns})"


def split_values(reports: Iterable[FigureRow]) -> list[list[FigureRow]]:
    """A fact's reports (read with `value_group_sql`) as its values, in order of first
    report, each its reports in the order read."""
    values: dict[int | None, list[FigureRow]] = {}
    for report in reports:
        assert report.value_group is not None, "read with value_group_sql"
        values.setdefault(report.value_group, []).append(report)
    return list(values.values())


async def list_figures_for_facts(conn: Connection, *, fact_ids: Sequence[int]) -> list[FigureRow]:
    """The facts' figures, oldest first, each with its value (`value_group_sql`)."""
    rows = await conn.fetch(
        f"""SELECT {COLUMNS}, {value_group_sql("figures")} AS value_group
        FROM figures WHERE fact_id = ANY($1::bigint[]) ORDER BY fact_id, id""",
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


FIGURE_FILTERS: Filters = {
    "article": ("bigint", "t.article_id = {}"),
    "subject": ("bigint", "t.subject_id = {}"),
    "property": ("text", "t.property = {}"),
    "unit": ("text", "t.unit = {}"),
}
FIGURE_WHERE = optional_where(FIGURE_FILTERS)
# The orders a client may choose (`orderBy`), by field: an expression of `t` and its type.
# A float8 prints as its shortest exact text, so a cursor's value casts back unchanged.
FIGURE_ORDERS = {"STORED": ("t.id", "bigint"), "VALUE": ("t.value", "float8")}


@dataclass(frozen=True, slots=True)
class FigureFilter:
    """Which figures: in this article, of this subject, property and unit (None: any)."""

    article_id: int | None = None
    subject_id: int | None = None
    property: str | None = None
    unit: str | None = None
    where: ClassVar[str] = FIGURE_WHERE

    def args(self) -> list[object]:
        return [self.article_id, self.subject_id, self.property, self.unit]


FIGURES: PagedTable[FigureFilter] = PagedTable("figures t", FIGURE_ORDERS)


@dataclass(frozen=True, slots=True)
class SampledReport:
    """One of the first reports of a value of a fact, with how many report that value."""

    figure: FigureRow
    reports: int  # how many figures report this value of this fact


async def list_first_reports_for_facts(
    conn: Connection,
    *,
    fact_ids: Sequence[int],
    per_value: int,
    most_values: int | None = None,
    budget: int | None = None,
    others: bool = True,
) -> list[SampledReport]:
    """At most `per_value` figures (the first stored) of each value of each fact, grouped as
    Fact.values groups them (value, upper bound, approximation), values in order of their
    first report, each with the number of its reports. (When each value was reported is
    `known.list_value_times`, as SourcedValue's times are.)

    Values and their counts are `fact_values`' (kept as reports come and go), and only
    the figures shown are fetched, each value's in index order (an upper bound is matched
    by = or IS NULL, which the index can answer, never by IS NOT DISTINCT FROM, which it
    cannot). Each value is ordered by the whole index key, not by id alone: the planner
    does not take `IS NULL` as fixing a column, so `ORDER BY f.id` read and sorted every
    figure of a value to keep a few (10x slower on a fact with 30,000 reports).

    With `most_values`, only each fact's that many most reported values (the earliest
    first among equals) have `per_value` figures; the others have their first alone,
    which still names and places the value (a page that shows only the most reported).
    Without `others`, those others have none (a page that reads every value's first report
    in one light query, `fact_values.list_value_heads`). With `budget`, a fact with many
    values has fewer figures of each, about `budget` in all, but never fewer than one (a
    page stays the same size however much is reported)."""
    # The lateral joins below match these columns one by one, for the index's sake.
    assert GROUPED_VALUES == ("value", "upper_bound", "approximation")
    values = ", ".join(f"v.{c}" for c in GROUPED_VALUES)
    rows = await conn.fetch(
        f"""
        WITH counted AS (
            SELECT v.fact_id, {values}, v.reports, v.first_figure_id AS first_id,
                   row_number() OVER (PARTITION BY v.fact_id
                                      ORDER BY v.reports DESC, v.first_figure_id) AS place,
                   count(*) OVER (PARTITION BY v.fact_id) AS count
            FROM fact_values v WHERE v.fact_id = ANY($1::bigint[])
        ), grouped AS (
            SELECT v.*, CASE WHEN $3::int IS NULL OR v.place <= $3
                THEN greatest(1, least($2, $4::int / least(v.count, coalesce($3, v.count))))
                WHEN $5 THEN 1 ELSE 0 END AS sampled
            FROM counted v
        )
        SELECT {", ".join("f." + c.strip() for c in COLUMNS.split(","))}, v.first_id, v.reports
        FROM grouped v
        CROSS JOIN LATERAL (
            (SELECT * FROM figures f
             WHERE f.fact_id = v.fact_id AND f.value = v.value AND f.upper_bound IS NULL
               AND v.upper_bound IS NULL AND f.approximation = v.approximation
             ORDER BY f.fact_id, f.value, f.upper_bound, f.approximation, f.id LIMIT v.sampled)
            UNION ALL
            (SELECT * FROM figures f
             WHERE f.fact_id = v.fact_id AND f.value = v.value
               AND f.upper_bound = v.upper_bound AND f.approximation = v.approximation
             ORDER BY f.fact_id, f.value, f.upper_bound, f.approximation, f.id LIMIT v.sampled)
        ) f
        ORDER BY v.fact_id, v.first_id, f.id
        """,
        list(fact_ids),
        per_value,
        most_values,
        budget if budget is not None else 2**31 - 1,
        others,
    )
    return [SampledReport(FigureRow(*tuple(r)[:-1]), r["reports"]) for r in rows]


async def list_reports_of_value(
    conn: Connection, *, of: FigureRow, after_id: int | None, limit: int
) -> list[FigureRow]:
    """The reports of the value the figure `of` reports in its fact (equal value, upper
    bound and approximation), first stored first, after the report `after_id`: one page
    of a value's thousands of sources, read in index order (figures_fact_groups_idx; an
    absent upper bound matched by IS NULL, which the index answers)."""
    assert GROUPED_VALUES == ("value", "upper_bound", "approximation")
    # Either way $3 is typed; an absent bound is matched by IS NULL alone.
    upper = "IS NULL AND $3::float8 IS NULL" if of.upper_bound is None else "= $3"
    rows = await conn.fetch(
        f"""
        SELECT {COLUMNS} FROM figures f
        WHERE f.fact_id = $1 AND f.value = $2 AND f.upper_bound {upper}
            AND f.approximation = $4 AND f.id > $5
        ORDER BY f.fact_id, f.value, f.upper_bound, f.approximation, f.id LIMIT $6
        """,
        of.fact_id,
        of.value,
        of.upper_bound,
        of.approximation,
        after_id or 0,
        limit,
    )
    return FigureRow.from_records(rows)
