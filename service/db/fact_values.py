"""SQL for `fact_values`: each value of each fact with how many reports print it, its
first report and when it was first and last reported, kept by triggers on figures and
publications (migration 2026_12_08_fact_values), so a page reads one row per value
instead of every report. The caller owns the transaction."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from service.db.pool import Connection
from service.db.rows import FactValueRow

COLUMNS = """fact_id, value, upper_bound, approximation, first_figure_id, reports,
    first_reported_at, last_reported_at"""


def value_time_sql(fact: str, value: str, aggregate: str) -> str:
    """When the value `value` (a row alias with the grouped columns: value, upper_bound,
    approximation) of the fact `fact` (a row alias) was first (`aggregate` min) or last
    (max) reported: its fact_values row's time (the key's unique index finds it)."""
    column = "first_reported_at" if aggregate == "min" else "last_reported_at"
    return f"""(SELECT v.{column} FROM fact_values v WHERE v.fact_id = {fact}.id
        AND v.value = {value}.value AND v.upper_bound IS NOT DISTINCT FROM {value}.upper_bound
        AND v.approximation = {value}.approximation)"""


def first_values_sql(fact: str, alias: str, limit: str) -> str:
    """The rows of fact_values of the fact whose id is `fact` (SQL), as `alias`, in order
    of first report, the first `limit` (a LIMIT clause, or the empty text): a range of
    fact_values_order_idx, whatever the fact's count of reports."""
    return f"""SELECT * FROM fact_values {alias} WHERE {alias}.fact_id = {fact}
        ORDER BY {alias}.first_figure_id{limit}"""


def value_figures_sql(value: str, alias: str, count: int) -> str:
    """The first `count` figures (oldest first) of the value whose fact_values row is
    `value`, as `alias`: a range of figures_fact_groups_idx read in id order, never all
    the value's reports. A NULL upper bound is no `=` match, so it has its own branch
    (each branch is an index range; at most one holds rows); there `upper_bound` leads
    the order, or PostgreSQL (which takes IS NULL for no equality) sorts the range."""
    keys = f"""{alias}.fact_id = {value}.fact_id AND {alias}.value = {value}.value
            AND {alias}.approximation = {value}.approximation"""
    return f"""(SELECT * FROM figures {alias} WHERE {keys}
            AND {alias}.upper_bound = {value}.upper_bound ORDER BY {alias}.id LIMIT {count})
        UNION ALL
        (SELECT * FROM figures {alias} WHERE {value}.upper_bound IS NULL AND {keys}
            AND {alias}.upper_bound IS NULL ORDER BY {alias}.upper_bound, {alias}.id
            LIMIT {count})"""


async def list_values_for_facts(conn: Connection, *, fact_ids: Sequence[int]) -> list[FactValueRow]:
    """The facts' values, each fact's in order of first report."""
    rows = await conn.fetch(
        f"""SELECT {COLUMNS} FROM fact_values WHERE fact_id = ANY($1::bigint[])
        ORDER BY fact_id, first_figure_id""",
        list(fact_ids),
    )
    return FactValueRow.from_records(rows)


async def count_values_for_facts(
    conn: Connection, *, fact_ids: Sequence[int]
) -> dict[int, tuple[int, int]]:
    """Each fact's (values, reports) now; a fact with no value left has none."""
    rows = await conn.fetch(
        """SELECT fact_id, count(*) AS values, sum(reports) AS reports FROM fact_values
        WHERE fact_id = ANY($1::bigint[]) GROUP BY fact_id""",
        list(fact_ids),
    )
    return {int(r["fact_id"]): (int(r["values"]), int(r["reports"])) for r in rows}


@dataclass(frozen=True, slots=True)
class ValueHead:
    """One value of a fact: its first report's id and text, and how many reports print
    it. What a page needs of a value it does not show (its number, interval, rank)."""

    fact_id: int
    first_figure_id: int
    value: float
    upper_bound: float | None
    approximation: str
    text: str
    reports: int


async def list_value_heads(conn: Connection, *, fact_ids: Sequence[int]) -> list[ValueHead]:
    """The facts' values, each fact's in order of first report, with their first report's
    text: one row per value (a fact of thousands of values is thousands of small rows,
    not thousands of figures)."""
    rows = await conn.fetch(
        """SELECT v.fact_id, v.first_figure_id, v.value, v.upper_bound, v.approximation,
               f.text, v.reports
        FROM fact_values v JOIN figures f ON f.id = v.first_figure_id
        WHERE v.fact_id = ANY($1::bigint[]) ORDER BY v.fact_id, v.first_figure_id""",
        list(fact_ids),
    )
    return [ValueHead(**dict(r.items())) for r in rows]
